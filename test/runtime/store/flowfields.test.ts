// Tests of FlowField calculation: every method, field/const/filter conditions, FlowFilter references,
// own uncommitted rows counted, filters on FlowFields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Database, calcFlowField } from '../../../src/runtime/store';
import type { FieldValue, Row } from '../../../src/runtime/contracts';
import { AlDecimal } from '../../../src/runtime/values/decimal';
import { dmy2Date } from '../../../src/runtime/values/datetime';
import { allTables, customer, ledger } from './tables';

function row(values: Record<number, FieldValue>): Row {
  return new Map(Object.entries(values).map(([k, v]) => [Number(k), v]));
}

function setup() {
  const db = new Database(allTables);
  const tx = db.begin(1);
  tx.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  tx.insert(customer, row({ 1: '20000', 2: 'Trey' }));
  const entries: [number, string, number, string, string, boolean][] = [
    [1, '10000', dmy2Date(1, 1, 2024), 'Invoice 1', '100.10', true],
    [2, '10000', dmy2Date(15, 1, 2024), 'Invoice 2', '250', false],
    [3, '10000', dmy2Date(1, 2, 2024), 'Payment', '-50.05', true],
    [4, '20000', dmy2Date(1, 1, 2024), 'Other', '7', false],
  ];
  for (const [no, cust, date, desc, amount, open] of entries) {
    tx.insert(ledger, row({ 1: no, 3: cust, 4: date, 7: desc, 13: AlDecimal.from(amount), 36: open }));
  }
  tx.commit();
  return { db, tx };
}

test('Sum, Count, Exist, Min, Max, Average and Lookup', () => {
  const { tx } = setup();
  const c = tx.get(customer, ['10000'])!.row;
  assert.equal((calcFlowField(tx, customer, c, 'Balance') as AlDecimal).toString(), '300.05');
  assert.equal(calcFlowField(tx, customer, c, 'No. of Entries'), 3);
  assert.equal(calcFlowField(tx, customer, c, 'Has Open Entries'), true);
  assert.equal((calcFlowField(tx, customer, c, 'Largest Amount') as AlDecimal).toString(), '250');
  assert.equal((calcFlowField(tx, customer, c, 'Smallest Amount') as AlDecimal).toString(), '-50.05');
  assert.equal((calcFlowField(tx, customer, c, 'Average Amount') as AlDecimal).toString(), '100.01666666666666666666666667');
  assert.equal(calcFlowField(tx, customer, c, 'First Description'), 'Invoice 1');
  assert.equal(calcFlowField(tx, customer, c, 'Big Entries'), 2);
  const t = tx.get(customer, ['20000'])!.row;
  assert.equal(calcFlowField(tx, customer, t, 'Has Open Entries'), false);
  const none = row({ 1: '99999' });
  assert.equal((calcFlowField(tx, customer, none, 'Balance') as AlDecimal).toString(), '0');
  assert.equal(calcFlowField(tx, customer, none, 'First Description'), '');
});

test('a FlowFilter referenced by field(...) applies the record\'s filter on it; none means no condition', () => {
  const { tx } = setup();
  const c = tx.get(customer, ['10000'])!.row;
  const jan = [{ fieldId: 20, expression: '01/01/24..01/31/24' }];
  assert.equal((calcFlowField(tx, customer, c, 'Balance', jan) as AlDecimal).toString(), '350.1');
  assert.equal((calcFlowField(tx, customer, c, 'Balance', [{ fieldId: 20, range: { from: dmy2Date(1, 2, 2024) } }]) as AlDecimal).toString(), '-50.05');
});

test('FlowFields see the transaction\'s own uncommitted rows, and can be filtered on', () => {
  const { db, tx } = setup();
  tx.insert(ledger, row({ 1: 5, 3: '20000', 13: AlDecimal.from('1000'), 36: true }));
  const t = tx.get(customer, ['20000'])!.row;
  assert.equal((calcFlowField(tx, customer, t, 'Balance') as AlDecimal).toString(), '1007');
  const other = db.begin(2);
  assert.equal((calcFlowField(other, customer, t, 'Balance') as AlDecimal).toString(), '7');
  const rich = tx.find(customer, { filters: [{ fieldId: 8, expression: '>500' }], keyFields: [], ascending: true });
  assert.deepEqual(rich.map((r) => r.row.get(1)), ['20000']);
});

test('calculated FlowField values passed in a row are not stored', () => {
  const { tx } = setup();
  const c = tx.get(customer, ['10000'])!;
  c.row.set(8, AlDecimal.from('999'));
  c.row.set(20, 5);
  const after = tx.modify(customer, c);
  assert.equal((after.row.get(8) as AlDecimal).toString(), '999'); // the variable keeps its calculated value
  assert.equal(tx.get(customer, ['10000'])!.row.has(8), false);
  assert.equal(tx.get(customer, ['10000'])!.row.has(20), false);
});
