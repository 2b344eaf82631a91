// Load problems through the shipped CLI bundle: a key naming a field the table does not declare, a field of a type a
// table field cannot have, two fields with one id. `run` answers with file and line (exit 2, never a stack), `serve`
// keeps what loaded and runs it, `lint` reports the same problems as LOAD errors with their lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeClient } from '../../../src/protocol/client';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

const TABLE = `table 50100 "Bad Key"
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Amount; Money) { }
        field(1; Twin; Integer) { }
    }
    keys
    {
        key(PK; Number) { Clustered = true; }
        key(K2; Amount, "No.") { }
    }
}
`;
const EXT = `tableextension 50102 "Bad Key Ext" extends "Bad Key"
{
    fields
    {
        field(50100; Extra; Integer) { }
    }
    keys
    {
        key(ExtKey; Extra, Missing, "No.") { }
    }
}
`;
const CODEUNIT = `codeunit 50101 "Run It"
{
    trigger OnRun()
    var
        B: Record "Bad Key";
    begin
        B."No." := 'A';
        B.Insert();
        B."No." := 'B';
        B.Insert();
        Message('rows %1', B.Count());
    end;
}
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-load-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'Bad.Table.al'), TABLE);
  writeFileSync(join(dir, 'src', 'BadExt.TableExt.al'), EXT);
  writeFileSync(join(dir, 'src', 'Run.Codeunit.al'), CODEUNIT);
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ steps: [{ runCodeunit: 50101 }] }));
  return dir;
}

test('run --strict: a key naming an undeclared field and an unknown field type are load errors with file and line, not a crash', () => {
  const dir = workspace();
  const r = spawnSync(process.execPath, [cli, 'run', dir, '--scenario', join(dir, 'scenario.json'), '--strict'], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  assert.match(r.stderr, /Bad\.Table\.al:6:\d+: field "Amount" has type Money, which a table field cannot have/);
  assert.match(r.stderr, /and \d+ more/);
  // Lenient (the default): one summary line of the findings, the rest of the workspace runs.
  const lenient = spawnSync(process.execPath, [cli, 'run', dir, '--scenario', join(dir, 'scenario.json')], { encoding: 'utf8' });
  assert.doesNotMatch(lenient.stderr, /internal error|\n\s+at /);
  assert.match(lenient.stderr.split('\n')[0], /^al-session-lab: \d+ load findings \(.*\); loaded what could be loaded, list them with --findings FILE$/);
});

test('serve: the table loads without what is wrong, reload lists every problem with its line, the codeunit runs', async () => {
  const dir = workspace();
  const proc = spawn(process.execPath, [cli, 'serve', dir, '--clock', 'virtual'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
      proc.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const { port, token } = JSON.parse(line) as { port: number; token: string };
    const client = await RuntimeClient.connect({ port, token, client: 'test' });
    const { errors } = await client.request('reload', {});
    const at = errors.map((e) => `${e.file.endsWith('Ext.TableExt.al') ? 'ext' : e.file.endsWith('Bad.Table.al') ? 'table' : e.file}:${e.line + 1}: ${e.message}`);
    assert.ok(at.some((e) => /^table:6: field "Amount" has type Money/.test(e)), at.join('\n'));
    assert.ok(at.some((e) => /^table:7: field "Twin" \(1\) has the id of an earlier field/.test(e)), at.join('\n'));
    assert.ok(at.some((e) => /^table:11: key "PK" names field "Number", which table "Bad Key" does not have/.test(e)), at.join('\n'));
    assert.ok(at.some((e) => /^table:12: key "K2" names field "Amount"/.test(e)), at.join('\n'));
    assert.ok(at.some((e) => /^ext:9: key "ExtKey" names field "Missing"/.test(e)), at.join('\n'));
    const ended = new Promise<{ outcome: string; error?: { text: string } }>((resolve) => client.on('sessionEnded', (b) => resolve(b)));
    const messages: string[] = [];
    client.on('output', (o) => messages.push(o.text));
    await client.request('runCodeunit', { codeunit: 50101 });
    const end = await ended;
    assert.equal(end.outcome, 'completed', end.error?.text);
    // The primary key without its unknown field falls back to the first field: two rows, not one.
    assert.ok(messages.some((m) => m.includes('rows 2')), messages.join(''));
    client.dispose();
  } finally {
    proc.kill();
  }
});

test('lint: the same problems are LOAD errors at the type and at each unknown key field', () => {
  const dir = workspace();
  const r = spawnSync(process.execPath, [cli, 'lint', dir, '--format', 'json'], { encoding: 'utf8', cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] };
  const load = diagnostics.filter((d) => d.code === 'LOAD').map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message}`);
  assert.deepEqual(load, [
    'src/Bad.Table.al:6:26: error: field "Amount" has type Money, which a table field cannot have; the field is left out of the table',
    'src/Bad.Table.al:7:9: error: field "Twin" (1) has the id of an earlier field of table "Bad Key"; it is left out',
    'src/Bad.Table.al:11:17: error: key "PK" names field "Number", which table "Bad Key" does not have; the key is used without it',
    'src/Bad.Table.al:12:17: error: key "K2" names field "Amount", which table "Bad Key" does not have; the key is used without it',
    'src/BadExt.TableExt.al:9:28: error: key "ExtKey" names field "Missing", which table "Bad Key" does not have; the key is used without it',
  ]);
});
