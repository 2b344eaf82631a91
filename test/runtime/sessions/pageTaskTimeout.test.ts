// When a page background task's timeout starts: BC documents the Timeout as "the number of milliseconds that the
// page background task can run before it is automatically cancelled", so it counts from when the task starts
// running in its child session, not from the enqueue: a task waiting for a slot behind 5 others is not charged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { events, host, itemCard } from './conformance/harness';

const TASK = `
codeunit 50281 "Lab Slow Task"
{
    trigger OnRun()
    var
        Wait: Integer;
    begin
        Evaluate(Wait, Page.GetBackgroundParameters().Get('Wait'));
        Sleep(Wait);
    end;
}`;

const PAGE = itemCard(50280, 'Lab Timeout Card', `
    trigger OnAfterGetCurrRecord()
    var
        Busy: Dictionary of [Text, Text];
        Sixth: Dictionary of [Text, Text];
        I: Integer;
        Id: Integer;
    begin
        Busy.Add('Wait', '1000');
        for I := 1 to 5 do
            CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Slow Task", Busy);
        // Waits 1 s for a slot, then runs 1 s: 2 s after the enqueue, within its 1.5 s of running time.
        Sixth.Add('Wait', '1000');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Slow Task", Sixth, 1500);
        // Waits 1 s for a slot and would run 1 s: its 600 ms run out 600 ms after it started.
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Slow Task", Sixth, 600);
    end;`);

test('a page background task timeout counts from when the task starts running, not from the enqueue', async () => {
  const h = host([TASK, PAGE]);
  await h.rt.pages.open(h.clientSession(), 'Lab Timeout Card', { 'No.': 'A' });
  await h.rt.waitIdle();
  assert.deepEqual(events(h, 'taskWaiting').map((e) => e.task), [6, 7]);
  const started = (task: number) => events(h, 'taskStarted', { task })[0];
  const endOf = (task: number) => events(h, 'sessionEnded', { session: started(task).child as number })[0];
  assert.equal(started(6).t, 1000);
  assert.equal(endOf(6).outcome, 'completed');
  assert.equal(endOf(6).t, 2000, 'ran 1 s of its 1.5 s although enqueued 2 s earlier');
  assert.equal(started(7).t, 1000);
  assert.equal(endOf(7).outcome, 'timeout');
  assert.equal(endOf(7).t, 1600);
});
