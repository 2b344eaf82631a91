// AutoIncrement fields: Insert gives a blank (0) AutoIncrement field the next number of its table. BC's numbers come
// from SQL Server's identity: never reused after a delete and not given back by a rollback, so the counter lives
// beside the data (per engine, table and company) and only moves forward. Temporary tables are not on SQL Server
// and get no numbers (the field keeps what the code put there).
import type { Transaction } from '../contracts';
import type { AlRecord } from './record';
import type { TableModel } from './model';

const fieldsOf = new WeakMap<TableModel, number[]>();
const counters = new WeakMap<object, Map<string, number>>();

function autoIncrementFields(tm: TableModel): number[] {
  let ids = fieldsOf.get(tm);
  if (!ids) {
    ids = [];
    for (const fm of tm.fieldsById.values()) if (/^true$/i.test(fm.decl.properties.get('autoincrement')?.text ?? '')) ids.push(fm.def.id);
    fieldsOf.set(tm, ids);
  }
  return ids;
}

/** Fills the record's blank AutoIncrement field before Insert. `owner` keys the counters (the engine). */
export function assignAutoIncrement(owner: object, rec: AlRecord, tx: (company?: string) => Transaction, company: string): void {
  if (rec.temporary) return;
  const ids = autoIncrementFields(rec.table);
  if (ids.length === 0) return;
  let byKey = counters.get(owner);
  if (!byKey) counters.set(owner, (byKey = new Map()));
  for (const id of ids) {
    const v = rec.values.get(id);
    if (typeof v === 'number' && v !== 0) continue;
    const key = `${rec.def.id}|${id}|${company.toLowerCase()}`;
    const rows = rec.backend(tx).find(rec.def, { filters: [], keyFields: [id], ascending: false, limit: 1 });
    const top = rows.length ? Number(rows[0].row.get(id)) || 0 : 0;
    const next = Math.max(byKey.get(key) ?? 0, top) + 1;
    byKey.set(key, next);
    rec.values.set(id, next);
  }
}
