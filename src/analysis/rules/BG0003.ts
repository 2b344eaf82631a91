// BG0003: EnqueueBackgroundTask reachable from OnPageBackgroundTaskCompleted / OnPageBackgroundTaskError.
import { isPage, objectTrigger, walkPage } from './pageWalk';
import { pathText, inScope, type Rule } from './types';

export const BG0003: Rule = {
  meta: { scope: 'local', id: 'BG0003', title: 'Page background task enqueued from a task completion or error trigger', defaultSeverity: 'warning' },
  check(ctx) {
    const { ws } = ctx;
    const pages = new Set(ctx.facts.enqueueSites.map((s) => s.obj).filter(isPage));
    for (const page of pages) {
      if (!inScope(ctx, page.file)) continue;
      for (const name of ['OnPageBackgroundTaskCompleted', 'OnPageBackgroundTaskError']) {
        const root = objectTrigger(page, name);
        if (!root) continue;
        walkPage(ws, page, root, (v) => {
          if (v.res.kind !== 'builtin' || v.res.name !== 'currpage.enqueuebackgroundtask') return;
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
