// Benchmark of the record store: many sessions each writing and committing, Get/Modify by primary key,
// filtered and limited reads over a 10,000-row table, lock conflicts. Prints wall-clock and CPU figures.
// Usage: npm run bench:store
import { Database } from '../src/runtime/store';
import { AlDecimal } from '../src/runtime/values/decimal';
import type { FieldDef, ReadOptions, Row, TableDef } from '../src/runtime/contracts';

const f = (id: number, name: string, type: FieldDef['type'], length = 0): FieldDef => ({ id, name, type, length, fieldClass: 'Normal' });
const customer: TableDef = {
  id: 18, name: 'Customer',
  fields: [f(1, 'No.', 'Code', 20), f(2, 'Name', 'Text', 100), f(3, 'City', 'Text', 30), f(4, 'Balance', 'Decimal'), f(5, 'Priority', 'Integer')],
  keys: [['No.'], ['Name']],
};
const N = 10_000;
const all: ReadOptions = { filters: [], keyFields: [], ascending: true };

function measure(name: string, ops: number, fn: () => void): void {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms wall ${cpuMs.toFixed(1).padStart(8)} ms cpu ${((ops / cpuMs) * 1000).toFixed(0).padStart(10)} ops/s (cpu)`);
}

const db = new Database([customer]);
const key = (i: number) => `C${String((i * 7919) % N).padStart(6, '0')}`;
measure(`${N} sessions: insert one row + commit (random key order)`, N, () => {
  for (let i = 0; i < N; i++) {
    const tx = db.begin(i + 1);
    const row: Row = new Map<number, never>([[1, key(i) as never], [2, `Name ${i}` as never], [3, (i % 2 ? 'Oslo' : 'Paris') as never], [4, AlDecimal.fromInteger(i) as never], [5, (i % 10) as never]]);
    tx.insert(customer, row);
    tx.commit();
  }
});
measure(`${N} sessions: Get + Modify + commit`, N, () => {
  for (let i = 0; i < N; i++) {
    const tx = db.begin(i + 1);
    const r = tx.get(customer, [key(i)])!;
    r.row.set(4, (r.row.get(4) as AlDecimal).add(AlDecimal.ONE));
    tx.modify(customer, r);
    tx.commit();
  }
});
const reader = db.begin(0);
measure('1,000 FindFirst (limit 1) with a Text filter, 10k rows', 1000, () => {
  for (let i = 0; i < 1000; i++) reader.find(customer, { ...all, filters: [{ fieldId: 3, expression: 'Oslo' }], limit: 1 });
});
// What Record.FindFirst / FindLast cost before (the whole filtered set read, first or last row taken) and now
// (the store's limit: the scan stops at the first match in key order, backwards for FindLast).
measure('1,000 FindLast without a limit (whole set read, last row taken)', 1000, () => {
  for (let i = 0; i < 1000; i++) { const rows = reader.find(customer, { ...all, filters: [{ fieldId: 3, expression: 'Oslo' }] }); void rows[rows.length - 1]; }
});
measure('1,000 FindLast with limit 1 (backward scan)', 1000, () => {
  for (let i = 0; i < 1000; i++) reader.find(customer, { ...all, filters: [{ fieldId: 3, expression: 'Oslo' }], ascending: false, limit: 1 });
});
measure('100 FindSet of all rows, reading one field each', 100 * N, () => {
  for (let i = 0; i < 100; i++) for (const r of reader.find(customer, all)) void r.version;
});
measure('100 Count with a wildcard filter over 10k rows', 100, () => {
  for (let i = 0; i < 100; i++) reader.count(customer, { ...all, filters: [{ fieldId: 2, expression: 'Name 1*' }] });
});
measure('1,000 SetRange on the primary key (binary search)', 1000, () => {
  for (let i = 0; i < 1000; i++) reader.find(customer, { ...all, filters: [{ fieldId: 1, range: { from: 'C001000', to: 'C001100' } }] });
});
measure('100 finds sorted by a secondary key (Name)', 100, () => {
  for (let i = 0; i < 100; i++) reader.find(customer, { ...all, keyFields: [2], limit: 10 });
});
measure(`${N} lock conflicts detected (two sessions, one row)`, N, () => {
  const a = db.begin(1);
  const b = db.begin(2);
  const r = a.get(customer, [key(1)])!;
  a.modify(customer, r);
  const rb = b.get(customer, [key(1)])!;
  for (let i = 0; i < N; i++) {
    try { b.modify(customer, rb); } catch { /* LockConflict */ }
  }
  a.rollback();
  b.rollback();
});
