// Reads a Business Central symbol package (.app): the NAVX header, the zip behind it (or the ready-to-run outer zip
// holding the AL .app), NavxManifest.xml, SymbolReference.json, and the AL source under src/ when the package
// carries it. The language server, `lint` and the runtime all read packages here.
import { DOMParser } from '@xmldom/xmldom';
import { isZip, readZip, ZipFormatError } from './zip';
import { normalizeId, type AppDependency, type AppManifest } from './appJson';

/** One object declared by a package, in the shape the workspace model needs (no bodies: symbols carry none). */
export interface PackageObject {
  kind: 'table' | 'page' | 'codeunit' | 'report' | 'query' | 'xmlport' | 'enum' | 'interface' | 'pageextension' | 'tableextension' | 'enumextension' | 'reportextension';
  id: number;
  name: string;
  namespace: string;
  /** Lower-cased property name -> value as written in the package, e.g. pagetype -> "List". */
  properties: Map<string, string>;
  /** Procedure names with their parameter types (as declared). */
  methods: { name: string; parameterTypes: string[] }[];
  /** For extensions: the name of the extended object. */
  target?: string;
  /** The object as SymbolReference.json writes it (fields, keys, controls, method signatures...). */
  raw: Record<string, unknown>;
}

export interface AppPackage {
  path: string;
  name: string;
  publisher: string;
  version: string;
  /** From NavxManifest.xml (id, dependencies, preprocessor symbols...), else from SymbolReference.json. */
  manifest: AppManifest;
  objects: PackageObject[];
  /** AL source files carried under src/ (includeSourceInSymbolFile), by their path inside the package. */
  sources: Map<string, Uint8Array>;
}

export class AppPackageError extends Error {}

/** Parses an .app file's bytes. Throws AppPackageError naming the file and what is wrong. */
export function readAppPackage(buf: Uint8Array, path: string): AppPackage {
  if (buf.length < 8) throw new AppPackageError(`${path}: too short to be an .app package`);
  if (isZip(buf)) return readReadyToRun(buf, path);
  if (String.fromCharCode(buf[0], buf[1], buf[2], buf[3]) !== 'NAVX') throw new AppPackageError(`${path}: not an .app package (no NAVX header)`);
  const headerSize = buf[4] | (buf[5] << 8) | (buf[6] << 16) | (buf[7] << 24);
  // The zip follows the header; a header whose size field is off still has the zip's first local header after it.
  let start = headerSize > 0 && isZip(buf, headerSize) ? headerSize : -1;
  if (start < 0) for (let i = 8; i < Math.min(buf.length - 4, 4096); i++) if (isZip(buf, i)) { start = i; break; }
  if (start < 0) throw new AppPackageError(`${path}: no zip archive after the NAVX header`);
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZip(buf.subarray(start), (n) => /^(symbolreference\.json|navxmanifest\.xml)$/i.test(n) || /^src\/.*\.al$/i.test(n));
  } catch (err) {
    throw new AppPackageError(`${path}: ${(err as Error).message}`);
  }
  return fromEntries(entries, path);
}

/** Microsoft's ready-to-run packages are a zip around the AL .app (beside the compiled assemblies). */
function readReadyToRun(buf: Uint8Array, path: string): AppPackage {
  let inner: Map<string, Uint8Array>;
  try {
    inner = readZip(buf, (n) => n.toLowerCase().endsWith('.app'));
  } catch (err) {
    if (err instanceof ZipFormatError) throw new AppPackageError(`${path}: ${err.message}`);
    throw err;
  }
  const first = [...inner.entries()].find(([, b]) => b.length >= 4 && String.fromCharCode(b[0], b[1], b[2], b[3]) === 'NAVX');
  if (!first) throw new AppPackageError(`${path}: a zip without an AL .app package inside (not a ready-to-run package)`);
  return readAppPackage(first[1], `${path}!${first[0]}`);
}

function fromEntries(entries: Map<string, Uint8Array>, path: string): AppPackage {
  const get = (name: string) => [...entries.entries()].find(([n]) => n.toLowerCase() === name)?.[1];
  const symbolsBytes = get('symbolreference.json');
  if (!symbolsBytes) throw new AppPackageError(`${path}: no SymbolReference.json in the package`);
  let json: unknown;
  try {
    let text = new TextDecoder('utf-8').decode(symbolsBytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    json = JSON.parse(text);
  } catch (err) {
    throw new AppPackageError(`${path}: SymbolReference.json is not valid JSON (${(err as Error).message})`);
  }
  if (!json || typeof json !== 'object') throw new AppPackageError(`${path}: SymbolReference.json is not an object`);
  const root = json as Record<string, unknown>;
  const objects: PackageObject[] = [];
  collect(root, '', objects);
  const manifestBytes = get('navxmanifest.xml');
  const manifest = manifestBytes ? readManifest(manifestBytes, path) : undefined;
  const sources = new Map<string, Uint8Array>();
  for (const [n, b] of entries) if (/^src\/.*\.al$/i.test(n)) sources.set(n, b);
  const fallback: AppManifest = {
    id: normalizeId(str(root.AppId)), name: str(root.Name), publisher: str(root.Publisher), version: str(root.Version) || '1.0.0.0',
    dependencies: [], application: '', platform: '', preprocessorSymbols: [], internalsVisibleTo: [],
  };
  const m = manifest && manifest.name ? manifest : { ...fallback, ...(manifest ? { dependencies: manifest.dependencies } : {}) };
  return { path, name: m.name, publisher: m.publisher, version: m.version, manifest: m, objects, sources };
}

/** NavxManifest.xml: `<Package><App Id Name Publisher Version Application Platform/><Dependencies><Dependency .../>`. */
function readManifest(bytes: Uint8Array, path: string): AppManifest {
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let doc;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
  } catch (err) {
    throw new AppPackageError(`${path}: NavxManifest.xml is not valid XML (${(err as Error).message})`);
  }
  const byName = (name: string) => Array.from(doc.getElementsByTagName(name));
  const app = byName('App')[0];
  const attr = (el: { getAttribute(n: string): string | null } | undefined, n: string) => el?.getAttribute(n) ?? '';
  const depsOf = (tag: string, parent: string): AppDependency[] => {
    const host = byName(parent)[0];
    if (!host) return [];
    return Array.from(host.getElementsByTagName(tag)).map((d) => ({
      id: normalizeId(attr(d, 'Id') || attr(d, 'AppId')), name: attr(d, 'Name'), publisher: attr(d, 'Publisher'), version: attr(d, 'MinVersion') || attr(d, 'Version'),
    }));
  };
  const symbols = byName('PreprocessorSymbol').map((e) => attr(e, 'Name') || e.textContent || '').filter((s) => s);
  return {
    id: normalizeId(attr(app, 'Id')), name: attr(app, 'Name'), publisher: attr(app, 'Publisher'), version: attr(app, 'Version') || '1.0.0.0',
    dependencies: depsOf('Dependency', 'Dependencies'), application: attr(app, 'Application'), platform: attr(app, 'Platform'),
    preprocessorSymbols: symbols, internalsVisibleTo: depsOf('Module', 'InternalsVisibleTo'),
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
  ['EnumExtensionTypes', 'enumextension'],
  ['ReportExtensions', 'reportextension'],
];

/** Walks one namespace level (the root is the empty namespace); newer packages nest objects under Namespaces. */
function collect(node: Record<string, unknown>, namespace: string, out: PackageObject[]): void {
  for (const [section, kind] of sections) {
    const list = node[section];
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      if (!raw || typeof raw !== 'object') continue;
      const o = raw as Record<string, unknown>;
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
        properties: readProperties(o.Properties),
        methods,
        target: typeof o.TargetObject === 'string' ? o.TargetObject : undefined,
        raw: o,
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
export function readProperties(raw: unknown): Map<string, string> {
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

export function typeName(def: unknown): string {
  if (!def || typeof def !== 'object') return '';
  const d = def as Record<string, unknown>;
  const sub = d.Subtype && typeof d.Subtype === 'object' ? str((d.Subtype as Record<string, unknown>).Name) : '';
  return sub ? `${str(d.Name)} ${sub}` : str(d.Name);
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
