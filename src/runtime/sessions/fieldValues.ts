// Converts scenario JSON (rows in `data`, a page's `record`) into field values of the record store, by the
// field's AL type; a value that does not fit the field is an error naming the field.
import type { FieldDef, FieldValue, Row, TableDef } from '../contracts';

export class FieldValueError extends Error {}

export function findField(table: TableDef, name: string): FieldDef {
  const f = table.fields.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!f) throw new FieldValueError(`table ${table.name} has no field "${name}" (fields: ${table.fields.map((x) => x.name).join(', ')})`);
  return f;
}

/** Decimal support comes from the values module when it is present (set by the workspace loader). */
export let decimalFromText: ((text: string) => FieldValue) | undefined;
export function setDecimalFactory(f: (text: string) => FieldValue): void {
  decimalFromText = f;
}

export function fieldValueFromJson(table: TableDef, field: FieldDef, value: unknown): FieldValue {
  const bad = (): never => {
    throw new FieldValueError(`${table.name}.${field.name} (${field.type}${field.length ? `[${field.length}]` : ''}) cannot hold ${JSON.stringify(value)}`);
  };
  switch (field.type) {
    case 'Code':
    case 'Text': {
      if (typeof value !== 'string' && typeof value !== 'number') bad();
      let s = String(value);
      if (field.type === 'Code') s = s.trim().toUpperCase();
      if (field.length > 0 && s.length > field.length) {
        throw new FieldValueError(`${table.name}.${field.name}: "${s}" is longer than ${field.length} characters`);
      }
      return s;
    }
    case 'Integer':
    case 'BigInteger':
    case 'Duration': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isSafeInteger(n)) bad();
      if (field.type === 'Integer' && (n < -2147483648 || n > 2147483647)) bad();
      return n;
    }
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'Yes' || value === 'true') return true;
      if (value === 'No' || value === 'false') return false;
      return bad();
    case 'Option':
    case 'Enum': {
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value !== 'string') return bad();
      const members = field.optionMembers ?? [];
      const i = members.findIndex((m) => m.trim().toLowerCase() === value.trim().toLowerCase());
      if (i < 0) throw new FieldValueError(`${table.name}.${field.name}: "${value}" is not one of ${members.map((m) => JSON.stringify(m)).join(', ')}`);
      return i;
    }
    case 'Decimal': {
      if (typeof value !== 'number' && typeof value !== 'string') return bad();
      if (!decimalFromText) throw new FieldValueError(`${table.name}.${field.name}: Decimal values in scenario data need the values module`);
      return decimalFromText(String(value));
    }
    case 'Guid': {
      if (typeof value !== 'string') return bad();
      const m = /^\{?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})\}?$/.exec(value.trim());
      if (!m) return bad();
      return `{${m.slice(1).join('-').toUpperCase()}}`;
    }
    default:
      throw new FieldValueError(`${table.name}.${field.name}: fields of type ${field.type} cannot be given in scenario data yet`);
  }
}

/** A row from `{ "Field name": value }`; fields not given keep their initial value (or the type's default). */
export function rowFromJson(table: TableDef, obj: Record<string, unknown>): Row {
  const row: Row = new Map();
  for (const f of table.fields) {
    if (f.fieldClass !== 'Normal') continue;
    if (f.initValue !== undefined) row.set(f.id, f.initValue);
  }
  for (const [name, value] of Object.entries(obj)) {
    const f = findField(table, name);
    if (f.fieldClass !== 'Normal') throw new FieldValueError(`${table.name}.${f.name} is a ${f.fieldClass} and cannot be given in data`);
    row.set(f.id, fieldValueFromJson(table, f, value));
  }
  return row;
}

/** The primary key values, in key order, from `{ "No.": "10000" }`. Every key field must be given. */
export function primaryKeyFromJson(table: TableDef, obj: Record<string, unknown>): FieldValue[] {
  const given = new Map(Object.entries(obj).map(([k, v]) => [k.toLowerCase(), v]));
  return table.keys[0].map((name) => {
    const f = findField(table, name);
    if (!given.has(f.name.toLowerCase())) throw new FieldValueError(`the record must give the primary key field "${f.name}" of ${table.name}`);
    return fieldValueFromJson(table, f, given.get(f.name.toLowerCase()));
  });
}
