// AL date formulas (`<+1D>`, `<CM>`, `<-CW>`, `<1M+5D>`, `<D15>`, `<WD2>`, `<CY+1D>`) and CalcDate.
// A DateFormula value is kept as its normalized text in angle brackets, e.g. `<1M+5D>` (Format shows it
// without brackets).
import { AlRuntimeError } from '../contracts';
import { type AlDate, UNDEFINED_DATE_TEXT, dateParts, daysInMonth, dmy2Date, isClosingDate, weekday } from './datetime';

export type DateUnit = 'D' | 'WD' | 'W' | 'M' | 'Q' | 'Y';

/**
 * One term of a formula:
 * - `shift`: +n units (`1M`, `-2W`);
 * - `current`: to the end (`CM`) or with a minus to the start (`-CM`) of the current period;
 * - `position`: the next day numbered n of the unit (`D15`: the next 15th of a month, `WD2`: the next
 *   Tuesday, `W5`: the Monday of the next week 5, `M3`: the next March 1st... the same day counts).
 */
export type DateFormulaTerm =
  | { kind: 'shift'; n: number; unit: DateUnit }
  | { kind: 'current'; start: boolean; unit: DateUnit }
  | { kind: 'position'; n: number; unit: DateUnit; back?: boolean };

function invalid(text: string): AlRuntimeError {
  return new AlRuntimeError(`The date formula '${text}' is not valid. Use units D, WD, W, M, Q, Y, C (current), e.g. <1M+5D>, <CM>, <-CW>, <D15>.`);
}

function readUnit(s: string, i: number): [DateUnit, number] | undefined {
  const c = s[i];
  if (c === 'W' && s[i + 1] === 'D') return ['WD', i + 2];
  if (c === 'D' || c === 'W' || c === 'M' || c === 'Q' || c === 'Y') return [c, i + 1];
  return undefined;
}

/** Parses a formula with or without angle brackets; throws an AL error naming the text when invalid. */
export function parseDateFormula(text: string): DateFormulaTerm[] {
  let s = text.trim().toUpperCase().replace(/\s+/g, '');
  // Brackets mark the non-localized form; BC code also joins several groups: '<CY>-<1Y>+<1D>', '<+11M><+8D>'.
  // BC also accepts a missing closing bracket ('<-CM+2M' in Microsoft's tests).
  if (s.startsWith('<')) s = s.replace(/[<>]/g, '');
  if (s === '') return [];
  const terms: DateFormulaTerm[] = [];
  let i = 0;
  while (i < s.length) {
    let sign = 0;
    if (s[i] === '+' || s[i] === '-') { sign = s[i] === '-' ? -1 : 1; i++; }
    else if (terms.length > 0) throw invalid(text);
    if (s[i] === 'C') {
      const u = readUnit(s, i + 1);
      if (!u) throw invalid(text);
      terms.push({ kind: 'current', start: sign < 0, unit: u[0] });
      i = u[1];
      continue;
    }
    const digitsStart = i;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
    if (i > digitsStart) {
      const n = parseInt(s.slice(digitsStart, i), 10);
      const u = readUnit(s, i);
      if (!u || u[0] === 'WD') throw invalid(text);
      terms.push({ kind: 'shift', n: sign < 0 ? -n : n, unit: u[0] });
      i = u[1];
      continue;
    }
    const u = readUnit(s, i);
    if (!u) throw invalid(text);
    i = u[1];
    const posStart = i;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
    if (i === posStart) throw invalid(text);
    const n = parseInt(s.slice(posStart, i), 10);
    const limits: Record<DateUnit, number> = { D: 31, WD: 7, W: 53, M: 12, Q: 4, Y: 9999 };
    if (n < 1 || n > limits[u[0]] || u[0] === 'Y') throw invalid(text);
    terms.push(sign < 0 ? { kind: 'position', n, unit: u[0], back: true } : { kind: 'position', n, unit: u[0] });
  }
  return terms;
}

/** The normalized stored form `<...>` of a formula text (throws when invalid). */
export function normalizeDateFormula(text: string): string {
  const terms = parseDateFormula(text);
  if (terms.length === 0) return '';
  const parts = terms.map((t, index) => {
    if (t.kind === 'shift') return `${t.n < 0 ? '-' : index > 0 ? '+' : ''}${Math.abs(t.n)}${t.unit}`;
    if (t.kind === 'current') return `${t.start ? '-' : index > 0 ? '+' : ''}C${t.unit}`;
    return `${t.back ? '-' : index > 0 ? '+' : ''}${t.unit}${t.n}`;
  });
  return `<${parts.join('')}>`;
}

function addMonths(date: AlDate, months: number): AlDate {
  const p = dateParts(date);
  const total = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  if (y < 1 || y > 9999) throw new AlRuntimeError('The resulting date is outside the valid date range (1/1/0001 to 12/31/9999).');
  return dmy2Date(Math.min(p.d, daysInMonth(y, m)), m, y);
}

function periodBounds(date: AlDate, unit: DateUnit): [AlDate, AlDate] {
  const p = dateParts(date);
  switch (unit) {
    case 'D': return [date, date];
    case 'WD':
    case 'W': { const start = date - weekday(date) + 1; return [start, start + 6]; }
    case 'M': return [dmy2Date(1, p.m, p.y), dmy2Date(daysInMonth(p.y, p.m), p.m, p.y)];
    case 'Q': {
      const first = Math.floor((p.m - 1) / 3) * 3 + 1;
      return [dmy2Date(1, first, p.y), dmy2Date(daysInMonth(p.y, first + 2), first + 2, p.y)];
    }
    case 'Y': return [dmy2Date(1, 1, p.y), dmy2Date(31, 12, p.y)];
  }
}

function applyTerm(date: AlDate, t: DateFormulaTerm): AlDate {
  if (t.kind === 'shift') {
    switch (t.unit) {
      case 'D': return date + t.n;
      case 'W': return date + 7 * t.n;
      case 'M': return addMonths(date, t.n);
      case 'Q': return addMonths(date, 3 * t.n);
      case 'Y': return addMonths(date, 12 * t.n);
      default: return date;
    }
  }
  if (t.kind === 'current') {
    const [start, end] = periodBounds(date, t.unit);
    return t.start ? start : end;
  }
  if (t.back) return previousPosition(date, t.n, t.unit);
  switch (t.unit) {
    case 'D': {
      // The next day n of a month (this month if not passed yet), skipping months without that day.
      let p = dateParts(date);
      if (p.d <= t.n && t.n <= daysInMonth(p.y, p.m)) return dmy2Date(t.n, p.m, p.y);
      for (let guard = 0; guard < 14; guard++) {
        const next = addMonths(dmy2Date(1, p.m, p.y), 1);
        p = dateParts(next);
        if (t.n <= daysInMonth(p.y, p.m)) return dmy2Date(t.n, p.m, p.y);
      }
      return date;
    }
    case 'WD': return date + ((t.n - weekday(date) + 7) % 7);
    case 'W': {
      // The Monday of the next week number n.
      let monday = date - weekday(date) + 1;
      if (monday < date) monday += 7;
      for (let guard = 0; guard < 60; guard++, monday += 7) {
        const thursday = monday + 3;
        const jan1 = dmy2Date(1, 1, dateParts(thursday).y);
        if (Math.floor((thursday - jan1) / 7) + 1 === t.n) return monday;
      }
      return date;
    }
    case 'M': {
      const p = dateParts(date);
      if (p.m === t.n && p.d === 1) return date;
      return dmy2Date(1, t.n, p.m < t.n ? p.y : p.y + 1);
    }
    case 'Q': {
      const p = dateParts(date);
      const firstMonth = (t.n - 1) * 3 + 1;
      if (p.m === firstMonth && p.d === 1) return date;
      return dmy2Date(1, firstMonth, p.m < firstMonth ? p.y : p.y + 1);
    }
    default: return date;
  }
}

/** `-D15`, `-WD5`, `-M3`, `-Q2`, `-W5`: the latest such day on or before the date. */
function previousPosition(date: AlDate, n: number, unit: DateUnit): AlDate {
  switch (unit) {
    case 'WD': return date - ((weekday(date) - n + 7) % 7);
    case 'D': {
      let p = dateParts(date);
      if (p.d >= n) return dmy2Date(n, p.m, p.y);
      for (let guard = 0; guard < 14; guard++) {
        const prev = addMonths(dmy2Date(1, p.m, p.y), -1);
        p = dateParts(prev);
        if (n <= daysInMonth(p.y, p.m)) return dmy2Date(n, p.m, p.y);
      }
      return date;
    }
    case 'M':
    case 'Q': {
      const p = dateParts(date);
      const month = unit === 'M' ? n : (n - 1) * 3 + 1;
      return dmy2Date(1, month, p.m >= month ? p.y : p.y - 1);
    }
    case 'W': {
      let monday = date - weekday(date) + 1;
      for (let guard = 0; guard < 60; guard++, monday -= 7) {
        const thursday = monday + 3;
        const jan1 = dmy2Date(1, 1, dateParts(thursday).y);
        if (Math.floor((thursday - jan1) / 7) + 1 === n) return monday;
      }
      return date;
    }
    default: return date;
  }
}

/**
 * CalcDate(Formula, Date): applies the terms left to right. 0D raises BC's "undefined date" error;
 * a closing date is calculated from its normal date.
 */
export function calcDate(formula: string, date: AlDate): AlDate {
  if (date === 0) throw new AlRuntimeError(UNDEFINED_DATE_TEXT);
  const terms = parseDateFormula(formula);
  let d = isClosingDate(date) ? Math.floor(date) : date;
  for (const t of terms) d = applyTerm(d, t);
  if (d < 1 || d > dmy2Date(31, 12, 9999)) throw new AlRuntimeError('The resulting date is outside the valid date range (1/1/0001 to 12/31/9999).');
  return d;
}
