// System.Array: .NET arrays (what String.Split, Encoding.GetBytes, Regex.Split return; Array.CreateInstance),
// with Length, GetValue/SetValue, IndexOf, Clone, Copy; enumerable with foreach.
import { DotNetArray, dn, dotnetError, dotnetType, num, self, str, tInt, tText, unwrapAl, type DotNetCall } from '../dotnetType';
import { TypeValue } from './type';

const outOfRange = (call: DotNetCall) => dotnetError('Index was outside the bounds of the array.', call);
const me = (v: unknown, call: DotNetCall) => self(v, DotNetArray, call);

export function defaultOf(typeName: string): unknown {
  if (/^System\.(Int\d+|UInt\d+|Byte|SByte|Double|Single|Decimal|Char)$/.test(typeName)) return 0;
  if (typeName === 'System.Boolean') return false;
  return null;
}

export const ArrayType = dotnetType('System.Array', {
  CreateInstance: {
    static: true, ret: dn('System.Array'),
    fn: (_s, [t, n], call) => {
      const tv = unwrapAl(t);
      const name = tv instanceof TypeValue ? tv.fullName : 'System.Object';
      const len = num(n);
      if (len < 0) throw dotnetError(`Non-negative number required. (Parameter 'length')`, call);
      return new DotNetArray(new Array(len).fill(defaultOf(name)), name);
    },
  },
  Length: { property: true, ret: tInt, fn: (s, _a, c) => me(s, c).items.length },
  Count: { property: true, ret: tInt, fn: (s, _a, c) => me(s, c).items.length },
  Rank: { property: true, ret: tInt, fn: () => 1 },
  GetLength: { ret: tInt, fn: (s, _a, c) => me(s, c).items.length },
  GetValue: { fn: (s, [i], c) => { const a = me(s, c); const n = num(i); if (n < 0 || n >= a.items.length) throw outOfRange(c); return a.items[n]; } },
  SetValue: { fn: (s, [v, i], c) => { const a = me(s, c); const n = num(i); if (n < 0 || n >= a.items.length) throw outOfRange(c); a.items[n] = unwrapAl(v); } },
  Item: { fn: (s, [i], c) => { const a = me(s, c); const n = num(i); if (n < 0 || n >= a.items.length) throw outOfRange(c); return a.items[n]; } },
  Clone: { ret: dn('System.Array'), fn: (s, _a, c) => { const a = me(s, c); return new DotNetArray(a.items.slice(), a.elementType); } },
  IndexOf: { static: true, ret: tInt, fn: (_s, [a, v], c) => { const arr = me(a, c); const x = unwrapAl(v); return arr.items.findIndex((y) => y === x || (typeof y === 'string' && y === str(x))); } },
  Copy: { static: true, fn: (_s, args, c) => { const src = me(args[0], c); const dst = me(args[args.length === 3 ? 1 : 2], c); if (args.length === 3) { const n = num(args[2]); for (let i = 0; i < n; i++) dst.items[i] = src.items[i]; } else { const si = num(args[1]); const di = num(args[3]); const n = num(args[4]); for (let i = 0; i < n; i++) dst.items[di + i] = src.items[si + i]; } } },
  Reverse: { static: true, fn: (_s, [a], c) => void me(a, c).items.reverse() },
  Sort: { static: true, fn: (_s, [a], c) => void me(a, c).items.sort((x, y) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0)) },
  ToString: { ret: tText, fn: (s, _a, c) => `${me(s, c).elementType}[]` },
});
