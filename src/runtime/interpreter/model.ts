// The loaded workspace as the interpreter sees it: objects with their procedures (compiled lazily into
// generator functions), tables with field definitions, enums, pages with their extensions, and the global
// statement table that breakpoints and frames refer to.
import type { FieldDef, SourceLocation, TableDef } from '../contracts';
import type { TableInfo } from '../store/tableInfo';
import type { FieldDecl, Loc, ObjectDecl, ProcDecl, TypeRef, VarDecl } from './ast';

/** The signature of every compiled AL procedure or trigger. */
export type ProcFn = (rt: unknown, self: unknown, args: unknown[]) => Generator<unknown, unknown, unknown>;

/** A variable slot of a frame or an object instance: its JS key and what the debugger shows. */
export interface Slot {
  key: string;
  name: string;
  type: TypeRef;
  isParam: boolean;
  byRef: boolean;
}

export interface ProcInfo {
  id: number;
  obj: ObjectModel;
  decl: ProcDecl;
  /** Display name in frames and call stacks (`OnRun`, `"No." - OnValidate`). */
  name: string;
  slots: Slot[];
  /** Compiled on first call (or at load when checking); a compile error becomes a function that raises it. */
  fn?: ProcFn;
  compileError?: string;
  tryFunction: boolean;
  /** Integration/Business event publisher. */
  isEvent: boolean;
  /** For field triggers: the field id. */
  fieldId?: number;
  /** For page control triggers: the control name (action or field). */
  control?: string;
}

export interface StmtInfo {
  id: number;
  loc: Loc;
  proc: ProcInfo;
}

export interface FieldModel {
  def: FieldDef;
  decl: FieldDecl;
  type: TypeRef;
  /** OnValidate/OnLookup... of the field, from the table and then each table extension's modify(). */
  triggers: Map<string, ProcInfo[]>;
  caption: string;
}

export interface TableModel {
  def: TableDef;
  /** The store's per-table facts (key text, comparators), shared with temporary tables and marks. */
  info: TableInfo;
  fieldsById: Map<number, FieldModel>;
  fieldsByName: Map<string, FieldModel>;
  pkFieldIds: number[];
  caption: string;
}

export interface ObjectModel {
  decl: ObjectDecl;
  /** Lower-case object type: table, tableextension, page, pageextension, codeunit, enum, interface... */
  type: string;
  id: number;
  name: string;
  file: string;
  /** Procedures by lower-case name (overloads in declaration order). */
  procs: Map<string, ProcInfo[]>;
  /** Object triggers by lower-case name (OnRun, OnInsert, OnOpenPage...). */
  triggers: Map<string, ProcInfo>;
  globals: Slot[];
  /** Tables (and table extensions, pointing at their base's model). */
  table?: TableModel;
  /** Base object of an extension. */
  base?: ObjectModel;
  /** Extensions of this object, in load order. */
  extensions: ObjectModel[];
  singleInstance: boolean;
  /** Page and page extension control triggers: control name (lower case) -> trigger name (lower case) -> proc. */
  controlTriggers: Map<string, Map<string, ProcInfo>>;
  /** Table field triggers declared in this object (tables and table extensions). */
  fieldTriggerProcs: ProcInfo[];
  /** Enum values: ordinal by lower-case name and names/captions by ordinal, including enum extensions. */
  enumValues?: { ordinal: number; name: string; caption: string; implementations: Map<string, string> }[];
  /** Enums: default implementation per interface. */
  enumDefaultImpl?: Map<string, string>;
}

export function toSourceLocation(loc: Loc): SourceLocation {
  return { file: loc.file, line: loc.line, character: loc.character, endLine: loc.endLine, endCharacter: loc.endCharacter };
}

export function slotsOf(vars: VarDecl[], isParam: boolean, prefix: string, start = 0): Slot[] {
  return vars.map((v, i) => ({ key: `${prefix}${start + i}`, name: v.name, type: v.type, isParam, byRef: !!v.byRef }));
}
