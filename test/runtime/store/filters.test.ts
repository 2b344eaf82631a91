// Tests of AL filter expressions on typed fields (every operator), SetRange, substitution and filter texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Database, filterText, getFiltersText, substituteFilter, tableFilterText, parseFilter } from '../../../src/runtime/store';
import { AlRuntimeError, type FieldFilter, type FieldValue, type Row } from '../../../src/runtime/contracts';
import { AlDecimal } from '../../../src/runtime/values/decimal';
import { dmy2Date } from '../../../src/runtime/values/datetime';
import { allTables, customer } from './tables';

function row(values: Record<number, FieldValue>): Row {
  return new Map(Object.entries(values).map(([k, v]) => [Number(k), v]));
}

function setup(caseSensitive = false) {
  const db = new Database(allTables, { caseSensitive });
  const tx = db.begin(1);
  const data: [string, string, string, string, number, number][] = [
    ['10000', 'Adatum Corporation', 'Oslo', '1000', 0, dmy2Date(15, 1, 2024)],
    ['20000', 'Trey Research', 'Bergen', '2500.5', 1, dmy2Date(1, 2, 2024)],
    ['30000', 'School of Fine Art', 'oslo', '0', 3, dmy2Date(31, 12, 2023)],
    ['40000', 'adatum ltd', 'Paris', '-50', 0, 0],
    ['A-100', 'A&B Partners', '', '99.99', 2, dmy2Date(29, 2, 2024)],
  ];
  for (const [no, name, city, limit, blocked, date] of data) {
    tx.insert(customer, row({ 1: no, 2: name, 3: city, 4: AlDecimal.from(limit), 5: blocked, 6: date }));
  }
  tx.commit();
  return tx;
}

const tx = setup();
function nos(filters: FieldFilter[], t = tx): string[] {
  return t.find(customer, { filters, keyFields: [], ascending: true }).map((r) => r.row.get(1) as string);
}
const ex = (fieldId: number, expression: string): FieldFilter => ({ fieldId, expression });

test('equality, inequality and comparisons on Code, Decimal, Option and Date fields', () => {
  assert.deepEqual(nos([ex(1, '20000')]), ['20000']);
  assert.deepEqual(nos([ex(1, '<>20000')]), ['10000', '30000', '40000', 'A-100']);
  assert.deepEqual(nos([ex(4, '>1000')]), ['20000']);
  assert.deepEqual(nos([ex(4, '>=1000')]), ['10000', '20000']);
  assert.deepEqual(nos([ex(4, '<0')]), ['40000']);
  assert.deepEqual(nos([ex(4, '<=0')]), ['30000', '40000']);
  assert.deepEqual(nos([ex(4, '=99.99')]), ['A-100']);
  assert.deepEqual(nos([ex(4, '1,000')]), ['10000']);
  assert.deepEqual(nos([ex(5, 'Ship|All')]), ['20000', '30000']);
  assert.deepEqual(nos([ex(5, '2')]), ['A-100']);
  assert.deepEqual(nos([ex(5, '<>" "')].map((f) => ({ ...f, expression: "<>' '" }))), ['20000', '30000', 'A-100']);
  assert.deepEqual(nos([ex(6, '01/01/24..02/01/24')]), ['10000', '20000']);
  assert.deepEqual(nos([ex(6, '2024-02-29')]), ['A-100']);
  assert.deepEqual(nos([ex(6, "''")]), ['40000']);
});

test('ranges with open ends, or, and, parentheses', () => {
  assert.deepEqual(nos([ex(1, '20000..40000')]), ['20000', '30000', '40000']);
  assert.deepEqual(nos([ex(1, '..20000')]), ['10000', '20000']);
  assert.deepEqual(nos([ex(1, '30000..')]), ['30000', '40000', 'A-100']);
  assert.deepEqual(nos([ex(1, '10000|30000|A-100')]), ['10000', '30000', 'A-100']);
  assert.deepEqual(nos([ex(4, '>0&<2000')]), ['10000', 'A-100']);
  assert.deepEqual(nos([ex(4, '(>0&<100)|(<0)')]), ['40000', 'A-100']);
  assert.deepEqual(nos([ex(1, '10000..20000|40000..')]), ['10000', '20000', '40000', 'A-100']);
});

test('wildcards * and ?, empty text, quoted literals, case-insensitive collation', () => {
  assert.deepEqual(nos([ex(2, 'Adatum*')]), ['10000', '40000']);
  assert.deepEqual(nos([ex(2, '*Research')]), ['20000']);
  assert.deepEqual(nos([ex(2, '*of*')]), ['30000']);
  assert.deepEqual(nos([ex(1, '?0000')]), ['10000', '20000', '30000', '40000']);
  assert.deepEqual(nos([ex(3, "''")]), ['A-100']);
  assert.deepEqual(nos([ex(3, "<>''")]), ['10000', '20000', '30000', '40000']);
  assert.deepEqual(nos([ex(2, "'A&B Partners'")]), ['A-100']);
  assert.deepEqual(nos([ex(3, 'oslo')]), ['10000', '30000']);
  assert.deepEqual(nos([ex(3, '@OSLO')]), ['10000', '30000']);
  assert.deepEqual(nos([ex(1, 'a-100')]), ['A-100']);
});

test('with a case-sensitive collation, @ makes a term case-insensitive', () => {
  const cs = setup(true);
  assert.deepEqual(nos([ex(3, 'oslo')], cs), ['30000']);
  assert.deepEqual(nos([ex(3, '@oslo')], cs), ['10000', '30000']);
  assert.deepEqual(nos([ex(2, '@adatum*')], cs), ['10000', '40000']);
  assert.deepEqual(nos([ex(2, 'adatum*')], cs), ['40000']);
});

test('SetRange ranges are literal (no wildcards or operators) and filters are ANDed', () => {
  assert.deepEqual(nos([{ fieldId: 1, range: { from: '20000', to: '30000' } }]), ['20000', '30000']);
  assert.deepEqual(nos([{ fieldId: 2, range: { from: 'A&B Partners' } }]), ['A-100']);
  assert.deepEqual(nos([{ fieldId: 2, range: { from: 'Adatum*' } }]), []);
  assert.deepEqual(nos([{ fieldId: 4, range: { from: AlDecimal.from('0'), to: AlDecimal.from('1000') } }, ex(3, 'Oslo')]), ['10000', '30000']);
  assert.deepEqual(nos([{ fieldId: 1, range: { from: '10000' } }, ex(3, 'Paris')]), []);
});

test('%1 substitution quotes values holding filter characters', () => {
  assert.equal(substituteFilter('%1|%2', ['10000', 'A&B']), "10000|'A&B'");
  assert.deepEqual(nos([ex(2, substituteFilter('%1', ['A&B Partners']))]), ['A-100']);
  assert.equal(substituteFilter('>%1', ["O'Neil"]), ">'O''Neil'");
});

test('malformed filters and wrong types are clear AL errors', () => {
  assert.throws(() => nos([ex(4, 'abc')]), (e: unknown) => e instanceof AlRuntimeError && /The filter "abc" is not valid for the Credit Limit field on the Customer table/.test(e.message));
  assert.throws(() => nos([ex(4, '1*')]), /wildcards/);
  assert.throws(() => parseFilter('(10000'), /closing parenthesis/);
  assert.throws(() => parseFilter("'abc"), /closing quote/);
  assert.throws(() => nos([ex(5, 'Nope')]), /not an option/);
});

test('GetFilter, GetFilters and the TableFilter text', () => {
  const no = customer.fields[0];
  const limit = customer.fields[3];
  assert.equal(filterText(no, { fieldId: 1, range: { from: '10000', to: '20000' } }), '10000..20000');
  assert.equal(filterText(no, { fieldId: 1, range: { from: 'A&B' } }), "'A&B'");
  assert.equal(filterText(limit, { fieldId: 4, range: { from: AlDecimal.from('1000.5') } }), '1,000.5');
  const filters: FieldFilter[] = [{ fieldId: 2, expression: 'A*' }, { fieldId: 1, range: { from: '10000', to: '20000' } }];
  assert.equal(getFiltersText(customer, filters), 'No.: 10000..20000, Name: A*');
  assert.equal(tableFilterText(customer, filters), 'Customer: No.=10000..20000,Name=A*');
  assert.equal(getFiltersText(customer, []), '');
  assert.equal(getFiltersText(customer, [{ fieldId: 1, expression: '1*' }, { fieldId: 1, expression: '<>10000|20000' }]), 'No.: 1*&(<>10000|20000)');
});

test('a DateTime formatted into a SetFilter %1 finds exactly that DateTime (seconds and ms kept)', async () => {
  const { formatValue } = await import('../../../src/runtime/values/format');
  const { createDateTime, hmsToTime } = await import('../../../src/runtime/values/datetime');
  const log = { id: 50300, name: 'Log', fields: [
    { id: 1, name: 'Entry No.', type: 'Integer' as const, length: 0, fieldClass: 'Normal' as const },
    { id: 2, name: 'At', type: 'DateTime' as const, length: 0, fieldClass: 'Normal' as const },
  ], keys: [['Entry No.']] };
  const db = new Database([log]);
  const t = db.begin(1);
  const at = (s: number, ms = 0) => createDateTime(dmy2Date(31, 1, 2024), hmsToTime(13, 5, s, ms));
  t.insert(log, row({ 1: 1, 2: at(9) }));
  t.insert(log, row({ 1: 2, 2: at(10) }));
  t.insert(log, row({ 1: 3, 2: at(10, 250) }));
  const find = (expr: string) => t.find(log, { filters: [{ fieldId: 2, expression: expr }], keyFields: [], ascending: true }).map((r) => r.row.get(1));
  const f = (v: number) => formatValue('DateTime', v);
  assert.deepEqual(find(substituteFilter('%1', [f(at(10))])), [2]);
  assert.deepEqual(find(substituteFilter('>=%1', [f(at(10))])), [2, 3]);
  assert.deepEqual(find(substituteFilter('%1', [f(at(10, 250))])), [3]);
  assert.deepEqual(find(substituteFilter('<%1', [f(at(10))])), [1]);
});
