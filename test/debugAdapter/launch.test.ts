// Debug adapter `launch` (starts `serve` itself) and configuration errors, through a real DAP client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { attach, serve, startAdapter, stopAdapter } from './harness';
import { byName, customerCard, pbtFile, scopeVariables, stoppedAt } from './realRuntime';

test('launch starts a runtime (virtual clock) for the workspace, plays the scenario and stops in the page background task', async () => {
  const { dc, log } = await startAdapter();
  try {
    const result = await attach(
      dc,
      log,
      { type: 'al-session-lab', request: 'launch', workspace: customerCard, scenario: join(customerCard, 'scenarios', 'open-customer-card.json'), breakOnNext: 'PageBackgroundTask', clock: 'virtual' },
      { breakpoints: [{ path: pbtFile, breakpoints: [{ line: 14 }] }] },
      'launch',
    );
    assert.equal(result.attach.success, true);
    const { top, threadId } = await stoppedAt({ dc, log }, 'breakpoint');
    assert.equal(top.line, 14);
    assert.ok(threadId > 0);
    // On the virtual clock no time passed between the task's start and this stop: all of its 10 s are left.
    const session = await scopeVariables(dc, top.id, 'Session');
    assert.equal(byName(session, 'Time Left').value, '10000 ms (10 s)');
  } finally {
    await stopAdapter(dc);
  }
});

test('invalid configurations are refused with the field named', async () => {
  const { dc, log } = await startAdapter();
  try {
    await assert.rejects(attach(dc, log, { type: 'al-session-lab', request: 'attach', token: 'x' }), /Invalid attach configuration: 'port' is missing/);
  } finally {
    await stopAdapter(dc);
  }
  const second = await startAdapter();
  try {
    await assert.rejects(attach(second.dc, second.log, { workspace: '/no/such/folder' }, {}, 'launch'), /Invalid launch configuration: 'workspace' is not a folder/);
  } finally {
    await stopAdapter(second.dc);
  }
});

test('a wrong token is refused with the runtime reason', async () => {
  const served = await serve(customerCard);
  const { dc, log } = await startAdapter();
  try {
    await assert.rejects(attach(dc, log, { port: served.port, token: 'not-the-token', breakOnNext: 'Any' }), /token/i);
  } finally {
    await stopAdapter(dc);
    await served.stop();
  }
});
