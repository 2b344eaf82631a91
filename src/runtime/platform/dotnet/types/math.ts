// System.Math: the functions AL code calls through DotNet (Abs, Round with .NET's banker's rounding by default,
// Ceiling, Floor, Pow, Sqrt, Log, Min, Max...), returning Decimals.
import { dotnetType, num, dec, tDec, tInt, type DotNetMember } from '../dotnetType';

const d1 = (f: (x: number) => number): DotNetMember => ({ static: true, ret: tDec, fn: (_s, [x]) => dec(f(num(x))) });
const d2 = (f: (x: number, y: number) => number): DotNetMember => ({ static: true, ret: tDec, fn: (_s, [x, y]) => dec(f(num(x), num(y))) });

/** .NET's default MidpointRounding.ToEven; AwayFromZero when asked (mode 1). */
function round(x: number, digits = 0, mode = 0): number {
  const f = 10 ** digits;
  const v = x * f;
  const r = Math.round(v);
  if (Math.abs(v % 1) === 0.5) return (mode === 1 ? Math.sign(v) * Math.ceil(Math.abs(v)) : 2 * Math.round(v / 2)) / f;
  return r / f;
}

export const MathType = dotnetType('System.Math', {
  Abs: d1(Math.abs),
  Ceiling: d1(Math.ceil),
  Floor: d1(Math.floor),
  Truncate: d1(Math.trunc),
  Sqrt: d1(Math.sqrt),
  Exp: d1(Math.exp),
  Log10: d1(Math.log10),
  Log: { static: true, ret: tDec, fn: (_s, [x, b]) => dec(b === undefined ? Math.log(num(x)) : Math.log(num(x)) / Math.log(num(b))) },
  Sin: d1(Math.sin),
  Cos: d1(Math.cos),
  Tan: d1(Math.tan),
  Atan: d1(Math.atan),
  Pow: d2(Math.pow),
  Max: d2(Math.max),
  Min: d2(Math.min),
  Atan2: d2(Math.atan2),
  Sign: { static: true, ret: tInt, fn: (_s, [x]) => Math.sign(num(x)) },
  Round: { static: true, ret: tDec, fn: (_s, args) => { const x = num(args[0]); const digits = args.length >= 2 && args.length !== 2 ? num(args[1]) : args.length === 2 ? num(args[1]) : 0; const mode = args.length === 3 ? num(args[2]) : 0; return dec(round(x, digits, mode)); } },
  PI: { static: true, property: true, ret: tDec, fn: () => dec(Math.PI) },
  E: { static: true, property: true, ret: tDec, fn: () => dec(Math.E) },
});
