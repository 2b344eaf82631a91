// The rows of one table: a hash map by primary key (O(1) Get) plus an array kept in primary-key order
// (binary-search insert and delete), used for committed data and for temporary tables.
import type { Row, VersionedRow } from '../contracts';
import type { TableInfo } from './tableInfo';

export interface StoredRow {
  readonly key: string;
  row: Row;
  /** Unique per write across the database: what optimistic concurrency compares. */
  version: number;
}

export class TableStore {
  readonly rows = new Map<string, StoredRow>();
  /** Invariant: holds exactly the values of `rows`, ordered by the primary key. */
  readonly order: StoredRow[] = [];

  constructor(public info: TableInfo) {}

  get size(): number {
    return this.rows.size;
  }

  get(key: string): StoredRow | undefined {
    return this.rows.get(key);
  }

  /** Index where a row with this primary key is or would be. */
  private position(row: Row): number {
    const cmp = this.info.comparator([]);
    let lo = 0;
    let hi = this.order.length;
    // Fast path: appends in key order (seeding, number series) land at the end.
    if (hi > 0 && cmp(this.order[hi - 1].row, row) < 0) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(this.order[mid].row, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts or replaces the row stored under key. */
  put(key: string, row: Row, version: number): StoredRow {
    const existing = this.rows.get(key);
    if (existing) {
      existing.row = row;
      existing.version = version;
      return existing;
    }
    const stored: StoredRow = { key, row, version };
    this.rows.set(key, stored);
    this.order.splice(this.position(row), 0, stored);
    return stored;
  }

  remove(key: string): void {
    const existing = this.rows.get(key);
    if (!existing) return;
    this.rows.delete(key);
    let i = this.position(existing.row);
    // Rows equal under the comparator are the same key; scan the few neighbours to be safe.
    while (i < this.order.length && this.order[i] !== existing) i++;
    if (i < this.order.length) this.order.splice(i, 1);
    else {
      const j = this.order.indexOf(existing);
      if (j >= 0) this.order.splice(j, 1);
    }
  }

  clear(): void {
    this.rows.clear();
    this.order.length = 0;
  }

  /** Re-sorts after the primary key definition changed (table redefined on reload). */
  resort(info: TableInfo): void {
    this.info = info;
    const cmp = info.comparator([]);
    this.order.sort((a, b) => cmp(a.row, b.row));
  }
}

/**
 * A VersionedRow whose row is copied on first access. Safe because stored rows are never mutated in place
 * (a write stores a new Map), so the source stays the snapshot that was read. Reads that look at few of
 * many rows (FindFirst through a large find, Count-like loops) then cost no copies.
 */
export class LazyCopy implements VersionedRow {
  private copy: Row | undefined;
  constructor(private readonly source: Row, public version: number) {}
  get row(): Row {
    return (this.copy ??= new Map(this.source));
  }
  set row(value: Row) {
    this.copy = value;
  }
}
