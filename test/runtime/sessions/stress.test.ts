// Stress tests of the session layer with the real interpreter and store on the virtual clock: 10,000
// StartSession sessions with every write accounted for, 1,000 pages x 7 tasks within the per-parent limit,
// and a runaway loop stopped by its timeout while the others finish. (Speed is measured by bench:sessions.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RuntimeHost } from '../../../src/runtime/sessions/host';
import { createEngine } from '../../../src/runtime/sessions/defaultEngine';
import { WORKLOAD_TABLES, fanOutPage, openInClientSessions, starterCodeunit } from './support/workloads';

function host(al: string[], settings = {}): RuntimeHost {
  const files = [...WORKLOAD_TABLES, ...al].map((text, i) => ({ path: `/stress/Object${i}.al`, text }));
  const h = new RuntimeHost({ files, createEngine, clock: 'virtual', seed: 5, strict: true, settings });
  h.rt.timeline.retain = false;
  return h;
}

test('10,000 StartSession sessions each doing a small write complete, every write accounted for', async () => {
  const h = host([
    `codeunit 50251 "Stress Writer" { trigger OnRun() var L: Record "Lab Log"; begin L."Entry No." := SessionId(); L.Text := 'w'; L.Insert(); end; }`,
    starterCodeunit(50250, 'Stress Starter', 'Stress Writer', 10000),
  ]);
  h.rt.retainEnded = false;
  let started = 0;
  let completed = 0;
  const ids = new Set<number>();
  h.rt.timeline.on((e) => {
    if (e.event === 'sessionStarted' && e.kind === 'Background') started++;
    if (e.event === 'sessionEnded' && e.outcome === 'completed') completed++;
    if (e.event === 'write') ids.add(e.session!);
  });
  const { result } = await h.runCodeunit(50250);
  await h.rt.waitIdle();
  assert.equal(result.state, 'completed');
  assert.equal(started, 10000);
  assert.equal(completed, 10001);
  assert.equal(ids.size, 10000);
  const table = h.db.table('Lab Log');
  assert.equal(h.db.committedCount(table), 10000);
  const tx = h.db.begin(0);
  const keys = tx.find(table, { filters: [], keyFields: [1], ascending: true }).map((r) => r.row.get(1) as number);
  tx.rollback();
  assert.deepEqual(keys.sort((a, b) => a - b), [...ids].sort((a, b) => a - b), 'each session wrote its own row');
  assert.ok(h.rt.background.peakRunning <= 10);
});

test('1,000 pages each enqueuing 7 tasks respect the per-parent limit of 5', async () => {
  const h = host([
    `codeunit 50252 "Stress Task" { trigger OnRun() begin Sleep(100); end; }`,
    fanOutPage(50253, 'Stress Card', 'Stress Task', 7),
  ]);
  h.seedData({ 'Lab Item': [{ 'No.': 'A' }] });
  let waiting = 0;
  let done = 0;
  const running = new Map<number, number>();
  const parentOf = new Map<number, number>();
  let worst = 0;
  h.rt.timeline.on((e) => {
    if (e.event === 'taskWaiting') waiting++;
    if (e.event === 'sessionStarted' && e.kind === 'PageBackgroundTask') {
      const p = e.parent as number;
      parentOf.set(e.session!, p);
      running.set(p, (running.get(p) ?? 0) + 1);
      worst = Math.max(worst, running.get(p)!);
    }
    if (e.event === 'sessionEnded' && parentOf.has(e.session!)) {
      const p = parentOf.get(e.session!)!;
      running.set(p, running.get(p)! - 1);
      if (e.outcome === 'completed') done++;
    }
  });
  await openInClientSessions(h, 'Stress Card', 1000);
  await h.rt.waitIdle();
  assert.equal(worst, 5);
  assert.equal(waiting, 2000);
  assert.equal(done, 7000);
});

test('a runaway loop in one session is stopped by its timeout while the others finish', async () => {
  const h = host(
    [
      `codeunit 50254 "Stress Runaway" { trigger OnRun() var X: Integer; begin while true do X := (X + 1) mod 1000; end; }`,
      `codeunit 50255 "Stress Worker"
       {
           trigger OnRun()
           var
               L: Record "Lab Log";
               I: Integer;
           begin
               for I := 1 to 2000 do L.Text := Format(I);
               Sleep(50);
               L."Entry No." := SessionId();
               L.Insert();
           end;
       }`,
      `codeunit 50256 "Stress Launcher"
       {
           trigger OnRun()
           var
               Id: Integer;
               I: Integer;
               T: Duration;
           begin
               T := 60000;
               StartSession(Id, Codeunit::"Stress Runaway", T);
               for I := 1 to 8 do
                   StartSession(Id, Codeunit::"Stress Worker");
           end;
       }`,
    ],
    { busySlicesPerTimeJump: 200 },
  );
  h.rt.timeline.retain = true;
  await h.runCodeunit(50256);
  await h.rt.waitIdle();
  const outcomes = h.rt.timeline.events.filter((e) => e.event === 'sessionEnded').map((e) => e.outcome);
  assert.equal(outcomes.filter((o) => o === 'timeout').length, 1);
  assert.equal(outcomes.filter((o) => o === 'completed').length, 9, 'the launcher and 8 workers');
  assert.equal(h.db.committedCount(h.db.table('Lab Log')), 8);
  const workersDone = Math.max(...h.rt.timeline.events.filter((e) => e.event === 'sessionEnded' && e.outcome === 'completed').map((e) => e.t));
  const runawayEnd = h.rt.timeline.events.find((e) => e.event === 'sessionEnded' && e.outcome === 'timeout')!;
  assert.ok(workersDone < runawayEnd.t, 'the workers finished while the loop still ran');
  assert.equal(runawayEnd.t, 60000);
});
