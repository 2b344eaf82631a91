// The object index of a set of loaded apps: every object by type and id/name with its app and file, the extensions
// of each object and the event subscribers by publisher and event, all from the header scan. It decides which copy
// of an object is live across apps as BC does: `ObsoleteState = Moved` leaves the live object to the app it moved
// to (Base Application's table 231 vs Business Foundation's), `Removed` objects are out of the schema,
// `Pending`/`PendingMove` ones are live with a warning; ids and names are unique within an app.
import type { ObjectHeader } from './headerScan';
import type { LoadFinding } from './findings';

/** One loaded app as the runtime and the language server see it. */
export interface AppInfo {
  id: string;
  name: string;
  publisher: string;
  version: string;
  /** Where it came from: the folder, the .app path, or the workspace folder. */
  location: string;
  origin: string;
  kind: 'workspace' | 'folder' | 'package';
  /** The app's own preprocessor symbols plus the ones given for every app. */
  symbols: ReadonlySet<string>;
  /** Built from SymbolReference.json: procedures have no bodies. */
  symbolsOnly: boolean;
  /** Ids (and lower-case names) of the apps that see this app's `Access = Internal` objects. */
  internalsVisibleTo: ReadonlySet<string>;
}

export interface IndexEntry {
  type: string;
  id: number;
  name: string;
  extends?: string;
  app: AppInfo;
  file: string;
  line: number;
  obsoleteState?: string;
  access?: string;
  subscribes: string[];
}

/** Object types extending another, and the type they extend. */
export const EXTENDS: Record<string, string> = { tableextension: 'table', pageextension: 'page', enumextension: 'enum', reportextension: 'report', pagecustomization: 'page' };

const UNLOADED_TYPES = new Set(['entitlement', 'permissionset', 'permissionsetextension', 'profile', 'profileextension']);

export class ObjectIndex {
  private readonly byKey = new Map<string, IndexEntry>();
  private readonly extensions = new Map<string, IndexEntry[]>();
  private readonly subscriberMap = new Map<string, IndexEntry[]>();
  readonly entries: IndexEntry[] = [];
  readonly findings: LoadFinding[] = [];

  /** Adds the objects of one app's files (apps in load order: dependencies first). */
  addApp(app: AppInfo, files: { file: string; headers: ObjectHeader[] }[]): void {
    const own = new Map<string, IndexEntry>();
    for (const { file, headers } of files) {
      for (const h of headers) {
        if (h.obsoleteState === 'removed') continue;
        const e: IndexEntry = { type: h.type, id: h.id, name: h.name, extends: h.extends, app, file, line: h.line, obsoleteState: h.obsoleteState, access: h.access, subscribes: h.subscribes };
        const keys = this.keysOf(e);
        const clash = keys.map((k) => own.get(k)).find((x) => x);
        if (clash) {
          this.findings.push({ kind: 'duplicateObject', severity: 'error', file, line: h.line, character: 0, message: `${h.type} ${h.id || h.name} "${h.name}" is declared twice in ${app.name} (also in ${clash.file}:${clash.line + 1}); the first one is used` });
          continue;
        }
        for (const k of keys) own.set(k, e);
        this.place(e, keys);
      }
    }
  }

  private keysOf(e: IndexEntry): string[] {
    // `dotnet { }` objects have no name or id: an app may declare any number of them (each in its own file),
    // so each is keyed by its file.
    if (e.type === 'dotnet') return [`dotnet:${e.file}:${e.line}`];
    const keys = [`${e.type}:${e.name.toLowerCase()}`];
    if (e.id) keys.push(`${e.type}:${e.id}`);
    return keys;
  }

  /** Across apps: the live copy wins (a Moved copy gives way to the app it moved to). */
  private place(e: IndexEntry, keys: string[]): void {
    const other = keys.map((k) => this.byKey.get(k)).find((x) => x);
    // Entitlements, permission sets and profiles are licensing and role data the runtime does not load; apps
    // declare the same entitlements under their own names space (System Application and Business Foundation do).
    if (other && !UNLOADED_TYPES.has(e.type)) {
      const movedAway = (x: IndexEntry) => x.obsoleteState === 'moved';
      if (movedAway(other) && !movedAway(e)) {
        this.remove(other);
      } else if (movedAway(e) && !movedAway(other)) {
        return;
      } else {
        this.findings.push({ kind: 'duplicateObject', severity: 'error', file: e.file, line: e.line, character: 0, message: `${e.type} ${e.id || e.name} "${e.name}" of ${e.app.name} is also declared by ${other.app.name} (${other.file}:${other.line + 1}); the one of ${other.app.name} is used` });
        return;
      }
    }
    if (e.obsoleteState === 'pending' || e.obsoleteState === 'pendingmove') {
      this.findings.push({ kind: 'obsoletePending', severity: 'warning', file: e.file, line: e.line, character: 0, message: `${e.type} "${e.name}" of ${e.app.name} is obsolete (ObsoleteState = ${e.obsoleteState === 'pending' ? 'Pending' : 'PendingMove'}); it is live` });
    }
    for (const k of keys) this.byKey.set(k, e);
    this.entries.push(e);
    const base = EXTENDS[e.type];
    if (base && e.extends) push(this.extensions, `${base}:${e.extends.toLowerCase()}`, e);
    for (const s of e.subscribes) push(this.subscriberMap, s, e);
  }

  private remove(e: IndexEntry): void {
    for (const k of this.keysOf(e)) if (this.byKey.get(k) === e) this.byKey.delete(k);
    const at = this.entries.indexOf(e);
    if (at >= 0) this.entries.splice(at, 1);
    const base = EXTENDS[e.type];
    if (base && e.extends) {
      const l = this.extensions.get(`${base}:${e.extends.toLowerCase()}`);
      if (l) l.splice(l.indexOf(e), 1);
    }
    for (const s of e.subscribes) {
      const l = this.subscriberMap.get(s);
      if (l) l.splice(l.indexOf(e), 1);
    }
  }

  /** The live object of a type by id or name (case-insensitive). */
  find(type: string, nameOrId: string): IndexEntry | undefined {
    return this.byKey.get(`${type}:${nameOrId.toLowerCase()}`);
  }

  /** Objects extending a base object (by its name), in load order. */
  extensionsOf(baseType: string, baseName: string): IndexEntry[] {
    return this.extensions.get(`${baseType}:${baseName.toLowerCase()}`) ?? [];
  }

  /** Codeunits subscribing to an event of a publisher (type, id and name: subscribers name it either way). */
  subscribersOf(type: string, id: number, name: string, event: string): IndexEntry[] {
    const ev = event.toLowerCase();
    const a = this.subscriberMap.get(`${type}:${name.toLowerCase()}:${ev}`) ?? [];
    const b = id ? this.subscriberMap.get(`${type}:${id}:${ev}`) ?? [] : [];
    return b.length ? [...a, ...b] : a;
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
