// Small helpers the virtual tables share: building rows by field name against a declaration, option ordinals
// by member name, and the object metadata (captions, properties) read from AL declarations.
import type { FieldValue, Row } from '../../../contracts';
import type { ObjectModel } from '../../../interpreter/model';
import type { SystemTableDecl } from '../systemTable';

/** A row from values by field name (names must exist in the declaration: a typo fails loudly). */
export function rowOf(decl: SystemTableDecl, values: Record<string, FieldValue | undefined>): Row {
  const row: Row = new Map();
  for (const [name, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const f = decl.fields.find((x) => x[1] === name);
    if (!f) throw new Error(`${decl.name} has no field ${name}`);
    row.set(f[0], v);
  }
  return row;
}

/** Ordinal of an option member of a declared Option field (members as declared, empty ones counted). */
export function optionOrdinal(decl: SystemTableDecl, field: string, member: string): number {
  const f = decl.fields.find((x) => x[1] === field);
  const members = (f?.[3]?.options ?? '').split(',').map((m) => m.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
  const i = members.indexOf(member.toLowerCase());
  return i < 0 ? 0 : i;
}

export function prop(o: ObjectModel, name: string): string {
  return o.decl.properties.get(name.toLowerCase())?.text ?? '';
}

export function boolProp(o: ObjectModel, name: string, dflt = false): boolean {
  const t = prop(o, name);
  return t === '' ? dflt : /^true$/i.test(t);
}

/** An object's caption: its Caption property, else its name (as BC shows it). */
export function captionOf(o: ObjectModel): string {
  const c = prop(o, 'caption');
  return c ? c.replace(/^'(.*)'$/, '$1') : o.name;
}

export const NULL_GUID = '{00000000-0000-0000-0000-000000000000}';
