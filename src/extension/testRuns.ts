// The Test Explorer's run profiles: Run, Debug (the same run with this product's debugger attached: breakpoints,
// every session the tests start as a thread) and Run with Coverage, all through the hosted runtime of `serve` kept
// warm between runs (runTests reloads only when a file changed). Results, output and coverage go to VS Code's
// Testing API; cancelling stops the run's sessions. Run on save is the `alSessionLab.tests.runOnSave` setting.
import * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import type { Events, TestFailure, TestSelection } from '../protocol/runtimeProtocol';
import type { RuntimeHost } from './runtimeHost';
import type { TestExplorer } from './testExplorer';
import { attachConfiguration } from './debugConfig';
import { RuntimeHost as Host } from './runtimeHost';
import type { Log } from './log';
import { coverageFor, type CoverageStore } from './testCoverage';

export type RunMode = 'run' | 'debug' | 'coverage';

/** What the last run did (for the log, the tests and the figures in the notes). */
export interface RunSummary {
  mode: RunMode;
  passed: number;
  failed: number;
  skipped: number;
  /** From the request to the runtime's answer, and to the last result (ms, measured in the extension host). */
  startMs: number;
  totalMs: number;
  reloaded: boolean;
  cancelled: boolean;
}

export class TestRuns implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  lastRun: RunSummary | undefined;
  private running: Promise<void> | undefined;
  readonly coverage: CoverageStore = new Map();
  /** Each test's last result by item id (what the Testing view shows; read by the integration tests). */
  readonly results = new Map<string, { outcome: string; durationMs: number; message?: string; line?: number; file?: string; stack?: string }>();

  constructor(private readonly explorer: TestExplorer, private readonly host: RuntimeHost, private readonly log: Log) {
    const c = explorer.controller;
    const run = c.createRunProfile('Run', vscode.TestRunProfileKind.Run, (r, t) => this.run(r, t, 'run'), true);
    const debug = c.createRunProfile('Debug', vscode.TestRunProfileKind.Debug, (r, t) => this.run(r, t, 'debug'), true);
    const cov = c.createRunProfile('Run with Coverage', vscode.TestRunProfileKind.Coverage, (r, t) => this.run(r, t, 'coverage'), true);
    cov.loadDetailedCoverage = async (_run, file) => coverageFor(this.coverage, file);
    // Per-test coverage (VS Code 1.93+): the statements one test reached.
    (cov as { loadDetailedCoverageForTest?: unknown }).loadDetailedCoverageForTest = async (_run: vscode.TestRun, file: vscode.FileCoverage, item: vscode.TestItem) => coverageFor(this.coverage, file, item.id);
    this.disposables.push(run, debug, cov, vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)));
  }

  /** Runs these items (undefined: every test) in a mode, without the Testing view (run on save, tests, commands). */
  runItems(items: readonly vscode.TestItem[] | undefined, mode: RunMode = 'run'): Promise<void> {
    const request = new vscode.TestRunRequest(items);
    const cts = new vscode.CancellationTokenSource();
    return this.run(request, cts.token, mode).finally(() => cts.dispose());
  }

  private async onSave(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId !== 'al' || !vscode.workspace.getConfiguration('alSessionLab.tests').get<boolean>('runOnSave', false)) return;
    // The saved file's own tests; a file without tests (the code under test): every test.
    const uri = doc.uri.toString();
    const inFile: vscode.TestItem[] = [];
    this.explorer.controller.items.forEach((app) => app.children.forEach((cu) => { if (cu.uri?.toString() === uri) inFile.push(cu); }));
    this.log.info(`tests: run on save of ${vscode.workspace.asRelativePath(doc.uri)}: ${inFile.length ? `${inFile.length} test codeunit(s) of the file` : 'every test'}`);
    // Let the runtime host's own reload after the save go first; runTests reloads anyway when a file changed.
    await this.running?.catch(() => undefined);
    await this.runItems(inFile.length ? inFile : undefined);
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken, mode: RunMode): Promise<void> {
    // One run at a time in the runtime: a new one waits for the last.
    const previous = this.running;
    const mine = (async () => {
      await previous?.catch(() => undefined);
      await this.runNow(request, token, mode);
    })();
    this.running = mine;
    try {
      await mine;
    } finally {
      if (this.running === mine) this.running = undefined;
    }
  }

  private async runNow(request: vscode.TestRunRequest, token: vscode.CancellationToken, mode: RunMode): Promise<void> {
    const t0 = performance.now();
    const tree = this.explorer.tree;
    const run = this.explorer.controller.createTestRun(request, undefined, true);
    const leaves = this.selectedTests(request);
    const selection = selectionOf(leaves, tree);
    for (const item of leaves) run.enqueued(item);
    if (leaves.length === 0) {
      run.end();
      return;
    }
    let debugSession: vscode.DebugSession | undefined;
    const open = new Set(leaves);
    const byKey = new Map(leaves.map((i) => [keyOf(tree.nodes.get(i)), i] as const));
    const disposables: vscode.Disposable[] = [];
    try {
      // A coverage run replaces the last one's coverage.
      if (mode === 'coverage') this.coverage.clear();
      const c = await this.host.ensureStarted();
      if (mode === 'debug') debugSession = await this.startDebugger(run);
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      const ended = new Promise<Events['testRunEnded']>((resolve, reject) => {
        let runId = -1;
        const item = (codeunit: number, procedure: string | undefined) => (procedure !== undefined ? byKey.get(`${codeunit}/${procedure.toLowerCase()}`) : undefined);
        disposables.push(
          { dispose: c.client.on('testStarted', (b) => { if (b.run === runId) { const i = item(b.codeunit, b.procedure); if (i) run.started(i); } }) },
          { dispose: c.client.on('testOutput', (b) => { if (b.run === runId) run.appendOutput(b.text.replace(/\r?\n/g, '\r\n'), undefined, b.procedure !== undefined ? item(b.codeunit ?? 0, b.procedure) : undefined); }) },
          { dispose: c.client.on('testFinished', (b) => { if (b.run !== runId) return; this.finished(run, b, item(b.codeunit, b.procedure), open, mode); }) },
          { dispose: c.client.on('testRunEnded', (b) => { if (b.run === runId) resolve(b); }) },
          { dispose: c.client.onClose((reason) => reject(new Error(`the runtime went away during the test run: ${reason}`))) },
        );
        c.client.request('runTests', { tests: selection, reload: true, coverage: mode === 'coverage' }).then((r) => {
          runId = r.run;
          const startMs = performance.now() - t0;
          this.lastRun = { mode, passed: 0, failed: 0, skipped: 0, startMs, totalMs: 0, reloaded: r.reloaded, cancelled: false };
          if (r.reloaded) run.appendOutput(`Reloaded the workspace's AL (${r.loadErrors.length} load error(s)).\r\n`);
          for (const e of r.loadErrors) run.appendOutput(`${e.file}:${e.line + 1}:${e.character + 1}: ${e.message}\r\n`);
          disposables.push(token.onCancellationRequested(() => { void c.client.request('cancelTests', { run: runId }).catch(() => undefined); }));
        }, reject);
      });
      const end = await ended;
      if (end.coverage) {
        // The per-test parts arrived with each result; the counts come now.
        for (const fc of end.coverage) {
          const key = vscode.Uri.file(fc.file).toString();
          this.coverage.set(key, { data: fc, perTest: this.coverage.get(key)?.perTest ?? new Map() });
        }
      }
      if (mode === 'coverage') for (const fc of this.coverageFiles()) run.addCoverage(fc);
      for (const i of open) run.skipped(i);
      const totalMs = performance.now() - t0;
      this.lastRun = { ...(this.lastRun ?? { mode, startMs: 0, reloaded: false }), mode, passed: end.passed, failed: end.failed, skipped: end.skipped + open.size, totalMs, cancelled: end.cancelled };
      this.log.info(`tests: ${mode} of ${leaves.length} test(s): ${end.passed} passed, ${end.failed} failed${end.skipped + open.size ? `, ${end.skipped + open.size} skipped` : ''}${end.cancelled ? ' (cancelled)' : ''} in ${totalMs.toFixed(0)} ms (runtime ${end.durationMs.toFixed(0)} ms${this.lastRun.reloaded ? ', reloaded' : ''})`);
    } catch (err) {
      if (!(err instanceof vscode.CancellationError)) {
        const text = err instanceof Error ? err.message : String(err);
        this.log.error(`tests: the run failed: ${text}`);
        for (const i of open) run.errored(i, new vscode.TestMessage(`AL Session Lab could not run the test: ${text}`));
        open.clear();
      }
      for (const i of open) run.skipped(i);
    } finally {
      for (const d of disposables) d.dispose();
      run.end();
      if (debugSession) await vscode.debug.stopDebugging(debugSession);
    }
  }

  /** Reports one result: outcome with duration, the failure at its line with the AL call stack, the sessions' errors. */
  private finished(run: vscode.TestRun, b: Events['testFinished'], item: vscode.TestItem | undefined, open: Set<vscode.TestItem>, mode: RunMode): void {
    if (b.reached && mode === 'coverage' && item) {
      for (const r of b.reached) {
        const key = vscode.Uri.file(r.file).toString();
        const entry = this.coverage.get(key) ?? { perTest: new Map() };
        entry.perTest.set(item.id, { lines: new Set(r.lines), procedures: r.procedures });
        this.coverage.set(key, entry);
      }
    }
    if (!item) {
      // The codeunit's OnRun (procedure ''), or a test the tree does not know: the output says what happened.
      if (b.outcome === 'failed' && b.failure) run.appendOutput(`${b.codeunitName}${b.procedure ? `.${b.procedure}` : ' OnRun'} failed: ${b.failure.text}\r\n${b.failure.callStack.replace(/\n/g, '\r\n')}\r\n`);
      return;
    }
    open.delete(item);
    this.results.set(item.id, { outcome: b.outcome, durationMs: b.durationMs, ...(b.failure ? { message: b.failure.text, stack: b.failure.callStack, ...(b.failure.location ? { line: b.failure.location.line, file: b.failure.location.file } : {}) } : {}) });
    for (const e of b.sessionErrors) run.appendOutput(`${b.procedure}: ${e.kind === 'PageBackgroundTask' ? 'page background task' : 'background session'} ${e.session} (${e.object}) ended with an error: ${e.error.text}\r\n`, undefined, item);
    if (b.outcome === 'passed') run.passed(item, b.durationMs);
    else if (b.outcome === 'skipped') run.skipped(item);
    else {
      const messages = [failureMessage(b.failure)];
      for (const e of b.sessionErrors) messages.push(new vscode.TestMessage(`Session ${e.session} (${e.kind}, ${e.object}) ended with an error: ${e.error.text}`));
      if (b.failure?.callStack) run.appendOutput(`${b.procedure} failed: ${b.failure.text}\r\n${b.failure.callStack.replace(/\n/g, '\r\n')}\r\n`, messages[0].location, item);
      run.failed(item, messages, b.durationMs);
    }
  }

  private coverageFiles(): vscode.FileCoverage[] {
    const out: vscode.FileCoverage[] = [];
    for (const [uri, entry] of this.coverage) {
      if (!entry.data) continue;
      const statements = entry.data.statements;
      const covered = statements.filter((s) => s.count > 0).length;
      const procs = entry.data.procedures;
      const fc = new vscode.FileCoverage(vscode.Uri.parse(uri), new vscode.TestCoverageCount(covered, statements.length), undefined, new vscode.TestCoverageCount(procs.filter((p) => p.count > 0).length, procs.length));
      // Which tests reached this file (VS Code 1.93+ filters the coverage per test with it).
      const tests: vscode.TestItem[] = [];
      for (const id of entry.perTest.keys()) {
        const item = this.findItem(id);
        if (item) tests.push(item);
      }
      (fc as { includesTests?: vscode.TestItem[] }).includesTests = tests;
      out.push(fc);
    }
    return out;
  }

  private findItem(id: string): vscode.TestItem | undefined {
    let found: vscode.TestItem | undefined;
    this.explorer.controller.items.forEach((app) => app.children.forEach((cu) => { found ??= cu.children.get(id); }));
    return found;
  }

  /** The test procedures a request names (apps and codeunits expand to their tests), minus the excluded ones. */
  private selectedTests(request: vscode.TestRunRequest): vscode.TestItem[] {
    const out: vscode.TestItem[] = [];
    const excluded = new Set(request.exclude ?? []);
    const visit = (item: vscode.TestItem) => {
      if (excluded.has(item)) return;
      if (this.explorer.tree.nodes.get(item)?.kind === 'test') out.push(item);
      else item.children.forEach(visit);
    };
    if (request.include) request.include.forEach(visit);
    else this.explorer.controller.items.forEach(visit);
    return out;
  }

  /** Starts this product's debugger on the hosted runtime and waits until its breakpoints are in place. */
  private async startDebugger(run: vscode.TestRun): Promise<vscode.DebugSession> {
    const name = `AL Tests: debug run ${Date.now()}`;
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.fsPath === Host.workspaceFolder());
    let session: vscode.DebugSession | undefined;
    const attached = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error('the debugger did not attach within 30 s')); }, 30_000);
      const sub = vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
        if (e.session.name !== name || e.event !== 'alSessionLab.attached') return;
        clearTimeout(timer);
        sub.dispose();
        session = e.session;
        resolve();
      });
    });
    // Every session of the run is debugged (the test's and the ones it starts: each is a thread); errors the tests
    // expect (asserterror) must not stop them, so break on error is off unless a breakpoint says otherwise.
    const ok = await vscode.debug.startDebugging(folder, attachConfiguration('Any', { name, breakOnError: 'None' }), { testRun: run });
    if (!ok) throw new Error('the debugger did not start');
    await attached;
    return session!;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function keyOf(node: { kind: string; codeunit?: number; procedure?: string } | undefined): string {
  return node && node.kind === 'test' ? `${node.codeunit}/${node.procedure!.toLowerCase()}` : '';
}

/** The runtime's selection: one entry per codeunit, whole when every test of it is selected. */
function selectionOf(leaves: vscode.TestItem[], tree: TestExplorer['tree']): TestSelection[] {
  const byCodeunit = new Map<number, { names: string[]; parent: vscode.TestItem | undefined }>();
  for (const i of leaves) {
    const n = tree.nodes.get(i);
    if (n?.kind !== 'test') continue;
    const e = byCodeunit.get(n.codeunit) ?? { names: [], parent: i.parent };
    e.names.push(n.procedure);
    byCodeunit.set(n.codeunit, e);
  }
  return [...byCodeunit].map(([codeunit, e]) => (e.parent && e.parent.children.size === e.names.length ? { codeunit } : { codeunit, tests: e.names }));
}

/** The failure at its line, with the AL call stack as the message's stack (VS Code 1.93+) and in its text. */
function failureMessage(f: TestFailure | undefined): vscode.TestMessage {
  const m = new vscode.TestMessage(f ? f.text : 'The test failed.');
  if (f?.location) m.location = new vscode.Location(vscode.Uri.file(f.location.file), new vscode.Position(f.location.line, f.location.character));
  const Frame = (vscode as unknown as { TestMessageStackFrame?: new (label: string, uri?: vscode.Uri, position?: vscode.Position) => unknown }).TestMessageStackFrame;
  if (f && Frame) {
    (m as { stackTrace?: unknown[] }).stackTrace = f.frames.map((fr) => new Frame(fr.text, fr.file ? vscode.Uri.file(fr.file) : undefined, fr.line !== undefined ? new vscode.Position(fr.line, 0) : undefined));
  }
  return m;
}
