// Loading a workspace: parse and lower the .al files, read app.json, then build the object models (objects by
// type, extensions joined to their bases, enums, tables, procedures, control triggers, event subscribers) and
// answer the lookups the compiler and the libraries make by name or id.
import type { LoadResult, TableDef } from '../contracts';
import { parseFile } from '../../syntax';
import type { Expr, ObjectDecl, ProcDecl, TypeRef } from './ast';
import { Lowerer } from './lower';
import type { ObjectModel, ProcInfo, Slot, TableModel } from './model';
import { slotsOf } from './model';
import { normType, SYSTEM_ENUMS } from './typeNames';
import { buildTable } from './tables';
import type { AppObjects } from './appObjects';

/** What app.json says about the workspace app. */
export interface AppInfo {
  id?: string;
  name: string;
  publisher: string;
  version: string;
}

/** Parses and lowers the .al files and reads app.json; a file that does not parse is reported and skipped. */
export function parseSources(files: { path: string; text: string }[], options: { preprocessorSymbols?: string[] } | undefined, errors: LoadResult['errors']): { decls: ObjectDecl[]; app?: AppInfo } {
  const decls: ObjectDecl[] = [];
  let app: AppInfo | undefined;
  for (const f of files) {
    if (/app\.json$/i.test(f.path)) {
      try {
        const a = JSON.parse(f.text) as { id?: string; name?: string; publisher?: string; version?: string };
        app = { id: a.id ? `{${a.id.replace(/[{}]/g, '').toUpperCase()}}` : undefined, name: a.name ?? '', publisher: a.publisher ?? '', version: a.version ?? '1.0.0.0' };
      } catch {
        errors.push({ file: f.path, line: 0, character: 0, message: 'app.json is not valid JSON' });
      }
      continue;
    }
    if (!/\.al$/i.test(f.path)) continue;
    const parsed = parseFile(f.text, { preprocessorSymbols: options?.preprocessorSymbols });
    if (parsed.errors.length) {
      // A file with syntax errors does not load; the rest of the workspace still does.
      for (const e of parsed.errors.slice(0, 20)) {
        const p = parsed.lineMap.position(e.start);
        errors.push({ file: f.path, line: p.line, character: p.character, message: e.message });
      }
      continue;
    }
    try {
      const lw = new Lowerer(f.text, f.path, parsed.lineMap);
      decls.push(...lw.objects(parsed.root));
    } catch (e) {
      errors.push({ file: f.path, line: 0, character: 0, message: `could not load: ${(e as Error).message}` });
    }
  }
  return { decls, app };
}

/** The loaded objects and their lookups. Rebuilt by every load; procedure ids keep counting across loads. */
export class Workspace {
  objects: ObjectModel[] = [];
  private byType = new Map<string, Map<string, ObjectModel>>();
  private tablesByName = new Map<string, TableModel>();
  tableList: TableModel[] = [];
  private subscribers = new Map<string, ProcInfo[]>();
  private nextProcId = 1;

  /** Every procedure and trigger of an object (what eager compilation compiles). */
  allProcs(o: ObjectModel): ProcInfo[] {
    const out: ProcInfo[] = [];
    for (const l of o.procs.values()) out.push(...l);
    for (const t of o.triggers.values()) out.push(t);
    for (const m of o.controlTriggers.values()) for (const p of m.values()) out.push(p);
    if (o.type === 'table' && o.table) {
      for (const fm of o.table.fieldsById.values()) for (const l of fm.triggers.values()) for (const p of l) if (p.obj === o) out.push(p);
    }
    for (const l of o.fieldTriggerProcs) out.push(l);
    return out;
  }

  /** The dependencies' objects, loaded on first use (undefined: the workspace is all there is). */
  apps?: AppObjects;
  /** Called with the tables built after load (a dependency's table reached for the first time). */
  onTablesAdded?: (tables: TableDef[]) => void;

  build(decls: ObjectDecl[], errors: LoadResult['errors']): void {
    this.objects = [];
    this.byType = new Map();
    this.tablesByName = new Map();
    this.tableList = [];
    this.subscribers = new Map();
    this.addObjects(decls, errors);
  }

  /** Objects built from a lazily parsed batch of dependency files (see appObjects.ts). */
  addLazyObjects(decls: ObjectDecl[], errors: LoadResult['errors']): void {
    const tablesBefore = this.tableList.length;
    this.addObjects(decls, errors);
    if (this.tableList.length > tablesBefore) this.onTablesAdded?.(this.tableList.slice(tablesBefore).map((t) => t.def));
  }

  /** Builds object models for a batch of declarations (the workspace, or a batch of dependency files). */
  private addObjects(decls: ObjectDecl[], errors: LoadResult['errors']): void {
    const added: ObjectModel[] = [];
    const rebuilt = new Set<ObjectModel>();
    for (const d of decls) {
      const existing = d.id ? this.byType.get(d.type)?.get(String(d.id)) : undefined;
      if (existing) {
        errors.push({ file: d.file, line: d.loc.line, character: d.loc.character, message: `${d.type} ${d.id} is declared twice (also in ${existing.file}); the first one is used` });
        continue;
      }
      const o: ObjectModel = {
        decl: d, type: d.type, id: d.id, name: d.name, file: d.file, procs: new Map(), triggers: new Map(), globals: slotsOf(d.globals, false, 'g'),
        extensions: [], singleInstance: /^true$/i.test(d.properties.get('singleinstance')?.text ?? ''), controlTriggers: new Map(), fieldTriggerProcs: [],
      };
      this.objects.push(o);
      added.push(o);
      let m = this.byType.get(o.type);
      if (!m) this.byType.set(o.type, (m = new Map()));
      m.set(o.name.toLowerCase(), o);
      if (o.id) m.set(String(o.id), o);
    }
    // Extensions find their base objects.
    for (const o of added) {
      const baseType = { tableextension: 'table', pageextension: 'page', enumextension: 'enum', reportextension: 'report' }[o.type];
      if (!baseType || !o.decl.extends) continue;
      const base = this.findObject(baseType, o.decl.extends);
      if (!base) {
        errors.push({ file: o.file, line: o.decl.loc.line, character: o.decl.loc.character, message: `${o.type} ${o.name} extends ${o.decl.extends}, which is not in the workspace` });
        continue;
      }
      o.base = base;
      base.extensions.push(o);
      // A base built in an earlier batch (a dependency's table reached by this extension) is built again with it.
      if (!added.includes(base) && (base.type === 'table' || base.type === 'enum')) rebuilt.add(base);
    }
    // Enums first (tables need their members), then tables, then procedures.
    for (const o of [...added, ...rebuilt]) if (o.type === 'enum') this.buildEnum(o);
    for (const o of [...added, ...rebuilt]) {
      if (o.type !== 'table') continue;
      const tm = buildTable(o, (t) => this.membersOf(t), (p, name, extra) => this.procInfo(p.obj, p.decl, name, extra), errors);
      const old = o.table;
      o.table = tm;
      this.tablesByName.set(o.name.toLowerCase(), tm);
      if (o.id) this.tablesByName.set(String(o.id), tm);
      if (old && this.tableList.includes(old)) this.tableList[this.tableList.indexOf(old)] = tm;
      else this.tableList.push(tm);
      for (const ext of o.extensions) ext.table = tm;
    }
    if (rebuilt.size) this.onTablesAdded?.([...rebuilt].filter((o) => o.table).map((o) => o.table!.def));
    for (const o of added) {
      for (const p of o.decl.procedures) {
        if (p.kind === 'trigger') o.triggers.set(p.name.toLowerCase(), this.procInfo(o, p, p.name));
        else {
          const pi = this.procInfo(o, p, p.name);
          const l = o.procs.get(p.name.toLowerCase());
          if (l) l.push(pi);
          else o.procs.set(p.name.toLowerCase(), [pi]);
        }
      }
      if (o.type === 'page' || o.type === 'pageextension') this.buildControlTriggers(o);
    }
    for (const o of added) this.collectSubscribers(o);
  }

  private procInfo(o: ObjectModel, d: ProcDecl, name: string, extra?: Partial<ProcInfo>): ProcInfo {
    const slots: Slot[] = [...slotsOf(d.params, true, 'p'), ...slotsOf(d.locals, false, 'l')];
    if (d.returnName && d.returnType) slots.push({ key: 'r', name: d.returnName, type: d.returnType, isParam: false, byRef: false });
    const attrs = new Set(d.attributes.map((a) => a.name));
    return {
      id: this.nextProcId++, obj: o, decl: d, name, slots,
      tryFunction: attrs.has('tryfunction'),
      isEvent: attrs.has('integrationevent') || attrs.has('businessevent') || attrs.has('internalevent'),
      ...extra,
    };
  }

  private buildEnum(o: ObjectModel): void {
    const values = [...o.decl.values, ...o.extensions.flatMap((e) => e.decl.values)];
    o.enumValues = values.map((v) => ({
      ordinal: v.id, name: v.name, caption: v.caption ?? v.name,
      implementations: parseImplementations(v.properties.get('implementation')?.text),
    }));
    o.enumDefaultImpl = parseImplementations(o.decl.properties.get('defaultimplementation')?.text);
  }

  private buildControlTriggers(o: ObjectModel): void {
    const visit = (c: { name: string; triggers: ProcDecl[]; children: { name: string; triggers: ProcDecl[]; children: unknown[] }[] }) => {
      for (const t of c.triggers) {
        let m = o.controlTriggers.get(c.name.toLowerCase());
        if (!m) o.controlTriggers.set(c.name.toLowerCase(), (m = new Map()));
        m.set(t.name.toLowerCase(), this.procInfo(o, t, `${c.name} - ${t.name}`, { control: c.name }));
      }
      for (const ch of c.children) visit(ch as never);
    };
    for (const c of [...o.decl.layout, ...o.decl.actions]) visit(c as never);
    for (const ch of [...o.decl.layoutChanges, ...o.decl.actionChanges]) for (const c of ch.controls) visit(c as never);
  }

  private collectSubscribers(o: ObjectModel): void {
    if (o.type !== 'codeunit') return;
    for (const l of o.procs.values()) {
      for (const p of l) {
        const a = p.decl.attributes.find((x) => x.name === 'eventsubscriber');
        if (!a) continue;
        const [ot, obj, ev] = a.args;
        const objType = ot && ot.k === 'scope' ? ot.right.toLowerCase() : '';
        const target = this.objectRefOf(obj);
        const evName = ev && ev.k === 'lit' ? String(ev.value).toLowerCase() : '';
        if (!target || !evName) continue;
        const key = `${objType === 'table' ? 'table' : objType}:${target}:${evName}`;
        const list = this.subscribers.get(key);
        if (list) list.push(p);
        else this.subscribers.set(key, [p]);
      }
    }
  }

  private objectRefOf(e: Expr | undefined): string | undefined {
    if (!e) return undefined;
    if (e.k === 'lit') return String(e.value);
    if (e.k === 'scope') {
      const t = e.left.toLowerCase() === 'database' ? 'table' : e.left.toLowerCase();
      // The publisher's id without loading it: a subscriber does not make its publisher's code load.
      const o = this.byType.get(t)?.get(e.right.toLowerCase());
      if (o) return String(o.id);
      const entry = this.apps?.set.index.find(t, e.right);
      return entry ? String(entry.id) : undefined;
    }
    return undefined;
  }

  subscribersOf(publisher: ProcInfo): ProcInfo[] {
    const o = publisher.obj.base ?? publisher.obj;
    const type = o.type === 'table' ? 'table' : o.type;
    this.apps?.loadSubscribers(type, o.id, o.name, publisher.name);
    return this.subscribers.get(`${type}:${o.id}:${publisher.name.toLowerCase()}`) ?? [];
  }

  tableEventSubscribers(tableId: number, event: string): ProcInfo[] {
    if (this.apps) this.apps.loadSubscribers('table', tableId, this.byType.get('table')?.get(String(tableId))?.name ?? '', event);
    return this.subscribers.get(`table:${tableId}:${event}`) ?? [];
  }

  tableTriggers(t: TableModel, name: string): ProcInfo[] {
    const o = this.findObject('table', String(t.def.id));
    const p = o?.triggers.get(name);
    return p ? [p] : [];
  }

  tableByName(nameOrId: string): TableModel | undefined {
    const t = this.tablesByName.get(nameOrId.toLowerCase());
    if (t || !this.apps) return t;
    this.findObject('table', nameOrId);
    return this.tablesByName.get(nameOrId.toLowerCase());
  }

  /** An object by type and name or id; a dependency's object is parsed and built on first use. */
  findObject(type: string, nameOrId: string): ObjectModel | undefined {
    const key = nameOrId.toLowerCase();
    const o = this.byType.get(type)?.get(key);
    if (o || !this.apps) return o;
    return this.apps.load(type, key) ? this.byType.get(type)?.get(key) : undefined;
  }

  /** A loaded object without loading anything (the lazy loader asks). */
  loadedObject(type: string, nameOrId: string): ObjectModel | undefined {
    return this.byType.get(type)?.get(nameOrId.toLowerCase());
  }

  memberOrdinal(t: TypeRef, name: string): number | undefined {
    const n = normType(t);
    const lower = name.toLowerCase();
    if (n.name === 'Option') {
      const i = (n.optionMembers ?? []).findIndex((m) => m.toLowerCase() === lower);
      return i >= 0 ? i : undefined;
    }
    if (n.name === 'Enum' || n.subtype) {
      const sub = (n.subtype ?? '').toLowerCase();
      const e = this.findObject('enum', sub);
      if (e?.enumValues) return e.enumValues.find((v) => v.name.toLowerCase() === lower)?.ordinal;
      const sys = SYSTEM_ENUMS[sub];
      if (sys) {
        const i = sys.findIndex((m) => m.toLowerCase() === lower);
        return i >= 0 ? i : undefined;
      }
    }
    return undefined;
  }

  /** Option/enum display names by ordinal (captions for enums, as Format shows them). */
  membersOf(t: TypeRef): string[] | undefined {
    const n = normType(t);
    if (n.name === 'Option') return n.optionMembers;
    const e = this.findObject('enum', n.subtype ?? '');
    if (e?.enumValues) {
      const out: string[] = [];
      for (const v of e.enumValues) out[v.ordinal] = v.caption;
      for (let i = 0; i < out.length; i++) out[i] ??= String(i);
      return out;
    }
    const sys = SYSTEM_ENUMS[(n.subtype ?? n.name).toLowerCase()];
    return sys;
  }

  enumEntries(t: TypeRef | undefined): { ordinal: number; name: string }[] {
    const e = t ? this.findObject('enum', normType(t).subtype ?? '') : undefined;
    if (e?.enumValues) return e.enumValues;
    const n = t ? normType(t) : undefined;
    if (n?.optionMembers) return n.optionMembers.map((name, ordinal) => ({ ordinal, name }));
    return [];
  }
}

/** `"Interface" = "Codeunit", ...` */
function parseImplementations(text: string | undefined): Map<string, string> {
  const m = new Map<string, string>();
  if (!text) return m;
  for (const part of text.split(',')) {
    const [a, b] = part.split('=').map((x) => x.trim().replace(/^"(.*)"$/, '$1'));
    if (a && b) m.set(a.toLowerCase(), b);
  }
  return m;
}
