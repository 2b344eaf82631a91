// Unit tests of how sessions look in the debugger (thread names, the Session scope) and of the breakpoint
// option checks and exception filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionInfo } from '../../src/protocol/runtimeProtocol';
import { formatDuration, parameterRows, sessionScopeRows, threadName } from '../../src/debugAdapter/sessionView';
import { RuntimeClock } from '../../src/debugAdapter/runtimeClock';
import { checkHitCondition, checkLogMessage, filtersToOptions } from '../../src/debugAdapter/breakpoints';

const pbt: SessionInfo = {
  id: 7, kind: 'PageBackgroundTask', parent: 3, object: 'Codeunit 50100', objectName: 'PBTWaitCodeunit', state: 'stopped',
  taskId: 2, userId: 'ADMIN', startedAt: 1000, timeoutMs: 10000, deadline: 11000, parameters: { Wait: "1'000" },
};

test('thread names say kind, id, object and parent', () => {
  assert.equal(threadName(pbt), 'Page background task 7 · Codeunit 50100 PBTWaitCodeunit (child of 3)');
  assert.equal(threadName({ ...pbt, id: 4, kind: 'Background', parent: null, object: 'Codeunit 50101', objectName: 'Block All Customers' }), 'Background session 4 · Codeunit 50101 Block All Customers');
  assert.equal(threadName({ ...pbt, id: 1, kind: 'Foreground', parent: null, object: 'Page 21', objectName: '' }), 'Client session 1 · Page 21');
  assert.equal(threadName({ ...pbt, id: 1, kind: 'Foreground', parent: null, object: 'Client', objectName: 'Web client' }), 'Client session 1 · Web client');
});

test('the Session scope: kind, ids, timeout and time left from the runtime clock, parameters', () => {
  const rows = sessionScopeRows(pbt, 4000);
  const get = (name: string) => rows.find((r) => r.name === name)?.value;
  assert.equal(get('Kind'), 'PageBackgroundTask');
  assert.equal(get('Session Id'), '7');
  assert.equal(get('Parent Session'), '3');
  assert.equal(get('Task Id'), '2');
  assert.equal(get('Timeout'), '10000 ms (10 s)');
  assert.equal(get('Time Left'), '7000 ms (7 s)');
  assert.equal(get('State'), 'stopped');
  assert.equal(sessionScopeRows({ ...pbt, state: 'running', stoppedReason: 'breakpoint' }, 0).find((r) => r.name === 'State')?.value, 'stopped (breakpoint)');
  assert.equal(rows.find((r) => r.name === 'Parameters')?.parameters, true);
  assert.deepEqual(parameterRows(pbt), [{ name: 'Wait', value: "'1''000'", type: 'Text' }]);
  assert.equal(sessionScopeRows(pbt, 12000).find((r) => r.name === 'Time Left')?.value, 'expired');
  // Without a clock reading the time left is left out rather than guessed.
  assert.equal(sessionScopeRows(pbt, undefined).some((r) => r.name === 'Time Left'), false);
  const fg = sessionScopeRows({ ...pbt, kind: 'Foreground', parent: null, taskId: undefined, timeoutMs: undefined, deadline: undefined, parameters: undefined }, 0);
  assert.deepEqual(fg.map((r) => r.name), ['Kind', 'Session Id', 'Parent Session', 'Object', 'User Id', 'State']);
  // The company the session runs in, when the runtime says it.
  assert.deepEqual(sessionScopeRows({ ...pbt, company: 'Fabrikam' }, 0).filter((r) => r.name === 'Company').map((r) => r.value), ['Fabrikam']);
  assert.equal(formatDuration(120000), '120000 ms (2 min)');
  assert.equal(formatDuration(250), '250 ms');
});

test('hit counts and log messages are checked before the runtime sees them', () => {
  for (const ok of ['5', '== 5', '>= 3', '>3', '< 2', '<= 10', '% 2', ' %3 ']) assert.equal(checkHitCondition(ok), undefined, ok);
  assert.match(checkHitCondition('often')!, /hit count 'often' is not understood/);
  assert.match(checkHitCondition('% 0')!, /would never stop/);
  assert.match(checkHitCondition('5 times')!, /not understood/);
  assert.equal(checkLogMessage('Total is {Total} after {Counter} rounds'), undefined);
  assert.match(checkLogMessage('a {} b')!, /empty \{\}/);
  assert.match(checkLogMessage('a {b {c}}')!, /inside an \{expression\}/);
  assert.match(checkLogMessage('Total is {Total')!, /not closed/);
  assert.match(checkLogMessage('a } b')!, /without '\{'/);
});

test('exception filters map to breakOnError / breakOnRecordWrite', () => {
  assert.deepEqual(filtersToOptions([]), { breakOnError: 'None', breakOnRecordWrite: 'None' });
  assert.deepEqual(filtersToOptions(['allErrors', 'errorsOutsideTry']), { breakOnError: 'All', breakOnRecordWrite: 'None' });
  assert.deepEqual(filtersToOptions(['errorsOutsideTry', 'recordWritesNotTemporary']), { breakOnError: 'ExcludeTry', breakOnRecordWrite: 'ExcludeTemporary' });
  assert.deepEqual(filtersToOptions(['recordWrites', 'recordWritesNotTemporary']), { breakOnError: 'None', breakOnRecordWrite: 'All' });
});

test('the runtime clock: real is the machine clock; virtual comes from a session seen on both scales', () => {
  const before = Date.now();
  const real = new RuntimeClock('real').now()!;
  assert.ok(real >= before && real <= Date.now());
  const virtual = new RuntimeClock('virtual');
  assert.equal(virtual.now(), undefined, 'unknown until a session was seen');
  virtual.timeline({ event: 'sessionStarted', t: 250, session: 7 });
  virtual.session({ ...pbt, id: 7, startedAt: 1_000_250 });
  virtual.timeline({ event: 'message', t: 900, session: 7 });
  assert.equal(virtual.now(), 1_000_900);
});
