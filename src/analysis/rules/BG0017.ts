// BG0017: re-enqueue into the same global task id from a repeating trigger, no cancel before, completion ignores TaskId.
import { lookupVar } from '../model/resolve';
import { mentionsIdent } from '../model/visit';
import { enqueuingPages, indentAt, objectTrigger, pageFamily, reachesEnqueue, walkPage } from './pageWalk';
import { pathText, inScope, type Rule } from './types';

const repeating = new Set(['onaftergetcurrrecord', 'onaftergetrecord']);

export const BG0017: Rule = {
  meta: { scope: 'local', id: 'BG0017', title: 'Racing background tasks', defaultSeverity: 'info', quickFix: 'Insert CurrPage.CancelBackgroundTask(TaskId)' },
  check(ctx) {
    const { ws } = ctx;
    const pages = enqueuingPages(ctx.facts);
    for (const page of pages) {
      if (!inScope(ctx, page.file)) continue;
      const completed = [...pageFamily(ws, page)].map((o) => objectTrigger(o, 'OnPageBackgroundTaskCompleted')).find((t) => t);
      if (!completed || completed.params.length === 0) continue;
      if (mentionsIdent(completed.body, completed.params[0].name.toLowerCase())) continue;
      for (const trigger of page.procedures) {
        if (!trigger.isTrigger) continue;
        const isRepeating = repeating.has(trigger.name.toLowerCase()) || (trigger.host && trigger.host.kind !== 'tablefield');
        if (!isRepeating || !reachesEnqueue(ws, page, trigger)) continue;
        const cancelled = new Set<string>();
        walkPage(ws, page, trigger, (v) => {
          if (v.res.kind !== 'builtin') return;
          const a0 = v.call.args[0];
          const name = a0?.k === 'ident' ? a0.name.toLowerCase() : undefined;
          if (v.res.name === 'currpage.cancelbackgroundtask' && name) cancelled.add(name);
          if (v.res.name !== 'currpage.enqueuebackgroundtask' || !name || cancelled.has(name)) return;
          const variable = lookupVar(ws, v.frame.ref.obj, v.frame.ref.proc, a0!.k === 'ident' ? a0!.name : '');
          if (!variable || variable.scope !== 'global') return;
          const last = v.path[v.path.length - 1];
          const file = ws.files.get(last.file);
          const indent = file ? indentAt(file.text, last.start) : '';
          let ls = last.start;
          while (file && ls > 0 && file.text[ls - 1] !== '\n') ls--;
          const onOwnLine = file && file.text.slice(ls, last.start).replace(/\/\*.*?\*\//g, '').trim() === '';
          ctx.report({
            file: last.file,
            start: last.start,
            end: last.end,
            path: v.path,
            message:
              `${trigger.host ? `${trigger.host.name}.` : ''}${trigger.name} can run repeatedly and enqueues into ${variable.name} (${pathText(v.path)}) without cancelling the previous task, ` +
              `and OnPageBackgroundTaskCompleted never looks at TaskId: two tasks can be in flight and the older result can overwrite the newer one. ` +
              `Cancel first (CurrPage.CancelBackgroundTask(${variable.name})) or compare TaskId in the completion trigger.`,
            fixes: onOwnLine
              ? [{ title: `Insert CurrPage.CancelBackgroundTask(${variable.name})`, edits: [{ file: last.file, start: ls, end: ls, newText: `${indent}if ${variable.name} <> 0 then\n${indent}    CurrPage.CancelBackgroundTask(${variable.name});\n` }] }]
              : undefined,
          });
        });
      }
    }
  },
};
