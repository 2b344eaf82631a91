// The shipped CLI's text output cannot drive a terminal: escape bytes from a crafted .al file come out escaped
// (`parse --errors`, a load error of `run`), and `parse` skips a file over its size cap as `lint` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const ESC = '\u001b';
const CSI = '\u009b';

function cliRun(args: string[], cwd?: string) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
}

test('parse --errors: escape bytes in a crafted file are printed escaped, never raw', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-cli-text-'));
  writeFileSync(join(dir, 'Evil.Codeunit.al'), `codeunit 50100 Evil\n{\n    trigger OnRun()\n    begin\n        ${ESC}]0;owned${'\u0007'} ${ESC}[2J ${CSI}31m;\n    end;\n}\n`);
  const r = cliRun(['parse', dir, '--errors', '20']);
  assert.equal(r.status, 1, r.stderr);
  const out = r.stdout + r.stderr;
  assert.match(out, /Evil\.Codeunit\.al:5:/);
  assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, JSON.stringify(out));
  assert.match(out, /\\u001b/);
});

test('run: a load error naming a crafted field is printed escaped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-cli-text-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'T.Table.al'), `table 50100 T\n{\n    fields { field(1; "No."; Code[20]) { } }\n    keys { key(PK; "X${ESC}[2J${CSI}1m") { } }\n}\n`);
  writeFileSync(join(dir, 's.json'), '{"steps":[]}');
  const r = cliRun(['run', dir, '--scenario', join(dir, 's.json'), '--strict']);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /T\.Table\.al:4:\d+: key "PK" names field/);
  assert.doesNotMatch(r.stderr, /[\u001b\u009b]/);
  assert.match(r.stderr, /\\u001b\[2J\\u009b1m/);
});

test('parse: a file over the size cap is skipped with a line on stderr (the cap lint has), the rest is parsed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-cli-text-'));
  writeFileSync(join(dir, 'Big.Codeunit.al'), `codeunit 50100 Big\n{\n${'    // padding padding padding padding padding padding padding padding\n'.repeat(130_000)}}\n`);
  writeFileSync(join(dir, 'Small.Codeunit.al'), 'codeunit 50101 Small\n{\n}\n');
  const r = cliRun(['parse', dir, '--stats']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /skipped \S*Big\.Codeunit\.al: file is 8\.\d MB, over the 8 MB limit/);
  const stats = JSON.parse(r.stdout) as { files: number; skipped: number };
  assert.deepEqual([stats.files, stats.skipped], [1, 1]);
  const bigger = cliRun(['parse', dir, '--stats', '--max-file-mb', '16']);
  assert.equal((JSON.parse(bigger.stdout) as { files: number }).files, 2);
});
