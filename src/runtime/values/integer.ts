// AL Integer (int32) and BigInteger (int64, kept as a JS number within the safe range) arithmetic with
// overflow errors instead of wrap-around, and AL's div/mod semantics.
import { AlRuntimeError } from '../contracts';
import { DIVIDE_BY_ZERO_TEXT } from './decimal';

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
/** BigInteger and Duration are numbers here (see contracts.ts): the safe-integer range is the limit. */
export const BIGINT_MIN = Number.MIN_SAFE_INTEGER;
export const BIGINT_MAX = Number.MAX_SAFE_INTEGER;

/** .NET's OverflowException text, which is what BC shows for checked integer arithmetic. */
export const OVERFLOW_TEXT = 'Arithmetic operation resulted in an overflow.';

export function checkInt32(n: number): number {
  if (!(n >= INT32_MIN && n <= INT32_MAX) || !Number.isInteger(n)) throw new AlRuntimeError(OVERFLOW_TEXT);
  return n;
}

export function checkBigInt(n: number): number {
  if (!(n >= BIGINT_MIN && n <= BIGINT_MAX) || !Number.isInteger(n)) throw new AlRuntimeError(OVERFLOW_TEXT);
  return n;
}

export type IntKind = 'Integer' | 'BigInteger';

function check(kind: IntKind, n: number): number {
  return kind === 'Integer' ? checkInt32(n) : checkBigInt(n);
}

export function intAdd(kind: IntKind, a: number, b: number): number {
  return check(kind, a + b);
}

export function intSub(kind: IntKind, a: number, b: number): number {
  return check(kind, a - b);
}

export function intMul(kind: IntKind, a: number, b: number): number {
  const r = a * b;
  // Beyond 2^53 the float product is inexact; BigInt settles whether it is in range.
  if (kind === 'BigInteger' && !Number.isSafeInteger(r)) {
    const exact = BigInt(a) * BigInt(b);
    if (exact > BigInt(BIGINT_MAX) || exact < BigInt(BIGINT_MIN)) throw new AlRuntimeError(OVERFLOW_TEXT);
    return Number(exact);
  }
  return check(kind, r);
}

/** AL `div`: integer division truncated toward zero. */
export function intDiv(kind: IntKind, a: number, b: number): number {
  if (b === 0) throw new AlRuntimeError(DIVIDE_BY_ZERO_TEXT);
  return check(kind, Math.trunc(a / b));
}

/** AL `mod`: the remainder has the sign of the dividend (-7 mod 3 = -1), as in C#. */
export function intMod(kind: IntKind, a: number, b: number): number {
  if (b === 0) throw new AlRuntimeError(DIVIDE_BY_ZERO_TEXT);
  const r = a % b;
  return r === 0 ? 0 : check(kind, r);
}

export function intNeg(kind: IntKind, a: number): number {
  return check(kind, a === 0 ? 0 : -a);
}

/** AL Abs on an integer value. */
export function intAbs(kind: IntKind, a: number): number {
  return check(kind, Math.abs(a));
}
