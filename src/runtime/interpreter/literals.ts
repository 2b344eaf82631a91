// AL date, time and datetime literals (`20240131D`, `0D`, `153000T`, `0DT`) to the runtime representation.
import type { Loc } from './ast';
import { AlError } from './errors';
import { dmy2Date, hmsToTime, createDateTime } from '../values/datetime';
import { toSourceLocation } from './model';

export function literalDate(text: string, loc?: Loc): number {
  const t = text.replace(/d$/i, '');
  if (/^0+$/.test(t)) return 0;
  let y: number, m: number, d: number;
  if (t.length === 8) {
    y = +t.slice(0, 4); m = +t.slice(4, 6); d = +t.slice(6, 8);
  } else if (t.length === 6) {
    // Legacy MMDDYY form.
    m = +t.slice(0, 2); d = +t.slice(2, 4); y = +t.slice(4, 6);
    y += y < 30 ? 2000 : 1900;
  } else throw new AlError(`The date literal ${text} is not valid.`, '', loc ? toSourceLocation(loc) : undefined);
  return dmy2Date(d, m, y);
}

export function literalTime(text: string, loc?: Loc): number {
  const t = text.replace(/t$/i, '');
  // `0T` is the undefined time; `000000T` (and `0000T`) is midnight, a defined time.
  if (t === '0') return 0;
  const m = /^(\d{2})(\d{2})(\d{2})?(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) throw new AlError(`The time literal ${text} is not valid.`, '', loc ? toSourceLocation(loc) : undefined);
  return hmsToTime(+m[1], +m[2], m[3] ? +m[3] : 0, m[4] ? +m[4].padEnd(3, '0') : 0);
}

export function literalDateTime(text: string, loc?: Loc): number {
  const t = text.replace(/dt$/i, '');
  if (/^0+$/.test(t)) return 0;
  const m = /^(\d{8})[dD]?[tT]?(\d{6}(?:\.\d{1,3})?)?$/.exec(t);
  if (!m) throw new AlError(`The datetime literal ${text} is not valid.`, '', loc ? toSourceLocation(loc) : undefined);
  return createDateTime(literalDate(m[1], loc), m[2] ? literalTime(m[2], loc) : 0);
}
