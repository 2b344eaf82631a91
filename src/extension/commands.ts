// The palette commands and view actions (contributes.commands in package.json), wired to their features.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { reportError } from './log';
import { findObject, revealObject, workspaceObjects } from './workspaceObjects';
import { parseRecordKey } from './pagePreview';
import { surfaceAlError } from './alErrors';
import { attachConfiguration, DEBUG_TYPE } from './debugConfig';
import type { SessionNode } from './sessionsView';
import { RuntimeHost } from './runtimeHost';
import type { ExtensionApi } from './extension';

export function registerCommands(context: vscode.ExtensionContext, api: ExtensionApi): void {
  const { runtime, log, pages, timeline, sessions, sessionsView } = api;
  const register = (id: string, what: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: any[]) => {
      // Every command reports its failure as a notification instead of failing silently.
      try { return await fn(...args); } catch (err) { reportError(log, what, err); return undefined; }
    }));

  register('alSessionLab.showLog', 'showing the log', () => log.show(true));
  register('alSessionLab.startRuntime', 'starting the runtime', async () => {
    const c = await runtime.ensureStarted();
    return { port: c.port };
  });
  register('alSessionLab.stopRuntime', 'stopping the runtime', () => runtime.stop());
  register('alSessionLab.restartRuntime', 'restarting the runtime', async () => {
    await runtime.stop();
    await runtime.ensureStarted();
  });

  register('alSessionLab.runCodeunit', 'running the codeunit', async (codeunit?: number | string) => {
    let target = codeunit;
    if (target === undefined) {
      const codeunits = (await workspaceObjects()).filter((o) => o.type === 'Codeunit');
      if (!codeunits.length) throw new Error('no codeunit is declared in this workspace');
      const pick = await vscode.window.showQuickPick(codeunits.map((o) => ({ label: `${o.id} ${o.name}`, description: vscode.workspace.asRelativePath(o.uri), id: o.id })),
        { title: 'AL Session Lab: Run Codeunit', placeHolder: 'Runs the codeunit in a new foreground session of the local runtime' });
      if (!pick) return undefined;
      target = pick.id;
    }
    const c = await runtime.ensureStarted();
    let r: { session: number };
    try {
      r = await c.client.request('runCodeunit', { codeunit: target });
    } catch (err) {
      // Why it cannot run at all (not declared, or its AL does not compile): the runtime's reason, said plainly.
      throw new Error(`codeunit ${target} cannot run: ${err instanceof Error ? err.message : err}`, { cause: err });
    }
    log.info(`run codeunit ${target}: session ${r.session}`);
    // An error of the codeunit surfaces with its AL location when its session ends.
    const off = c.client.on('sessionEnded', (e) => {
      if (e.session !== r.session) return;
      off();
      if (e.outcome === 'error' && e.error) surfaceAlError(log, `Codeunit ${target} (session ${r.session})`, e.error);
      else log.info(`run codeunit ${target}: session ${r.session} ended: ${e.outcome}`);
    });
    return r;
  });
  register('alSessionLab.runScenario', 'running the scenario', async (file?: vscode.Uri, options?: { confirm?: boolean }) => {
    let uri = file;
    if (!uri) {
      const files = await vscode.workspace.findFiles('**/scenarios/*.json', '**/node_modules/**', 500);
      if (!files.length) throw new Error('no scenario file (scenarios/*.json) in this workspace');
      const pick = await vscode.window.showQuickPick(files.map((f) => ({ label: path.basename(f.fsPath, '.json'), description: vscode.workspace.asRelativePath(f), uri: f })),
        { title: 'AL Session Lab: Run Scenario' });
      if (!pick) return undefined;
      uri = pick.uri;
    }
    let scenario: unknown;
    try {
      scenario = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
    } catch (err) {
      throw new Error(`${vscode.workspace.asRelativePath(uri)} is not valid JSON: ${err instanceof Error ? err.message : err}`, { cause: err });
    }
    // A scenario describes a run from its own data: it gets a fresh runtime with an empty store (asking first
    // when sessions are alive, since they end with the old runtime).
    const hasData = typeof scenario === 'object' && scenario !== null && 'data' in scenario;
    let c;
    if (hasData) {
      const live = runtime.current ? sessions.liveSessions.length : 0;
      if (live > 0 && options?.confirm !== false) {
        const go = await vscode.window.showWarningMessage(`Run ${path.basename(uri.fsPath)} in a fresh runtime with its own data?`,
          { modal: true, detail: `The scenario brings its own data, so it runs in a new runtime with an empty store; the ${live} live session(s) of the current runtime end.` }, 'Restart and Run');
        if (!go) return undefined;
      }
      log.info(`scenario ${vscode.workspace.asRelativePath(uri)} brings its data: starting a runtime with an empty store`);
      c = await runtime.restartEmpty();
    } else {
      c = await runtime.ensureStarted();
    }
    const r = await c.client.request('runScenario', { scenario });
    if (!r.ok) throw new Error(r.message ?? 'the scenario could not be played');
    log.info(`scenario ${vscode.workspace.asRelativePath(uri)} played`);
    return r;
  });

  register('alSessionLab.openPage', 'opening the page', async (page?: string | number, record?: Record<string, string>) => {
    let target = page;
    let key = record;
    if (target === undefined) {
      const list = (await workspaceObjects()).filter((o) => o.type === 'Page');
      if (!list.length) throw new Error('no page is declared in this workspace');
      const pick = await vscode.window.showQuickPick(list.map((o) => ({ label: `${o.id} ${o.name}`, description: vscode.workspace.asRelativePath(o.uri), id: o.id })),
        { title: 'AL Session Lab: Open Page', placeHolder: 'Opens the page in a preview driven by the local runtime' });
      if (!pick) return undefined;
      target = pick.id;
      const text = await vscode.window.showInputBox({ title: 'AL Session Lab: Open Page', prompt: 'Which record? field=value (e.g. No.=10000); empty for the first record', validateInput: (v) => { try { parseRecordKey(v); return undefined; } catch (e) { return e instanceof Error ? e.message : String(e); } } });
      if (text === undefined) return undefined;
      key = parseRecordKey(text);
    }
    const p = await pages.openPage(target, key);
    return { pageInstanceId: p.pageInstanceId, session: p.current.session };
  });
  register('alSessionLab.showTimeline', 'showing the timeline', () => timeline.show());
  const sessionOf = (arg: SessionNode | number | undefined): number | undefined =>
    typeof arg === 'number' ? arg : arg?.type === 'session' ? arg.info.id : undefined;
  register('alSessionLab.stopSession', 'stopping the session', async (arg?: SessionNode | number) => {
    const id = sessionOf(arg);
    if (id === undefined) throw new Error('choose a session in the Sessions view');
    const c = runtime.current;
    if (!c) throw new Error('the local session runtime is not running');
    await c.client.request('stopSession', { session: id, comment: 'Stopped from VS Code' });
    log.info(`session ${id}: stop requested`);
    void sessions.refresh();
  });
  register('alSessionLab.debugSession', 'attaching the debugger', async (arg?: SessionNode | number) => {
    const id = sessionOf(arg);
    if (id === undefined) throw new Error('choose a session in the Sessions view');
    // A debug session of ours is running: the session joins it (one debugger, one more thread), as BC's does.
    const active = vscode.debug.activeDebugSession;
    if (active?.type === DEBUG_TYPE) {
      await active.customRequest('alSessionLab.debugSession', { sessionId: id });
      log.info(`session ${id}: debugged in the running debug session "${active.name}"`);
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.fsPath === RuntimeHost.workspaceFolder());
    const ok = await vscode.debug.startDebugging(folder, attachConfiguration('Any', { name: `AL Session Lab: session ${id}`, sessionId: id }));
    if (!ok) throw new Error(`the debugger did not attach to session ${id}`);
  });
  register('alSessionLab.clearEndedSessions', 'clearing ended sessions', () => sessions.clearEnded());
  register('alSessionLab.goToObject', 'going to the object', async (arg?: SessionNode | string) => {
    const ref = typeof arg === 'string' ? arg : arg?.type === 'session' ? arg.info.object : arg?.type === 'task' ? arg.info.codeunit : undefined;
    if (!ref) throw new Error('choose a session in the Sessions view');
    const o = await findObject(ref);
    if (!o) throw new Error(`${ref} is not declared in this workspace`);
    await revealObject(o);
  });

  // Test-only commands: the integration tests run in the extension host, where the webviews' DOM is out of reach.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    register('alSessionLab.test.pagePreview', 'test: page preview', () => {
      const p = pages.latest;
      return p ? { state: p.current, rendered: p.lastRendered } : undefined;
    });
    register('alSessionLab.test.pagePreviewPost', 'test: page preview message', (msg: any) => pages.latest?.onMessage(msg));
    register('alSessionLab.test.sessionsView', 'test: sessions view', async () => { await sessions.refresh(); return sessionsView.describe(); });
    register('alSessionLab.test.timeline', 'test: timeline', () => ({ events: timeline.eventCount, svg: timeline.lastSvg }));
  }
}
