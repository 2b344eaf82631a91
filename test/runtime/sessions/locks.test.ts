// Sessions and row locks with the real interpreter and store: a writer waits (blocked) for the lock holder's
// transaction to end and then goes on; a wait longer than the lock timeout fails with BC's lock timeout error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, events, host, logLines } from './conformance/harness';

const holder = (sleep: number) => `
codeunit 50260 "Lab Holder"
{
    trigger OnRun()
    var
        Item: Record "Lab Item";
        Log: Codeunit "Lab Logger";
    begin
        Item.LockTable();
        Item.Get('A');
        Item.Description := 'holder';
        Item.Modify();
        Sleep(${sleep});
        Log.Add('holder done');
    end;
}`;

const waiter = (lock: boolean) => `
codeunit 50261 "Lab Waiter"
{
    trigger OnRun()
    var
        Item: Record "Lab Item";
        Log: Codeunit "Lab Logger";
    begin
        Sleep(10);
        ${lock ? 'Item.LockTable();' : ''}
        Item.Get('A');
        Item.Description := 'waiter';
        Item.Modify();
        Log.Add('waiter done');
    end;
}`;

const starter = `
codeunit 50262 "Lab Lock Starter"
{
    trigger OnRun()
    var
        Id: Integer;
    begin
        StartSession(Id, Codeunit::"Lab Holder");
        StartSession(Id, Codeunit::"Lab Waiter");
    end;
}`;

test('a session reading under LockTable a row another session locked waits until that transaction ends, then goes on', async () => {
  const h = host([LOG_CODEUNIT, holder(1000), waiter(true), starter]);
  await h.runCodeunit(50262);
  await h.rt.waitIdle();
  const outcomes = events(h, 'sessionEnded').map((e) => e.outcome);
  assert.deepEqual(outcomes, ['completed', 'completed', 'completed']);
  assert.deepEqual(logLines(h), ['holder done', 'waiter done']);
  assert.equal(events(h, 'sessionEnded').at(-1)!.t, 1000);
});

test('without LockTable the waiter read the old version: after the wait its Modify fails with "Another user has modified the record"', async () => {
  const h = host([LOG_CODEUNIT, holder(1000), waiter(false), starter]);
  await h.runCodeunit(50262);
  await h.rt.waitIdle();
  const failed = events(h, 'sessionEnded', { outcome: 'error' });
  assert.equal(failed.length, 1);
  assert.equal(failed[0].t, 1000);
  assert.match((failed[0].error as { text: string }).text, /^Another user has modified the record/);
});

test('a lock wait longer than the lock timeout (10 s) fails with the lock timeout error', async () => {
  const h = host([LOG_CODEUNIT, holder(60000), waiter(true), starter]);
  await h.runCodeunit(50262);
  await h.rt.waitIdle();
  const failed = events(h, 'sessionEnded', { outcome: 'error' });
  assert.equal(failed.length, 1);
  assert.equal(failed[0].t, 10010);
  assert.match((failed[0].error as { text: string }).text, /is being updated in a transaction done by another session/);
  assert.deepEqual(logLines(h), ['holder done']);
});
