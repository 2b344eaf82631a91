// FindFirst / FindLast / Find('-') / Find('+') ask the store for one row (ReadOptions.limit = 1) instead of the
// whole filtered set: proven with an instrumented transaction that records every find and the rows it returned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReadOptions, TableDef, Transaction, VersionedRow } from '../../../src/runtime/contracts';
import { Database } from '../../../src/runtime/store';
import { CUSTOMER_AL, TestServices, detached, drive, engineWith } from './support';

interface FindCall {
  table: string;
  limit: number | undefined;
  ascending: boolean | undefined;
  returned: number;
}

/** The real store transaction, with every `find` recorded. */
function instrumented(tx: Transaction, calls: FindCall[]): Transaction {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === 'find') {
        return (table: TableDef, options: ReadOptions): VersionedRow[] => {
          const rows = target.find(table, options);
          calls.push({ table: table.name, limit: options.limit, ascending: options.ascending, returned: rows.length });
          return rows;
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function run(body: string, vars: string): { messages: string[]; calls: FindCall[] } {
  const engine = engineWith({ 'test.al': `codeunit 50000 Test\n{\ntrigger OnRun()\nvar\n${vars}\nbegin\n${body}\nend;\n}\n`, 'customer.al': CUSTOMER_AL });
  const db = new Database(engine.tables());
  const seed = db.begin(0);
  const customer = db.table('Customer');
  for (let i = 0; i < 2000; i++) {
    seed.insert(customer, new Map<number, string>([[1, `C${String(i).padStart(5, '0')}`], [2, `Name ${String(1999 - i).padStart(4, '0')}`], [7, i % 2 ? 'Oslo' : 'Bergen']]));
  }
  seed.commit();
  const calls: FindCall[] = [];
  const services = new TestServices(instrumented(db.begin(1), calls));
  const result = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached), services);
  if (result.state !== 'completed') throw new Error(`AL failed: ${JSON.stringify(result)}`);
  return { messages: services.messages, calls };
}

test('FindFirst, FindLast, Find(-) and Find(+) read one row from the store, in either key and direction', () => {
  const { messages, calls } = run(
    `
    c.FindFirst(); Message(c."No.");
    c.FindLast(); Message(c."No.");
    c.SetRange(City, 'Oslo');
    c.Find('-'); Message(c."No.");
    c.Find('+'); Message(c."No.");
    c.SetCurrentKey(Name);
    c.FindFirst(); Message(c.Name);
    c.Ascending(false);
    c.FindFirst(); Message(c.Name);
    c.FindLast(); Message(c.Name);
    c.SetRange(City, 'Nowhere');
    if not c.FindFirst() then Message('none');`,
    'c: Record Customer;',
  );
  assert.deepEqual(messages, ['C00000', 'C01999', 'C00001', 'C01999', 'Name 0000', 'Name 1998', 'Name 0000', 'none']);
  assert.equal(calls.length, 8);
  for (const c of calls) {
    assert.equal(c.limit, 1, `every edge find passes limit 1: ${JSON.stringify(c)}`);
    assert.ok(c.returned <= 1, `the store returned at most one row: ${JSON.stringify(c)}`);
  }
  // FindLast reads the reversed order's first row.
  assert.deepEqual(calls.map((c) => c.ascending), [true, false, true, false, true, false, true, false]);
});

test('Next after FindFirst / FindLast walks on from the found record; FindSet still reads the set once', () => {
  const { messages, calls } = run(
    `
    c.SetRange("No.", 'C00010', 'C00013');
    c.FindFirst();
    repeat s += c."No." + ' '; until c.Next() = 0;
    Message(s); s := '';
    c.FindLast();
    repeat s += c."No." + ' '; until c.Next(-1) = 0;
    Message(s); s := '';
    if c.FindSet() then repeat s += c."No." + ' '; until c.Next() = 0;
    Message(s);`,
    'c: Record Customer; s: Text;',
  );
  assert.deepEqual(messages, ['C00010 C00011 C00012 C00013 ', 'C00013 C00012 C00011 C00010 ', 'C00010 C00011 C00012 C00013 ']);
  // FindFirst (1 row), its Next's one read, FindLast (1 row), its Next's read, FindSet's read.
  assert.deepEqual(calls.map((c) => c.limit), [1, undefined, 1, undefined, undefined]);
});
