// What the compiler needs from the engine: workspace lookups, type resolution, registries, the statement
// table and the helpers object compiled code closes over.
import type { Loc, TypeRef } from './ast';
import type { Registry } from './methodTypes';
import type { ObjectModel, ProcInfo, TableModel } from './model';
import type { TypeDesc } from './typeDesc';
import type { Helpers } from './helpers';

export interface Registries {
  system: Registry;
  any: Registry;
  byKind(kind: string): Registry | undefined;
  /** How errors name a receiver type the registries do not cover (`DotNet X (assembly Y)`), if special. */
  describe?(t: TypeRef): string | undefined;
}

export interface EngineModel {
  readonly helpers: Helpers;
  readonly registries: Registries;
  addStmt(loc: Loc, pi: ProcInfo): number;
  typeDesc(t: TypeRef, from: ObjectModel): TypeDesc;
  tableByName(nameOrId: string): TableModel | undefined;
  findObject(type: string, nameOrId: string): ObjectModel | undefined;
  /** Why `from` may not use `target` (Access = Internal, internal procedures across apps), or undefined. */
  accessProblem?(target: ObjectModel, from: ObjectModel, procedure?: ProcInfo): string | undefined;
  /** Ordinal of an Option/Enum member by name (undefined when it is not one). */
  memberOrdinal(t: TypeRef, name: string, from: ObjectModel): number | undefined;
}
