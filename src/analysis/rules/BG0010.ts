// BG0010: an enqueued codeunit from which no path calls Page.SetBackgroundTaskResult.
import { walk } from '../model/walk';
import type { Rule } from './types';
import { reportMemoised } from './walkMemo';

export const BG0010: Rule = {
  meta: { scope: 'workspace', id: 'BG0010', title: 'Background task codeunit never sets a result', defaultSeverity: 'warning' },
  check(ctx) {
    reportMemoised(ctx, 'BG0010', (track, report) => {
      for (const root of ctx.facts.roots.values()) {
        if (!root.kinds.has('pagetask')) continue;
        let found = false;
        walk(ctx.ws, root.ref, {
          visited: new Set(),
          env: { clientType: 'ChildSession' },
          onEnter(ref) {
            track(ref.obj.file);
          },
          onRead(file) {
            track(file);
          },
          onCall(v) {
            if (found) return false;
            if (v.res.kind === 'builtin' && v.res.name === 'page.setbackgroundtaskresult') found = true;
            return v.res.kind === 'proc';
          },
        });
        if (found) continue;
        for (const site of root.enqueuedBy) {
          const arg = site.targetExpr ?? site.call;
          track(site.obj.file);
          report({
            file: site.obj.file,
            start: arg.start,
            end: arg.end,
            message: `Codeunit "${root.ref.obj.name}" is enqueued as a page background task but no path from its OnRun calls Page.SetBackgroundTaskResult: OnPageBackgroundTaskCompleted always receives an empty dictionary.`,
          });
        }
      }
    });
  },
};
