// The TestPage data type, as far as page background tasks need it: OpenView / OpenEdit / OpenNew run the page's
// opening triggers in the test's own execution (as BC's test framework does), Close runs OnClosePage, and
// RunPageBackgroundTask runs a task codeunit in a read-only child session, waits for it and returns its results.
// Page background tasks of a TestPage's page run synchronously (BC's test framework has no task scheduler), so
// the completion and error triggers run inside the enqueuing statement. Other TestPage methods are not
// implemented: calling one raises the interpreter's "does not support" error naming it and its file:line.
import type { ChildTaskRun, EnqueueRequest, FieldValue } from '../contracts';
import { AlError, unsupported } from './errors';
import type { RuntimeEngine } from './runtimeEngine';
import type { ObjectModel } from './model';
import { toSourceLocation } from './model';
import type { PageRuntime } from './page';
import type { Rt, Signal } from './rt';
import { registry, T, tText, type CallInfo } from './methodTypes';
import { AlDictionary, fromMap } from './collections';
import { Variant } from './objects';
import { errorHandled, taskTriggerCall, type TaskOutcome } from './pageTaskTrigger';

/** A TestPage variable: the page it opens and, while open, its page instance. */
export class TestPageValue {
  page: PageRuntime | undefined;
  constructor(
    readonly engine: RuntimeEngine,
    readonly obj: ObjectModel | undefined,
    readonly typeName: string,
  ) {}
}

type Outcome = TaskOutcome;

/** Suspends the execution until the synchronous task ended (the session layer wakes it). */
export function* waitForTask(run: ChildTaskRun): Generator<unknown, Outcome, unknown> {
  for (;;) {
    const o = run.outcome();
    if (o) return o;
    yield { kind: 'wait', reason: `waits for page background task ${run.taskId}` } satisfies Signal;
  }
}

/**
 * After a synchronous task: the page's OnPageBackgroundTaskCompleted or OnPageBackgroundTaskError runs here, in
 * the caller's execution (BC invokes them on the parent session). Returns false when an error was not handled
 * (no error trigger, or IsHandled stayed false).
 */
export function* runTaskTriggers(rt: Rt, page: PageRuntime, run: ChildTaskRun, outcome: Outcome): Generator<unknown, boolean, unknown> {
  const call = taskTriggerCall(run.taskId, outcome);
  if (!call) return true;
  if (!page.hasTrigger(call.name)) return outcome.state === 'completed';
  rt.services.taskTrigger?.(call.name, page, run.taskId);
  try {
    const after = yield* page.runTrigger(rt, call.name, call.args);
    return outcome.state === 'completed' || errorHandled(after);
  } finally {
    rt.services.taskTrigger?.(undefined);
  }
}

function tpOf(v: unknown, ci: CallInfo): TestPageValue {
  if (v instanceof TestPageValue) return v;
  throw new AlError('A TestPage was expected.', '', toSourceLocation(ci.loc));
}

function openPage(tp: TestPageValue, ci: CallInfo): PageRuntime {
  if (!tp.page) throw new AlError(`The TestPage ${tp.typeName} is not open.`, '', toSourceLocation(ci.loc));
  return tp.page;
}

function* open(rt: Rt, ci: CallInfo, v: unknown, mode: 'View' | 'Edit' | 'New'): Generator<unknown, void, unknown> {
  const tp = tpOf(v, ci);
  if (!tp.obj) throw unsupported(`TestPage ${tp.typeName} (no such page in the workspace)`, toSourceLocation(ci.loc));
  if (tp.page) throw new AlError(`The TestPage ${tp.obj.name} is already open.`, '', toSourceLocation(ci.loc));
  const page = tp.engine.openPage(rt.services, tp.obj.id) as PageRuntime;
  page.testPage = true;
  if (mode === 'View') page.editable = false;
  tp.page = page;
  // The client's order: OnInit, OnOpenPage, then the record is fetched and shown.
  yield* page.runTrigger(rt, 'OnInit', []);
  yield* page.runTrigger(rt, 'OnOpenPage', []);
  if (mode === 'New') {
    page.setCurrentRecord(undefined);
    yield* page.runTrigger(rt, 'OnNewRecord', [false]);
  } else {
    page.setCurrentRecord(firstKey(rt, page));
    yield* page.runTrigger(rt, 'OnAfterGetRecord', []);
  }
  yield* page.runTrigger(rt, 'OnAfterGetCurrRecord', []);
}

/** The primary key of the first record of the page's source table (undefined: none, or no source table). */
function firstKey(rt: Rt, page: PageRuntime): FieldValue[] | undefined {
  const rec = page.rec;
  if (!rec) return undefined;
  const pk = rec.table.pkFieldIds;
  const rows = rt.services.transaction().find(rec.def, { filters: [], keyFields: pk, ascending: true, limit: 1 });
  return rows[0] ? pk.map((id) => rows[0].row.get(id)!) : undefined;
}

function toParameters(d: unknown): Map<string, string> {
  const m = new Map<string, string>();
  if (d instanceof AlDictionary) for (const [k, x] of d.map.values()) m.set(String(k), String(x instanceof Variant ? x.value : x));
  return m;
}

export const testPageMethods = registry({
  OpenView: { gen: true, max: 0, effect: true, impl: (rt: Rt, ci, tp) => open(rt, ci, tp, 'View') },
  OpenEdit: { gen: true, max: 0, effect: true, impl: (rt: Rt, ci, tp) => open(rt, ci, tp, 'Edit') },
  OpenNew: { gen: true, max: 0, effect: true, impl: (rt: Rt, ci, tp) => open(rt, ci, tp, 'New') },
  Close: {
    gen: true, max: 0, effect: true,
    *impl(rt: Rt, ci, v) {
      const tp = tpOf(v, ci);
      const page = openPage(tp, ci);
      tp.page = undefined;
      yield* page.runTrigger(rt, 'OnClosePage', []);
    },
  },
  Caption: { ret: tText, max: 0, impl: (_rt: Rt, ci, tp) => openPage(tpOf(tp, ci), ci).caption },
  RunPageBackgroundTask: {
    gen: true, min: 1, max: 3, refArgs: [1], effect: true, ret: T('Dictionary', { of: [tText, tText] }),
    *impl(rt: Rt, ci, v, codeunit, params?: unknown, runCompletionTriggers?: unknown) {
      const page = openPage(tpOf(v, ci), ci);
      if (!rt.services.runPageBackgroundTask) throw unsupported('TestPage.RunPageBackgroundTask outside the session runtime', toSourceLocation(ci.loc));
      const request: EnqueueRequest = { codeunitId: Number(codeunit), parameters: toParameters(params), errorLevel: 'Error' };
      const run = rt.services.runPageBackgroundTask(page, request);
      const outcome = yield* waitForTask(run);
      // Completion triggers run only when asked for (the method's RunCompletionTriggers, default false).
      const handled = runCompletionTriggers === true ? yield* runTaskTriggers(rt, page, run, outcome) : outcome.state !== 'failed';
      if (outcome.state === 'failed' && !handled) {
        // No notification area in a test: the task's error fails the call (AL Session Lab's choice; BC's docs are silent).
        throw new AlError(outcome.error.text, outcome.error.code, toSourceLocation(ci.loc));
      }
      return fromMap(outcome.state === 'completed' ? outcome.results : new Map());
    },
  },
});
