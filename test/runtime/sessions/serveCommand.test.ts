// The shipped CLI bundle's `serve` command through the shared protocol client: port and token, refusal of a
// wrong token, attach to the next page background task, a breakpoint in it, stack, variables, continue,
// pages, sessions and the timeline; `--scenario` plays once the first debugger attached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { RuntimeClient } from '../../../src/protocol/client';
import type { Events } from '../../../src/protocol/runtimeProtocol';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const example = join(root, 'examples', 'customer-card');

async function serve(...extra: string[]): Promise<{ proc: ChildProcess; port: number; token: string }> {
  const proc = spawn(process.execPath, [cli, 'serve', example, ...extra], { stdio: ['pipe', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const { port, token } = JSON.parse(line) as { port: number; token: string };
  return { proc, port, token };
}

function next<E extends keyof Events>(client: RuntimeClient, event: E, where: (b: Events[E]) => boolean = () => true): Promise<Events[E]> {
  return new Promise((resolve) => {
    const off = client.on(event, (b) => {
      if (where(b)) {
        off();
        resolve(b);
      }
    });
  });
}

test('serve: token handshake, attach to the next page background task, break, inspect, continue, page fields', async () => {
  const { proc, port, token } = await serve('--clock', 'virtual', '--data', join(example, 'scenarios', 'open-customer-card.json'));
  try {
    // A wrong token gets an error and the connection is closed.
    await assert.rejects(RuntimeClient.connect({ port, token: 'wrong' }), /wrong token/);
    const raw = net.connect({ port, host: '127.0.0.1' });
    await new Promise((r) => raw.once('connect', r));
    raw.write(JSON.stringify({ type: 'request', seq: 1, command: 'sessions', arguments: {} }) + '\n');
    const refused = await new Promise<string>((r) => raw.once('data', (d) => r(d.toString())));
    assert.match(refused, /"success":false.*first request must be hello/);

    const client = await RuntimeClient.connect({ port, token, client: 'test' });
    assert.equal(client.clock, 'virtual');
    const file = join(example, 'src', 'PBTWaitCodeunit.Codeunit.al');
    const bps = await client.request('setBreakpoints', { file, breakpoints: [{ line: 13 }] });
    assert.equal(bps.breakpoints[0].verified, true);
    await client.request('attach', { breakOnNext: 'PageBackgroundTask', breakOnError: 'All' });
    const stopped = next(client, 'stopped');
    const page = await client.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' } });
    assert.equal(page.name, 'Customer Card');
    const stop = await stopped;
    assert.equal(stop.reason, 'breakpoint');
    const { sessions } = await client.request('sessions', {});
    const child = sessions.find((s) => s.id === stop.session)!;
    assert.equal(child.kind, 'PageBackgroundTask');
    assert.equal(child.parameters?.Wait, '1000');
    const { frames } = await client.request('stackTrace', { session: stop.session });
    assert.equal(frames[0].line, 13);
    assert.match(frames[0].name, /OnRun/);
    const { scopes } = await client.request('scopes', { session: stop.session, frame: frames[0].id });
    const locals = scopes.find((s) => s.name === 'Locals')!;
    const { variables } = await client.request('variables', { session: stop.session, reference: locals.reference });
    assert.match(variables.find((v) => v.name === 'WaitTime')?.value ?? '', /^1,?000$/);
    const filled = next(client, 'pageChanged', (p) => p.groups.some((g) => g.fields.some((f) => f.name === 'After1' && f.value !== '')));
    await client.request('continue', { session: stop.session });
    const changed = await filled;
    assert.equal(changed.groups.flatMap((g) => g.fields).find((f) => f.name === 'Duration1')?.value, '1000');
    const { events } = await client.request('timeline', {});
    assert.ok(events.some((e) => e.event === 'trigger' && e.name === 'OnPageBackgroundTaskCompleted'));
    await client.request('closePage', { pageInstanceId: page.pageInstanceId });
    client.dispose();
  } finally {
    proc.kill();
  }
});

test('serve --scenario plays the scenario once the first debugger attached', async () => {
  const { proc, port, token } = await serve('--clock', 'virtual', '--scenario', join(example, 'scenarios', 'block-customers.json'));
  try {
    const client = await RuntimeClient.connect({ port, token });
    const bgStarted = next(client, 'sessionStarted', (s) => s.kind === 'Background');
    const bgStopped = next(client, 'stopped');
    await client.request('attach', { breakOnNext: 'Background', stopOnEntry: true });
    const info = await bgStarted;
    assert.equal(info.object, 'Codeunit 50101');
    const stop = await bgStopped;
    assert.equal(stop.session, info.id);
    const ended = next(client, 'sessionEnded', (e) => e.session === info.id);
    await client.request('continue', { session: info.id });
    assert.equal((await ended).outcome, 'completed');
    client.dispose();
  } finally {
    proc.kill();
  }
});

test('serve: attach filters by userId and kind; detach resumes the sessions the debugger stopped', async () => {
  const { proc, port, token } = await serve('--clock', 'virtual', '--data', join(example, 'scenarios', 'open-customer-card.json'));
  try {
    const client = await RuntimeClient.connect({ port, token });
    const stops: number[] = [];
    client.on('stopped', (b) => stops.push(b.session));
    // Another user's sessions are not debugged: the background session runs through.
    await client.request('attach', { breakOnNext: 'Background', stopOnEntry: true, userId: 'SOMEONE ELSE' });
    const page = await client.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' } });
    let ended = next(client, 'sessionEnded', (e) => e.outcome === 'completed');
    const first = next(client, 'sessionStarted', (s) => s.kind === 'Background');
    await client.request('invokeAction', { pageInstanceId: page.pageInstanceId, action: 'BlockAllCustomers' });
    const bg1 = await first;
    assert.equal((await ended).session !== undefined, true);
    assert.deepEqual(stops, []);
    // This user's next background session stops on entry; the page task (another kind) does not.
    await client.request('attach', { breakOnNext: 'Background', stopOnEntry: true });
    const stopped = next(client, 'stopped');
    await client.request('invokeAction', { pageInstanceId: page.pageInstanceId, action: 'BlockAllCustomers' });
    const stop = await stopped;
    assert.notEqual(stop.session, bg1.id);
    const { sessions } = await client.request('sessions', {});
    assert.equal(sessions.find((s) => s.id === stop.session)?.kind, 'Background');
    ended = next(client, 'sessionEnded', (e) => e.session === stop.session);
    await client.request('detach', {});
    assert.equal((await ended).outcome, 'completed');
    await assert.rejects(client.request('continue', { session: 999 }), /not running/);
    const reloaded = await client.request('reload', {});
    assert.ok(reloaded.objects >= 6);
    assert.deepEqual(reloaded.errors, []);
    client.dispose();
  } finally {
    proc.kill();
  }
});

test('serve keeps only the latest eventHistoryLimit timeline events; a client asking for older ones is told they are gone', async () => {
  const { proc, port, token } = await serve('--clock', 'virtual', '--set', 'eventHistoryLimit=40', '--data', join(example, 'scenarios', 'open-customer-card.json'));
  try {
    const client = await RuntimeClient.connect({ port, token, client: 'test' });
    let seen = 0;
    client.on('timeline', () => seen++);
    for (let i = 0; i < 5; i++) {
      const page = await client.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' } });
      await client.request('closePage', { pageInstanceId: page.pageInstanceId });
    }
    const all = await client.request('timeline', {});
    assert.ok(all.total > 60, `enough events to overflow the history (${all.total})`);
    assert.ok(all.events.length >= 40 && all.events.length <= 44, `kept ${all.events.length}`);
    assert.equal(all.from + all.events.length, all.total, 'the latest ones are kept');
    assert.equal(all.missing, all.from);
    assert.match(all.truncated ?? '', /^events 0 to \d+ are no longer kept: the runtime keeps the latest 40 \(setting eventHistoryLimit\)$/);
    // Asking from a kept event on gives exactly the rest, with nothing missing.
    const tail = await client.request('timeline', { from: all.total - 3 });
    assert.equal(tail.events.length, 3);
    assert.equal(tail.missing, 0);
    assert.equal(tail.truncated, undefined);
    await assert.rejects(client.request('timeline', { from: -1 }), /'from' must be an event number/);
    assert.ok(seen >= all.total - 5, 'streamed events are not limited');
    client.dispose();
  } finally {
    proc.kill();
  }
});

test('serve --data with companies: pages open in the company the request names; unknown companies are refused', async () => {
  const data = join(mkdtempSync(join(tmpdir(), 'lab-serve-companies-')), 'data.json');
  writeFileSync(data, JSON.stringify({
    data: { Customer: [{ 'No.': '10000', Name: 'Adatum Corporation' }] },
    companies: ['Contoso'],
    companyData: { Fabrikam: { Customer: [{ 'No.': '90000', Name: 'Fabrikam Only' }] } },
  }));
  const { proc, port, token } = await serve('--clock', 'virtual', '--data', data);
  try {
    const client = await RuntimeClient.connect({ port, token, client: 'test' });
    const page = await client.request('openPage', { page: 'Customer Card', record: { 'No.': '90000' }, company: 'fabrikam' });
    assert.equal(page.recordId, 'Customer: 90000');
    assert.equal(page.groups.flatMap((g) => g.fields).find((f) => f.name === 'Name')?.value, 'Fabrikam Only');
    const { sessions } = await client.request('sessions', {});
    assert.ok(sessions.some((s) => s.kind === 'Foreground' && s.company === 'Fabrikam'), JSON.stringify(sessions));
    await assert.rejects(client.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' }, company: 'Nowhere' }), /there is no company "Nowhere" in the database \(companies: "CRONUS International Ltd\.", "Contoso", "Fabrikam"\)/);
    await assert.rejects(client.request('openPage', { page: 'Customer Card', record: { 'No.': '90000' } }), /90000/);
    client.dispose();
  } finally {
    proc.kill();
  }
});
