// The shipped CLI's `builtins` command: the catalogue with what the runtime implements (docs/cli.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

interface Row {
  receiver: string;
  name: string;
  signature: string;
  implemented: boolean;
  facts: string[];
  overloads: { params: { name: string; type: string; var: boolean; optional: boolean }[]; returns: string | null }[];
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, 'builtins', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

test('builtins --json lists entries with signature, implemented and facts', () => {
  const r = run('--json');
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Row[];
  const find = (recv: string, name: string) => rows.find((x) => x.receiver === recv && x.name === name);
  const findSet = find('Record', 'FindSet')!;
  assert.equal(findSet.implemented, true);
  assert.match(findSet.signature, /^FindSet\(\[ForUpdate: Boolean\]/);
  const start = find('Session', 'StartSession')!;
  assert.ok(start.facts.includes('startsSession'));
  assert.ok(start.overloads[0].params[0].var, 'SessionId is a var parameter');
  assert.equal(find('XmlDocument', 'ReadFrom')?.implemented, false);
  assert.ok(rows.length > 1000);
});

test('builtins --unimplemented lists only what the runtime lacks', () => {
  const all = JSON.parse(run('--json').stdout) as Row[];
  const missing = JSON.parse(run('--unimplemented', '--json').stdout) as Row[];
  assert.ok(missing.length > 0 && missing.length < all.length);
  assert.ok(missing.every((x) => !x.implemented));
  assert.equal(missing.length, all.filter((x) => !x.implemented).length);
  const text = run('--unimplemented');
  assert.equal(text.status, 0);
  // Debugger methods are outside what a local runtime does (the Http types are the platform layer's now).
  assert.match(text.stdout, /Debugger\n {2}Debugger\.Activate\(/);
  assert.doesNotMatch(text.stdout, /Record\.FindSet|^ {2}FindSet\(/m);
  assert.match(text.stdout, /built-ins in the catalogue: \d+ implemented by the runtime, \d+ not \(listed above\)\./);
});

test('builtins with an argument is bad usage', () => {
  const r = run('Record');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /builtins takes no arguments/);
});
