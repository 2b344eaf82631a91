// Every AL statement kind through the Engine API: assignments (incl. compound), if, case (lists, ranges),
// while, repeat, for to/downto, foreach, exit, break, continue, asserterror, blocks, with (unsupported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, messagesOf, runAl } from './support';

test('assignments and compound assignments', () => {
  assert.deepEqual(messagesOf('i: Integer; d: Decimal; t: Text;', `
    i := 5; i += 3; i -= 1; i *= 2; Message('%1', i);
    d := 10; d /= 4; Message('%1', d);
    t := 'a'; t += 'b'; Message(t);`), ['14', '2.5', 'ab']);
});

test('if / else and nested blocks', () => {
  assert.deepEqual(messagesOf('i: Integer;', `
    for i := 1 to 3 do
      if i = 1 then
        Message('one')
      else if i = 2 then begin
        Message('two');
        Message('still two');
      end else
        Message('other');`), ['one', 'two', 'still two', 'other']);
});

test('case with value lists, ranges and else', () => {
  assert.deepEqual(messagesOf('i: Integer; t: Text;', `
    for i := 0 to 7 do
      case i of
        1, 2: Message('small %1', i);
        3..5: Message('mid %1', i);
        6: begin Message('six'); end;
        else Message('else %1', i);
      end;
    t := 'B';
    case t of 'A': Message('A'); 'B', 'C': Message('B or C'); end;`),
  ['else 0', 'small 1', 'small 2', 'mid 3', 'mid 4', 'mid 5', 'six', 'else 7', 'B or C']);
});

test('case on an enum with member names', () => {
  assert.deepEqual(messagesOf('b: Enum "Customer Blocked";', `
    b := b::Invoice;
    case b of
      b::Ship: Message('ship');
      "Customer Blocked"::Invoice: Message('invoice');
    end;`), ['invoice']);
});

test('while, repeat-until, break and continue', () => {
  assert.deepEqual(messagesOf('i: Integer; n: Integer;', `
    while i < 10 do begin
      i += 1;
      if i = 3 then continue;
      if i = 5 then break;
      n += i;
    end;
    Message('%1 %2', i, n);
    i := 0;
    repeat
      i += 2;
    until i >= 7;
    Message('%1', i);`), ['5 7', '8']);
});

test('for to / downto evaluate the bounds once and never overflow at the end', () => {
  assert.deepEqual(messagesOf('i: Integer; n: Integer; t: Text;', `
    n := 3;
    for i := 1 to n do begin n := 10; t += Format(i); end;
    for i := 3 downto 1 do t += Format(i);
    for i := 5 to 4 do t += 'never';
    for i := 2147483646 to 2147483647 do n += 1;
    Message('%1 %2', t, n);`), ['123321 12']);
});

test('foreach over List, Dictionary keys and Text', () => {
  assert.deepEqual(messagesOf('l: List of [Integer]; d: Dictionary of [Text, Integer]; i: Integer; k: Text; c: Char; s: Text;', `
    l.Add(1); l.Add(2); l.Add(3);
    foreach i in l do s += Format(i);
    d.Add('x', 1); d.Add('y', 2);
    foreach k in d.Keys do s += k;
    foreach c in 'ab' do s += Format(c);
    Message(s);`), ['123xyab']);
});

test('exit with a value, named return values, exit without value and recursion', () => {
  const r = runAl(`
    trigger OnRun()
    begin
      Message('%1 %2 %3 %4', Fact(5), Twice(4), Sign(-3), Sign(0));
      Early();
    end;

    local procedure Fact(n: Integer): Integer
    begin
      if n <= 1 then exit(1);
      exit(n * Fact(n - 1));
    end;

    procedure Twice(n: Integer) Result: Integer
    begin
      Result := n * 2;
    end;

    procedure Sign(n: Decimal): Integer
    begin
      if n < 0 then exit(-1);
      if n > 0 then exit(1);
    end;

    local procedure Early()
    begin
      Message('before');
      exit;
      Message('after');
    end;`);
  assert.equal(r.result.state, 'completed');
  assert.deepEqual(r.messages, ['120 8 -1 0', 'before']);
});

test('asserterror catches an error and keeps the last error; without an error it fails', () => {
  assert.deepEqual(messagesOf('', `
    asserterror Error('boom %1', 1);
    Message(GetLastErrorText());`), ['boom 1']);
  assert.match(errorOf('', `asserterror Message('fine');`), /An error was expected inside an ASSERTERROR statement/);
});

test('with is obsolete and reported with its location', () => {
  assert.match(errorOf('c: Record Customer;', `with c do Message('x');`), /does not support the obsolete `with` statement.*test\.al:\d+/);
});

test('a name that is simply not declared: "unknown procedure or variable", with the object, procedure and line', () => {
  // The engine compiles at load: the load error names the name, where it was looked up and the line; used as a
  // value, called, assigned to, or with a method called on it: the same wording, never "does not support".
  const loadError = (vars: string, body: string): string => {
    try {
      runAl(`trigger OnRun()\n${vars ? `var\n${vars}\n` : ''}begin\n${body}\nend;`);
    } catch (e) {
      return (e as Error).message;
    }
    return assert.fail('expected a load error');
  };
  assert.match(loadError('Args: Dictionary of [Text, Text];', `Message(Format(Params.Count()));`), /test\.al:7 unknown procedure or variable 'Params' in Codeunit "Test" \(trigger OnRun\) \(test\.al:7\)/);
  assert.match(loadError('', `Message(Format(Paramz));`), /unknown procedure or variable 'Paramz' in Codeunit "Test"/);
  assert.match(loadError('', `DoIt(1);`), /unknown procedure or variable 'DoIt'/);
  assert.match(loadError('', `Counter := 1;`), /unknown procedure or variable 'Counter'/);
  for (const body of ['Params.Count();', 'DoIt(1);', 'Counter := 1;']) assert.doesNotMatch(loadError('', body), /does not support/);
  // A namespace method the runtime lacks, or a system method BC has and the runtime lacks, is still "does not support".
  assert.match(loadError('', `Session.NoSuchThing();`), /does not support the method Session\.NoSuchThing/);
  assert.match(loadError('', `Message(Format(IsCollectingErrors()));`), /does not support the system method 'IsCollectingErrors'/);
});

test('a record method called without Rec. in a table runs on the implicit Rec (IsTemporary, Count)', () => {
  const table = `table 50990 "Implicit Rec"
{
    fields { field(1; "No."; Code[20]) { } }
    keys { key(PK; "No.") { } }
    procedure Describe(): Text
    begin
        exit(Format(IsTemporary()) + '/' + Format(Count()));
    end;
}`;
  assert.deepEqual(messagesOf('T: Record "Implicit Rec" temporary;', `T."No." := 'A'; T.Insert(); Message(T.Describe());`, table), ['Yes/1']);
});
