// Debug adapter end to end on the example workspace, against the real `serve`: break inside the Customer Card's
// page background task and inside the StartSession background session, inspect, step, continue, detach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockFile, byName, pageExtFile, CUSTOMERS, customerCard, eventually, pbtFile, rig, scopeVariables, stoppedAt } from './realRuntime';
import { startAdapter, attach, stopAdapter } from './harness';

test('page background task: stop in codeunit 50100, see Wait in the Session scope, step, continue, page field filled', async () => {
  const r = await rig(customerCard, { breakOnNext: 'PageBackgroundTask' }, { breakpoints: [{ path: pbtFile, breakpoints: [{ line: 13 }] }] });
  try {
    assert.deepEqual(r.breakpoints[0].map((b) => [b.verified, b.line]), [[true, 13]]);
    await r.user.request('runScenario', { scenario: { data: CUSTOMERS, steps: [] } });
    const page = await r.user.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' } });

    const { event, threadId, top } = await stoppedAt(r, 'breakpoint');
    assert.equal(event.body.allThreadsStopped, false);
    assert.equal(top.source?.path, pbtFile);
    assert.equal(top.line, 13);
    assert.match(top.name, /OnRun/);

    const threads = (await r.dc.threadsRequest()).body.threads;
    const thread = threads.find((t) => t.id === threadId)!;
    assert.match(thread.name, new RegExp(`^Page background task ${threadId} · Codeunit 50100.* \\(child of \\d+\\)$`));
    assert.ok(threads.some((t) => /^Client session \d+/.test(t.name)), 'the page session is a thread too');

    const session = await scopeVariables(r.dc, top.id, 'Session');
    assert.equal(byName(session, 'Kind').value, 'PageBackgroundTask');
    assert.equal(byName(session, 'State').value, 'stopped (breakpoint)');
    assert.equal(byName(session, 'Session Id').value, String(threadId));
    assert.match(byName(session, 'Timeout').value, /^10000 ms/);
    assert.ok(byName(session, 'Task Id'));
    // Real clock: the 10 s timeout is running; what is left is less than that and more than nothing.
    const left = /^(\d+) ms/.exec(byName(session, 'Time Left').value);
    assert.ok(left && Number(left[1]) > 0 && Number(left[1]) <= 10000, byName(session, 'Time Left').value);
    const params = await r.dc.variablesRequest({ variablesReference: byName(session, 'Parameters').variablesReference });
    assert.deepEqual(params.body.variables.map((v) => [v.name, v.value]), [['Wait', "'1000'"]]);

    const locals = await scopeVariables(r.dc, top.id, 'Locals');
    assert.match(byName(locals, 'WaitTime').value, /^1,?000$/);
    const evaluated = await r.dc.evaluateRequest({ expression: 'WaitTime + 1', frameId: top.id, context: 'watch' });
    assert.match(evaluated.body.result, /^1,?001$/);

    await r.dc.nextRequest({ threadId });
    const step = await stoppedAt(r, 'step');
    assert.equal(step.threadId, threadId);
    assert.equal(step.top.line, 14);

    const cont = await r.dc.continueRequest({ threadId, singleThread: true });
    assert.equal(cont.body.allThreadsContinued, false);
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === threadId);
    const filled = await eventually('Duration 1 filled by the completion trigger', async () => {
      const state = await r.user.request('pageState', { pageInstanceId: page.pageInstanceId });
      const field = state.groups.flatMap((g) => g.fields).find((f) => f.name === 'Duration1');
      return field && field.value !== '' ? field.value : undefined;
    });
    assert.match(filled, /^1,?000$/);
  } finally {
    await r.close();
  }
});

test('StartSession background session: break in Block All Customers, expand the record, change a field, run to the end', async () => {
  const r = await rig(customerCard, { breakOnNext: 'Background' }, { breakpoints: [{ path: blockFile, breakpoints: [{ line: 11 }] }] });
  try {
    await r.user.request('runScenario', { scenario: { data: CUSTOMERS, steps: [] } });
    const page = await r.user.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' } });
    await r.user.request('invokeAction', { pageInstanceId: page.pageInstanceId, action: 'BlockAllCustomers' });
    const { threadId, top } = await stoppedAt(r, 'breakpoint');
    assert.equal(top.source?.path, blockFile);
    assert.equal(top.line, 11);
    const thread = (await r.dc.threadsRequest()).body.threads.find((t) => t.id === threadId)!;
    assert.match(thread.name, new RegExp(`^Background session ${threadId} · Codeunit 50101`));
    const session = await scopeVariables(r.dc, top.id, 'Session');
    assert.equal(byName(session, 'Kind').value, 'Background');

    const locals = await scopeVariables(r.dc, top.id, 'Locals');
    const customer = byName(locals, 'Customer');
    assert.ok(customer.variablesReference > 0, 'a record expands');
    const fields = (await r.dc.variablesRequest({ variablesReference: customer.variablesReference })).body.variables;
    assert.match(byName(fields, 'No.').value, /10000/);
    assert.match(byName(fields, 'Blocked').value, /All/);
    const set = await r.dc.setVariableRequest({ variablesReference: customer.variablesReference, name: 'City', value: "'Boston'" });
    assert.match(set.body.value, /Boston/);

    // Clear the breakpoint and let the session finish: the thread exits.
    await r.dc.setBreakpointsRequest({ source: { path: blockFile }, breakpoints: [] });
    await r.dc.continueRequest({ threadId });
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === threadId);
  } finally {
    await r.close();
  }
});

test('client session: break in the page extension trigger; Locals, Globals and Rec scopes; a dictionary expands', async () => {
  const r = await rig(customerCard, { breakOnNext: 'WebClient' }, { breakpoints: [{ path: pageExtFile, breakpoints: [{ line: 75 }] }] });
  try {
    await r.user.request('runScenario', { scenario: { data: CUSTOMERS, steps: [] } });
    // The page opens once OnAfterGetRecord has run, so the request is answered only after the debugger continues.
    const opening = r.user.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' } });
    const { threadId, top } = await stoppedAt(r, 'breakpoint');
    assert.equal(top.source?.path, pageExtFile);
    assert.match(top.name, /OnAfterGetRecord/);
    const thread = (await r.dc.threadsRequest()).body.threads.find((t) => t.id === threadId)!;
    assert.match(thread.name, new RegExp(`^Client session ${threadId} · `));

    const scopes = (await r.dc.scopesRequest({ frameId: top.id })).body.scopes.map((s) => s.name);
    for (const name of ['Locals', 'Globals', 'Rec', 'Session']) assert.ok(scopes.includes(name), `scope ${name} in ${scopes.join(', ')}`);
    const parameters = byName(await scopeVariables(r.dc, top.id, 'Locals'), 'TaskParameters');
    assert.ok(parameters.variablesReference > 0, 'a dictionary expands');
    const entries = (await r.dc.variablesRequest({ variablesReference: parameters.variablesReference })).body.variables;
    assert.ok(entries.some((v) => /Wait/.test(v.name) && /1000/.test(v.value)), JSON.stringify(entries));
    assert.equal(byName(await scopeVariables(r.dc, top.id, 'Globals'), 'WaitTaskId').value, '0');
    const rec = await scopeVariables(r.dc, top.id, 'Rec');
    assert.match(byName(rec, 'Name').value, /Adatum Corporation/);
    assert.match((await r.dc.evaluateRequest({ expression: 'Rec."No."', frameId: top.id, context: 'hover' })).body.result, /10000/);

    await r.dc.setBreakpointsRequest({ source: { path: pageExtFile }, breakpoints: [] });
    await r.dc.continueRequest({ threadId });
    const page = await opening;
    assert.equal(page.open, true);
  } finally {
    await r.close();
  }
});

test('detach while stopped: the session resumes and finishes, the runtime keeps running, attaching again works', async () => {
  const r = await rig(customerCard, { breakOnNext: 'PageBackgroundTask' }, { breakpoints: [{ path: pbtFile, breakpoints: [{ line: 13 }] }] });
  try {
    await r.user.request('runScenario', { scenario: { data: CUSTOMERS, steps: [] } });
    const ended: number[] = [];
    r.user.on('sessionEnded', (b) => {
      if (b.outcome === 'completed') ended.push(b.session);
    });
    const page = await r.user.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' } });
    const { threadId } = await stoppedAt(r, 'breakpoint');
    await r.dc.disconnectRequest({});
    await eventually('the detached task to complete', async () => (ended.includes(threadId) ? true : undefined));
    const state = await r.user.request('pageState', { pageInstanceId: page.pageInstanceId });
    assert.match(state.groups.flatMap((g) => g.fields).find((f) => f.name === 'Duration1')?.value ?? '', /^1,?000$/);

    // A second debugger attaches to the same runtime and sees the client session as a thread.
    const again = await startAdapter();
    try {
      await attach(again.dc, again.log, { port: r.served.port, token: r.served.token, breakOnNext: 'Any' });
      const threads = (await again.dc.threadsRequest()).body.threads;
      assert.ok(threads.some((t) => /^Client session/.test(t.name)), JSON.stringify(threads));
    } finally {
      await stopAdapter(again.dc);
    }
  } finally {
    await r.close();
  }
});

test('a runtime that goes away ends the debug session with a clear message', async () => {
  const r = await rig(customerCard, { breakOnNext: 'Any' });
  try {
    await r.served.stop();
    await r.log.next('terminated');
    assert.match(r.log.output(), /AL Session Lab: the debug session ended because the runtime (shut down|closed the connection)/);
  } finally {
    await r.close();
  }
});
