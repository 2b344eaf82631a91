// AL Date, Time, DateTime and Duration as numbers (see contracts.ts): construction, parts and arithmetic.
// Date = day number (1 = January 1, 0001; 0 = 0D; a closing date is its day + 0.5 so it sorts after the
// day and before the next one). Time = ms since midnight + 1 (0 = 0T). DateTime = ms since 1970-01-01
// UTC (0 = 0DT). Duration = ms. The runtime's time zone is UTC: DT2Date/DT2Time and Format use UTC.
import { AlRuntimeError } from '../contracts';

export type AlDate = number;
export type AlTime = number;
export type AlDateTime = number;

export const MS_PER_DAY = 86_400_000;
export const UNDEFINED_DATE_TEXT = 'You cannot base a date calculation on an undefined date.';

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Unix day number of 0001-01-01: AL day 1. */
const EPOCH_OFFSET = daysFromCivil(1, 1, 1) - 1;
export const MAX_DATE: AlDate = daysFromCivil(9999, 12, 31) - EPOCH_OFFSET;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** True when y-m-d is a real calendar date within AL's range (0001-01-01..9999-12-31). */
export function isValidDmy(d: number, m: number, y: number): boolean {
  return Number.isInteger(d) && Number.isInteger(m) && Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** DMY2Date without the session defaults (the interpreter fills a missing month/year from Today). */
export function dmy2Date(d: number, m: number, y: number): AlDate {
  if (!isValidDmy(d, m, y)) throw new AlRuntimeError(`The date ${d}/${m}/${y} (day/month/year) is not valid.`);
  return daysFromCivil(y, m, d) - EPOCH_OFFSET;
}

export function isClosingDate(date: AlDate): boolean {
  return date !== Math.floor(date);
}

export function normalDate(date: AlDate): AlDate {
  return Math.floor(date);
}

export function closingDate(date: AlDate): AlDate {
  if (date === 0) throw new AlRuntimeError(UNDEFINED_DATE_TEXT);
  return Math.floor(date) + 0.5;
}

export function dateParts(date: AlDate): { d: number; m: number; y: number } {
  const { y, m, d } = civilFromDays(Math.floor(date) + EPOCH_OFFSET);
  return { d, m, y };
}

/** Date2DMY(Date, What): 1 = day, 2 = month, 3 = year. */
export function date2Dmy(date: AlDate, what: number): number {
  if (date === 0) return 0;
  const p = dateParts(date);
  if (what === 1) return p.d;
  if (what === 2) return p.m;
  if (what === 3) return p.y;
  throw new AlRuntimeError(`Date2DMY: ${what} is not a valid option. Use 1 (day), 2 (month) or 3 (year).`);
}

/** Day of week, 1 = Monday .. 7 = Sunday. */
export function weekday(date: AlDate): number {
  // AL day 1 (0001-01-01) was a Monday.
  return ((Math.floor(date) - 1) % 7 + 7) % 7 + 1;
}

/** ISO 8601 week number and its year (week 1 holds the year's first Thursday), as Date2DWY uses. */
export function isoWeek(date: AlDate): { week: number; year: number } {
  const day = Math.floor(date);
  const thursday = day - weekday(day) + 4;
  const year = dateParts(thursday).y;
  const jan1 = dmy2Date(1, 1, year);
  return { week: Math.floor((thursday - jan1) / 7) + 1, year };
}

/** Date2DWY(Date, What): 1 = day of week (Monday 1), 2 = week number, 3 = year of that week. */
export function date2Dwy(date: AlDate, what: number): number {
  if (date === 0) return 0;
  if (what === 1) return weekday(date);
  if (what === 2) return isoWeek(date).week;
  if (what === 3) return isoWeek(date).year;
  throw new AlRuntimeError(`Date2DWY: ${what} is not a valid option. Use 1 (day of week), 2 (week) or 3 (year).`);
}

/** DWY2Date(WeekDay, Week, Year): the date of that ISO week day. */
export function dwy2Date(weekDay: number, week: number, year: number): AlDate {
  if (weekDay < 1 || weekDay > 7 || week < 1 || week > 53 || year < 1 || year > 9999) {
    throw new AlRuntimeError(`The week day ${weekDay}, week ${week}, year ${year} do not form a valid date.`);
  }
  const jan4 = dmy2Date(4, 1, year);
  const monday1 = jan4 - weekday(jan4) + 1;
  const result = monday1 + (week - 1) * 7 + weekDay - 1;
  if (week === 53 && isoWeek(result).week !== 53) throw new AlRuntimeError(`Year ${year} has no week 53.`);
  return result;
}

function checkDateRange(date: AlDate): AlDate {
  if (date < 1 || date >= MAX_DATE + 1) throw new AlRuntimeError('The resulting date is outside the valid date range (1/1/0001 to 12/31/9999).');
  return date;
}

/** Date + Integer (and Date - Integer with a negative n); a closing date stays a closing date. */
export function dateAddDays(date: AlDate, n: number): AlDate {
  if (date === 0) throw new AlRuntimeError(UNDEFINED_DATE_TEXT);
  return checkDateRange(date + n);
}

/** Date - Date: whole days between the two (closing dates count as their day). */
export function dateDiff(a: AlDate, b: AlDate): number {
  return Math.floor(a) - Math.floor(b);
}

// ---------------------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------------------

export function hmsToTime(h: number, m: number, s: number, ms = 0): AlTime {
  if (!Number.isInteger(h) || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || ms < 0 || ms > 999) {
    throw new AlRuntimeError(`The time ${h}:${m}:${s}.${ms} is not valid.`);
  }
  return ((h * 60 + m) * 60 + s) * 1000 + ms + 1;
}

export function timeParts(time: AlTime): { h: number; m: number; s: number; ms: number } {
  const t = time - 1;
  return { h: Math.floor(t / 3_600_000), m: Math.floor(t / 60_000) % 60, s: Math.floor(t / 1000) % 60, ms: t % 1000 };
}

/** Time + Integer (ms), wrapping around midnight. */
export function timeAddMs(time: AlTime, ms: number): AlTime {
  if (time === 0) throw new AlRuntimeError('You cannot base a time calculation on an undefined time.');
  return ((((time - 1 + ms) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) + 1;
}

/** Time - Time in ms. */
export function timeDiff(a: AlTime, b: AlTime): number {
  if (a === 0 || b === 0) throw new AlRuntimeError('You cannot base a time calculation on an undefined time.');
  return a - b;
}

// ---------------------------------------------------------------------------------------------------------
// DateTime and Duration
// ---------------------------------------------------------------------------------------------------------

/** CreateDateTime(Date, Time): 0D gives 0DT; 0T counts as midnight. */
export function createDateTime(date: AlDate, time: AlTime): AlDateTime {
  if (date === 0) {
    if (time !== 0) throw new AlRuntimeError('You cannot create a DateTime from an undefined date and a defined time.');
    return 0;
  }
  const day = Math.floor(date) + EPOCH_OFFSET;
  return day * MS_PER_DAY + (time === 0 ? 0 : time - 1);
}

/** DT2Date: the UTC date part (0DT gives 0D). */
export function dt2Date(dt: AlDateTime): AlDate {
  if (dt === 0) return 0;
  return Math.floor(dt / MS_PER_DAY) - EPOCH_OFFSET;
}

/** DT2Time: the UTC time part (0DT gives 0T). */
export function dt2Time(dt: AlDateTime): AlTime {
  if (dt === 0) return 0;
  return ((dt % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY + 1;
}

/** DateTime of a session clock reading (ms since 1970 UTC); the clock never reads exactly 0. */
export function dateTimeFromClock(ms: number): AlDateTime {
  return Math.floor(ms);
}

export function todayFromClock(ms: number): AlDate {
  return dt2Date(Math.floor(ms));
}

export function timeFromClock(ms: number): AlTime {
  return dt2Time(Math.floor(ms));
}

/** DateTime - DateTime = Duration (ms). */
export function dateTimeDiff(a: AlDateTime, b: AlDateTime): number {
  if (a === 0 || b === 0) throw new AlRuntimeError('You cannot base a DateTime calculation on an undefined DateTime.');
  return a - b;
}

/** DateTime + Duration (ms). */
export function dateTimeAdd(dt: AlDateTime, ms: number): AlDateTime {
  if (dt === 0) throw new AlRuntimeError('You cannot base a DateTime calculation on an undefined DateTime.');
  return dt + ms;
}
