// Sessions and row locks with the real interpreter and store: a writer waits (blocked) for the lock holder's
// transaction to end and then goes on; a wait longer than the lock timeout fails with BC's lock timeout error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, events, host, logLines } from './conformance/harness';
import type { RuntimeHost } from '../../../src/runtime/sessions/host';
import type { SessionSettings } from '../../../src/runtime/sessions/settings';

/** A codeunit whose OnRun, with an item record and the logger at hand, runs `body`. */
const withItemAndLog = (id: number, name: string, body: string) => `
codeunit ${id} "${name}"
{
    trigger OnRun()
    var
        Item: Record "Lab Item";
        Log: Codeunit "Lab Logger";
    begin
        ${body.trim()}
    end;
}`;

const holder = (sleep: number) =>
  withItemAndLog(50260, 'Lab Holder', `
        Item.LockTable();
        Item.Get('A');
        Item.Description := 'holder';
        Item.Modify();
        Sleep(${sleep});
        Log.Add('holder done');`);

const waiter = (lock: boolean) =>
  withItemAndLog(50261, 'Lab Waiter', `
        Sleep(10);
        ${lock ? 'Item.LockTable();' : ''}
        Item.Get('A');
        Item.Description := 'waiter';
        Item.Modify();
        Log.Add('waiter done');`);

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

/** Runs the starter (the holder keeps its lock for `sleep` ms, the waiter comes 10 ms later) until every session ended. */
async function race(sleep: number, waiterText: string, settings: Partial<SessionSettings> = {}): Promise<RuntimeHost> {
  const h = host([LOG_CODEUNIT, holder(sleep), waiterText, starter], settings);
  await h.runCodeunit(50262);
  await h.rt.waitIdle();
  return h;
}

test('a session reading under LockTable a row another session locked waits until that transaction ends, then goes on', async () => {
  const h = await race(1000, waiter(true));
  const outcomes = events(h, 'sessionEnded').map((e) => e.outcome);
  assert.deepEqual(outcomes, ['completed', 'completed', 'completed']);
  assert.deepEqual(logLines(h), ['holder done', 'waiter done']);
  assert.equal(events(h, 'sessionEnded').at(-1)!.t, 1000);
});

test('without LockTable the waiter read the old version: after the wait its Modify fails with "Another user has modified the record"', async () => {
  const h = await race(1000, waiter(false));
  const failed = events(h, 'sessionEnded', { outcome: 'error' });
  assert.equal(failed.length, 1);
  assert.equal(failed[0].t, 1000);
  assert.match((failed[0].error as { text: string }).text, /^Another user has modified the record/);
});

test('a lock wait longer than the lock timeout (10 s) fails with the lock timeout error', async () => {
  const h = await race(60000, waiter(true));
  const failed = events(h, 'sessionEnded', { outcome: 'error' });
  assert.equal(failed.length, 1);
  assert.equal(failed[0].t, 10010);
  assert.match((failed[0].error as { text: string }).text, /is being updated in a transaction done by another session/);
  assert.deepEqual(logLines(h), ['holder done']);
});

test('the lock timeout is a setting (lockTimeout); Database.LockTimeout(false) waits without limit, LockTimeoutDuration sets it per session', async () => {
  const short = await race(60000, waiter(true), { lockTimeout: 3000 });
  assert.equal(events(short, 'sessionEnded', { outcome: 'error' })[0].t, 3010);

  const patient = (setup: string) =>
    withItemAndLog(50261, 'Lab Waiter', `
        ${setup}
        Sleep(10);
        Item.LockTable();
        Item.Get('A');
        Log.Add('waiter got it after ' + Format(Database.LockTimeoutDuration()) + ' s limit, timeout ' + Format(LockTimeout()));`);
  const unlimited = await race(60000, patient('Database.LockTimeout(false);'));
  assert.equal(events(unlimited, 'sessionEnded', { outcome: 'error' }).length, 0);
  assert.deepEqual(logLines(unlimited), ['holder done', 'waiter got it after 0 s limit, timeout No']);
  assert.equal(events(unlimited, 'sessionEnded').at(-1)!.t, 60000);

  const two = await race(60000, patient('LockTimeoutDuration(2);'));
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
