// The AL attach rules end to end against the real `serve`: userId and stopOnEntry pick which sessions stop,
// sessionId attaches to an ongoing session (which can then be paused).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { attach, startAdapter, stopAdapter } from './harness';
import { countingFile, debugWorkspace, eventually, loopFile, rig, stoppedAt } from './realRuntime';

test("stopOnEntry stops the user's next background session at its first statement; another user's session runs by", async () => {
  // The runtime's user is USER; the match ignores letter case as BC does.
  const r = await rig(debugWorkspace, { breakOnNext: 'Background', userId: 'user', stopOnEntry: true });
  try {
    await r.user.request('runCodeunit', { codeunit: 50212 });
    const entry = await stoppedAt(r, 'entry');
    assert.equal(entry.top.source?.path, countingFile);
    assert.equal(entry.top.line, 12, 'the first statement of OnRun');
    await r.dc.continueRequest({ threadId: entry.threadId });
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === entry.threadId);
  } finally {
    await r.close();
  }

  const other = await rig(debugWorkspace, { breakOnNext: 'Background', userId: 'SOMEONE ELSE', stopOnEntry: true });
  try {
    const { session: starter } = await other.user.request('runCodeunit', { codeunit: 50212 });
    // The starter's background session comes and goes without a stop.
    const started = await other.log.next<DebugProtocol.ThreadEvent>('thread', (e) => e.body.reason === 'started' && e.body.threadId !== starter);
    await other.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === started.body.threadId);
    assert.equal(other.log.events.filter((e) => e.event === 'stopped').length, 0);
  } finally {
    await other.close();
  }
});

test('sessionId attaches to an ongoing session, which can then be paused', async () => {
  const r = await rig(debugWorkspace, { breakOnNext: 'WebClient' });
  try {
    const loopStarted = new Promise<number>((resolve) =>
      r.user.on('sessionStarted', (info) => {
        if (info.kind === 'Background' && info.object === 'Codeunit 50200') resolve(info.id);
      }),
    );
    await r.user.request('runCodeunit', { codeunit: 50210 });
    const loop = await loopStarted;
    // The first debugger (WebClient sessions only) does not own the loop; a second one attaches to it by id.
    const second = await startAdapter();
    try {
      await attach(second.dc, second.log, { port: r.served.port, token: r.served.token, sessionId: loop });
      const threads = (await second.dc.threadsRequest()).body.threads;
      assert.ok(threads.some((t) => t.id === loop && /^Background session \d+ · Codeunit 50200/.test(t.name)), JSON.stringify(threads));
      await second.dc.pauseRequest({ threadId: loop });
      const paused = await stoppedAt(second, 'pause');
      assert.equal(paused.threadId, loop);
      assert.equal(paused.top.source?.path, loopFile);
      await second.dc.disconnectRequest({});
      await eventually('the loop to run again after detach', async () => {
        const s = (await r.user.request('sessions', {})).sessions.find((x) => x.id === loop);
        return s?.state === 'running' ? true : undefined;
      });
    } finally {
      await stopAdapter(second.dc);
      await r.user.request('stopSession', { session: loop }).catch(() => undefined);
    }
  } finally {
    await r.close();
  }
});

test('Debug This Session during a debug session: the running session joins it (alSessionLab.debugSession), no second debugger', async () => {
  const r = await rig(debugWorkspace, { breakOnNext: 'WebClient' });
  let loop: number | undefined;
  try {
    const loopStarted = new Promise<number>((resolve) =>
      r.user.on('sessionStarted', (info) => {
        if (info.kind === 'Background' && info.object === 'Codeunit 50200') resolve(info.id);
      }),
    );
    await r.user.request('runCodeunit', { codeunit: 50210 });
    loop = await loopStarted;
    // Not owned by this debugger (WebClient only): pausing it is refused until it joins.
    const joined = await r.dc.customRequest('alSessionLab.debugSession', { sessionId: loop });
    assert.equal(joined.body.session, loop);
    await r.dc.pauseRequest({ threadId: loop });
    const paused = await stoppedAt(r, 'pause');
    assert.equal(paused.threadId, loop);
    assert.equal(paused.top.source?.path, loopFile);
    await r.dc.continueRequest({ threadId: loop });
    await assert.rejects(r.dc.customRequest('alSessionLab.debugSession', { sessionId: 999999 }), /session 999999 is not running/);
  } finally {
    if (loop !== undefined) await r.user.request('stopSession', { session: loop }).catch(() => undefined);
    await r.close();
  }
});
