// Page background tasks (CurrPage.EnqueueBackgroundTask): read-only child sessions of the page's session, at most
// 5 running per parent with a queue of 100, a timeout (2 min default, 10 min cap), the completion and error
// triggers on the page, notifications per ErrorLevel, and cancellation when the record changes, the page closes
// or the parent session ends.
import type { AlErrorInfo, ChildTaskRun, EnqueueRequest, PageHandle, PageInstance } from '../contracts';
import type { SessionOutcome } from '../../protocol/runtimeProtocol';
import { BcCode, BcText, alErrorInfo, fill } from './bcErrors';
import type { CallResult, Session } from './session';
import type { SessionRuntime } from './runtime';
import type { PageState } from './pages';
import { errorHandled, taskTriggerCall, type TaskOutcome } from '../interpreter/pageTaskTrigger';

export type CancelReason = 'recordChanged' | 'pageClosed' | 'cancelled' | 'sessionEnded' | 'serverRestart';

type SyncOutcome = ReturnType<ChildTaskRun['outcome']>;

export interface PageTask {
  readonly id: number;
  /** The page as the client shows it; undefined for a TestPage's page (the interpreter drives those). */
  readonly page: PageState | undefined;
  readonly pageInstanceId: number;
  /** Shown on notifications. */
  readonly pageName: string;
  readonly parent: Session;
  readonly codeunitId: number;
  readonly parameters: Map<string, string>;
  readonly timeoutMs: number;
  readonly errorLevel: 'Error' | 'Warning' | 'Ignore';
  /** The page's record ID when the task was enqueued; a change cancels the task. */
  readonly recordId: string;
  state: 'waiting' | 'running' | 'finished' | 'cancelled';
  child: Session | undefined;
  /**
   * Synchronous tasks (web-service and test pages, TestPage.RunPageBackgroundTask): the caller waits for the
   * outcome and runs the completion or error trigger itself.
   */
  sync: { outcome: SyncOutcome } | undefined;
}

interface ParentSlots {
  running: Set<PageTask>;
  waiting: PageTask[];
}

export class PageTasks {
  private seq = 0;
  private readonly byParent = new Map<number, ParentSlots>();
  readonly tasks = new Map<number, PageTask>();
  /** Most children running at once for any one parent (stress tests check the limit held). */
  peakPerParent = 0;

  constructor(private readonly rt: SessionRuntime) {}

  /**
   * CurrPage.EnqueueBackgroundTask (and, with `forceSync`, TestPage.RunPageBackgroundTask). A page opened by a
   * web-service client or a TestPage's page runs the task synchronously (bc-semantics §4; BC's test framework
   * does too): the result carries `run`, which the caller waits for.
   */
  enqueue(caller: Session, handle: PageHandle, request: EnqueueRequest, forceSync = false): { ok: true; taskId: number; run?: ChildTaskRun } | { ok: false; error: AlErrorInfo } {
    const page = this.rt.pages.byHandle(handle);
    const testPage = !page && handle.testPage === true;
    if ((!page || !page.open) && !testPage) {
      return { ok: false, error: alErrorInfo('', 'EnqueueBackgroundTask needs an open page (CurrPage).') };
    }
    const parent = page ? page.session : caller;
    const sync = forceSync || testPage || parent.webService;
    const slots = this.slotsOf(parent);
    const settings = this.rt.settings;
    if (slots.running.size >= settings.childSessionsMaxConcurrency && slots.waiting.length >= settings.childSessionsMaxQueueLength) {
      const error = alErrorInfo(BcCode.queueFull, fill(BcText.childQueueFull, settings.childSessionsMaxQueueLength));
      this.rt.timeline.emit('enqueueFailed', { session: parent.id, reason: error.text });
      return { ok: false, error };
    }
    const timeoutMs = Math.min(request.timeoutMs !== undefined && request.timeoutMs > 0 ? request.timeoutMs : settings.pageBackgroundTaskDefaultTimeout, settings.pageBackgroundTaskMaxTimeout);
    const instance = page ? page.instance : (handle as PageInstance);
    const task: PageTask = {
      id: ++this.seq,
      page,
      pageInstanceId: handle.pageInstanceId,
      pageName: instance.layout?.name ?? '',
      parent,
      codeunitId: request.codeunitId,
      parameters: new Map(request.parameters),
      timeoutMs,
      errorLevel: request.errorLevel,
      recordId: typeof instance.currentRecordId === 'function' ? instance.currentRecordId() : '',
      state: 'waiting',
      child: undefined,
      sync: sync ? { outcome: undefined } : undefined,
    };
    this.tasks.set(task.id, task);
    page?.tasks.add(task);
    this.rt.timeline.emit('taskEnqueued', {
      session: parent.id,
      task: task.id,
      codeunit: `Codeunit ${task.codeunitId}`,
      timeoutMs,
      errorLevel: task.errorLevel,
      recordId: task.recordId,
      ...(sync ? { synchronous: true } : {}),
    });
    if (slots.running.size < settings.childSessionsMaxConcurrency) this.launch(task, slots);
    else {
      slots.waiting.push(task);
      this.rt.timeline.emit('taskWaiting', { session: parent.id, task: task.id });
    }
    return { ok: true, taskId: task.id, ...(task.sync ? { run: this.runOf(task) } : {}) };
  }

  /** What the waiting caller of a synchronous task sees. */
  private runOf(task: PageTask): ChildTaskRun {
    const sync = task.sync!;
    return {
      taskId: task.id,
      outcome: () => sync.outcome,
      unhandled: (err) => this.notify(task, err),
    };
  }

  /** An unhandled task error as the user sees it: a notification per ErrorLevel (Ignore shows nothing). */
  private notify(task: PageTask, err: AlErrorInfo): void {
    if (task.errorLevel === 'Ignore') return;
    this.rt.timeline.emit('notification', { session: task.parent.id, page: task.pageName, task: task.id, level: task.errorLevel === 'Warning' ? 'warning' : 'error', text: err.text, code: err.code });
  }

  /** CurrPage.CancelBackgroundTask: unknown or finished tasks are ignored, as in BC. */
  cancelById(handle: PageHandle, taskId: number): void {
    const task = this.tasks.get(taskId);
    if (task && task.pageInstanceId === handle.pageInstanceId) this.cancel(task, 'cancelled');
  }

  cancel(task: PageTask, reason: CancelReason): void {
    if (task.state === 'finished' || task.state === 'cancelled') return;
    const slots = this.slotsOf(task.parent);
    const wasRunning = task.state === 'running';
    task.state = 'cancelled';
    this.tasks.delete(task.id);
    task.page?.tasks.delete(task);
    this.rt.timeline.emit('taskCancelled', { session: task.parent.id, task: task.id, reason });
    if (task.page) this.rt.pages.tasksChanged(task.page);
    if (task.sync) {
      task.sync.outcome = { state: 'cancelled' };
      this.rt.scheduler.wake(task.parent);
    }
    if (wasRunning) {
      slots.running.delete(task);
      if (task.child && !task.child.ended) this.rt.endSession(task.child, 'cancelled', undefined);
      this.fillSlots(slots);
    } else {
      const i = slots.waiting.indexOf(task);
      if (i >= 0) slots.waiting.splice(i, 1);
    }
  }

  /** The page moved to another record: tasks that stored the old record ID are cancelled. */
  checkRecord(page: PageState): void {
    if (page.tasks.size === 0) return;
    const now = page.instance.currentRecordId();
    for (const task of [...page.tasks]) if (task.recordId !== now) this.cancel(task, 'recordChanged');
  }

  pageClosed(page: PageState): void {
    for (const task of [...page.tasks]) this.cancel(task, 'pageClosed');
  }

  /** A session ended: its children are cancelled (parent ended) and its own slot bookkeeping goes away. */
  sessionEnded(s: Session): void {
    const slots = this.byParent.get(s.id);
    if (!slots) return;
    for (const task of [...slots.running, ...slots.waiting]) this.cancel(task, 'sessionEnded');
    this.byParent.delete(s.id);
  }

  /** Every running and waiting task is cancelled (a server restart). */
  cancelAll(reason: CancelReason): void {
    for (const slots of [...this.byParent.values()]) for (const task of [...slots.running, ...slots.waiting]) this.cancel(task, reason);
  }

  runningFor(parent: Session): number {
    return this.byParent.get(parent.id)?.running.size ?? 0;
  }

  waiting(): PageTask[] {
    return [...this.byParent.values()].flatMap((s) => s.waiting);
  }

  private slotsOf(parent: Session): ParentSlots {
    let slots = this.byParent.get(parent.id);
    if (!slots) this.byParent.set(parent.id, (slots = { running: new Set(), waiting: [] }));
    return slots;
  }

  private fillSlots(slots: ParentSlots): void {
    while (slots.running.size < this.rt.settings.childSessionsMaxConcurrency && slots.waiting.length > 0) {
      this.launch(slots.waiting.shift()!, slots);
    }
  }

  private launch(task: PageTask, slots: ParentSlots): void {
    task.state = 'running';
    slots.running.add(task);
    if (slots.running.size > this.peakPerParent) this.peakPerParent = slots.running.size;
    const child = this.rt.createSession('PageBackgroundTask', task.parent, `Codeunit ${task.codeunitId}`, this.rt.engineObjectName('Codeunit', task.codeunitId), task.parent.depth + 1);
    child.taskId = task.id;
    child.parameters = task.parameters;
    task.child = child;
    child.onEnded.push((outcome, error) => this.childEnded(task, slots, outcome, error));
    // A page background task runs OnRun without a record, in its own (read-only) transaction.
    this.rt.queueCall(child, `Codeunit ${task.codeunitId}.OnRun`, () => ({ kind: 'codeunitRun', codeunit: task.codeunitId }));
    this.rt.timeline.emit('taskStarted', { session: task.parent.id, task: task.id, child: child.id });
    this.rt.begin(child, task.timeoutMs);
  }

  private childEnded(task: PageTask, slots: ParentSlots, outcome: SessionOutcome, error: AlErrorInfo | undefined): void {
    if (task.state === 'cancelled') return;
    task.state = 'finished';
    slots.running.delete(task);
    this.tasks.delete(task.id);
    task.page?.tasks.delete(task);
    const err = outcome === 'error' || outcome === 'timeout' ? (error ?? alErrorInfo('', 'The page background task failed.')) : undefined;
    if (task.sync) {
      // The caller waits in its own execution: it reads the outcome and runs the trigger itself.
      task.sync.outcome =
        outcome === 'completed' ? { state: 'completed', results: this.rt.servicesOf(task.child!).results ?? new Map<string, string>() } : err ? { state: 'failed', error: err } : { state: 'cancelled' };
      this.rt.scheduler.wake(task.parent);
      this.fillSlots(slots);
      return;
    }
    const page = task.page!;
    const taskOutcome: TaskOutcome | undefined =
      outcome === 'completed' ? { state: 'completed', results: this.rt.servicesOf(task.child!).results ?? new Map<string, string>() } : err ? { state: 'failed', error: err } : undefined;
    const call = taskOutcome && taskTriggerCall(task.id, taskOutcome);
    if (call && taskOutcome?.state === 'failed') {
      // `var IsHandled` comes back in the trigger's completed value: the argument list after the calls.
      const notify = (r: CallResult) => {
        if (!(r.state === 'completed' && errorHandled(r.value))) this.notify(task, taskOutcome.error);
      };
      this.rt.pages.runTaskTrigger(page, call.name, task.id, call.args, notify);
    } else if (call) this.rt.pages.runTaskTrigger(page, call.name, task.id, call.args);
    this.rt.pages.tasksChanged(page);
    this.fillSlots(slots);
  }
}
