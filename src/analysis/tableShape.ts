// What a table needs to load, shared by `lint` (its LOAD diagnostics) and the runtime's loader (its load errors):
// the types a table field can have, BC's system fields, and the wording of the two problems that stop a table
// from loading as declared (a field of another type; a key naming a field the table does not have).

/** BC's table field types (lower-cased); `Label` is how the runtime's lowerer spells a `Text` constant field. */
export const TABLE_FIELD_TYPES: ReadonlySet<string> = new Set([
  'integer', 'biginteger', 'decimal', 'boolean', 'text', 'code', 'option', 'enum', 'date', 'time', 'datetime', 'duration',
  'guid', 'blob', 'media', 'mediaset', 'recordid', 'tablefilter', 'dateformula', 'label',
]);

/** BC's system fields, present on every table (keys may name them). */
export const SYSTEM_FIELDS: readonly { id: number; name: string; type: 'Guid' | 'DateTime' }[] = [
  { id: 2000000000, name: 'SystemId', type: 'Guid' },
  { id: 2000000001, name: 'SystemCreatedAt', type: 'DateTime' },
  { id: 2000000002, name: 'SystemCreatedBy', type: 'Guid' },
  { id: 2000000003, name: 'SystemModifiedAt', type: 'DateTime' },
  { id: 2000000004, name: 'SystemModifiedBy', type: 'Guid' },
];

/** The diagnostic code of load problems (a compile-error class, not a BG rule: no ruleset turns it off). */
export const LOAD_CODE = 'LOAD';

export function isTableFieldType(typeName: string): boolean {
  return TABLE_FIELD_TYPES.has(typeName.toLowerCase());
}

export function fieldTypeMessage(field: string, typeName: string): string {
  return `field ${JSON.stringify(field)} has type ${typeName || '(none)'}, which a table field cannot have; the field is left out of the table`;
}

export function keyFieldMessage(table: string, key: string, field: string): string {
  return `key ${JSON.stringify(key)} names field ${JSON.stringify(field)}, which table ${JSON.stringify(table)} does not have; the key is used without it`;
}

export function duplicateFieldMessage(table: string, field: string, id: number, what: 'id' | 'name'): string {
  return `field ${JSON.stringify(field)} (${id}) has the ${what} of an earlier field of table ${JSON.stringify(table)}; it is left out`;
}
