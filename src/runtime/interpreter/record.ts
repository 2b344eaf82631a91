// A Record variable: the current row, filters (per filter group), current key and direction, marks, the
// read cursor, and for temporary records the rows themselves (they live in the variable, shared by Copy(.., true)).
// Data access goes through the session's Transaction for normal records and a TempTable for temporary ones.
import type { FieldDef, FieldFilter, FieldValue, ReadOptions, Row, TableDef, Transaction, VersionedRow } from '../contracts';
import { AlError, toAlError } from './errors';
import type { ObjectModel, TableModel } from './model';
import { Instance } from './objects';
import { AlDecimal, isAlDecimal } from '../values/decimal';
import { normalizeCode, checkTextLength } from '../values/text';
import { fieldInitValue } from '../values/defaults';
import { INT32_MAX, INT32_MIN } from '../values/integer';
import { TemporaryTransaction } from '../store';

/** What a record reads and writes through: the Transaction subset (a TempTable implements it too). */
export type RecordBackend = Pick<Transaction, 'find' | 'get' | 'count' | 'insert' | 'modify' | 'delete' | 'rename' | 'lockTable'>;

export class AlRecord {
  values: Row;
  version = 0;
  /** Filters by filter group (0 = standard), then by field id. */
  filterGroups = new Map<number, Map<number, FieldFilter>>();
  filterGroup = 0;
  keyFields: number[];
  ascending = true;
  marks = new Set<string>();
  markedOnly = false;
  /** The rows of a temporary record (created on first use; shared by Copy(Rec, true)). */
  temp?: TemporaryTransaction;
  /** The rows of the last Find/FindSet and the position in them (Next walks it). */
  cursor?: { rows: VersionedRow[]; pos: number };
  autoCalc: number[] = [];
  /**
   * Record.ChangeCompany: the company whose data this record reads and writes (undefined = the session's). Kept
   * by Reset, copied by Copy, removed by Clear (BC's rules); triggers still run in the session's company.
   */
  company?: string;
  /** IsolationLevel ordinal set through the ReadIsolation property (0 = Default). */
  readIsolation = 0;
  /** The record as last read from the database (xRec in Modify/Rename triggers). */
  private xvalues?: Row;
  private insts?: Map<ObjectModel, Instance>;

  constructor(
    readonly table: TableModel,
    readonly temporary: boolean,
  ) {
    this.values = initRow(table.def);
    this.keyFields = table.pkFieldIds.slice();
  }

  get def(): TableDef {
    return this.table.def;
  }

  /** Field read (compiled `Rec.Field`). */
  f(id: number): FieldValue {
    const v = this.values.get(id);
    if (v !== undefined) return v;
    const fm = this.table.fieldsById.get(id);
    return fm ? fieldInitValue(fm.def) : 0;
  }

  /** Field write with the field type's conversion (Code upper-case, length checks, Decimal from Integer). */
  sf(id: number, v: unknown): void {
    const fm = this.table.fieldsById.get(id);
    if (!fm) throw new AlError(`Field ${id} does not exist in table ${this.def.name}.`);
    this.values.set(id, convertForField(fm.def, v));
  }

  backend(tx: (company?: string) => Transaction): RecordBackend {
    if (!this.temporary) return tx(this.company);
    if (!this.temp) {
      const real = tx();
      this.temp = new TemporaryTransaction(real.sessionId, real, {}, real);
    }
    return this.temp;
  }

  /** A by-value copy: same table, values, filters, key and marks; a temporary copy shares the rows. */
  copy(): AlRecord {
    const r = new AlRecord(this.table, this.temporary);
    r.copyFrom(this, true);
    return r;
  }

  copyFrom(src: AlRecord, shareTemp: boolean): void {
    this.values = new Map(src.values);
    this.version = src.version;
    this.filterGroups = new Map([...src.filterGroups].map(([g, m]) => [g, new Map(m)]));
    this.filterGroup = src.filterGroup;
    this.keyFields = src.keyFields.slice();
    this.ascending = src.ascending;
    this.marks = new Set(src.marks);
    this.markedOnly = src.markedOnly;
    this.xvalues = src.xvalues ? new Map(src.xvalues) : undefined;
    this.company = src.company;
    if (shareTemp && src.temp && this.temporary) this.temp = src.temp;
  }

  /** `Rec2 := Rec1`: copies the field values (and the position); filters stay (BC semantics). */
  assignFrom(src: unknown): void {
    if (!(src instanceof AlRecord)) throw new AlError('A record can only be assigned a record.');
    if (src.def.id !== this.def.id) {
      throw new AlError(`A record of table ${this.def.name} cannot be assigned a record of table ${src.def.name}.`);
    }
    this.values = new Map(src.values);
    this.version = src.version;
    this.xvalues = src.xvalues ? new Map(src.xvalues) : undefined;
  }

  /** Load a row read from the store. */
  load(vr: VersionedRow): void {
    this.values = vr.row;
    this.version = vr.version;
    this.xvalues = new Map(vr.row);
  }

  /** xRec for table triggers: the row as last read (before the current changes). */
  xrecOf(): AlRecord {
    const x = new AlRecord(this.table, this.temporary);
    x.values = new Map(this.xvalues ?? this.values);
    x.version = this.version;
    if (this.temp) x.temp = this.temp;
    return x;
  }

  setX(values: Row | undefined): void {
    this.xvalues = values ? new Map(values) : undefined;
  }

  /** The Instance table code runs with when called on this record (table or table extension). */
  inst(obj: ObjectModel): Instance {
    this.insts ??= new Map();
    let i = this.insts.get(obj);
    if (!i) {
      i = new Instance(obj, globalsFactory(obj)());
      i.rec = this;
      this.insts.set(obj, i);
    }
    return i;
  }

  pkValues(): FieldValue[] {
    return this.table.pkFieldIds.map((id) => this.f(id));
  }

  filters(): FieldFilter[] {
    const out: FieldFilter[] = [];
    for (const m of this.filterGroups.values()) for (const f of m.values()) out.push(f);
    return out;
  }

  readOptions(keyOf?: (pk: FieldValue[]) => string): ReadOptions {
    void keyOf;
    return {
      filters: this.filters(),
      keyFields: this.keyFields,
      ascending: this.ascending,
      markedKeys: this.markedOnly ? new Set(this.marks) : undefined,
    };
  }

  clear(): void {
    this.values = initRow(this.def);
    this.version = 0;
    this.filterGroups.clear();
    this.filterGroup = 0;
    this.keyFields = this.table.pkFieldIds.slice();
    this.ascending = true;
    this.marks.clear();
    this.markedOnly = false;
    this.cursor = undefined;
    this.xvalues = undefined;
    this.insts = undefined;
    this.company = undefined;
  }
}

/** Registered by the engine: creates an object's global variables (table globals live per record). */
let globalsFactory: (obj: ObjectModel) => () => Record<string, unknown> = () => () => ({});
export function setGlobalsFactory(f: (obj: ObjectModel) => () => Record<string, unknown>): void {
  globalsFactory = f;
}

export function initRow(def: TableDef): Row {
  const row: Row = new Map();
  for (const f of def.fields) if (f.fieldClass === 'Normal') row.set(f.id, fieldInitValue(f));
  return row;
}

/** Convert a value for storage in a field of this definition (what assignment to `Rec.Field` does). */
export function convertForField(f: FieldDef, v: unknown): FieldValue {
  if (v !== null && typeof v === 'object' && 'value' in (v as object) && !isAlDecimal(v)) v = (v as { value: unknown }).value; // Variant
  switch (f.type) {
    case 'Code':
      if (typeof v === 'number') v = String(v);
      if (typeof v !== 'string') break;
      try {
        return normalizeCode(v, f.length);
      } catch (e) {
        throw fieldLengthError(f, v, e);
      }
    case 'Text':
      if (typeof v === 'number') v = String.fromCharCode(v);
      if (typeof v !== 'string') break;
      try {
        return checkTextLength(v, f.length);
      } catch (e) {
        throw fieldLengthError(f, v, e);
      }
    case 'Decimal':
      if (typeof v === 'number') return AlDecimal.fromNumber(v);
      if (isAlDecimal(v)) return v;
      break;
    case 'Integer':
      if (typeof v === 'number') {
        if (v > INT32_MAX || v < INT32_MIN || !Number.isInteger(v)) throw new AlError('Arithmetic operation resulted in an overflow.');
        return v;
      }
      if (isAlDecimal(v) && v.isInteger()) return v.toNumber();
      break;
    case 'Boolean':
      if (typeof v === 'boolean') return v;
      break;
    case 'Guid':
    case 'RecordId':
    case 'DateFormula':
    case 'TableFilter':
      if (typeof v === 'string') return v;
      break;
    case 'Blob':
    case 'Media':
    case 'MediaSet':
      return v as FieldValue;
    default:
      if (typeof v === 'number') return v;
      if (isAlDecimal(v)) return v.toNumber();
  }
  throw new AlError(`Cannot assign ${typeof v === 'string' ? `'${v}'` : String(v)} to the ${f.type} field ${f.name}.`);
}

function fieldLengthError(f: FieldDef, _v: string, e: unknown): AlError {
  const err = toAlError(e);
  err.info.text = `${err.info.text} (field ${f.name})`;
  err.message = err.info.text;
  return err;
}
