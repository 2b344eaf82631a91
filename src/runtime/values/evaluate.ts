// AL Evaluate(var Variable, Text [, FormatNumber]) for every primitive type, in the en-US culture: parses
// what Format emits (and the XML format 9) back into a value. Also used by filters and seed data.
import type { FieldType, FieldValue } from '../contracts';
import { AlDecimal } from './decimal';
import { INT32_MAX, INT32_MIN } from './integer';
import { createDateTime, dateParts, dmy2Date, hmsToTime, isValidDmy, type AlDate } from './datetime';
import { normalizeDateFormula } from './dateFormula';
import { parseGuid } from './guid';
import { MONTH_NAMES } from './format';

/** Session facts some texts refer to: 'T'/'Today' and 'W'/'WorkDate' in dates, the current century. */
export interface EvaluateContext {
  today?: AlDate;
  workDate?: AlDate;
}

export type EvaluateResult = { ok: true; value: FieldValue } | { ok: false; error: string };

function fail(text: string, type: string): EvaluateResult {
  return { ok: false, error: `'${text}' is not a valid ${type}.` };
}

/** Integer text: optional sign, digits with optional ',' thousands separators (as Format writes them). */
export function parseIntegerText(text: string): number | undefined {
  const s = text.trim();
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)$/.test(s)) return undefined;
  return Number(s.replace(/,/g, ''));
}

export function parseDecimalText(text: string): AlDecimal | undefined {
  const s = text.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+)(\.\d*)?$/.test(s)) return AlDecimal.parse(s.replace(/,/g, ''));
  return AlDecimal.parse(s);
}

export function parseBooleanText(text: string): boolean | undefined {
  const s = text.trim().toLowerCase();
  if (s === 'yes' || s === 'true' || s === '1' || s === 'y') return true;
  if (s === 'no' || s === 'false' || s === '0' || s === 'n') return false;
  return undefined;
}

/** Two-digit years: 00..29 -> 2000s, 30..99 -> 1900s (the .NET/Windows default two-digit-year window). */
function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/**
 * Date text: '' or '0D' -> 0D; `MM/DD/YY`, `MM/DD/YYYY`, `M/D` (current year), `YYYY-MM-DD`, `MMDDYY`,
 * `MMDDYYYY`, `20240131D` (AL literal), a 'C' prefix for a closing date, 'T'/'Today', 'W'/'WorkDate',
 * and month names ('January 31, 2024').
 */
export function parseDateText(text: string, ctx: EvaluateContext = {}): AlDate | undefined {
  let s = text.trim();
  if (s === '' || s.toUpperCase() === '0D') return 0;
  let closing = false;
  if (/^c/i.test(s) && s.length > 1 && !/^c[a-z]/i.test(s.slice(0, 2))) { closing = true; s = s.slice(1).trim(); }
  const upper = s.toUpperCase();
  let date: AlDate | undefined;
  const current = ctx.workDate ?? ctx.today;
  if (upper === 'T' || upper === 'TODAY') date = ctx.today;
  else if (upper === 'W' || upper === 'WORKDATE') date = ctx.workDate ?? ctx.today;
  else {
    let m: RegExpExecArray | null;
    let d: number, mo: number, y: number;
    if ((m = /^(\d{4})(\d{2})(\d{2})D$/i.exec(s))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) { mo = +m[1]; d = +m[2]; y = fullYear(+m[3], m[3].length); }
    else if ((m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(s))) {
      if (current === undefined) return undefined;
      mo = +m[1]; d = +m[2]; y = dateParts(current).y;
    }
    else if ((m = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(s))) { mo = +m[1]; d = +m[2]; y = fullYear(+m[3], m[3].length); }
    else if ((m = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(s))) {
      const idx = MONTH_NAMES.findIndex((n) => n.toLowerCase().startsWith(m![1].toLowerCase()) && m![1].length >= 3);
      if (idx < 0) return undefined;
      mo = idx + 1; d = +m[2]; y = +m[3];
    } else return undefined;
    if (!isValidDmy(d, mo, y)) return undefined;
    date = dmy2Date(d, mo, y);
  }
  if (date === undefined) return undefined;
  return closing && date !== 0 ? Math.floor(date) + 0.5 : date;
}

/**
 * Time text: '' or '0T' -> 0T; `HH:MM[:SS[.mmm]]` 24-hour or with AM/PM, `HHMMSS[.mmm]`, `120000T`.
 */
export function parseTimeText(text: string): number | undefined {
  const s = text.trim();
  if (s === '' || s.toUpperCase() === '0T') return 0;
  let m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(AM|PM)?$/i.exec(s);
  if (!m) {
    const compact = /^(\d{2})(\d{2})(\d{2})?(?:\.(\d{1,3}))?T?\s*(AM|PM)?$/i.exec(s);
    if (!compact) return undefined;
    m = compact;
  }
  let h = +m[1];
  const mi = +m[2];
  const sec = m[3] ? +m[3] : 0;
  const ms = m[4] ? +m[4].padEnd(3, '0') : 0;
  if (m[5]) {
    if (h < 1 || h > 12) return undefined;
    const pm = m[5].toUpperCase() === 'PM';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  return hmsToTime(h, mi, sec, ms);
}

/** DateTime text: '' / '0DT'; ISO `2024-01-31T13:05:09[.mmm][Z]`; or a date and a time separated by a space. */
export function parseDateTimeText(text: string, ctx: EvaluateContext = {}): number | undefined {
  const s = text.trim();
  if (s === '' || s.toUpperCase() === '0DT') return 0;
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})T(\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)Z?$/i.exec(s);
  let datePart: string, timePart: string;
  if (iso) { datePart = iso[1]; timePart = iso[2]; }
  else {
    const sp = s.indexOf(' ');
    if (sp < 0) { datePart = s; timePart = ''; }
    else { datePart = s.slice(0, sp); timePart = s.slice(sp + 1); }
  }
  const date = parseDateText(datePart, ctx);
  const time = timePart === '' ? 0 : parseTimeText(timePart);
  if (date === undefined || time === undefined || date === 0) return undefined;
  return createDateTime(date, time);
}

/** Duration text: a number of ms, or '1 day 2 hours 3 minutes 4 seconds 5 milliseconds' (Format's form). */
export function parseDurationText(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return 0;
  if (/^-?\d+$/.test(s)) return Number(s);
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const re = /(\d+)\s*(days?|hours?|minutes?|seconds?|milliseconds?)\s*/gi;
  const sizes: Record<string, number> = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000, millisecond: 1 };
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m.index !== consumed) return undefined;
    consumed = m.index + m[0].length;
    total += +m[1] * sizes[m[2].toLowerCase().replace(/s$/, '')];
  }
  if (consumed !== body.length || consumed === 0) return undefined;
  return negative ? -total : total;
}

/** Option/Enum text: a member name (case-insensitive) or its ordinal. */
export function parseOptionText(text: string, members: string[] | undefined): number | undefined {
  const s = text.trim();
  const idx = (members ?? []).findIndex((m) => m.trim().toLowerCase() === s.toLowerCase());
  if (idx >= 0) return idx;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (!members || members.length === 0 || n < members.length) return n;
  }
  return undefined;
}

export interface EvaluateTarget {
  type: FieldType | 'Char' | 'Byte' | 'Label';
  optionMembers?: string[];
  /** Declared length for Text/Code (0 = unlimited). */
  length?: number;
}

/** Evaluate(Variable, Text): the parsed value, or why it is not one (Evaluate returns false then). */
export function evaluateText(target: EvaluateTarget, text: string, ctx: EvaluateContext = {}): EvaluateResult {
  const t = target.type;
  switch (t) {
    case 'Integer':
    case 'Byte':
    case 'Char': {
      const n = parseIntegerText(text);
      if (n === undefined || n < INT32_MIN || n > INT32_MAX) return fail(text, 'Integer');
      if ((t === 'Byte' || t === 'Char') && (n < 0 || n > (t === 'Byte' ? 255 : 65535))) return fail(text, t);
      return { ok: true, value: n };
    }
    case 'BigInteger': {
      const n = parseIntegerText(text);
      if (n === undefined || !Number.isSafeInteger(n)) return fail(text, 'BigInteger');
      return { ok: true, value: n };
    }
    case 'Decimal': {
      const d = parseDecimalText(text);
      return d ? { ok: true, value: d } : fail(text, 'Decimal');
    }
    case 'Boolean': {
      const b = parseBooleanText(text);
      return b === undefined ? fail(text, 'Boolean') : { ok: true, value: b };
    }
    case 'Date': {
      const d = parseDateText(text, ctx);
      return d === undefined ? fail(text, 'Date') : { ok: true, value: d };
    }
    case 'Time': {
      const v = parseTimeText(text);
      return v === undefined ? fail(text, 'Time') : { ok: true, value: v };
    }
    case 'DateTime': {
      const v = parseDateTimeText(text, ctx);
      return v === undefined ? fail(text, 'DateTime') : { ok: true, value: v };
    }
    case 'Duration': {
      const v = parseDurationText(text);
      return v === undefined ? fail(text, 'Duration') : { ok: true, value: v };
    }
    case 'Option':
    case 'Enum': {
      const v = parseOptionText(text, target.optionMembers);
      return v === undefined ? { ok: false, error: `'${text}' is not an option. The existing options are: ${(target.optionMembers ?? []).join(',')}` } : { ok: true, value: v };
    }
    case 'Guid': {
      const g = parseGuid(text);
      return g === undefined ? fail(text, 'GUID') : { ok: true, value: g };
    }
    case 'DateFormula': {
      try {
        return { ok: true, value: normalizeDateFormula(text) };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    }
    case 'Code': {
      const v = text.trim().toUpperCase();
      if (target.length && v.length > target.length) return { ok: false, error: `The length of the string is ${v.length}, but it must be less than or equal to ${target.length} characters. Value: ${v}` };
      return { ok: true, value: v };
    }
    default: {
      if (target.length && text.length > target.length) return { ok: false, error: `The length of the string is ${text.length}, but it must be less than or equal to ${target.length} characters. Value: ${text}` };
      return { ok: true, value: text };
    }
  }
}
