// Tests of AlDecimal: exactness, .NET-like precision and range, Round in all directions, Power, parse/print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlDecimal } from '../../../src/runtime/values/decimal';
import { AlRuntimeError } from '../../../src/runtime/contracts';

const d = (s: string) => AlDecimal.from(s);

test('decimal arithmetic is exact: 0.1 + 0.2 = 0.3', () => {
  assert.equal(d('0.1').add(d('0.2')).toString(), '0.3');
  assert.equal(d('0.1').add(d('0.2')).compare(d('0.3')), 0);
  assert.equal(AlDecimal.fromNumber(0.1).add(AlDecimal.fromNumber(0.2)).toString(), '0.3');
  assert.equal(d('1.10').sub(d('0.1')).toString(), '1');
  assert.equal(d('-2.5').mul(d('4')).toString(), '-10');
  assert.equal(d('1234.5678').mul(d('0.01')).toString(), '12.345678');
});

test('division is exact when finite and rounded to .NET decimal precision otherwise', () => {
  assert.equal(d('1').div(d('4')).toString(), '0.25');
  assert.equal(d('1').div(d('3')).toString(), '0.3333333333333333333333333333');
  assert.equal(d('2').div(d('3')).toString(), '0.6666666666666666666666666667');
  assert.equal(d('10').div(d('3')).toString(), '3.3333333333333333333333333333');
  assert.equal(d('-1').div(d('3')).toString(), '-0.3333333333333333333333333333');
  assert.throws(() => d('1').div(AlDecimal.ZERO), (e: unknown) => e instanceof AlRuntimeError && e.message === 'Attempted to divide by zero.');
});

test('decimal overflow beyond the .NET range is an AL error', () => {
  const big = d('79228162514264337593543950335');
  assert.throws(() => big.add(AlDecimal.ONE), /too large or too small for a Decimal/);
  assert.equal(big.sub(AlDecimal.ONE).toString(), '79228162514264337593543950334');
});

test('Round: default precision 0.01, nearest halves away from zero, up and down', () => {
  assert.equal(d('1234.56789').round().toString(), '1234.57');
  assert.equal(d('1234.56789').round(d('100')).toString(), '1200');
  assert.equal(d('1234.56789').round(d('0.1')).toString(), '1234.6');
  assert.equal(d('1234.56789').round(d('0.001'), '<').toString(), '1234.567');
  assert.equal(d('1234.56189').round(d('0.001'), '>').toString(), '1234.562');
  assert.equal(d('2.5').round(d('1')).toString(), '3');
  assert.equal(d('-2.5').round(d('1')).toString(), '-3');
  assert.equal(d('-2.5').round(d('1'), '>').toString(), '-2');
  assert.equal(d('-2.5').round(d('1'), '<').toString(), '-3');
  assert.equal(d('7.3').round(d('0.25')).toString(), '7.25');
  assert.equal(d('7.4').round(d('0.25')).toString(), '7.5');
  assert.throws(() => d('1').round(AlDecimal.ZERO), AlRuntimeError);
});

test('Abs, neg, compare, Power', () => {
  assert.equal(d('-3.5').abs().toString(), '3.5');
  assert.equal(d('3.5').neg().toString(), '-3.5');
  assert.equal(d('1.5').compare(d('1.50')), 0);
  assert.ok(d('-1').compare(d('0.5')) < 0);
  assert.equal(d('1.1').power(d('2')).toString(), '1.21');
  assert.equal(d('2').power(d('-2')).toString(), '0.25');
  assert.equal(d('2').power(d('10')).toString(), '1024');
  assert.equal(d('4').power(d('0.5')).toString(), '2');
});

test('parse accepts invariant numbers with exponent; rejects junk', () => {
  assert.equal(AlDecimal.parse('-1234.50')?.toString(), '-1234.5');
  assert.equal(AlDecimal.parse('1e3')?.toString(), '1000');
  assert.equal(AlDecimal.parse('.5')?.toString(), '0.5');
  assert.equal(AlDecimal.parse('1,234'), undefined);
  assert.equal(AlDecimal.parse('abc'), undefined);
  assert.equal(AlDecimal.parse(''), undefined);
  assert.equal(d('0.000').isZero(), true);
  assert.equal(d('12.75').truncate().toString(), '12');
});
