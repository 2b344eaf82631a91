// System.String: AL Text values are .NET strings, so a `DotNet String` variable holds a JS string; static helpers
// (IsNullOrEmpty, Format with {0} placeholders, Join, Concat) and the instance methods AL code calls on it.
import { DotNetArray, dn, dotnetError, notInstantiated, dotnetType, num, str, tBool, tChar, tInt, tText, unwrapAl, type DotNetCall } from '../dotnetType';
import { netFormat } from './netFormat';

const s = (v: unknown, call: DotNetCall): string => {
  v = unwrapAl(v);
  if (v === null || v === undefined) throw notInstantiated(call);
  return str(v);
};

/** Separators of Split: a string, a char (code), or a .NET char/string array. */
function separators(v: unknown): string[] {
  v = unwrapAl(v);
  if (v instanceof DotNetArray) return v.items.map((x) => (typeof x === 'number' ? String.fromCharCode(x) : str(x)));
  if (typeof v === 'number') return [String.fromCharCode(v)];
  return [...str(v)].length > 1 && typeof v === 'string' ? [v] : [str(v)];
}

export function splitBy(text: string, seps: string[], count = Infinity, removeEmpty = false): string[] {
  const out: string[] = [];
  let cur = 0;
  let i = 0;
  while (i <= text.length && out.length < count - 1) {
    const sep = seps.find((x) => x !== '' && text.startsWith(x, i));
    if (sep !== undefined) {
      out.push(text.slice(cur, i));
      i += sep.length;
      cur = i;
    } else i++;
    if (i >= text.length) break;
  }
  out.push(text.slice(cur));
  return removeEmpty ? out.filter((x) => x !== '') : out;
}

const trimChars = (v: unknown[]): string => v.map((x) => { const u = unwrapAl(x); return u instanceof DotNetArray ? u.items.map((c) => String.fromCharCode(num(c))).join('') : typeof u === 'number' ? String.fromCharCode(u) : str(u); }).join('');
const escapeRe = (t: string) => t.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');

export const StringType = dotnetType('System.String', {
  String: { static: true, ret: tText, fn: (_s, [c, n]) => (typeof unwrapAl(c) === 'number' ? String.fromCharCode(num(c)) : str(c)).repeat(n === undefined ? 1 : num(n)) },
  Empty: { static: true, property: true, ret: tText, fn: () => '' },
  IsNullOrEmpty: { static: true, ret: tBool, fn: (_s, [v]) => { const u = unwrapAl(v); return u === null || u === undefined || str(u) === ''; } },
  IsNullOrWhiteSpace: { static: true, ret: tBool, fn: (_s, [v]) => { const u = unwrapAl(v); return u === null || u === undefined || str(u).trim() === ''; } },
  Format: { static: true, ret: tText, fn: (_s, args) => { const [f, ...rest] = args; const a = rest.length === 1 && unwrapAl(rest[0]) instanceof DotNetArray ? (unwrapAl(rest[0]) as DotNetArray).items : rest; return netFormat(str(f), a); } },
  Join: { static: true, ret: tText, fn: (_s, [sep, ...vals]) => { const v0 = unwrapAl(vals[0]); const items = v0 instanceof DotNetArray ? v0.items : v0 && typeof v0 === 'object' && 'items' in v0 ? (v0 as { items: unknown[] }).items : vals; return items.map(str).join(str(sep)); } },
  Concat: { static: true, ret: tText, fn: (_s, vals) => vals.map(str).join('') },
  Compare: { static: true, ret: tInt, fn: (_s, [a, b, ic]) => { let x = str(a); let y = str(b); if (ic !== undefined && unwrapAl(ic) === true) { x = x.toLowerCase(); y = y.toLowerCase(); } return x < y ? -1 : x > y ? 1 : 0; } },
  CompareOrdinal: { static: true, ret: tInt, fn: (_s, [a, b]) => { const x = str(a); const y = str(b); return x < y ? -1 : x > y ? 1 : 0; } },
  Equals: { ret: tBool, fn: (self, args) => (args.length >= 2 && self === null ? str(args[0]) === str(args[1]) : str(self) === str(args[0])) },
  Length: { property: true, ret: tInt, fn: (self, _a, call) => s(self, call).length },
  Chars: { ret: tChar, fn: (self, [i], call) => { const t = s(self, call); const n = num(i); if (n < 0 || n >= t.length) throw dotnetError('Index was outside the bounds of the array.', call); return t.charCodeAt(n); } },
  Substring: { ret: tText, fn: (self, [a, b], call) => { const t = s(self, call); const i = num(a); const n = b === undefined ? t.length - i : num(b); if (i < 0 || n < 0 || i + n > t.length) throw dotnetError(`startIndex cannot be larger than length of string. (Parameter 'startIndex')`, call); return t.substr(i, n); } },
  IndexOf: { ret: tInt, fn: (self, [v, start], call) => s(self, call).indexOf(typeof unwrapAl(v) === 'number' ? String.fromCharCode(num(v)) : str(v), start === undefined ? 0 : num(start)) },
  LastIndexOf: { ret: tInt, fn: (self, [v], call) => s(self, call).lastIndexOf(typeof unwrapAl(v) === 'number' ? String.fromCharCode(num(v)) : str(v)) },
  IndexOfAny: { ret: tInt, fn: (self, [chars], call) => { const t = s(self, call); const set = separators(chars); let best = -1; for (const c of set) { const i = t.indexOf(c); if (i >= 0 && (best < 0 || i < best)) best = i; } return best; } },
  Contains: { ret: tBool, fn: (self, [v], call) => s(self, call).includes(str(v)) },
  StartsWith: { ret: tBool, fn: (self, [v], call) => s(self, call).startsWith(str(v)) },
  EndsWith: { ret: tBool, fn: (self, [v], call) => s(self, call).endsWith(str(v)) },
  ToUpper: { ret: tText, fn: (self, _a, call) => s(self, call).toUpperCase() },
  ToLower: { ret: tText, fn: (self, _a, call) => s(self, call).toLowerCase() },
  ToUpperInvariant: { ret: tText, fn: (self, _a, call) => s(self, call).toUpperCase() },
  ToLowerInvariant: { ret: tText, fn: (self, _a, call) => s(self, call).toLowerCase() },
  Trim: { ret: tText, fn: (self, chars, call) => { const t = s(self, call); if (!chars.length) return t.trim(); const c = escapeRe(trimChars(chars)); return t.replace(new RegExp(`^[${c}]+|[${c}]+$`, 'g'), ''); } },
  TrimStart: { ret: tText, fn: (self, chars, call) => { const t = s(self, call); if (!chars.length) return t.trimStart(); return t.replace(new RegExp(`^[${escapeRe(trimChars(chars))}]+`), ''); } },
  TrimEnd: { ret: tText, fn: (self, chars, call) => { const t = s(self, call); if (!chars.length) return t.trimEnd(); return t.replace(new RegExp(`[${escapeRe(trimChars(chars))}]+$`), ''); } },
  Replace: { ret: tText, fn: (self, [a, b], call) => { const t = s(self, call); const from = typeof unwrapAl(a) === 'number' ? String.fromCharCode(num(a)) : str(a); if (from === '') throw dotnetError(`The value cannot be an empty string. (Parameter 'oldValue')`, call); return t.split(from).join(typeof unwrapAl(b) === 'number' ? String.fromCharCode(num(b)) : str(b)); } },
  PadLeft: { ret: tText, fn: (self, [n, c], call) => s(self, call).padStart(num(n), c === undefined ? ' ' : String.fromCharCode(num(c))) },
  PadRight: { ret: tText, fn: (self, [n, c], call) => s(self, call).padEnd(num(n), c === undefined ? ' ' : String.fromCharCode(num(c))) },
  Insert: { ret: tText, fn: (self, [i, v], call) => { const t = s(self, call); return t.slice(0, num(i)) + str(v) + t.slice(num(i)); } },
  Remove: { ret: tText, fn: (self, [i, n], call) => { const t = s(self, call); return n === undefined ? t.slice(0, num(i)) : t.slice(0, num(i)) + t.slice(num(i) + num(n)); } },
  Split: { ret: dn('System.Array'), fn: (self, args, call) => { const t = s(self, call); const seps = args.length ? separators(args[0]) : [' ']; const opt = args.length > 1 ? num(args[args.length - 1]) : 0; const count = args.length > 2 ? num(args[1]) : Infinity; return new DotNetArray(splitBy(t, seps, count, (opt & 1) === 1), 'System.String'); } },
  ToCharArray: { ret: dn('System.Array'), fn: (self, _a, call) => new DotNetArray([...s(self, call)].map((c) => c.charCodeAt(0)), 'System.Char') },
  ToString: { ret: tText, fn: (self, _a, call) => s(self, call) },
  CompareTo: { ret: tInt, fn: (self, [v], call) => { const x = s(self, call); const y = str(v); return x < y ? -1 : x > y ? 1 : 0; } },
  Normalize: { ret: tText, fn: (self, [f], call) => s(self, call).normalize((['NFC', 'NFD', '', '', '', 'NFKC', 'NFKD'][f === undefined ? 0 : num(f) - 1] || 'NFC') as 'NFC') },
  GetHashCode: { ret: tInt, fn: (self, _a, call) => { let h = 0; for (const ch of s(self, call)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0; return h; } },
});
