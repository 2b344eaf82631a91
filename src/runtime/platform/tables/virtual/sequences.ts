// Integer (2000000026) and Date (2000000007), virtual tables without an end: rows are produced for the range the
// read's filters ask (SetRange(Number, 1, 10); Period Type and Period Start), never all of them. A read that
// leaves more than MAX_ROWS rows in range raises a clear error instead of materialising millions of rows.
import type { FieldFilter, FieldValue } from '../../../contracts';
import { AlError } from '../../../interpreter/errors';
import { dateAddDays, dateParts, dmy2Date, isoWeek, MAX_DATE, weekday } from '../../../values/datetime';
import { dateTable } from '../declared/date';
import { integerTable } from '../declared/integer';
import { virtualTable } from '../systemTable';
import { rowOf } from './rowHelpers';

export const MAX_ROWS = 1_000_000;
const INT_MIN = -1_000_000_000;
const INT_MAX = 1_000_000_000;

/** The [lo, hi] a field's filters allow (range filters and simple `a..b`, `>=a`, `<=b`, `a` expressions). */
export function boundsOf(filters: FieldFilter[] | undefined, fieldId: number, lo: number, hi: number): [number, number] {
  for (const f of filters ?? []) {
    if (f.fieldId !== fieldId) continue;
    if (f.range) {
      const a = Number(f.range.from as FieldValue);
      const b = f.range.to === undefined ? a : Number(f.range.to as FieldValue);
      lo = Math.max(lo, Math.min(a, b));
      hi = Math.min(hi, Math.max(a, b));
    } else if (f.expression !== undefined) {
      const e = f.expression.trim();
      let m: RegExpExecArray | null;
      if ((m = /^(-?\d+)?\.\.(-?\d+)?$/.exec(e))) {
        if (m[1] !== undefined) lo = Math.max(lo, Number(m[1]));
        if (m[2] !== undefined) hi = Math.min(hi, Number(m[2]));
      } else if ((m = /^(>=|>|<=|<)\s*(-?\d+)$/.exec(e))) {
        const n = Number(m[2]);
        if (m[1] === '>=') lo = Math.max(lo, n);
        else if (m[1] === '>') lo = Math.max(lo, n + 1);
        else if (m[1] === '<=') hi = Math.min(hi, n);
        else hi = Math.min(hi, n - 1);
      } else if ((m = /^(-?\d+)$/.exec(e))) {
        lo = Math.max(lo, Number(m[1]));
        hi = Math.min(hi, Number(m[1]));
      }
    }
  }
  return [lo, hi];
}

function tooMany(table: string, field: string): AlError {
  return new AlError(`AL Session Lab does not support reading more than ${MAX_ROWS.toLocaleString('en-US')} rows of the ${table} table at once: set a filter on ${field} (SetRange) before reading it.`, 'Unsupported');
}

export const IntegerVirtualTable = virtualTable(integerTable, function* (_ctx, filters) {
  const [lo, hi] = boundsOf(filters, 1, INT_MIN, INT_MAX);
  if (hi - lo + 1 > MAX_ROWS) throw tooMany('Integer', 'Number');
  for (let n = lo; n <= hi; n++) yield rowOf(integerTable, { Number: n });
});

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Periods of one type (0 Date, 1 Week, 2 Month, 3 Quarter, 4 Year) whose start lies in [lo, hi]. */
function* periods(type: number, lo: number, hi: number): Generator<{ start: number; end: number; no: number; name: string }> {
  let d = Math.max(lo, 1);
  const { y, m } = dateParts(d);
  // Align to the first period start at or after lo.
  if (type === 1) while (weekday(d) !== 1) d = dateAddDays(d, 1);
  if (type === 2 && dateParts(d).d !== 1) d = m === 12 ? dmy2Date(1, 1, y + 1) : dmy2Date(1, m + 1, y);
  if (type === 3) { let q = Math.floor((m - 1) / 3) * 3 + 1; if (dmy2Date(1, q, y) < d) q += 3; d = q > 12 ? dmy2Date(1, 1, y + 1) : dmy2Date(1, q, y); }
  if (type === 4 && !(dateParts(d).d === 1 && dateParts(d).m === 1)) d = dmy2Date(1, 1, y + 1);
  while (d <= hi && d <= MAX_DATE) {
    const p = dateParts(d);
    let next: number;
    let no: number;
    let name: string;
    if (type === 0) { next = dateAddDays(d, 1); no = weekday(d); name = DAY_NAMES[no - 1]; }
    else if (type === 1) { next = dateAddDays(d, 7); no = isoWeek(d).week; name = String(no); }
    else if (type === 2) { next = p.m === 12 ? dmy2Date(1, 1, p.y + 1) : dmy2Date(1, p.m + 1, p.y); no = p.m; name = MONTH_NAMES[p.m - 1]; }
    else if (type === 3) { next = p.m >= 10 ? dmy2Date(1, 1, p.y + 1) : dmy2Date(1, p.m + 3, p.y); no = Math.floor((p.m - 1) / 3) + 1; name = String(no); }
    else { next = dmy2Date(1, 1, p.y + 1); no = p.y; name = String(p.y); }
    yield { start: d, end: dateAddDays(next, -1), no, name };
    d = next;
  }
}

export const DateVirtualTable = virtualTable(dateTable, function* (_ctx, filters) {
  const [tlo, thi] = boundsOf(filters, 1, 0, 4);
  const [lo, hi] = boundsOf(filters, 2, 1, MAX_DATE);
  for (let type = tlo; type <= thi; type++) {
    const span = type === 0 ? hi - lo + 1 : type === 1 ? (hi - lo) / 7 : (hi - lo) / 28;
    if (span > MAX_ROWS) throw tooMany('Date', '"Period Start"');
    for (const p of periods(type, lo, hi)) {
      yield rowOf(dateTable, { 'Period Type': type, 'Period Start': p.start, 'Period End': p.end, 'Period No.': p.no, 'Period Name': p.name.slice(0, 31), 'Period Invariant Name': p.name.slice(0, 31) });
    }
  }
});
