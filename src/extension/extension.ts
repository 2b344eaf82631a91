// Extension entry point: wires the output channel, language client, hosted runtime, debugging, views and commands,
// and measures how long its own activation code takes (logged, and returned to tests through the API).
import * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLog, reportError, type Log } from './log';
import { createLanguageClient } from './languageClient';
import { RuntimeHost } from './runtimeHost';
import { StatusBar } from './statusBar';
import { registerDebugging } from './debugConfig';
import { registerCommands } from './commands';
import { LiveSessions } from './liveSessions';
import { SessionsView } from './sessionsView';
import { PagePreviews } from './pagePreview';
import { TimelineView } from './timelineView';
import { TestExplorer } from './testExplorer';
import { TestRuns } from './testRuns';

/** What activate returns: used by the integration tests, and by anyone scripting the extension. */
export interface ExtensionApi {
  /** Milliseconds our own activate() code took (not counting VS Code loading the bundle). */
  activationMs: number;
  runtime: RuntimeHost;
  statusBar: StatusBar;
  languageClient: LanguageClient | undefined;
  log: Log;
  sessions: LiveSessions;
  sessionsView: SessionsView;
  pages: PagePreviews;
  timeline: TimelineView;
  tests: TestExplorer;
  testRuns: TestRuns;
}

let client: LanguageClient | undefined;
let host: RuntimeHost | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const t0 = performance.now();
  const log = createLog();
  const marks: string[] = [];
  const mark = (what: string) => marks.push(`${what} ${(performance.now() - t0).toFixed(1)}`);
  mark('log');
  context.subscriptions.push(log);
  const statusBar = new StatusBar();
  context.subscriptions.push(statusBar);
  host = new RuntimeHost(context, log);
  const tests = new TestExplorer(log);
  const testRuns = new TestRuns(tests, host, log);
  context.subscriptions.push(tests, testRuns);
  context.subscriptions.push(host);
  const runtime = host;
  statusBar.setState(runtime.currentState);
  mark('host');
  context.subscriptions.push(runtime.onDidChangeState((s) => statusBar.setState(s)));

  try {
    const c = createLanguageClient(context, log);
    client = c;
    // start() forks the server process synchronously before its first await (tens of ms): run it after
    // activation returns so it never delays the extension host. Failures become a notification.
    setImmediate(() => {
      const started = performance.now();
      c.start().then(() => {
        log.info(`language server ready in ${(performance.now() - started).toFixed(0)} ms`);
        tests.connect(c).catch((err) => reportError(log, 'the tests could not be discovered', err));
      }, (err) => reportError(log, 'the language server did not start', err));
    });
  } catch (err) {
    reportError(log, 'the language client could not be created', err);
  }

  mark('client');
  const sessions = new LiveSessions(runtime, log);
  const sessionsView = new SessionsView(sessions);
  const pages = new PagePreviews(context, runtime, sessions, log);
  const timeline = new TimelineView(context, runtime, sessions, log);
  context.subscriptions.push(sessions, sessionsView, pages, timeline,
    sessions.onDidChange(() => statusBar.setSessions(sessions.liveSessions.length)));
  const api: ExtensionApi = { activationMs: 0, runtime, statusBar, languageClient: client, log, sessions, sessionsView, pages, timeline, tests, testRuns };
  for (const [what, register] of [
    ['debugging', () => registerDebugging(context, runtime, log)],
    ['commands', () => registerCommands(context, api)],
    ['the Sessions view', () => context.subscriptions.push(vscode.window.registerTreeDataProvider('alSessionLab.sessions', sessionsView))],
  ] as const) {
    // One feature failing to register must not take the others down with it.
    try { register(); } catch (err) { reportError(log, `${what} could not be set up`, err); }
  }

  mark('features');
  api.activationMs = performance.now() - t0;
  log.info(`activated in ${api.activationMs.toFixed(1)} ms (extension ${context.extension.packageJSON.version}, ${vscode.env.appName} ${vscode.version}, mode ${vscode.ExtensionMode[context.extensionMode]}; ms after: ${marks.join(', ')})`);
  return api;
}

export async function deactivate(): Promise<void> {
  await Promise.allSettled([client?.stop(), host?.stop()]);
}
