// Tests of Text/Code semantics: Code normalization and length errors, the classic string functions,
// StrSubstNo, the Text methods (1-based), Guids and the text collation used by sorting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from '../../../src/runtime/values/text';
import { createGuid, formatGuid, isNullGuid, NULL_GUID, parseGuid } from '../../../src/runtime/values/guid';
import { compareValues, valuesEqual, keyText } from '../../../src/runtime/values/compare';
import { AlDecimal } from '../../../src/runtime/values/decimal';
import { AlRuntimeError } from '../../../src/runtime/contracts';

test('Code values are upper-cased and trimmed; declared lengths are enforced with BC\'s text', () => {
  assert.equal(T.normalizeCode('  c10000 ', 20), 'C10000');
  assert.equal(T.normalizeCode('abc'), 'ABC');
  assert.throws(() => T.normalizeCode('abcdef', 5), (e: unknown) => e instanceof AlRuntimeError && e.message === 'The length of the string is 6, but it must be less than or equal to 5 characters. Value: ABCDEF');
  assert.equal(T.checkTextLength('abc', 3), 'abc');
  assert.equal(T.checkTextLength('abcdef', 0), 'abcdef');
  assert.throws(() => T.checkTextLength('abcd', 3), /The length of the string is 4, but it must be less than or equal to 3 characters. Value: abcd/);
});

test('CopyStr, StrLen, StrPos, UpperCase, LowerCase', () => {
  assert.equal(T.copyStr('Business Central', 10), 'Central');
  assert.equal(T.copyStr('Business Central', 1, 8), 'Business');
  assert.equal(T.copyStr('abc', 5), '');
  assert.equal(T.copyStr('abc', 2, 10), 'bc');
  assert.throws(() => T.copyStr('abc', 0), AlRuntimeError);
  assert.equal(T.strLen('abc'), 3);
  assert.equal(T.strPos('Hello World', 'World'), 7);
  assert.equal(T.strPos('Hello World', 'world'), 0);
  assert.equal(T.upperCase('aBc'), 'ABC');
  assert.equal(T.lowerCase('aBc'), 'abc');
});

test('DelChr with =, <, > and character sets; PadStr; SelectStr; ConvertStr', () => {
  assert.equal(T.delChr('  a b  '), 'ab');
  assert.equal(T.delChr('  a b  ', '<'), 'a b  ');
  assert.equal(T.delChr('  a b  ', '>'), '  a b');
  assert.equal(T.delChr('  a b  ', '<>'), 'a b');
  assert.equal(T.delChr('1,234.50', '=', ',.'), '123450');
  assert.equal(T.delChr('xxabcxx', '<>', 'x'), 'abc');
  assert.equal(T.padStr('ab', 5), 'ab   ');
  assert.equal(T.padStr('ab', 5, '*'), 'ab***');
  assert.equal(T.padStr('abcdef', 3), 'abc');
  assert.equal(T.selectStr(2, 'Quote,Order,Invoice'), 'Order');
  assert.throws(() => T.selectStr(4, 'a,b,c'), /has 3 substrings/);
  assert.equal(T.convertStr('2024-01-31', '-', '/'), '2024/01/31');
  assert.throws(() => T.convertStr('x', 'ab', 'a'), /same length/);
});

test('IncStr keeps the width and handles carries and strings without numbers', () => {
  assert.equal(T.incStr('INV009'), 'INV010');
  assert.equal(T.incStr('A99'), 'A100');
  assert.equal(T.incStr('SO-0001-X'), 'SO-0002-X');
  assert.equal(T.incStr('10000'), '10001');
  assert.equal(T.incStr('ABC'), '');
  assert.equal(T.incStr('N5', 10), 'N15');
});

test('StrSubstNo with %n and #n### fields', () => {
  assert.equal(T.strSubstNo('Customer %1 has %2 entries', ['10000', '3']), 'Customer 10000 has 3 entries');
  assert.equal(T.strSubstNo('%2-%1-%2', ['a', 'b']), 'b-a-b');
  assert.equal(T.strSubstNo('Missing %3.', ['a']), 'Missing .');
  assert.equal(T.strSubstNo('[#1####]', ['ab']), '[ab    ]'); // the field is as wide as the whole placeholder
  assert.equal(T.strSubstNo('[#1#]', ['abcdef']), '[abc]');
  assert.equal(T.strSubstNo('100% sure', []), '100% sure');
  assert.equal(T.strSubstNo('%10', Array.from({ length: 10 }, (_, i) => `v${i + 1}`)), 'v10');
});

test('Text methods are 1-based and raise errors out of range', () => {
  const s = 'Hello, World';
  assert.equal(T.contains(s, 'World'), true);
  assert.equal(T.startsWith(s, 'Hell'), true);
  assert.equal(T.endsWith(s, 'World'), true);
  assert.equal(T.substring(s, 8), 'World');
  assert.equal(T.substring(s, 1, 5), 'Hello');
  assert.throws(() => T.substring(s, 0), AlRuntimeError);
  assert.throws(() => T.substring(s, 10, 10), AlRuntimeError);
  assert.equal(T.indexOf(s, 'o'), 5);
  assert.equal(T.indexOf(s, 'o', 6), 9);
  assert.equal(T.indexOf(s, 'z'), 0);
  assert.equal(T.lastIndexOf(s, 'o'), 9);
  assert.equal(T.lastIndexOf(s, 'o', 8), 5);
  assert.deepEqual(T.split('a,b,,c'), ['a', 'b', '', 'c']);
  assert.deepEqual(T.split('a;b|c', ';|'), ['a', 'b', 'c']);
  assert.deepEqual(T.split('a--b--c', ['--']), ['a', 'b', 'c']);
  assert.equal(T.replace('a.b.c', '.', '::'), 'a::b::c');
  assert.equal(T.trim('  x  '), 'x');
  assert.equal(T.trimStart('xxaxx', 'x'), 'axx');
  assert.equal(T.trimEnd('xxaxx', 'x'), 'xxa');
  assert.equal(T.toUpper('abc'), 'ABC');
  assert.equal(T.toLower('ABC'), 'abc');
  assert.equal(T.padLeft('7', 3, '0'), '007');
  assert.equal(T.padRight('7', 3), '7  ');
  assert.equal(T.remove(s, 6), 'Hello');
  assert.equal(T.remove(s, 6, 2), 'HelloWorld');
  assert.equal(T.insert('HelloWorld', 6, ', '), 'Hello, World');
  assert.throws(() => T.insert('abc', 5, 'x'), AlRuntimeError);
});

test('Guid creation, parsing, null check and format', () => {
  const g = createGuid();
  assert.match(g, /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  assert.notEqual(createGuid(), g);
  assert.equal(isNullGuid(NULL_GUID), true);
  assert.equal(isNullGuid(g), false);
  assert.equal(parseGuid(g.toLowerCase()), g);
  assert.equal(parseGuid(g.slice(1, -1)), g);
  assert.equal(parseGuid('xyz'), undefined);
  assert.equal(formatGuid(g, 4), g.slice(1, -1));
});

test('comparison: Text is case-insensitive with a stable tie-break; numbers, decimals, booleans', () => {
  assert.ok(compareValues('Text', 'apple', 'Banana') < 0);
  assert.ok(compareValues('Text', 'Apple', 'apple') !== 0);
  assert.equal(valuesEqual('Text', 'Apple', 'apple'), true);
  assert.equal(keyText('Text', 'Apple'), keyText('Text', 'APPLE'));
  assert.ok(compareValues('Code', '10000', '9000') < 0);
  assert.ok(compareValues('Integer', 9000, 10000) < 0);
  assert.ok(compareValues('Decimal', AlDecimal.from('0.3'), AlDecimal.from('0.25')) > 0);
  assert.equal(compareValues('Decimal', AlDecimal.from('1.50'), 1.5), 0);
  assert.ok(compareValues('Boolean', false, true) < 0);
});
