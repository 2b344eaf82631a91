// Codeunits whose Subtype changes how they run: Install and Upgrade codeunits (their app triggers, in the order
// the server runs them, with the install/upgrade context set), TestRunner codeunits (OnRun with the runner's
// TestIsolation, OnBeforeTestRun / OnAfterTestRun around each test) and Test codeunits (OnRun, then each [Test]
// procedure; a failing test does not stop the others). The session layer reads the context when it decides
// what StartSession may do (bc-semantics §2).
import { AlError, toAlError } from './errors';
import type { TestCaseInfo } from '../contracts';
import { bindingsOf, truncateBindings } from './eventBinding';
import { notExecutedError, setTestUi, testUiFor } from './testHandlers';
import type { RuntimeEngine } from './runtimeEngine';
import type { Instance } from './objects';
import type { ObjectModel, ProcInfo } from './model';
import { toSourceLocation } from './model';
import type { AlRecord } from './record';
import type { Rt } from './rt';

export type CodeunitSubtype = 'normal' | 'test' | 'testrunner' | 'install' | 'upgrade';
export type TestIsolation = 'Disabled' | 'Codeunit' | 'Function';

export function codeunitSubtype(obj: ObjectModel): CodeunitSubtype {
  const s = (obj.decl.properties.get('subtype')?.text ?? 'Normal').toLowerCase();
  return s === 'test' || s === 'testrunner' || s === 'install' || s === 'upgrade' ? s : 'normal';
}

/** The TestIsolation property of a test runner; BC's default is Disabled. */
export function testIsolationOf(obj: ObjectModel): TestIsolation {
  const v = (obj.decl.properties.get('testisolation')?.text ?? 'Disabled').toLowerCase();
  return v === 'codeunit' ? 'Codeunit' : v === 'function' ? 'Function' : 'Disabled';
}

/** The isolation a test codeunit asks its runner for (RequiredTestIsolation); None or nothing: Codeunit, the usual runner's. */
export function requiredTestIsolationOf(obj: ObjectModel): TestIsolation {
  const v = (obj.decl.properties.get('requiredtestisolation')?.text ?? '').toLowerCase();
  return v === 'disabled' ? 'Disabled' : v === 'function' ? 'Function' : 'Codeunit';
}

/** What an execution is running, as far as StartSession cares. */
export interface RunContext {
  /** Inside an Install or Upgrade codeunit's app triggers. */
  app?: 'Install' | 'Upgrade';
  /** The test runner running the tests (undefined while no TestRunner codeunit runs). */
  runner?: { inst: Instance; isolation: TestIsolation };
  /** The running test procedure's [TransactionModel] (AutoRollback refuses Commit). */
  transactionModel?: 'AutoCommit' | 'AutoRollback' | 'None';
  /** Test codeunits running now (a test run without a runner counts as TestIsolation Disabled). */
  testDepth: number;
  /** The isolation a run without a TestRunner codeunit applies (the Test Explorer's runs); undefined otherwise. */
  isolation?: TestIsolation;
}

/**
 * The server's order of the app triggers: per database once, then per company once in every company (each company's
 * run in that company, its own transaction).
 */
const APP_TRIGGERS: Record<'install' | 'upgrade', string[]> = {
  install: ['OnInstallAppPerDatabase', 'OnInstallAppPerCompany'],
  upgrade: [
    'OnCheckPreconditionsPerDatabase', 'OnCheckPreconditionsPerCompany',
    'OnUpgradePerDatabase', 'OnUpgradePerCompany',
    'OnValidateUpgradePerDatabase', 'OnValidateUpgradePerCompany',
  ],
};

/** Installing or upgrading the app: the codeunit's app triggers run in the install or upgrade context. */
export function* runAppTriggers(engine: RuntimeEngine, rt: Rt, obj: ObjectModel, kind: 'install' | 'upgrade'): Generator<unknown, void, unknown> {
  const saved = rt.context.app;
  rt.context.app = kind === 'install' ? 'Install' : 'Upgrade';
  try {
    const inst = rt.codeunitInstanceFor(obj);
    const services = rt.services;
    for (const name of APP_TRIGGERS[kind]) {
      const p = obj.triggers.get(name.toLowerCase());
      if (!p) continue;
      const fn = p.fn ?? engine.compileProc(p);
      const companies = name.endsWith('PerCompany') && services.companies && services.switchCompany ? services.companies() : [undefined];
      if (companies.length <= 1) {
        yield* fn(rt, inst, []);
        continue;
      }
      const home = companies[0]!;
      let ok = false;
      try {
        for (const company of companies) {
          services.switchCompany!(company!, true);
          yield* fn(rt, inst, []);
        }
        ok = true;
      } finally {
        services.switchCompany!(home, ok);
      }
    }
  } finally {
    rt.context.app = saved;
  }
}

/** A TestRunner codeunit: its OnRun runs the test codeunits (Codeunit.Run) under its TestIsolation. */
export function* runTestRunner(engine: RuntimeEngine, rt: Rt, obj: ObjectModel, rec: AlRecord | undefined): Generator<unknown, void, unknown> {
  const saved = rt.context.runner;
  const inst = rt.codeunitInstanceFor(obj);
  rt.context.runner = { inst, isolation: testIsolationOf(obj) };
  try {
    yield* engine.runOnRunOf(rt, inst, rec);
  } finally {
    rt.context.runner = saved;
  }
}

/**
 * A Test codeunit: OnRun, then each [Test] procedure in declaration order. The runner's OnBeforeTestRun decides
 * whether a test runs (false skips it) and OnAfterTestRun gets its outcome, both in their own transactions; a
 * failing test is reported (timeline `testResult`, TestRunHooks.finished) and the next one runs. TestIsolation
 * Codeunit rolls back the codeunit's changes at its end, Function after each test (Commit inside is ignored: see
 * the session layer). Without a TestRunner, a test run (TestRunHooks) gives the isolation: its own or the
 * codeunit's RequiredTestIsolation (BC's test tool runs codeunits with Codeunit isolation by default).
 */
export function* runTestCodeunit(engine: RuntimeEngine, rt: Rt, obj: ObjectModel, selection?: { isolation: TestIsolation; tests?: string[] }): Generator<unknown, void, unknown> {
  const runner = rt.context.runner;
  const run = rt.services.testRun;
  // A run without a TestRunner codeunit (the Test Explorer's, the test command's) brings its own isolation; the
  // runtime then acts as the runner, so StartSession sees that isolation too.
  const isolation: TestIsolation = runner?.isolation ?? selection?.isolation ?? (run ? run.isolation ?? requiredIsolationOf(obj) : 'Disabled');
  const savedIsolation = rt.context.isolation;
  if (!runner && (selection || run)) rt.context.isolation = isolation;
  const services = rt.services;
  const inst = rt.codeunitInstanceFor(obj);
  const only = selection?.tests ? new Set(selection.tests.map((t) => t.toLowerCase())) : undefined;
  const tests = [...obj.procs.values()].flat().filter((p) => p.decl.attributes.some((a) => a.name.toLowerCase() === 'test') && (!only || only.has(p.name.toLowerCase())));
  tests.sort((a, b) => a.decl.loc.line - b.decl.loc.line);
  rt.context.testDepth++;
  const bindingMark = bindingsOf(rt).length;
  if (isolation === 'Codeunit') services.testIsolation?.('begin');
  try {
    // OnRun counts as the codeunit's first "test" with an empty function name, as BC reports it.
    const onRun = obj.triggers.get('onrun');
    if (onRun) {
      yield* runOneTest(engine, rt, obj, onRun, '', isolation, function* () {
        yield* engine.runOnRunOf(rt, inst, undefined);
      });
    }
    for (const p of tests) {
      const include = run?.include ? run.include(obj.id, p.name) : true;
      if (include === false) continue;
      if (include === 'skip') {
        reportSkipped(rt, obj, p);
        continue;
      }
      yield* runOneTest(engine, rt, obj, p, p.name, isolation, function* () {
        const ui = testUiFor(rt, p, inst);
        const model = transactionModelOf(p);
        const savedModel = rt.context.transactionModel;
        setTestUi(rt, ui);
        rt.context.transactionModel = model;
        if (model === 'AutoRollback') services.testIsolation?.('begin');
        try {
          const fn = p.fn ?? engine.compileProc(p);
          yield* fn(rt, inst, []);
          const notRun = notExecutedError(ui);
          if (notRun) {
            notRun.info.location = toSourceLocation(p.decl.loc);
            throw notRun;
          }
        } finally {
          setTestUi(rt, undefined);
          rt.context.transactionModel = savedModel;
          if (model === 'AutoRollback') services.testIsolation?.('end');
        }
      });
    }
  } finally {
    rt.context.testDepth--;
    // The test codeunit's variables go out of scope: their subscriptions end.
    truncateBindings(rt, bindingMark);
    rt.context.isolation = savedIsolation;
    if (isolation === 'Codeunit') services.testIsolation?.('end');
  }
}

/** The [Test] procedures of the test codeunits (codeunits by id, procedures in declaration order). */
export function testCasesOf(objects: ObjectModel[]): { codeunit: number; codeunitName: string; procedure: string; file: string; line: number }[] {
  const out: { codeunit: number; codeunitName: string; procedure: string; file: string; line: number }[] = [];
  const units = objects.filter((o) => o.type === 'codeunit' && codeunitSubtype(o) === 'test').sort((a, b) => a.id - b.id);
  for (const o of units) {
    const tests = [...o.procs.values()].flat().filter((p) => p.decl.attributes.some((a) => a.name.toLowerCase() === 'test'));
    tests.sort((a, b) => a.decl.loc.line - b.decl.loc.line);
    for (const p of tests) out.push({ codeunit: o.id, codeunitName: o.name, procedure: p.name, file: o.file, line: p.decl.loc.line });
  }
  return out;
}

/** RequiredTestIsolation of a test codeunit (None or absent: the default runner's Codeunit isolation). */
export function requiredIsolationOf(obj: ObjectModel): TestIsolation {
  const v = (obj.decl.properties.get('requiredtestisolation')?.text ?? '').toLowerCase();
  return v === 'function' ? 'Function' : v === 'disabled' ? 'Disabled' : 'Codeunit';
}

/** [TransactionModel(TransactionModel::AutoRollback)] of a test procedure; AutoCommit when absent. */
export function transactionModelOf(p: ProcInfo): 'AutoCommit' | 'AutoRollback' | 'None' {
  const a = p.decl.attributes.find((x) => x.name.toLowerCase() === 'transactionmodel');
  const arg = a?.args[0];
  const v = (arg?.k === 'scope' ? arg.right : arg?.k === 'name' ? arg.name : '').toLowerCase();
  return v === 'autorollback' ? 'AutoRollback' : v === 'none' ? 'None' : 'AutoCommit';
}

function caseInfo(obj: ObjectModel, p: ProcInfo, name: string): TestCaseInfo {
  return { codeunit: obj.id, codeunitName: obj.name, procedure: name, location: toSourceLocation(p.decl.loc) };
}

function reportSkipped(rt: Rt, obj: ObjectModel, p: ProcInfo): void {
  const info = caseInfo(obj, p, p.name);
  rt.services.testRun?.started?.(info);
  rt.services.testRun?.finished?.(info, { success: true, skipped: true });
}

function* runOneTest(engine: RuntimeEngine, rt: Rt, obj: ObjectModel, p: ProcInfo, name: string, isolation: TestIsolation, body: () => Generator<unknown, void, unknown>): Generator<unknown, void, unknown> {
  const runner = rt.context.runner;
  const services = rt.services;
  if (runner?.inst) {
    const go = yield* runnerTrigger(engine, rt, runner.inst, 'OnBeforeTestRun', [obj.id, obj.name, name, 0]);
    if (go === false) return;
  }
  const info = caseInfo(obj, p, name);
  services.testRun?.started?.(info);
  if (isolation === 'Function') services.testIsolation?.('begin');
  services.testStarted?.({ codeunit: obj.id, codeunitName: obj.name, function: name });
  let error: AlError | undefined;
  try {
    yield* body();
  } catch (e) {
    const err = toAlError(e);
    // StopSession and timeouts end the whole run; a test's own timeout fails that test only.
    if (err.uncatchable && err.info.code !== TEST_TIMEOUT_CODE) throw err;
    error = err;
    rt.session.lastError = err;
  }
  if (isolation === 'Function') services.testIsolation?.('end');
  else if (isolation === 'Disabled') services.testIsolation?.(error ? 'failed' : 'passed');
  services.testResult?.({ codeunit: obj.id, codeunitName: obj.name, function: name, success: !error, ...(error ? { error: { ...error.info } } : {}) });
  services.testRun?.finished?.(info, { success: !error, ...(error ? { error: { ...error.info } } : {}) });
  if (runner?.inst) yield* runnerTrigger(engine, rt, runner.inst, 'OnAfterTestRun', [obj.id, obj.name, name, 0, !error]);
}

/** The code of the error that stops a test running past its time limit (`--test-timeout`). */
export const TEST_TIMEOUT_CODE = 'TestTimeout';

/** OnBeforeTestRun / OnAfterTestRun of the runner: always in their own transaction (BC's documented rule). */
function* runnerTrigger(engine: RuntimeEngine, rt: Rt, inst: Instance, name: string, args: unknown[]): Generator<unknown, unknown, unknown> {
  const p = inst.obj.triggers.get(name.toLowerCase());
  if (!p) return undefined;
  const fn = p.fn ?? engine.compileProc(p);
  rt.services.testIsolation?.('enterOwn');
  try {
    return yield* fn(rt, inst, args.slice(0, p.decl.params.length));
  } finally {
    rt.services.testIsolation?.('leaveOwn');
  }
}

/** Codeunit.Run of an Upgrade codeunit fails (CodeCop AA0243: "Running codeunits of subtype upgrade will cause runtime error"). */
export function refuseRunningUpgradeCodeunit(obj: ObjectModel): void {
  throw new AlError(`Running an upgrade codeunit is not allowed: codeunit ${obj.name} has Subtype = Upgrade and runs only when the app is upgraded.`, 'NavCSideException');
}
