// The one loader of apps: the workspace's apps, their dependencies resolved from the other workspace folders, the
// dependency source folders and the package caches, and the object index of the dependencies from a header scan
// (cached across starts). The runtime, the language server and `lint` all load dependencies through here; nothing
// is parsed until an object is used (see the runtime's lazy object loading).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { decode } from '../../syntax/decode';
import { AppJsonError, readAppJson, type AppManifest } from './appJson';
import { discoverFolderApps, discoverPackages, type AppSource } from './discover';
import { DependencyError, type LoadFinding } from './findings';
import { HeaderCache, defaultCacheDir } from './headerCache';
import { scanHeaders, type ObjectHeader } from './headerScan';
import { ObjectIndex, type AppInfo } from './objectIndex';
import { resolveDependencies } from './resolve';
import { symbolsToAl } from './symbolsAl';

export interface LoadAppsOptions {
  /** The workspace folders: the first is the app being run; the others (an app and its test app) resolve first. */
  workspace: string[];
  /** Folders searched for apps (every folder below with an app.json). */
  dependencySources?: string[];
  /** Folders with .app packages; default each workspace folder's `.alpackages`. */
  packageCaches?: string[];
  /** Symbols for every app, beside each app's own `preprocessorSymbols`. */
  preprocessorSymbols?: string[];
  /** The header cache folder; false for none (default: AL_SESSION_LAB_CACHE or the user's cache folder). */
  cacheDir?: string | false;
}

export interface AppSet {
  /** The workspace folders' apps (the first is the one being run). */
  workspaceApps: AppInfo[];
  /** Their dependencies, every app after its own dependencies. */
  dependencies: AppInfo[];
  /** The objects of the dependencies. */
  index: ObjectIndex;
  findings: LoadFinding[];
  /** The text of a dependency file (a source file, a file inside a package, or declarations built from symbols). */
  readText(file: string): string;
  appOfFile(file: string): AppInfo | undefined;
  stats: { apps: number; files: number; objects: number; scannedFiles: number; cachedFiles: number; ms: number };
}

export { DependencyError } from './findings';

/** A workspace folder without app.json is an app of its own without dependencies. */
function workspaceManifest(folder: string): AppManifest {
  const path = join(folder, 'app.json');
  if (existsSync(path)) return readAppJson(path);
  return { id: '', name: basename(resolve(folder)) || 'workspace', publisher: '', version: '1.0.0.0', dependencies: [], application: '', platform: '', preprocessorSymbols: [], internalsVisibleTo: [] };
}

/** Loads the apps; throws DependencyError (a dependency nowhere to be found) or AppJsonError (a bad workspace app.json). */
export function loadApps(options: LoadAppsOptions): AppSet {
  const t0 = Date.now();
  const findings: LoadFinding[] = [];
  const extraSymbols = options.preprocessorSymbols ?? [];
  const roots: AppSource[] = options.workspace.map((w) => ({ manifest: workspaceManifest(w), kind: 'workspace', location: resolve(w), origin: 'workspace', alFiles: () => [] }));
  const candidates: AppSource[] = [];
  const lookedIn: string[] = [];
  // The other workspace folders (an app and its test app) come first among the candidates.
  for (const w of options.workspace.slice(1)) {
    const own = discoverFolderApps(resolve(w), `workspace folder ${w}`, findings).filter((a) => a.location === resolve(w));
    candidates.push(...own);
    if (own.length) lookedIn.push(`workspace folder ${w}`);
  }
  for (const dir of options.dependencySources ?? []) {
    if (!existsSync(dir)) throw new DependencyError(`--dependency-source ${dir}: the folder does not exist`);
    const found = discoverFolderApps(resolve(dir), `--dependency-source ${dir}`, findings);
    // A source that is the workspace itself (or holds it) must not offer the workspace app as its own dependency.
    const own = new Set(roots.map((r) => r.location));
    const offered = found.filter((f) => !own.has(f.location));
    candidates.push(...offered);
    lookedIn.push(`--dependency-source ${dir} (${offered.length} app${offered.length === 1 ? '' : 's'})`);
  }
  const caches = options.packageCaches ?? options.workspace.map((w) => join(w, '.alpackages')).filter((d) => existsSync(d));
  for (const dir of caches) {
    const found = discoverPackages(resolve(dir), `package cache ${dir}`, findings);
    candidates.push(...found);
    lookedIn.push(`package cache ${dir} (${found.length} package${found.length === 1 ? '' : 's'})`);
  }
  const resolution = resolveDependencies([roots[0]], candidates, lookedIn);
  findings.push(...resolution.findings);
  const info = (s: AppSource, symbolsOnly: boolean): AppInfo => ({
    id: s.manifest.id, name: s.manifest.name, publisher: s.manifest.publisher, version: s.manifest.version, location: s.location, origin: s.origin, kind: s.kind,
    symbols: new Set([...s.manifest.preprocessorSymbols, ...extraSymbols]), symbolsOnly,
    internalsVisibleTo: new Set(s.manifest.internalsVisibleTo.flatMap((d) => [d.id, d.name.toLowerCase()].filter((x) => x))),
  });
  const index = new ObjectIndex();
  const texts = new Map<string, () => string>();
  const fileApp = new Map<string, AppInfo>();
  const workspaceApps: AppInfo[] = [];
  const dependencies: AppInfo[] = [];
  let files = 0;
  let scannedFiles = 0;
  let cachedFiles = 0;
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  for (const s of resolution.apps) {
    if (s === roots[0]) {
      workspaceApps.push(info(s, false));
      continue;
    }
    if (s.kind === 'package') {
      const pkg = s.package!();
      const symbolsOnly = pkg.sources.size === 0;
      const app = info(s, symbolsOnly);
      const entries: { file: string; headers: ObjectHeader[] }[] = [];
      if (symbolsOnly) {
        for (const o of pkg.objects) {
          const text = symbolsToAl(o);
          if (text === undefined) continue;
          const file = `${s.location}#symbols/${o.kind} ${o.id || o.name}.al`;
          texts.set(file, () => text);
          entries.push({ file, headers: scanHeaders(text, app.symbols) });
        }
      } else {
        for (const [name, bytes] of pkg.sources) {
          const file = `${s.location}#${name}`;
          const text = decode(bytes);
          texts.set(file, () => text);
          entries.push({ file, headers: scanHeaders(text, app.symbols) });
        }
      }
      for (const e of entries) fileApp.set(e.file, app);
      files += entries.length;
      scannedFiles += entries.length;
      index.addApp(app, entries);
      dependencies.push(app);
      continue;
    }
    // A folder app: every .al file below it, headers from the cache when the file did not change.
    const app = info(s, false);
    const cache = new HeaderCache(cacheDir, `${s.location}|${[...app.symbols].sort().join(',')}`);
    const seen = new Set<string>();
    const entries: { file: string; headers: ObjectHeader[] }[] = [];
    for (const file of s.alFiles()) {
      let st;
      try {
        st = statSync(file);
      } catch {
        continue;
      }
      seen.add(file);
      let headers = cache.get(file, st.size, st.mtimeMs);
      if (headers) cachedFiles++;
      else {
        headers = scanHeaders(decode(readFileSync(file)), app.symbols);
        cache.set(file, st.size, st.mtimeMs, headers);
        scannedFiles++;
      }
      entries.push({ file, headers });
      fileApp.set(file, app);
    }
    cache.save(seen);
    files += entries.length;
    index.addApp(app, entries);
    dependencies.push(app);
  }
  findings.push(...index.findings);
  return {
    workspaceApps,
    dependencies,
    index,
    findings,
    readText: (file) => {
      const t = texts.get(file);
      return t ? t() : decode(readFileSync(file));
    },
    appOfFile: (file) => fileApp.get(file),
    stats: { apps: dependencies.length, files, objects: index.entries.length, scannedFiles, cachedFiles, ms: Date.now() - t0 },
  };
}

export { AppJsonError };
