// The DotNet type in the interpreter: aliases from dotnet declarations, constructors, static and instance
// members, properties read and written, IsNull, foreach over .NET collections, the error for a type that is
// not emulated (at its call site) and for a member called on a variable that holds no instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dotnetError, dotnetMessages } from './support';

test('a DotNet variable is null until constructed; IsNull says so', () => {
  assert.deepEqual(dotnetMessages('Sb: DotNet StringBuilder;', `
    Message('%1', IsNull(Sb));
    Sb := Sb.StringBuilder();
    Message('%1', IsNull(Sb));`), ['Yes', 'No']);
});

test('calling an instance member on a null DotNet variable gives BC\'s error', () => {
  assert.match(dotnetError('Sb: DotNet StringBuilder;', `Sb.Append('x');`), /^A DotNet variable has not been instantiated\. Attempting to call System\.Text\.StringBuilder\.Append/);
});

test('a declared but not emulated .NET type fails where it is used, naming the type and its assembly', () => {
  const text = dotnetError('Bmp: DotNet Bitmap; i: Integer;', `i := 1;\nBmp := Bmp.Bitmap(10, 10);`);
  assert.match(text, /^AL Session Lab does not support DotNet System\.Drawing\.Bitmap \(assembly System\.Drawing\) \(test\.al:\d+\)\.$/);
});

test('an emulated type with a member it does not emulate names the member and the type', () => {
  assert.match(dotnetError('Sb: DotNet StringBuilder;', `Sb := Sb.StringBuilder(); Sb.EnsureCapacity(10);`), /does not support the member EnsureCapacity of DotNet System\.Text\.StringBuilder \(assembly netstandard\)/);
});

test('StringBuilder: Append, AppendLine (CRLF), AppendFormat, Insert, Replace, Length, ToString, Format', () => {
  assert.deepEqual(dotnetMessages('Sb: DotNet StringBuilder; t: Text; Lf: Text;', `
    Lf := ' '; Lf[1] := 10;
    Sb := Sb.StringBuilder('a');
    Sb.Append('b').Append(1);
    Sb.AppendLine('c');
    Sb.AppendFormat('{0}-{1,3}|{2:N2}', 'x', 7, 1234.5);
    Sb.Insert(0, '>');
    Sb.Replace('b', 'B');
    t := Sb.ToString();
    Message('%1|%2|%3', t.Replace(Lf, '/'), Sb.Length, StrLen(Format(Sb)));`), ['>aB1c\r/x-  7|1,234.50|21|21']);
});

test('a DotNet var parameter receives the callee\'s instance', () => {
  const extra = `codeunit 50001 Maker { procedure Make(var Sb: DotNet StringBuilder) begin Sb := Sb.StringBuilder('made'); end; }`;
  assert.deepEqual(dotnetMessages('Sb: DotNet StringBuilder; M: Codeunit Maker;', `M.Make(Sb); Message(Sb.ToString());`, extra), ['made']);
});

test('String: static helpers and instance members on Text values', () => {
  assert.deepEqual(dotnetMessages('S: DotNet String; Parts: DotNet Array; p: Text;', `
    Message('%1 %2 %3', S.IsNullOrEmpty(''), S.IsNullOrWhiteSpace(' x'), S.Format('{0}+{1}={2}', 1, 2, 3));
    S := 'Hello, World';
    Message('%1 %2 %3 %4', S.Length, S.IndexOf('o'), S.Substring(7), S.ToUpper());
    Parts := S.Split(',');
    foreach p in Parts do Message('[%1]', p.Trim());
    Message('%1', Parts.Length);`), ['Yes No 1+2=3', '12 4 World HELLO, WORLD', '[Hello]', '[World]', '2']);
});
