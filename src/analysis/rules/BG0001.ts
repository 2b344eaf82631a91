// BG0001: EnqueueBackgroundTask reachable from OnOpenPage, OnInit or a Rec-bound field's OnValidate.
import type { Procedure } from '../model/ir';
import { lookupVar } from '../model/resolve';
import type { Workspace, WsObject } from '../model/workspace';
import { enqueuingPages, moveToAfterGetCurrRecordFix, objectTrigger, walkPage } from './pageWalk';
import { pathText, inScope, type Rule } from './types';

export const BG0001: Rule = {
  meta: { scope: 'local',
    id: 'BG0001',
    title: 'Page background task enqueued before the record is settled',
    defaultSeverity: 'warning',
    quickFix: 'Move the call to OnAfterGetCurrRecord',
  },
  check(ctx) {
    const { ws } = ctx;
    const pages = enqueuingPages(ctx.facts);
    for (const page of pages) {
      if (!inScope(ctx, page.file)) continue;
      if (!ws.sourceTableName(page)) continue;
      for (const root of roots(ws, page)) {
        walkPage(ws, page, root, (v) => {
          if (v.res.kind !== 'builtin' || v.res.name !== 'currpage.enqueuebackgroundtask' || v.flow.positioned) return;
          const first = v.path[1];
          const where = root.host ? `the OnValidate trigger of field ${root.host.name}` : root.name;
          const fix = moveToAfterGetCurrRecordFix(ws, page, root, first.start);
          ctx.report({
            file: page.file,
            start: first.start,
            end: first.end,
            path: v.path,
            message:
              `EnqueueBackgroundTask is reached from ${where} (${pathText(v.path)}) before the page's record is settled: ` +
              `the task stores the current record ID when it is enqueued and BC cancels it when the record ID changes, so its result never arrives. ` +
              `Enqueue from OnAfterGetCurrRecord.`,
            fixes: fix && !root.host ? [fix] : undefined,
          });
        });
      }
    }
  },
};

/** OnOpenPage, OnInit and OnValidate of fields bound to the source record. */
function roots(ws: Workspace, page: WsObject): Procedure[] {
  const out: Procedure[] = [];
  for (const n of ['OnOpenPage', 'OnInit']) {
    const t = objectTrigger(page, n);
    if (t) out.push(t);
  }
  for (const p of page.procedures) {
    if (!p.isTrigger || p.host?.kind !== 'field' || p.name.toLowerCase() !== 'onvalidate') continue;
    if (isRecBound(ws, page, p.host.sourceExpr)) out.push(p);
  }
  return out;
}

/** `Rec."No."`, `Rec.Name` or a bare name that is not a page variable (old style, implicitly Rec). */
function isRecBound(ws: Workspace, page: WsObject, source: string | undefined): boolean {
  if (!source) return false;
  const s = source.trim();
  if (/^rec\s*\./i.test(s)) return true;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) || /^"[^"]+"$/.test(s)) {
    const v = lookupVar(ws, page, undefined, s.replace(/"/g, ''));
    return !v;
  }
  return false;
}
