// BG0007: Message reachable from background code, not guarded by GuiAllowed() (suppressed, event log only).
import { guardFix } from './guardFix';
import { flagNote, ignoredCalls, rootText, walkBackground } from './backgroundUi';
import { pathText, type Rule } from './types';

export const BG0007: Rule = {
  meta: { scope: 'workspace', id: 'BG0007', title: 'Message in background code', defaultSeverity: 'info', quickFix: 'Wrap in if GuiAllowed() then' },
  check(ctx) {
    walkBackground(ctx, ignoredCalls, ({ root, visit, last, what }) => {
      const fix = guardFix(ctx.ws, last.file, visit.call);
      ctx.report({
        file: last.file,
        start: last.start,
        end: last.end,
        path: visit.path,
        message:
          what === 'Message'
            ? `Message is reached from ${rootText(root)}: ${pathText(visit.path)}. Without a client the message is suppressed and only written to the server event log; nobody sees it.${flagNote(visit.flow.flags)}`
            : `Dialog.Open is reached from ${rootText(root)}: ${pathText(visit.path)}. Without a client the window is silently not shown; guard progress windows with GuiAllowed().${flagNote(visit.flow.flags)}`,
        fixes: fix ? [fix] : undefined,
      });
    });
  },
};
