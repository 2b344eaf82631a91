// The test runner core: runs the test codeunits of a loaded workspace as BC's test runner does, one session per
// test codeunit (isolation from the codeunit's RequiredTestIsolation, or a workspace TestRunner codeunit), with a
// per-test time limit, cancellation, Microsoft's DisabledTests lists and a filter, and reports each test as events
// (started, result with the error's text, file, line and AL call stack). The `test` command prints them; the
// Test Explorer drives the same API through serve.
import { readFileSync } from 'node:fs';
import type { AlErrorInfo, AlStackFrame, TestCaseInfo, TestRunHooks } from '../contracts';
import type { RuntimeHost } from './host';
import type { Session } from './session';

/** A test procedure of the workspace. */
export interface TestCase {
  codeunit: number;
  codeunitName: string;
  procedure: string;
  file: string;
  /** 0-based line of the procedure declaration. */
  line: number;
}

export interface TestError {
  text: string;
  code: string;
  file?: string;
  line?: number;
  callStack: AlStackFrame[];
}

export type TestEvent =
  | { event: 'testStarted'; codeunit: number; codeunitName: string; procedure: string; file: string; line: number }
  | TestResultEvent;

export interface TestResultEvent {
  event: 'testResult';
  codeunit: number;
  codeunitName: string;
  procedure: string;
  outcome: 'passed' | 'failed' | 'skipped';
  ms: number;
  file: string;
  line: number;
  /** Skipped because a DisabledTests list names it. */
  disabled?: boolean;
  error?: TestError;
}

export interface TestRunOptions {
  /** Test codeunits by id or name (default: every test codeunit the selection below keeps). */
  codeunits?: (number | string)[];
  /** `*`/`?` pattern matched against `Procedure`, `Codeunit Name::Procedure` and `CodeunitId::Procedure`. */
  filter?: string;
  /** A TestRunner codeunit (id or name) whose OnRun runs the tests. */
  runner?: number | string;
  /** Tests to report as skipped: `${codeunitId}|${procedure lower-case}`, or `${codeunitId}|*` for a whole codeunit. */
  disabled?: Set<string>;
  /** Per-test time limit (default 60 s). */
  testTimeoutMs?: number;
  signal?: AbortSignal;
  onEvent?(e: TestEvent): void;
  /** Which test codeunits belong to the run (default all loaded ones), by their file. */
  files?: (file: string) => boolean;
}

export interface TestRunSummary {
  passed: number;
  failed: number;
  skipped: number;
  disabled: number;
  results: TestResultEvent[];
  ms: number;
  cancelled: boolean;
}

/** Reads Microsoft's DisabledTests JSON files (`[{ "codeunitId": 1, "codeunitName": "...", "method": "X" }]`). */
export function readDisabledTests(files: string[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    let list: unknown;
    try {
      list = JSON.parse(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Error(`${f}: not a DisabledTests JSON list (${(e as Error).message})`, { cause: e });
    }
    if (!Array.isArray(list)) throw new Error(`${f}: a DisabledTests file holds a JSON array of { codeunitId, method }`);
    list.forEach((x: { codeunitId?: unknown; method?: unknown }, i) => {
      if (typeof x?.codeunitId !== 'number' || typeof x.method !== 'string') throw new Error(`${f}: entry ${i + 1} needs a numeric codeunitId and a method name`);
      out.add(`${x.codeunitId}|${x.method.toLowerCase()}`);
    });
  }
  return out;
}

function globToRegExp(glob: string): RegExp {
  const esc = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${esc}$`, 'i');
}

/** The test codeunits and their [Test] procedures, in id order (procedures in declaration order). */
export function listTests(host: RuntimeHost, options: Pick<TestRunOptions, 'codeunits' | 'filter' | 'files'> = {}): TestCase[] {
  const all = host.engine.testCases?.() ?? [];
  const wanted = options.codeunits?.map((c) => String(c).toLowerCase());
  const re = options.filter ? globToRegExp(options.filter) : undefined;
  return all.filter((t) => {
    if (options.files && !options.files(t.file)) return false;
    if (wanted && !wanted.includes(String(t.codeunit)) && !wanted.includes(t.codeunitName.toLowerCase())) return false;
    if (re && !re.test(t.procedure) && !re.test(`${t.codeunitName}::${t.procedure}`) && !re.test(`${t.codeunit}::${t.procedure}`)) return false;
    return true;
  });
}

function toTestError(e: AlErrorInfo | undefined): TestError | undefined {
  if (!e) return undefined;
  const top = e.frames?.[0];
  return {
    text: e.text,
    code: e.code,
    file: e.location?.file ?? top?.file,
    line: e.location?.line ?? top?.line,
    callStack: e.frames ?? [],
  };
}

/** Runs the tests; resolves when every selected test codeunit ran (or the run was cancelled). */
export async function runTests(host: RuntimeHost, options: TestRunOptions = {}): Promise<TestRunSummary> {
  const t0 = performance.now();
  const cases = listTests(host, options);
  const selected = new Set(cases.map((c) => `${c.codeunit}|${c.procedure.toLowerCase()}`));
  const codeunits = [...new Map(cases.map((c) => [c.codeunit, c])).values()];
  const summary: TestRunSummary = { passed: 0, failed: 0, skipped: 0, disabled: 0, results: [], ms: 0, cancelled: false };
  const limit = options.testTimeoutMs ?? 60_000;
  let current: { session: Session; startedAt: number; timedOut: boolean } | undefined;
  let startedAt = 0;

  const emit = (e: TestEvent) => options.onEvent?.(e);
  const hooks: TestRunHooks = {
    include: (cu, proc) => {
      const key = `${cu}|${proc.toLowerCase()}`;
      if (!selected.has(key)) return false;
      if (options.disabled && (options.disabled.has(key) || options.disabled.has(`${cu}|*`))) return 'skip';
      return true;
    },
    started: (t: TestCaseInfo) => {
      startedAt = performance.now();
      if (current) {
        current.startedAt = startedAt;
        current.timedOut = false;
      }
      emit({ event: 'testStarted', codeunit: t.codeunit, codeunitName: t.codeunitName, procedure: t.procedure, file: t.location.file, line: t.location.line });
    },
    finished: (t, o) => {
      // The codeunit's OnRun is not a test of its own: it is reported only when it fails.
      if (t.procedure === '' && o.success) return;
      const disabled = o.skipped === true;
      const r: TestResultEvent = {
        event: 'testResult', codeunit: t.codeunit, codeunitName: t.codeunitName, procedure: t.procedure,
        outcome: o.skipped ? 'skipped' : o.success ? 'passed' : 'failed', ms: o.skipped ? 0 : Math.round(performance.now() - startedAt),
        file: t.location.file, line: t.location.line,
        ...(disabled ? { disabled: true } : {}),
        ...(o.error ? { error: toTestError(o.error) } : {}),
      };
      if (r.outcome === 'passed') summary.passed++;
      else if (r.outcome === 'failed') summary.failed++;
      else {
        summary.skipped++;
        if (disabled) summary.disabled++;
      }
      summary.results.push(r);
      emit(r);
    },
  };

  // The watchdog: a test running past its limit is stopped at its next statement and fails where it was.
  const watchdog = setInterval(() => {
    if (!current || current.timedOut) return;
    if (performance.now() - current.startedAt > limit) {
      current.timedOut = true;
      current.session.current?.exec.abort({ code: 'TestTimeout', text: `The test ran longer than its time limit of ${Math.round(limit / 1000)} s and was stopped.`, callStack: '' });
    }
  }, Math.min(250, Math.max(10, limit / 4)));
  const onAbort = () => current?.session.current?.exec.abort({ code: 'Cancelled', text: 'The test run was cancelled.', callStack: '' });
  options.signal?.addEventListener('abort', onAbort);
  try {
    const runnerId = options.runner !== undefined ? host.codeunitId(options.runner) : undefined;
    if (options.runner !== undefined && runnerId === undefined) throw new Error(`there is no TestRunner codeunit ${JSON.stringify(options.runner)} in the workspace`);
    const targets = runnerId !== undefined ? [runnerId] : codeunits.map((c) => c.codeunit);
    for (const id of targets) {
      if (options.signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      const s = host.startCodeunit(id);
      s.testRun = hooks;
      current = { session: s, startedAt: performance.now(), timedOut: false };
      const reportedBefore = summary.results.length;
      const result = await host.rt.call(s, 'OnRun', () => ({ kind: 'codeunitRun', codeunit: id }));
      current = undefined;
      if (result.state === 'failed' && result.error.code === 'Cancelled') summary.cancelled = true;
      // Tests the codeunit's run never reached (it failed as a whole, or was cancelled) are failures of their own.
      const reported = new Set(summary.results.slice(reportedBefore).map((r) => `${r.codeunit}|${r.procedure.toLowerCase()}`));
      for (const c of runnerId === undefined ? cases.filter((x) => x.codeunit === id) : []) {
        if (reported.has(`${c.codeunit}|${c.procedure.toLowerCase()}`)) continue;
        const why: AlErrorInfo = result.state === 'failed' ? result.error : { code: 'NotRun', text: 'The test did not run.', callStack: '' };
        hooks.finished!({ codeunit: c.codeunit, codeunitName: c.codeunitName, procedure: c.procedure, location: { file: c.file, line: c.line, character: 0, endLine: c.line, endCharacter: 0 } }, { success: false, error: why });
      }
    }
  } finally {
    clearInterval(watchdog);
    options.signal?.removeEventListener('abort', onAbort);
  }
  summary.ms = Math.round(performance.now() - t0);
  return summary;
}
