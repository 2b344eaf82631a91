// Per-file memo for workspace rules: a file's result is reused while its model and the inputs it depends on (the
// declaration epoch, shared workspace results) are unchanged, so a pass after an edit re-checks the edited file only.
import type { AlFileModel } from '../model/ir';

export class PerFileMemo<T> {
  private readonly memo = new WeakMap<AlFileModel, { deps: readonly unknown[]; value: T }>();

  /** The value for `file` and these dependencies (compared by identity), computed by `compute` when not memoised. */
  get(file: AlFileModel, deps: readonly unknown[], compute: () => T): T {
    const hit = this.memo.get(file);
    if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i])) return hit.value;
    const value = compute();
    this.memo.set(file, { deps, value });
    return value;
  }
}
