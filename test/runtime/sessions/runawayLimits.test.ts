// Runaway AL through the shipped CLI bundle: an endless loop in a foreground codeunit is ended by --max-call-time
// (or the scenario's maxCallTime) with an error naming where it was, shown in the timeline chart; a session that
// piles 10 KB texts into a list is ended over maxSessionMemoryMB with an AL error while a background session
// keeps running, and the process never reaches its (small) heap limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function workspace(files: Record<string, string>, scenario: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-runaway-'));
  mkdirSync(join(dir, 'src'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'src', name), text);
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  return dir;
}

const LOOP = `codeunit 50110 "Endless Loop"
{
    trigger OnRun()
    var
        i: Integer;
    begin
        while true do
            i := 0;
    end;
}
`;

test('run: an endless loop in a foreground codeunit ends at --max-call-time with an error naming where it was', { timeout: 60_000 }, () => {
  const dir = workspace({ 'Loop.Codeunit.al': LOOP }, { steps: [{ runCodeunit: 'Endless Loop' }] });
  const chart = join(dir, 'timeline.html');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [cli, 'run', dir, '--scenario', join(dir, 'scenario.json'), '--max-call-time', '1', '--timeline', chart], { encoding: 'utf8', timeout: 50_000 });
  assert.notEqual(r.signal, 'SIGTERM', 'run did not end');
  assert.ok(Date.now() - t0 < 30_000);
  // The codeunit failed with an AL error (the scenario step itself was done, as for any AL error).
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /The call 'OnRun' ran longer than the 1 s limit \(--max-call-time\) and was stopped in "?Endless Loop"?\.OnRun \(Loop\.Codeunit\.al line [78]\)/);
  assert.match(r.stdout, /ended: error - CallTimeLimit/);
  // The Timeline shows it: a mark on the session's row.
  assert.match(readFileSync(chart, 'utf8'), /call time limit: The call &#39;OnRun&#39; ran longer|call time limit: The call 'OnRun' ran longer/);
});

test("run: the scenario's maxCallTime (seconds) sets the limit", { timeout: 60_000 }, () => {
  const dir = workspace({ 'Loop.Codeunit.al': LOOP }, { maxCallTime: 0.5, steps: [{ runCodeunit: 50110 }] });
  const r = spawnSync(process.execPath, [cli, 'run', dir, '--scenario', join(dir, 'scenario.json'), '--json'], { encoding: 'utf8', timeout: 50_000 });
  assert.notEqual(r.signal, 'SIGTERM', 'run did not end');
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const limit = events.find((e) => e.event === 'callTimeLimit')!;
  assert.equal(limit.limitMs, 500);
  assert.match(String(limit.where), /Loop\.Codeunit\.al line/);
});

test('run: a session holding more than maxSessionMemoryMB of texts is ended with an AL error; a background session keeps running', { timeout: 90_000 }, () => {
  const dir = workspace(
    {
      'Hog.Codeunit.al': `codeunit 50120 "Memory Hog"
{
    trigger OnRun()
    var
        L: List of [Text];
        i: Integer;
        SessionId: Integer;
    begin
        StartSession(SessionId, Codeunit::"Patient Worker");
        while true do begin
            i += 1;
            L.Add(PadStr(Format(i), 10000, 'x'));
        end;
    end;
}
`,
      'Worker.Codeunit.al': `codeunit 50121 "Patient Worker"
{
    trigger OnRun()
    var
        T: Text;
    begin
        T := PadStr('', 1000, 'y');
        Sleep(2000);
        Message('worker still alive with %1 characters', StrLen(T));
    end;
}
`,
    },
    { steps: [{ runCodeunit: 'Memory Hog' }, { waitIdle: true }] },
  );
  // A heap far smaller than what the loop would take without the limit: the run must end cleanly inside it.
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', cli, 'run', dir, '--scenario', join(dir, 'scenario.json'), '--json', '--clock', 'real', '--set', 'maxSessionMemoryMB=64'], { encoding: 'utf8', timeout: 80_000 });
  assert.doesNotMatch(r.stderr, /heap limit|FATAL/);
  assert.notEqual(r.signal, 'SIGTERM', 'run did not end');
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const limit = events.find((e) => e.event === 'memoryLimit');
  assert.ok(limit, r.stderr);
  assert.equal(limit.limitMb, 64);
  assert.match(String(limit.text), /more than its 64 MB \(setting maxSessionMemoryMB\), in "?Memory Hog"?\.OnRun \(Hog\.Codeunit\.al line 12\)/);
  const hogEnd = events.find((e) => e.event === 'sessionEnded' && e.session === limit.session) as { outcome: string; error: { code: string } };
  assert.deepEqual([hogEnd.outcome, hogEnd.error.code], ['error', 'SessionMemoryLimit']);
  const worker = events.find((e) => e.event === 'sessionStarted' && e.kind === 'Background')!;
  assert.ok(events.some((e) => e.event === 'message' && e.session === worker.session && /worker still alive with 1000/.test(String(e.text))));
  assert.equal((events.find((e) => e.event === 'sessionEnded' && e.session === worker.session) as { outcome: string }).outcome, 'completed');
});
