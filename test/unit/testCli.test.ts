// The shipped CLI bundle's `test` command: one line per test and the closing line, exit codes 0/1/2, --json events
// (1-based lines, call stack), --junit XML, --filter, --codeunit, --disabled-tests, --test-timeout, --runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

const AL = `table 50200 "Lab Item"
{
    fields { field(1; "No."; Code[20]) { } }
    keys { key(PK; "No.") { } }
}
codeunit 50300 "Lab Tests"
{
    Subtype = Test;

    [Test]
    procedure Passes()
    var
        Item: Record "Lab Item";
    begin
        Item."No." := 'X';
        Item.Insert();
    end;

    [Test]
    procedure Fails()
    begin
        Check(2);
    end;

    [Test]
    procedure Loops()
    begin
        while true do;
    end;

    local procedure Check(N: Integer)
    begin
        if N <> 1 then
            Error('Expected 1, got %1', N);
    end;
}
codeunit 50301 "Other Tests"
{
    Subtype = Test;

    [Test]
    procedure AlsoPasses()
    begin
    end;
}
codeunit 50310 "Lab Runner"
{
    Subtype = TestRunner;
    TestIsolation = Codeunit;

    trigger OnRun()
    begin
        Codeunit.Run(Codeunit::"Other Tests");
    end;
}
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'al-test-cli-'));
  writeFileSync(join(dir, 'Tests.al'), AL);
  return dir;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, 'test', ...args], { encoding: 'utf8' });
}

test('test prints a line per test, the failure with its text, file:line and call stack, and the closing line; exit 1', () => {
  const ws = workspace();
  const r = run(ws, '--test-timeout', '1', '--codeunit', '50300', '--codeunit', 'Other Tests');
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.split('\n');
  assert.ok(lines.includes('FAIL  Lab Tests::Fails (' + lines.find((l) => l.startsWith('FAIL  Lab Tests::Fails'))!.split('(')[1]));
  assert.match(r.stdout, /PASS {2}Lab Tests::Passes \(\d+ ms\)/);
  assert.match(r.stdout, /Expected 1, got 2 \(.*Tests\.al:34\)/);
  assert.match(r.stdout, /at Codeunit 50300 "Lab Tests"\.Check \(.*Tests\.al:34\)\n {8}at Codeunit 50300 "Lab Tests"\.Fails \(.*Tests\.al:22\)/);
  assert.match(r.stdout, /FAIL {2}Lab Tests::Loops .*\n.*ran longer than its time limit of 1 s/);
  assert.match(r.stdout, /PASS {2}Other Tests::AlsoPasses/);
  assert.equal(lines.filter(Boolean).at(-1), '2 passed, 2 failed');
});

test('test --json, --junit, --filter and --disabled-tests; exit 0 when all pass', () => {
  const ws = workspace();
  const disabled = join(ws, 'disabled.json');
  writeFileSync(disabled, JSON.stringify([{ codeunitId: 50300, codeunitName: 'Lab Tests', method: 'Fails' }]));
  const junit = join(ws, 'junit.xml');
  const r = run(ws, '--json', '--filter', 'Lab Tests::*', '--disabled-tests', disabled, '--junit', junit, '--test-timeout', '1');
  assert.equal(r.status, 1, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const byName = Object.fromEntries(events.filter((e) => e.event === 'testResult').map((e) => [e.procedure, e]));
  assert.equal(byName.Passes.outcome, 'passed');
  assert.equal(byName.Fails.outcome, 'skipped');
  assert.equal(byName.Loops.outcome, 'failed');
  assert.equal(byName.Passes.line, 10);
  assert.deepEqual(events.at(-1), { event: 'summary', passed: 1, failed: 1, skipped: 1, disabled: 1, ms: events.at(-1)!.ms });
  const xml = readFileSync(junit, 'utf8');
  assert.match(xml, /<testsuite name="50300 Lab Tests" tests="3" failures="1" skipped="1"/);
  assert.match(xml, /<testcase classname="Lab Tests" name="Fails"[^>]*>\n {6}<skipped message="disabled"\/>/);
  assert.match(xml, /<failure message="The test ran longer than its time limit of 1 s and was stopped\." type="TestTimeout">at Codeunit 50300 &quot;Lab Tests&quot;\.Loops/);
  const ok = run(ws, '--filter', 'Passes');
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout.trim().split('\n').at(-1), '1 passed, 0 failed');
});

test('test --runner runs a TestRunner codeunit; bad input is exit 2 with one line', () => {
  const ws = workspace();
  const r = run(ws, '--runner', '50310');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /PASS {2}Other Tests::AlsoPasses/);
  assert.doesNotMatch(r.stdout, /Lab Tests/);
  const missing = run(join(ws, 'nope'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /the workspace folder does not exist/);
  const badRunner = run(ws, '--runner', '999');
  assert.equal(badRunner.status, 2);
  assert.match(badRunner.stderr, /there is no TestRunner codeunit "999"|no TestRunner codeunit 999/);
  const badFlag = run(ws, '--disabled-tests', join(ws, 'Tests.al'));
  assert.equal(badFlag.status, 2);
  assert.match(badFlag.stderr, /not a DisabledTests JSON list/);
});

test('the example workspace\'s own tests pass, seeded from its data file as the Test Explorer\'s runs are', () => {
  const r = spawnSync(process.execPath, [cli, 'test', join(__dirname, '..', '..', 'examples', 'customer-card')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^5 passed, 0 failed$/m);
  // Without the data (an empty data file), the read-only child finds no customer to modify and its test fails.
  const dir = mkdtempSync(join(tmpdir(), 'als-data-'));
  writeFileSync(join(dir, 'empty.json'), '{}');
  const bare = spawnSync(process.execPath, [cli, 'test', join(__dirname, '..', '..', 'examples', 'customer-card'), '--data', join(dir, 'empty.json')], { encoding: 'utf8' });
  assert.equal(bare.status, 1, bare.stdout + bare.stderr);
  assert.match(bare.stdout, /FAIL {2}Customer Card Task Tests::ReadOnlyChildRefusesAWrite/);
});
