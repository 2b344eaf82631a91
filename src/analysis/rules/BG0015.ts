// BG0015: one trigger's path makes more than 5 EnqueueBackgroundTask calls outside loops.
import { enqueuingPages, reachesEnqueue, walkPage } from './pageWalk';
import { inScope, type Rule } from './types';

export const MAX_CONCURRENT_CHILD_SESSIONS = 5;

export const BG0015: Rule = {
  meta: { scope: 'local', id: 'BG0015', title: 'More than five background tasks from one trigger', defaultSeverity: 'info' },
  check(ctx) {
    const { ws } = ctx;
    const pages = enqueuingPages(ctx.facts);
    for (const page of pages) {
      if (!inScope(ctx, page.file)) continue;
      for (const trigger of page.procedures.filter((p) => p.isTrigger && reachesEnqueue(ws, page, p))) {
        const calls: { start: number; end: number }[] = [];
        walkPage(ws, page, trigger, (v) => {
          if (v.res.kind === 'builtin' && v.res.name === 'currpage.enqueuebackgroundtask' && v.flow.loops.length === 0) calls.push(v.path[1]);
        });
        if (calls.length <= MAX_CONCURRENT_CHILD_SESSIONS) continue;
        ctx.report({
          file: page.file,
          start: trigger.nameStart,
          end: trigger.nameEnd,
          message: `${trigger.host ? `${trigger.host.name}.` : ''}${trigger.name} enqueues ${calls.length} background tasks: only ${MAX_CONCURRENT_CHILD_SESSIONS} child sessions run at once per session (ChildSessionsMaxConcurrency), the rest wait for a slot; combine the work into fewer tasks.`,
        });
      }
    }
  },
};
