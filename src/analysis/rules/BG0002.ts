// BG0002: EnqueueBackgroundTask reachable from OnAfterGetRecord on a list-type page (runs per row).
import { enqueuingPages, moveToAfterGetCurrRecordFix, objectTrigger, walkPage } from './pageWalk';
import { pathText, inScope, type Rule } from './types';

const listTypes = new Set(['list', 'listpart', 'worksheet', 'listplus']);

export const BG0002: Rule = {
  meta: { scope: 'local',
    id: 'BG0002',
    title: 'Page background task enqueued per row on a list page',
    defaultSeverity: 'warning',
    quickFix: 'Move the call to OnAfterGetCurrRecord',
  },
  check(ctx) {
    const { ws } = ctx;
    const pages = enqueuingPages(ctx.facts);
    for (const page of pages) {
      if (!inScope(ctx, page.file)) continue;
      const type = ws.pageType(page);
      if (!type || !listTypes.has(type)) continue;
      const root = objectTrigger(page, 'OnAfterGetRecord');
      if (!root) continue;
      walkPage(ws, page, root, (v) => {
        if (v.res.kind !== 'builtin' || v.res.name !== 'currpage.enqueuebackgroundtask') return;
        const first = v.path[1];
        const fix = moveToAfterGetCurrRecordFix(ws, page, root, first.start);
        ctx.report({
          file: page.file,
          start: first.start,
          end: first.end,
          path: v.path,
          message:
            `EnqueueBackgroundTask is reached from OnAfterGetRecord (${pathText(v.path)}) on a page of type ${type}: ` +
            `OnAfterGetRecord runs for every row, each enqueue stores that row's record ID, and BC cancels the task as soon as the page moves to the next row. ` +
            `Enqueue from OnAfterGetCurrRecord.`,
          fixes: fix ? [fix] : undefined,
        });
      });
    }
  },
};
