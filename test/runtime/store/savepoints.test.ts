// Savepoints in a store transaction (asserterror's own transaction scope): rollback to a savepoint undoes the
// inserts, modifications, deletions and renames made after it and keeps what came before; savepoints nest; row
// locks taken after it stay held; a commit in between limits the rollback to what came after the commit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Database, LockConflict } from '../../../src/runtime/store';
import type { FieldValue, ReadOptions, Row } from '../../../src/runtime/contracts';
import { allTables, customer, salesLine } from './tables';

function row(values: Record<number, FieldValue>): Row {
  return new Map(Object.entries(values).map(([k, v]) => [Number(k), v]));
}
const all: ReadOptions = { filters: [], keyFields: [], ascending: true };
const view = (rows: { row: Row }[]) => rows.map((r) => `${String(r.row.get(1))}:${String(r.row.get(2))}`);

test('rollback to a savepoint undoes every kind of write after it and keeps the ones before', () => {
  const db = new Database(allTables);
  const tx = db.begin(1);
  tx.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  tx.insert(customer, row({ 1: '20000', 2: 'Trey' }));
  tx.commit();
  tx.insert(customer, row({ 1: '30000', 2: 'Before' }));
  const sp = tx.savepoint();
  tx.insert(customer, row({ 1: '40000', 2: 'After' }));
  const a = tx.get(customer, ['10000'])!;
  a.row.set(2, 'Changed');
  tx.modify(customer, a);
  tx.delete(customer, tx.get(customer, ['20000'])!);
  tx.rename(customer, tx.get(customer, ['30000'])!, ['35000']);
  assert.deepEqual(view(tx.find(customer, all)), ['10000:Changed', '35000:Before', '40000:After']);
  assert.equal(tx.rollbackToSavepoint(sp), 5, 'five overlay entries undone (the rename is two)');
  assert.deepEqual(view(tx.find(customer, all)), ['10000:Adatum', '20000:Trey', '30000:Before']);
  assert.equal(tx.savepointCount, 0);
  // The transaction goes on: what was before the savepoint commits.
  tx.commit();
  assert.equal(db.committedCount(customer), 3);
  // A row read again after the rollback modifies normally (its version is the restored one).
  const again = tx.get(customer, ['10000'])!;
  again.row.set(2, 'Final');
  tx.modify(customer, again);
  tx.commit();
  assert.equal(db.begin(9).get(customer, ['10000'])!.row.get(2), 'Final');
});

test('savepoints nest; releasing one keeps its writes for the outer scope', () => {
  const db = new Database(allTables);
  const tx = db.begin(1);
  const outer = tx.savepoint();
  tx.insert(customer, row({ 1: 'A', 2: 'outer' }));
  const inner = tx.savepoint();
  tx.insert(customer, row({ 1: 'B', 2: 'inner' }));
  tx.rollbackToSavepoint(inner);
  assert.deepEqual(view(tx.find(customer, all)), ['A:outer']);
  const kept = tx.savepoint();
  tx.insert(customer, row({ 1: 'C', 2: 'kept' }));
  tx.releaseSavepoint(kept);
  assert.deepEqual(view(tx.find(customer, all)), ['A:outer', 'C:kept']);
  tx.rollbackToSavepoint(outer);
  assert.deepEqual(view(tx.find(customer, all)), []);
  assert.equal(tx.hasWrites(), false);
  assert.throws(() => db.begin(2).rollbackToSavepoint(tx.savepoint()), /belongs to another transaction/);
});

test('row locks taken after a savepoint stay held after rolling back to it', () => {
  const db = new Database(allTables);
  const seed = db.begin(0);
  seed.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  seed.commit();
  const a = db.begin(1);
  const b = db.begin(2);
  const sp = a.savepoint();
  const r = a.get(customer, ['10000'])!;
  r.row.set(2, 'by a');
  a.modify(customer, r);
  a.rollbackToSavepoint(sp);
  assert.equal(a.get(customer, ['10000'])!.row.get(2), 'Adatum');
  const rb = b.get(customer, ['10000'])!;
  assert.throws(() => b.modify(customer, rb), (e: unknown) => e instanceof LockConflict);
  a.commit();
  rb.row.set(2, 'by b');
  b.modify(customer, rb);
  b.commit();
  assert.equal(db.begin(3).get(customer, ['10000'])!.row.get(2), 'by b');
});

test('a commit after the savepoint: rolling back undoes only what came after the commit', () => {
  const db = new Database(allTables);
  const tx = db.begin(1);
  const sp = tx.savepoint();
  tx.insert(customer, row({ 1: 'A', 2: 'committed inside' }));
  tx.commit();
  tx.insert(customer, row({ 1: 'B', 2: 'after the commit' }));
  assert.equal(tx.rollbackToSavepoint(sp), 1);
  tx.commit();
  assert.deepEqual(view(db.begin(2).find(customer, all)), ['A:committed inside']);
});

test('one transaction over two companies (inCompany): commit, rollback and savepoints cover both', () => {
  const db = new Database(allTables, { company: 'Main' });
  const tx = db.begin(1);
  const other = tx.inCompany('Other');
  assert.equal(tx.inCompany('MAIN'), tx, 'the own company is the transaction itself');
  assert.equal(tx.inCompany('other'), other, 'company names compare case-insensitively');
  tx.insert(customer, row({ 1: 'M1' }));
  other.insert(customer, row({ 1: 'O1' }));
  assert.equal(tx.hasWrites(), true);
  const sp = tx.savepoint();
  other.insert(customer, row({ 1: 'O2' }));
  assert.equal(tx.rollbackToSavepoint(sp), 1, "the other company's write after the savepoint is undone");
  tx.commit();
  assert.deepEqual(view(db.begin(2).find(customer, all)), ['M1:']);
  assert.deepEqual(view(db.begin(3, 'Other').find(customer, all)), ['O1:']);
  other.insert(customer, row({ 1: 'O3' }));
  tx.rollback();
  assert.equal(other.hasWrites(), false, "rolling back the session's transaction rolls back its other company too");
  assert.equal(db.committedCount(customer, 'Other'), 1);
});

test('a table shared by every company (DataPerCompany = false) is one set of rows and locks in both parts of the transaction', () => {
  const shared = { ...salesLineShared(), dataPerCompany: false };
  const db = new Database([...allTables, shared], { company: 'Main' });
  const tx = db.begin(1);
  const other = tx.inCompany('Other');
  tx.insert(shared, row({ 1: 0, 3: 'S1', 4: 10000 }));
  // The other company's part sees the uncommitted row and may change it: no lock conflict with itself.
  const seen = other.get(shared, [0, 'S1', 10000])!;
  assert.ok(seen);
  seen.row.set(15, 5 as never);
  other.modify(shared, seen);
  tx.commit();
  assert.equal(db.committedCount(shared), 1);
  assert.equal(db.committedCount(shared, 'Other'), 1, 'the same rows from either company');
});

function salesLineShared() {
  return { ...salesLine, id: 38, name: 'Shared Line' };
}
