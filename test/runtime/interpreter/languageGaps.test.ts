// Language constructs real BC code leans on: implicit Rec in table/page/table-extension code, `this.`, the
// property-style procedure call, time literals (000000T is midnight), `var` stream parameters, AutoIncrement,
// captions with modifiers, DWY2Date defaults, manual event subscribers (BindSubscription), the execution context,
// SecretText and Notification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detached, drive, engineWith, errorOf, messagesOf, runAl, TestServices } from './support';
import { Database } from '../../../src/runtime/store';

const TABLES = `
table 50100 Counter
{
    fields
    {
        field(1; "Entry No."; Integer) { AutoIncrement = true; }
        field(2; Name; Text[30]) { }
        field(3; Kind; Enum "Counter Kind") { }
    }
    keys { key(PK; "Entry No.") { } }

    procedure CountNamed(N: Text): Integer
    begin
        SetRange(Name, N);
        exit(Count());
    end;

    procedure FirstName(): Text
    begin
        Reset();
        SetCurrentKey("Entry No.");
        if FindFirst() then
            exit(this.Name);
        exit('none');
    end;
}

tableextension 50101 "Counter Ext" extends Counter
{
    procedure Rename2(NewName: Text)
    begin
        Name := NewName;
        Modify();
    end;
}

enum 50102 "Counter Kind"
{
    value(0; Plain) { Caption = 'Plain kind', Locked = true; }
    value(1; Fancy) { Caption = 'Fancy kind', Comment = 'translated'; }
}

codeunit 50103 "Flags"
{
    SingleInstance = true;
    var
        Flag: Boolean;

    procedure SetFlag(Value: Boolean)
    begin
        this.Flag := Value;
    end;

    procedure GetFlag(): Boolean
    begin
        exit(this.Flag);
    end;

    procedure Twice(): Integer
    begin
        exit(this.Helper() * 2);
    end;

    local procedure Helper(): Integer
    begin
        exit(21);
    end;
}

codeunit 50104 Publisher
{
    [IntegrationEvent(false, false)]
    procedure OnPing(var Hits: Integer)
    begin
    end;
}

codeunit 50105 "Manual Sub"
{
    EventSubscriberInstance = Manual;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::Publisher, 'OnPing', '', false, false)]
    local procedure Ping(var Hits: Integer)
    begin
        Hits += 1;
    end;
}

codeunit 50106 Streams
{
    procedure Open(var OutStr: OutStream; var C: Record Counter)
    begin
        C.Init();
        C.Name := 'blob';
        // The caller's OutStream variable gets the stream (var parameter by reference).
        TempBlobField(C, OutStr);
    end;

    local procedure TempBlobField(var C: Record Counter; var OutStr: OutStream)
    begin
        Holder.Data.CreateOutStream(OutStr);
    end;

    procedure Read(): Text
    var
        InStr: InStream;
        T: Text;
    begin
        Holder.Data.CreateInStream(InStr);
        InStr.ReadText(T);
        exit(T);
    end;

    var
        Holder: Record "Blob Holder" temporary;
}

table 50107 "Blob Holder"
{
    fields
    {
        field(1; Id; Integer) { }
        field(2; Data; Blob) { }
    }
    keys { key(PK; Id) { } }
}
`;

test('implicit Rec: record methods and table procedures without Rec. in table and table extension code; this. in table code', () => {
  assert.deepEqual(messagesOf('C: Record Counter;', `
    Clear(C); C.Name := 'a'; C.Insert();
    Clear(C); C.Name := 'b'; C.Insert();
    Clear(C); C.Name := 'a'; C.Insert();
    Message('%1 %2', C.CountNamed('a'), C.FirstName());
    C.FindLast(); C.Rename2('z'); C.Get(C."Entry No."); Message(C.Name);`, TABLES), ['2 a', 'z']);
});

test('AutoIncrement numbers inserts from the highest value and never reuses one after a delete', () => {
  assert.deepEqual(messagesOf('C: Record Counter;', `
    Clear(C); C.Insert(); Message('%1', C."Entry No.");
    Clear(C); C.Insert(); Message('%1', C."Entry No.");
    C.Delete();
    Clear(C); C.Insert(); Message('%1', C."Entry No.");
    Clear(C); C."Entry No." := 10; C.Insert(); Message('%1', C."Entry No.");
    Clear(C); C.Insert(); Message('%1', C."Entry No.");
    C.Init(); if not C.Insert() then Message('Init keeps the key: %1 exists', C."Entry No.");`, TABLES), ['1', '2', '3', '10', '11', 'Init keeps the key: 11 exists']);
});

test('this. reaches globals and procedures, and a one-parameter procedure can be called with :=', () => {
  assert.deepEqual(messagesOf('F: Codeunit Flags; G: Codeunit Flags;', `
    F.SetFlag := true; Message('%1', G.GetFlag());
    F.SetFlag(false); Message('%1 %2', G.GetFlag(), F.Twice());`, TABLES), ['Yes', 'No 42']);
});

test('time literals: 000000T is midnight (a defined time), 0T the undefined time', () => {
  assert.deepEqual(messagesOf('T: Time; D: Duration;', `
    T := 000000T; Message('%1 %2', T = 0T, Format(T));
    D := 120000T - 000000T; Message('%1', D = 12 * 60 * 60 * 1000);
    T := 235959.999T; Message(Format(T));`), ['No 12:00:00 AM', 'Yes', '11:59:59.999 PM']);
  assert.match(errorOf('D: Duration;', 'D := 120000T - 0T;'), /undefined time/);
});

test('var InStream / OutStream parameters reach the caller\'s variable', () => {
  assert.deepEqual(messagesOf('S: Codeunit Streams; O: OutStream; C: Record Counter;', `
    S.Open(O, C); O.WriteText('written through the caller'); Message(S.Read());`, TABLES), ['written through the caller']);
});

test('enum captions with Locked / Comment modifiers format as the caption text only', () => {
  assert.deepEqual(messagesOf('K: Enum "Counter Kind";', `
    K := K::Plain; Message(Format(K)); K := K::Fancy; Message(Format(K));`, TABLES), ['Plain kind', 'Fancy kind']);
});

test('DWY2Date takes the week and year it omits from the work date', () => {
  assert.deepEqual(messagesOf('', `
    WorkDate(20240515D);
    Message('%1 %2 %3', DWY2Date(1), DWY2Date(3, 1), DWY2Date(7, 52, 2023));`), ['05/13/24 01/03/24 12/31/23']);
});

test('manual event subscribers run only while an instance is bound, on that instance; a local binding ends with its procedure', () => {
  const body = `
    trigger OnRun()
    var
        Pub: Codeunit Publisher;
        Sub: Codeunit "Manual Sub";
        Hits: Integer;
    begin
        Pub.OnPing(Hits); Message('unbound %1', Hits);
        BindSubscription(Sub);
        Pub.OnPing(Hits); Message('bound %1', Hits);
        UnbindSubscription(Sub);
        Pub.OnPing(Hits); Message('unbound again %1', Hits);
        BindLocally();
        Hits := 0; Pub.OnPing(Hits); Message('after the local binding ended %1', Hits);
    end;

    local procedure BindLocally()
    var
        Pub: Codeunit Publisher;
        Sub: Codeunit "Manual Sub";
        Hits: Integer;
    begin
        BindSubscription(Sub);
        Pub.OnPing(Hits); Message('inside %1', Hits);
    end;`;
  const r = runAl(body, TABLES);
  assert.equal(r.result.state, 'completed', JSON.stringify(r.result));
  assert.deepEqual(r.messages, ['unbound 0', 'bound 1', 'unbound again 1', 'inside 1', 'after the local binding ended 0']);
});

test('Session.GetExecutionContext is Normal outside install/upgrade code', () => {
  assert.deepEqual(messagesOf('', `
    if Session.GetExecutionContext() = ExecutionContext::Normal then Message('normal');
    if GetCurrentModuleExecutionContext() <> ExecutionContext::Install then Message('not installing');`), ['normal', 'not installing']);
});

test('ApplicationArea: empty at login, set per session (global and Session. forms), the setter returns the new value', () => {
  assert.deepEqual(messagesOf('', `
    Message('[%1]', ApplicationArea());
    Message('[%1]', ApplicationArea('#Basic,#Suite'));
    Message('[%1]', Session.ApplicationArea());`), ['[]', '[#Basic,#Suite]', '[#Basic,#Suite]']);
});

test('ReadPermission/WritePermission: the local user holds SUPER, on Record and RecordRef', () => {
  assert.deepEqual(messagesOf('C: Record Counter; R: RecordRef;', `
    Message('%1 %2', C.ReadPermission(), C.WritePermission());
    R.Open(Database::Counter); Message('%1 %2', R.ReadPermission(), R.WritePermission());`, TABLES), ['Yes Yes', 'Yes Yes']);
});

test('SecretText: assigned from text, IsEmpty, Unwrap, SecretStrSubstNo', () => {
  assert.deepEqual(messagesOf('S: SecretText; E: SecretText;', `
    S := 'p@ss'; Message('%1 %2', S.IsEmpty(), E.IsEmpty());
    S := SecretStrSubstNo('Bearer %1', S); Message(S.Unwrap());`), ['No Yes', 'Bearer p@ss']);
});

test('Notification: message, data, id; Send reaches the client in the foreground and is ignored in the background', () => {
  const al = `codeunit 50000 Test
{
    trigger OnRun()
    var
        N: Notification;
    begin
        N.Message := 'Hello';
        N.SetData('k', 'v');
        Message('%1 %2 %3 %4', N.Message, N.GetData('k'), N.HasData('x'), N.Scope = NotificationScope::LocalScope);
        Message('sent %1', N.Send());
    end;
}`;
  for (const kind of ['Foreground', 'Background'] as const) {
    const engine = engineWith({ 'n.al': al });
    const services = new TestServices(new Database(engine.tables()).begin(1));
    services.kind = kind;
    services.guiAllowed = kind === 'Foreground';
    const sent: string[] = [];
    (services as unknown as { notification(m: string): void }).notification = (m: string) => sent.push(m);
    const r = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached), services);
    assert.equal(r.state, 'completed', JSON.stringify(r));
    assert.deepEqual(services.messages, ['Hello v No Yes', `sent ${kind === 'Foreground' ? 'Yes' : 'No'}`]);
    assert.deepEqual(sent, kind === 'Foreground' ? ['Hello'] : []);
  }
});

test('Variant type tests answer from the assigned value\'s type (IsByte, IsRecordRef, IsJsonObject...)', () => {
  assert.deepEqual(messagesOf('V: Variant; I: Integer; R: RecordRef; J: JsonObject;', `
    V := I; Message('%1 %2', V.IsInteger(), V.IsByte());
    V := R; Message('%1 %2', V.IsRecordRef(), V.IsInteger());
    V := J; Message('%1 %2', V.IsJsonObject(), V.IsTextConstant());`), ['Yes No', 'Yes No', 'Yes No']);
});
