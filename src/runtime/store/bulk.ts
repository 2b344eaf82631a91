// Set-based record operations over any Transaction: IsEmpty, ModifyAll and DeleteAll without triggers
// (the interpreter runs OnModify/OnDelete itself row by row when RunTrigger is true).
import type { FieldValue, ReadOptions, TableDef, Transaction, VersionedRow } from '../contracts';
import { recordNotFound } from './errors';
import { TableInfo } from './tableInfo';

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

const infos = new WeakMap<TableDef, TableInfo>();

/** Rec.Get without a return value: the row, or BC's "The Customer does not exist. Identification fields and values: No.='10000'". */
export function getOrFail(tx: Transaction, table: TableDef, primaryKey: FieldValue[]): VersionedRow {
  const r = tx.get(table, primaryKey);
  if (r) return r;
  let info = infos.get(table);
  if (!info) { info = new TableInfo(table); infos.set(table, info); }
  throw recordNotFound(table.name, info.identificationOfKey(primaryKey));
}
