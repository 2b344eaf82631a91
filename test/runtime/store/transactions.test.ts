// Tests of the store's transactions: isolation, commit, rollback, optimistic concurrency, duplicates,
// missing records, lock conflicts and deadlocks, sort order by keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Database, LockConflict, ERR_CHANGED, ERR_EXISTS, ERR_NOT_FOUND } from '../../../src/runtime/store';
import { AlRuntimeError, type FieldValue, type ReadOptions, type Row } from '../../../src/runtime/contracts';
import { AlDecimal } from '../../../src/runtime/values/decimal';
import { allTables, customer, salesLine } from './tables';

function row(values: Record<number, FieldValue>): Row {
  return new Map(Object.entries(values).map(([k, v]) => [Number(k), v]));
}
const all: ReadOptions = { filters: [], keyFields: [], ascending: true };
const names = (rows: { row: Row }[]) => rows.map((r) => r.row.get(1));

function alError(code: string, text?: string) {
  return (e: unknown) => e instanceof AlRuntimeError && e.info.code === code && (text === undefined || e.message === text);
}

test('uncommitted writes are invisible to other sessions until commit; own writes are visible', () => {
  const db = new Database(allTables);
  const a = db.begin(1);
  const b = db.begin(2);
  a.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  assert.equal(a.get(customer, ['10000'])?.row.get(2), 'Adatum');
  assert.equal(b.get(customer, ['10000']), undefined);
  assert.equal(b.count(customer, all), 0);
  assert.equal(a.count(customer, all), 1);
  a.commit();
  assert.equal(b.get(customer, ['10000'])?.row.get(2), 'Adatum');
  assert.equal(db.committedCount(customer), 1);
});

test('rollback discards inserts, modifications and deletions', () => {
  const db = new Database(allTables);
  const a = db.begin(1);
  a.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  a.insert(customer, row({ 1: '20000', 2: 'Trey' }));
  a.commit();
  const r = a.get(customer, ['10000'])!;
  r.row.set(2, 'Changed');
  a.modify(customer, r);
  a.delete(customer, a.get(customer, ['20000'])!);
  a.insert(customer, row({ 1: '30000', 2: 'New' }));
  assert.deepEqual(names(a.find(customer, all)), ['10000', '30000']);
  assert.equal(a.hasWrites(), true);
  a.rollback();
  assert.equal(a.hasWrites(), false);
  assert.deepEqual(names(a.find(customer, all)), ['10000', '20000']);
  assert.equal(a.get(customer, ['10000'])?.row.get(2), 'Adatum');
});

test('inserting an existing key fails with BC\'s error; Get of a missing key returns undefined', () => {
  const db = new Database(allTables);
  const a = db.begin(1);
  a.insert(customer, row({ 1: '10000' }));
  assert.throws(() => a.insert(customer, row({ 1: '10000' })), alError(ERR_EXISTS, "The record in table Customer already exists. Identification fields and values: No.='10000'"));
  a.commit();
  assert.throws(() => db.begin(2).insert(customer, row({ 1: '10000' })), alError(ERR_EXISTS));
  assert.equal(a.get(customer, ['99999']), undefined);
  assert.throws(() => a.modify(customer, { row: row({ 1: '99999' }), version: 0 }), alError(ERR_NOT_FOUND, "The Customer does not exist. Identification fields and values: No.='99999'"));
});

test('lost update prevented: the second session modifying a row read before the first commit fails', () => {
  const db = new Database(allTables);
  const setup = db.begin(9);
  setup.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  setup.commit();
  const a = db.begin(1);
  const b = db.begin(2);
  const ra = a.get(customer, ['10000'])!;
  const rb = b.get(customer, ['10000'])!;
  ra.row.set(2, 'From A');
  a.modify(customer, ra);
  a.commit();
  rb.row.set(2, 'From B');
  assert.throws(() => b.modify(customer, rb), alError(ERR_CHANGED,
    "Another user has modified the record for this Customer after you retrieved it from the database. Enter your changes again in the updated window, or start the interrupted activity again. Identification fields and values: No.='10000'"));
  assert.throws(() => b.delete(customer, rb), alError(ERR_CHANGED));
  // Re-reading gives the new version, which can be modified.
  const fresh = b.get(customer, ['10000'])!;
  assert.equal(fresh.row.get(2), 'From A');
  fresh.row.set(2, 'From B');
  b.modify(customer, fresh);
  b.commit();
  assert.equal(db.begin(3).get(customer, ['10000'])?.row.get(2), 'From B');
});

test('a stale copy in the same session also fails (versions change on every write), Init+Modify skips the check', () => {
  const db = new Database(allTables);
  const a = db.begin(1);
  a.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  const r1 = a.get(customer, ['10000'])!;
  const r2 = a.get(customer, ['10000'])!;
  r1.row.set(2, 'One');
  const after = a.modify(customer, r1);
  assert.throws(() => a.modify(customer, r2), alError(ERR_CHANGED));
  after.row.set(2, 'Two');
  a.modify(customer, after);
  a.modify(customer, { row: row({ 1: '10000', 2: 'Blind' }), version: 0 });
  assert.equal(a.get(customer, ['10000'])?.row.get(2), 'Blind');
});

test('a write to a row another open transaction wrote reports LockConflict, resumed when it ends', async () => {
  const db = new Database(allTables);
  const s = db.begin(9);
  s.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  s.commit();
  const a = db.begin(1);
  const b = db.begin(2);
  const ra = a.get(customer, ['10000'])!;
  a.modify(customer, ra);
  const rb = b.get(customer, ['10000'])!;
  let conflict: LockConflict | undefined;
  try {
    b.modify(customer, rb);
  } catch (e) {
    conflict = e as LockConflict;
  }
  assert.ok(conflict instanceof LockConflict);
  assert.equal(conflict.holderSessionId, 1);
  assert.equal(conflict.sessionId, 2);
  assert.equal(conflict.tableName, 'Customer');
  // Inserting the same key as another's uncommitted insert waits too.
  a.insert(customer, row({ 1: '50000' }));
  assert.throws(() => b.insert(customer, row({ 1: '50000' })), LockConflict);
  let woke = 0;
  db.whenReleased(conflict, () => woke++);
  assert.equal(woke, 0);
  a.commit();
  assert.equal(woke, 1);
  // After the holder committed, b's copy is stale: BC's modified-by-another-user error, not a lost update.
  assert.throws(() => b.modify(customer, rb), alError(ERR_CHANGED));
  assert.throws(() => b.insert(customer, row({ 1: '50000' })), alError(ERR_EXISTS));
});

test('LockTable makes reads take update locks; a conflicting read waits; a wait cycle is a deadlock error', () => {
  const db = new Database(allTables);
  const s = db.begin(9);
  s.insert(customer, row({ 1: '10000' }));
  s.insert(customer, row({ 1: '20000' }));
  s.commit();
  const a = db.begin(1);
  const b = db.begin(2);
  a.lockTable(customer);
  a.get(customer, ['10000']);
  // b can read without LockTable (read committed), but cannot write the locked row.
  const rb = b.get(customer, ['10000'])!;
  assert.throws(() => b.modify(customer, rb), LockConflict);
  b.lockTable(customer);
  assert.throws(() => b.find(customer, all), LockConflict);
  // b holds 20000; a now waits for it while b waits for a: deadlock.
  b.rollback();
  b.lockTable(customer);
  b.get(customer, ['20000']);
  assert.throws(() => b.get(customer, ['10000']), LockConflict);
  assert.throws(() => a.get(customer, ['20000']), (e: unknown) => e instanceof AlRuntimeError && /deadlocked/.test(e.message));
  a.rollback();
  assert.equal(b.get(customer, ['10000'])?.row.get(1), '10000');
  b.commit();
  assert.equal(db.locksHeldBy(b), 0);
});

test('rows come back sorted by the current key then the primary key, ascending or descending', () => {
  const db = new Database(allTables);
  const a = db.begin(1);
  a.insert(customer, row({ 1: '30000', 2: 'beta', 3: 'Oslo' }));
  a.insert(customer, row({ 1: '10000', 2: 'Alpha', 3: 'Oslo' }));
  a.insert(customer, row({ 1: '20000', 2: 'alpha', 3: 'Bergen' }));
  a.commit();
  a.insert(customer, row({ 1: '15000', 2: 'Gamma', 3: 'Bergen' }));
  assert.deepEqual(names(a.find(customer, all)), ['10000', '15000', '20000', '30000']);
  assert.deepEqual(names(a.find(customer, { ...all, ascending: false })), ['30000', '20000', '15000', '10000']);
  assert.deepEqual(names(a.find(customer, { ...all, keyFields: [2] })), ['10000', '20000', '30000', '15000']);
  assert.deepEqual(names(a.find(customer, { ...all, keyFields: [3, 2] })), ['20000', '15000', '10000', '30000']);
});

test('composite primary keys, Rename, and decimals as field values', () => {
  const db = new Database(allTables);
  const a = db.begin(1);
  a.insert(salesLine, row({ 1: 1, 3: '1001', 4: 20000, 15: AlDecimal.from('2') }));
  a.insert(salesLine, row({ 1: 1, 3: '1001', 4: 10000, 15: AlDecimal.from('1.5') }));
  a.insert(salesLine, row({ 1: 0, 3: '1001', 4: 10000 }));
  assert.deepEqual(a.find(salesLine, all).map((r) => `${r.row.get(1)}/${r.row.get(4)}`), ['0/10000', '1/10000', '1/20000']);
  assert.throws(() => a.insert(salesLine, row({ 1: 1, 3: '1001', 4: 10000 })), alError(ERR_EXISTS, "The record in table Sales Line already exists. Identification fields and values: Document Type='Order',Document No.='1001',Line No.='10000'"));
  const line = a.get(salesLine, [1, '1001', 10000])!;
  assert.equal((line.row.get(15) as AlDecimal).toString(), '1.5');
  const renamed = a.rename(salesLine, line, [1, '1001', 30000]);
  assert.equal(renamed.row.get(4), 30000);
  assert.equal(a.get(salesLine, [1, '1001', 10000]), undefined);
  assert.throws(() => a.rename(salesLine, renamed, [1, '1001', 20000]), alError(ERR_EXISTS));
  a.commit();
  assert.equal(db.committedCount(salesLine), 3);
});

test('virtual tables serve provider rows and refuse writes', () => {
  const db = new Database(allTables);
  const active = { id: 2000000110, name: 'Active Session', fields: [{ id: 1, name: 'Server Instance ID', type: 'Integer' as const, length: 0, fieldClass: 'Normal' as const }, { id: 2, name: 'Session ID', type: 'Integer' as const, length: 0, fieldClass: 'Normal' as const }, { id: 3, name: 'Client Type', type: 'Text' as const, length: 30, fieldClass: 'Normal' as const }], keys: [['Server Instance ID', 'Session ID']] };
  let sessions = [row({ 1: 1, 2: 5, 3: 'Background' }), row({ 1: 1, 2: 3, 3: 'Web Client' })];
  db.registerVirtualTable(active, () => sessions);
  const tx = db.begin(1);
  assert.deepEqual(tx.find(active, all).map((r) => r.row.get(2)), [3, 5]);
  assert.equal(tx.get(active, [1, 5])?.row.get(3), 'Background');
  sessions = sessions.slice(1);
  assert.equal(tx.count(active, all), 1);
  assert.throws(() => tx.insert(active, row({ 1: 1, 2: 9 })), /read-only/);
});

test('a redefined table keeps its committed rows', () => {
  const db = new Database(allTables);
  const tx = db.begin(1);
  tx.insert(customer, row({ 1: '10000', 2: 'Adatum' }));
  tx.commit();
  db.defineTables([{ ...customer, fields: [...customer.fields, { id: 30, name: 'Extra', type: 'Integer', length: 0, fieldClass: 'Normal' }] }]);
  const r = db.begin(2).get(db.table('customer'), ['10000'])!;
  assert.equal(r.row.get(2), 'Adatum');
  assert.equal(r.row.get(30), 0);
});

test('limit stops early in key order (FindFirst/FindLast), ranges on the primary key, and copies are independent', () => {
  const db = new Database(allTables);
  const a = db.begin(1);
  for (let i = 1; i <= 50; i++) a.insert(salesLine, row({ 1: i % 2, 3: `D${String(i).padStart(3, '0')}`, 4: i * 10000 }));
  a.commit();
  const first = a.find(salesLine, { ...all, limit: 1 });
  assert.deepEqual(first.map((r) => r.row.get(3)), ['D002']);
  const last = a.find(salesLine, { ...all, ascending: false, limit: 2 });
  assert.deepEqual(last.map((r) => r.row.get(3)), ['D049', 'D047']);
  const ranged = a.find(salesLine, { ...all, filters: [{ fieldId: 1, range: { from: 1 } }, { fieldId: 3, range: { from: 'D010', to: 'D016' } }] });
  assert.deepEqual(ranged.map((r) => r.row.get(3)), ['D011', 'D013', 'D015']);
  assert.equal(a.count(salesLine, { ...all, filters: [{ fieldId: 1, range: { from: 0, to: 0 } }] }), 25);
  assert.equal(a.count(salesLine, { ...all, filters: [{ fieldId: 1, range: { from: 1, to: 0 } }] }), 0);
  // Own uncommitted rows take part in limited reads too.
  a.insert(salesLine, row({ 1: 0, 3: 'A000', 4: 1 }));
  assert.deepEqual(a.find(salesLine, { ...all, limit: 1 }).map((r) => r.row.get(3)), ['A000']);
  const copy = a.find(salesLine, { ...all, limit: 1 })[0];
  copy.row.set(3, 'MUTATED');
  assert.equal(a.find(salesLine, { ...all, limit: 1 })[0].row.get(3), 'A000');
  const got = a.get(salesLine, [0, 'A000', 1])!;
  got.row.set(15, AlDecimal.from('9'));
  assert.equal((a.get(salesLine, [0, 'A000', 1])!.row.get(15) as AlDecimal).toString(), '0');
  // Code filters compare upper case: a lower-case SetRange still finds the row.
  assert.equal(a.count(customer, { ...all, filters: [{ fieldId: 1, range: { from: 'x' } }] }), 0);
  a.insert(customer, row({ 1: 'X' }));
  assert.equal(a.count(customer, { ...all, filters: [{ fieldId: 1, range: { from: 'x' } }] }), 1);
});

test('companies: per-company tables hold separate rows, DataPerCompany = false tables are shared', () => {
  const shared = { ...salesLine, id: 99, name: 'Shared Setup', dataPerCompany: false };
  const db = new Database([...allTables, shared], { company: 'CRONUS' });
  const main = db.begin(1);
  const other = db.begin(2, 'Other Co');
  const same = db.begin(3, 'cronus');
  main.insert(customer, row({ 1: '10000', 2: 'Main' }));
  main.insert(shared, row({ 1: 1, 3: 'S', 4: 1 }));
  main.commit();
  assert.equal(other.get(customer, ['10000']), undefined);
  assert.equal(same.get(customer, ['10000'])?.row.get(2), 'Main');
  assert.equal(other.count(shared, all), 1);
  other.insert(customer, row({ 1: '10000', 2: 'Other' }));
  // Same key in two companies: no lock conflict, no duplicate.
  const m = main.get(customer, ['10000'])!;
  main.modify(customer, m);
  other.commit();
  main.commit();
  assert.equal(db.begin(4, 'OTHER CO').get(customer, ['10000'])?.row.get(2), 'Other');
  assert.equal(db.committedCount(customer), 1);
  assert.equal(db.committedCount(customer, 'Other Co'), 1);
  // A shared table's row is one row: writes from two companies conflict.
  other.modify(shared, other.get(shared, [1, 'S', 1])!);
  assert.throws(() => main.modify(shared, main.get(shared, [1, 'S', 1])!), LockConflict);
  other.rollback();
  assert.deepEqual(db.companies(), ['other co']);
});

test('a limited read in key order stops scanning at the limit (FindFirst / FindLast read a few rows, not the table)', () => {
  const db = new Database(allTables);
  const seed = db.begin(0);
  for (let i = 0; i < 5000; i++) seed.insert(customer, row({ 1: `C${String(i).padStart(5, '0')}`, 3: i % 2 ? 'Oslo' : 'Paris' }));
  seed.commit();
  // Count the stored rows a read touches: the key-ordered array is what a scan walks.
  const store = db.storeFor(customer);
  let touched = 0;
  const counting = new Proxy(store.order, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) touched++;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  Object.defineProperty(store, 'order', { value: counting });
  const tx = db.begin(1);
  const oslo: ReadOptions = { filters: [{ fieldId: 3, expression: 'Oslo' }], keyFields: [], ascending: true };
  const first = tx.find(customer, { ...oslo, limit: 1 });
  assert.deepEqual(names(first), ['C00001']);
  assert.ok(touched <= 2, `FindFirst touched ${touched} rows`);
  touched = 0;
  const last = tx.find(customer, { ...oslo, ascending: false, limit: 1 });
  assert.deepEqual(names(last), ['C04999']);
  assert.ok(touched <= 2, `FindLast touched ${touched} rows`);
  touched = 0;
  assert.equal(tx.find(customer, oslo).length, 2500);
  assert.ok(touched >= 5000, `without a limit the whole table is scanned (${touched})`);
});
