// BG0016: CurrPage.Update (ignored) or Confirm/StrMenu (error) reachable from the task completion/error triggers.
import { enqueuingPages, objectTrigger, statementLines, walkPage } from './pageWalk';
import { pathText, inScope, type Rule } from './types';
import { builtinByKey } from '../../language/builtins';

export const BG0016: Rule = {
  meta: { scope: 'local', id: 'BG0016', title: 'CurrPage.Update or a dialog in a background task trigger', defaultSeverity: 'warning', quickFix: 'Remove the call' },
  check(ctx) {
    const { ws } = ctx;
    const pages = enqueuingPages(ctx.facts);
    for (const page of pages) {
      if (!inScope(ctx, page.file)) continue;
      for (const name of ['OnPageBackgroundTaskCompleted', 'OnPageBackgroundTaskError']) {
        const root = objectTrigger(page, name);
        if (!root) continue;
        walkPage(ws, page, root, (v) => {
          if (v.res.kind !== 'builtin') return;
          const last = v.path[v.path.length - 1];
          if (v.res.name === 'currpage.update') {
            const file = ws.files.get(last.file);
            // Only a call standing as its own statement can be removed safely.
            const stmt = file && findExprStatement(file.text, last.start, last.end);
            ctx.report({
              file: last.file,
              start: last.start,
              end: last.end,
              path: v.path,
              message: `CurrPage.Update is reached from ${name} (${pathText(v.path)}): BC ignores it there (the page refreshes after the trigger by itself).`,
              fixes: stmt ? [{ title: 'Remove the CurrPage.Update call', edits: [{ file: last.file, start: stmt.start, end: stmt.end, newText: '' }] }] : undefined,
            });
          } else if (isDialogCallback(v.res.name)) {
            const what = builtinByKey(v.res.name)!.label;
            ctx.report({
              file: last.file,
              start: last.start,
              end: last.end,
              path: v.path,
              severity: 'error',
              message: `${what} is reached from ${name} (${pathText(v.path)}): client callbacks are not allowed there and fail with "...The disallowed callback was issued from the OnPageBackgroundTaskCompleted or OnPageBackgroundTaskError trigger."`,
            });
          }
        });
      }
    }
  },
};

/** `CurrPage.Update(...)` followed by `;` and alone on its line(s): the span to delete. */
function findExprStatement(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const span = statementLines(text, { start, end });
  return span.start !== start ? span : undefined;
}

/** Confirm and StrMenu: the Dialog methods that call back to the client (the catalogue's clientCallback fact). */
function isDialogCallback(name: string): boolean {
  const e = builtinByKey(name);
  return !!e && e.receiver === 'Dialog' && e.facts.has('clientCallback');
}
