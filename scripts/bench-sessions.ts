// Benchmark of the session layer with the real interpreter and store: 10,000 StartSession sessions, each doing
// a small write (Business Central's limits: 10 running, 100 queued; the starter retries when the queue is full),
// then 1,000 pages enqueuing 7 page background tasks each. Prints sessions per second and peak RSS.
// Usage: npm run bench:sessions [-- --sessions N --pages N]
import { RuntimeHost } from '../src/runtime/sessions/host';
import { createEngine } from '../src/runtime/sessions/defaultEngine';
import { WORKLOAD_TABLES, fanOutPage, openInClientSessions, starterCodeunit } from '../test/runtime/sessions/support/workloads';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SESSIONS = arg('sessions', 10_000);
const PAGES = arg('pages', 1_000);

let peakRss = process.memoryUsage.rss();
// memoryUsage.rss() is the cheap reading (memoryUsage() walks the heap spaces too).
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);

const al = [
  ...WORKLOAD_TABLES,
  `codeunit 50241 "Bench Writer"
   {
       trigger OnRun()
       var
           L: Record "Lab Log";
       begin
           L."Entry No." := SessionId();
           L.Text := 'written';
           L.Insert();
       end;
   }`,
  starterCodeunit(50240, 'Bench Starter', 'Bench Writer', SESSIONS),
  `codeunit 50242 "Bench Task"
   {
       trigger OnRun()
       var
           R: Dictionary of [Text, Text];
       begin
           R.Add('done', Format(SessionId()));
           Page.SetBackgroundTaskResult(R);
       end;
   }`,
  fanOutPage(50243, 'Bench Card', 'Bench Task', 7, {
    fields: 'field(Done; Done) { }',
    vars: 'Done: Integer;',
    triggers: `trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
       begin
           Done += 1;
       end;`,
  }),
];

async function main(): Promise<void> {
  const files = al.map((text, i) => ({ path: `/bench/Object${i}.al`, text }));
  const h = new RuntimeHost({ files, createEngine, clock: 'virtual', seed: 1, strict: true });
  h.rt.timeline.retain = false;
  h.rt.retainEnded = false;
  h.seedData({ 'Lab Item': [{ 'No.': 'A' }] });

  // CPU time is reported next to wall time: on a shared machine wall time includes other processes' work.
  const cpuMs = (from: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(from);
    return (d.user + d.system) / 1000;
  };
  let c0 = process.cpuUsage();
  let t0 = performance.now();
  const { result } = await h.runCodeunit(50240);
  await h.rt.waitIdle();
  let ms = performance.now() - t0;
  if (result.state !== 'completed') throw new Error(`starter failed: ${result.state === 'failed' ? result.error.text : ''}`);
  const rows = h.db.committedCount(h.db.table('Lab Log'));
  if (rows !== SESSIONS) throw new Error(`expected ${SESSIONS} rows, found ${rows}`);
  let cpu = cpuMs(c0);
  console.log(`startSession: ${SESSIONS} background sessions, each one insert, in ${ms.toFixed(0)} ms wall / ${cpu.toFixed(0)} ms CPU = ${Math.round((SESSIONS / ms) * 1000)} sessions/s wall, ${Math.round((SESSIONS / cpu) * 1000)} sessions/s CPU (peak running ${h.rt.background.peakRunning}, all ${rows} writes committed)`);

  c0 = process.cpuUsage();
  t0 = performance.now();
  let completed = 0;
  h.rt.timeline.on((e) => {
    if (e.event === 'trigger' && e.name === 'OnPageBackgroundTaskCompleted') completed++;
  });
  await openInClientSessions(h, 'Bench Card', PAGES);
  await h.rt.waitIdle();
  ms = performance.now() - t0;
  if (completed !== PAGES * 7) throw new Error(`expected ${PAGES * 7} completion triggers, got ${completed}`);
  cpu = cpuMs(c0);
  console.log(`pageBackgroundTasks: ${PAGES} pages x 7 tasks = ${PAGES * 7} child sessions in ${ms.toFixed(0)} ms wall / ${cpu.toFixed(0)} ms CPU = ${Math.round(((PAGES * 7) / ms) * 1000)} tasks/s wall (peak per parent ${h.rt.pageTasks.peakPerParent})`);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  console.log(`peak RSS: ${(peakRss / 1048576).toFixed(0)} MB`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
