// serve's runTests / cancelTests through the shipped CLI bundle and the shared protocol client, on the example
// workspace's own tests: per-test start and finish events with durations, a failure with its line and call stack
// resolved to source, background-session errors named by session, a warm re-run after an edit, and cancelling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeClient } from '../../../src/protocol/client';
import type { Events } from '../../../src/protocol/runtimeProtocol';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const example = join(root, 'examples', 'customer-card');

async function serve(workspace: string, ...extra: string[]): Promise<{ proc: ChildProcess; client: RuntimeClient }> {
  const proc = spawn(process.execPath, [cli, 'serve', workspace, ...extra], { stdio: ['pipe', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const { port, token } = JSON.parse(line) as { port: number; token: string };
  return { proc, client: await RuntimeClient.connect({ port, token, client: 'test' }) };
}

interface Collected {
  started: Events['testStarted'][];
  finished: Events['testFinished'][];
  output: Events['testOutput'][];
  ended: Events['testRunEnded'];
}

async function runTests(client: RuntimeClient, args: Parameters<RuntimeClient['request']>[1] & object): Promise<Collected> {
  const c = { started: [], finished: [], output: [] } as unknown as Collected;
  const offs = [client.on('testStarted', (b) => c.started.push(b)), client.on('testFinished', (b) => c.finished.push(b)), client.on('testOutput', (b) => c.output.push(b))];
  const ended = new Promise<Events['testRunEnded']>((resolve) => offs.push(client.on('testRunEnded', resolve)));
  const r = await client.request('runTests', args as { tests: { codeunit: number; tests?: string[] }[] });
  c.ended = await ended;
  assert.equal(c.ended.run, r.run);
  for (const off of offs) off();
  return c;
}

test('runTests: the example tests pass with per-test events; a broken test fails at its line; re-run after an edit reloads', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'alsl-runtests-'));
  cpSync(example, ws, { recursive: true });
  const { proc, client } = await serve(ws, '--data', join(ws, 'alsessionlab.data.json'));
  try {
    const all = await runTests(client, { tests: [{ codeunit: 50120 }, { codeunit: 50121 }] });
    const summary = all.finished.map((f) => `${f.codeunitName}.${f.procedure} ${f.outcome}${f.failure ? `: ${f.failure.text}` : ''}`);
    assert.deepEqual(summary, [
      'Customer Card Task Tests.TaskReportsWhatItWaited passed',
      'Customer Card Task Tests.CompletionTriggerRunsWithTheResults passed',
      'Customer Card Task Tests.ReadOnlyChildRefusesAWrite passed',
      'Block Customers Session Tests.BackgroundSessionBlocksEveryCustomer passed',
      'Block Customers Session Tests.TwoSessionsRunSideBySide passed',
    ]);
    assert.deepEqual(all.started.map((s) => s.procedure), all.finished.map((f) => f.procedure));
    assert.equal(all.ended.passed, 5);
    assert.equal(all.ended.failed, 0);
    assert.ok(all.finished.every((f) => f.durationMs >= 0));

    // Break one test on purpose: the failure names the text, its line, and the call stack in source.
    const file = join(ws, 'test', 'CustomerCardTaskTests.Codeunit.al');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace("if Results.Get('waited') <> '50' then", "if Results.Get('waited') <> '51' then"));
    const one = await runTests(client, { tests: [{ codeunit: 50120, tests: ['TaskReportsWhatItWaited'] }], reload: true });
    assert.equal(one.finished.length, 1);
    const f = one.finished[0];
    assert.equal(f.outcome, 'failed');
    assert.equal(f.failure!.text, 'The task should report waited = 50, got 50.');
    const errorLine = text.split('\n').findIndex((l) => l.includes("Error('The task should report waited = 50"));
    assert.equal(f.failure!.location!.line, errorLine);
    assert.equal(f.failure!.frames[0].file, file);
    assert.equal(f.failure!.frames[0].line, errorLine);
    assert.match(f.failure!.frames[0].text, /"Customer Card Task Tests"\(CodeUnit 50120\)\.TaskReportsWhatItWaited line \d+/);
    assert.equal(one.ended.failed, 1);

    // Unchanged files: no reload.
    const again = await client.request('runTests', { tests: [{ codeunit: 50120, tests: ['TaskReportsWhatItWaited'] }], reload: true });
    assert.equal(again.reloaded, false);
    await new Promise<void>((resolve) => { const off = client.on('testRunEnded', () => { off(); resolve(); }); });
  } finally {
    client.dispose();
    proc.kill();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('runTests: a background session error during a test says which session; cancelling stops the run', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'alsl-runtests-'));
  cpSync(example, ws, { recursive: true });
  writeFileSync(join(ws, 'test', 'Extra.Codeunit.al'), `
codeunit 50140 "Failing Session"
{
    trigger OnRun()
    begin
        Error('broken in the background');
    end;
}

codeunit 50141 "Extra Tests"
{
    Subtype = Test;
    RequiredTestIsolation = Disabled;

    [Test]
    procedure SessionFails()
    var
        SessionId: Integer;
    begin
        StartSession(SessionId, Codeunit::"Failing Session");
        while IsSessionActive(SessionId) do
            Sleep(10);
    end;

    [Test]
    procedure RunsLong()
    begin
        Sleep(60000);
    end;

    [Test]
    procedure NeverReached()
    begin
    end;
}
`);
  const { proc, client } = await serve(ws);
  try {
    const r = await runTests(client, { tests: [{ codeunit: 50141, tests: ['SessionFails'] }] });
    const f = r.finished[0];
    assert.equal(f.outcome, 'passed');
    assert.equal(f.sessionErrors.length, 1);
    assert.equal(f.sessionErrors[0].kind, 'Background');
    assert.equal(f.sessionErrors[0].error.text, 'broken in the background');
    assert.ok(r.output.some((o) => o.text.includes(`background session ${f.sessionErrors[0].session} (Codeunit 50140) ended with an error: broken in the background`)), JSON.stringify(r.output));

    // Cancel while RunsLong sleeps: it fails as stopped, the rest is not run.
    const finished: Events['testFinished'][] = [];
    const offF = client.on('testFinished', (b) => finished.push(b));
    const started = new Promise<void>((resolve) => { const off = client.on('testStarted', (b) => { if (b.procedure === 'RunsLong') { off(); resolve(); } }); });
    const ended = new Promise<Events['testRunEnded']>((resolve) => { const off = client.on('testRunEnded', (b) => { off(); resolve(b); }); });
    const t0 = Date.now();
    const { run } = await client.request('runTests', { tests: [{ codeunit: 50141, tests: ['RunsLong', 'NeverReached'] }, { codeunit: 50120 }] });
    await started;
    await client.request('cancelTests', { run });
    const e = await ended;
    offF();
    assert.ok(Date.now() - t0 < 20000, 'cancelled long before the 60 s sleep');
    assert.equal(e.cancelled, true);
    assert.ok(!finished.some((x) => x.procedure === 'NeverReached' && x.outcome === 'passed'));
    assert.ok(e.skipped >= 1);
    await assert.rejects(client.request('cancelTests', { run: 'x' as unknown as number }), /'run' must be an integer/);
  } finally {
    client.dispose();
    proc.kill();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('runTests with coverage: statement counts from the statement hooks, background sessions included; what each test reached', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'alsl-runtests-'));
  cpSync(example, ws, { recursive: true });
  const { proc, client } = await serve(ws);
  try {
    const r = await runTests(client, { tests: [{ codeunit: 50121, tests: ['BackgroundSessionBlocksEveryCustomer'] }], coverage: true });
    assert.equal(r.finished[0].outcome, 'passed');
    const cov = r.ended.coverage!;
    const block = cov.find((f) => f.file.endsWith('BlockAllCustomers.Codeunit.al'))!;
    // The background session's statements ran (Modify once per customer: twice here).
    const modify = block.statements.find((s) => readFileSync(block.file, 'utf8').split('\n')[s.line].includes('Customer.Modify()'))!;
    assert.equal(modify.count, 2);
    assert.deepEqual(block.procedures.map((p) => [p.name, p.count > 0]), [['OnRun', true]]);
    // Code no test ran is there with zero counts (so it shows as not covered).
    const pbt = cov.find((f) => f.file.endsWith('PBTWaitCodeunit.Codeunit.al'))!;
    assert.ok(pbt.statements.length > 3 && pbt.statements.every((s) => s.count === 0));
    // Only the workspace's own files, not the runtime's virtual system tables.
    assert.ok(cov.every((f) => f.file.startsWith(ws)));
    const reached = r.finished[0].reached!;
    assert.deepEqual(reached.find((x) => x.file === block.file)!.procedures, ['OnRun']);
    assert.ok(!reached.some((x) => x.file === pbt.file));
    // Without coverage, nothing is counted and no coverage is sent.
    const plain = await runTests(client, { tests: [{ codeunit: 50121, tests: ['BackgroundSessionBlocksEveryCustomer'] }] });
    assert.equal(plain.ended.coverage, undefined);
    assert.equal(plain.finished[0].reached, undefined);
  } finally {
    client.dispose();
    proc.kill();
    rmSync(ws, { recursive: true, force: true });
  }
});
