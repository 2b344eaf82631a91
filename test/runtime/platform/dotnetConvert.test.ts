// System.Convert (Base64, number bases), System.Text.Encoding (UTF-8, UTF-16, a Windows code page through
// iconv-lite), System.Math and System.TimeSpan through DotNet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dotnetError, dotnetMessages } from './support';

test('Convert and Encoding: text to bytes to Base64 and back, per code page', () => {
  assert.deepEqual(dotnetMessages('C: DotNet Convert; E: DotNet Encoding; Bytes: DotNet Array; t: Text;', `
    Bytes := E.UTF8.GetBytes('Grüße');
    Message('%1 %2', Bytes.Length, C.ToBase64String(Bytes));
    Message(E.UTF8.GetString(C.FromBase64String('R3LDvMOfZQ==')));
    Bytes := E.GetEncoding(1252).GetBytes('Grüße');
    Message('%1 %2 %3', Bytes.Length, C.ToBase64String(Bytes), E.GetEncoding(1252).WebName);
    Message('%1', E.Unicode.GetBytes('ab').Length);
    Message('%1 %2 %3', C.ToInt32('ff', 16), C.ToString(10, 2), C.ToInt32('42'));`),
  ['7 R3LDvMOfZQ==', 'Grüße', '5 R3L832U= Windows-1252', '4', '255 1010 42']);
  assert.match(dotnetError('C: DotNet Convert; B: DotNet Array;', `B := C.FromBase64String('@@@');`), /^A call to System\.Convert\.FromBase64String failed with this message: The input is not a valid Base-64 string/);
});

test('Math and TimeSpan', () => {
  assert.deepEqual(dotnetMessages('M: DotNet Math; T: DotNet TimeSpan;', `
    Message('%1 %2 %3 %4', M.Round(2.5), M.Round(3.5), M.Pow(2, 10), M.Max(3, 7));
    T := T.FromTicks(15000000);
    Message('%1 %2', T.TotalMilliseconds, T.Seconds);
    T := T.FromMinutes(90);
    Message(T.ToString());`),
  ['2 4 1,024 7', '1,500 1', '01:30:00']);
});
