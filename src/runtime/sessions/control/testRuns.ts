// Test runs for the editor's Test Explorer (serve's runTests / cancelTests): each selected test codeunit runs in a
// fresh foreground session of the warm runtime, and what happens is reported per test: start, outcome with duration,
// the failure with its call stack resolved to source, output of the sessions the test started, and their errors.
import { performance } from 'node:perf_hooks';
import type { CoverageCounts } from '../../contracts';
import type { BodyOf, Events, FileCoverageData, TestSelection, TestSessionError, TestStackFrame, TimelineEvent } from '../../../protocol/runtimeProtocol';
import type { RuntimeHost } from '../host';
import type { Session } from '../session';
import { RequestError } from './requests';

type Send = <E extends 'testStarted' | 'testFinished' | 'testOutput' | 'testRunEnded'>(event: E, body: Events[E]) => void;

interface ActiveRun {
  id: number;
  cancelled: boolean;
  session?: Session;
  /** The test session and every session started from it (StartSession, page background tasks). */
  sessions: Set<number>;
}

export class TestRuns {
  private nextRun = 1;
  private active: ActiveRun | undefined;

  constructor(private readonly host: RuntimeHost) {}

  start(args: { tests?: unknown; reload?: unknown; coverage?: unknown }, send: Send): BodyOf<'runTests'> {
    if (this.active) throw new RequestError(`test run ${this.active.id} is still running; cancel it first`);
    const selection = parseSelection(args.tests);
    let reloaded = false;
    let loadErrors: { file: string; line: number; character: number; message: string }[] = [];
    if (args.reload === true) {
      const r = this.host.reloadIfChanged();
      reloaded = r !== undefined;
      loadErrors = (r ?? this.host.loadResult).errors;
    }
    const run: ActiveRun = { id: this.nextRun++, cancelled: false, sessions: new Set() };
    this.active = run;
    const coverage = args.coverage === true && this.host.engine.startCoverage ? this.host.engine : undefined;
    coverage?.startCoverage!();
    void this.play(run, selection, send, coverage !== undefined).finally(() => {
      coverage?.stopCoverage?.();
      if (this.active === run) this.active = undefined;
    });
    return { run: run.id, reloaded, loadErrors };
  }

  cancel(id: number): void {
    const run = this.active;
    if (!run || run.id !== id) return;
    run.cancelled = true;
    // The test session and what it started stop now; the loop reports the rest as skipped.
    for (const sid of [...run.sessions].reverse()) {
      const s = this.host.rt.sessions.get(sid);
      if (s && !s.ended) this.host.rt.stopSession(undefined, sid, 'The test run was cancelled.');
    }
  }

  private async play(run: ActiveRun, selection: TestSelection[], send: Send, coverage: boolean): Promise<void> {
    const rt = this.host.rt;
    const engine = this.host.engine;
    const inWorkspace = (file: string) => !!this.host.workspace && file.startsWith(this.host.workspace);
    /** Coverage runs: the counts when the test started, to tell what this test reached. */
    let before: Uint32Array | undefined;
    const started = performance.now();
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const sel of selection) {
      if (run.cancelled) {
        skipped += sel.tests?.length ?? 1;
        continue;
      }
      const name = rt.engineObjectName('Codeunit', sel.codeunit);
      const s = rt.createSession('Foreground', null, `Codeunit ${sel.codeunit}`, name, 0);
      run.session = s;
      run.sessions.clear();
      run.sessions.add(s.id);
      let current: { procedure: string; t0: number; errors: TestSessionError[] } | undefined;
      let ran = 0;
      const off = rt.timeline.on((e) => {
        const sid = e.session;
        if (e.event === 'sessionStarted' && typeof e.parent === 'number' && run.sessions.has(e.parent) && sid !== undefined) {
          run.sessions.add(sid);
          return;
        }
        if (sid === undefined || !run.sessions.has(sid)) return;
        const out = (text: string) => send('testOutput', { run: run.id, codeunit: sel.codeunit, ...(current ? { procedure: current.procedure } : {}), session: sid, text });
        // `handler` and `taskError` are not TimelineEventKinds: the runtime emits neither (yet); matched as text.
        switch (e.event as string) {
          case 'testStarted':
            if (sid !== s.id) return;
            current = { procedure: String(e.function ?? ''), t0: performance.now(), errors: [] };
            if (coverage) before = engine.coverage?.()?.counts.slice();
            send('testStarted', { run: run.id, codeunit: sel.codeunit, codeunitName: name, procedure: current.procedure, session: s.id });
            return;
          case 'testResult': {
            if (sid !== s.id) return;
            const procedure = String(e.function ?? '');
            const durationMs = current ? performance.now() - current.t0 : 0;
            const err = e.error as { code?: string; text?: string; callStack?: string; location?: { file: string; line: number; character: number }; stackLocations?: { file: string; line: number }[] } | undefined;
            const outcome = e.success ? 'passed' : 'failed';
            if (procedure !== '' || !e.success) {
              ran++;
              if (e.success) passed++;
              else failed++;
            }
            send('testFinished', {
              run: run.id,
              codeunit: sel.codeunit,
              codeunitName: name,
              procedure,
              session: s.id,
              outcome,
              durationMs: Math.round(durationMs * 100) / 100,
              ...(err ? { failure: { code: err.code ?? '', text: err.text ?? '', callStack: err.callStack ?? '', ...(err.location ? { location: { file: err.location.file, line: err.location.line, character: err.location.character } } : {}), frames: frames(err.callStack ?? '', err.stackLocations) } } : {}),
              sessionErrors: current?.errors ?? [],
              ...(coverage && before ? { reached: reachedSince(engine.coverage?.(), before, inWorkspace) } : {}),
            });
            current = undefined;
            return;
          }
          case 'message':
            out(`Message${e.suppressed ? ' (suppressed)' : ''} in session ${sid}: ${String(e.text)}\n`);
            return;
          case 'dialog':
            out(`${String(e.kind)} in session ${sid}: ${JSON.stringify(e.text)}${e.answer !== undefined ? ` -> ${JSON.stringify(e.answer)}` : ''}${e.handler ? ` (handler ${String(e.handler)})` : ''}\n`);
            return;
          case 'handler':
            out(`handler ${String(e.handler ?? e.name ?? '')} ran in session ${sid}\n`);
            return;
          case 'sessionEnded':
          case 'notification':
          case 'taskError':
            if (sid === s.id) return;
            sessionError(e, sid);
            return;
        }
        function sessionError(ev: TimelineEvent, id: number): void {
          const error = (ev.error ?? (ev.text !== undefined ? { code: ev.code, text: ev.text } : undefined)) as { code?: string; text?: string } | undefined;
          if (!error || (ev.event === 'notification' && ev.level !== 'error')) return;
          const info = rt.sessions.get(id);
          const kind = info?.kind ?? 'Background';
          const object = info?.object ?? '';
          const e2: TestSessionError = { session: id, kind, object, outcome: (ev.outcome as TestSessionError['outcome']) ?? 'error', error: { code: error.code ?? '', text: error.text ?? '', callStack: '' } };
          current?.errors.push(e2);
          out(`${kind === 'PageBackgroundTask' ? 'page background task' : 'background session'} ${id} (${object}) ended with an error: ${error.text ?? ''}\n`);
        }
      });
      try {
        rt.begin(s);
        const r = await rt.enqueueCall(s, `Test ${name}`, () => ({ kind: 'testCodeunit', codeunit: sel.codeunit, ...(sel.tests ? { tests: sel.tests } : {}) }));
        if (r.state === 'failed' && ran === 0) {
          // The codeunit could not run at all (not a test codeunit, stopped before its first test, a timeout).
          const text = run.cancelled ? 'The test run was cancelled.' : r.error.text;
          for (const procedure of sel.tests ?? ['']) {
            if (run.cancelled) skipped++;
            else failed++;
            send('testFinished', { run: run.id, codeunit: sel.codeunit, codeunitName: name, procedure, session: s.id, outcome: run.cancelled ? 'skipped' : 'failed', durationMs: 0, ...(run.cancelled ? {} : { failure: { code: r.error.code, text, callStack: r.error.callStack, frames: frames(r.error.callStack, r.error.stackLocations) } }), sessionErrors: [] });
          }
        }
      } finally {
        off();
      }
    }
    run.session = undefined;
    send('testRunEnded', { run: run.id, passed, failed, skipped, durationMs: Math.round((performance.now() - started) * 100) / 100, cancelled: run.cancelled, ...(coverage ? { coverage: fileCoverage(engine.coverage?.(), inWorkspace) } : {}) });
  }
}

/** The statements of workspace files that ran since `before`: lines and procedures per file. */
function reachedSince(cov: CoverageCounts | undefined, before: Uint32Array, keep: (file: string) => boolean): { file: string; lines: number[]; procedures: string[] }[] {
  if (!cov) return [];
  const byFile = new Map<string, { lines: Set<number>; procedures: Set<string> }>();
  for (const st of cov.statements) {
    if ((cov.counts[st.id] ?? 0) <= (before[st.id] ?? 0) || !keep(st.file)) continue;
    let f = byFile.get(st.file);
    if (!f) byFile.set(st.file, (f = { lines: new Set(), procedures: new Set() }));
    f.lines.add(st.line);
    f.procedures.add(st.proc);
  }
  return [...byFile].map(([file, f]) => ({ file, lines: [...f.lines].sort((a, b) => a - b), procedures: [...f.procedures] }));
}

/** Every statement of the workspace's files with its count, and each procedure with the count of its first statement. */
function fileCoverage(cov: CoverageCounts | undefined, keep: (file: string) => boolean): FileCoverageData[] {
  if (!cov) return [];
  const byFile = new Map<string, FileCoverageData>();
  const seenProc = new Set<string>();
  for (const st of cov.statements) {
    if (!keep(st.file)) continue;
    let f = byFile.get(st.file);
    if (!f) byFile.set(st.file, (f = { file: st.file, statements: [], procedures: [] }));
    const count = cov.counts[st.id] ?? 0;
    f.statements.push({ line: st.line, character: st.character, endLine: st.endLine, endCharacter: st.endCharacter, count });
    const key = `${st.file}|${st.procLine}|${st.proc}`;
    if (!seenProc.has(key)) {
      seenProc.add(key);
      f.procedures.push({ name: st.proc, line: st.procLine, character: st.procCharacter, count });
    }
  }
  return [...byFile.values()];
}

function parseSelection(v: unknown): TestSelection[] {
  if (!Array.isArray(v)) throw new RequestError("'tests' must be a list of { codeunit, tests? }");
  // One entry per codeunit, in the order first named; a codeunit named whole wins over named procedures.
  const byCodeunit = new Map<number, TestSelection>();
  for (const item of v) {
    const cu = (item as { codeunit?: unknown })?.codeunit;
    if (typeof cu !== 'number' || !Number.isInteger(cu)) throw new RequestError("each test selection needs a 'codeunit' id");
    const tests = (item as { tests?: unknown }).tests;
    if (tests !== undefined && (!Array.isArray(tests) || tests.some((t) => typeof t !== 'string'))) throw new RequestError("'tests' of a selection must be procedure names");
    const had = byCodeunit.get(cu);
    if (!had) byCodeunit.set(cu, { codeunit: cu, ...(tests ? { tests: [...(tests as string[])] } : {}) });
    else if (!tests || !had.tests) delete had.tests;
    else had.tests.push(...(tests as string[]));
  }
  return [...byCodeunit.values()];
}

function frames(callStack: string, locations: { file: string; line: number }[] | undefined): TestStackFrame[] {
  return callStack.split('\n').filter((l) => l.trim()).map((text, i) => {
    const at = locations?.[i];
    return at ? { text, file: at.file, line: at.line } : { text };
  });
}
