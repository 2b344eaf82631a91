// The shipped CLI bundle with dependency flags: `run --dependency-source` opens a dependency's page extended by
// the workspace, prints one summary line of load findings, writes them with --findings, stops with --strict, and
// exits 2 naming a dependency it cannot find.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAppsFixture } from '../../helpers/appsFixture';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, 'run', ...args], { encoding: 'utf8', env: { ...process.env, AL_SESSION_LAB_CACHE: mkdtempSync(join(tmpdir(), 'apps-cli-cache-')) } });
}

test('run --dependency-source: the workspace extends a dependency page; findings are summarised, listed, strict', () => {
  const { root, ws, deps } = writeAppsFixture();
  const scenario = join(root, 'open.json');
  writeFileSync(scenario, JSON.stringify({ data: { 'Lab Customer': [{ 'No.': 'C1', Name: 'Adatum' }] }, steps: [{ openPage: 'Lab Customer Card', record: { 'No.': 'C1' } }, { runCodeunit: 'Lab Runner' }, { closePage: true }] }));
  const findings = join(root, 'findings.json');
  const r = run(ws, '--scenario', scenario, '--json', '--dependency-source', deps, '--findings', findings);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^al-session-lab: 2 load findings \(1 badAppJson, 1 lowerVersion\); loaded what could be loaded, listed in .*findings\.json\n$/);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.ok(events.some((e) => e.event === 'message' && e.text === 'ext opened on C1'), 'the workspace page extension ran on the dependency page');
  assert.ok(events.some((e) => e.event === 'sessionEnded' && e.outcome === 'completed' && e.session !== 1));
  const listed = JSON.parse(readFileSync(findings, 'utf8')) as { findings: { kind: string; severity: string }[] };
  assert.deepEqual(listed.findings.map((f) => f.kind).sort(), ['badAppJson', 'lowerVersion']);
  writeFileSync(join(ws, 'src', 'Twice.Codeunit.al'), 'codeunit 50101 "Twice"\n{\n}\n');
  const strict = run(ws, '--scenario', scenario, '--dependency-source', deps, '--strict');
  assert.equal(strict.status, 2);
  assert.match(strict.stderr, /Twice\.Codeunit\.al:1:1: codeunit 50101 is declared twice/);
});

test('run: a dependency nowhere to be found is exit 2 naming it and where was looked', () => {
  const { root, ws } = writeAppsFixture();
  const scenario = join(root, 's.json');
  writeFileSync(scenario, JSON.stringify({ steps: [] }));
  const r = run(ws, '--scenario', scenario, '--dependency-source', join(root, 'ws'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot find the app "Lab Base" by Lab \(id 0b000000-0000-4000-8000-000000000002, version 2\.0\.0\.0\).*looked in --dependency-source .*ws \(0 apps\)/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  const bad = run(ws, '--scenario', scenario, '--dependency-source', join(root, 'nope'));
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /nope: the dependency folder does not exist/);
});
