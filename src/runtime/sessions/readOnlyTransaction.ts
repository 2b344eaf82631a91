// The transaction a page background task gets: reads pass through, every write (and LockTable, which takes
// write locks) fails with BC's permission error, whatever path the interpreter takes to the store.
import type { FieldValue, ReadOptions, Row, TableDef, Transaction, VersionedRow } from '../contracts';
import { BcCode, BcText, fill, raise } from './bcErrors';

export class ReadOnlyTransaction implements Transaction {
  constructor(readonly inner: Transaction) {}

  get sessionId(): number {
    return this.inner.sessionId;
  }

  private refuse(table: TableDef, permission: string): never {
    return raise(BcCode.permission, fill(BcText.permission, table.name, permission));
  }

  table(name: string): TableDef {
    return this.inner.table(name);
  }
  tableById(id: number): TableDef {
    return this.inner.tableById(id);
  }
  find(table: TableDef, options: ReadOptions): VersionedRow[] {
    return this.inner.find(table, options);
  }
  get(table: TableDef, primaryKey: FieldValue[]): VersionedRow | undefined {
    return this.inner.get(table, primaryKey);
  }
  count(table: TableDef, options: ReadOptions): number {
    return this.inner.count(table, options);
  }
  insert(table: TableDef, _row: Row): VersionedRow {
    return this.refuse(table, 'Insert');
  }
  modify(table: TableDef, _row: VersionedRow): VersionedRow {
    return this.refuse(table, 'Modify');
  }
  delete(table: TableDef, _row: VersionedRow): void {
    this.refuse(table, 'Delete');
  }
  rename(table: TableDef, _row: VersionedRow, _newPrimaryKey: FieldValue[]): VersionedRow {
    return this.refuse(table, 'Modify');
  }
  lockTable(table: TableDef): void {
    // LockTable takes write locks: it needs the write permission a read-only child session does not have.
    this.refuse(table, 'Modify');
  }
  hasWrites(): boolean {
    return false;
  }
  commit(): void {
    this.inner.rollback();
  }
  rollback(): void {
    this.inner.rollback();
  }
}
