// Tests of temporary records (TemporaryTransaction) and the set-based helpers ModifyAll/DeleteAll/IsEmpty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Database, TemporaryTransaction, deleteAll, isEmpty, modifyAll, ERR_EXISTS } from '../../../src/runtime/store';
import { AlRuntimeError, type FieldValue, type ReadOptions, type Row } from '../../../src/runtime/contracts';
import { allTables, customer } from './tables';

function row(values: Record<number, FieldValue>): Row {
  return new Map(Object.entries(values).map(([k, v]) => [Number(k), v]));
}
const all: ReadOptions = { filters: [], keyFields: [], ascending: true };

test('temporary rows are private, sorted, not transactional and never reach the database', () => {
  const db = new Database(allTables);
  const temp = new TemporaryTransaction(1, db);
  temp.insert(customer, row({ 1: '20000', 2: 'B' }));
  temp.insert(customer, row({ 1: '10000', 2: 'C' }));
  assert.throws(() => temp.insert(customer, row({ 1: '10000' })), (e: unknown) => e instanceof AlRuntimeError && e.info.code === ERR_EXISTS);
  temp.rollback();
  assert.deepEqual(temp.find(customer, all).map((r) => r.row.get(1)), ['10000', '20000']);
  assert.deepEqual(temp.find(customer, { ...all, keyFields: [2], ascending: false }).map((r) => r.row.get(1)), ['10000', '20000']);
  assert.equal(db.begin(2).count(customer, all), 0);
  const r = temp.get(customer, ['10000'])!;
  r.row.set(2, 'Changed');
  temp.modify(customer, r);
  const renamed = temp.rename(customer, temp.get(customer, ['10000'])!, ['30000']);
  assert.equal(renamed.row.get(2), 'Changed');
  temp.delete(customer, temp.get(customer, ['20000'])!);
  assert.deepEqual(temp.find(customer, all).map((x) => x.row.get(1)), ['30000']);
});

test('ModifyAll, DeleteAll and IsEmpty work on the filtered rows', () => {
  const db = new Database(allTables);
  const tx = db.begin(1);
  for (const [no, city] of [['1', 'Oslo'], ['2', 'Oslo'], ['3', 'Paris']]) tx.insert(customer, row({ 1: no, 3: city }));
  const oslo: ReadOptions = { ...all, filters: [{ fieldId: 3, range: { from: 'Oslo' } }] };
  assert.equal(modifyAll(tx, customer, oslo, 7, 5), 2);
  assert.deepEqual(tx.find(customer, all).map((r) => r.row.get(7)), [5, 5, 0]);
  assert.equal(isEmpty(tx, customer, oslo), false);
  assert.equal(deleteAll(tx, customer, oslo), 2);
  assert.equal(isEmpty(tx, customer, oslo), true);
  assert.equal(tx.count(customer, all), 1);
  tx.commit();
  assert.equal(db.committedCount(customer), 1);
});

test('MarkedOnly: markedKeys limits reads to the marked primary keys', () => {
  const db = new Database(allTables);
  const tx = db.begin(1);
  for (const no of ['1', '2', '3']) tx.insert(customer, row({ 1: no }));
  const info = db.info(customer);
  const marked = new Set([info.keyOfValues(['1']), info.keyOfValues(['3'])]);
  assert.deepEqual(tx.find(customer, { ...all, markedKeys: marked }).map((r) => r.row.get(1)), ['1', '3']);
  assert.equal(tx.count(customer, { ...all, markedKeys: marked }), 2);
});

test('getOrFail raises BC\'s not-found error with the key; nothingInFilter names the filters', async () => {
  const { getOrFail, nothingInFilter, getFiltersText, ERR_NOT_FOUND } = await import('../../../src/runtime/store');
  const { salesLine } = await import('./tables');
  const db = new Database(allTables);
  const tx = db.begin(1);
  assert.throws(() => getOrFail(tx, salesLine, [1, '1001', 10000]), (e: unknown) => e instanceof AlRuntimeError && e.info.code === ERR_NOT_FOUND
    && e.message === "The Sales Line does not exist. Identification fields and values: Document Type='Order',Document No.='1001',Line No.='10000'");
  tx.insert(customer, row({ 1: '10000' }));
  assert.equal(getOrFail(tx, customer, ['10000']).row.get(1), '10000');
  const err = nothingInFilter('Customer', getFiltersText(customer, [{ fieldId: 1, expression: '99999' }]));
  assert.equal(err.message, 'There is no Customer within the filter. Filters: No.: 99999');
});
