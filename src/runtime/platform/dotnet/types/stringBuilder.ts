// System.Text.StringBuilder: a mutable text buffer (Append, AppendLine with CRLF as on Windows, AppendFormat,
// Insert, Remove, Replace, Clear, Length, ToString).
import { DotNetObject, dotnetError, dotnetType, num, self, str, tInt, tText, dn } from '../dotnetType';
import { netFormat } from './netFormat';

export class StringBuilderValue extends DotNetObject {
  readonly dotnetType = 'System.Text.StringBuilder';
  constructor(public text = '') {
    super();
  }
  override alFormat(): string {
    return this.text;
  }
}

const SB = 'System.Text.StringBuilder';
const me = (v: unknown, call: Parameters<typeof self>[2]) => self(v, StringBuilderValue, call);

export const StringBuilderType = dotnetType(SB, {
  StringBuilder: { static: true, ret: dn(SB), fn: (_s, [v]) => new StringBuilderValue(v === undefined || typeof v === 'number' ? '' : str(v)) },
  Append: { ret: dn(SB), fn: (s, args, call) => { const b = me(s, call); b.text += args.length === 3 ? str(args[0]).substr(num(args[1]), num(args[2])) : str(args[0]); return b; } },
  AppendLine: { ret: dn(SB), fn: (s, [v], call) => { const b = me(s, call); b.text += (v === undefined ? '' : str(v)) + '\r\n'; return b; } },
  AppendFormat: { ret: dn(SB), fn: (s, [f, ...a], call) => { const b = me(s, call); b.text += netFormat(str(f), a); return b; } },
  Insert: { ret: dn(SB), fn: (s, [i, v], call) => { const b = me(s, call); const n = num(i); if (n < 0 || n > b.text.length) throw dotnetError(`Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'index')`, call); b.text = b.text.slice(0, n) + str(v) + b.text.slice(n); return b; } },
  Remove: { ret: dn(SB), fn: (s, [i, n], call) => { const b = me(s, call); const a = num(i); const c = num(n); if (a < 0 || c < 0 || a + c > b.text.length) throw dotnetError(`Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')`, call); b.text = b.text.slice(0, a) + b.text.slice(a + c); return b; } },
  Replace: { ret: dn(SB), fn: (s, [a, v], call) => { const b = me(s, call); b.text = b.text.split(str(a)).join(str(v)); return b; } },
  Clear: { ret: dn(SB), fn: (s, _a, call) => { const b = me(s, call); b.text = ''; return b; } },
  Length: { property: true, ret: tInt, fn: (s, [v], call) => { const b = me(s, call); if (v !== undefined) { const n = num(v); b.text = n <= b.text.length ? b.text.slice(0, n) : b.text.padEnd(n, '\0'); } return b.text.length; } },
  Capacity: { property: true, ret: tInt, fn: (s, _a, call) => Math.max(16, me(s, call).text.length) },
  ToString: { ret: tText, fn: (s, [i, n], call) => { const t = me(s, call).text; return i === undefined ? t : t.substr(num(i), num(n)); } },
});
