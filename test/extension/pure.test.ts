// Tests of the extension's vscode-free helpers: AL object header scanning and record keys typed by people.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanObjectHeaders } from '../../src/extension/objectHeaders';
import { parseRecordKey } from '../../src/extension/recordKey';

test('object headers give type, id, name and 0-based line, quoted names unquoted', () => {
  const text = '// header comment\ncodeunit 50100 PBTWaitCodeunit\n{\n}\n\npage 21 "Customer Card"\n{\n}\n  pageextension 50100 CustomerCardExt extends "Customer Card"\ntable 18 "Say ""Hi"""\n';
  assert.deepEqual(scanObjectHeaders(text), [
    { type: 'Codeunit', id: 50100, name: 'PBTWaitCodeunit', line: 1 },
    { type: 'Page', id: 21, name: 'Customer Card', line: 5 },
    { type: 'PageExtension', id: 50100, name: 'CustomerCardExt', line: 8 },
    { type: 'Table', id: 18, name: 'Say "Hi"', line: 9 },
  ]);
});

test('words that merely look like headers inside code are not objects', () => {
  assert.deepEqual(scanObjectHeaders('    Page.Run(21);\n    x := codeunit::"Block";\n'), []);
  // Inside a comment or a string, and inside a procedure body, a header-looking line is not a header.
  const text = 'codeunit 50100 Real\n{\n    // codeunit 50101 InComment\n    procedure P()\n    begin\n        Message(\'page 21 "NotAPage"\');\n    end;\n}\n/*\ntable 18 Commented\n*/\n';
  assert.deepEqual(scanObjectHeaders(text), [{ type: 'Codeunit', id: 50100, name: 'Real', line: 0 }]);
});

test('record keys: field=value pairs, quotes removed; empty means the first record; bad input is named', () => {
  assert.deepEqual(parseRecordKey('No.=10000'), { 'No.': '10000' });
  assert.deepEqual(parseRecordKey(' "No." = 20000 ; Name=Trey '), { 'No.': '20000', Name: 'Trey' });
  assert.deepEqual(parseRecordKey(''), {});
  assert.throws(() => parseRecordKey('10000'), /"10000" is not field=value/);
});
