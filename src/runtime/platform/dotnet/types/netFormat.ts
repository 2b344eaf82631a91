// .NET composite formatting (`String.Format("{0} of {1,5:N2}", ...)`, StringBuilder.AppendFormat): placeholders
// with index, alignment and a format string; numbers and dates formatted invariantly.
import { isAlDecimal } from '../../../values/decimal';
import { dotnetError, str, unwrapAl } from '../dotnetType';

export function netFormat(format: string, args: unknown[]): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '{' && format[i + 1] === '{') {
      out += '{';
      i++;
    } else if (c === '}' && format[i + 1] === '}') {
      out += '}';
      i++;
    } else if (c === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) throw dotnetError('Input string was not in a correct format.');
      const m = /^(\d+)\s*(?:,\s*(-?\d+))?\s*(?::(.*))?$/s.exec(format.slice(i + 1, end));
      if (!m) throw dotnetError('Input string was not in a correct format.');
      const idx = Number(m[1]);
      if (idx >= args.length) throw dotnetError('Index (zero based) must be greater than or equal to zero and less than the size of the argument list.');
      let v = formatOne(args[idx], m[3]);
      const w = m[2] ? Number(m[2]) : 0;
      if (w > 0) v = v.padStart(w);
      else if (w < 0) v = v.padEnd(-w);
      out += v;
      i = end;
    } else out += c;
  }
  return out;
}

function formatOne(v: unknown, fmt: string | undefined): string {
  v = unwrapAl(v);
  const n = typeof v === 'number' ? v : isAlDecimal(v) ? v.toNumber() : undefined;
  if (n !== undefined && fmt) {
    const m = /^([NnFfDdXxCcPp])(\d*)$/.exec(fmt);
    if (m) {
      const p = m[2] === '' ? undefined : Number(m[2]);
      switch (m[1].toUpperCase()) {
        case 'N':
          return n.toLocaleString('en-US', { minimumFractionDigits: p ?? 2, maximumFractionDigits: p ?? 2 });
        case 'F':
          return n.toFixed(p ?? 2);
        case 'D':
          return String(Math.trunc(n)).padStart(p ?? 0, '0');
        case 'X': {
          const h = (n >>> 0).toString(16).padStart(p ?? 0, '0');
          return m[1] === 'X' ? h.toUpperCase() : h;
        }
        case 'P':
          return (n * 100).toFixed(p ?? 2) + ' %';
        case 'C':
          return '¤' + n.toLocaleString('en-US', { minimumFractionDigits: p ?? 2, maximumFractionDigits: p ?? 2 });
      }
    }
    if (/^0+(\.0+)?$/.test(fmt)) {
      const [i, f] = fmt.split('.');
      const t = n.toFixed(f ? f.length : 0);
      const [ti, tf] = t.split('.');
      return ti.padStart(i.length, '0') + (tf ? '.' + tf : '');
    }
  }
  if (v !== null && typeof v === 'object' && typeof (v as { alFormatWith?: unknown }).alFormatWith === 'function') return (v as { alFormatWith(f?: string): string }).alFormatWith(fmt);
  return str(v);
}
