// Integration tests of the Test Explorer in a real VS Code: the tree discovered from the language server (apps,
// codeunits, [Test] procedures with ranges), Run through the warm runtime (all pass), a test broken on purpose
// (the message at its line, a warm re-run after the edit), Debug stopping at a breakpoint inside a background
// session, and Run with Coverage.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import { activeApi, waitFor, wsFile } from './helpers';

suite('test explorer', () => {
  test('discovers the example tests: app -> codeunit -> [Test] with ranges', async () => {
    const api = await activeApi();
    await waitFor('the first discovery', () => api.tests.discovery);
    const apps: vscode.TestItem[] = [];
    api.tests.controller.items.forEach((i) => apps.push(i));
    assert.deepEqual(apps.map((a) => a.label), ['Customer Card Background Tasks']);
    const cus: vscode.TestItem[] = [];
    apps[0].children.forEach((c) => cus.push(c));
    assert.deepEqual(cus.map((c) => c.label), ['Customer Card Task Tests', 'Block Customers Session Tests']);
    const t = api.tests.tree.findTest(undefined, 50120, 'ReadOnlyChildRefusesAWrite')!;
    assert.ok(t, 'the test item exists');
    const doc = await vscode.workspace.openTextDocument(t.uri!);
    assert.equal(doc.getText(t.range!), 'ReadOnlyChildRefusesAWrite');
  });

  test('Run: every test passes in the hosted runtime', async () => {
    const api = await activeApi();
    await api.testRuns.runItems(undefined, 'run');
    assert.equal(api.testRuns.lastRun?.failed, 0, JSON.stringify([...api.testRuns.results]));
    assert.equal(api.testRuns.lastRun?.passed, 5);
  });

  test('a test broken on purpose fails at its line; re-running it after the edit is warm', async () => {
    const api = await activeApi();
    const file = wsFile('test', 'CustomerCardTaskTests.Codeunit.al');
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.includes("if Results.Get('waited') <> '50' then"));
    await editor.edit((e) => e.replace(new vscode.Range(line, 0, line, doc.lineAt(line).text.length), "        if Results.Get('waited') <> '51' then"));
    const item = api.tests.tree.findTest(undefined, 50120, 'TaskReportsWhatItWaited')!;
    // From the save (the runtime reloads the AL) to the result.
    const t0 = performance.now();
    await doc.save();
    await api.testRuns.runItems([item], 'run');
    const ms = performance.now() - t0;
    const r = api.testRuns.results.get(item.id)!;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'The task should report waited = 50, got 50.');
    assert.equal(r.line, line + 1);
    assert.match(r.stack ?? '', /"Customer Card Task Tests"\(CodeUnit 50120\)\.TaskReportsWhatItWaited line/);
    console.log(`re-run of one test after an edit, from save to result: ${ms.toFixed(0)} ms (runTests reloaded: ${api.testRuns.lastRun?.reloaded}; run ${api.testRuns.lastRun?.totalMs.toFixed(0)} ms)`);
    // Put it back: it passes again.
    await editor.edit((e) => e.replace(new vscode.Range(line, 0, line, doc.lineAt(line).text.length), "        if Results.Get('waited') <> '50' then"));
    await doc.save();
    await api.testRuns.runItems([item], 'run');
    assert.equal(api.testRuns.results.get(item.id)?.outcome, 'passed');
  });

  test('Debug: a breakpoint inside the background session a test starts stops there, in its own thread', async () => {
    const api = await activeApi();
    const stopped: { threadId: number; reason: string }[] = [];
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('al-session-lab', {
      createDebugAdapterTracker: () => ({ onDidSendMessage: (m: any) => { if (m.type === 'event' && m.event === 'stopped') stopped.push(m.body); } }),
    });
    try {
      const file = wsFile('src', 'BlockAllCustomers.Codeunit.al');
      const doc = await vscode.workspace.openTextDocument(file);
      const line = doc.getText().split('\n').findIndex((l) => l.includes('Customer.Modify()'));
      const bp = new vscode.SourceBreakpoint(new vscode.Location(file, new vscode.Position(line, 0)));
      vscode.debug.addBreakpoints([bp]);
      const item = api.tests.tree.findTest(undefined, 50121, 'BackgroundSessionBlocksEveryCustomer')!;
      const running = api.testRuns.runItems([item], 'debug');
      const stop = await waitFor('a stop at the breakpoint in the background session', () => stopped.find((s) => s.reason === 'breakpoint'), 30000);
      const session = vscode.debug.activeDebugSession!;
      const threads = await session.customRequest('threads');
      const thread = threads.threads.find((t: any) => t.id === stop.threadId);
      assert.match(thread?.name ?? '', /Background/i, JSON.stringify(threads.threads));
      assert.ok(threads.threads.length >= 2, 'the test session and the background session are threads');
      const st = await session.customRequest('stackTrace', { threadId: stop.threadId });
      assert.equal(st.stackFrames[0].line, line + 1);
      vscode.debug.removeBreakpoints([bp]);
      await session.customRequest('continue', { threadId: stop.threadId });
      // The second customer hits the (removed) breakpoint no more; the test ends and passes.
      await running;
      assert.equal(api.testRuns.results.get(item.id)?.outcome, 'passed');
    } finally {
      tracker.dispose();
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    }
  });

  test('Run with Coverage: statement coverage of the code the tests ran, background sessions included', async () => {
    const api = await activeApi();
    const item = api.tests.tree.findCodeunit(50121)!;
    await api.testRuns.runItems([item], 'coverage');
    const block = api.testRuns.coverage.get(wsFile('src', 'BlockAllCustomers.Codeunit.al').toString());
    assert.ok(block?.data, 'coverage of the background session codeunit');
    assert.ok(block.data.statements.some((s) => s.count > 0));
    assert.ok(block.perTest.size >= 1, 'the tests that reached it');
  });
});
