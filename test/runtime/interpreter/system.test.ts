// System methods through the interpreter: dialogs through SessionServices, Error/ErrorInfo, StrSubstNo and
// Format/Evaluate, text functions and Text methods, numbers, dates, Guids, Sleep, session methods (StartSession
// overloads and the Ok rule, StopSession, IsSessionActive, TaskScheduler, page tasks), last error, TryFunction,
// Codeunit.Run, recursion limit, events, single-instance codeunits, interfaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Database } from '../../../src/runtime/store';
import { EngineImpl } from '../../../src/runtime/interpreter/engine';
import { CUSTOMER_AL, TestServices, detached, drive, engineWith, errorOf, messagesOf, runAl } from './support';

test('Message, Error with arguments, Confirm and StrMenu through the session', () => {
  const r = runAl(`
    trigger OnRun()
    begin
      if Confirm('Delete %1?', false, 'X') then Message('yes') else Message('no');
      Message('menu %1', StrMenu('A,B,C', 2, 'Pick'));
      Error('Failed %1 of %2', 3, 'Y');
    end;`, '', undefined);
  assert.equal(r.result.state === 'failed' && r.result.error.text, 'Failed 3 of Y');
  assert.deepEqual(r.messages, ['no', 'menu 2']);
  assert.deepEqual(r.services.confirms, [{ question: 'Delete X?', default: false }]);
});

test('ErrorInfo: Error(ErrorInfo) raises its message', () => {
  assert.match(errorOf('e: ErrorInfo;', `e.Message := 'custom'; e.Title('T'); Error(e);`), /^custom$/);
  assert.match(errorOf('e: ErrorInfo;', `e := ErrorInfo.Create('made'); Error(e);`), /^made$/);
});

test('StrSubstNo, Format and Evaluate', () => {
  assert.deepEqual(messagesOf('i: Integer; d: Decimal; b: Boolean; dt: Date; ok: Boolean;', `
    Message(StrSubstNo('%1-%2-%3', 1, 'a', true));
    Message(Format(1234.5, 0, 9) + ' ' + Format(12, 5) + '|' + Format(3.14159, 0, '<Precision,2:2><Standard Format,0>'));
    ok := Evaluate(i, '42'); Message('%1 %2', ok, i);
    ok := Evaluate(i, 'x'); Message('%1 %2', ok, i);
    Evaluate(d, '2.5'); Evaluate(b, 'Yes'); Evaluate(dt, '2024-01-31');
    Message('%1 %2 %3', d, b, dt);`), ['1-a-Yes', '1234.5    12|3.14', 'Yes 42', 'No 42', '2.5 Yes 01/31/24']);
  assert.match(errorOf('i: Integer;', `Evaluate(i, 'abc');`), /not a valid Integer/);
});

test('text functions and Text methods', () => {
  assert.deepEqual(messagesOf('t: Text; parts: List of [Text];', `
    t := 'Hello World';
    Message('%1|%2|%3|%4', CopyStr(t, 7), StrLen(t), StrPos(t, 'World'), UpperCase(t));
    Message('%1|%2|%3', DelChr('  x y  ', '<>'), PadStr('ab', 4, '*'), SelectStr(2, 'a,b,c'));
    Message('%1|%2', IncStr('INV009'), ConvertStr('abc', 'ac', 'xz'));
    Message('%1|%2|%3|%4', t.Contains('World'), t.Substring(1, 5), t.IndexOf('o'), t.ToLower());
    parts := 'a;b;c'.Split(';'); Message('%1 %2', parts.Count(), parts.Get(3));
    Message('%1|%2', t.Replace('World', 'AL'), '  pad '.Trim());`),
  ['World|11|7|HELLO WORLD', 'x y|ab**|b', 'INV010|xbz', 'Yes|Hello|5|hello world', '3 c', 'Hello AL|pad']);
});

test('Today, Time, WorkDate, CurrentDateTime, CreateGuid, UserId, CompanyName, GuiAllowed, SessionId', () => {
  assert.deepEqual(messagesOf('', `
    Message('%1 %2 %3', Today(), Time(), WorkDate());
    WorkDate(20240101D); Message('%1', WorkDate());
    Message('%1', CurrentDateTime());
    Message('%1 %2 %3 %4', UserId(), CompanyName(), GuiAllowed(), SessionId());`),
  ['01/15/26 9:30:00 AM 01/15/26', '01/01/24', '01/15/26 9:30:00 AM', 'TESTUSER CRONUS Yes 1']);
});

test('Sleep suspends the execution as sleeping until now + ms', () => {
  const engine = engineWith({ 'a.al': `codeunit 50000 S { trigger OnRun() begin Message('a'); Sleep(250); Message('b'); end; }` });
  const services = new TestServices(new Database(engine.tables()).begin(1));
  const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached);
  const r = exec.run(100);
  assert.deepEqual(r, { state: 'sleeping', until: services.clock.now() + 250 });
  assert.deepEqual(services.messages, ['a']);
  services.clock.t += 250;
  assert.equal(exec.run(100).state, 'completed');
  assert.deepEqual(services.messages, ['a', 'b']);
});

test('StartSession: all three overloads, bare and Session., Ok form vs error', () => {
  const r = runAl(`
    trigger OnRun()
    var
      Id: Integer;
      c: Record Customer;
      Ok: Boolean;
    begin
      StartSession(Id, Codeunit::Test);
      Session.StartSession(Id, 50000, CompanyName());
      c."No." := 'K'; 
      StartSession(Id, 50000, 'Other', c);
      StartSession(Id, 50000, 'Other', c, 5000);
      Ok := StartSession(Id, 50000, 60000, 'Third');
      Message('%1 %2 %3', Id, Ok, IsSessionActive(Id));
      StopSession(Id, 'done');
    end;`);
  assert.equal(r.result.state, 'completed', JSON.stringify(r.result));
  const s = r.services.started;
  assert.deepEqual(s.map((x) => [x.codeunitId, x.company, x.timeoutMs]), [[50000, undefined, undefined], [50000, 'CRONUS', undefined], [50000, 'Other', undefined], [50000, 'Other', 5000], [50000, 'Third', 60000]]);
  assert.equal((s[2].record as { values: Map<number, unknown> }).values.get(1), 'K');
  assert.deepEqual(r.messages, ['105 Yes Yes']);
  assert.deepEqual(r.services.stopped, [{ id: 105, comment: 'done' }]);

  const failing = (body: string) => {
    const engine = engineWith({ 'a.al': `codeunit 50000 T { trigger OnRun() var Id: Integer; begin ${body} end; }` });
    const services = new TestServices(new Database(engine.tables()).begin(1));
    services.startFails = { code: 'SessionLimit', text: 'No more sessions.', callStack: '' };
    const res = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached), services);
    return { res, services };
  };
  const a = failing(`if not StartSession(Id, 50000) then Message('not started %1', Id);`);
  assert.equal(a.res.state, 'completed');
  assert.deepEqual(a.services.messages, ['not started 0']);
  const b = failing(`StartSession(Id, 50000);`);
  assert.equal(b.res.state === 'failed' && b.res.error.text, 'No more sessions.');
});

test('TaskScheduler.CreateTask and page background task methods', () => {
  const onRun = `
    trigger OnRun()
    var
      TaskId: Guid;
      Results: Dictionary of [Text, Text];
    begin
      TaskId := TaskScheduler.CreateTask(Codeunit::Test, 0, true, 'CRONUS', 0DT);
      Message('%1', TaskId);
      Message(Page.GetBackgroundParameters().Get('In'));
      Results.Add('Out', 'v');
      Page.SetBackgroundTaskResult(Results);
    end;`;
  const r = runAl(onRun, '', undefined);
  void r;
  const engine = engineWith({ 'a.al': `codeunit 50000 Test\n{${onRun}\n}` });
  const services = new TestServices(new Database(engine.tables()).begin(1));
  services.backgroundParameters = new Map([['In', 'param']]);
  const res = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached), services);
  assert.equal(res.state, 'completed', JSON.stringify(res));
  assert.deepEqual(services.tasks.map((t) => [t.codeunitId, t.failureCodeunitId, t.isReady, t.company]), [[50000, 0, true, 'CRONUS']]);
  assert.deepEqual(services.messages, ['{00000000-0000-0000-0000-000000000001}', 'param']);
  assert.deepEqual([...services.backgroundResult!], [['Out', 'v']]);
});

test('CurrPage.EnqueueBackgroundTask: optional arguments, Ok form vs error, CancelBackgroundTask, Update', () => {
  const engine = engineWith({
    'c.al': CUSTOMER_AL,
    'p.al': `page 50000 P
{
    SourceTable = Customer;
    layout { area(Content) { field(Name; Rec.Name) { } } }
    var
        Id: Integer;
    trigger OnOpenPage()
    var
        Params: Dictionary of [Text, Text];
        Ok: Boolean;
    begin
        CurrPage.EnqueueBackgroundTask(Id, 50001);
        Params.Add('k', 'v');
        CurrPage.EnqueueBackgroundTask(Id, 50001, Params);
        CurrPage.EnqueueBackgroundTask(Id, 50001, Params, 500);
        Ok := CurrPage.EnqueueBackgroundTask(Id, 50001, Params, 500, PageBackgroundTaskErrorLevel::Ignore);
        CurrPage.CancelBackgroundTask(Id);
        CurrPage.Update(false);
        Message('%1 %2', Id, Ok);
    end;
}`,
  });
  const services = new TestServices(new Database(engine.tables()).begin(1));
  const page = engine.openPage(services, 50000);
  const res = drive(engine.start(services, { kind: 'pageTrigger', page, trigger: 'OnOpenPage' }, detached), services);
  assert.equal(res.state, 'completed', JSON.stringify(res));
  assert.deepEqual(services.enqueued.map((e) => [e.codeunitId, [...e.parameters], e.timeoutMs, e.errorLevel]), [
    [50001, [], undefined, 'Error'], [50001, [['k', 'v']], undefined, 'Error'], [50001, [['k', 'v']], 500, 'Error'], [50001, [['k', 'v']], 500, 'Ignore'],
  ]);
  assert.deepEqual(services.cancelled, [4]);
  assert.deepEqual(services.messages, ['4 Yes']);
  assert.equal(page.updateRequested, true);
});

/** A codeunit whose OnRun inserts customer `no`, then runs `after`. */
const inserting = (id: number, name: string, no: string, after = '') => `
codeunit ${id} ${name}
{
    trigger OnRun()
    var
        c: Record Customer;
    begin
        c."No." := '${no}'; c.Insert();${after}
    end;
}`;

/** Two codeunits for Codeunit.Run: Failing inserts customer RUN then fails, Ok inserts customer OK. */
const FAILING_AND_OK = inserting(50030, 'Failing', 'RUN', `\n        Error('inside run');`) + inserting(50031, 'Ok', 'OK');

test('last error functions, TryFunction, Codeunit.Run with a result (rolls back), asserterror', () => {
  const r = runAl(`
    trigger OnRun()
    var
      c: Record Customer;
    begin
      if not TryIt() then Message('try: %1', GetLastErrorText());
      ClearLastError(); Message('[%1]', GetLastErrorText());
      if not Codeunit.Run(Codeunit::Failing) then Message('run: %1 (%2)', GetLastErrorText(), c.Count());
      Codeunit.Run(Codeunit::Ok);
      Message('%1', c.Count());
    end;

    [TryFunction]
    local procedure TryIt()
    var
      c: Record Customer;
    begin
      c."No." := 'TRY'; c.Insert();
      Error('inside try');
    end;`, FAILING_AND_OK);
  // The TryFunction's insert stays (no rollback), so Codeunit.Run with a used result is then refused (BC).
  assert.equal(r.result.state, 'failed');
  assert.match(r.result.state === 'failed' ? r.result.error.text : '', /Codeunit\.Run is allowed in write transactions only if the return value is not used/);
  assert.deepEqual(r.messages, ['try: inside try', '[]']);
});

test('Codeunit.Run with a result rolls back its own changes and commits on success', () => {
  const r = runAl(`
    trigger OnRun()
    var
      c: Record Customer;
    begin
      if not Codeunit.Run(Codeunit::Failing) then Message('failed: %1 (%2)', GetLastErrorText(), c.Count());
      if Codeunit.Run(Codeunit::Ok) then Message('ok %1', c.Count());
    end;`, FAILING_AND_OK);
  assert.deepEqual(r.messages, ['failed: inside run (0)', 'ok 1']);
  assert.equal(r.services.commits, 1);
});

test('recursion has a depth limit with a clear error', () => {
  const r = runAl(`
    trigger OnRun()
    begin
      Recurse(1);
    end;

    local procedure Recurse(n: Integer)
    begin
      Recurse(n + 1);
    end;`);
  assert.equal(r.result.state, 'failed');
  assert.match(r.result.state === 'failed' ? r.result.error.text : '', /maximum call depth \(\d+\) was exceeded: Test\.Recurse/);
});

test('integration events call every subscriber; single-instance codeunits keep state in the session', () => {
  const r = runAl(`
    trigger OnRun()
    var
      Counter: Codeunit Counter;
      Counter2: Codeunit Counter;
    begin
      OnSomething(5);
      Counter.Add(); Counter2.Add();
      Message('count %1', Counter2.Get());
    end;

    [IntegrationEvent(false, false)]
    local procedure OnSomething(Value: Integer)
    begin
    end;`, `
codeunit 50040 Counter
{
    SingleInstance = true;
    var
        N: Integer;

    procedure Add()
    begin
        N += 1;
    end;

    procedure Get(): Integer
    begin
        exit(N);
    end;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::Test, 'OnSomething', '', false, false)]
    local procedure HandleSomething(Value: Integer)
    begin
        Message('got %1', Value);
        N += 10;
    end;
}
codeunit 50041 OtherSubscriber
{
    [EventSubscriber(ObjectType::Codeunit, Codeunit::Test, 'OnSomething', '', false, false)]
    local procedure Handle(Value: Integer)
    begin
        Message('other %1', Value);
    end;
}`);
  assert.equal(r.result.state, 'completed', JSON.stringify(r.result));
  assert.deepEqual(r.messages, ['got 5', 'other 5', 'count 12']);
});

test('interfaces: an enum value implementing an interface dispatches to its codeunit', () => {
  assert.deepEqual(messagesOf('Shape: Enum Shape; S: Interface IShape;', `
    Shape := Shape::Square; S := Shape; Message('%1', S.Area(3));
    S := Shape::Circle; Message('%1', S.Area(1));`, `
interface IShape
{
    procedure Area(Size: Decimal): Decimal;
}
enum 50050 Shape implements IShape
{
    value(0; Square) { Implementation = IShape = SquareImpl; }
    value(1; Circle) { Implementation = IShape = CircleImpl; }
}
codeunit 50051 SquareImpl implements IShape
{
    procedure Area(Size: Decimal): Decimal
    begin
        exit(Size * Size);
    end;
}
codeunit 50052 CircleImpl implements IShape
{
    procedure Area(Size: Decimal): Decimal
    begin
        exit(3);
    end;
}`), ['9', '3']);
});

test('Dialog is routed to the session in the foreground; unsupported methods name themselves and their line', () => {
  const r = runAl(`
    trigger OnRun()
    var
      d: Dialog;
    begin
      d.Open('Working #1', 5); d.Update(1, 7); d.Close();
    end;`);
  assert.deepEqual(r.services.dialogs, ['open:Working 5 ', 'update:7', 'close:']);
  // Listed at load time, raised when reached; the rest of the procedure runs.
  const engine = new EngineImpl();
  const load = engine.load([{ path: 'u.al', text: `codeunit 50000 U\n{\n    trigger OnRun()\n    var\n        n: Notification;\n    begin\n        Message('before');\n        n.Frobnicate();\n    end;\n}\n` }]);
  assert.deepEqual(load.errors.map((e) => [e.file, e.line]), [['u.al', 7]]);
  assert.match(load.errors[0].message, /does not support the method Frobnicate on Notification \(u\.al:8\)/);
  const services = new TestServices(new Database(engine.tables()).begin(1));
  const res = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached), services);
  assert.deepEqual(services.messages, ['before']);
  assert.match(res.state === 'failed' ? res.error.text : '', /does not support the method Frobnicate on Notification \(u\.al:8\)/);
  assert.equal(res.state === 'failed' && res.error.location?.line, 7);
});
