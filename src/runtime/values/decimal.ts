// AL's Decimal: exact decimal arithmetic with .NET System.Decimal's range and precision (BC runs AL on .NET),
// as a BigInt mantissa and a base-10 scale, so 0.1 + 0.2 = 0.3 exactly.
import { AlRuntimeError, type AlDecimalLike } from '../contracts';

/** .NET decimal: a 96-bit mantissa and a scale of 0..28. */
const MAX_MANTISSA = (1n << 96n) - 1n;
const MAX_SCALE = 28;
const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 80; i++, p *= 10n) POW10.push(p);
function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n] : 10n ** BigInt(n);
}

export type RoundDirection = '=' | '<' | '>';

export const DECIMAL_OVERFLOW_TEXT = 'Value was either too large or too small for a Decimal.';
export const DIVIDE_BY_ZERO_TEXT = 'Attempted to divide by zero.';

/** Integer division of a by b (b > 0 or < 0) rounded by mode: 'even' (banker's), 'away' (half away from zero), 'ceil', 'floor', 'trunc'. */
function divRound(a: bigint, b: bigint, mode: 'even' | 'away' | 'ceil' | 'floor' | 'trunc'): bigint {
  if (b < 0n) { a = -a; b = -b; }
  const q = a / b; // truncates toward zero
  const r = a % b;
  if (r === 0n) return q;
  const negative = a < 0n;
  switch (mode) {
    case 'trunc': return q;
    case 'floor': return negative ? q - 1n : q;
    case 'ceil': return negative ? q : q + 1n;
    default: {
      const twice = (r < 0n ? -r : r) * 2n;
      let up: boolean;
      if (twice > b) up = true;
      else if (twice < b) up = false;
      else up = mode === 'away' ? true : (q & 1n) !== 0n;
      return up ? (negative ? q - 1n : q + 1n) : q;
    }
  }
}

/**
 * An immutable exact decimal. Invariant: normalized (no trailing zero digit in the mantissa when scale > 0),
 * scale in 0..28 and |mantissa| < 2^96, as in .NET; results that need more fractional digits are rounded
 * half-to-even to fit (what .NET does), results beyond the range raise BC's overflow error.
 */
export class AlDecimal implements AlDecimalLike {
  readonly isDecimal = true as const;
  private constructor(readonly mantissa: bigint, readonly scale: number) {}

  static readonly ZERO = new AlDecimal(0n, 0);
  static readonly ONE = new AlDecimal(1n, 0);

  /** Builds a value from mantissa / 10^scale, fitting it into the .NET range. */
  static fromParts(mantissa: bigint, scale: number): AlDecimal {
    if (scale < 0) { mantissa *= pow10(-scale); scale = 0; }
    // Round once, by as many digits as the scale limit and the mantissa range need (no double rounding).
    let cut = scale > MAX_SCALE ? scale - MAX_SCALE : 0;
    const abs = mantissa < 0n ? -mantissa : mantissa;
    while (cut < scale && abs / pow10(cut) > MAX_MANTISSA) cut++;
    if (cut > 0) { mantissa = divRound(mantissa, pow10(cut), 'even'); scale -= cut; }
    if ((mantissa < 0n ? -mantissa : mantissa) > MAX_MANTISSA) {
      if (scale === 0) throw new AlRuntimeError(DECIMAL_OVERFLOW_TEXT);
      mantissa = divRound(mantissa, 10n, 'even'); // rounding carried into a new digit: one more place
      scale--;
      if ((mantissa < 0n ? -mantissa : mantissa) > MAX_MANTISSA) throw new AlRuntimeError(DECIMAL_OVERFLOW_TEXT);
    }
    if (mantissa === 0n) return AlDecimal.ZERO;
    while (scale > 0 && mantissa % 10n === 0n) { mantissa /= 10n; scale--; }
    return new AlDecimal(mantissa, scale);
  }

  static fromInteger(n: number): AlDecimal {
    return AlDecimal.fromParts(BigInt(n), 0);
  }

  /** From a JS number, using its shortest round-trip text (0.1 becomes exactly 0.1, not 0.1000000000000000055...). */
  static fromNumber(n: number): AlDecimal {
    if (!Number.isFinite(n)) throw new AlRuntimeError(DECIMAL_OVERFLOW_TEXT);
    if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) return AlDecimal.fromParts(BigInt(n), 0);
    const parsed = AlDecimal.parse(String(n));
    if (!parsed) throw new AlRuntimeError(`Cannot convert ${n} to a Decimal.`);
    return parsed;
  }

  /** Any numeric value to a decimal (numbers are Integer/BigInteger/Duration values, or a decimal already). */
  static from(v: number | AlDecimalLike | string): AlDecimal {
    if (v instanceof AlDecimal) return v;
    if (typeof v === 'number') return AlDecimal.fromNumber(v);
    const parsed = AlDecimal.parse(typeof v === 'string' ? v : v.toString());
    if (!parsed) throw new AlRuntimeError(`Cannot convert '${String(v)}' to a Decimal.`);
    return parsed;
  }

  /**
   * Parses invariant decimal text: optional sign, digits, optional '.' fraction, optional exponent
   * (`-1234.5`, `1e3`, `.5`). Returns undefined for anything else (no thousands separators: see
   * evaluate.ts for the user-facing forms).
   */
  static parse(text: string): AlDecimal | undefined {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return undefined;
    const frac = m[3] ?? '';
    let mantissa = BigInt((m[2] || '0') + frac);
    if (m[1] === '-') mantissa = -mantissa;
    const exp = m[4] ? parseInt(m[4], 10) : 0;
    if (Math.abs(exp) > 400) return undefined;
    try {
      return AlDecimal.fromParts(mantissa, frac.length - exp);
    } catch {
      return undefined;
    }
  }

  /** Aligns two values on a common scale. */
  private static align(a: AlDecimal, b: AlDecimal): [bigint, bigint, number] {
    if (a.scale === b.scale) return [a.mantissa, b.mantissa, a.scale];
    if (a.scale > b.scale) return [a.mantissa, b.mantissa * pow10(a.scale - b.scale), a.scale];
    return [a.mantissa * pow10(b.scale - a.scale), b.mantissa, b.scale];
  }

  add(other: AlDecimal): AlDecimal {
    const [x, y, s] = AlDecimal.align(this, other);
    return AlDecimal.fromParts(x + y, s);
  }

  sub(other: AlDecimal): AlDecimal {
    const [x, y, s] = AlDecimal.align(this, other);
    return AlDecimal.fromParts(x - y, s);
  }

  mul(other: AlDecimal): AlDecimal {
    return AlDecimal.fromParts(this.mantissa * other.mantissa, this.scale + other.scale);
  }

  /**
   * Division, exact when the quotient has a finite expansion within 28 fractional digits, else rounded
   * half-to-even to the most digits the .NET range holds (1/3 = 0.3333333333333333333333333333, 28 digits;
   * 10/3 = 3.3333333333333333333333333333, 29 significant digits), as .NET decimal division does.
   */
  div(other: AlDecimal): AlDecimal {
    if (other.mantissa === 0n) throw new AlRuntimeError(DIVIDE_BY_ZERO_TEXT);
    // Result scale = this.scale - other.scale + extra; compute 2 guard digits beyond MAX_SCALE then fit.
    const extra = MAX_SCALE + 2 - this.scale + other.scale;
    const numerator = extra >= 0 ? this.mantissa * pow10(extra) : this.mantissa;
    const denominator = extra >= 0 ? other.mantissa : other.mantissa * pow10(-extra);
    const q = numerator / denominator;
    const exact = numerator % denominator === 0n;
    // Sticky bit: an inexact quotient must not look like an exact tie when rounding later.
    const sticky = exact ? q * 10n : q * 10n + ((numerator < 0n) !== (denominator < 0n) ? -1n : 1n);
    return AlDecimal.fromParts(sticky, MAX_SCALE + 3);
  }

  neg(): AlDecimal {
    return this.mantissa === 0n ? this : new AlDecimal(-this.mantissa, this.scale);
  }

  abs(): AlDecimal {
    return this.mantissa < 0n ? this.neg() : this;
  }

  sign(): number {
    return this.mantissa === 0n ? 0 : this.mantissa < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.mantissa === 0n;
  }

  compare(other: AlDecimalLike): number {
    const o = other instanceof AlDecimal ? other : AlDecimal.from(other);
    const [x, y] = AlDecimal.align(this, o);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  equals(other: AlDecimal): boolean {
    return this.mantissa === other.mantissa && this.scale === other.scale;
  }

  /**
   * AL Round(Number [, Precision [, Direction]]): to a multiple of precision (default 0.01); '=' to the
   * nearest, halves away from zero; '>' up (toward +infinity); '<' down (toward -infinity).
   */
  round(precision: AlDecimal = AlDecimal.fromParts(1n, 2), direction: RoundDirection = '='): AlDecimal {
    if (precision.sign() <= 0) throw new AlRuntimeError(`The rounding precision ${precision.toString()} is not valid. It must be greater than zero.`);
    // this / precision = (m1 * 10^s2) / (m2 * 10^s1)
    const num = this.mantissa * pow10(precision.scale);
    const den = precision.mantissa * pow10(this.scale);
    const n = divRound(num, den, direction === '=' ? 'away' : direction === '>' ? 'ceil' : 'floor');
    return AlDecimal.fromParts(n * precision.mantissa, precision.scale);
  }

  /** Drops the fraction (toward zero). */
  truncate(): AlDecimal {
    return this.scale === 0 ? this : AlDecimal.fromParts(this.mantissa / pow10(this.scale), 0);
  }

  /** AL Power(Number, Power): exact for whole non-negative exponents, through binary floats otherwise. */
  power(exponent: AlDecimal): AlDecimal {
    if (exponent.scale === 0 && exponent.mantissa >= 0n && exponent.mantissa <= 1000n) {
      let result: AlDecimal = AlDecimal.ONE;
      let base = AlDecimal.fromParts(this.mantissa, this.scale);
      let e = exponent.mantissa;
      while (e > 0n) {
        if (e & 1n) result = result.mul(base);
        e >>= 1n;
        if (e > 0n) base = base.mul(base);
      }
      return result;
    }
    if (exponent.scale === 0 && exponent.mantissa < 0n && exponent.mantissa >= -1000n) {
      return AlDecimal.ONE.div(this.power(exponent.neg()));
    }
    const r = Math.pow(this.toNumber(), exponent.toNumber());
    if (Number.isNaN(r)) throw new AlRuntimeError(`Power(${this.toString()}, ${exponent.toString()}) is not a number.`);
    return AlDecimal.fromNumber(r);
  }

  isInteger(): boolean {
    return this.scale === 0;
  }

  toNumber(): number {
    return this.scale === 0 ? Number(this.mantissa) : Number(this.toString());
  }

  /** Invariant text: `-1234.5` (no thousands separator, '.' as decimal point, no exponent). */
  toString(): string {
    if (this.scale === 0) return this.mantissa.toString();
    const negative = this.mantissa < 0n;
    const digits = (negative ? -this.mantissa : this.mantissa).toString().padStart(this.scale + 1, '0');
    const cut = digits.length - this.scale;
    return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }

  /** Integer part digits and fraction digits of the absolute value, for formatting. */
  parts(): { negative: boolean; integer: string; fraction: string } {
    const text = this.toString();
    const negative = text.startsWith('-');
    const body = negative ? text.slice(1) : text;
    const dot = body.indexOf('.');
    return dot < 0 ? { negative, integer: body, fraction: '' } : { negative, integer: body.slice(0, dot), fraction: body.slice(dot + 1) };
  }
}

export function isAlDecimal(v: unknown): v is AlDecimal {
  return v instanceof AlDecimal;
}
