// Tests of Date/Time/DateTime/Duration: construction, parts, arithmetic, closing dates, CalcDate formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  closingDate, createDateTime, date2Dmy, date2Dwy, dateAddDays, dateDiff, dateTimeAdd, dateTimeDiff, dmy2Date, dt2Date, dt2Time,
  dwy2Date, hmsToTime, isClosingDate, normalDate, timeAddMs, timeDiff, timeParts, weekday,
} from '../../../src/runtime/values/datetime';
import { calcDate, normalizeDateFormula } from '../../../src/runtime/values/dateFormula';
import { AlRuntimeError } from '../../../src/runtime/contracts';

const D = (y: number, m: number, d: number) => dmy2Date(d, m, y);

test('DMY2Date, Date2DMY, Date2DWY, DWY2Date and weekdays', () => {
  assert.equal(D(1, 1, 1), 1);
  assert.equal(date2Dmy(D(2024, 2, 29), 1), 29);
  assert.equal(date2Dmy(D(2024, 2, 29), 2), 2);
  assert.equal(date2Dmy(D(2024, 2, 29), 3), 2024);
  assert.equal(weekday(D(2024, 1, 1)), 1);
  assert.equal(date2Dwy(D(2024, 1, 7), 1), 7);
  assert.equal(date2Dwy(D(2024, 1, 1), 2), 1);
  assert.equal(date2Dwy(D(2021, 1, 1), 2), 53);
  assert.equal(date2Dwy(D(2021, 1, 1), 3), 2020);
  assert.equal(dwy2Date(1, 1, 2021), D(2021, 1, 4));
  assert.equal(dwy2Date(5, 53, 2020), D(2021, 1, 1));
  assert.equal(date2Dmy(0, 1), 0);
  assert.throws(() => dmy2Date(30, 2, 2024), AlRuntimeError);
  assert.throws(() => dmy2Date(1, 13, 2024), AlRuntimeError);
  assert.throws(() => dwy2Date(1, 53, 2024), /no week 53/);
});

test('date arithmetic: Date + Integer, Date - Date, closing dates, undefined date', () => {
  assert.equal(dateAddDays(D(2024, 2, 28), 1), D(2024, 2, 29));
  assert.equal(dateAddDays(D(2024, 3, 1), -1), D(2024, 2, 29));
  assert.equal(dateDiff(D(2024, 3, 1), D(2023, 3, 1)), 366);
  const c = closingDate(D(2023, 12, 31));
  assert.ok(isClosingDate(c));
  assert.ok(c > D(2023, 12, 31) && c < D(2024, 1, 1));
  assert.equal(normalDate(c), D(2023, 12, 31));
  assert.equal(dateDiff(c, D(2023, 12, 31)), 0);
  assert.throws(() => dateAddDays(0, 1), { message: 'You cannot base a date calculation on an undefined date.' });
  assert.throws(() => dateAddDays(D(9999, 12, 31), 1), /outside the valid date range/);
});

test('Time, DateTime and Duration arithmetic', () => {
  const noon = hmsToTime(12, 0, 0);
  assert.deepEqual(timeParts(noon), { h: 12, m: 0, s: 0, ms: 0 });
  assert.equal(hmsToTime(0, 0, 0), 1);
  assert.equal(timeDiff(hmsToTime(13, 0, 0), noon), 3_600_000);
  assert.equal(timeAddMs(hmsToTime(23, 59, 59), 2000), hmsToTime(0, 0, 1));
  const dt = createDateTime(D(2024, 1, 31), hmsToTime(13, 5, 9, 250));
  assert.equal(dt2Date(dt), D(2024, 1, 31));
  assert.equal(dt2Time(dt), hmsToTime(13, 5, 9, 250));
  assert.equal(new Date(dt).toISOString(), '2024-01-31T13:05:09.250Z');
  assert.equal(createDateTime(0, 0), 0);
  assert.equal(dt2Date(0), 0);
  assert.equal(dt2Time(0), 0);
  const later = dateTimeAdd(dt, 86_400_000 + 1000);
  assert.equal(dt2Date(later), D(2024, 2, 1));
  assert.equal(dateTimeDiff(later, dt), 86_401_000);
  assert.equal(createDateTime(D(2024, 1, 31), 0), createDateTime(D(2024, 1, 31), hmsToTime(0, 0, 0)));
  assert.throws(() => dateTimeDiff(0, dt), AlRuntimeError);
});

test('CalcDate with AL date formulas', () => {
  const cases: [string, number, number][] = [
    ['<+1D>', D(2024, 1, 31), D(2024, 2, 1)],
    ['<1D>', D(2024, 12, 31), D(2025, 1, 1)],
    ['<CM>', D(2024, 2, 10), D(2024, 2, 29)],
    ['<-CM>', D(2024, 2, 10), D(2024, 2, 1)],
    ['<-1W>', D(2024, 1, 10), D(2024, 1, 3)],
    ['<CY+1D>', D(2024, 5, 5), D(2025, 1, 1)],
    ['<1M+5D>', D(2024, 1, 31), D(2024, 3, 5)],
    ['<-1M>', D(2024, 3, 31), D(2024, 2, 29)],
    ['<1Y>', D(2024, 2, 29), D(2025, 2, 28)],
    ['<1Q>', D(2024, 1, 15), D(2024, 4, 15)],
    ['<D15>', D(2024, 1, 20), D(2024, 2, 15)],
    ['<D15>', D(2024, 1, 10), D(2024, 1, 15)],
    ['<D15>', D(2024, 1, 15), D(2024, 1, 15)],
    ['<D31>', D(2024, 2, 10), D(2024, 3, 31)],
    ['<WD2>', D(2024, 1, 1), D(2024, 1, 2)],
    ['<WD1>', D(2024, 1, 3), D(2024, 1, 8)],
    ['<CW>', D(2024, 1, 3), D(2024, 1, 7)],
    ['<-CW>', D(2024, 1, 3), D(2024, 1, 1)],
    ['<CQ>', D(2024, 2, 10), D(2024, 3, 31)],
    ['<-CQ>', D(2024, 5, 10), D(2024, 4, 1)],
    ['<-CY>', D(2024, 5, 10), D(2024, 1, 1)],
    ['<CD>', D(2024, 5, 10), D(2024, 5, 10)],
    ['<CM+1D>', D(2024, 1, 15), D(2024, 2, 1)],
    ['<-CM-1D>', D(2024, 3, 15), D(2024, 2, 29)],
    ['<M3>', D(2024, 5, 10), D(2025, 3, 1)],
    ['cm', D(2024, 4, 2), D(2024, 4, 30)],
    ['', D(2024, 4, 2), D(2024, 4, 2)],
    ['<CY>-<1Y>+<1D>', D(2024, 5, 10), D(2024, 1, 1)],
    ['<+11M><+8D>', D(2024, 1, 1), D(2024, 12, 9)],
    ['<-WD1>', D(2024, 1, 3), D(2024, 1, 1)],
    ['<-WD3>', D(2024, 1, 3), D(2024, 1, 3)],
    ['<CM-WD5>', D(2024, 1, 10), D(2024, 1, 26)],
    ['<-D15>', D(2024, 1, 10), D(2023, 12, 15)],
    ['<-M3>', D(2024, 2, 10), D(2023, 3, 1)],
  ];
  for (const [formula, from, expected] of cases) assert.equal(calcDate(formula, from), expected, `${formula} from ${from}`);
  assert.equal(calcDate('<1D>', closingDate(D(2023, 12, 31))), D(2024, 1, 1));
  assert.throws(() => calcDate('<1X>', D(2024, 1, 1)), /date formula '<1X>' is not valid/);
  assert.throws(() => calcDate('<1D1M>', D(2024, 1, 1)), /not valid/);
  assert.throws(() => calcDate('<D32>', D(2024, 1, 1)), /not valid/);
  assert.throws(() => calcDate('<1D>', 0), { message: 'You cannot base a date calculation on an undefined date.' });
  assert.equal(normalizeDateFormula('1m + 5d'), '<1M+5D>');
  assert.equal(normalizeDateFormula('<-CM>'), '<-CM>');
});
