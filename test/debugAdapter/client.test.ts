// Tests of the runtime protocol client (src/protocol/client.ts): handshake, correlation, events, and the errors
// it gives when the runtime refuses, breaks the protocol or goes away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { RuntimeClient, RuntimeRequestError } from '../../src/protocol/client';
import { FakeRuntime, NO_ANSWER } from './fakeRuntime';

test('hello with the right token connects; requests are answered in any order; events reach handlers', async () => {
  const fake = new FakeRuntime();
  await fake.listen();
  fake.handle('sessions', () => ({ sessions: [], queued: [] }));
  fake.handle('stackTrace', (a) => ({ frames: [{ id: 0, name: `frame of ${a.session}`, file: 'x.al', line: 1, character: 0, endLine: 1, endCharacter: 4 }] }));
  const client = await RuntimeClient.connect({ port: fake.port, token: fake.token, client: 'test' });
  assert.equal(client.clock, 'virtual');
  assert.equal(client.workspace, '/fake');
  const [a, b] = await Promise.all([client.request('stackTrace', { session: 3 }), client.request('stackTrace', { session: 4 })]);
  assert.equal(a.frames[0].name, 'frame of 3');
  assert.equal(b.frames[0].name, 'frame of 4');
  const seen: number[] = [];
  client.on('continued', (body) => seen.push(body.session));
  fake.emit('continued', { session: 9 });
  await client.request('sessions', {});
  assert.deepEqual(seen, [9]);
  assert.equal(fake.requests[0].command, 'hello');
  client.dispose();
  await fake.close();
});

test('a wrong token is refused with the runtime reason', async () => {
  const fake = new FakeRuntime();
  await fake.listen();
  await assert.rejects(RuntimeClient.connect({ port: fake.port, token: 'nope' }), /wrong token/);
  await fake.close();
});

test('a failed request rejects with the runtime message and the connection stays usable', async () => {
  const fake = new FakeRuntime();
  await fake.listen();
  fake.handle('pause', () => {
    throw new Error('session 12 does not exist');
  });
  const client = await RuntimeClient.connect({ port: fake.port, token: fake.token });
  await assert.rejects(client.request('pause', { session: 12 }), (err: unknown) => err instanceof RuntimeRequestError && !err.connectionLost && /session 12 does not exist/.test(err.message));
  await client.request('detach', {});
  client.dispose();
  await fake.close();
});

test('when the runtime goes away pending requests fail, onClose fires once, later requests fail at once', async () => {
  const fake = new FakeRuntime();
  await fake.listen();
  let received!: () => void;
  const arrived = new Promise<void>((r) => (received = r));
  fake.handle('evaluate', () => {
    received();
    return NO_ANSWER;
  });
  const client = await RuntimeClient.connect({ port: fake.port, token: fake.token });
  const reasons: string[] = [];
  client.onClose((r) => reasons.push(r));
  const pending = client.request('evaluate', { session: 1, frame: 0, expression: 'x' });
  await arrived;
  await fake.close();
  await assert.rejects(pending, (err: unknown) => err instanceof RuntimeRequestError && err.connectionLost && /evaluate: the runtime closed the connection/.test(err.message));
  assert.deepEqual(reasons, ['the runtime closed the connection']);
  assert.equal(client.closed, true);
  await assert.rejects(client.request('sessions', {}), /sessions: the runtime closed the connection/);
});

test('nothing listening: a clear connection-refused message', async () => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  await assert.rejects(RuntimeClient.connect({ port, token: 'x' }), /cannot reach the AL Session Lab runtime on 127\.0\.0\.1:\d+: connection refused/);
});

test('a peer that does not speak JSON lines is dropped with a reason', async () => {
  const server = net.createServer((s) => s.write('HTTP/1.1 400 Bad Request\r\n\r\n'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await assert.rejects(RuntimeClient.connect({ port, token: 'x' }), /the runtime sent a line that is not JSON: HTTP\/1\.1 400/);
  server.close();
});
