// System.Convert: Base64 to and from byte arrays, number bases (ToInt32(Text, 16), ToString(n, 2)), and the
// conversions AL code calls through DotNet (ToInt32, ToDecimal, ToBoolean, ToString, ToByte, ToChar).
import { DotNetArray, dn, dotnetError, dotnetType, num, str, tBool, tChar, tDec, tInt, tText, unwrapAl, dec, type DotNetCall } from '../dotnetType';
import { isAlDecimal } from '../../../values/decimal';

export function bytesOf(v: unknown, call: DotNetCall): Uint8Array {
  v = unwrapAl(v);
  if (v instanceof DotNetArray) return Uint8Array.from(v.items.map((x) => num(x) & 0xff));
  if (v instanceof Uint8Array) return v;
  throw dotnetError(`Value cannot be null. (Parameter 'inArray')`, call);
}

export function byteArray(b: Uint8Array | Buffer): DotNetArray {
  return new DotNetArray(Array.from(b), 'System.Byte');
}

const BAD_BASE64 = 'The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.';

export function fromBase64(text: string, call: DotNetCall): Buffer {
  const t = text.replace(/[\s]/g, '');
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) throw dotnetError(BAD_BASE64, call);
  return Buffer.from(t, 'base64');
}

function toInt(v: unknown, base: number | undefined, call: DotNetCall): number {
  const u = unwrapAl(v);
  if (typeof u === 'string') {
    const t = u.trim();
    const n = base === undefined ? (/^[+-]?\d+$/.test(t) ? Number(t) : NaN) : parseInt(t.replace(/^0x/i, ''), base);
    if (Number.isNaN(n)) throw dotnetError(`The input string '${u}' was not in a correct format.`, call);
    // Base 2/8/16 texts are two's complement 32-bit values.
    return base !== undefined && base !== 10 ? n | 0 : n;
  }
  if (typeof u === 'boolean') return u ? 1 : 0;
  return Math.round(num(u));
}

export const ConvertType = dotnetType('System.Convert', {
  ToBase64String: {
    static: true, ret: tText,
    fn: (_s, args, call) => {
      let b = bytesOf(args[0], call);
      if (args.length >= 3) b = b.subarray(num(args[1]), num(args[1]) + num(args[2]));
      const insertBreaks = (args.length === 2 || args.length === 4) && num(args[args.length - 1]) === 1;
      const s = Buffer.from(b).toString('base64');
      return insertBreaks ? (s.match(/.{1,76}/g) ?? []).join('\r\n') : s;
    },
  },
  FromBase64String: { static: true, ret: dn('System.Array'), fn: (_s, [v], call) => byteArray(fromBase64(str(v), call)) },
  ToInt32: { static: true, ret: tInt, fn: (_s, [v, b], call) => toInt(v, b === undefined ? undefined : num(b), call) },
  ToInt64: { static: true, ret: { name: 'BigInteger' }, fn: (_s, [v, b], call) => toInt(v, b === undefined ? undefined : num(b), call) },
  ToInt16: { static: true, ret: tInt, fn: (_s, [v, b], call) => toInt(v, b === undefined ? undefined : num(b), call) },
  ToByte: { static: true, ret: tInt, fn: (_s, [v, b], call) => { const n = toInt(v, b === undefined ? undefined : num(b), call); if (n < 0 || n > 255) throw dotnetError('Value was either too large or too small for an unsigned byte.', call); return n; } },
  ToChar: { static: true, ret: tChar, fn: (_s, [v]) => { const u = unwrapAl(v); return typeof u === 'string' ? u.charCodeAt(0) : num(u); } },
  ToDecimal: { static: true, ret: tDec, fn: (_s, [v], call) => { const u = unwrapAl(v); if (isAlDecimal(u)) return u; if (typeof u === 'string') { const n = Number(u.trim()); if (u.trim() === '' || Number.isNaN(n)) throw dotnetError(`The input string '${u}' was not in a correct format.`, call); return dec(n); } return dec(num(u)); } },
  ToDouble: { static: true, ret: tDec, fn: (_s, [v]) => dec(num(v)) },
  ToBoolean: { static: true, ret: tBool, fn: (_s, [v], call) => { const u = unwrapAl(v); if (typeof u === 'string') { if (/^\s*true\s*$/i.test(u)) return true; if (/^\s*false\s*$/i.test(u)) return false; throw dotnetError(`String '${u}' was not recognized as a valid Boolean.`, call); } return num(u) !== 0; } },
  ToString: {
    static: true, ret: tText,
    fn: (_s, [v, b]) => {
      const u = unwrapAl(v);
      if (b !== undefined && typeof unwrapAl(b) === 'number') {
        const n = num(u);
        const base = num(b);
        return (base === 10 ? n : n >>> 0).toString(base);
      }
      return str(u);
    },
  },
  ToHexString: { static: true, ret: tText, fn: (_s, [v], call) => Buffer.from(bytesOf(v, call)).toString('hex').toUpperCase() },
  FromHexString: { static: true, ret: dn('System.Array'), fn: (_s, [v], call) => { const t = str(v); if (t.length % 2 || !/^[0-9A-Fa-f]*$/.test(t)) throw dotnetError('The input is not a valid hex string as it contains a non-hex character.', call); return byteArray(Buffer.from(t, 'hex')); } },
});
