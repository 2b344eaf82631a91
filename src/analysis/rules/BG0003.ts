// BG0003: EnqueueBackgroundTask reachable from OnPageBackgroundTaskCompleted / OnPageBackgroundTaskError.
import type { Stmt } from '../model/ir';
import { forEachCall, forEachExpr } from '../model/visit';
import type { Workspace, WsObject } from '../model/workspace';
import { enqueuingPages, objectTrigger, pageFamily, walkPage } from './pageWalk';
import { pathText, inScope, type Rule } from './types';

export const BG0003: Rule = {
  meta: { scope: 'local', id: 'BG0003', title: 'Page background task enqueued from a task completion or error trigger', defaultSeverity: 'warning' },
  check(ctx) {
    const { ws } = ctx;
    const pages = enqueuingPages(ctx.facts);
    for (const page of pages) {
      if (!inScope(ctx, page.file)) continue;
      for (const name of ['OnPageBackgroundTaskCompleted', 'OnPageBackgroundTaskError']) {
        const root = objectTrigger(page, name);
        if (!root) continue;
        walkPage(ws, page, root, (v) => {
          if (v.res.kind !== 'builtin' || v.res.name !== 'currpage.enqueuebackgroundtask') return;
          if (drainsWorkQueue(ws, page, v.flow.loops)) return;
          const last = v.path[v.path.length - 1];
          ctx.report({
            file: page.file,
            start: last.start,
            end: last.end,
            path: v.path,
            message:
              `EnqueueBackgroundTask is reached from ${name} (${pathText(v.path)}): every finished task starts another one, ` +
              `an endless chain of child sessions while the page is open; branching chains hit the limit of 100 queued tasks and the enqueue fails.`,
          });
        });
      }
    }
  },
};

/**
 * A chain that drains a work queue is bounded: the enqueue sits in a `while` loop over `Queue.Count()` of a collection
 * from which the page removes each dequeued item (Microsoft's Data Search page runs its searches five at a time so).
 */
function drainsWorkQueue(ws: Workspace, page: WsObject, loops: Stmt[]): boolean {
  for (const loop of loops) {
    if (loop.k !== 'while') continue;
    const counted = new Set<string>();
    forEachExpr(loop.cond, (e) => {
      if (e.k === 'call' && e.callee.k === 'member' && e.callee.name.toLowerCase() === 'count' && e.callee.obj.k === 'ident') counted.add(e.callee.obj.name.toLowerCase());
    });
    if (counted.size === 0) continue;
    for (const o of pageFamily(ws, page)) {
      for (const p of o.procedures) {
        let removes = false;
        forEachCall(p.body, (c) => {
          if (c.callee.k === 'member' && c.callee.name.toLowerCase() === 'remove' && c.callee.obj.k === 'ident' && counted.has(c.callee.obj.name.toLowerCase())) removes = true;
        });
        if (removes) return true;
      }
    }
  }
  return false;
}
