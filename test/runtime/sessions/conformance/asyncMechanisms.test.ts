// Conformance: bc-semantics.md §1, the asynchronous mechanisms' table rows the runtime runs: TaskScheduler.CreateTask
// (a background session that can write; the failure codeunit runs when it fails; NotBefore delays it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, events, host, logLines } from './harness';

test('§1 TaskScheduler.CreateTask: a background session that can write; NotBefore delays it; the failure codeunit runs when it fails; a task not ready does not run', async () => {
  const h = host([
    LOG_CODEUNIT,
    `codeunit 50270 "Lab Task Work" { trigger OnRun() var Log: Codeunit "Lab Logger"; begin Log.Add('task ran'); end; }`,
    `codeunit 50271 "Lab Task Fail" { trigger OnRun() begin Error('task failed'); end; }`,
    `codeunit 50272 "Lab Task Handler" { trigger OnRun() var Log: Codeunit "Lab Logger"; begin Log.Add('failure handler ran'); end; }`,
    `codeunit 50273 "Lab Scheduler"
     {
         trigger OnRun()
         var
             Log: Codeunit "Lab Logger";
             Id: Guid;
         begin
             Id := TaskScheduler.CreateTask(Codeunit::"Lab Task Work", 0, true, CompanyName(), CurrentDateTime() + 5000);
             Log.Add('scheduled ' + Format(not IsNullGuid(Id)));
             TaskScheduler.CreateTask(Codeunit::"Lab Task Fail", Codeunit::"Lab Task Handler");
             TaskScheduler.CreateTask(Codeunit::"Lab Task Work", 0, false);
         end;
     }`,
  ]);
  await h.runCodeunit(50273);
  await h.rt.waitIdle();
  assert.deepEqual(logLines(h), ['scheduled Yes', 'failure handler ran', 'task ran']);
  const bg = events(h, 'sessionStarted', { kind: 'Background' });
  assert.deepEqual(bg.map((e) => e.object), ['Codeunit 50271', 'Codeunit 50272', 'Codeunit 50270']);
  assert.equal(bg[2].t, 5000, 'NotBefore');
  assert.equal(events(h, 'scheduledTask', { ready: false }).length, 1);
});
