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
  reports: Report[];
}

const memos = new WeakMap<Workspace, Map<string, Memo>>();

/**
 * Runs `compute` (which calls `track` for every file its result depends on) unless the last result of `id` still
 * holds, and reports the result.
 */
export function reportMemoised(ctx: RuleContext, id: string, compute: (track: (file: string) => void, report: (r: Report) => void) => void): void {
  let byRule = memos.get(ctx.ws);
  if (!byRule) memos.set(ctx.ws, (byRule = new Map()));
  const roots = rootsKey(ctx.facts);
  let memo = byRule.get(id);
  if (!memo || (memo.version !== ctx.ws.version && !stillHolds(ctx.ws, memo, roots))) {
    const files = new Set<string>();
    const reports: Report[] = [];
    compute((f) => files.add(f), (r) => reports.push(r));
    memo = { version: ctx.ws.version, roots, files, reports };
    byRule.set(id, memo);
  }
  memo.version = ctx.ws.version;
  for (const r of memo.reports) ctx.report(r);
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
