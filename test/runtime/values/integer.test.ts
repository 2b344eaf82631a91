// Tests of Integer/BigInteger arithmetic: overflow errors, div and mod semantics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intAdd, intDiv, intMod, intMul, intNeg, intSub, OVERFLOW_TEXT, INT32_MAX, INT32_MIN } from '../../../src/runtime/values/integer';

test('Integer overflow is an AL error, not wrap-around', () => {
  assert.equal(intAdd('Integer', INT32_MAX - 1, 1), INT32_MAX);
  assert.throws(() => intAdd('Integer', INT32_MAX, 1), { message: OVERFLOW_TEXT });
  assert.throws(() => intSub('Integer', INT32_MIN, 1), { message: OVERFLOW_TEXT });
  assert.throws(() => intMul('Integer', 65536, 65536), { message: OVERFLOW_TEXT });
  assert.throws(() => intNeg('Integer', INT32_MIN), { message: OVERFLOW_TEXT });
  assert.equal(intAdd('BigInteger', INT32_MAX, 1), 2147483648);
  assert.throws(() => intMul('BigInteger', 2 ** 40, 2 ** 20), { message: OVERFLOW_TEXT });
  assert.equal(intMul('BigInteger', 2 ** 26, 2 ** 26), 2 ** 52);
});

test('div truncates toward zero; mod has the sign of the dividend; zero divisor errors', () => {
  assert.equal(intDiv('Integer', 7, 2), 3);
  assert.equal(intDiv('Integer', -7, 2), -3);
  assert.equal(intMod('Integer', 7, 3), 1);
  assert.equal(intMod('Integer', -7, 3), -1);
  assert.equal(intMod('Integer', 7, -3), 1);
  assert.throws(() => intDiv('Integer', 1, 0), { message: 'Attempted to divide by zero.' });
  assert.throws(() => intMod('Integer', 1, 0), { message: 'Attempted to divide by zero.' });
  assert.throws(() => intDiv('Integer', INT32_MIN, -1), { message: OVERFLOW_TEXT });
});
