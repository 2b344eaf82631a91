// One session's transaction on the in-memory database: its own uncommitted writes in an overlay over the
// committed rows (read committed: others' uncommitted writes are invisible), row locks taken by writes and
// by reads after LockTable, optimistic concurrency by row version, commit and rollback.
import type { FieldFilter, ReadOptions, Row, TableDef, Transaction, VersionedRow, FieldValue } from '../contracts';
import { LockConflict, deadlock, readOnlyTable, recordChanged, recordExists, recordNotFound } from './errors';
import { buildMatcher } from './matcher';
import type { Database } from './database';
import { LazyCopy, type StoredRow, type TableStore } from './tableStore';
import type { TableInfo } from './tableInfo';

interface OverlayEntry {
  /** null = deleted by this transaction. */
  row: Row | null;
  version: number;
}

/** A row as a read sees it before copying. */
interface Visible {
  key: string;
  row: Row;
  version: number;
}

/** A point to roll back to inside a transaction (asserterror's own transaction scope). */
export interface StoreSavepoint {
  readonly transaction: number;
  readonly generation: number;
  readonly mark: number;
}

let nextTransactionId = 1;



export class StoreTransaction implements Transaction {
  readonly id = nextTransactionId++;
  private readonly overlay = new Map<number, Map<string, OverlayEntry>>();
  private readonly lockedTables = new Set<number>();
  /** Lock ids (`tableId:key`) this transaction holds until it ends. */
  private readonly held: string[] = [];
  /** The transaction this one last failed to get a lock from (for deadlock detection); cleared on progress. */
  waitingFor: StoreTransaction | undefined;
  private ended = false;
  /** Bumped by every commit / rollback: savepoints taken before it undo only what came after it. */
  private generation = 0;
  private openSavepoints = 0;
  /** While a savepoint is open: the overlay entries each write replaced, oldest first. */
  private readonly undo: { tx: StoreTransaction; tableId: number; key: string; prev: OverlayEntry | undefined }[] = [];
  /** The transaction of the session's own company; itself unless this one was made by `inCompany`. */
  private root: StoreTransaction = this;
  /** The same session's transactions on other companies' data (on the root only), by company key. */
  private siblings: Map<string, StoreTransaction> | undefined;

  /** `companyKey`: '' for the database's default company, else the lower-cased company name. */
  constructor(private readonly db: Database, readonly sessionId: number, readonly companyKey = '') {}

  table(name: string): TableDef {
    return this.db.table(name);
  }

  tableById(id: number): TableDef {
    return this.db.tableById(id);
  }

  // -------------------------------------------------------------------------------------------------------
  // Reads
  // -------------------------------------------------------------------------------------------------------

  /** Calls fn for each visible row matching the options, unordered; rows are not copied (do not mutate). */
  forEachVisible(table: TableDef, options: ReadOptions, fn: (v: Visible) => void): void {
    // Tables shared by every company live in the session's own transaction, whichever company reaches them.
    if (this.root !== this && table.dataPerCompany === false) return this.root.forEachVisible(table, options, fn);
    const info = this.db.info(table);
    const store = this.db.storeFor(table, this.companyKey, options.filters);
    const matches = buildMatcher(this, info, options, this.db.filterOptions);
    const own = this.overlay.get(table.id);
    const marked = options.markedKeys;
    const visit = (key: string, row: Row, version: number) => {
      if (marked && !marked.has(key)) return;
      if (matches(row)) fn({ key, row, version });
    };
    // Equality on the whole primary key: one hash lookup instead of a scan.
    const pkKey = this.db.primaryKeyLookup(info, options.filters);
    if (pkKey !== undefined) {
      const e = own?.get(pkKey);
      if (e) { if (e.row) visit(pkKey, e.row, e.version); return; }
      const s = store.get(pkKey);
      if (s) visit(s.key, s.row, s.version);
      return;
    }
    const [lo, hi] = this.db.orderBounds(info, store.order, options.filters);
    const order = store.order;
    for (let i = lo; i < hi; i++) {
      const s = order[i];
      if (own && own.has(s.key)) continue;
      visit(s.key, s.row, s.version);
    }
    if (own) for (const [key, e] of own) if (e.row) visit(key, e.row, e.version);
  }

  find(table: TableDef, options: ReadOptions): VersionedRow[] {
    if (this.root !== this && table.dataPerCompany === false) return this.root.find(table, options);
    this.progress();
    const info = this.db.info(table);
    const keyFields = options.keyFields ?? [];
    const isPkOrder = keyFields.length === 0 || keyFields.every((id, i) => info.pk[i]?.id === id);
    const own = this.overlay.get(table.id);
    const limit = options.limit !== undefined && options.limit >= 0 ? options.limit : Infinity;
    let rows: Visible[];
    if (limit !== Infinity && isPkOrder && !(own && own.size > 0) && !this.db.isVirtual(table) && this.db.primaryKeyLookup(info, options.filters) === undefined) {
      rows = this.scanInOrder(table, info, options, limit);
    } else {
      rows = [];
      this.forEachVisible(table, options, (v) => rows.push(v));
      const descending = options.ascending === false;
      if (!isPkOrder || (own && own.size > 0) || this.db.isVirtual(table)) {
        // Descending with a limit needs the last rows: sort fully, then reverse.
        rows = info.sortRows(rows, keyFields, descending ? Infinity : limit);
      }
      if (descending) rows.reverse();
      if (rows.length > limit) rows.length = limit;
    }
    if (this.lockedTables.has(table.id)) this.lockRows(table, info, rows);
    return rows.map((v) => new LazyCopy(v.row, v.version));
  }

  /** Committed rows in primary-key order (forward or backward) until `limit` match: FindFirst/FindLast without a scan. */
  private scanInOrder(table: TableDef, info: TableInfo, options: ReadOptions, limit: number): Visible[] {
    const order = this.db.storeFor(table, this.companyKey).order;
    const matches = buildMatcher(this, info, options, this.db.filterOptions);
    const marked = options.markedKeys;
    const out: Visible[] = [];
    const backward = options.ascending === false;
    const [lo, hi] = this.db.orderBounds(info, order, options.filters);
    for (let i = backward ? hi - 1 : lo; backward ? i >= lo : i < hi; backward ? i-- : i++) {
      const s = order[i];
      if (marked && !marked.has(s.key)) continue;
      if (!matches(s.row)) continue;
      out.push({ key: s.key, row: s.row, version: s.version });
      if (out.length >= limit) break;
    }
    return out;
  }

  get(table: TableDef, primaryKey: FieldValue[]): VersionedRow | undefined {
    if (this.root !== this && table.dataPerCompany === false) return this.root.get(table, primaryKey);
    this.progress();
    const info = this.db.info(table);
    const key = info.keyOfValues(primaryKey);
    const v = this.visible(table, key);
    if (!v) return undefined;
    if (this.lockedTables.has(table.id)) this.lockRows(table, info, [v]);
    return new LazyCopy(v.row, v.version);
  }

  count(table: TableDef, options: ReadOptions): number {
    if (this.root !== this && table.dataPerCompany === false) return this.root.count(table, options);
    this.progress();
    let n = 0;
    this.forEachVisible(table, options, () => n++);
    return n;
  }

  /** The row under key as this transaction sees it. */
  private visible(table: TableDef, key: string): Visible | undefined {
    const e = this.overlay.get(table.id)?.get(key);
    if (e) return e.row ? { key, row: e.row, version: e.version } : undefined;
    const s: StoredRow | undefined = this.db.storeFor(table, this.companyKey).get(key);
    return s ? { key, row: s.row, version: s.version } : undefined;
  }

  // -------------------------------------------------------------------------------------------------------
  // Writes
  // -------------------------------------------------------------------------------------------------------

  insert(table: TableDef, row: Row): VersionedRow {
    if (this.root !== this && table.dataPerCompany === false) return this.root.insert(table, row);
    this.progress();
    const store = this.writableStore(table, 'insert into');
    const info = store.info;
    const full = info.complete(row);
    const key = info.keyOfRow(full);
    this.checkLock(table, info, key, full);
    if (this.visible(table, key)) throw recordExists(table.name, info.identification(full));
    this.acquire(table, key);
    const version = this.db.nextVersion();
    this.write(table, key, { row: full, version });
    return { row: info.withCalculated(full, row), version };
  }

  modify(table: TableDef, row: VersionedRow): VersionedRow {
    if (this.root !== this && table.dataPerCompany === false) return this.root.modify(table, row);
    this.progress();
    const store = this.writableStore(table, 'modify');
    const info = store.info;
    const full = info.complete(row.row);
    const key = info.keyOfRow(full);
    this.checkLock(table, info, key, full);
    this.checkCurrent(table, info, key, row, full);
    this.acquire(table, key);
    const version = this.db.nextVersion();
    this.write(table, key, { row: full, version });
    return { row: info.withCalculated(full, row.row), version };
  }

  delete(table: TableDef, row: VersionedRow): void {
    if (this.root !== this && table.dataPerCompany === false) return this.root.delete(table, row);
    this.progress();
    const info = this.writableStore(table, 'delete from').info;
    const key = info.keyOfRow(row.row);
    this.checkLock(table, info, key, row.row);
    this.checkCurrent(table, info, key, row, row.row);
    this.acquire(table, key);
    this.write(table, key, { row: null, version: this.db.nextVersion() });
  }

  rename(table: TableDef, row: VersionedRow, newPrimaryKey: FieldValue[]): VersionedRow {
    if (this.root !== this && table.dataPerCompany === false) return this.root.rename(table, row, newPrimaryKey);
    this.progress();
    const info = this.writableStore(table, 'rename in').info;
    const oldKey = info.keyOfRow(row.row);
    const renamed = info.complete(row.row);
    info.pk.forEach((f, i) => renamed.set(f.id, newPrimaryKey[i]));
    const newKey = info.keyOfRow(renamed);
    this.checkLock(table, info, oldKey, row.row);
    this.checkCurrent(table, info, oldKey, row, row.row);
    if (newKey === oldKey) return this.modify(table, { row: info.withCalculated(renamed, row.row), version: row.version });
    this.checkLock(table, info, newKey, renamed);
    if (this.visible(table, newKey)) throw recordExists(table.name, info.identification(renamed));
    this.acquire(table, oldKey);
    this.acquire(table, newKey);
    this.write(table, oldKey, { row: null, version: this.db.nextVersion() });
    const version = this.db.nextVersion();
    this.write(table, newKey, { row: renamed, version });
    return { row: info.withCalculated(renamed, row.row), version };
  }

  lockTable(table: TableDef): void {
    if (this.root !== this && table.dataPerCompany === false) return this.root.lockTable(table);
    this.progress();
    if (this.db.isVirtual(table)) return;
    this.lockedTables.add(table.id);
  }

  /** True while LockTable is in effect for the table in this transaction. */
  isTableLocked(table: TableDef): boolean {
    if (this.root !== this && table.dataPerCompany === false) return this.root.isTableLocked(table);
    return this.lockedTables.has(table.id);
  }

  /** True while this transaction holds row locks (it wrote, or read under LockTable). */
  hasLocks(): boolean {
    return this.held.length > 0;
  }

  /** Writes of this transaction, its other companies' included. */
  hasWrites(): boolean {
    const r = this.root;
    if (r.ownWrites()) return true;
    if (r.siblings) for (const t of r.siblings.values()) if (t.ownWrites()) return true;
    return false;
  }

  private ownWrites(): boolean {
    for (const m of this.overlay.values()) if (m.size > 0) return true;
    return false;
  }

  /**
   * The same session's transaction on another company's data (Record.ChangeCompany): its own overlay and row
   * locks (lock ids carry the company), but one transaction with this one: commit, rollback, savepoints and
   * hasWrites of either cover both, as one SQL transaction spans every company's tables in BC.
   */
  inCompany(company: string | undefined): StoreTransaction {
    const r = this.root;
    const key = this.db.companyKey(company);
    if (key === r.companyKey) return r;
    r.siblings ??= new Map();
    let t = r.siblings.get(key);
    if (!t) {
      t = new StoreTransaction(this.db, this.sessionId, key);
      t.root = r;
      r.siblings.set(key, t);
    }
    return t;
  }

  commit(): void {
    const r = this.root;
    if (r !== this) return r.commit();
    const wrote = this.hasWrites();
    this.applyOwn();
    if (this.siblings) for (const t of this.siblings.values()) t.applyOwn();
    this.db.noteCommit(wrote);
    this.finishAll();
  }

  private applyOwn(): void {
    for (const [tableId, entries] of this.overlay) {
      const store = this.db.storeForId(tableId, this.companyKey);
      for (const [key, e] of entries) {
        if (e.row === null) store.remove(key);
        else store.put(key, e.row, e.version);
      }
    }
  }

  rollback(): void {
    this.root.finishAll();
  }

  private finishAll(): void {
    this.finish();
    if (this.siblings) for (const t of this.siblings.values()) t.finish();
  }

  /** Ends the transaction for good (the session ended): rolls back and unregisters it. */
  end(): void {
    const r = this.root;
    if (r !== this) return r.end();
    if (this.ended) return;
    this.rollback();
    this.ended = true;
    this.db.forget(this);
    if (this.siblings) for (const t of this.siblings.values()) {
      t.ended = true;
      this.db.forget(t);
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Savepoints (asserterror: the failing statement's writes roll back, the transaction goes on)
  // -------------------------------------------------------------------------------------------------------

  /**
   * Marks the transaction's state: `rollbackToSavepoint` undoes every write made after it (row locks taken since
   * stay held until the transaction ends, as with SQL Server's ROLLBACK TO SAVEPOINT). Savepoints nest; each one
   * ends with `rollbackToSavepoint` or `releaseSavepoint`. A commit or rollback in between ends the old scope: a
   * later rollback to the savepoint then undoes what was written since that commit.
   */
  savepoint(): StoreSavepoint {
    const r = this.root;
    r.progress();
    r.openSavepoints++;
    return { transaction: r.id, generation: r.generation, mark: r.undo.length };
  }

  /** Returns how many writes were undone (in every company of the transaction). */
  rollbackToSavepoint(sp: StoreSavepoint): number {
    const r = this.root;
    r.checkSavepoint(sp);
    const mark = sp.generation === r.generation ? sp.mark : 0;
    const undone = r.undo.length - mark;
    for (let i = r.undo.length - 1; i >= mark; i--) {
      const u = r.undo[i];
      const m = u.tx.overlay.get(u.tableId)!;
      if (u.prev) m.set(u.key, u.prev);
      else m.delete(u.key);
    }
    r.undo.length = mark;
    r.releaseSavepoint(sp);
    return undone;
  }

  releaseSavepoint(sp: StoreSavepoint): void {
    const r = this.root;
    r.checkSavepoint(sp);
    if (r.openSavepoints > 0) r.openSavepoints--;
    if (r.openSavepoints === 0) r.undo.length = 0;
  }

  /** Open savepoints (for tests). */
  get savepointCount(): number {
    return this.root.openSavepoints;
  }

  private checkSavepoint(sp: StoreSavepoint): void {
    if (sp.transaction !== this.id) throw new Error(`The savepoint belongs to another transaction (${sp.transaction}, not ${this.id}).`);
  }

  /** Every overlay write goes here: with a savepoint open, the entry it replaces is kept for the undo. */
  private write(table: TableDef, key: string, entry: OverlayEntry): void {
    const m = this.own(table);
    const r = this.root;
    if (r.openSavepoints > 0) r.undo.push({ tx: this, tableId: table.id, key, prev: m.get(key) });
    m.set(key, entry);
  }

  private finish(): void {
    this.overlay.clear();
    this.undo.length = 0;
    this.generation++;
    this.lockedTables.clear();
    this.waitingFor = undefined;
    const released = this.held.splice(0);
    this.db.releaseLocks(this, released);
  }

  // -------------------------------------------------------------------------------------------------------
  // Helpers
  // -------------------------------------------------------------------------------------------------------

  private progress(): void {
    if (this.ended) throw new Error(`The transaction of session ${this.sessionId} has ended.`);
    this.root.waitingFor = undefined;
  }

  private own(table: TableDef): Map<string, OverlayEntry> {
    let m = this.overlay.get(table.id);
    if (!m) { m = new Map(); this.overlay.set(table.id, m); }
    return m;
  }

  private writableStore(table: TableDef, op: string): TableStore {
    if (this.db.isVirtual(table)) throw readOnlyTable(table.name, op);
    return this.db.storeFor(table, this.companyKey);
  }

  /** The row must exist and, when the copy came from a read (version != 0), still be that version. */
  private checkCurrent(table: TableDef, info: TableInfo, key: string, copy: VersionedRow, row: Row): void {
    const current = this.visible(table, key);
    if (!current) throw recordNotFound(table.name, info.identification(row));
    if (copy.version !== 0 && copy.version !== current.version) throw recordChanged(table.name, info.identification(row));
  }

  /** Throws LockConflict (or a deadlock error) when another transaction holds the row's lock. */
  private checkLock(table: TableDef, info: TableInfo, key: string, row: Row): void {
    const holder = this.db.lockHolder(this.db.lockId(table, this.companyKey, key));
    // The same session's transaction in another company holds it: no conflict (one transaction in BC).
    if (!holder || holder.root === this.root) return;
    // Deadlock: the holder already waits, directly or through others, for this transaction (waits are tracked on
    // the session's transaction, whichever company's part took the lock).
    const me = this.root;
    for (let t: StoreTransaction | undefined = holder.root.waitingFor, hops = 0; t && hops < 1000; t = t.root.waitingFor, hops++) {
      if (t.root === me) throw deadlock(table.name);
    }
    me.waitingFor = holder.root;
    throw new LockConflict(table.name, info.identification(row), this.sessionId, holder.sessionId, holder.id);
  }

  private acquire(table: TableDef, key: string): void {
    const id = this.db.lockId(table, this.companyKey, key);
    if (this.db.acquireLock(this, id)) this.held.push(id);
  }

  /** Update locks for reads under LockTable: all or nothing, so a conflict leaves no partial locks behind. */
  private lockRows(table: TableDef, info: TableInfo, rows: Visible[]): void {
    for (const v of rows) this.checkLock(table, info, v.key, v.row);
    for (const v of rows) this.acquire(table, v.key);
  }

  /** Filters of a read, for helpers that build ReadOptions. */
  static options(filters: FieldFilter[] = [], keyFields: number[] = [], ascending = true): ReadOptions {
    return { filters, keyFields, ascending };
  }
}
