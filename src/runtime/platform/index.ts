// What BC's platform provides beside the language, for the interpreter: emulated .NET types behind the
// `DotNet` type (dotnet/), and the platform's global methods. The interpreter's hook is small on purpose:
// the engine asks `platform.registryFor(kind)` for a receiver's methods and merges `platformSystemMethods`.
import type { TypeRef } from '../interpreter/ast';
import type { Registry } from '../interpreter/methodTypes';
import { DotNetCatalog, type DotNetDeclaration } from './dotnet/registry';

export { platformSystemMethods } from './systemMethods';
export { DotNetCatalog, emulatedTypeNames, type DotNetDeclaration } from './dotnet/registry';

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

  /** Names an unsupported receiver type in errors: `DotNet System.Drawing.Bitmap (assembly System.Drawing)`. */
  describe(t: TypeRef): string | undefined {
    if (t.name === 'DotNet') return this.dotnet.describe(t);
    return undefined;
  }
}
