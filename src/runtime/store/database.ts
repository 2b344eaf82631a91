// The in-memory database shared by all sessions: table definitions, committed rows, row locks of open
// transactions, virtual (provider-backed) tables, and the wake-up list of sessions waiting for locks.
import { AlRuntimeError, type FieldFilter, type FieldValue, type Row, type TableDef } from '../contracts';
import { rangeCompare } from './filters';
import type { FilterOptions } from './filters';
import { TableInfo } from './tableInfo';
import { TableStore, type StoredRow } from './tableStore';
import { StoreTransaction } from './transaction';
import type { LockConflict } from './errors';

export interface DatabaseOptions extends FilterOptions {
  /**
   * The company whose data `begin(sessionId)` without a company (and seeding) uses. Transactions of other
   * companies see their own rows of every table whose TableDef.dataPerCompany is not false.
   */
  company?: string;
}

/** Rows of a virtual table (Active Session, Session Event, the platform's Field, Integer...), produced on each read. */
export type VirtualTableProvider = (filters?: FieldFilter[], db?: Database) => Iterable<Row>;

export class Database {
  private readonly tables = new Map<string, TableStore>();
  /** The default company's stores (and the only store of tables that are not per company). */
  private readonly byId = new Map<number, TableStore>();
  /** Other companies' stores of per-company tables, by lower-cased company name, then table id. */
  private readonly companyStores = new Map<string, Map<number, TableStore>>();
  private readonly virtual = new Map<number, VirtualTableProvider>();
  /** The last snapshot of a virtual table whose provider hands back the same row list (metadata tables). */
  private readonly virtualSnapshots = new Map<number, { rows: Iterable<Row>; store: TableStore }>();
  private readonly locks = new Map<string, StoreTransaction>();
  private readonly waiters = new Map<StoreTransaction, Set<() => void>>();
  private readonly transactions = new Map<number, StoreTransaction>();
  private version = 0;
  /** Number of commits that wrote something (for tests and diagnostics). */
  commits = 0;
  readonly filterOptions: FilterOptions;
  readonly defaultCompany: string;

  constructor(tables: TableDef[] = [], options: DatabaseOptions = {}) {
    this.filterOptions = options;
    this.defaultCompany = options.company ?? '';
    this.defineTables(tables);
  }

  /** '' for the default company (or no company), else the lower-cased company name. */
  companyKey(company: string | undefined): string {
    if (!company) return '';
    const k = company.toLowerCase();
    return k === this.defaultCompany.toLowerCase() ? '' : k;
  }

  /** Companies other than the default one that hold data. */
  companies(): string[] {
    return [...this.companyStores.keys()];
  }

  /**
   * Adds or replaces table definitions. A redefined table keeps its rows (re-keyed if the primary key
   * changed; rows that then collide keep the last one).
   */
  defineTables(defs: TableDef[]): void {
    const rekey = (old: TableStore, info: TableInfo): TableStore => {
      const store = new TableStore(info);
      for (const s of old.order) {
        const row = info.complete(s.row);
        store.put(info.keyOfRow(row), row, s.version);
      }
      return store;
    };
    for (const def of defs) {
      // Platform virtual tables bring their row provider; one registered by the session layer stays.
      if (def.virtualRows && !this.virtual.has(def.id)) this.virtual.set(def.id, def.virtualRows);
      const info = new TableInfo(def);
      const old = this.byId.get(def.id) ?? this.tables.get(def.name.toLowerCase());
      const store = old ? rekey(old, info) : new TableStore(info);
      if (old) {
        this.tables.delete(old.info.def.name.toLowerCase());
        this.byId.delete(old.info.def.id);
        for (const m of this.companyStores.values()) {
          const other = m.get(old.info.def.id);
          if (!other) continue;
          m.delete(old.info.def.id);
          m.set(def.id, rekey(other, info));
        }
      }
      this.tables.set(def.name.toLowerCase(), store);
      this.byId.set(def.id, store);
    }
  }

  tableDefs(): TableDef[] {
    return [...this.byId.values()].map((s) => s.info.def);
  }

  /** Asked on a lookup miss: a table of the workspace's dependencies is built on first use (it then defines it). */
  onMissingTable?: (nameOrId: string) => void;

  private miss(nameOrId: string | number): void {
    this.onMissingTable?.(String(nameOrId));
  }

  table(name: string): TableDef {
    if (!this.tables.has(name.toLowerCase())) this.miss(name);
    const s = this.tables.get(name.toLowerCase());
    if (!s) throw new AlRuntimeError(`The table '${name}' does not exist in the runtime's database.`);
    return s.info.def;
  }

  tableById(id: number): TableDef {
    if (!this.byId.has(id)) this.miss(id);
    const s = this.byId.get(id);
    if (!s) throw new AlRuntimeError(`The table with ID ${id} does not exist in the runtime's database.`);
    return s.info.def;
  }

  hasTable(nameOrId: string | number): boolean {
    if (!(typeof nameOrId === 'number' ? this.byId.has(nameOrId) : this.tables.has(nameOrId.toLowerCase()))) this.miss(nameOrId);
    return typeof nameOrId === 'number' ? this.byId.has(nameOrId) : this.tables.has(nameOrId.toLowerCase());
  }

  info(table: TableDef): TableInfo {
    const s = this.byId.get(table.id);
    if (!s) throw new AlRuntimeError(`The table ${table.name} (${table.id}) does not exist in the runtime's database.`);
    return s.info;
  }

  /**
   * Starts a transaction for a session in a company (default: the database's company); keep using it after
   * commit/rollback (a new one begins implicitly).
   */
  begin(sessionId: number, company?: string): StoreTransaction {
    return new StoreTransaction(this, sessionId, this.companyKey(company));
  }

  /**
   * Registers a read-only table whose rows come from `provider` on every read (the session layer serves
   * Active Session 2000000110 and Session Event 2000000111 this way). Writes raise an AL error.
   */
  registerVirtualTable(def: TableDef, provider: VirtualTableProvider): void {
    this.defineTables([def]);
    this.virtual.set(def.id, provider);
  }

  isVirtual(table: TableDef): boolean {
    return this.virtual.has(table.id);
  }

  /**
   * Committed rows of a table in a company (a snapshot built from the provider for virtual tables, given the
   * read's filters so a table without an end, such as Integer, produces only what is asked).
   */
  storeFor(table: TableDef, companyKey = '', filters?: FieldFilter[]): TableStore {
    const s = this.byId.get(table.id);
    if (!s) throw new AlRuntimeError(`The table ${table.name} (${table.id}) does not exist in the runtime's database.`);
    const provider = this.virtual.get(table.id);
    if (provider) {
      const rows = provider(filters, this);
      const last = this.virtualSnapshots.get(table.id);
      if (last && last.rows === rows && last.store.info === s.info) return last.store;
      const snapshot = new TableStore(s.info);
      if (Array.isArray(rows)) this.virtualSnapshots.set(table.id, { rows, store: snapshot });
      for (const row of rows) {
        const full = s.info.complete(row);
        snapshot.put(s.info.keyOfRow(full), full, 1);
      }
      return snapshot;
    }
    if (companyKey === '' || s.info.def.dataPerCompany === false) return s;
    let m = this.companyStores.get(companyKey);
    if (!m) { m = new Map(); this.companyStores.set(companyKey, m); }
    let cs = m.get(table.id);
    if (!cs) { cs = new TableStore(s.info); m.set(table.id, cs); }
    return cs;
  }

  storeForId(id: number, companyKey = ''): TableStore {
    const s = this.byId.get(id);
    if (!s) throw new Error(`No table with id ${id}.`);
    return this.storeFor(s.info.def, companyKey);
  }

  /** Committed row count (no transaction), for tests and the runtime's views. */
  committedCount(table: TableDef, company?: string): number {
    return this.storeFor(table, this.companyKey(company)).size;
  }

  /** The lock id of a row: company (for per-company tables), table and key. */
  lockId(table: TableDef, companyKey: string, key: string): string {
    const c = table.dataPerCompany === false ? '' : companyKey;
    return `${c}|${table.id}:${key}`;
  }

  /** The key string when the filters fix every primary-key field to one value (SetRange equality), else undefined. */
  primaryKeyLookup(info: TableInfo, filters: FieldFilter[]): string | undefined {
    if (filters.length < info.pk.length) return undefined;
    const values = [];
    for (const f of info.pk) {
      const eq = filters.find((x) => x.fieldId === f.id && x.range && x.range.to === undefined);
      if (!eq || !eq.range) return undefined;
      const v = eq.range.from;
      values.push(f.type === 'Code' && typeof v === 'string' ? v.toUpperCase() : v);
    }
    return info.keyOfValues(values);
  }

  /**
   * Index bounds [lo, hi) of the key-ordered rows that a SetRange on the first primary-key field can match,
   * found by binary search (the matcher still checks every filter). The whole array without such a range.
   */
  orderBounds(info: TableInfo, order: StoredRow[], filters: FieldFilter[]): [number, number] {
    const pk0 = info.pk[0];
    const range = filters.find((f) => f.fieldId === pk0.id && f.range)?.range;
    if (!range || (pk0.type === 'Text' && this.filterOptions.caseSensitive)) return [0, order.length];
    const cmp = rangeCompare(pk0, this.filterOptions);
    const id = pk0.id;
    const valueOf = (s: StoredRow) => s.row.get(id) ?? '';
    const firstNotBelow = (v: FieldValue, strict: boolean) => {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = cmp(valueOf(order[mid]), v);
        if (c < 0 || (strict && c === 0)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const to = range.to === undefined ? range.from : range.to;
    return [firstNotBelow(range.from, false), firstNotBelow(to, true)];
  }

  nextVersion(): number {
    return ++this.version;
  }

  noteCommit(wrote: boolean): void {
    if (wrote) this.commits++;
  }

  // -------------------------------------------------------------------------------------------------------
  // Locks
  // -------------------------------------------------------------------------------------------------------

  lockHolder(lockId: string): StoreTransaction | undefined {
    return this.locks.get(lockId);
  }

  /** Takes the row lock for tx; false when tx already held it. */
  acquireLock(tx: StoreTransaction, id: string): boolean {
    const holder = this.locks.get(id);
    if (holder === tx) return false;
    if (holder) throw new Error(`Lock ${id} is held by session ${holder.sessionId}.`);
    this.locks.set(id, tx);
    // Only transactions holding locks are registered: they are the ones others may wait for.
    this.transactions.set(tx.id, tx);
    return true;
  }

  releaseLocks(tx: StoreTransaction, ids: string[]): void {
    for (const id of ids) if (this.locks.get(id) === tx) this.locks.delete(id);
    this.transactions.delete(tx.id);
    const callbacks = this.waiters.get(tx);
    if (callbacks && callbacks.size > 0) {
      this.waiters.delete(tx);
      for (const cb of callbacks) cb();
    }
  }

  /**
   * Calls `resume` once when the transaction holding the conflicting lock ends (commit, rollback or the
   * session's end); the waiter then re-runs its statement. Returns a function that cancels the wait.
   */
  whenReleased(conflict: LockConflict, resume: () => void): () => void {
    const holder = this.transactions.get(conflict.holderTransactionId);
    if (!holder || !holder.hasLocks()) {
      queueMicrotask(resume);
      return () => undefined;
    }
    let set = this.waiters.get(holder);
    if (!set) { set = new Set(); this.waiters.set(holder, set); }
    const once = () => resume();
    set.add(once);
    return () => { set!.delete(once); };
  }

  /** Number of row locks tx holds (0 after it ended). */
  locksHeldBy(tx: StoreTransaction): number {
    let n = 0;
    for (const holder of this.locks.values()) if (holder === tx) n++;
    return n;
  }

  forget(tx: StoreTransaction): void {
    this.transactions.delete(tx.id);
    this.waiters.delete(tx);
  }
}
