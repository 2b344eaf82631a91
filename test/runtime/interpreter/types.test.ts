// AL types through the interpreter: Integer overflow, exact Decimal, Text/Code semantics and length errors,
// Char, Option and Enum (::, ordinals, names), Date/Time/DateTime/Duration arithmetic, Guid, Label, arrays,
// Dictionary and List methods, Variant, var parameters and by-value copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, messagesOf, runAl } from './support';

test('Integer overflow is an AL error; BigInteger goes further', () => {
  assert.match(errorOf('i: Integer;', 'i := 2147483647; i := i + 1;'), /Arithmetic operation resulted in an overflow/);
  assert.match(errorOf('i: Integer;', 'i := -2147483647; i := i * 2;'), /overflow/);
  assert.deepEqual(messagesOf('b: BigInteger; i: Integer;', 'i := 2147483647; b := i; b := b + 1; Message(Format(b, 0, 9));'), ['2147483648']);
  assert.deepEqual(messagesOf('i: Integer;', 'i := 7 div 2; Message(\'%1 %2 %3\', i, 7 mod 3, -7 div 2);'), ['3 1 -3']);
  assert.match(errorOf('i: Integer;', 'i := 0; i := 5 div i;'), /Attempted to divide by zero/);
});

test('Decimal is exact; Integer / Integer is Decimal; Round, Abs, Power', () => {
  assert.deepEqual(messagesOf('d: Decimal;', `
    d := 0.1 + 0.2; if d = 0.3 then Message('exact');
    d := 7 / 2; Message(Format(d));
    Message(Format(Round(2.345, 0.01)));
    Message(Format(Round(2.345, 0.01, '<')));
    Message(Format(Abs(-3.5)));
    Message(Format(Power(2, 10)));
    d := 1234567.891; Message(Format(d));`), ['exact', '3.5', '2.35', '2.34', '3.5', '1,024', '1,234,567.891']);
});

test('Text and Code: Code is upper-cased and trimmed; declared lengths raise errors', () => {
  assert.deepEqual(messagesOf('c: Code[10]; t: Text[5];', `
    c := '  abc d '; Message('[%1]', c);
    t := 'abcde'; Message(t);
    Message('%1', StrLen(c));`), ['[ABC D]', 'abcde', '5']);
  assert.match(errorOf('t: Text[3];', "t := 'abcd';"), /The length of the string is 4, but it must be less than or equal to 3 characters/);
  assert.match(errorOf('c: Code[2];', "c := 'abc';"), /less than or equal to 2 characters/);
});

test('Char and text indexing', () => {
  assert.deepEqual(messagesOf('c: Char; t: Text;', `
    t := 'hello';
    c := t[2];
    Message('%1 %2', c, Format(c + 1));
    t[1] := 'J';
    Message(t);`), ['e 102', 'Jello']);
});

test('Option and Enum: ::, ordinals, names, captions, Names/Ordinals/FromInteger', () => {
  assert.deepEqual(messagesOf('o: Option Red,Green,Blue; e: Enum "Customer Blocked"; n: List of [Text]; i: Integer;', `
    o := o::Blue; Message('%1 %2', o, o = o::Blue);
    i := o; Message('%1', i);
    e := e::Invoice; Message('%1 %2', e, e.AsInteger());
    e := "Customer Blocked"::All; Message(Format(e));
    n := e.Names(); Message('%1 %2', n.Count(), n.Get(2));
    e := Enum::"Customer Blocked".FromInteger(1); Message(Format(e));
    if e in [e::Ship, e::All] then Message('in');`), ['Blue Yes', '2', 'Invoice 2', 'All', '4 Ship', 'Ship', 'in']);
});

test('Date, Time, DateTime and Duration', () => {
  assert.deepEqual(messagesOf('d: Date; d2: Date; t: Time; dt: DateTime; dur: Duration;', `
    d := 20240131D;
    d2 := d + 1;
    Message('%1 %2', d2, d2 - d);
    Message(Format(CalcDate('<1M>', d)));
    Message('%1 %2 %3', Date2DMY(d, 1), Date2DMY(d, 2), Date2DMY(d, 3));
    t := 120000T;
    t := t + 1500;
    Message(Format(t));
    dt := CreateDateTime(d, 080000T);
    dur := CreateDateTime(d2, 080000T) - dt;
    Message('%1', dur);
    Message('%1 %2', DT2Date(dt), DT2Time(dt));
    Message('%1', Today());`), ['02/01/24 1', '02/29/24', '31 1 2024', '12:00:01.5 PM', '1 day', '01/31/24 8:00:00 AM', '01/15/26']);
  assert.match(errorOf('d: Date;', 'd := 0D; d := d + 1;'), /undefined date/);
});

test('Guid, Label and Boolean formatting', () => {
  assert.deepEqual(messagesOf("g: Guid; Greeting: Label 'Hello %1'; b: Boolean;", `
    if IsNullGuid(g) then Message('null');
    g := CreateGuid(); if not IsNullGuid(g) then Message('set');
    Message(Greeting, 'AL');
    b := true; Message('%1 %2', b, not b);`), ['null', 'set', 'Hello AL', 'Yes No']);
});

test('arrays: one and more dimensions, bounds errors, by-value copies', () => {
  assert.deepEqual(messagesOf('a: array[3] of Integer; m: array[2, 3] of Text; i: Integer; j: Integer; s: Text;', `
    for i := 1 to 3 do a[i] := i * 10;
    Message('%1 %2', a[1] + a[3], ArrayLen(a));
    for i := 1 to 2 do for j := 1 to 3 do m[i, j] := Format(i) + Format(j);
    for i := 1 to 2 do for j := 1 to 3 do s += m[i, j] + ' ';
    Message(s);`), ['40 3', '11 12 13 21 22 23 ']);
  assert.match(errorOf('a: array[3] of Integer;', 'a[4] := 1;'), /Index out of bounds/);
});

test('List and Dictionary methods and reference semantics', () => {
  assert.deepEqual(messagesOf('l: List of [Text]; l2: List of [Text]; d: Dictionary of [Code[10], Decimal]; v: Decimal; k: Code[10]; t: Text;', `
    l.Add('b'); l.Add('c'); l.Insert(1, 'a');
    Message('%1 %2 %3 %4', l.Count(), l.Get(1), l.IndexOf('c'), l.Contains('z'));
    l2 := l; l2.Add('d'); Message('%1', l.Count());
    l.Remove('b'); l.RemoveAt(1); Message(l.Get(1));
    l.Reverse(); Message(l.Get(1));
    d.Add('A', 1.5); d.Set('B', 2); d.Set('A', 3);
    Message('%1 %2 %3', d.Count(), d.Get('A'), d.ContainsKey('C'));
    if d.Get('B', v) then Message('%1', v);
    if not d.Get('Z', v) then Message('no Z');
    foreach k in d.Keys() do t += k;
    Message(t);
    d.Remove('A'); Message('%1', d.Count());`), ['3 a 3 No', '4', 'c', 'd', '2 3 No', '2', 'no Z', 'AB', '1']);
  assert.match(errorOf('d: Dictionary of [Text, Text];', "d.Add('a', 'x'); d.Add('a', 'y');"), /same key/);
  // With its result used, Add answers false for a key already there instead of failing.
  assert.deepEqual(messagesOf('d: Dictionary of [Text, Text];', "Message('%1', d.Add('a', 'x')); if not d.Add('a', 'y') then Message('kept %1', d.Get('a'));"), ['Yes', 'kept x']);
  assert.match(errorOf('d: Dictionary of [Text, Text];', "Message(d.Get('missing'));"), /The given key was not present in the dictionary/);
  assert.match(errorOf('l: List of [Integer];', 'l.Get(1);'), /Index was out of range/);
});

test('var parameters, by-value records, Variant', () => {
  const r = runAl(`
    trigger OnRun()
    var
      i: Integer;
      c: Record Customer;
      v: Variant;
      l: List of [Integer];
    begin
      Bump(i); Bump(i);
      c."No." := 'X';
      ByValue(c);
      ByRef(c);
      AddTo(l);
      v := 42; Message('%1 %2 %3', i, c."No.", v);
      v := 'text'; Message('%1 %2', v.IsText(), l.Count());
    end;

    local procedure Bump(var n: Integer)
    begin
      n += 1;
    end;

    local procedure ByValue(c: Record Customer)
    begin
      c."No." := 'CHANGED';
    end;

    local procedure ByRef(var c: Record Customer)
    begin
      c."No." := c."No." + '2';
    end;

    local procedure AddTo(l: List of [Integer])
    begin
      l.Add(1);
    end;`);
  assert.equal(r.result.state, 'completed', JSON.stringify(r.result));
  assert.deepEqual(r.messages, ['2 X2 42', 'Yes 1']);
});

test('JSON types: build, write, read, navigate and convert', () => {
  assert.deepEqual(messagesOf('o: JsonObject; a: JsonArray; t: JsonToken; v: JsonValue; s: Text; d: Decimal; o2: JsonObject;', `
    o.Add('name', 'Adatum'); o.Add('count', 3); o.Add('rate', 1.25); o.Add('ok', true);
    a.Add(1); a.Add('two'); o.Add('items', a);
    o.WriteTo(s); Message(s);
    if o.Get('rate', t) then begin d := t.AsValue().AsDecimal(); Message('%1', d * 2); end;
    if o.SelectToken('$.items[1]', t) then Message(t.AsValue().AsText());
    Message('%1 %2 %3', o.Contains('name'), o.Keys().Count(), o.GetInteger('count'));
    o2.ReadFrom('{"a":{"b":[10,20]}}');
    o2.SelectToken('a.b[0]', t); Message('%1', t.AsValue().AsInteger());
    if not o2.ReadFrom('not json') then Message('bad json');
    o.Replace('ok', false); o.Remove('items'); o.WriteTo(s); Message(s);`),
  ['{"name":"Adatum","count":3,"rate":1.25,"ok":true,"items":[1,"two"]}', '2.5', 'two', 'Yes 5 3', '10', 'bad json', '{"name":"Adatum","count":3,"rate":1.25,"ok":false}']);
  assert.match(errorOf('o: JsonObject;', `o.Add('a', 1); o.Add('a', 2);`), /already contains the key 'a'/);
});

test('Blob fields with OutStream/InStream and CopyStream', () => {
  assert.deepEqual(messagesOf('d: Record Doc; os: OutStream; ins: InStream; t: Text; t2: Text; d2: Record Doc;', `
    d.Id := 1;
    d.Body.CreateOutStream(os);
    os.WriteText('first line'); os.WriteText(); os.WriteText('second');
    d.Insert();
    d.Get(1);
    Message('%1 %2', d.Body.HasValue(), d.Body.Length());
    d.Body.CreateInStream(ins);
    ins.ReadText(t); ins.ReadText(t2);
    Message('[%1] [%2] %3', t, t2, ins.EOS());
    d.Body.CreateInStream(ins);
    d2.Id := 2; d2.Body.CreateOutStream(os); CopyStream(os, ins); d2.Insert();
    d2.Get(2); d2.Body.CreateInStream(ins); ins.Read(t); Message(t);`, `
table 50060 Doc
{
    fields
    {
        field(1; Id; Integer) { }
        field(2; Body; Blob) { }
    }
    keys { key(PK; Id) { } }
}`), ['Yes 18', '[first line] [second] Yes', 'first line\r\nsecond']);
});
