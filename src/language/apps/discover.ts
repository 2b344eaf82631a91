// Finding candidate apps: every folder with an app.json below a dependency source (a BCApps checkout's src is the
// main case), and the .app symbol packages of the package caches. Nested app.json files (BCApps' System
// Application keeps 110 module apps inside the one app) are apps of their own AND part of the enclosing app: the
// enclosing app owns every .al file below its folder, a module only those below its own. When both resolve in one
// load, the module is provided by the enclosing app (see resolve.ts).
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { AppJsonError, readAppJson, type AppManifest } from './appJson';
import { readAppPackage, type AppPackage } from './appPackage';
import type { LoadFinding } from './findings';

export interface AppSource {
  manifest: AppManifest;
  kind: 'workspace' | 'folder' | 'package';
  /** The app's folder, or the .app file. */
  location: string;
  /** Where it was found, for messages: `--dependency-source /x/src`, `package cache .alpackages`, `workspace`. */
  origin: string;
  /** The nearest enclosing app of a nested module. */
  parent?: AppSource;
  /** .al files of a folder app (every file below its folder, sorted). */
  alFiles(): string[];
  /** The package, read on first use (packages only). */
  package?: () => AppPackage;
}

/** A source folder's apps, outermost first; bad app.json files become findings, never a stop. */
export function discoverFolderApps(root: string, origin: string, findings: LoadFinding[]): AppSource[] {
  const alFiles: string[] = [];
  const appDirs: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (entries.some((e) => e.isFile() && e.name.toLowerCase() === 'app.json')) appDirs.push(dir);
    for (const e of entries) {
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        walk(join(dir, e.name));
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.al')) alFiles.push(join(dir, e.name));
    }
  };
  walk(root);
  const out: AppSource[] = [];
  for (const dir of appDirs) {
    let manifest: AppManifest;
    try {
      manifest = readAppJson(join(dir, 'app.json'));
    } catch (err) {
      if (!(err instanceof AppJsonError)) throw err;
      findings.push({ kind: 'badAppJson', severity: 'warning', file: join(dir, 'app.json'), line: 0, character: 0, message: err.message });
      continue;
    }
    const prefix = dir + sep;
    const parent = [...out].reverse().find((p) => prefix.startsWith(p.location + sep));
    let files: string[] | undefined;
    out.push({
      manifest, kind: 'folder', location: dir, origin, parent,
      alFiles: () => (files ??= alFiles.filter((f) => f.startsWith(prefix))),
    });
  }
  return out;
}

/** The .app packages of a package cache folder (not recursive, as `.alpackages` is flat). */
export function discoverPackages(dir: string, origin: string, findings: LoadFinding[]): AppSource[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.app')).sort();
  } catch {
    return [];
  }
  const out: AppSource[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
      const pkg = readAppPackage(readFileSync(path), path);
      out.push({ manifest: pkg.manifest, kind: 'package', location: path, origin, alFiles: () => [], package: () => pkg });
    } catch (err) {
      findings.push({ kind: 'badPackage', severity: 'error', file: path, line: 0, character: 0, message: (err as Error).message });
    }
  }
  return out;
}
