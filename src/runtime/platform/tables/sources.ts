// The platform's system tables and enums as AL declarations for the engine: generated from the table
// declarations once per process, parsed once, and added to a load for every table or enum the workspace does
// not declare itself (a workspace or dependency that carries its own copy keeps it).
import { parseFile } from '../../../syntax';
import type { ObjectDecl } from '../../interpreter/ast';
import { Lowerer } from '../../interpreter/lower';
import { platformEnums } from './declared/enums';
import { systemTables } from './index';
import { enumAl, tableAl } from './systemTable';

/** The file name platform declarations carry (errors and the debugger show it). */
export const PLATFORM_FILE_PREFIX = '<platform>/';

let cache: ObjectDecl[] | undefined;

function parsed(): ObjectDecl[] {
  if (cache) return cache;
  const out: ObjectDecl[] = [];
  const sources = [
    ...[...systemTables.values()].map((t) => ({ path: `${PLATFORM_FILE_PREFIX}${t.name.replace(/[^A-Za-z0-9]/g, '')}.Table.al`, text: tableAl(t) })),
    ...platformEnums.map((e) => ({ path: `${PLATFORM_FILE_PREFIX}${e.name.replace(/[^A-Za-z0-9]/g, '')}.Enum.al`, text: enumAl(e) })),
  ];
  for (const s of sources) {
    const p = parseFile(s.text);
    if (p.errors.length) throw new Error(`platform declaration ${s.path} does not parse: ${p.errors[0].message}`);
    out.push(...new Lowerer(s.text, s.path, p.lineMap).objects(p.root));
  }
  cache = out;
  return out;
}

let namePattern: RegExp | undefined;

/**
 * Platform declarations of the tables and enums `decls` do not declare (by id or by name) and that the sources
 * mention (by name or id): a workspace pays only for the system tables it uses (building all of them costs more
 * than a small workspace's whole load). Enums come with the tables that use them. Without `sources` (code that
 * loads lazily), all of them; `declaredElsewhere` says which a lazily loaded dependency declares.
 */
export function platformDeclarations(decls: ObjectDecl[], sources: { text: string }[] | undefined, declaredElsewhere: (type: string, id: number) => boolean = () => false): ObjectDecl[] {
  const taken = new Set<string>();
  for (const d of decls) {
    if (d.type !== 'table' && d.type !== 'enum') continue;
    taken.add(`${d.type}:${d.id}`);
    taken.add(`${d.type}:${d.name.toLowerCase()}`);
  }
  const all = parsed().filter((d) => !declaredElsewhere(d.type, d.id));
  if (!sources) return all.filter((d) => !taken.has(`${d.type}:${d.id}`) && !taken.has(`${d.type}:${d.name.toLowerCase()}`));
  namePattern ??= new RegExp(parsed().flatMap((d) => [d.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), String(d.id)]).sort((a, b) => b.length - a.length).join('|'), 'gi');
  const mentioned = new Set<string>();
  for (const f of sources) for (const m of f.text.matchAll(namePattern)) mentioned.add(m[0].toLowerCase());
  const tables = all.filter((d) => d.type === 'table' && (mentioned.has(d.name.toLowerCase()) || mentioned.has(String(d.id))));
  const enums = new Set(tables.flatMap((t) => t.fields.filter((f) => f.type.name === 'Enum').map((f) => (f.type.subtype ?? '').toLowerCase())));
  return all.filter((d) => (d.type === 'table' ? tables.includes(d) : enums.has(d.name.toLowerCase()) || mentioned.has(d.name.toLowerCase())) && !taken.has(`${d.type}:${d.id}`) && !taken.has(`${d.type}:${d.name.toLowerCase()}`));
}
