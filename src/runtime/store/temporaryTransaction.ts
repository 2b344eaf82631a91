// Temporary records (TableType Temporary, `Record X temporary`): a private in-memory table set behind the
// same Transaction interface, so the interpreter treats them like real records. No locks, no other
// sessions; commit and rollback change nothing, as BC's temporary tables are not transactional.
import type { FieldValue, ReadOptions, Row, TableDef, Transaction, VersionedRow } from '../contracts';
import { recordChanged, recordExists, recordNotFound } from './errors';
import { buildMatcher } from './matcher';
import type { FilterOptions } from './filters';
import { TableInfo } from './tableInfo';
import { LazyCopy, TableStore } from './tableStore';

export class TemporaryTransaction implements Transaction {
  private readonly stores = new Map<number, TableStore>();
  private version = 0;

  /**
   * `lookup` resolves table names/ids for FlowField formulas and `table()` (usually the real database's);
   * `flowTx` is the transaction FlowFields of temporary rows read from (the session's real one).
   */
  constructor(
    readonly sessionId: number,
    private readonly lookup: { table(name: string): TableDef; tableById(id: number): TableDef },
    private readonly filterOptions: FilterOptions = {},
    private readonly flowTx?: Transaction,
  ) {}

  table(name: string): TableDef {
    return this.lookup.table(name);
  }

  tableById(id: number): TableDef {
    return this.lookup.tableById(id);
  }

  private store(table: TableDef): TableStore {
    let s = this.stores.get(table.id);
    if (!s) { s = new TableStore(new TableInfo(table)); this.stores.set(table.id, s); }
    return s;
  }

  find(table: TableDef, options: ReadOptions): VersionedRow[] {
    const s = this.store(table);
    const matches = buildMatcher(this.flowTx ?? this, s.info, options, this.filterOptions);
    const marked = options.markedKeys;
    const out = s.order.filter((r) => (!marked || marked.has(r.key)) && matches(r.row));
    const keyFields = options.keyFields ?? [];
    let sorted = out;
    if (keyFields.length > 0 && !keyFields.every((id, i) => s.info.pk[i]?.id === id)) sorted = s.info.sortRows(out, keyFields);
    if (options.ascending === false) sorted.reverse();
    if (options.limit !== undefined && sorted.length > options.limit) sorted.length = Math.max(0, options.limit);
    return sorted.map((r) => new LazyCopy(r.row, r.version));
  }

  get(table: TableDef, primaryKey: FieldValue[]): VersionedRow | undefined {
    const s = this.store(table);
    const r = s.get(s.info.keyOfValues(primaryKey));
    return r ? new LazyCopy(r.row, r.version) : undefined;
  }

  count(table: TableDef, options: ReadOptions): number {
    return this.find(table, options).length;
  }

  insert(table: TableDef, row: Row): VersionedRow {
    const s = this.store(table);
    const full = s.info.complete(row);
    const key = s.info.keyOfRow(full);
    if (s.get(key)) throw recordExists(table.name, s.info.identification(full));
    const version = ++this.version;
    s.put(key, full, version);
    return { row: s.info.withCalculated(full, row), version };
  }

  private current(table: TableDef, row: VersionedRow): { s: TableStore; key: string } {
    const s = this.store(table);
    const key = s.info.keyOfRow(row.row);
    const cur = s.get(key);
    if (!cur) throw recordNotFound(table.name, s.info.identification(row.row));
    if (row.version !== 0 && row.version !== cur.version) throw recordChanged(table.name, s.info.identification(row.row));
    return { s, key };
  }

  modify(table: TableDef, row: VersionedRow): VersionedRow {
    const { s, key } = this.current(table, row);
    const full = s.info.complete(row.row);
    const version = ++this.version;
    s.put(key, full, version);
    return { row: s.info.withCalculated(full, row.row), version };
  }

  delete(table: TableDef, row: VersionedRow): void {
    const { s, key } = this.current(table, row);
    s.remove(key);
  }

  rename(table: TableDef, row: VersionedRow, newPrimaryKey: FieldValue[]): VersionedRow {
    const { s, key } = this.current(table, row);
    const renamed = s.info.complete(row.row);
    s.info.pk.forEach((f, i) => renamed.set(f.id, newPrimaryKey[i]));
    const newKey = s.info.keyOfRow(renamed);
    if (newKey !== key && s.get(newKey)) throw recordExists(table.name, s.info.identification(renamed));
    s.remove(key);
    const version = ++this.version;
    s.put(newKey, renamed, version);
    return { row: s.info.withCalculated(renamed, row.row), version };
  }

  lockTable(): void {
    // Temporary tables are private to the variable: nothing to lock.
  }

  hasWrites(): boolean {
    return false;
  }

  commit(): void {
    // Not transactional (BC keeps temporary rows across Commit and errors).
  }

  rollback(): void {
    // Not transactional.
  }

  /** Removes every row of the table (Reset + DeleteAll on a temporary record, or the variable going out of scope). */
  clear(table: TableDef): void {
    this.store(table).clear();
  }
}
