// Codeunits whose Subtype changes how they run: Install and Upgrade codeunits (their app triggers, in the order
// the server runs them, with the install/upgrade context set), TestRunner codeunits (OnRun with the runner's
// TestIsolation, OnBeforeTestRun / OnAfterTestRun around each test) and Test codeunits (OnRun, then each [Test]
// procedure; a failing test does not stop the others). The session layer reads the context when it decides
// what StartSession may do (bc-semantics §2).
import { AlError, toAlError, unsupported } from './errors';
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
 * failing test is reported (timeline `testResult`) and the next one runs. TestIsolation Codeunit rolls back the
 * codeunit's changes at its end, Function after each test (Commit inside is ignored: see the session layer).
 */
export function* runTestCodeunit(engine: RuntimeEngine, rt: Rt, obj: ObjectModel, selection?: { isolation: TestIsolation; tests?: string[] }): Generator<unknown, void, unknown> {
  const runner = rt.context.runner;
  // A run without a TestRunner codeunit (the Test Explorer's) brings its own isolation; the runtime then acts as
  // the runner, so StartSession sees that isolation too.
  const isolation: TestIsolation = runner?.isolation ?? selection?.isolation ?? 'Disabled';
  const savedIsolation = rt.context.isolation;
  if (!runner && selection) rt.context.isolation = isolation;
  const services = rt.services;
  const inst = rt.codeunitInstanceFor(obj);
  const only = selection?.tests ? new Set(selection.tests.map((t) => t.toLowerCase())) : undefined;
  const tests = [...obj.procs.values()].flat().filter((p) => p.decl.attributes.some((a) => a.name.toLowerCase() === 'test') && (!only || only.has(p.name.toLowerCase())));
  tests.sort((a, b) => a.decl.loc.line - b.decl.loc.line);
  rt.context.testDepth++;
  if (isolation === 'Codeunit') services.testIsolation?.('begin');
  try {
    // OnRun counts as the codeunit's first "test" with an empty function name, as BC reports it.
    yield* runOneTest(engine, rt, obj, '', isolation, function* () {
      yield* engine.runOnRunOf(rt, inst, undefined);
    });
    for (const p of tests) {
      yield* runOneTest(engine, rt, obj, p.name, isolation, function* () {
        refuseUnsupportedTestAttributes(p);
        const fn = p.fn ?? engine.compileProc(p);
        yield* fn(rt, inst, []);
      });
    }
  } finally {
    rt.context.testDepth--;
    rt.context.isolation = savedIsolation;
    if (isolation === 'Codeunit') services.testIsolation?.('end');
  }
}

function* runOneTest(engine: RuntimeEngine, rt: Rt, obj: ObjectModel, name: string, isolation: TestIsolation, body: () => Generator<unknown, void, unknown>): Generator<unknown, void, unknown> {
  const runner = rt.context.runner;
  const services = rt.services;
  if (name === '' && !obj.triggers.has('onrun')) return;
  if (runner) {
    const go = yield* runnerTrigger(engine, rt, runner.inst, 'OnBeforeTestRun', [obj.id, obj.name, name, 0]);
    if (go === false) return;
  }
  if (isolation === 'Function') services.testIsolation?.('begin');
  services.testStarted?.({ codeunit: obj.id, codeunitName: obj.name, function: name });
  let error: AlError | undefined;
  try {
    yield* body();
  } catch (e) {
    const err = toAlError(e);
    // StopSession and timeouts end the whole run.
    if (err.uncatchable) throw err;
    error = err;
    rt.session.lastError = err;
  }
  if (isolation === 'Function') services.testIsolation?.('end');
  else if (isolation === 'Disabled') services.testIsolation?.(error ? 'failed' : 'passed');
  services.testResult?.({ codeunit: obj.id, codeunitName: obj.name, function: name, success: !error, ...(error ? { error: { ...error.info } } : {}) });
  if (runner) yield* runnerTrigger(engine, rt, runner.inst, 'OnAfterTestRun', [obj.id, obj.name, name, 0, !error]);
}

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

const REFUSED_TEST_ATTRIBUTES: Record<string, string> = { handlerfunctions: 'HandlerFunctions', transactionmodel: 'TransactionModel' };

function refuseUnsupportedTestAttributes(p: ProcInfo): void {
  for (const a of p.decl.attributes) {
    const n = a.name.toLowerCase();
    // Handler functions (MessageHandler, ConfirmHandler, ...) and TransactionModel change how a test runs; running
    // the test without them would give a wrong result, so they are refused by name.
    const name = REFUSED_TEST_ATTRIBUTES[n];
    if (name) throw unsupported(`the [${name}] attribute of test ${p.obj.name}.${p.name}`, toSourceLocation(p.decl.loc));
  }
}

/** Codeunit.Run of an Upgrade codeunit fails (CodeCop AA0243: "Running codeunits of subtype upgrade will cause runtime error"). */
export function refuseRunningUpgradeCodeunit(obj: ObjectModel): void {
  throw new AlError(`Running an upgrade codeunit is not allowed: codeunit ${obj.name} has Subtype = Upgrade and runs only when the app is upgraded.`, 'NavCSideException');
}
