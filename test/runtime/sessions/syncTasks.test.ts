// Synchronous page background tasks (web-service pages): the page's session waits for the child session; a
// timeout still ends the task (error trigger inside the enqueuing statement), and stopping the waiting session
// cancels its task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { events, host, itemCard } from './conformance/harness';

const TASK = `
codeunit 50311 "Lab Sync Task"
{
    trigger OnRun()
    begin
        Sleep(60000);
    end;
}`;

const PAGE = itemCard(50310, 'Lab Sync Card', `
    var
        ResultText: Text;
    trigger OnAfterGetCurrRecord()
    var
        Id: Integer;
        Params: Dictionary of [Text, Text];
    begin
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Sync Task", Params, 5000);
        ResultText += 'after;';
    end;
    trigger OnPageBackgroundTaskError(FailedTaskId: Integer; ErrorCode: Text; ErrorText: Text; ErrorCallStack: Text; var IsHandled: Boolean)
    begin
        ResultText += ErrorCode + ';';
    end;`, 'field(Result; ResultText) { }');

test('a synchronous task that times out runs the error trigger inside the enqueue; unhandled, it notifies per ErrorLevel', async () => {
  const h = host([TASK, PAGE]);
  const { page, error } = await h.rt.pages.open(h.webServiceSession('ODataV4'), 'Lab Sync Card', { 'No.': 'A' });
  assert.equal(error, undefined);
  const result = h.rt.pages.data(page).groups.flatMap((g) => g.fields).find((f) => f.name === 'Result')!.value;
  assert.equal(result, 'ChildSessionTaskTimeout;after;');
  assert.equal(events(h, 'sessionEnded', { outcome: 'timeout' })[0].t, 5000);
  assert.equal(events(h, 'notification').length, 1, 'IsHandled stayed false: ErrorLevel Error notifies');
});

test('stopping a session that waits for its synchronous task ends it and cancels the task', async () => {
  const h = host([TASK, PAGE]);
  const ws = h.webServiceSession();
  const opening = h.rt.pages.open(ws, 'Lab Sync Card', { 'No.': 'A' });
  await h.rt.advance(100);
  assert.equal(ws.state, 'waiting', JSON.stringify(h.rt.timeline.events));
  h.rt.stopSession(undefined, ws.id, 'enough');
  await opening;
  await h.rt.waitIdle();
  assert.equal(events(h, 'sessionEnded', { session: ws.id })[0].outcome, 'stopped');
  assert.deepEqual(events(h, 'taskCancelled').map((e) => e.reason), ['sessionEnded']);
  assert.equal(events(h, 'sessionEnded', { outcome: 'cancelled' })[0].t, 100);
});
