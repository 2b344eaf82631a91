// Lazy loading of the dependencies' objects: the object index (from the header scan, src/language/apps) says which
// file declares an object; the file is parsed, lowered and built on first use, together with everything that
// must be built with it (a base object's extensions from every loaded app; an extension's base). Event subscribers
// load when their event is first raised. Procedures compile when first called; a procedure of a symbols-only
// package raises "no source" at its call site.
import { parseFile } from '../../syntax';
import type { AppSet } from '../../language/apps/loader';
import { EXTENDS } from '../../language/apps/objectIndex';
import type { LoadResult } from '../contracts';
import type { ObjectDecl } from './ast';
import { AlError } from './errors';
import { Lowerer } from './lower';
import type { ObjectModel, ProcFn, ProcInfo, StmtInfo } from './model';
import { toSourceLocation } from './model';
import type { Rt } from './rt';
import type { Workspace } from './loader';

const BASE_TYPES = new Set(Object.values(EXTENDS));

export class AppObjects {
  private readonly loadedFiles = new Set<string>();
  private readonly subscriberKeys = new Set<string>();
  /** Problems met while loading dependency files on demand (parse errors...): raised where the object is used. */
  readonly errors: LoadResult['errors'] = [];
  parsedFiles = 0;

  constructor(readonly set: AppSet, private readonly ws: Workspace, private readonly stmts: () => StmtInfo[]) {}

  /** Loads the file declaring an object (with its batch); false when the index has no such object. */
  load(type: string, key: string): boolean {
    const entry = this.set.index.find(type, key);
    if (!entry || this.loadedFiles.has(entry.file)) return false;
    this.loadFiles([entry.file]);
    return true;
  }

  /** Loads the codeunits subscribing to a publisher's event (once per event). */
  loadSubscribers(type: string, id: number, name: string, event: string): void {
    const key = `${type}:${id}:${name.toLowerCase()}:${event.toLowerCase()}`;
    if (this.subscriberKeys.has(key)) return;
    this.subscriberKeys.add(key);
    const files = this.set.index.subscribersOf(type, id, name, event).map((e) => e.file).filter((f) => !this.loadedFiles.has(f));
    if (files.length) this.loadFiles(files);
  }

  /** Parses a batch of files and whatever must be built with them, then builds their objects in one go. */
  private loadFiles(start: string[]): void {
    const queue = [...new Set(start)];
    const decls: ObjectDecl[] = [];
    const index = this.set.index;
    for (let q = 0; q < queue.length; q++) {
      const file = queue[q];
      if (this.loadedFiles.has(file)) continue;
      this.loadedFiles.add(file);
      for (const d of this.parse(file)) {
        // Only the live copy loads: a Moved copy in a file loaded for another object stays out.
        const live = index.find(d.type, d.id ? String(d.id) : d.name);
        if (live && live.file !== file) continue;
        decls.push(d);
        if (BASE_TYPES.has(d.type)) {
          for (const ext of index.extensionsOf(d.type, d.name)) if (!this.loadedFiles.has(ext.file)) queue.push(ext.file);
        }
        const baseType = EXTENDS[d.type];
        if (baseType && d.extends && !this.ws.loadedObject(baseType, d.extends)) {
          const base = index.find(baseType, d.extends);
          if (base && !this.loadedFiles.has(base.file)) queue.push(base.file);
        }
      }
    }
    if (decls.length) this.ws.addLazyObjects(decls, this.errors);
  }

  private parse(file: string): ObjectDecl[] {
    let text: string;
    try {
      text = this.set.readText(file);
    } catch (err) {
      this.errors.push({ file, line: 0, character: 0, message: `cannot read the file (${(err as Error).message})` });
      return [];
    }
    this.parsedFiles++;
    const app = this.set.appOfFile(file);
    const parsed = parseFile(text, { preprocessorSymbols: app?.symbols });
    if (parsed.errors.length) {
      const e = parsed.errors[0];
      const p = parsed.lineMap.position(e.start);
      this.errors.push({ file, line: p.line, character: p.character, message: e.message });
      return [];
    }
    try {
      return new Lowerer(text, file, parsed.lineMap).objects(parsed.root);
    } catch (err) {
      this.errors.push({ file, line: 0, character: 0, message: `could not load: ${(err as Error).message}` });
      return [];
    }
  }

  /**
   * BC's access rules across apps: an object with `Access = Internal`, or an `internal procedure`, is usable only
   * from its own app and the apps its app.json lists in internalsVisibleTo. Files outside the dependencies are the
   * workspace app's.
   */
  accessProblem(target: ObjectModel, from: ObjectModel, procedure?: ProcInfo): string | undefined {
    const owner = this.set.appOfFile(target.file);
    if (!owner) return undefined;
    const objectInternal = /^internal$/i.test(target.decl.properties.get('access')?.text ?? '');
    const procInternal = !!procedure?.decl.internal;
    if (!objectInternal && !procInternal) return undefined;
    const caller = this.set.appOfFile(from.file) ?? this.set.workspaceApps[0];
    if (!caller || caller === owner || caller.id === owner.id) return undefined;
    if (owner.internalsVisibleTo.has(caller.id) || owner.internalsVisibleTo.has(caller.name.toLowerCase())) return undefined;
    const what = procInternal && procedure ? `procedure ${procedure.name} of ${target.type} "${target.name}"` : `${target.type} "${target.name}"`;
    return `${what} is internal to app ${owner.name}${objectInternal ? ' (Access = Internal)' : ''}; ${caller.name} cannot use it (it is not in ${owner.name}'s internalsVisibleTo)`;
  }

  /** The dependencies' DotNet declarations (few files), parsed up front: the platform layer needs them at load. */
  dotnetDecls(): ObjectDecl[] {
    const files = [...new Set(this.set.index.entries.filter((e) => e.type === 'dotnet').map((e) => e.file))];
    const out: ObjectDecl[] = [];
    for (const f of files) if (!this.loadedFiles.has(f)) {
      this.loadedFiles.add(f);
      out.push(...this.parse(f));
    }
    return out;
  }

  /**
   * For a procedure of a symbols-only package: a body that raises the "no source" error at the call site (events
   * and triggers have nothing to run, and keep their empty bodies).
   */
  symbolsOnlyError(p: ProcInfo): ProcFn | undefined {
    const app = this.set.appOfFile(p.obj.file);
    if (!app?.symbolsOnly || p.decl.kind === 'trigger' || p.isEvent) return undefined;
    const text = `AL Session Lab has no source for procedure ${p.name} of ${p.obj.type} ${p.obj.name} in app ${app.name} (symbols only)`;
    const stmts = this.stmts;
    return function* (rt: Rt): Generator<unknown, unknown, unknown> {
      yield* [];
      const caller = rt.frames[rt.frames.length - 1];
      const st = caller ? stmts()[caller.s] : undefined;
      throw new AlError(text, 'NoSource', st ? toSourceLocation(st.loc) : undefined);
    } as unknown as ProcFn;
  }
}
