// Tests of the shipped `al-session-lab parse` command (dist/cli.js): stats JSON, --errors lines, exit codes,
// recursive folders without following symlinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
function run(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [cli, 'parse', ...args], { encoding: 'utf8', cwd });
}

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'als-parse-'));
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  writeFileSync(join(root, 'src', 'Good.Codeunit.al'), 'codeunit 50100 Good\n{\n    trigger OnRun()\n    begin\n        Message(\'hi\');\n    end;\n}\n');
  writeFileSync(join(root, 'src', 'deep', 'Bom.Table.al'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('table 50100 T { fields { field(1; "No."; Code[20]) { } } }')]));
  writeFileSync(join(root, 'src', 'notes.txt'), 'not AL');
  return root;
}

test('parse --stats over a folder: one JSON object, exit 0 when clean', () => {
  const root = workspace();
  const r = run(root, 'src', '--stats');
  assert.equal(r.status, 0, r.stderr);
  const stats = JSON.parse(r.stdout);
  assert.equal(stats.files, 2);
  assert.equal(stats.filesWithErrors, 0);
  assert.equal(stats.syntaxErrors, 0);
  assert.equal(stats.lossless, true);
  assert.ok(stats.bytes > 100);
  assert.equal(typeof stats.ms, 'number');
});

test('parse --errors N prints path:line:col: message and exits 1; symlinks are not followed', () => {
  const root = workspace();
  writeFileSync(join(root, 'src', 'Bad.Codeunit.al'), 'codeunit 50101 Bad\n{\n    procedure A()\n    begin\n        x := ;\n    end;\n}\n');
  symlinkSync(join(root, 'src'), join(root, 'src', 'deep', 'loop'));
  const r = run(root, 'src', '--errors', '5');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^src\/Bad\.Codeunit\.al:5:14: expected an expression/m);
  const s = run(root, 'src', '--stats');
  assert.equal(JSON.parse(s.stdout).files, 3);
  assert.equal(JSON.parse(s.stdout).filesWithErrors, 1);
});

test('parse with a missing path or a bad flag is bad usage: exit 2, one line', () => {
  const root = workspace();
  const missing = run(root, 'nope');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /path not found: nope/);
  const bad = run(root, '--errors', 'x');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--errors/);
});
