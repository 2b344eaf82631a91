// The shipped CLI bundle's `run` command: the example scenarios' timelines, seed replay, exit codes 1 and 2
// with file and line (docs/cli.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const example = join(root, 'examples', 'customer-card');

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, 'run', ...args], { encoding: 'utf8' });
}

function jsonEvents(stdout: string): Record<string, unknown>[] {
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('run --json: opening the Customer Card enqueues the task, the child runs, the completion trigger fills the fields', () => {
  const r = run(example, '--scenario', join(example, 'scenarios', 'open-customer-card.json'), '--json');
  assert.equal(r.status, 0, r.stderr);
  const events = jsonEvents(r.stdout);
  for (const e of events) assert.equal(typeof e.t, 'number');
  const enq = events.find((e) => e.event === 'taskEnqueued')!;
  assert.deepEqual([enq.codeunit, enq.timeoutMs, enq.errorLevel], ['Codeunit 50100', 10000, 'Warning']);
  const child = events.find((e) => e.event === 'sessionStarted' && e.kind === 'PageBackgroundTask')!;
  assert.equal(child.parent, enq.session);
  assert.equal(child.object, 'Codeunit 50100');
  const trig = events.find((e) => e.event === 'trigger' && e.name === 'OnPageBackgroundTaskCompleted')!;
  assert.equal(trig.task, enq.task);
  assert.equal(trig.t, 1000);
  // The example's page extension declares the trigger, not the Customer Card itself: the event says so.
  assert.equal(trig.object, 'Page 21');
  assert.deepEqual(trig.declaredIn, ['PageExtension 50100']);
  const fields = events.filter((e) => e.event === 'pageField' && e.t === 1000).map((e) => e.field);
  assert.deepEqual(fields, ['Before1', 'Duration1', 'After1']);
});

test('run: moving to the next customer cancels the running task (recordChanged)', () => {
  const r = run(example, '--scenario', join(example, 'scenarios', 'next-record-cancels.json'), '--json');
  assert.equal(r.status, 0, r.stderr);
  const events = jsonEvents(r.stdout);
  const cancelled = events.find((e) => e.event === 'taskCancelled')!;
  assert.equal(cancelled.reason, 'recordChanged');
  assert.equal(cancelled.t, 300);
  assert.equal(events.filter((e) => e.event === 'taskEnqueued').length, 2);
});

test('run: the StartSession action runs a background session that blocks customers in its own transaction', () => {
  const r = run(example, '--scenario', join(example, 'scenarios', 'block-customers.json'), '--json');
  assert.equal(r.status, 0, r.stderr);
  const events = jsonEvents(r.stdout);
  const bg = events.find((e) => e.event === 'sessionStarted' && e.kind === 'Background')!;
  const writes = events.filter((e) => e.event === 'write' && e.session === bg.session);
  assert.deepEqual(writes.map((w) => [w.table, w.op]), [['Customer', 'Modify'], ['Customer', 'Modify'], ['Customer', 'Modify']]);
  assert.ok(events.some((e) => e.event === 'commit' && e.session === bg.session));
  assert.ok(events.some((e) => e.event === 'message' && e.session !== bg.session && /background session/.test(String(e.text))));
});

test('run: the same seed replays the same timeline; without --json the timeline is for people', () => {
  const a = run(example, '--scenario', join(example, 'scenarios', 'block-customers.json'), '--json', '--seed', '42');
  const b = run(example, '--scenario', join(example, 'scenarios', 'block-customers.json'), '--json', '--seed', '42');
  assert.equal(a.stdout, b.stdout);
  const human = run(example, '--scenario', join(example, 'scenarios', 'open-customer-card.json'));
  assert.equal(human.status, 0);
  assert.match(human.stdout, /task 2 +started PageBackgroundTask session running Codeunit 50100 \(parent 1\)/);
});

test('run: a malformed scenario exits 2 naming file and line; a step that cannot be done exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'als-run-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{\n  "steps": [\n    { "openPage": "Customer Card" },\n    { "flyAway": true }\n  ]\n}\n');
  let r = run(example, '--scenario', bad);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.json:4: step 2 has no known action/);
  writeFileSync(bad, '{\n  "steps": [\n    { "openPage": "Customer Card", }\n  ]\n}\n');
  r = run(example, '--scenario', bad);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.json:3: /);
  const stuck = join(dir, 'stuck.json');
  writeFileSync(stuck, JSON.stringify({ data: { Customer: [{ 'No.': '10000' }] }, steps: [{ openPage: 'Customer Card' }, { nextRecord: true }] }, null, 2));
  r = run(example, '--scenario', stuck);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /stuck\.json:\d+: step 2 \(nextRecord\) could not be done: .*no next record/);
  r = run(join(dir, 'nope'), '--scenario', stuck);
  assert.equal(r.status, 2);
});

test('run --clock real: the same scenario on the wall clock (the task sleeps 1 s for real)', () => {
  const started = Date.now();
  const r = run(example, '--scenario', join(example, 'scenarios', 'open-customer-card.json'), '--json', '--clock', 'real');
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Date.now() - started >= 1000);
  const trig = jsonEvents(r.stdout).find((e) => e.event === 'trigger' && e.name === 'OnPageBackgroundTaskCompleted')!;
  assert.ok((trig.t as number) >= 1000 && (trig.t as number) < 5000, `completed at ${trig.t}`);
});

test('run: a web-service client runs the page task synchronously; restartServer ends every session', () => {
  const dir = mkdtempSync(join(tmpdir(), 'al-session-lab-ws-'));
  const scenario = join(dir, 'ws.json');
  writeFileSync(
    scenario,
    JSON.stringify({
      data: { Customer: [{ 'No.': '10000', Name: 'Adatum Corporation' }] },
      steps: [
        { openPage: 'Customer Card', record: { 'No.': '10000' }, client: 'ODataV4' },
        { openPage: 'Customer Card', record: { 'No.': '10000' } },
        { advanceMs: 200 },
        { restartServer: true },
        { waitIdle: true },
      ],
    }),
  );
  const r = run(example, '--scenario', scenario, '--json');
  assert.equal(r.status, 0, r.stderr);
  const events = jsonEvents(r.stdout);
  const [ws, web] = events.filter((e) => e.event === 'taskEnqueued');
  assert.equal(ws.synchronous, true);
  assert.equal(web.synchronous, undefined);
  // The web-service page's completion trigger ran before the second page was even opened.
  const wsDone = events.findIndex((e) => e.event === 'trigger' && e.name === 'OnPageBackgroundTaskCompleted' && e.task === ws.task);
  const secondOpen = events.findIndex((e, i) => e.event === 'pageOpened' && i > events.indexOf(ws));
  assert.ok(wsDone >= 0 && wsDone < secondOpen);
  const restart = events.find((e) => e.event === 'serverRestart')!;
  assert.equal(restart.t, 1200);
  assert.deepEqual(events.filter((e) => e.event === 'taskCancelled').map((e) => e.reason), ['serverRestart']);
  const stopped = events.filter((e) => e.event === 'sessionEnded' && e.outcome === 'stopped');
  assert.equal(stopped.length, 2, 'the two client sessions');
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ steps: [{ openPage: 'Customer Card', client: 'Teletype' }] }));
  const b = run(example, '--scenario', bad);
  assert.equal(b.status, 2);
  assert.match(b.stderr, /bad\.json:1: step 1: "client" must be one of Web, WebService, ODataV4, SOAP, Api, got "Teletype"/);
});
