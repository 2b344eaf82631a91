// BG0006: a UI call (Confirm, StrMenu, Page.Run, ...) reachable from background code, not guarded by GuiAllowed().
import { guardFix } from './guardFix';
import { flagNote, rootText, uiCalls, walkBackground } from './backgroundUi';
import { pathText, type Rule } from './types';

const effects: Record<string, string> = {
  Confirm: 'fails with "...attempted to issue a client callback to show a confirmation dialog box" and ends the session',
  StrMenu: 'fails with "Callback functions are not allowed" and ends the session',
  'Dialog.Open': 'is silently ignored (there is no client to show the window)',
};

export const BG0006: Rule = {
  meta: { scope: 'workspace', id: 'BG0006', title: 'User interface call in background code', defaultSeverity: 'warning', quickFix: 'Wrap in if GuiAllowed() then' },
  check(ctx) {
    walkBackground(ctx, uiCalls, ({ root, visit, what, last }) => {
      const trapped = visit.flow.trapped;
      const effect = trapped
        ? `fails (there is no client); on this path ${trapped} catches the error (its caller tests the result), so the session goes on without what the call was for`
        : (effects[what] ?? 'must not be used: there is no client, the call fails and ends the session');
      const fix = guardFix(ctx.ws, last.file, visit.call);
      ctx.report({
        file: last.file,
        start: last.start,
        end: last.end,
        path: visit.path,
        message: `${what} is reached from ${rootText(root)}: ${pathText(visit.path)}. Without a client ${what} ${effect}. Guard it with GuiAllowed().${flagNote(visit.flow.flags)}`,
        fixes: fix ? [fix] : undefined,
      });
    });
  },
};
