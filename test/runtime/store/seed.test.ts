// Tests of seeding from JSON (type conversion, errors naming table/field/value, all-or-nothing) and of
// saving/loading the database to a JSON file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database, SeedError, loadDatabase, saveDatabase, seedDatabase } from '../../../src/runtime/store';
import { AlDecimal } from '../../../src/runtime/values/decimal';
import { dmy2Date } from '../../../src/runtime/values/datetime';
import { allTables, customer } from './tables';

test('seed rows are converted to typed values', () => {
  const db = new Database(allTables);
  const n = seedDatabase(db, {
    Customer: [
      { 'No.': ' c10000 ', Name: 'Adatum', 'Credit Limit': '1234.567890123456789', Blocked: 'Invoice', 'Last Date': '2024-01-31', Priority: 3, Id: '6f1a3c2e-0000-4000-8000-00000000abcd' },
      { 'No.': '20000', 'Credit Limit': 0.1, Blocked: 3 },
    ],
    'Sales Line': [{ 'Document Type': 'Order', 'Document No.': '1001', 'Line No.': 10000, Quantity: 2 }],
  });
  assert.equal(n, 3);
  const tx = db.begin(1);
  const c = tx.get(customer, ['C10000'])!.row;
  assert.equal((c.get(4) as AlDecimal).toString(), '1234.567890123456789');
  assert.equal(c.get(5), 2);
  assert.equal(c.get(6), dmy2Date(31, 1, 2024));
  assert.equal(c.get(21), '{6F1A3C2E-0000-4000-8000-00000000ABCD}');
  assert.equal(c.get(3), '');
  assert.equal((tx.get(customer, ['20000'])!.row.get(4) as AlDecimal).toString(), '0.1');
});

test('seed errors name the table, field and value, and nothing is written', () => {
  const db = new Database(allTables);
  const bad = (data: object, re: RegExp) => assert.throws(() => seedDatabase(db, data as never), (e: unknown) => e instanceof SeedError && re.test(e.message));
  bad({ Customer: [{ 'No.': '1' }, { 'No.': '2', 'Credit Limit': 'lots' }] }, /table Customer, field Credit Limit: "lots" is not a valid Decimal/);
  bad({ Customer: [{ 'No.': '1', Colour: 'red' }] }, /table Customer: there is no field named 'Colour'/);
  bad({ Customer: [{ 'No.': '1', Blocked: 'Maybe' }] }, /field Blocked: "Maybe" is not an option/);
  bad({ Customer: [{ 'No.': '1', 'Last Date': '2024-02-30' }] }, /field Last Date: "2024-02-30" is not a valid Date/);
  bad({ Customer: [{ 'No.': 'X'.repeat(21) }] }, /field No\.: .* is too long/);
  bad({ Customer: [{ 'No.': '1' }, { 'No.': '1' }] }, /row 2: The record in table Customer already exists/);
  bad({ Vendor: [] }, /table 'Vendor', which is not defined/);
  bad({ Customer: [{ 'No.': '1', Balance: 5 }] }, /Balance is a FlowField/);
  bad({ Customer: [{ 'No.': '1', Priority: 1.5 }] }, /field Priority: 1.5 is not a valid Integer/);
  assert.equal(db.committedCount(customer), 0);
});

test('save and load round-trip every committed value exactly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'al-store-'));
  const path = join(dir, 'data.json');
  const db = new Database(allTables);
  seedDatabase(db, { Customer: [{ 'No.': '10000', Name: 'Adatum', 'Credit Limit': '0.30000000000000000001', Blocked: 'All', 'Last Date': 'C2023-12-31' }] });
  const tx = db.begin(1);
  tx.insert(customer, new Map<number, never>([[1, '20000' as never]]));
  saveDatabase(db, path); // the uncommitted insert is not saved
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(saved.Customer.length, 1);
  assert.equal(saved.Customer[0]['Credit Limit'], '0.30000000000000000001');
  const db2 = new Database(allTables);
  assert.equal(loadDatabase(db2, path), 1);
  const r = db2.begin(1).get(customer, ['10000'])!.row;
  assert.equal((r.get(4) as AlDecimal).toString(), '0.30000000000000000001');
  assert.equal(r.get(5), 3);
  assert.equal(r.get(6), dmy2Date(31, 12, 2023) + 0.5);
  writeFileSync(path, '{ not json');
  assert.throws(() => loadDatabase(new Database(allTables), path), /Cannot read data file/);
});
