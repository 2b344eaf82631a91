// The workspace index: every file's model plus the objects of symbol packages, looked up by type, id and name.
// Updated per file, so the language server can replace one file's model without rebuilding the rest.
import type { AppPackage, PackageObject } from '../../language/apps/appPackage';
import type { AlFileModel, AlObject, ObjectKind, Procedure, Property } from './ir';
import { declarationSignature } from './declarations';
import { nameKey, unquote } from './names';

/** An object of the workspace: from source (with bodies) or from a symbol package (signatures only). */
export type WsObject = AlObject & { external?: boolean };

/**
 * One file set or removed: what the file was before (absent for a new file) and after (absent when removed). Only the
 * text and the declaration signature are kept, not the models: an old model with its bodies built can weigh megabytes.
 */
export interface FileChange {
  version: number;
  path: string;
  old?: FileSnapshot;
  now?: FileSnapshot;
}

export interface FileSnapshot {
  text: string;
  /** The declaration signature (model/declarations.ts); computed only for edits of an existing file. */
  signature?: string;
}

const MAX_LOG = 256;

export class Workspace {
  readonly files = new Map<string, AlFileModel>();
  private readonly packageObjects: WsObject[] = [];
  private readonly byName = new Map<string, WsObject[]>();
  private readonly byId = new Map<string, WsObject[]>();
  private readonly extensions = new Map<string, WsObject[]>();
  private readonly implementers = new Map<string, WsObject[]>();
  /** Bumped on every change; caches keyed on it know when to drop their content. */
  version = 0;
  /** The recent file changes, oldest first, so a cache can tell what changed since its version (changesSince). */
  private readonly log: FileChange[] = [];
  /** Versions before this one are not covered by the log (it was trimmed, or a package was added). */
  private logFloor = 0;

  setFile(model: AlFileModel): void {
    const old = this.files.get(model.path);
    if (old) this.unindex(old.objects);
    this.files.set(model.path, model);
    this.indexObjects(model.objects);
    this.version++;
    // A file set for the first time (indexing) needs no signatures: it is never a bodies-only change.
    this.record({
      version: this.version,
      path: model.path,
      old: old && { text: old.text, signature: declarationSignature(old) },
      now: { text: model.text, signature: old ? declarationSignature(model) : undefined },
    });
  }

  removeFile(path: string): void {
    const old = this.files.get(path);
    if (!old) return;
    this.unindex(old.objects);
    this.files.delete(path);
    this.version++;
    this.record({ version: this.version, path, old: { text: old.text } });
  }

  /**
   * The file changes after `version` (oldest first), or undefined when the log does not reach back that far: then a
   * cache must recompute. Lets the whole-workspace rules reuse their results when an edit cannot affect them.
   */
  changesSince(version: number): FileChange[] | undefined {
    if (version < this.logFloor) return undefined;
    const i = this.log.findIndex((c) => c.version > version);
    return i < 0 ? [] : this.log.slice(i);
  }

  private record(c: FileChange): void {
    // Indexing a workspace writes thousands of entries nobody asks about: keep the log short.
    this.log.push(c);
    if (this.log.length > MAX_LOG) {
      const dropped = this.log.splice(0, this.log.length - MAX_LOG);
      this.logFloor = dropped[dropped.length - 1].version;
    }
  }

  /** Whether symbol packages were loaded: then a codeunit missing from the index really does not exist. */
  get hasPackages(): boolean {
    return this.packageObjects.length > 0;
  }

  addPackage(pkg: AppPackage): void {
    const objs = pkg.objects.map((o) => packageObjectToModel(o, pkg.path));
    this.packageObjects.push(...objs);
    this.indexObjects(objs);
    this.version++;
    this.logFloor = this.version;
  }

  /** The objects of symbol packages (signatures only). */
  get packages(): readonly WsObject[] {
    return this.packageObjects;
  }

  /** All objects, source first. */
  *objects(): Iterable<WsObject> {
    for (const f of this.files.values()) yield* f.objects;
    yield* this.packageObjects;
  }

  // The index is updated per file (no rebuild on an edit). Source objects come before package objects in each list
  // so a workspace object shadows a symbol of the same name.
  private indexObjects(objs: WsObject[]): void {
    for (const o of objs) {
      const kind = baseKind(o.kind);
      push(this.byName, `${o.kind}:${nameKey(o.name)}`, o);
      if (o.id) push(this.byId, `${o.kind}:${o.id}`, o);
      if (o.extends && kind !== o.kind) push(this.extensions, `${kind}:${nameKey(o.extends)}`, o);
      for (const i of o.implements) push(this.implementers, nameKey(i), o);
    }
  }

  private unindex(objs: WsObject[]): void {
    for (const o of objs) {
      const kind = baseKind(o.kind);
      pull(this.byName, `${o.kind}:${nameKey(o.name)}`, o);
      if (o.id) pull(this.byId, `${o.kind}:${o.id}`, o);
      if (o.extends && kind !== o.kind) pull(this.extensions, `${kind}:${nameKey(o.extends)}`, o);
      for (const i of o.implements) pull(this.implementers, nameKey(i), o);
    }
  }

  /** Finds an object by name (quoted, namespace-qualified or plain) or by numeric id. */
  find(kind: ObjectKind, nameOrId: string | number, fromFile?: string): WsObject | undefined {
    let list: WsObject[] | undefined;
    if (typeof nameOrId === 'number') list = this.byId.get(`${kind}:${nameOrId}`);
    else {
      const t = unquote(nameOrId);
      list = /^\d+$/.test(t) ? this.byId.get(`${kind}:${Number(t)}`) : this.byName.get(`${kind}:${nameKey(nameOrId)}`);
    }
    if (!list || list.length === 0) return undefined;
    if (list.length === 1 || !fromFile) return list[0];
    return closest(list, fromFile);
  }

  /** Extensions of a table or page (tableextension/pageextension objects). */
  extensionsOf(obj: WsObject): WsObject[] {
    return this.extensions.get(`${obj.kind}:${nameKey(obj.name)}`) ?? [];
  }

  implementersOf(interfaceName: string): WsObject[] {
    return this.implementers.get(nameKey(interfaceName)) ?? [];
  }

  /** For a page extension: the base page; for a table extension: the table; otherwise the object itself. */
  baseObject(obj: WsObject): WsObject | undefined {
    if (obj.kind === 'pageextension' && obj.extends) return this.find('page', obj.extends, obj.file);
    if (obj.kind === 'tableextension' && obj.extends) return this.find('table', obj.extends, obj.file);
    return obj;
  }

  /** A page's (or page extension's) PageType, lower-cased; `card` when not declared (BC's default). */
  pageType(obj: WsObject): string | undefined {
    const base = this.baseObject(obj);
    if (!base) return undefined;
    return (prop(base, 'pagetype') ?? 'Card').toLowerCase();
  }

  /** The source table of a page / page extension, or the TableNo of a codeunit, or the table itself. */
  sourceTable(obj: WsObject): WsObject | undefined {
    if (obj.kind === 'table') return obj;
    if (obj.kind === 'tableextension') return this.baseObject(obj);
    if (obj.kind === 'codeunit') {
      const t = prop(obj, 'tableno');
      return t ? this.find('table', t, obj.file) : undefined;
    }
    const base = this.baseObject(obj);
    const st = base && prop(base, 'sourcetable');
    return st ? this.find('table', st, obj.file) : undefined;
  }

  /** Name of the source table even when the table itself is not in the workspace. */
  sourceTableName(obj: WsObject): string | undefined {
    if (obj.kind === 'table') return obj.name;
    if (obj.kind === 'tableextension') return obj.extends;
    if (obj.kind === 'codeunit') return prop(obj, 'tableno');
    const base = this.baseObject(obj);
    return base ? prop(base, 'sourcetable') : undefined;
  }

  /**
   * Finds a procedure (or trigger) by name on an object, looking also at its extensions (for tables and pages) and,
   * for extensions, at the base object. Returns the owner too.
   */
  findProcedure(obj: WsObject, name: string): { obj: WsObject; proc: Procedure } | undefined {
    const key = name.toLowerCase();
    const own = procTableOf(obj).get(key);
    if (own) return { obj, proc: own };
    if (obj.kind === 'table' || obj.kind === 'page') {
      for (const ext of this.extensionsOf(obj)) {
        const p = ext.procedures.find((q) => q.name.toLowerCase() === key && !q.host && !q.isLocal);
        if (p) return { obj: ext, proc: p };
      }
    }
    if (obj.kind === 'tableextension' || obj.kind === 'pageextension') {
      const base = this.baseObject(obj);
      if (base && base !== obj) return this.findProcedure(base, name);
    }
    return undefined;
  }
}

const procTables = new WeakMap<WsObject, Map<string, Procedure>>();

/** An object's procedures and object-level triggers by lower-cased name (first declaration wins). */
function procTableOf(obj: WsObject): Map<string, Procedure> {
  let m = procTables.get(obj);
  if (!m) {
    m = new Map();
    for (const p of obj.procedures) if (!p.host && !m.has(p.name.toLowerCase())) m.set(p.name.toLowerCase(), p);
    procTables.set(obj, m);
  }
  return m;
}

/**
 * Several objects share a name when a workspace holds several apps (two "Create Gen. Journal Line" codeunits in W1):
 * the one in the same app wins, approximated by the longest common folder prefix with the referencing file.
 */
function closest(list: WsObject[], fromFile: string): WsObject {
  let best = list[0];
  let bestLen = -1;
  for (const o of list) {
    let i = 0;
    const a = o.file;
    while (i < a.length && i < fromFile.length && a.charCodeAt(i) === fromFile.charCodeAt(i)) i++;
    if (i > bestLen) {
      best = o;
      bestLen = i;
    }
  }
  return best;
}

function push(m: Map<string, WsObject[]>, k: string, o: WsObject): void {
  const l = m.get(k);
  if (!l) m.set(k, [o]);
  else if (o.external) l.push(o);
  else {
    // Source objects first: insert before the first package object.
    const i = l.findIndex((x) => x.external);
    if (i < 0) l.push(o);
    else l.splice(i, 0, o);
  }
}

function pull(m: Map<string, WsObject[]>, k: string, o: WsObject): void {
  const l = m.get(k);
  if (!l) return;
  const i = l.indexOf(o);
  if (i >= 0) l.splice(i, 1);
  if (l.length === 0) m.delete(k);
}

export function prop(obj: AlObject, name: string): string | undefined {
  return obj.properties.get(name)?.value;
}

/** The kind an extension extends: pageextension -> page, tableextension -> table. */
export function baseKind(kind: ObjectKind): ObjectKind {
  switch (kind) {
    case 'pageextension':
    case 'pagecustomization':
      return 'page';
    case 'tableextension':
      return 'table';
    case 'reportextension':
      return 'report';
    case 'enumextension':
      return 'enum';
    default:
      return kind;
  }
}

function packageObjectToModel(o: PackageObject, path: string): WsObject {
  const properties = new Map<string, Property>();
  for (const [k, v] of o.properties) properties.set(k, { value: unquote(v), start: 0, end: 0 });
  return {
    kind: o.kind,
    id: o.id,
    name: o.name,
    namespace: o.namespace,
    file: path,
    start: 0,
    end: 0,
    nameStart: 0,
    nameEnd: 0,
    extends: o.target,
    implements: [],
    properties,
    globals: [],
    // Packages carry no bodies: calls into them end the path; codeunits are assumed to have OnRun.
    procedures: o.methods.map((m) => ({
      name: m.name,
      isTrigger: false,
      params: [],
      locals: [],
      start: 0,
      end: 0,
      nameStart: 0,
      nameEnd: 0,
      attributes: [],
      isLocal: false,
    })),
    closeBrace: 0,
    external: true,
  };
}
