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

test('the lock timeout is a setting (lockTimeout); Database.LockTimeout(false) waits without limit, LockTimeoutDuration sets it per session', async () => {
  const short = host([LOG_CODEUNIT, holder(60000), waiter(true), starter], { lockTimeout: 3000 });
  await short.runCodeunit(50262);
  await short.rt.waitIdle();
  assert.equal(events(short, 'sessionEnded', { outcome: 'error' })[0].t, 3010);

  const patient = (setup: string) => `
codeunit 50261 "Lab Waiter"
{
    trigger OnRun()
    var
        Item: Record "Lab Item";
        Log: Codeunit "Lab Logger";
    begin
        ${setup}
        Sleep(10);
        Item.LockTable();
        Item.Get('A');
        Log.Add('waiter got it after ' + Format(Database.LockTimeoutDuration()) + ' s limit, timeout ' + Format(LockTimeout()));
    end;
}`;
  const unlimited = host([LOG_CODEUNIT, holder(60000), patient('Database.LockTimeout(false);'), starter]);
  await unlimited.runCodeunit(50262);
  await unlimited.rt.waitIdle();
  assert.equal(events(unlimited, 'sessionEnded', { outcome: 'error' }).length, 0);
  assert.deepEqual(logLines(unlimited), ['holder done', 'waiter got it after 0 s limit, timeout No']);
  assert.equal(events(unlimited, 'sessionEnded').at(-1)!.t, 60000);

  const two = host([LOG_CODEUNIT, holder(60000), patient('LockTimeoutDuration(2);'), starter]);
  await two.runCodeunit(50262);
  await two.rt.waitIdle();
  assert.equal(events(two, 'sessionEnded', { outcome: 'error' })[0].t, 2010);
});

test('a lock wait times out even while the lock holder is stopped in the debugger', async () => {
  const holderText = holder(60000);
  const h = host([LOG_CODEUNIT, holderText, waiter(true), starter]);
  // The holder stops at a breakpoint on its Sleep, after it took the lock.
  const line = holderText.split('\n').findIndex((l) => l.includes('Sleep('));
  h.engine.setBreakpoints('/lab/src/Object3.al', [{ line }]);
  let pausedSession: number | undefined;
  h.rt.debugHost = {
    policyFor: (s) => ({ attached: s.object === 'Codeunit 50260', stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' }),
    paused: (s) => (pausedSession = s.id),
  };
  await h.runCodeunit(50262);
  const failedWaiter = () => events(h, 'sessionEnded', { outcome: 'error' })[0];
  await h.rt.waitFor(() => failedWaiter() !== undefined, { advance: true, acceptIdle: false });
  assert.ok(pausedSession, 'the holder stopped at its breakpoint');
  assert.equal(failedWaiter().t, 10010);
  assert.match((failedWaiter().error as { text: string }).text, /is being updated in a transaction done by another session/);
  const holderSession = h.rt.sessions.get(pausedSession!)!;
  assert.equal(holderSession.ended, false, 'the holder is still stopped');
  assert.ok(holderSession.paused);
  // Nobody waits for a lock any more: virtual time stands still while the holder is stopped.
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(h.rt.clock.elapsed(), 10010);
  holderSession.current!.exec.debug.resume('continue');
  h.rt.scheduler.resumed(holderSession);
  h.rt.poke();
  await h.rt.waitIdle();
  assert.deepEqual(logLines(h), ['holder done']);
});
