// Converts scenario JSON (a page's `record`) into primary key values of the record store, by the field's AL
// type (the store's seed conversion), with errors naming the table and field.
import type { FieldDef, FieldValue, TableDef } from '../contracts';
import { jsonToFieldValue, type JsonValue } from '../store/seed';

export class FieldValueError extends Error {}

export function findField(table: TableDef, name: string): FieldDef {
  const f = table.fields.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!f) throw new FieldValueError(`table ${table.name} has no field "${name}" (fields: ${table.fields.map((x) => x.name).join(', ')})`);
  return f;
}

/** The primary key values, in key order, from `{ "No.": "10000" }`. Every key field must be given. */
export function primaryKeyFromJson(table: TableDef, obj: Record<string, unknown>): FieldValue[] {
  const given = new Map(Object.entries(obj).map(([k, v]) => [k.toLowerCase(), v]));
  for (const k of Object.keys(obj)) findField(table, k);
  return table.keys[0].map((name) => {
    const f = findField(table, name);
    if (!given.has(f.name.toLowerCase())) throw new FieldValueError(`the record must give the primary key field "${f.name}" of ${table.name}`);
    try {
      return jsonToFieldValue(table, f, given.get(f.name.toLowerCase()) as JsonValue);
    } catch (err) {
      throw new FieldValueError((err as Error).message);
    }
  });
}
