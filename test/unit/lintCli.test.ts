// `al-session-lab lint` through the shipped bundle (dist/cli.js): formats, exit codes, rulesets, the example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, 'lint', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('lint examples/customer-card: no BG0002 on the card page extension; the bare id 50100 is BG0012 info', () => {
  const r = run(['examples/customer-card', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  // src/ (6) and test/ (4, the example's own tests)
  assert.equal(out.files, 10);
  assert.equal(typeof out.ms, 'number');
  assert.deepEqual(out.diagnostics.map((d: { code: string; severity: string; file: string }) => `${d.code} ${d.severity} ${d.file}`), ['BG0012 info examples/customer-card/src/CustomerCardExt.PageExt.al']);
  const d = out.diagnostics[0];
  assert.deepEqual(d.range.start, { line: 74, character: 51 });
});

test('lint: error severity exits 1; SARIF 2.1.0; text; --rules filter; --ruleset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-lint-'));
  try {
    cpSync(join(root, 'examples', 'customer-card'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'src', 'PBTWaitCodeunit.Codeunit.al'),
      `codeunit 50100 PBTWaitCodeunit
{
    trigger OnRun()
    var
        Customer: Record Customer;
        Result: Dictionary of [Text, Text];
    begin
        Customer.ModifyAll(City, 'x');
        Result.Add('started', '');
        Result.Add('waited', '');
        Result.Add('finished', '');
        Page.SetBackgroundTaskResult(Result);
    end;
}
`,
    );
    const json = run(['--format', 'json'], dir);
    assert.equal(json.code, 1, json.stderr);
    const out = JSON.parse(json.stdout);
    const bg5 = out.diagnostics.find((d: { code: string }) => d.code === 'BG0005');
    assert.equal(bg5.severity, 'error');
    assert.equal(bg5.file, 'src/PBTWaitCodeunit.Codeunit.al');
    assert.deepEqual(bg5.path, ['OnRun', 'Customer.ModifyAll']);

    const sarif = JSON.parse(run(['--format', 'sarif'], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'BG0005');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 8);
    assert.equal(sarif.runs[0].tool.driver.rules[result.ruleIndex].id, 'BG0005');

    const text = run([], dir);
    assert.match(text.stdout, /src\/PBTWaitCodeunit\.Codeunit\.al:8:9: error BG0005: /);

    const only = run(['--rules', 'BG0012', '--format', 'json'], dir);
    assert.equal(only.code, 0);
    assert.deepEqual(JSON.parse(only.stdout).diagnostics.map((d: { code: string }) => d.code), ['BG0012']);

    writeFileSync(join(dir, 'relaxed.ruleset.json'), JSON.stringify({ name: 'relaxed', rules: [{ id: 'BG0005', action: 'Warning' }] }));
    assert.equal(run(['--ruleset', 'relaxed.ruleset.json'], dir).code, 0);
    writeFileSync(join(dir, 'app.json'), JSON.stringify({ suppressWarnings: ['BG0005'] }));
    assert.equal(run([], dir).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lint: bad usage exits 2 with a one-line message', () => {
  for (const args of [['--format', 'xml'], ['--nope'], ['no/such/dir'], ['--rules', 'BG9999'], ['--ruleset', 'missing.json']]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  }
});
