// Tests of the shipped CLI bundle's command dispatch and usage errors (exit codes per docs/cli.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
}

test('help lists the commands and exits 0', () => {
  const r = run('--help');
  assert.equal(r.status, 0);
  for (const name of ['parse', 'lint', 'run', 'serve', 'builtins']) assert.match(r.stdout, new RegExp(`\\b${name}\\b`));
});

test('an unknown command is bad usage: exit 2 with a one-line reason', () => {
  const r = run('frobnicate');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command 'frobnicate'/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
});
