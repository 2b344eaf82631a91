// Integration tests of debugging in a real VS Code: an attach configuration without port gets the hosted
// runtime's, a breakpoint in the page background task's codeunit stops with its variables, continue ends it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, wsFile } from './helpers';

interface Seen { stopped: { threadId: number; reason: string }[]; config?: vscode.DebugConfiguration }

suite('debugging', () => {
  const seen: Seen = { stopped: [] };
  let tracker: vscode.Disposable;

  suiteSetup(() => {
    tracker = vscode.debug.registerDebugAdapterTrackerFactory('al-session-lab', {
      createDebugAdapterTracker: (session) => {
        seen.config = session.configuration;
        return { onDidSendMessage: (m: any) => { if (m.type === 'event' && m.event === 'stopped') seen.stopped.push(m.body); } };
      },
    });
  });
  suiteTeardown(async () => {
    tracker.dispose();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await vscode.debug.stopDebugging();
  });

  test('attach to the next page background task stops at a breakpoint in codeunit 50100 with its variables', async () => {
    const file = wsFile('src', 'PBTWaitCodeunit.Codeunit.al');
    const doc = await vscode.workspace.openTextDocument(file);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('Sleep(WaitTime)'));
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(file, new vscode.Position(line, 0)))]);
    const folder = vscode.workspace.workspaceFolders![0];
    const ok = await vscode.debug.startDebugging(folder, { type: 'al-session-lab', request: 'attach', name: 'attach PBT', breakOnNext: 'PageBackgroundTask' });
    assert.ok(ok, 'the debugger started');
    assert.ok(typeof seen.config?.port === 'number' && typeof seen.config?.token === 'string', `port and token filled in: ${JSON.stringify(seen.config)}`);
    const session = vscode.debug.activeDebugSession!;
    await vscode.commands.executeCommand('alSessionLab.openPage', 'Customer Card', { 'No.': '10000' });
    const stop = await waitFor('a stop at the breakpoint', () => seen.stopped.find((s) => s.reason === 'breakpoint'), 30000);
    const view = await waitFor('the Sessions view to show the task stopped', async () => {
      const lines = await vscode.commands.executeCommand<string[]>('alSessionLab.test.sessionsView');
      return lines.some((l) => /Page background task .*stopped in debugger/.test(l)) ? lines : undefined;
    }, 5000);
    assert.ok(view.some((l) => /#\d+ Foreground/.test(l)), view.join('\n'));
    const st = await session.customRequest('stackTrace', { threadId: stop.threadId });
    assert.equal(st.stackFrames[0].line, line + 1);
    assert.match(st.stackFrames[0].source.path, /PBTWaitCodeunit\.Codeunit\.al$/);
    const scopes = await session.customRequest('scopes', { frameId: st.stackFrames[0].id });
    const locals = scopes.scopes.find((s: any) => s.name === 'Locals');
    const vars = await session.customRequest('variables', { variablesReference: locals.variablesReference });
    const wait = vars.variables.find((v: any) => v.name === 'WaitTime');
    assert.match(wait?.value ?? '', /^1,?000$/);
    await session.customRequest('continue', { threadId: stop.threadId });
    const p = await waitFor('the task to fill After 1 after continue', async () => {
      const s = await vscode.commands.executeCommand<any>('alSessionLab.test.pagePreview');
      return s?.rendered?.fields['After1'] ? s : undefined;
    }, 30000);
    assert.ok(p.rendered.fields['Before1']);
  });
});
