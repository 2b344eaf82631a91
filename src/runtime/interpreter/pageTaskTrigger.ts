// The one definition of what runs when a page background task ends: which page trigger (BC's
// OnPageBackgroundTaskCompleted(TaskId, Results) or OnPageBackgroundTaskError(TaskId, ErrorCode, ErrorText,
// ErrorCallStack, var IsHandled)), with which arguments, and whether the error trigger handled the error.
// The asynchronous path (sessions/pageTasks.ts: the trigger is queued on the page's session) and the synchronous
// one (web-service and test pages, TestPage.RunPageBackgroundTask: interpreter/testPage.ts, in the caller's
// execution) both go through it.
import type { ChildTaskRun } from '../contracts';

export type TaskOutcome = NonNullable<ReturnType<ChildTaskRun['outcome']>>;

export type TaskTriggerName = 'OnPageBackgroundTaskCompleted' | 'OnPageBackgroundTaskError';

/** Position of `var IsHandled` in OnPageBackgroundTaskError's parameters. */
const IS_HANDLED = 4;

/** The trigger a finished task runs and its arguments; undefined for a cancelled task (BC runs none). */
export function taskTriggerCall(taskId: number, outcome: TaskOutcome): { name: TaskTriggerName; args: unknown[] } | undefined {
  switch (outcome.state) {
    case 'completed':
      return { name: 'OnPageBackgroundTaskCompleted', args: [taskId, outcome.results] };
    case 'failed': {
      const args: unknown[] = [taskId, outcome.error.code, outcome.error.text, outcome.error.callStack];
      args[IS_HANDLED] = false;
      return { name: 'OnPageBackgroundTaskError', args };
    }
    case 'cancelled':
      return undefined;
  }
}

/**
 * Whether OnPageBackgroundTaskError set IsHandled: read from the argument list after the call (a `var` argument
 * comes back in it). Anything else (the trigger failed, no list) is "not handled": BC then shows the error.
 */
export function errorHandled(argsAfter: unknown): boolean {
  return Array.isArray(argsAfter) && argsAfter[IS_HANDLED] === true;
}
