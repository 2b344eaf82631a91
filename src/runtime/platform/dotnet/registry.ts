// The emulated .NET types by full name, and the workspace's `dotnet { assembly(...) { type(...; Alias) } }`
// declarations that map AL aliases to them. The interpreter asks for the method registry of a `DotNet X`
// receiver; a type that is declared but not emulated gets no registry, and the compiler raises
// "does not support DotNet <type> (assembly <assembly>)" at the call site.
import type { TypeRef } from '../../interpreter/ast';
import type { Builtin, Registry } from '../../interpreter/methodTypes';
import { notInstantiated, unwrapAl, type DotNetCall, type DotNetMember, type DotNetType } from './dotnetType';
import { allDotNetTypes } from './types';

/** One `type("Full.Name"; Alias)` of a dotnet declaration. */
export interface DotNetDeclaration {
  assembly: string;
  type: string;
  alias: string;
}

const TYPES = new Map<string, DotNetType>();
for (const t of allDotNetTypes) TYPES.set(t.name.toLowerCase(), t);

/** The emulated type of a full .NET name (case-insensitive), if any. */
export function emulatedType(fullName: string): DotNetType | undefined {
  return TYPES.get(fullName.toLowerCase());
}

export function emulatedTypeNames(): string[] {
  return [...TYPES.values()].map((t) => t.name).sort();
}

/** The aliases one loaded workspace declares (every app's dotnet objects), and the registries built from them. */
export class DotNetCatalog {
  private aliases = new Map<string, DotNetDeclaration>();
  private registries = new Map<string, Registry | null>();

  constructor(decls: DotNetDeclaration[] = []) {
    for (const d of decls) {
      const key = d.alias.toLowerCase();
      // The first declaration of an alias wins (BC refuses duplicates within an app; across apps they agree).
      if (!this.aliases.has(key)) this.aliases.set(key, d);
    }
  }

  /** The declaration behind an alias (or a full type name used as the subtype of a member's result type). */
  resolve(subtype: string): DotNetDeclaration {
    const d = this.aliases.get(subtype.toLowerCase());
    if (d) return d;
    return { assembly: '', type: subtype, alias: subtype };
  }

  /** What the unsupported error names: `DotNet System.Drawing.Bitmap (assembly System.Drawing)`. */
  describe(t: TypeRef): string {
    const d = this.resolve(t.subtype ?? '');
    return `DotNet ${d.type}${d.assembly ? ` (assembly ${d.assembly})` : ''}`;
  }

  /** The method registry of a `DotNet <subtype>` receiver, or undefined when the type is not emulated. */
  registryFor(subtype: string): Registry | undefined {
    const key = subtype.toLowerCase();
    let r = this.registries.get(key);
    if (r === undefined) {
      const d = this.resolve(subtype);
      const t = emulatedType(d.type);
      r = t ? buildRegistry(t, d.alias) : null;
      this.registries.set(key, r);
    }
    return r ?? undefined;
  }
}

function buildRegistry(t: DotNetType, alias: string): Registry {
  const reg: Registry = new Map();
  for (const [name, m] of Object.entries(t.members)) reg.set(name, builtinOf(t, name, m));
  // The constructor is called by the type's own name; an alias that differs (`DotNetUri: DotNet Uri` declared
  // as `type("System.Uri"; MyUri)`) names it too.
  const short = shortName(t.name).toLowerCase();
  const ctor = t.members[short];
  if (ctor && !reg.has(alias.toLowerCase())) reg.set(alias.toLowerCase(), builtinOf(t, alias, ctor));
  return reg;
}

/** `System.Collections.Generic.List`1` -> `List`; `System.Uri` -> `Uri`. */
export function shortName(fullName: string): string {
  const last = fullName.split('.').pop() ?? fullName;
  return last.replace(/`\d+$/, '').replace(/\+/g, '.');
}

function builtinOf(t: DotNetType, name: string, m: DotNetMember): Builtin {
  return {
    ret: m.ret,
    refArgs: m.refArgs,
    max: m.property ? 1 : undefined,
    impl: (rt: unknown, ci, target: unknown, ...args: unknown[]) => {
      const call: DotNetCall = { rt, ci, type: t.name, member: m.name ?? name };
      const self = unwrapAl(target);
      if (!m.static && (self === null || self === undefined)) throw notInstantiated(call);
      return m.fn(self, args, call);
    },
  };
}
