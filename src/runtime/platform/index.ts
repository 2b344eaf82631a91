// What BC's platform provides beside the language, for the interpreter: emulated .NET types behind the
// `DotNet` type (dotnet/), the platform's global methods, and its system tables (tables/). The interpreter's
// hook is small on purpose: the engine asks `platform.registryFor(kind)` for a receiver's methods, adds
// `platformDeclarations(decls)` to a load and lets `attachTables` give the virtual tables their rows.
import type { FieldFilter, Row } from '../contracts';
import type { TypeRef } from '../interpreter/ast';
import type { Registry } from '../interpreter/methodTypes';
import type { TableModel } from '../interpreter/model';
import { DotNetCatalog, type DotNetDeclaration } from './dotnet/registry';
import { systemTables } from './tables/index';
import { PLATFORM_FILE_PREFIX } from './tables/sources';
import type { PlatformContext } from './tables/systemTable';

export { platformSystemMethods } from './systemMethods';
export { platformDefaults, platformKinds } from './kinds';
export { DotNetCatalog, emulatedTypeNames, type DotNetDeclaration } from './dotnet/registry';
export { platformDeclarations } from './tables/sources';
export type { PlatformContext } from './tables/systemTable';

/** The receiver kind the compiler asks the registries for, for a `DotNet X` static type. */
export function dotnetKind(t: TypeRef): string {
  return `DotNet:${t.subtype ?? ''}`;
}

/** One loaded workspace's view of the platform: its DotNet aliases and the registries they lead to. */
export class Platform {
  readonly dotnet: DotNetCatalog;
  constructor(dotnetDeclarations: DotNetDeclaration[] = []) {
    this.dotnet = new DotNetCatalog(dotnetDeclarations);
  }

  /** Methods of a receiver kind the platform owns (`DotNet:<alias>`); undefined for the interpreter's own kinds. */
  registryFor(kind: string): Registry | undefined {
    if (kind.startsWith('DotNet:')) return this.dotnet.registryFor(kind.slice(7));
    return undefined;
  }

  /**
   * Gives the platform's virtual tables among `tables` (the ones the platform declared, not a workspace copy)
   * the provider of their rows; the store calls it on every read with the read's filters.
   */
  attachTables(tables: TableModel[], ctx: (db: { defaultCompany: string; companies(): string[] } | undefined) => PlatformContext): void {
    for (const t of tables) {
      const st = systemTables.get(t.def.id);
      const rows = st?.rows;
      if (!rows || !t.info || !isPlatformTable(t)) continue;
      if (!st.metadataOnly) {
        t.def.virtualRows = (filters?: FieldFilter[], db?: { defaultCompany: string; companies(): string[] }) => rows(ctx(db), filters);
        continue;
      }
      // Metadata does not change until the next load (which attaches new providers): compute the rows once.
      let all: Row[] | undefined;
      const pk0 = t.pkFieldIds[0];
      t.def.virtualRows = (filters?: FieldFilter[], db?: { defaultCompany: string; companies(): string[] }) => {
        all ??= [...rows(ctx(db), undefined)];
        const eq = filters?.find((f) => f.fieldId === pk0 && f.range && f.range.to === undefined)?.range?.from;
        return eq === undefined ? all : all.filter((r) => r.get(pk0) === eq);
      };
    }
  }

  /** Names an unsupported receiver type in errors: `DotNet System.Drawing.Bitmap (assembly System.Drawing)`. */
  describe(t: TypeRef): string | undefined {
    if (t.name === 'DotNet') return this.dotnet.describe(t);
    return undefined;
  }
}

function isPlatformTable(t: TableModel): boolean {
  const any = t.fieldsById.values().next().value;
  return !!any && any.decl.loc.file.startsWith(PLATFORM_FILE_PREFIX);
}
