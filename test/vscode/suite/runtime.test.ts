// Integration tests of the hosted runtime in a real VS Code: start on demand, page preview of the Customer Card
// driving the runtime, Sessions view, timeline, reload on save, restart after a crash.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, waitFor, wsFile } from './helpers';

interface PreviewSnapshot {
  state: { pageInstanceId: number; session: number; recordId: string; open: boolean; groups: { fields: { name: string; value: string }[] }[] };
  rendered?: { fields: Record<string, string>; recordId: string; tasks: string[]; banner: string };
}

const preview = () => vscode.commands.executeCommand<PreviewSnapshot | undefined>('alSessionLab.test.pagePreview');

suite('hosted runtime', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('starts on demand and shows in the status bar', async () => {
    const api = await activeApi();
    const r = await vscode.commands.executeCommand<{ port: number }>('alSessionLab.startRuntime');
    assert.ok(r && r.port > 0, 'a port');
    assert.equal(api.runtime.currentState, 'running');
    await waitFor('the status bar to show the session count', () => /AL runtime: \d+ sessions?/.test(api.statusBar.text));
  });

  test('Open Page shows the Customer Card on a customer and its page background task fills the fields', async () => {
    await vscode.commands.executeCommand('alSessionLab.openPage', 'Customer Card', { 'No.': '10000' });
    const p = await waitFor('the page preview to render customer 10000', async () => {
      const s = await preview();
      return s?.rendered && /10000/.test(s.rendered.recordId) ? s : undefined;
    });
    assert.equal(p.rendered!.fields['Name'], 'Adatum Corporation');
    const filled = await waitFor('After 1 to be filled by the task', async () => {
      const s = await preview();
      return s?.rendered?.fields['After1'] ? s : undefined;
    }, 30000);
    assert.match(filled.rendered!.fields['Duration1'], /^1,?000$/); // Format(1000) is '1,000' in BC
    assert.ok(filled.rendered!.fields['Before1'], 'Before 1 filled');
  });

  test('the Sessions view lists the page session; the timeline charts it', async () => {
    const lines = await vscode.commands.executeCommand<string[]>('alSessionLab.test.sessionsView');
    assert.ok(lines.some((l) => /#\d+ Foreground/.test(l)), lines.join('\n'));
    await vscode.commands.executeCommand('alSessionLab.showTimeline');
    const t = await waitFor('the timeline to draw the task', async () => {
      const r = await vscode.commands.executeCommand<{ events: number; svg: string }>('alSessionLab.test.timeline');
      return r && /kind-PageBackgroundTask outcome-completed/.test(r.svg) ? r : undefined;
    });
    assert.match(t.svg, /kind-Foreground/);
  });

  test('next record cancels the running task and shows the next customer', async () => {
    await vscode.commands.executeCommand('alSessionLab.test.pagePreviewPost', { type: 'navigate', direction: 'next' });
    await vscode.commands.executeCommand('alSessionLab.test.pagePreviewPost', { type: 'navigate', direction: 'next' });
    const s = await waitFor('customer 30000', async () => {
      const r = await preview();
      return r?.rendered && /30000/.test(r.rendered.recordId) ? r : undefined;
    });
    assert.equal(s.rendered!.fields['Name'], 'School of Fine Art');
    const t = await waitFor('a cancelled task on the timeline', async () => {
      const r = await vscode.commands.executeCommand<{ svg: string }>('alSessionLab.test.timeline');
      return r && /recordChanged/.test(r.svg) ? r : undefined;
    });
    assert.match(t.svg, /outcome-cancelled/);
  });

  test('Stop Session (Sessions view action) ends a running page background task', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('alSessionLab.test.pagePreviewPost', { type: 'navigate', direction: 'previous' });
    const task = await waitFor('a running page background task', async () => {
      const r = await api.sessions.refresh();
      return r.sessions.find((s) => s.kind === 'PageBackgroundTask');
    }, 5000, 20);
    await vscode.commands.executeCommand('alSessionLab.stopSession', { type: 'session', info: task });
    const t = await waitFor('the stopped task on the timeline', async () => {
      const r = await vscode.commands.executeCommand<{ svg: string }>('alSessionLab.test.timeline');
      return r && new RegExp(`data-session="${task.id}"[^>]*data-outcome="stopped"`).test(r.svg) ? r : undefined;
    });
    assert.ok(t);
  });

  test('Go to Object opens the object of a session', async () => {
    await vscode.commands.executeCommand('alSessionLab.goToObject', 'Codeunit 50100');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.fileName.endsWith('PBTWaitCodeunit.Codeunit.al'), editor?.document.fileName);
    assert.equal(editor.selection.active.line, 1);
  });

  test('Run Codeunit runs it in a new session of the runtime', async () => {
    const r = await vscode.commands.executeCommand<{ session: number }>('alSessionLab.runCodeunit', 50101);
    assert.ok(r && r.session > 0);
    await waitFor('the codeunit session on the timeline', async () => {
      const t = await vscode.commands.executeCommand<{ svg: string }>('alSessionLab.test.timeline');
      return t && new RegExp(`data-session="${r.session}" data-kind="Foreground" data-outcome="completed"`).test(t.svg);
    });
  });

  test('Run Scenario plays a scenario file with its own data in a fresh runtime', async () => {
    const api = await activeApi();
    const before = api.runtime.pid;
    const r = await vscode.commands.executeCommand<{ ok: boolean }>('alSessionLab.runScenario', wsFile('scenarios', 'block-customers.json'), { confirm: false });
    assert.equal(r?.ok, true);
    assert.notEqual(api.runtime.pid, before, 'a fresh runtime');
    const t = await vscode.commands.executeCommand<{ svg: string }>('alSessionLab.test.timeline');
    assert.match(t.svg, /kind-Background outcome-completed/, 'the StartSession background session of the scenario');
  });

  test('saving AL reloads it into the runtime', async () => {
    const api = await activeApi();
    const before = api.runtime.lastReload?.at ?? 0;
    const doc = await vscode.workspace.openTextDocument(wsFile('src', 'BlockAllCustomers.Codeunit.al'));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), '\n'));
    await doc.save();
    const r = await waitFor('a reload', () => (api.runtime.lastReload && api.runtime.lastReload.at > before ? api.runtime.lastReload : undefined));
    assert.ok(r.objects >= 6, `objects ${r.objects}`);
    assert.equal(r.errors, 0);
  });

  test('restarts after a crash', async () => {
    const api = await activeApi();
    const pid = api.runtime.pid;
    assert.ok(pid, 'runtime pid');
    const oldPort = api.runtime.current!.port;
    process.kill(pid, 'SIGKILL');
    await waitFor('the runtime to run again in a new process', () => api.runtime.currentState === 'running' && api.runtime.pid !== pid && api.runtime.current?.port !== oldPort, 30000);
  });
});
