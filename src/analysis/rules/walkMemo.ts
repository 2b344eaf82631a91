// Reuse of a whole-workspace rule's findings across edits that cannot change them: the rule says which files its
// result was read from (procedures a walk entered, call sites it reports at); an edit elsewhere that keeps every
// file's declarations and the background roots unchanged leaves the result as it was.
import type { BackgroundRoot, Facts } from '../facts';
import { isBodyOnly } from '../model/declarations';
import type { Workspace } from '../model/workspace';
import type { Report, RuleContext } from './types';

interface Memo {
  version: number;
  roots: string;
  files: Set<string>;
  value: unknown;
}

const memos = new WeakMap<Workspace, Map<string, Memo>>();

/**
 * The last value of `id` while it still holds, else `compute`'s (which calls `track` for every file the value depends
 * on). `refresh` updates a reused value for the current workspace (e.g. objects of re-parsed files it names).
 */
export function memoised<T>(ctx: RuleContext, id: string, compute: (track: (file: string) => void) => T, refresh?: (value: T) => T): T {
  let byRule = memos.get(ctx.ws);
  if (!byRule) memos.set(ctx.ws, (byRule = new Map()));
  let memo = byRule.get(id);
  if (memo && memo.version === ctx.ws.version) return memo.value as T;
  const roots = rootsKey(ctx.facts);
  if (memo && stillHolds(ctx.ws, memo, roots)) {
    if (refresh) memo.value = refresh(memo.value as T);
  } else {
    const files = new Set<string>();
    memo = { version: ctx.ws.version, roots, files, value: compute((f) => files.add(f)) };
    byRule.set(id, memo);
  }
  memo.version = ctx.ws.version;
  return memo.value as T;
}

/** `memoised` for a rule's reports: runs `compute` unless its last result still holds, and reports the result. */
export function reportMemoised(ctx: RuleContext, id: string, compute: (track: (file: string) => void, report: (r: Report) => void) => void): void {
  const reports = memoised(ctx, id, (track) => {
    const out: Report[] = [];
    compute(track, (r) => out.push(r));
    return out;
  });
  for (const r of reports) ctx.report(r);
}

/** Whether the edits since the memo's version left its inputs alone. */
export function stillHolds(ws: Workspace, memo: { version: number; roots: string; files: Set<string> }, roots: string): boolean {
  if (roots !== memo.roots) return false;
  const changes = ws.changesSince(memo.version);
  return !!changes && changes.every((c) => isBodyOnly(c) && !memo.files.has(c.path));
}

/** A root as walks and messages see it: the codeunit, how it runs, and what starts it. */
export function rootKey(r: BackgroundRoot): string {
  const o = r.origin;
  const by = r.enqueuedBy.map((s) => `${s.obj.file}:${s.obj.name}`).join(',');
  return `${r.ref.obj.file}\u0000${r.ref.obj.name}\u0000${[...r.kinds].sort().join(',')}\u0000${o ? `${o.obj.kind}:${o.obj.name}` : ''}\u0000${by}`;
}

export function rootsKey(facts: Facts): string {
  return [...facts.roots.values()].map(rootKey).join('\n');
}
