// AL Format(Value [, Length [, FormatNumber | FormatString]]) for every primitive, in the en-US culture.
// What is emitted (the runtime's documented choice; BC follows the user's language):
//   Decimal 1234.5 -> '1,234.5' (format 0: <Sign><Integer Thousand><Decimals>), format 1/2 '1234.5', 9 '1234.5'
//   Integer 12345  -> '12345' in every standard format (no thousands separator, unlike Decimal)
//   Boolean        -> 'Yes'/'No' (0, 1), 'true'/'false' (2, 9)
//   Date           -> '01/31/24' (0: <Closing><Month,2>/<Day,2>/<Year>), 1 '01/31/24', 2 '20240131D', 7 '01/31/2024',
//                     4 'January 31, 2024', 9 '2024-01-31'; 0D gives ''
//   Time           -> '1:05:09 PM' (0), 9 '13:05:09' (+ '.123' when ms); 0T gives ''
//   DateTime       -> '01/31/24 1:05 PM' (0), 9 '2024-01-31T13:05:09Z' (+ ms); 0DT gives ''
//   Duration       -> '1 day 2 hours 3 minutes 4 seconds 5 milliseconds' (0), 9 the ms number
//   Option/Enum    -> the member name (0, 1), the ordinal (2, 9)
//   Guid           -> '{...}' (0..3, 9), bare 36 characters (4)
import { AlRuntimeError, type FieldType, type FieldValue } from '../contracts';
import { AlDecimal } from './decimal';
import { dateParts, isClosingDate, isoWeek, timeParts, weekday, dt2Date, dt2Time } from './datetime';
import { formatGuid } from './guid';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What Format needs to know about a value beyond its JS representation. */
export interface FormatType {
  type: FieldType | 'Char' | 'Byte' | 'Label';
  /** Option members / enum names by ordinal. */
  optionMembers?: string[];
}

function groupThousands(digits: string, sep: string): string {
  if (sep === '' || digits.length <= 3) return digits;
  const first = digits.length % 3 || 3;
  let out = digits.slice(0, first);
  for (let i = first; i < digits.length; i += 3) out += sep + digits.slice(i, i + 3);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Format strings: `<Field[,len]>` components, `<Attribute,value>` attributes and literal characters.
// ---------------------------------------------------------------------------------------------------------

interface FormatToken {
  literal?: string;
  name?: string;
  arg?: string;
}

/** Spellings BC accepts for the same field or attribute (seen in Microsoft's code). */
const ALIASES: Record<string, string> = {
  'filler char': 'filler character',
  'second dec.': 'second dec',
  hour: 'hours24',
  hours: 'hours24',
  minute: 'minutes',
  second: 'seconds',
};

function tokenize(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  let i = 0;
  while (i < format.length) {
    if (format[i] === '<') {
      const end = format.indexOf('>', i + 1);
      // '<,>' style arguments contain no '>' except '<Comma,>>' which is not supported here.
      if (end > i) {
        const body = format.slice(i + 1, end);
        const comma = body.indexOf(',');
        const raw = (comma < 0 ? body : body.slice(0, comma)).trim().toLowerCase();
        const name = ALIASES[raw] ?? raw;
        tokens.push(comma < 0 ? { name } : { name, arg: body.slice(comma + 1) });
        i = end + 1;
        continue;
      }
    }
    tokens.push({ literal: format[i] });
    i++;
  }
  return tokens;
}

function fieldLen(arg: string | undefined): number {
  const n = arg === undefined ? 0 : parseInt(arg, 10);
  return Number.isFinite(n) ? n : 0;
}

function pad(value: string | number, len: number, filler = '0'): string {
  const s = String(value);
  return len > 0 && s.length < len ? filler.repeat(len - s.length) + s : s;
}

/** Number formatting through a format string (Sign, Integer, Integer Thousand, Decimals, Precision, Comma...). */
function formatNumberWith(value: AlDecimal, format: string): string {
  // `<Standard Format,n>` stands for that format's fields; attributes around it (Precision) still apply.
  const expanded = format.replace(/<Standard Format,\s*(\d+)>/gi, (_m, n: string) => (n === '0' ? '<Sign><Integer Thousand><Decimals>' : '<Sign><Integer><Decimals>'));
  const tokens = tokenize(expanded);
  let decimalSep = '.';
  let thousandSep = ',';
  let filler = ' ';
  let minDec = 0;
  let maxDec: number | undefined;
  for (const t of tokens) {
    if (t.name === 'comma' && t.arg !== undefined) decimalSep = t.arg;
    if (t.name === '1000character' && t.arg !== undefined) thousandSep = t.arg;
    if (t.name === 'filler character' && t.arg !== undefined) filler = t.arg || ' ';
    if (t.name === 'precision' && t.arg !== undefined) {
      const [a, b] = t.arg.split(':');
      minDec = parseInt(a, 10) || 0;
      maxDec = b === undefined ? minDec : parseInt(b, 10);
    }
  }
  let v = value;
  if (maxDec !== undefined) v = v.round(AlDecimal.fromParts(1n, maxDec), '=');
  const p = v.parts();
  let fraction = p.fraction;
  if (fraction.length < minDec) fraction = fraction.padEnd(minDec, '0');
  let out = '';
  for (const t of tokens) {
    if (t.literal !== undefined) { out += t.literal; continue; }
    const len = fieldLen(t.arg);
    switch (t.name) {
      case 'sign': if (p.negative) out += '-'; break;
      case 'plussign': out += p.negative ? '-' : '+'; break;
      case 'integer': out += pad(p.integer, len, filler === ' ' ? ' ' : filler); break;
      case 'integer thousand': out += pad(groupThousands(p.integer, thousandSep), len, filler === ' ' ? ' ' : filler); break;
      case 'decimals':
      case 'decimal': {
        let digits = fraction;
        if (len > 0) digits = digits.padEnd(len - 1, '0');
        if (digits !== '') out += decimalSep + digits;
        break;
      }
      default: break; // attributes (comma, precision, 1000character, filler character) emit nothing
    }
  }
  return out;
}

/** Format of a Decimal with a standard format number. */
export function formatDecimal(value: AlDecimal, formatNumber = 0): string {
  const p = value.parts();
  const sign = p.negative ? '-' : '';
  const fraction = p.fraction === '' ? '' : '.' + p.fraction;
  if (formatNumber === 0) return sign + groupThousands(p.integer, ',') + fraction;
  return sign + p.integer + fraction;
}

/**
 * Integer and BigInteger: `<Sign><Integer>` in every standard format, no thousands separator (Microsoft's
 * code relies on it: `Rename(BankAcc."No.", Format(10000))`, `Assert.AreEqual(Format(550005), "G/L Account No.")`).
 */
export function formatInteger(value: number, _formatNumber = 0): string {
  return String(value);
}

function hours12(h: number): number {
  const r = h % 12;
  return r === 0 ? 12 : r;
}

/** Date/time formatting through a format string (Day, Month, Year, Hours24, Minutes...). */
function formatDateTimeWith(date: number, time: number, format: string): string {
  const tokens = tokenize(format);
  const dp = date === 0 ? undefined : dateParts(date);
  const tp = time === 0 ? undefined : timeParts(time);
  let out = '';
  for (const t of tokens) {
    if (t.literal !== undefined) { out += t.literal; continue; }
    const len = fieldLen(t.arg);
    const text = (s: string) => (len > 0 ? s.slice(0, len) : s);
    switch (t.name) {
      case 'day': if (dp) out += pad(dp.d, len); break;
      case 'month': if (dp) out += pad(dp.m, len); break;
      case 'month text': if (dp) out += text(MONTH_NAMES[dp.m - 1]); break;
      case 'year': if (dp) out += pad(dp.y % 100, len || 2); break;
      case 'year4': if (dp) out += pad(dp.y, 4); break;
      case 'quarter': if (dp) out += String(Math.floor((dp.m - 1) / 3) + 1); break;
      case 'week': if (dp) out += pad(isoWeek(date).week, len); break;
      case 'week year': if (dp) out += pad(isoWeek(date).year % 100, 2); break;
      case 'week year4': if (dp) out += pad(isoWeek(date).year, 4); break;
      case 'weekday': if (dp) out += String(weekday(date)); break;
      case 'weekday text': if (dp) out += text(DAY_NAMES[weekday(date) - 1]); break;
      case 'closing': if (dp && isClosingDate(date)) out += 'C'; break;
      case 'hours24': if (tp) out += pad(tp.h, len); break;
      case 'hours12': if (tp) out += pad(hours12(tp.h), len); break;
      case 'minutes': if (tp) out += pad(tp.m, len); break;
      case 'seconds': if (tp) out += pad(tp.s, len); break;
      case 'thousands': if (tp) out += pad(tp.ms, 3); break;
      case 'second dec': if (tp && tp.ms > 0) out += '.' + pad(tp.ms, 3).replace(/0+$/, ''); break;
      case 'am/pm': if (tp) out += tp.h < 12 ? 'AM' : 'PM'; break;
      default: break;
    }
  }
  return out;
}

export function formatDate(date: number, formatNumber = 0): string {
  if (date === 0) return '';
  const p = dateParts(date);
  const closing = isClosingDate(date) ? 'C' : '';
  switch (formatNumber) {
    case 2: return `${pad(p.y, 4)}${pad(p.m, 2)}${pad(p.d, 2)}D`;
    case 4: return `${MONTH_NAMES[p.m - 1]} ${p.d}, ${pad(p.y, 4)}`;
    case 7: return `${closing}${pad(p.m, 2)}/${pad(p.d, 2)}/${pad(p.y, 4)}`;
    case 9: return `${pad(p.y, 4)}-${pad(p.m, 2)}-${pad(p.d, 2)}`;
    default: return `${closing}${pad(p.m, 2)}/${pad(p.d, 2)}/${pad(p.y % 100, 2)}`;
  }
}

export function formatTime(time: number, formatNumber = 0): string {
  if (time === 0) return '';
  const p = timeParts(time);
  const ms = p.ms > 0 ? '.' + pad(p.ms, 3).replace(/0+$/, '') : '';
  if (formatNumber === 9 || formatNumber === 2) return `${pad(p.h, 2)}:${pad(p.m, 2)}:${pad(p.s, 2)}${ms}`;
  return `${hours12(p.h)}:${pad(p.m, 2)}:${pad(p.s, 2)}${ms} ${p.h < 12 ? 'AM' : 'PM'}`;
}

export function formatDateTime(dt: number, formatNumber = 0): string {
  if (dt === 0) return '';
  const date = dt2Date(dt);
  const time = dt2Time(dt);
  if (formatNumber === 9) return `${formatDate(date, 9)}T${formatTime(time, 9)}Z`;
  const p = timeParts(time);
  return `${formatDate(date, 0)} ${hours12(p.h)}:${pad(p.m, 2)} ${p.h < 12 ? 'AM' : 'PM'}`;
}

/** Duration as BC shows it: '2 days 3 hours 4 minutes 5 seconds 6 milliseconds' (zero parts left out). */
export function formatDuration(ms: number, formatNumber = 0): string {
  if (formatNumber === 9 || formatNumber === 2) return String(ms);
  if (ms === 0) return '';
  const negative = ms < 0;
  let rest = Math.abs(ms);
  const parts: string[] = [];
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second'], [1, 'millisecond']];
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return (negative ? '-' : '') + parts.join(' ');
}

export function formatBoolean(b: boolean, formatNumber = 0): string {
  if (formatNumber === 2 || formatNumber === 9) return b ? 'true' : 'false';
  return b ? 'Yes' : 'No';
}

export function formatOption(ordinal: number, members: string[] | undefined, formatNumber = 0): string {
  if (formatNumber === 2 || formatNumber === 9) return String(ordinal);
  const name = members?.[ordinal];
  return name !== undefined ? name : String(ordinal);
}

/** Applies Format's Length: positive right-aligns in that width (overflow shows '*'s); negative left-aligns and truncates. */
function applyLength(s: string, length: number): string {
  if (length === 0) return s;
  if (length > 0) return s.length > length ? '*'.repeat(length) : s.padStart(length, ' ');
  const width = -length;
  return s.length > width ? s.slice(0, width) : s.padEnd(width, ' ');
}

/**
 * Format(Value, Length, FormatNumber | FormatString) for a primitive value of the given type. Unsupported
 * standard format numbers fall back to format 0 for that type.
 */
export function formatValue(t: FormatType | FieldType, value: FieldValue, length = 0, format: number | string = 0): string {
  const ft: FormatType = typeof t === 'string' ? { type: t } : t;
  let out: string;
  if (typeof format === 'string' && format !== '') {
    out = formatWithString(ft, value, format);
  } else {
    const n = typeof format === 'number' ? format : 0;
    out = formatStandard(ft, value, n);
  }
  return applyLength(out, length);
}

function formatStandard(ft: FormatType, value: FieldValue, n: number): string {
  switch (ft.type) {
    case 'Decimal': return formatDecimal(AlDecimal.from(value as number), n);
    case 'Integer':
    case 'BigInteger':
    case 'Byte': return formatInteger(value as number, n);
    case 'Char': return n === 2 || n === 9 ? String(value) : String.fromCharCode(value as number);
    case 'Boolean': return formatBoolean(value as boolean, n);
    case 'Date': return formatDate(value as number, n);
    case 'Time': return formatTime(value as number, n);
    case 'DateTime': return formatDateTime(value as number, n);
    case 'Duration': return formatDuration(value as number, n);
    case 'Option':
    case 'Enum': return formatOption(value as number, ft.optionMembers, n);
    case 'Guid': return formatGuid(value as string, n);
    case 'DateFormula': {
      const s = String(value);
      return n === 2 || n === 9 ? s : s.replace(/^<(.*)>$/, '$1');
    }
    default: return String(value);
  }
}

function formatWithString(ft: FormatType, value: FieldValue, format: string): string {
  const std = /^<Standard Format,(\d+)>$/i.exec(format.trim());
  if (std) return formatStandard(ft, value, parseInt(std[1], 10));
  switch (ft.type) {
    case 'Decimal':
    case 'Integer':
    case 'BigInteger':
    case 'Byte':
      return formatNumberWith(AlDecimal.from(value as number), format);
    case 'Date': return formatDateTimeWith(value as number, 0, format);
    case 'Time': return formatDateTimeWith(0, value as number, format);
    case 'DateTime': return formatDateTimeWith(dt2Date(value as number), dt2Time(value as number), format);
    case 'Boolean':
    case 'Option':
    case 'Enum':
    case 'Text':
    case 'Code':
    case 'Guid': {
      // Text-like values: `<Text[,len]>` the value, `<Number>` the ordinal (Option, Enum, Boolean 1/0), filled
      // on the left to len with `<Filler Character,c>` (default a space); anything else is literal.
      const tokens = tokenize(format);
      const filler = tokens.find((t) => t.name === 'filler character')?.arg || ' ';
      return tokens.map((t) => {
        if (t.literal !== undefined) return t.literal;
        const len = fieldLen(t.arg);
        if (t.name === 'text') return pad(formatStandard(ft, value, 0), len, filler);
        if (t.name === 'number') return pad(typeof value === 'boolean' ? (value ? '1' : '0') : String(value), len, filler);
        return '';
      }).join('');
    }
    default:
      throw new AlRuntimeError(`Format: a format string is not supported for ${ft.type} values.`);
  }
}

/** The text of a value in an error's "Identification fields and values" list (no thousands separators). */
export function formatIdentificationValue(ft: FormatType | FieldType, value: FieldValue): string {
  const t: FormatType = typeof ft === 'string' ? { type: ft } : ft;
  switch (t.type) {
    case 'Integer':
    case 'BigInteger':
    case 'Decimal': return formatValue(t, value, 0, 1);
    default: return formatValue(t, value, 0, 0);
  }
}
