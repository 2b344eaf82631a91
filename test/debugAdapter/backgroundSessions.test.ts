// Debug adapter end to end on the test workspace (test/fixtures/debug-workspace) against the real `serve`:
// several stopped sessions, errors, record writes, conditional / hit-count / log breakpoints, pause, 0-based lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { byName, countingFile, debugWorkspace, eventually, failingFile, loopFile, rig, scopeVariables, stoppedAt } from './realRuntime';

test('two background sessions stopped at once; continue acts on one thread while the other stays stopped', async () => {
  const r = await rig(debugWorkspace, { breakOnNext: 'Background' }, { breakpoints: [{ path: countingFile, breakpoints: [{ line: 13 }] }] });
  try {
    await r.user.request('runCodeunit', { codeunit: 50213 });
    const first = await stoppedAt(r, 'breakpoint');
    const second = await stoppedAt(r, 'breakpoint', (e) => e.body.threadId !== first.threadId);
    assert.notEqual(first.threadId, second.threadId);

    await r.dc.continueRequest({ threadId: first.threadId, singleThread: true });
    const again = await stoppedAt(r, 'breakpoint', (e) => e.body.threadId === first.threadId);
    const counterFirst = byName(await scopeVariables(r.dc, again.top.id, 'Locals'), 'Counter').value;
    assert.equal(counterFirst, '2');
    // The other session did not move: its frames are still valid and its counter is still 1.
    const counterSecond = byName(await scopeVariables(r.dc, second.top.id, 'Locals'), 'Counter').value;
    assert.equal(counterSecond, '1');

    await r.dc.setBreakpointsRequest({ source: { path: countingFile }, breakpoints: [] });
    await r.dc.continueRequest({ threadId: first.threadId });
    await r.dc.continueRequest({ threadId: second.threadId });
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === first.threadId);
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === second.threadId);
  } finally {
    await r.close();
  }
});

test('break on error in a background session: the AL error text, code and call stack; try functions per filter', async () => {
  const r = await rig(debugWorkspace, { breakOnNext: 'Background' }, { exceptionFilters: ['allErrors'] });
  try {
    await r.user.request('runCodeunit', { codeunit: 50211 });
    const inTry = await stoppedAt(r, 'exception');
    assert.match(inTry.event.body.description ?? '', /^Paused on AL error/);
    assert.equal(inTry.event.body.text, 'Check of C00010 failed inside a try function.');
    assert.equal(inTry.top.source?.path, failingFile);
    assert.equal(inTry.top.line, 17);
    const info1 = await r.dc.exceptionInfoRequest({ threadId: inTry.threadId });
    assert.equal(info1.body.description, 'Check of C00010 failed inside a try function.');
    await r.dc.continueRequest({ threadId: inTry.threadId });

    const outside = await stoppedAt(r, 'exception', (e) => e.body.threadId === inTry.threadId);
    assert.equal(outside.top.line, 11);
    const info2 = await r.dc.exceptionInfoRequest({ threadId: outside.threadId });
    assert.equal(info2.body.description, 'Customer C00020 cannot be processed in the background.');
    assert.match(info2.body.details?.stackTrace ?? '', /Failing Job/);
    assert.ok(info2.body.exceptionId);
    await r.dc.continueRequest({ threadId: outside.threadId });
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === outside.threadId);

    // Errors outside try functions only: the caught error no longer stops the session.
    await r.dc.setExceptionBreakpointsRequest({ filters: ['errorsOutsideTry'] });
    await r.user.request('runCodeunit', { codeunit: 50211 });
    const only = await stoppedAt(r, 'exception', (e) => e.body.threadId !== outside.threadId);
    assert.equal(only.top.line, 11);
    assert.equal((await r.dc.exceptionInfoRequest({ threadId: only.threadId })).body.breakMode, 'userUnhandled');
  } finally {
    await r.close();
  }
});

test('conditional, hit-count and log-message breakpoints', async () => {
  const r = await rig(
    debugWorkspace,
    { breakOnNext: 'Background' },
    { breakpoints: [{ path: countingFile, breakpoints: [{ line: 13, condition: 'Counter = 4' }, { line: 14, hitCondition: '% 5' }, { line: 16, logMessage: 'Total is {Total} after {Counter} rounds' }] }] },
  );
  try {
    assert.deepEqual(r.breakpoints[0].map((b) => b.verified), [true, true, true]);
    await r.user.request('runCodeunit', { codeunit: 50212 });
    const [condBp, hitBp] = r.breakpoints[0];
    const cond = await stoppedAt(r, 'breakpoint');
    assert.equal(cond.top.line, 13);
    assert.deepEqual(cond.event.body.hitBreakpointIds, [condBp.id], 'the conditional breakpoint stopped it');
    assert.equal((await r.dc.evaluateRequest({ expression: 'Counter', frameId: cond.top.id, context: 'hover' })).body.result, '4');
    const names = byName(await scopeVariables(r.dc, cond.top.id, 'Locals'), 'Names');
    assert.ok(names.variablesReference > 0, 'a list expands');
    const items = (await r.dc.variablesRequest({ variablesReference: names.variablesReference })).body.variables;
    assert.deepEqual(items.map((v) => v.value), ["'1'", "'2'", "'3'"]);
    await r.dc.continueRequest({ threadId: cond.threadId });
    const hit5 = await stoppedAt(r, 'breakpoint', (e) => e.body.threadId === cond.threadId);
    assert.equal(hit5.top.line, 14);
    assert.deepEqual(hit5.event.body.hitBreakpointIds, [hitBp.id], 'the hit-count breakpoint stopped it');
    assert.equal((await r.dc.evaluateRequest({ expression: 'Counter', frameId: hit5.top.id, context: 'repl' })).body.result, '5');
    await r.dc.continueRequest({ threadId: cond.threadId });
    const hit10 = await stoppedAt(r, 'breakpoint', (e) => e.body.threadId === cond.threadId);
    assert.equal((await r.dc.evaluateRequest({ expression: 'Counter', frameId: hit10.top.id, context: 'watch' })).body.result, '10');
    await r.dc.continueRequest({ threadId: cond.threadId });
    const out = await r.log.next<DebugProtocol.OutputEvent>('output', (e) => /Total is/.test(e.body.output));
    assert.match(out.body.output, /Total is 55 after 11 rounds|Total is 55 after 10 rounds/);
    assert.equal(out.body.source?.path, countingFile);
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === cond.threadId);
  } finally {
    await r.close();
  }
});

test('stopped events name every breakpoint that stopped the session, never a log point or a step', async () => {
  // Line 11 has no statement and moves to line 12, where the second breakpoint is: both stop there.
  const r = await rig(
    debugWorkspace,
    { breakOnNext: 'Background' },
    { breakpoints: [{ path: countingFile, breakpoints: [{ line: 11 }, { line: 12 }, { line: 13, logMessage: 'Counter {Counter}' }, { line: 14, condition: 'Counter = 2' }] }] },
  );
  try {
    const [moved, onFor, logPoint, cond] = r.breakpoints[0];
    assert.deepEqual([moved.line, onFor.line], [12, 12]);
    assert.equal(new Set([moved.id, onFor.id, logPoint.id, cond.id]).size, 4, 'distinct ids');
    await r.user.request('runCodeunit', { codeunit: 50212 });
    const both = await stoppedAt(r, 'breakpoint');
    assert.equal(both.top.line, 12);
    assert.deepEqual([...(both.event.body.hitBreakpointIds ?? [])].sort((a, b) => a - b), [moved.id!, onFor.id!].sort((a, b) => a - b));
    await r.dc.nextRequest({ threadId: both.threadId });
    const step = await stoppedAt(r, 'step', (e) => e.body.threadId === both.threadId);
    assert.equal(step.event.body.hitBreakpointIds, undefined, 'a step is no breakpoint hit');
    await r.dc.continueRequest({ threadId: both.threadId });
    const second = await stoppedAt(r, 'breakpoint', (e) => e.body.threadId === both.threadId);
    assert.equal(second.top.line, 14);
    assert.deepEqual(second.event.body.hitBreakpointIds, [cond.id]);
    await r.log.next<DebugProtocol.OutputEvent>('output', (e) => /Counter 2/.test(e.body.output));
    await r.dc.setBreakpointsRequest({ source: { path: countingFile }, breakpoints: [] });
    await r.dc.continueRequest({ threadId: both.threadId });
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === both.threadId);
  } finally {
    await r.close();
  }
});

test('step in to a procedure and out again; the other frames stay inspectable', async () => {
  const r = await rig(debugWorkspace, { breakOnNext: 'Background' }, { breakpoints: [{ path: countingFile, breakpoints: [{ line: 13 }] }] });
  try {
    await r.user.request('runCodeunit', { codeunit: 50212 });
    const at = await stoppedAt(r, 'breakpoint');
    await r.dc.setBreakpointsRequest({ source: { path: countingFile }, breakpoints: [] });
    await r.dc.stepInRequest({ threadId: at.threadId });
    const inside = await stoppedAt(r, 'step', (e) => e.body.threadId === at.threadId);
    assert.equal(inside.top.line, 24);
    assert.match(inside.top.name, /AddTo/);
    assert.equal(inside.frames.length, 2);
    assert.match(inside.frames[1].name, /OnRun/);
    assert.equal(byName(await scopeVariables(r.dc, inside.top.id, 'Parameters'), 'Value').value, '1');
    assert.equal(byName(await scopeVariables(r.dc, inside.frames[1].id, 'Locals'), 'Counter').value, '1');
    await r.dc.stepOutRequest({ threadId: at.threadId });
    const back = await stoppedAt(r, 'step', (e) => e.body.threadId === at.threadId);
    assert.match(back.top.name, /OnRun/);
    assert.ok(back.top.line === 13 || back.top.line === 14, `back in OnRun at line ${back.top.line}`);
    await r.dc.continueRequest({ threadId: at.threadId });
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === at.threadId);
  } finally {
    await r.close();
  }
});

test('a line without a statement moves to the next statement with a reason; bad hit counts are refused by name', async () => {
  const r = await rig(debugWorkspace, { breakOnNext: 'Background' }, { breakpoints: [{ path: countingFile, breakpoints: [{ line: 11 }, { line: 13, hitCondition: 'often' }] }] });
  try {
    const [moved, bad] = r.breakpoints[0];
    assert.equal(moved.verified, true);
    assert.equal(moved.line, 12);
    assert.ok(moved.message, 'the move is explained');
    assert.equal(bad.verified, false);
    assert.match(bad.message ?? '', /hit count 'often' is not understood/);
  } finally {
    await r.close();
  }
});

test('pause a session in an endless loop, inspect and change a variable, step, then detach leaves it running', async () => {
  const r = await rig(debugWorkspace, { breakOnNext: 'Background' });
  try {
    await r.user.request('runCodeunit', { codeunit: 50210 });
    const started = await r.log.next<DebugProtocol.ThreadEvent>('thread', (e) => e.body.reason === 'started');
    let loopThread = started.body.threadId;
    loopThread = await eventually('the loop session thread', async () => {
      const threads = (await r.dc.threadsRequest()).body.threads;
      return threads.find((t) => /^Background session \d+ · Codeunit 50200/.test(t.name))?.id;
    });
    await r.dc.pauseRequest({ threadId: loopThread });
    const paused = await stoppedAt(r, 'pause');
    assert.equal(paused.threadId, loopThread);
    assert.equal(paused.top.source?.path, loopFile);
    assert.ok(paused.top.line >= 8 && paused.top.line <= 11, `paused inside the loop, line ${paused.top.line}`);
    const locals = await scopeVariables(r.dc, paused.top.id, 'Locals');
    const rounds = byName(locals, 'Rounds');
    const scopes = await r.dc.scopesRequest({ frameId: paused.top.id });
    const localsRef = scopes.body.scopes.find((s) => s.name === 'Locals')!.variablesReference;
    const set = await r.dc.setVariableRequest({ variablesReference: localsRef, name: rounds.name, value: '-5' });
    assert.equal(set.body.value, '-5');
    assert.equal((await r.dc.evaluateRequest({ expression: 'Rounds * 2', frameId: paused.top.id, context: 'repl' })).body.result, '-10');
    await r.dc.nextRequest({ threadId: loopThread });
    await stoppedAt(r, 'step', (e) => e.body.threadId === loopThread);

    await r.dc.disconnectRequest({});
    const sessions = await eventually('the loop to run again', async () => {
      const s = (await r.user.request('sessions', {})).sessions.find((x) => x.id === loopThread);
      return s && s.state === 'running' ? s : undefined;
    });
    assert.equal(sessions.state, 'running');
    await r.user.request('stopSession', { session: loopThread });
  } finally {
    await r.close();
  }
});

test('record writes break before the insert; 0-based lines when the client asks for them', async () => {
  const r = await rig(debugWorkspace, { breakOnNext: 'Background' }, { exceptionFilters: ['recordWrites'], initialize: { adapterID: 'al-session-lab', linesStartAt1: false, columnsStartAt1: false } });
  try {
    await r.user.request('runCodeunit', { codeunit: 50212 });
    const write = await stoppedAt(r, 'data breakpoint');
    assert.equal(write.top.source?.path, countingFile);
    assert.equal(write.top.line, 18, 'Entry.Insert() is line 19, 18 counted from 0');
    assert.equal(write.top.column, 8);
    await r.dc.continueRequest({ threadId: write.threadId });
    await r.log.next('thread', (e) => e.body.reason === 'exited' && e.body.threadId === write.threadId);
  } finally {
    await r.close();
  }
});
