// `serve` refuses what is not its client, through the shipped CLI bundle and raw sockets: bad request arguments are
// that client's error only (an attach with a numeric userId broke every later session start), the hello deadline,
// the pre-authentication size cap, the authenticated message cap (--max-message-mb), idle sockets cannot lock a
// real client out, and an empty --token is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeClient } from '../../../src/protocol/client';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-harden-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(
    join(dir, 'src', 'Hello.Codeunit.al'),
    `codeunit 50110 "Say Hello"
{
    trigger OnRun()
    begin
        Message('hello from %1', UserId());
    end;
}
`,
  );
  return dir;
}

async function serve(...extra: string[]): Promise<{ proc: ChildProcess; port: number; token: string }> {
  const proc = spawn(process.execPath, [cli, 'serve', workspace(), '--clock', 'virtual', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const { port, token } = JSON.parse(line) as { port: number; token: string };
  return { proc, port, token };
}

/** A raw socket: what it received, and a promise of its closing. */
async function raw(port: number): Promise<{ socket: net.Socket; received: () => string; closed: Promise<number> }> {
  const socket = net.connect({ port, host: '127.0.0.1' });
  let text = '';
  socket.on('data', (d) => (text += d.toString()));
  socket.on('error', () => undefined);
  const t0 = Date.now();
  const closed = new Promise<number>((r) => socket.once('close', () => r(Date.now() - t0)));
  await new Promise((r) => socket.once('connect', r));
  return { socket, received: () => text, closed };
}

async function runHello(client: RuntimeClient): Promise<{ outcome: string; text?: string }> {
  const ended = new Promise<{ outcome: string; text?: string }>((resolve) => {
    const off = client.on('sessionEnded', (b) => {
      off();
      resolve({ outcome: b.outcome, text: b.error?.text });
    });
  });
  await client.request('runCodeunit', { codeunit: 'Say Hello' });
  return ended;
}

test('serve: a request with bad arguments is refused to that client only; sessions keep starting for everyone', { timeout: 20_000 }, async () => {
  const { proc, port, token } = await serve();
  try {
    const bad = await RuntimeClient.connect({ port, token, client: 'bad' });
    const good = await RuntimeClient.connect({ port, token, client: 'good' });
    await assert.rejects(bad.request('attach', { userId: 7 } as never), /attach: 'userId' must be a string/);
    await assert.rejects(bad.request('attach', { breakOnNext: 'Everything' } as never), /'breakOnNext' must be one of WebClient, Background, PageBackgroundTask, Any/);
    await assert.rejects(bad.request('setBreakpoints', { file: 'x.al', breakpoints: [{ line: 'one' }] } as never), /'breakpoints\[0\]\.line' must be an integer/);
    await assert.rejects(bad.request('runCodeunit', { codeunit: { id: 1 } } as never), /'codeunit' must be a codeunit name or id/);
    await assert.rejects(bad.request('nonsense' as never, {} as never), /unknown command 'nonsense'/);
    // The bad client is still connected and every session still starts and ends normally, for both clients.
    assert.deepEqual(await runHello(good), { outcome: 'completed', text: undefined });
    assert.deepEqual(await runHello(bad), { outcome: 'completed', text: undefined });
    bad.dispose();
    good.dispose();
  } finally {
    proc.kill();
  }
});

test('serve: no hello within 5 s closes the connection; more than 64 KB before hello closes it at once', { timeout: 20_000 }, async () => {
  const { proc, port, token } = await serve();
  try {
    const silent = await raw(port);
    const flood = await raw(port);
    flood.socket.write(Buffer.alloc(200 * 1024, 0x41));
    const floodMs = await flood.closed;
    assert.ok(floodMs < 4000, `the flooding socket was closed after ${floodMs} ms`);
    assert.match(flood.received(), /more than 65536 bytes before hello/);
    const silentMs = await silent.closed;
    assert.ok(silentMs >= 4500 && silentMs < 9000, `the silent socket was closed after ${silentMs} ms`);
    assert.match(silent.received(), /no hello within 5000 ms/);
    // A real client is unaffected.
    const client = await RuntimeClient.connect({ port, token });
    assert.ok(Array.isArray((await client.request('sessions', {})).sessions));
    client.dispose();
  } finally {
    proc.kill();
  }
});

test('serve: idle sockets cannot lock a real client out (the oldest waiting for hello makes room)', { timeout: 20_000 }, async () => {
  const { proc, port, token } = await serve();
  try {
    const idle = await Promise.all(Array.from({ length: 60 }, () => raw(port)));
    const client = await RuntimeClient.connect({ port, token, timeoutMs: 3000 });
    assert.ok(Array.isArray((await client.request('sessions', {})).sessions));
    // Everything beyond the pending limit (16) was closed to make room.
    await new Promise((r) => setTimeout(r, 300));
    const stillOpen = idle.filter((s) => !s.socket.destroyed && s.received() === '').length;
    assert.ok(stillOpen <= 16, `${stillOpen} idle sockets are still open`);
    for (const s of idle) s.socket.destroy();
    client.dispose();
  } finally {
    proc.kill();
  }
});

test('serve: an authenticated message over --max-message-mb closes that connection only', { timeout: 20_000 }, async () => {
  const { proc, port, token } = await serve('--max-message-mb', '1');
  try {
    const other = await RuntimeClient.connect({ port, token });
    const big = await raw(port);
    big.socket.write(JSON.stringify({ type: 'request', seq: 1, command: 'hello', arguments: { token, client: 'big' } }) + '\n');
    await new Promise((r) => setTimeout(r, 200));
    assert.match(big.received(), /"success":true/);
    big.socket.write(JSON.stringify({ type: 'request', seq: 2, command: 'evaluate', arguments: { session: 1, frame: 0, expression: 'x'.repeat(2 * 1024 * 1024) } }) + '\n');
    await big.closed;
    assert.match(big.received(), /a message longer than 1048576 bytes/);
    assert.ok(Array.isArray((await other.request('sessions', {})).sessions));
    other.dispose();
  } finally {
    proc.kill();
  }
});

test('serve: an empty --token is refused (it would mean no authentication)', () => {
  const r = spawnSync(process.execPath, [cli, 'serve', workspace(), '--token', ''], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--token needs a non-empty token/);
});
