// Integration tests: activation in an AL workspace, the AL language, contributed commands, settings and status bar.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { activeApi, EXTENSION_ID, waitFor, wsFile } from './helpers';

suite('activation', () => {
  test('activates in a workspace with app.json and reports its own activation time', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension present');
    // workspaceContains:**/app.json activates it without any file being opened.
    await waitFor('activation', () => ext.isActive, 30000);
    const api = await activeApi();
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs > 0, `activationMs ${api.activationMs}`);
    console.log(`    activation took ${api.activationMs.toFixed(1)} ms of our own code`);
  });

  test('.al files open in the AL language', async () => {
    const doc = await vscode.workspace.openTextDocument(wsFile('src', 'PBTWaitCodeunit.Codeunit.al'));
    assert.equal(doc.languageId, 'al');
    await vscode.window.showTextDocument(doc);
  });

  test('the language server runs', async () => {
    const api = await activeApi();
    assert.ok(api.languageClient, 'a language client was created');
    await waitFor('the language client to be running', () => api.languageClient?.state === State.Running, 30000);
  });

  test('contributed commands are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of ['alSessionLab.openPage', 'alSessionLab.runCodeunit', 'alSessionLab.runScenario', 'alSessionLab.showTimeline',
      'alSessionLab.showLog', 'alSessionLab.startRuntime', 'alSessionLab.stopRuntime', 'alSessionLab.restartRuntime']) {
      assert.ok(all.has(id), `command ${id}`);
    }
  });

  test('settings live under alSessionLab. with BC defaults', () => {
    const c = vscode.workspace.getConfiguration('alSessionLab');
    assert.equal(c.get('runtime.childSessionsMaxConcurrency'), 5);
    assert.equal(c.get('runtime.pageBackgroundTaskDefaultTimeoutMs'), 120000);
    assert.equal(c.get('trace.server'), 'off');
    assert.deepEqual(c.get('rules'), {});
  });

  test('the status bar shows the runtime state', async () => {
    const api = await activeApi();
    assert.match(api.statusBar.text, /AL runtime: (stopped|starting|running|\d+ sessions?)/);
  });
});
