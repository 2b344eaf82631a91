// The debug API through the Engine: pause, breakpoints (plain, conditional, hit count, log points), stepping
// in/over/out by frame depth, frames and scopes, evaluate without side effects, setVariable, break on error
// (All / ExcludeTry), break on record write, stop on entry, and a policy attached while running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DebugPolicy, Execution, StepResult } from '../../../src/runtime/contracts';
import { Database } from '../../../src/runtime/store';
import { CUSTOMER_AL, TestServices, drive, engineWith } from './support';

const FILE = '/ws/Debug.Codeunit.al';
// Line numbers below are 0-based (as in the contract).
const SOURCE = `codeunit 50010 DebugMe
{
    trigger OnRun()
    var
        i: Integer;
        Total: Integer;
        Names: List of [Text];
    begin
        Names.Add('a');
        for i := 1 to 5 do
            Total += Square(i);
        Message('total %1', Total);
    end;

    procedure Square(n: Integer): Integer
    var
        r: Integer;
    begin
        r := n * n;
        exit(r);
    end;

    procedure Fail()
    begin
        Error('failing on purpose');
    end;

    [TryFunction]
    procedure TryFail()
    begin
        Fail();
    end;
}
`;

function setup(policy: Partial<DebugPolicy> = {}, body?: string) {
  const engine = engineWith({ [FILE]: body ?? SOURCE, '/ws/customer.al': CUSTOMER_AL });
  const db = new Database(engine.tables());
  const services = new TestServices(db.begin(1));
  const p: DebugPolicy = { attached: true, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None', ...policy };
  return { engine, services, policy: p };
}

function paused(r: StepResult, reason: string): void {
  assert.equal(r.state, 'paused', JSON.stringify(r));
  assert.equal(r.state === 'paused' && r.reason, reason);
}

function line(exec: Execution, frame = 0): number {
  return exec.debug.frames()[frame].location.line;
}

test('a breakpoint resolves to the next statement and stops with frames, scopes and variables', () => {
  const { engine, services, policy } = setup();
  const [bp] = engine.setBreakpoints(FILE, [{ line: 17 }]); // `begin` of Square -> first statement (line 18)
  assert.equal(bp.verified, true);
  assert.equal(bp.line, 18);
  const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50010 }, policy);
  paused(exec.run(1000), 'breakpoint');
  const frames = exec.debug.frames();
  assert.deepEqual(frames.map((f) => [f.name, f.location.line]), [['DebugMe.Square', 18], ['DebugMe.OnRun', 10]]);
  assert.equal(frames[0].location.file, FILE);
  const scopes = exec.debug.scopes(0);
  assert.deepEqual(scopes.map((s) => s.name), ['Locals', 'Parameters']);
  assert.deepEqual(exec.debug.variables(scopes[1].reference).map((v) => [v.name, v.value, v.type]), [['n', '1', 'Integer']]);
  const outer = exec.debug.scopes(1);
  const locals = exec.debug.variables(outer[0].reference);
  assert.deepEqual(locals.map((v) => v.name), ['i', 'Total', 'Names']);
  const names = locals.find((v) => v.name === 'Names')!;
  assert.ok(names.reference > 0);
  assert.deepEqual(exec.debug.variables(names.reference).map((v) => [v.name, v.value]), [['[1]', "'a'"]]);
  // Continue: stops at the same breakpoint for the next call.
  exec.debug.resume('continue');
  paused(exec.run(1000), 'breakpoint');
  assert.equal(exec.debug.variables(exec.debug.scopes(0)[1].reference)[0].value, '2');
  engine.setBreakpoints(FILE, []);
  exec.debug.resume('continue');
  assert.equal(drive(exec, services).state, 'completed');
  assert.deepEqual(services.messages, ['total 55']);
});

test('conditions, hit counts and log points are evaluated by the engine', () => {
  const { engine, services } = setup();
  const logs: string[] = [];
  const policy: DebugPolicy = { attached: true, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None', log: (t) => logs.push(t) };
  engine.setBreakpoints(FILE, [{ line: 18, condition: 'n = 4' }, { line: 19, logMessage: 'r is {r} for {n}' }]);
  const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50010 }, policy);
  paused(exec.run(1000), 'breakpoint');
  assert.equal(exec.debug.evaluate(0, 'n').value, '4');
  assert.deepEqual(logs, ['r is 1 for 1', 'r is 4 for 2', 'r is 9 for 3']);
  exec.debug.resume('continue');
  assert.equal(drive(exec, services).state, 'completed');
  assert.equal(logs.length, 5);

  const second = setup();
  second.engine.setBreakpoints(FILE, [{ line: 18, hitCondition: '3' }]);
  const e2 = second.engine.start(second.services, { kind: 'codeunitRun', codeunit: 50010 }, second.policy);
  paused(e2.run(1000), 'breakpoint');
  assert.equal(e2.debug.evaluate(0, 'n').value, '3');
});

test('step over, step in and step out follow frame depth', () => {
  const { engine, services, policy } = setup();
  engine.setBreakpoints(FILE, [{ line: 10 }]);
  const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50010 }, policy);
  paused(exec.run(1000), 'breakpoint');
  assert.equal(line(exec), 10);
  engine.setBreakpoints(FILE, []);
  exec.debug.resume('stepIn');
  paused(exec.run(1000), 'step');
  assert.equal(exec.debug.frames()[0].name, 'DebugMe.Square');
  assert.equal(line(exec), 18);
  exec.debug.resume('stepOver');
  paused(exec.run(1000), 'step');
  assert.equal(line(exec), 19);
  exec.debug.resume('stepOut');
  paused(exec.run(1000), 'step');
  assert.equal(exec.debug.frames().length, 1);
  assert.equal(line(exec), 10); // the loop body again (next iteration)
  exec.debug.resume('stepOver');
  paused(exec.run(1000), 'step');
  assert.equal(exec.debug.frames().length, 1, 'step over does not enter Square');
  exec.debug.resume('continue');
  assert.equal(drive(exec, services).state, 'completed');
});

test('pause stops at the next statement and never blocks: other executions keep running', () => {
  const { engine, services, policy } = setup({}, `codeunit 50010 Loop
{
    trigger OnRun()
    var
        i: Integer;
    begin
        while true do
            i += 1;
    end;
}
`);
  const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50010 }, policy);
  assert.equal(exec.run(500).state, 'yielded');
  exec.debug.pause();
  paused(exec.run(500), 'pause');
  const other = engine.start(services, { kind: 'codeunitRun', codeunit: 50010 }, policy);
  assert.equal(other.run(100).state, 'yielded');
  const before = Number(exec.debug.evaluate(0, 'i').value.replace(/,/g, ''));
  assert.ok(before > 0);
  // setVariable changes a simple local.
  const locals = exec.debug.scopes(0)[0].reference;
  assert.equal(exec.debug.setVariable(locals, 'i', '-5').value, '-5');
  exec.debug.resume('continue');
  assert.equal(exec.run(3).state, 'yielded');
  assert.equal(exec.debug.evaluate(0, 'i').value, '-2'); // the paused statement, then two more hooks
  exec.abort({ code: 'Stopped', text: 'stopped', callStack: '' });
  const r = exec.run(10);
  assert.equal(r.state === 'failed' && r.error.text, 'stopped');
});

test('evaluate refuses side effects and reports invalid expressions', () => {
  const { engine, services, policy } = setup();
  engine.setBreakpoints(FILE, [{ line: 18 }]);
  const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50010 }, policy);
  paused(exec.run(1000), 'breakpoint');
  assert.equal(exec.debug.evaluate(0, 'n * 10 + 1').value, '11');
  assert.equal(exec.debug.evaluate(1, "Names.Count() + StrLen('abc')").value, '4');
  assert.throws(() => exec.debug.evaluate(0, 'Square(3)'), /would run AL code/);
  assert.throws(() => exec.debug.evaluate(1, "Names.Add('x')"), /side effects/);
  assert.throws(() => exec.debug.evaluate(0, 'n +'), /not valid AL/);
});

test('break on error: All stops where the error happens (inside try functions too); ExcludeTry does not', () => {
  const body = SOURCE.replace("Message('total %1', Total);", "if not TryFail() then Message('caught: %1', GetLastErrorText());\n        Fail();");
  for (const mode of ['All', 'ExcludeTry'] as const) {
    const { engine, services, policy } = setup({ breakOnError: mode }, body);
    const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50010 }, policy);
    if (mode === 'All') {
      paused(exec.run(10_000), 'exception');
      assert.equal(exec.debug.exception()?.text, 'failing on purpose');
      assert.deepEqual(exec.debug.frames().map((f) => f.name), ['DebugMe.Fail', 'DebugMe.TryFail', 'DebugMe.OnRun']);
      exec.debug.resume('continue');
    }
    paused(exec.run(10_000), 'exception');
    assert.deepEqual(exec.debug.frames().map((f) => f.name), ['DebugMe.Fail', 'DebugMe.OnRun']);
    assert.match(exec.debug.exception()!.callStack, /^"DebugMe"\(CodeUnit 50010\)\.Fail line 2 - .*\n"DebugMe"\(CodeUnit 50010\)\.OnRun line \d+/);
    exec.debug.resume('continue');
    const r = exec.run(10_000);
    assert.equal(r.state === 'failed' && r.error.text, 'failing on purpose');
    assert.deepEqual(services.messages, ['caught: failing on purpose']);
  }
});

test('break on record write (All / ExcludeTemporary) and stop on entry', () => {
  const body = `codeunit 50010 Writer
{
    trigger OnRun()
    var
        c: Record Customer;
        t: Record Customer temporary;
    begin
        t."No." := 'T1';
        t.Insert();
        c."No." := 'C1';
        c.Insert();
    end;
}
`;
  const a = setup({ breakOnRecordWrite: 'ExcludeTemporary', stopOnEntry: true }, body);
  const exec = a.engine.start(a.services, { kind: 'codeunitRun', codeunit: 50010 }, a.policy);
  paused(exec.run(100), 'entry');
  assert.equal(line(exec), 7);
  exec.debug.resume('continue');
  paused(exec.run(100), 'recordWrite');
  assert.equal(line(exec), 10);
  exec.debug.resume('continue');
  assert.equal(exec.run(100).state, 'completed');
  const b = setup({ breakOnRecordWrite: 'All' }, body);
  const e2 = b.engine.start(b.services, { kind: 'codeunitRun', codeunit: 50010 }, b.policy);
  paused(e2.run(100), 'recordWrite');
  assert.equal(line(e2), 8);
});

test('a detached execution ignores breakpoints; attaching later (the policy object changes) makes them apply', () => {
  const { engine, services } = setup();
  engine.setBreakpoints(FILE, [{ line: 18 }]);
  const policy: DebugPolicy = { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' };
  const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50010 }, policy);
  assert.equal(exec.run(3).state, 'yielded');
  policy.attached = true;
  paused(exec.run(1000), 'breakpoint');
});
