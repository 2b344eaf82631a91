// Reads a Business Central symbol package (.app): the NAVX header, the zip behind it and its SymbolReference.json.
import { readZipEntries, readZipEntry, ZipFormatError } from './zipReader';

/** One object declared by a package, in the shape the workspace model needs (no bodies: packages carry none). */
export interface PackageObject {
  kind: 'table' | 'page' | 'codeunit' | 'report' | 'query' | 'xmlport' | 'enum' | 'interface' | 'pageextension' | 'tableextension';
  id: number;
  name: string;
  namespace: string;
  /** Lower-cased property name -> value as written in the package, e.g. pagetype -> "List". */
  properties: Map<string, string>;
  /** Procedure names with their parameter types (as declared). */
  methods: { name: string; parameterTypes: string[] }[];
  /** For extensions: the name of the extended object. */
  target?: string;
}

export interface AppPackage {
  path: string;
  name: string;
  publisher: string;
  version: string;
  objects: PackageObject[];
}

export class AppPackageError extends Error {}

/** Parses an .app file's bytes. Throws AppPackageError naming what is wrong. */
export function readAppPackage(buf: Buffer, path: string): AppPackage {
  if (buf.length < 8) throw new AppPackageError(`${path}: too short to be an .app package`);
  if (buf.toString('latin1', 0, 4) !== 'NAVX') throw new AppPackageError(`${path}: not an .app package (no NAVX header)`);
  let json: unknown;
  try {
    const entries = readZipEntries(buf);
    const symbols = entries.find((e) => e.name.replace(/\\/g, '/').toLowerCase() === 'symbolreference.json');
    if (!symbols) throw new AppPackageError(`${path}: no SymbolReference.json in the package`);
    let text = readZipEntry(buf, symbols).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    json = JSON.parse(text);
  } catch (err) {
    if (err instanceof AppPackageError) throw err;
    if (err instanceof ZipFormatError || err instanceof SyntaxError || err instanceof Error) {
      throw new AppPackageError(`${path}: ${err.message}`);
    }
    throw err;
  }
  if (!json || typeof json !== 'object') throw new AppPackageError(`${path}: SymbolReference.json is not an object`);
  const root = json as Record<string, unknown>;
  const objects: PackageObject[] = [];
  collect(root, '', objects);
  return {
    path,
    name: str(root.Name),
    publisher: str(root.Publisher),
    version: str(root.Version),
    objects,
  };
}

const sections: [string, PackageObject['kind']][] = [
  ['Tables', 'table'],
  ['Pages', 'page'],
  ['Codeunits', 'codeunit'],
  ['Reports', 'report'],
  ['Queries', 'query'],
  ['XmlPorts', 'xmlport'],
  ['EnumTypes', 'enum'],
  ['Interfaces', 'interface'],
  ['PageExtensions', 'pageextension'],
  ['TableExtensions', 'tableextension'],
];

/** Walks one namespace level (the root is the empty namespace); newer packages nest objects under Namespaces. */
function collect(node: Record<string, unknown>, namespace: string, out: PackageObject[]): void {
  for (const [section, kind] of sections) {
    const list = node[section];
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      if (!raw || typeof raw !== 'object') continue;
      const o = raw as Record<string, unknown>;
      const properties = readProperties(o.Properties);
      const methods = Array.isArray(o.Methods)
        ? o.Methods.filter((m): m is Record<string, unknown> => !!m && typeof m === 'object').map((m) => ({
            name: str(m.Name),
            parameterTypes: Array.isArray(m.Parameters)
              ? m.Parameters.map((p) => (p && typeof p === 'object' ? typeName((p as Record<string, unknown>).TypeDefinition) : ''))
              : [],
          }))
        : [];
      out.push({
        kind,
        id: typeof o.Id === 'number' ? o.Id : 0,
        name: str(o.Name),
        namespace,
        properties,
        methods,
        target: typeof o.TargetObject === 'string' ? o.TargetObject : undefined,
      });
    }
  }
  const nested = node.Namespaces;
  if (Array.isArray(nested)) {
    for (const ns of nested) {
      if (!ns || typeof ns !== 'object') continue;
      const n = ns as Record<string, unknown>;
      const name = str(n.Name);
      collect(n, namespace ? `${namespace}.${name}` : name, out);
    }
  }
}

/** Properties come as [{ Name, Value }] in real packages; a plain object is accepted too. */
function readProperties(raw: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (Array.isArray(raw)) {
    for (const p of raw) {
      if (p && typeof p === 'object') {
        const r = p as Record<string, unknown>;
        if (typeof r.Name === 'string') map.set(r.Name.toLowerCase(), str(r.Value));
      }
    }
  } else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) map.set(k.toLowerCase(), str(v));
  }
  return map;
}

function typeName(def: unknown): string {
  if (!def || typeof def !== 'object') return '';
  const d = def as Record<string, unknown>;
  const sub = d.Subtype && typeof d.Subtype === 'object' ? str((d.Subtype as Record<string, unknown>).Name) : '';
  return sub ? `${str(d.Name)} ${sub}` : str(d.Name);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
