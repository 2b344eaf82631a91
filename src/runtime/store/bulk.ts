// Set-based record operations over any Transaction: IsEmpty, ModifyAll and DeleteAll without triggers
// (the interpreter runs OnModify/OnDelete itself row by row when RunTrigger is true).
import type { FieldValue, ReadOptions, TableDef, Transaction } from '../contracts';

export function isEmpty(tx: Transaction, table: TableDef, options: ReadOptions): boolean {
  return tx.count(table, options) === 0;
}

/** Sets one field on every row in the filter; returns how many rows changed. */
export function modifyAll(tx: Transaction, table: TableDef, options: ReadOptions, fieldId: number, value: FieldValue): number {
  const rows = tx.find(table, options);
  for (const r of rows) {
    r.row.set(fieldId, value);
    tx.modify(table, r);
  }
  return rows.length;
}

/** Deletes every row in the filter; returns how many. */
export function deleteAll(tx: Transaction, table: TableDef, options: ReadOptions): number {
  const rows = tx.find(table, options);
  for (const r of rows) tx.delete(table, r);
  return rows.length;
}
