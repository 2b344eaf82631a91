// BG0018 (BG0009's hidden variant): a page enqueues background tasks but has no OnPageBackgroundTaskError trigger.
import { missingTrigger } from './BG0009';
import type { Rule } from './types';

export const BG0018: Rule = {
  meta: { scope: 'local', id: 'BG0018', title: 'Page enqueues background tasks but has no OnPageBackgroundTaskError', defaultSeverity: 'hidden', quickFix: 'Add the trigger skeleton' },
  check(ctx) {
    missingTrigger(
      ctx,
      'OnPageBackgroundTaskError',
      'TaskId: Integer; ErrorCode: Text; ErrorText: Text; ErrorCallStack: Text; var IsHandled: Boolean',
      (page) =>
        `Page ${page.kind === 'pageextension' ? 'extension ' : ''}"${page.name}" enqueues background tasks but has no OnPageBackgroundTaskError trigger: task errors (timeouts included) only show as a generic notification per the task's ErrorLevel.`,
    );
  },
};
