// Per-table facts the store computes once from a TableDef: fields by id and name, primary-key fields,
// the key string of a row, the row comparator of a key, and BC's "Identification fields and values" text.
import type { FieldDef, FieldValue, Row, TableDef } from '../contracts';
import { compareValues, keyText } from '../values/compare';
import { fieldInitValue } from '../values/defaults';
import { formatIdentificationValue } from '../values/format';

export class TableInfo {
  readonly byId = new Map<number, FieldDef>();
  readonly byName = new Map<string, FieldDef>();
  readonly pk: FieldDef[];
  private readonly sortCache = new Map<string, (a: Row, b: Row) => number>();

  constructor(readonly def: TableDef) {
    for (const f of def.fields) {
      this.byId.set(f.id, f);
      this.byName.set(f.name.toLowerCase(), f);
    }
    const pkNames = def.keys[0] ?? [];
    if (pkNames.length === 0) throw new Error(`Table ${def.name} has no primary key (keys[0] is empty).`);
    this.pk = pkNames.map((n) => {
      const f = this.byName.get(n.toLowerCase());
      if (!f) throw new Error(`Table ${def.name}: primary key field '${n}' is not a field of the table.`);
      return f;
    });
  }

  field(name: string): FieldDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The key string of primary-key values given in key order. */
  keyOfValues(values: FieldValue[]): string {
    if (this.pk.length === 1) return keyText(this.pk[0].type, values[0]);
    let s = '';
    for (let i = 0; i < this.pk.length; i++) s += (i ? '\u0001' : '') + keyText(this.pk[i].type, values[i]);
    return s;
  }

  /** The key string of a row (its primary-key fields). */
  keyOfRow(row: Row): string {
    const pk = this.pk;
    if (pk.length === 1) return keyText(pk[0].type, row.get(pk[0].id) ?? fieldInitValue(pk[0]));
    let s = '';
    for (let i = 0; i < pk.length; i++) s += (i ? '\u0001' : '') + keyText(pk[i].type, row.get(pk[i].id) ?? fieldInitValue(pk[i]));
    return s;
  }

  pkValues(row: Row): FieldValue[] {
    return this.pk.map((f) => row.get(f.id) ?? fieldInitValue(f));
  }

  /** `No.='10000'` or `Document Type='Order',No.='1001'`, as BC's errors list the primary key. */
  identification(row: Row): string {
    return this.pk.map((f) => `${f.name}='${formatIdentificationValue({ type: f.type, optionMembers: f.optionMembers }, row.get(f.id) ?? fieldInitValue(f))}'`).join(',');
  }

  /** The identification text of primary-key values given in key order (Get of a missing record). */
  identificationOfKey(values: FieldValue[]): string {
    const row: Row = new Map();
    this.pk.forEach((f, i) => row.set(f.id, values[i] ?? fieldInitValue(f)));
    return this.identification(row);
  }

  /** Compares rows by the given field ids then by the primary key (BC appends the primary key to every key). */
  comparator(keyFields: number[]): (a: Row, b: Row) => number {
    const cacheKey = keyFields.join(',');
    let cmp = this.sortCache.get(cacheKey);
    if (cmp) return cmp;
    const ids = [...keyFields];
    for (const f of this.pk) if (!ids.includes(f.id)) ids.push(f.id);
    const fields = ids.map((id) => {
      const f = this.byId.get(id);
      if (!f) throw new Error(`Table ${this.def.name} has no field with id ${id}.`);
      return f;
    });
    cmp = (a: Row, b: Row) => {
      for (const f of fields) {
        const c = compareValues(f.type, a.get(f.id) ?? fieldInitValue(f), b.get(f.id) ?? fieldInitValue(f));
        if (c !== 0) return c;
      }
      return 0;
    };
    this.sortCache.set(cacheKey, cmp);
    return cmp;
  }

  /**
   * Sorts rows by key fields then the primary key, as `comparator` orders them, but comparing precomputed
   * sort keys (Text lower-cased once per row instead of once per comparison). With a small `limit` only
   * the first rows are selected (no full sort). Works on any objects holding a row.
   */
  sortRows<T extends { row: Row }>(items: T[], keyFields: number[], limit = Infinity): T[] {
    const ids = [...keyFields];
    for (const f of this.pk) if (!ids.includes(f.id)) ids.push(f.id);
    const fields = ids.map((id) => {
      const f = this.byId.get(id);
      if (!f) throw new Error(`Table ${this.def.name} has no field with id ${id}.`);
      return f;
    });
    type Keyed = { item: T; k: FieldValue[] };
    const keyed: Keyed[] = items.map((item) => ({
      item,
      k: fields.map((f) => {
        const v = item.row.get(f.id) ?? fieldInitValue(f);
        return f.type === 'Text' ? String(v).toLowerCase() : v;
      }),
    }));
    const cmpKeyed = (a: Keyed, b: Keyed): number => {
      for (let i = 0; i < fields.length; i++) {
        const x = a.k[i];
        const y = b.k[i];
        let c: number;
        if (typeof x === 'string' && typeof y === 'string') c = x < y ? -1 : x > y ? 1 : 0;
        else c = compareValues(fields[i].type, x, y);
        if (c === 0 && fields[i].type === 'Text') c = compareValues('Text', a.item.row.get(fields[i].id) ?? '', b.item.row.get(fields[i].id) ?? '');
        if (c !== 0) return c;
      }
      return 0;
    };
    if (limit < 32 && keyed.length > 4 * limit) {
      // Selection of the first `limit` rows: O(n * limit) instead of O(n log n).
      const best: Keyed[] = [];
      for (const k of keyed) {
        if (best.length === limit && cmpKeyed(k, best[best.length - 1]) >= 0) continue;
        let i = best.length;
        while (i > 0 && cmpKeyed(k, best[i - 1]) < 0) i--;
        best.splice(i, 0, k);
        if (best.length > limit) best.pop();
      }
      return best.map((k) => k.item);
    }
    keyed.sort(cmpKeyed);
    return keyed.map((k) => k.item);
  }

  /** The stored row plus the FlowField/FlowFilter values the caller's copy held (they stay in the variable, not the table). */
  withCalculated(stored: Row, input: Row): Row {
    const out: Row = new Map(stored);
    for (const f of this.def.fields) {
      if (f.fieldClass !== 'Normal' && input.has(f.id)) out.set(f.id, input.get(f.id)!);
    }
    return out;
  }

  /** A complete row: every normal field present (missing ones get their InitValue), no FlowField/FlowFilter values. */
  complete(row: Row): Row {
    const out: Row = new Map(row);
    for (const f of this.def.fields) {
      if (f.fieldClass === 'Normal') {
        if (!out.has(f.id)) out.set(f.id, fieldInitValue(f));
      } else {
        // FlowFields and FlowFilters hold no data in the table: a calculated value must not be stored stale.
        out.delete(f.id);
      }
    }
    return out;
  }
}
