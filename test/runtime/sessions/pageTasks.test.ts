// Page background task bookkeeping with scripted executions: slots per parent, queueing, timeouts (default and
// cap), completion/error triggers, notifications per ErrorLevel, cancellation on record change and close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionRuntime } from '../../../src/runtime/sessions/runtime';
import { FakeDb, FakeEngine, FakePage, cardLayout, customerTable, type Op } from './support/fakeEngine';

function setup(triggers: Record<string, (ctx: { args: unknown[]; page?: unknown }) => Op[]>, codeunits: Record<number, Op[]>) {
  const engine = new FakeEngine();
  const db = new FakeDb();
  db.seed(customerTable, ['10000', '20000', '30000']);
  engine.pages.set('Customer Card', { layout: cardLayout(['Result']), triggers });
  for (const [id, ops] of Object.entries(codeunits)) engine.codeunits.set(Number(id), ops);
  const rt = new SessionRuntime({ engine, db, seed: 3 });
  const client = rt.createSession('Foreground', null, 'Client', 'Client', 0);
  client.keepAlive = true;
  rt.begin(client);
  return { rt, engine, client };
}

const enqueue = (codeunitId: number, timeoutMs?: number, errorLevel: 'Error' | 'Warning' | 'Ignore' = 'Error'): Op => ({
  call: (s, ctx) => {
    const r = s.enqueueBackgroundTask(ctx.page!, { codeunitId, parameters: new Map([['Wait', '1000']]), timeoutMs, errorLevel });
    assert.equal(r.ok, true);
  },
});

test('completion trigger gets the results and the page field change is reported', async () => {
  const { rt, client } = setup(
    {
      OnAfterGetCurrRecord: () => [enqueue(50100)],
      OnPageBackgroundTaskCompleted: (ctx) => [{ call: () => (ctx.page as FakePage).vars.set('Result', (ctx.args[1] as Map<string, string>).get('waited')!) }],
    },
    { 50100: [{ call: (s) => assert.equal(s.getBackgroundParameters().get('Wait'), '1000') }, { sleep: 1000 }, { call: (s) => s.setBackgroundTaskResult(new Map([['waited', '1000']])) }] },
  );
  const { page } = await rt.pages.open(client, 'Customer Card', { 'No.': '10000' });
  await rt.waitIdle();
  const names = rt.timeline.events.map((e) => e.event);
  assert.ok(names.includes('taskEnqueued') && names.includes('taskStarted'));
  const field = rt.timeline.events.find((e) => e.event === 'pageField' && e.field === 'Result');
  assert.equal(field?.value, '1000');
  assert.equal(field?.t, 1000);
  const enq = rt.timeline.events.find((e) => e.event === 'taskEnqueued');
  assert.equal(enq?.timeoutMs, 120000, 'default timeout 2 min');
  assert.equal(page.open, true);
});

test('moving to the next record cancels the running task, closing the page cancels the new one', async () => {
  const { rt, client } = setup({ OnAfterGetCurrRecord: () => [enqueue(50100)] }, { 50100: [{ sleep: 1000 }] });
  const { page } = await rt.pages.open(client, 'Customer Card', { 'No.': '10000' });
  await rt.advance(300);
  await rt.pages.navigate(page, 'next');
  await rt.advance(300);
  await rt.pages.close(page);
  const cancels = rt.timeline.events.filter((e) => e.event === 'taskCancelled').map((e) => e.reason);
  assert.deepEqual(cancels, ['recordChanged', 'pageClosed']);
  const ended = rt.timeline.events.filter((e) => e.event === 'sessionEnded').map((e) => e.outcome);
  assert.deepEqual(ended, ['cancelled', 'cancelled']);
});

test('seven tasks: five run, two wait for a slot; the timeout is capped at 10 minutes', async () => {
  const ops = Array.from({ length: 7 }, () => enqueue(50100, 3_600_000));
  const { rt, client } = setup({ OnAfterGetCurrRecord: () => ops }, { 50100: [{ sleep: 1000 }] });
  await rt.pages.open(client, 'Customer Card', { 'No.': '10000' });
  assert.equal(rt.timeline.events.filter((e) => e.event === 'taskWaiting').length, 2);
  assert.ok(rt.timeline.events.filter((e) => e.event === 'taskEnqueued').every((e) => e.timeoutMs === 600000));
  await rt.waitIdle();
  assert.equal(rt.pageTasks.peakPerParent, 5);
  assert.equal(rt.timeline.events.filter((e) => e.event === 'sessionEnded' && e.outcome === 'completed').length, 7);
});

test('a timed out task runs the error trigger with ChildSessionTaskTimeout; unhandled Warning notifies', async () => {
  let seen: unknown[] = [];
  const { rt, client } = setup(
    {
      OnAfterGetCurrRecord: () => [enqueue(50100, 500, 'Warning')],
      OnPageBackgroundTaskError: (ctx) => [{ call: () => (seen = ctx.args) }],
    },
    { 50100: [{ sleep: 1000 }] },
  );
  await rt.pages.open(client, 'Customer Card', { 'No.': '10000' });
  await rt.waitIdle();
  assert.equal(seen[1], 'ChildSessionTaskTimeout');
  assert.equal(seen[2], 'Child Session task was terminated because of a timeout.');
  const n = rt.timeline.events.find((e) => e.event === 'notification');
  assert.equal(n?.level, 'warning');
  assert.equal(n?.t, 500);
});

test('IsHandled set in the error trigger suppresses the notification; Ignore shows nothing', async () => {
  // Three failing tasks: 1 (Error) handled, 2 (Ignore) not handled, 3 (Error) not handled. Only task 3 may notify:
  // the test fails if the tasks do not fail, if the error trigger does not run, or if IsHandled is not read back.
  const erroredTasks: unknown[] = [];
  const { rt, client } = setup(
    {
      OnAfterGetCurrRecord: () => [enqueue(50100, undefined, 'Error'), enqueue(50100, undefined, 'Ignore'), enqueue(50100, undefined, 'Error')],
      OnPageBackgroundTaskError: (ctx) => [{ call: () => (erroredTasks.push(ctx.args[0]), ctx.args[0] === 1 && (ctx.args[4] = true)) }],
    },
    { 50100: [{ fail: 'boom' }] },
  );
  await rt.pages.open(client, 'Customer Card', { 'No.': '10000' });
  await rt.waitIdle();
  assert.deepEqual([...erroredTasks].sort(), [1, 2, 3], 'the error trigger ran for every failed task');
  const notifications = rt.timeline.events.filter((e) => e.event === 'notification');
  assert.deepEqual(notifications.map((e) => [e.task, e.level, e.text]), [[3, 'error', 'boom']]);
});

test('writes in a page background task fail with the permission error; Confirm in the completion trigger fails', async () => {
  const { rt, client } = setup(
    {
      OnAfterGetCurrRecord: () => [enqueue(50100), enqueue(50101)],
      OnPageBackgroundTaskCompleted: () => [{ call: (s) => s.confirm('Sure?', true) }],
    },
    { 50100: [{ call: (s) => s.beforeWrite(customerTable, 'Insert', false) }], 50101: [] },
  );
  await rt.pages.open(client, 'Customer Card', { 'No.': '10000' });
  await rt.waitIdle();
  const ended = rt.timeline.events.find((e) => e.event === 'sessionEnded' && e.outcome === 'error');
  assert.match((ended?.error as { text: string }).text, /You don't have the following permissions on TableData Customer: Insert/);
  const n = rt.timeline.events.filter((e) => e.event === 'notification');
  assert.ok(n.some((e) => /OnPageBackgroundTaskCompleted or OnPageBackgroundTaskError/.test(String(e.text)) && e.level === 'error'));
});
