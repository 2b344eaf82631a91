// Scheduler and clock tests with scripted executions: slices, fairness, sleeping on the virtual clock,
// replay from a seed, timeouts and StopSession, pausing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionRuntime } from '../../../src/runtime/sessions/runtime';
import { VIRTUAL_EPOCH } from '../../../src/runtime/sessions/clock';
import { FakeDb, FakeEngine, type Script } from './support/fakeEngine';

function runtime(seed = 1, settings = {}) {
  const engine = new FakeEngine();
  const db = new FakeDb();
  const rt = new SessionRuntime({ engine, db, seed, settings: { sliceBudget: 10, ...settings } });
  return { rt, engine, db };
}

function startFg(rt: SessionRuntime, engine: FakeEngine, codeunit: number, script: Script) {
  engine.codeunits.set(codeunit, script);
  const s = rt.createSession('Foreground', null, `Codeunit ${codeunit}`, `C${codeunit}`, 0);
  const done = rt.call(s, 'OnRun', () => ({ kind: 'codeunitRun', codeunit }));
  rt.begin(s);
  return { s, done };
}

test('an endless loop in one session does not starve the others', async () => {
  const { rt, engine } = runtime();
  engine.codeunits.set(2, [{ work: 1000 }]);
  const { s: looper } = startFg(rt, engine, 1, [{ forever: true }]);
  const finishers = [2, 3, 4].map(() => startFg(rt, engine, 2, [{ work: 1000 }]));
  const results = await Promise.all(finishers.map((f) => f.done));
  assert.deepEqual(results.map((r) => r.state), ['completed', 'completed', 'completed']);
  assert.equal(looper.ended, false);
  rt.stopSession(undefined, looper.id, 'enough');
  await rt.waitIdle();
  assert.equal(looper.ended, true);
  const ended = rt.timeline.events.find((e) => e.event === 'sessionEnded' && e.session === looper.id);
  assert.equal(ended?.outcome, 'stopped');
});

test('Sleep yields and the virtual clock jumps only when every session waits', async () => {
  const { rt, engine } = runtime();
  const order: string[] = [];
  const a = startFg(rt, engine, 1, [{ call: () => order.push('a1') }, { sleep: 60_000 }, { call: (s) => order.push(`a2@${s.clock.now() - VIRTUAL_EPOCH}`) }]);
  const b = startFg(rt, engine, 2, [{ call: () => order.push('b1') }, { sleep: 1000 }, { call: (s) => order.push(`b2@${s.clock.now() - VIRTUAL_EPOCH}`) }]);
  const started = Date.now();
  await Promise.all([a.done, b.done]);
  assert.deepEqual(order.filter((x) => x.includes('@')), ['b2@1000', 'a2@60000']);
  assert.equal(rt.clock.elapsed(), 60_000);
  assert.ok(Date.now() - started < 5000, 'a minute of virtual time costs no wall time');
});

test('the same seed replays the same timeline event for event; another seed interleaves differently', async () => {
  async function timeline(seed: number) {
    const { rt, engine } = runtime(seed);
    for (let i = 1; i <= 6; i++) {
      startFg(rt, engine, i, [{ work: 15 }, { call: (s) => s.message(`m${i}a`) }, { work: 25 }, { call: (s) => s.message(`m${i}b`) }, { sleep: i * 10 }, { call: (s) => s.message(`m${i}c`) }]);
    }
    await rt.waitIdle();
    return rt.timeline.events.map((e) => JSON.stringify(e));
  }
  const a = await timeline(7);
  const b = await timeline(7);
  assert.deepEqual(a, b);
  const others = await Promise.all([1, 2, 3, 4].map((seed) => timeline(seed)));
  assert.ok(others.some((o) => JSON.stringify(o) !== JSON.stringify(a)), 'different seeds give different interleavings');
});

test('a background session that runs past its timeout ends with outcome timeout', async () => {
  const { rt, engine } = runtime();
  engine.codeunits.set(9, [{ forever: true }]);
  engine.codeunits.set(1, [{ call: (s) => assert.equal(s.startSession({ codeunitId: 9, timeoutMs: 5000 }).ok, true) }]);
  const fg = startFg(rt, engine, 1, engine.codeunits.get(1)!);
  await fg.done;
  // Nothing else runs: the looper alone keeps the scheduler busy; virtual time does not pass while it runs, so
  // the timeout fires only when time is moved on.
  await rt.advance(5000);
  await rt.waitIdle();
  const ended = rt.timeline.events.find((e) => e.event === 'sessionEnded' && e.outcome === 'timeout');
  assert.ok(ended, 'timed out');
});

test('a paused session does not block others and resumes where it stopped', async () => {
  const { rt, engine } = runtime();
  rt.debugHost = {
    policyFor: (s) => ({ attached: s.object === 'Codeunit 1', stopOnEntry: true, breakOnError: 'None', breakOnRecordWrite: 'None' }),
    paused: () => {},
  };
  const a = startFg(rt, engine, 1, [{ work: 5 }]);
  const b = startFg(rt, engine, 2, [{ work: 50 }]);
  assert.equal((await b.done).state, 'completed');
  assert.equal(a.s.paused, 'pause');
  rt.scheduler.resumed(a.s);
  rt.poke();
  assert.equal((await a.done).state, 'completed');
});

test('StopSession of a session stopped in the debugger ends it at once', async () => {
  const { rt, engine } = runtime();
  rt.debugHost = {
    policyFor: () => ({ attached: true, stopOnEntry: true, breakOnError: 'None', breakOnRecordWrite: 'None' }),
    paused: () => {},
  };
  const a = startFg(rt, engine, 1, [{ work: 5 }]);
  // waitIdle would wait for the debugger (a stopped session is not idle), so give the pump a few turns.
  for (let i = 0; i < 20 && !a.s.paused; i++) await new Promise((r) => setImmediate(r));
  assert.equal(a.s.paused, 'pause');
  rt.stopSession(undefined, a.s.id, 'stop it');
  assert.equal(a.s.ended, true);
  assert.equal((await a.done).state, 'failed');
  assert.equal(rt.timeline.events.find((e) => e.event === 'sessionEnded')?.outcome, 'stopped');
});

test("a session stopped in the debugger takes no virtual time: its timeout is held while others' time goes on", async () => {
  const { rt, engine } = runtime();
  rt.debugHost = {
    policyFor: (s) => ({ attached: s.object === 'Codeunit 1', stopOnEntry: true, breakOnError: 'None', breakOnRecordWrite: 'None' }),
    paused: () => {},
  };
  engine.codeunits.set(1, [{ work: 5 }]);
  const stopped = rt.createSession('Background', null, 'Codeunit 1', 'C1', 1);
  void rt.call(stopped, 'OnRun', () => ({ kind: 'codeunitRun', codeunit: 1 }));
  rt.begin(stopped, 1000);
  const sleeper = startFg(rt, engine, 2, [{ sleep: 5000 }]);
  // The sleeper's 5 s pass although session 1 is stopped; session 1's 1 s timeout does not run out meanwhile.
  assert.equal((await sleeper.done).state, 'completed');
  assert.equal(rt.clock.elapsed(), 5000);
  assert.equal(stopped.ended, false);
  assert.equal(stopped.paused, 'pause');
  rt.scheduler.resumed(stopped);
  assert.equal(stopped.deadline, rt.clock.now() + 1000, 'the timeout goes on from where it stood');
  rt.poke();
  await rt.waitIdle();
  assert.equal(rt.timeline.events.find((e) => e.event === 'sessionEnded' && e.session === stopped.id)?.outcome, 'completed');
});

test('endedSessionLimit keeps only the latest ended sessions (serve runs for long)', async () => {
  const { rt, engine } = runtime();
  rt.endedSessionLimit = 3;
  const runs = [1, 2, 3, 4, 5, 6, 7].map((n) => startFg(rt, engine, n, [{ work: 5 }]));
  await Promise.all(runs.map((r) => r.done));
  await rt.waitIdle();
  const endOrder = rt.timeline.events.filter((e) => e.event === 'sessionEnded').map((e) => e.session!);
  assert.equal(endOrder.length, 7);
  assert.deepEqual([...rt.sessions.keys()].sort(), endOrder.slice(4).sort(), 'the three that ended last');
  const forgotten = endOrder[0];
  assert.equal(rt.sessions.has(forgotten), false);
  assert.equal(rt.isSessionActive(forgotten), false);
  // A forgotten session id is still known to have existed: StopSession of it does nothing, no error.
  rt.stopSession(undefined, forgotten, '');
});
