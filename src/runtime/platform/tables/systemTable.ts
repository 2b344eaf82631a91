// The shape of a BC system table in the platform layer: its declaration (ids, names, types as the platform
// declares them, one file per table under declared/), generated into AL so workspace code can declare records of
// it, and for virtual tables the provider that computes their rows from metadata and runtime state.
import type { FieldFilter, Row } from '../../contracts';
import type { ObjectModel, TableModel } from '../../interpreter/model';

/** `[field id, name, AL type ("Code[20]", "Option", 'Enum "X"'), extra]`. */
export type FieldSpec = [number, string, string, { options?: string; fieldClass?: string; calcFormula?: string; autoIncrement?: boolean }?];

export interface SystemTableDecl {
  id: number;
  name: string;
  /** DataPerCompany = false. */
  dataPerCompany?: boolean;
  /** TableType = Temporary. */
  temporary?: boolean;
  fields: FieldSpec[];
  /** Keys as field names; the first is the primary key. */
  keys: string[][];
}

export interface PlatformEnum {
  id: number;
  name: string;
  extensible: boolean;
  values: [number, string][];
}

/** What virtual tables read: the loaded workspace's metadata (the engine's models) and the runtime's state. */
export interface PlatformContext {
  /** Every table the engine knows (workspace and platform). */
  tables(): TableModel[];
  /** Every object of the loaded apps (tables, pages, codeunits, reports, enums, extensions...). */
  objects(): ObjectModel[];
  /** The loaded apps. */
  apps(): { id: string; name: string; publisher: string; version: string }[];
  /** Company names the runtime knows (the session's first). */
  companies(): string[];
}

/**
 * Rows of a virtual table for one read. The filters of the read come along so tables without an end (Integer,
 * Date) can produce only what is asked; a provider that cannot bound its rows raises a clear error.
 */
export type RowsProvider = (ctx: PlatformContext, filters?: FieldFilter[]) => Iterable<Row>;

export interface SystemTable extends SystemTableDecl {
  /** Virtual tables: rows computed on every read; Insert/Modify/Delete raise BC's read-only error. */
  rows?: RowsProvider;
  /**
   * The rows depend on the loaded metadata only (Field, AllObj, Table Metadata...): computed once per load and
   * kept; a read with an equality filter on the first key field (Field by TableNo) takes only those rows.
   */
  metadataOnly?: boolean;
}

export function declareTable(d: SystemTableDecl): SystemTableDecl {
  return d;
}

/** A declaration plus the provider of its rows: a virtual table. */
export function virtualTable(d: SystemTableDecl, rows: RowsProvider, options: { metadataOnly?: boolean } = {}): SystemTable {
  return { ...d, rows, ...options };
}

const q = (s: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);

/** The table as AL source (fields, options, FlowField formulas, keys). */
export function tableAl(t: SystemTableDecl): string {
  const fields = t.fields
    .map(([id, name, type, extra]) => {
      const props: string[] = [];
      if (extra?.options !== undefined) props.push(`OptionMembers = ${optionMembers(extra.options)};`);
      // A FlowField the platform computes without a formula (Published Application's responseUrl) is a plain
      // field here: no formula to run, and its value is what was stored (empty).
      if (extra?.fieldClass && (extra.calcFormula || !/^flowfield$/i.test(extra.fieldClass))) props.push(`FieldClass = ${extra.fieldClass};`);
      if (extra?.calcFormula) props.push(`CalcFormula = ${extra.calcFormula};`);
      if (extra?.autoIncrement) props.push('AutoIncrement = true;');
      return `        field(${id}; ${q(name)}; ${type}) { ${props.join(' ')} }`;
    })
    .join('\n');
  // A declaration without keys is keyed by its first field (Table Metadata, Report Metadata: by ID).
  const keys = (t.keys.length ? t.keys : [[t.fields[0][1]]]).map((k, i) => `        key(Key${i + 1}; ${k.map(q).join(", ")}) { }`).join("\n");
  const props = [t.dataPerCompany === false ? '    DataPerCompany = false;' : '', t.temporary ? '    TableType = Temporary;' : ''].filter(Boolean).join('\n');
  return `// BC system table served by the AL Session Lab platform layer.\ntable ${t.id} ${q(t.name)}\n{\n${props ? props + '\n' : ''}    fields\n    {\n${fields}\n    }\n    keys\n    {\n${keys}\n    }\n}\n`;
}

function optionMembers(text: string): string {
  // Members as declared; quote the ones that are not plain identifiers (empty members stay empty).
  return text
    .split(',')
    .map((m) => m.trim().replace(/^"(.*)"$/, '$1'))
    .map((m) => (m === '' ? '' : /^[A-Za-z_][A-Za-z0-9_]*$/.test(m) ? m : `"${m}"`))
    .join(',');
}

export function enumAl(e: PlatformEnum): string {
  const values = e.values.map(([id, name]) => `    value(${id}; ${q(name)}) { }`).join('\n');
  return `// BC platform enum served by the AL Session Lab platform layer.\nenum ${e.id} ${q(e.name)}\n{\n    Extensible = ${e.extensible};\n${values}\n}\n`;
}
