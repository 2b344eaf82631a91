// Seed data and persistence: rows as JSON objects keyed by field name (`{"No.": "10000", "Name": "Adatum"}`),
// converted to typed values with errors naming the table, field and value; and the whole database saved
// to / loaded from a JSON file between runs, in the same format.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AlRuntimeError, type FieldDef, type FieldValue, type Row, type TableDef } from '../contracts';
import { AlDecimal } from '../values/decimal';
import { evaluateText } from '../values/evaluate';
import { formatValue } from '../values/format';
import { lengthOverflowError } from '../values/text';
import type { Database } from './database';

export type JsonValue = string | number | boolean | null;
/** Table name -> rows; each row maps field names to JSON values. */
export type SeedData = Record<string, Record<string, JsonValue>[]>;

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

function bad(table: TableDef, field: FieldDef, value: unknown, why: string): SeedError {
  return new SeedError(`Seed data for table ${table.name}, field ${field.name}: ${JSON.stringify(value)} ${why}`);
}

/**
 * Converts one JSON value to a field's value. Accepted: numbers or numeric text for numbers (Decimals as
 * text keep every digit), true/false or Yes/No for Booleans, ISO `2024-01-31` (or AL forms) for Dates,
 * `13:05:09` for Times, ISO date-times, option names or ordinals, Guid text, date formula text.
 */
export function jsonToFieldValue(table: TableDef, field: FieldDef, value: JsonValue): FieldValue {
  if (value === null) throw bad(table, field, value, 'is null; leave the field out to get its initial value.');
  switch (field.type) {
    case 'Decimal': {
      if (typeof value === 'number') return AlDecimal.fromNumber(value);
      const d = typeof value === 'string' ? AlDecimal.parse(value) : undefined;
      if (!d) throw bad(table, field, value, 'is not a valid Decimal.');
      return d;
    }
    case 'Integer':
    case 'BigInteger':
    case 'Duration': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
      const limit = field.type === 'Integer' ? 2147483647 : Number.MAX_SAFE_INTEGER;
      if (!Number.isInteger(n) || n > limit || n < -limit - (field.type === 'Integer' ? 1 : 0)) throw bad(table, field, value, `is not a valid ${field.type}.`);
      return n;
    }
    case 'Boolean': {
      if (typeof value === 'boolean') return value;
      const r = evaluateText({ type: 'Boolean' }, String(value));
      if (!r.ok) throw bad(table, field, value, 'is not a valid Boolean (use true/false).');
      return r.value;
    }
    case 'Option':
    case 'Enum': {
      const r = evaluateText({ type: field.type, optionMembers: field.optionMembers }, String(value));
      if (!r.ok) throw bad(table, field, value, `is not an option of the field (options: ${(field.optionMembers ?? []).join(', ')}).`);
      return r.value;
    }
    case 'Text':
    case 'Code': {
      if (typeof value !== 'string' && typeof value !== 'number') throw bad(table, field, value, 'is not text.');
      const s = field.type === 'Code' ? String(value).trim().toUpperCase() : String(value);
      if (field.length > 0 && s.length > field.length) throw bad(table, field, value, `is too long: ${lengthOverflowError(s, field.length).message}`);
      return s;
    }
    case 'Date':
    case 'Time':
    case 'DateTime':
    case 'Guid':
    case 'DateFormula': {
      const r = evaluateText({ type: field.type }, String(value));
      if (!r.ok) throw bad(table, field, value, `is not a valid ${field.type}.`);
      return r.value;
    }
    default:
      if (typeof value !== 'string') throw bad(table, field, value, `is not supported for a ${field.type} field (use text).`);
      return value;
  }
}

/** The JSON form of a field value (the inverse of jsonToFieldValue): decimals as exact text. */
export function fieldValueToJson(field: FieldDef, value: FieldValue): JsonValue {
  switch (field.type) {
    case 'Decimal': return typeof value === 'number' ? String(value) : (value as AlDecimal).toString();
    case 'Date': return value === 0 ? '' : (Math.floor(value as number) !== value ? 'C' : '') + formatValue('Date', value, 0, 9);
    case 'Time':
    case 'DateTime':
      return formatValue(field.type, value, 0, 9);
    case 'Option':
    case 'Enum': return field.optionMembers?.[value as number] ?? (value as number);
    default: return value as JsonValue;
  }
}

/** One JSON row to a Row of the table. */
export function jsonToRow(table: TableDef, data: Record<string, JsonValue>): Row {
  const row: Row = new Map();
  const byName = new Map(table.fields.map((f) => [f.name.toLowerCase(), f]));
  for (const [name, value] of Object.entries(data)) {
    const field = byName.get(name.toLowerCase());
    if (!field) throw new SeedError(`Seed data for table ${table.name}: there is no field named '${name}'. Fields: ${table.fields.filter((f) => f.fieldClass === 'Normal').map((f) => f.name).join(', ')}.`);
    if (field.fieldClass !== 'Normal') throw new SeedError(`Seed data for table ${table.name}: field ${field.name} is a ${field.fieldClass} and holds no data.`);
    row.set(field.id, jsonToFieldValue(table, field, value));
  }
  return row;
}

/**
 * Inserts the rows and commits them (all or nothing: on any error nothing is written and the error
 * names the table, row index, field and value). Returns the number of rows inserted.
 */
export function seedDatabase(db: Database, data: SeedData, company?: string): number {
  const tx = db.begin(0, company);
  let n = 0;
  try {
    for (const [tableName, rows] of Object.entries(data)) {
      if (!db.hasTable(tableName)) throw new SeedError(`Seed data names table '${tableName}', which is not defined in the workspace.`);
      const table = db.table(tableName);
      if (!Array.isArray(rows)) throw new SeedError(`Seed data for table ${table.name} must be an array of rows.`);
      rows.forEach((json, index) => {
        if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new SeedError(`Seed data for table ${table.name}, row ${index + 1}: not an object of field values.`);
        try {
          tx.insert(table, jsonToRow(table, json));
        } catch (e) {
          if (e instanceof AlRuntimeError) throw new SeedError(`Seed data for table ${table.name}, row ${index + 1}: ${e.message}`);
          if (e instanceof SeedError) throw new SeedError(`${e.message} (row ${index + 1})`);
          throw e;
        }
        n++;
      });
    }
    tx.commit();
    return n;
  } catch (e) {
    tx.rollback();
    throw e;
  } finally {
    tx.end();
  }
}

/** Every committed row of every non-virtual table of a company (default: the database's), in primary-key order, as seed data. */
export function exportData(db: Database, company?: string): SeedData {
  const out: SeedData = {};
  for (const table of db.tableDefs()) {
    if (db.isVirtual(table) || table.temporaryOnly) continue;
    const store = db.storeFor(table, db.companyKey(company));
    if (store.size === 0) continue;
    out[table.name] = store.order.map((s) => {
      const obj: Record<string, JsonValue> = {};
      for (const f of table.fields) {
        if (f.fieldClass !== 'Normal') continue;
        const v = s.row.get(f.id);
        if (v !== undefined) obj[f.name] = fieldValueToJson(f, v);
      }
      return obj;
    });
  }
  return out;
}

/** Writes the committed data to a JSON file (atomically: a temporary file renamed over the target). */
export function saveDatabase(db: Database, path: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(exportData(db), null, 2) + '\n', 'utf8');
  renameSync(tmp, path);
}

/** Loads a JSON file written by saveDatabase (or hand-written seed data) into the database. */
export function loadDatabase(db: Database, path: string): number {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SeedError(`Cannot read data file ${path}: ${(e as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new SeedError(`Data file ${path} must hold an object of table names to row arrays.`);
  return seedDatabase(db, data as SeedData);
}
