// The interpreter's Engine: loads a workspace (parse, lower, model, compile every procedure once), answers
// workspace lookups for the compiler, starts executions for the scheduler, opens pages, and owns the
// breakpoint table (resolved to statements once; the per-statement check is a map lookup).
import type { BreakpointSpec, DebugPolicy, Engine, EntryPoint, Execution, LoadResult, LoadedObject, PageInstance, ResolvedBreakpoint, SessionServices, TableDef } from '../contracts';
import { parseFile } from '../../syntax';
import type { Expr, Loc, ObjectDecl, ProcDecl, TypeRef } from './ast';
import { Lowerer } from './lower';
import { AlError, toAlError, unsupported } from './errors';
import type { ObjectModel, ProcFn, ProcInfo, Slot, StmtInfo, TableModel } from './model';
import { slotsOf, toSourceLocation } from './model';
import { ProcCompiler } from './compiler';
import type { EngineModel, Registries } from './engineModel';
import { helpers, def } from './helpers';
import type { Registry } from './methodTypes';
import type { TypeDesc } from './typeDesc';
import { isScalarType, normType, SYSTEM_ENUMS } from './typeNames';
import { Rt, type Frame, type SessionState } from './rt';
import { CodeunitVar, Instance, ModuleInfoValue, Variant } from './objects';
import { AlRecord, setGlobalsFactory } from './record';
import { systemMethods } from './sysMethods';
import { recordMethods } from './recordMethods';
import { dictionaryMethods, listMethods, AlDictionary, AlList } from './collections';
import { anyMethods, codeunitMethods, dialogMethods, enumMethods, errorInfoMethods, moduleInfoMethods, textBuilderMethods, textMethods, variantMethods } from './otherMethods';
import { pageMethods, PageRuntime } from './page';
import { fieldRefMethods, recordRefMethods } from './recordRef';
import { jsonArrayMethods, jsonObjectMethods, jsonTokenMethods, jsonValueMethods } from './json';
import { blobMethods, inStreamMethods, outStreamMethods } from './streams';
import { buildTable } from './tables';
import { createGuid } from '../values/guid';
import { displayValue, formatAny } from './display';
import { TestPageValue, testPageMethods } from './testPage';
import { ClientObjectVar, pageVarMethods, reportVarMethods } from './clientObjects';
import { codeunitSubtype, refuseRunningUpgradeCodeunit, runAppTriggers, runTestCodeunit, runTestRunner } from './codeunitSubtypes';
import { Platform, platformSystemMethods } from '../platform';

interface BreakpointEntry {
  id: number;
  spec: BreakpointSpec;
  hits: number;
  stmt?: number;
}

let nextBreakpointId = 1;

export class EngineImpl implements Engine, EngineModel {
  readonly helpers = helpers;
  readonly registries: Registries;
  /** The platform layer (src/runtime/platform): DotNet aliases of the loaded workspace, emulated types. */
  platform = new Platform();
  /** Append-only: executions started before a reload keep pointing at their statements. */
  readonly stmts: StmtInfo[] = [];
  private objects: ObjectModel[] = [];
  private byType = new Map<string, Map<string, ObjectModel>>();
  private tablesByName = new Map<string, TableModel>();
  private tableList: TableModel[] = [];
  private subscribers = new Map<string, ProcInfo[]>();
  private stmtsByFile = new Map<string, StmtInfo[]>();
  private bpSpecs = new Map<string, BreakpointEntry[]>();
  /** Breakpoints by resolved statement (several lines can resolve to the same statement). */
  private bpByStmt = new Map<number, BreakpointEntry[]>();
  /** 1 at the statement ids that have a breakpoint: the statement hook's inline check. Grows with stmts. */
  breakpointFlags = new Uint8Array(1024);
  private sessions = new WeakMap<SessionServices, SessionState & { workDate?: number }>();
  private typeDescs = new WeakMap<TypeRef, Map<ObjectModel, TypeDesc>>();
  private evalCache = new Map<string, (rt: Rt, self: unknown, L: Record<string, unknown>) => Generator<unknown, unknown, unknown>>();
  private seed = 0x2545f491;
  private nextProcId = 1;
  private compileErrors: LoadResult['errors'] = [];
  appName = 'AL Session Lab workspace';
  private app = new ModuleInfoValue(undefined, 'AL Session Lab workspace', '', '1.0.0.0');

  /** The workspace app as ModuleInfo (NavApp.GetCurrentModuleInfo/GetCallerModuleInfo): a copy per call. */
  moduleInfo(): ModuleInfoValue {
    return new ModuleInfoValue(this.app.id, this.app.name, this.app.publisher, this.app.version);
  }
  /** Compile every procedure at load (default) so load errors and breakpoints are known up front. */
  eagerCompile = true;

  constructor() {
    const kinds = new Map<string, Registry>([
      ['Record', recordMethods],
      ['List', listMethods],
      ['Dictionary', dictionaryMethods],
      ['Text', textMethods],
      ['Codeunit', codeunitMethods],
      ['Enum', enumMethods],
      ['Option', enumMethods],
      ['ErrorInfo', errorInfoMethods],
      ['TextBuilder', textBuilderMethods],
      ['Dialog', dialogMethods],
      ['CurrPage', pageMethods],
      ['TestPage', testPageMethods],
      ['Page', pageVarMethods],
      ['Report', reportVarMethods],
      ['Variant', variantMethods],
      ['ModuleInfo', moduleInfoMethods],
      ['RecordRef', recordRefMethods],
      ['FieldRef', fieldRefMethods],
      ['Blob', blobMethods],
      ['InStream', inStreamMethods],
      ['OutStream', outStreamMethods],
      ['JsonObject', jsonObjectMethods],
      ['JsonArray', jsonArrayMethods],
      ['JsonToken', jsonTokenMethods],
      ['JsonValue', jsonValueMethods],
    ]);
    const system: Registry = new Map([...platformSystemMethods, ...systemMethods]);
    this.registries = { system, any: anyMethods, byKind: (k) => kinds.get(k) ?? this.platform.registryFor(k), describe: (t) => this.platform.describe(t) };
    setGlobalsFactory((obj) => () => this.newGlobals(obj));
  }

  // ------------------------------------------------------------------------------------------------------
  // Loading
  // ------------------------------------------------------------------------------------------------------

  load(files: { path: string; text: string }[], options?: { preprocessorSymbols?: string[] }): LoadResult {
    const errors: LoadResult['errors'] = [];
    const decls: ObjectDecl[] = [];
    for (const f of files) {
      if (/app\.json$/i.test(f.path)) {
        try {
          const app = JSON.parse(f.text) as { id?: string; name?: string; publisher?: string; version?: string };
          if (app.name) this.appName = `${app.name}${app.publisher ? ` by ${app.publisher}` : ''}`;
          this.app = new ModuleInfoValue(app.id ? `{${app.id.replace(/[{}]/g, '').toUpperCase()}}` : undefined, app.name ?? '', app.publisher ?? '', app.version ?? '1.0.0.0');
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
    this.build(decls, errors);
    this.compileErrors = [];
    this.loadStmtStart = this.stmts.length;
    if (this.eagerCompile) {
      for (const o of this.objects) for (const p of this.allProcs(o)) this.compileProc(p);
      errors.push(...this.compileErrors);
    }
    this.evalCache.clear();
    this.reresolveBreakpoints();
    const objects: LoadedObject[] = this.objects.map((o) => ({ type: displayType(o.type), id: o.id, name: o.name, file: o.file }));
    return { objects, errors };
  }

  private allProcs(o: ObjectModel): ProcInfo[] {
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

  private build(decls: ObjectDecl[], errors: LoadResult['errors']): void {
    this.objects = [];
    this.byType = new Map();
    this.tablesByName = new Map();
    this.tableList = [];
    this.subscribers = new Map();
    this.platform = new Platform(decls.flatMap((d) => d.dotnet ?? []));
    const seen = new Map<string, ObjectDecl>();
    for (const d of decls) {
      const key = `${d.type}:${d.id || d.name.toLowerCase()}`;
      if (seen.has(key) && d.id) {
        errors.push({ file: d.file, line: d.loc.line, character: d.loc.character, message: `${d.type} ${d.id} is declared twice (also in ${seen.get(key)!.file}); the first one is used` });
        continue;
      }
      seen.set(key, d);
      const o: ObjectModel = {
        decl: d, type: d.type, id: d.id, name: d.name, file: d.file, procs: new Map(), triggers: new Map(), globals: slotsOf(d.globals, false, 'g'),
        extensions: [], singleInstance: /^true$/i.test(d.properties.get('singleinstance')?.text ?? ''), controlTriggers: new Map(), fieldTriggerProcs: [],
      };
      this.objects.push(o);
      let m = this.byType.get(o.type);
      if (!m) this.byType.set(o.type, (m = new Map()));
      m.set(o.name.toLowerCase(), o);
      if (o.id) m.set(String(o.id), o);
    }
    // Extensions find their base objects.
    for (const o of this.objects) {
      const baseType = { tableextension: 'table', pageextension: 'page', enumextension: 'enum', reportextension: 'report' }[o.type];
      if (!baseType || !o.decl.extends) continue;
      const base = this.findObject(baseType, o.decl.extends);
      if (!base) {
        errors.push({ file: o.file, line: o.decl.loc.line, character: o.decl.loc.character, message: `${o.type} ${o.name} extends ${o.decl.extends}, which is not in the workspace` });
        continue;
      }
      o.base = base;
      base.extensions.push(o);
    }
    // Enums first (tables need their members), then tables, then procedures.
    for (const o of this.objects) if (o.type === 'enum') this.buildEnum(o);
    for (const o of this.objects) {
      if (o.type !== 'table') continue;
      const tm = buildTable(o, (t) => this.membersOf(t), (p, name, extra) => this.procInfo(p.obj, p.decl, name, extra), errors);
      o.table = tm;
      this.tablesByName.set(o.name.toLowerCase(), tm);
      if (o.id) this.tablesByName.set(String(o.id), tm);
      this.tableList.push(tm);
      for (const ext of o.extensions) ext.table = tm;
    }
    for (const o of this.objects) {
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
    for (const o of this.objects) this.collectSubscribers(o);
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
        const target = this.objectRefOf(obj, objType);
        const evName = ev && ev.k === 'lit' ? String(ev.value).toLowerCase() : '';
        if (!target || !evName) continue;
        const key = `${objType === 'table' ? 'table' : objType}:${target}:${evName}`;
        const list = this.subscribers.get(key);
        if (list) list.push(p);
        else this.subscribers.set(key, [p]);
      }
    }
  }

  private objectRefOf(e: Expr | undefined, objType: string): string | undefined {
    if (!e) return undefined;
    if (e.k === 'lit') return String(e.value);
    if (e.k === 'scope') {
      const t = e.left.toLowerCase() === 'database' ? 'table' : e.left.toLowerCase();
      const o = this.findObject(t, e.right);
      return o ? String(o.id) : undefined;
    }
    void objType;
    return undefined;
  }

  subscribersOf(publisher: ProcInfo): ProcInfo[] {
    const o = publisher.obj.base ?? publisher.obj;
    const type = o.type === 'table' ? 'table' : o.type;
    return this.subscribers.get(`${type}:${o.id}:${publisher.name.toLowerCase()}`) ?? [];
  }

  tableEventSubscribers(tableId: number, event: string): ProcInfo[] {
    return this.subscribers.get(`table:${tableId}:${event}`) ?? [];
  }

  tableTriggers(t: TableModel, name: string): ProcInfo[] {
    const o = this.findObject('table', String(t.def.id));
    const p = o?.triggers.get(name);
    return p ? [p] : [];
  }

  // ------------------------------------------------------------------------------------------------------
  // Compilation
  // ------------------------------------------------------------------------------------------------------

  compileProc(p: ProcInfo): ProcFn {
    if (p.fn) return p.fn;
    const c = new ProcCompiler(this, p);
    try {
      p.fn = c.compile();
    } catch (e) {
      const err = toAlError(e);
      p.compileError = err.info.text;
      const loc = err.info.location ?? toSourceLocation(p.decl.loc);
      this.compileErrors.push({ file: loc.file, line: loc.line, character: loc.character, message: err.info.text });
      p.fn = function* (): Generator<unknown, unknown, unknown> {
        yield* [];
        throw err;
      } as ProcFn;
    }
    for (const e of c.errors) this.compileErrors.push(e);
    return p.fn;
  }

  addStmt(loc: Loc, pi: ProcInfo): number {
    const st: StmtInfo = { id: this.stmts.length, loc, proc: pi };
    if (st.id >= this.breakpointFlags.length) {
      const bigger = new Uint8Array(this.breakpointFlags.length * 2);
      bigger.set(this.breakpointFlags);
      this.breakpointFlags = bigger;
    }
    this.stmts.push(st);
    let l = this.stmtsByFile.get(loc.file);
    if (!l) this.stmtsByFile.set(loc.file, (l = []));
    l.push(st);
    return st.id;
  }

  typeDesc(t: TypeRef, from: ObjectModel): TypeDesc {
    let m = this.typeDescs.get(t);
    if (!m) this.typeDescs.set(t, (m = new Map()));
    let d = m.get(from);
    if (d) return d;
    const n = normType(t);
    d = { name: n.name, length: n.length, temporary: n.temporary, of: n.of, ref: n, optionMembers: n.optionMembers };
    if (n.dims) {
      d.dims = n.dims;
      d.elem = this.typeDesc({ ...n, dims: undefined }, from);
    } else if (n.name === 'Record') {
      d.table = this.tableByName(n.subtype ?? '');
      if (!d.table) throw unsupported(`Record ${n.subtype} (no such table in the workspace)`);
    } else if (n.name === 'Codeunit') {
      d.obj = this.findObject('codeunit', n.subtype ?? '');
      if (!d.obj) throw unsupported(`Codeunit ${n.subtype} (no such codeunit in the workspace)`);
    } else if (n.name === 'Enum') {
      const e = this.findObject('enum', n.subtype ?? '');
      d.obj = e;
      d.enumDefault = e?.enumValues?.[0]?.ordinal ?? 0;
    } else if (n.name === 'Label') {
      d.label = n.subtype ?? '';
    } else if (n.name === 'Page' || n.name === 'Report') {
      const kind = n.name;
      const target = this.findObject(kind.toLowerCase(), n.subtype ?? '');
      d.obj = target;
      d.factory = () => new ClientObjectVar(kind, target, n.subtype ?? '');
    } else if (n.name === 'DotNet') {
      // A DotNet variable holds no instance until it is assigned one (IsNull is true).
      d.factory = () => null;
    } else if (n.name === 'TestPage') {
      const page = this.findObject('page', n.subtype ?? '');
      d.obj = page;
      d.factory = () => new TestPageValue(this, page, n.subtype ?? '');
    }
    m.set(from, d);
    return d;
  }

  tableByName(nameOrId: string): TableModel | undefined {
    return this.tablesByName.get(nameOrId.toLowerCase());
  }

  findObject(type: string, nameOrId: string): ObjectModel | undefined {
    return this.byType.get(type)?.get(nameOrId.toLowerCase());
  }

  memberOrdinal(t: TypeRef, name: string, _from: ObjectModel): number | undefined {
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

  tables(): TableDef[] {
    return this.tableList.map((t) => t.def);
  }

  // ------------------------------------------------------------------------------------------------------
  // Instances and sessions
  // ------------------------------------------------------------------------------------------------------

  newGlobals(obj: ObjectModel): Record<string, unknown> {
    const g: Record<string, unknown> = {};
    for (const s of obj.globals) {
      try {
        g[s.key] = def(undefined as never, this.typeDesc(s.type, obj));
      } catch (e) {
        g[s.key] = undefined;
        void e;
      }
    }
    return g;
  }

  newInstance(obj: ObjectModel): Instance {
    return new Instance(obj, this.newGlobals(obj));
  }

  sessionState(s: SessionServices): SessionState & { workDate?: number } {
    let st = this.sessions.get(s);
    if (!st) this.sessions.set(s, (st = { singleInstances: new Map() }));
    return st;
  }

  workDate(rt: Rt): number | undefined {
    return this.sessionState(rt.services).workDate;
  }

  setWorkDate(rt: Rt, d: number): void {
    this.sessionState(rt.services).workDate = d;
  }

  random(max: number): number {
    if (max < 1) return 0;
    // xorshift32: deterministic per engine (Randomize reseeds), so runs replay.
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return (this.seed % max) + 1;
  }

  randomize(seed?: number): void {
    this.seed = (seed ?? Date.now()) >>> 0 || 1;
  }

  newGuid(): string {
    return createGuid();
  }

  clearValue(rt: Rt, x: unknown, t: TypeRef | undefined): void {
    if (x instanceof AlRecord) return x.clear();
    if (x instanceof AlList) return void (x.items = []);
    if (x instanceof AlDictionary) return void x.map.clear();
    if (x instanceof CodeunitVar) return void (x.inst = undefined);
    if (Array.isArray(x)) {
      const elem = t ? { ...normType(t), dims: undefined } : undefined;
      for (let i = 0; i < x.length; i++) x[i] = elem ? def(rt, this.typeDesc(elem, rt.frames[rt.frames.length - 1]?.pi.obj ?? this.objects[0])) : undefined;
      return;
    }
    const ref = x as { v: unknown };
    if (!t) {
      ref.v = ref.v instanceof Variant ? new Variant(undefined, undefined) : typeof ref.v === 'number' ? 0 : typeof ref.v === 'string' ? '' : typeof ref.v === 'boolean' ? false : ref.v;
      return;
    }
    const from = rt.frames[rt.frames.length - 1]?.pi.obj ?? this.objects[0];
    ref.v = def(rt, this.typeDesc(t, from));
  }

  clearAll(rt: Rt): void {
    const f = rt.frames[rt.frames.length - 1];
    const self = f?.self;
    if (self instanceof Instance) {
      const fresh = this.newGlobals(self.obj);
      for (const k of Object.keys(fresh)) self.g[k] = fresh[k];
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Executions
  // ------------------------------------------------------------------------------------------------------

  start(services: SessionServices, entry: EntryPoint, debug: DebugPolicy): Execution {
    return new Rt(this, services, debug, (rt) => this.entryBody(rt, entry));
  }

  private *entryBody(rt: Rt, entry: EntryPoint): Generator<unknown, unknown, unknown> {
    switch (entry.kind) {
      case 'codeunitRun': {
        const obj = this.findObject('codeunit', String(entry.codeunit));
        if (!obj) throw new AlError(`Codeunit ${String(entry.codeunit)} does not exist in the workspace.`, 'ObjectNotFound');
        const rec = entry.record instanceof AlRecord ? entry.record : undefined;
        // The codeunit the runtime starts with: an Install or Upgrade codeunit installs or upgrades the app.
        const kind = codeunitSubtype(obj);
        if (kind === 'install' || kind === 'upgrade') yield* runAppTriggers(this, rt, obj, kind);
        else yield* this.runCodeunitOnRun(rt, obj, rec);
        return undefined;
      }
      case 'pageTrigger':
        return yield* asPage(entry.page).runTrigger(rt, entry.trigger, entry.args ?? []);
      case 'pageAction':
        return yield* asPage(entry.page).runAction(rt, entry.action);
      case 'pageFieldValidate':
        return yield* asPage(entry.page).validateField(rt, entry.field, entry.value);
      case 'procedure':
        return yield* this.callProcedure(rt, entry.codeunit, entry.procedure, entry.args ?? []);
    }
  }

  private *callProcedure(rt: Rt, codeunit: number | string, name: string, args: unknown[]): Generator<unknown, unknown, unknown> {
    const obj = this.findObject('codeunit', String(codeunit));
    if (!obj) throw new AlError(`Codeunit ${String(codeunit)} does not exist in the workspace.`, 'ObjectNotFound');
    const procs = obj.procs.get(name.toLowerCase()) ?? [];
    // Overloads: the one with as many parameters whose types take the given JS values (simple values only).
    const simple = (t: TypeRef) => isScalarType(normType(t)) && !t.dims;
    const p = procs.find((x) => x.decl.params.length === args.length && x.decl.params.every((par) => simple(par.type))) ?? procs.find((x) => x.decl.params.length === args.length) ?? procs[0];
    if (!p) throw new AlError(`Codeunit ${obj.name} has no procedure ${name}.`, 'ObjectNotFound');
    const values = p.decl.params.map((par, i) => {
      const t = normType(par.type);
      let v = i < args.length ? args[i] : def(rt, this.typeDesc(t, obj));
      if (t.name === 'Decimal' && typeof v === 'number') v = helpers.toDec(v);
      if (t.name === 'Code' && typeof v === 'string') v = v.toUpperCase().trim();
      return par.byRef && isScalarType(t) && !t.dims ? { v } : v;
    });
    const inst = rt.codeunitInstanceFor(obj);
    const fn = p.fn ?? this.compileProc(p);
    const result = yield* fn(rt, inst, values);
    return { result, args: values.map((v, i) => (p.decl.params[i].byRef && v && typeof v === 'object' && 'v' in v ? (v as { v: unknown }).v : v)) };
  }

  *runCodeunitOnRun(rt: Rt, obj: ObjectModel, rec: AlRecord | undefined): Generator<unknown, void, unknown> {
    switch (codeunitSubtype(obj)) {
      case 'test':
        return yield* runTestCodeunit(this, rt, obj);
      case 'testrunner':
        return yield* runTestRunner(this, rt, obj, rec);
      case 'upgrade':
        return refuseRunningUpgradeCodeunit(obj);
      default:
        break;
    }
    const inst = rt.codeunitInstanceFor(obj);
    yield* this.runOnRunOf(rt, inst, rec);
  }

  *runOnRunOf(rt: Rt, inst: Instance, rec: AlRecord | undefined): Generator<unknown, void, unknown> {
    const onRun = inst.obj.triggers.get('onrun');
    if (rec) inst.rec = rec;
    else if (!inst.rec) {
      const tn = inst.obj.decl.properties.get('tableno')?.text;
      const tm = tn ? this.tableByName(tn) : undefined;
      if (tm) inst.rec = new AlRecord(tm, false);
    }
    if (!onRun) return;
    const fn = onRun.fn ?? this.compileProc(onRun);
    yield* fn(rt, inst, []);
  }

  openPage(services: SessionServices, page: number | string): PageInstance {
    const o = this.findObject('page', String(page));
    if (!o) throw new AlError(`Page ${String(page)} does not exist in the workspace.`, 'ObjectNotFound');
    return new PageRuntime(this, services, o);
  }

  // ------------------------------------------------------------------------------------------------------
  // Breakpoints and evaluation
  // ------------------------------------------------------------------------------------------------------

  setBreakpoints(file: string, specs: BreakpointSpec[]): ResolvedBreakpoint[] {
    const old = this.bpSpecs.get(file) ?? [];
    for (const b of old) if (b.stmt !== undefined) {
      const rest = (this.bpByStmt.get(b.stmt) ?? []).filter((x) => x !== b);
      if (rest.length) this.bpByStmt.set(b.stmt, rest);
      else {
        this.bpByStmt.delete(b.stmt);
        this.breakpointFlags[b.stmt] = 0;
      }
    }
    const entries = specs.map((spec) => {
      // Keep hit counts of unchanged breakpoints (same line and conditions) across updates.
      const prev = old.find((b) => b.spec.line === spec.line && b.spec.condition === spec.condition && b.spec.hitCondition === spec.hitCondition);
      return { id: prev?.id ?? nextBreakpointId++, spec, hits: prev?.hits ?? 0 } as BreakpointEntry;
    });
    this.bpSpecs.set(file, entries);
    return entries.map((b) => this.resolve(file, b));
  }

  private resolve(file: string, b: BreakpointEntry): ResolvedBreakpoint {
    b.stmt = undefined;
    const stmts = this.stmtsByFile.get(file) ?? [];
    // Only statements of the current load count (older ones belong to code replaced by a reload).
    let best: StmtInfo | undefined;
    for (const s of stmts) {
      if (s.loc.line < b.spec.line || s.id < this.loadStmtStart) continue;
      if (!best || s.loc.line < best.loc.line || (s.loc.line === best.loc.line && s.id < best.id)) best = s;
    }
    if (!best || best.loc.line > b.spec.line + 20) return { id: b.id, verified: false, line: b.spec.line, message: 'No executable AL statement at or after this line.' };
    b.stmt = best.id;
    const here = this.bpByStmt.get(best.id);
    if (here) here.push(b);
    else this.bpByStmt.set(best.id, [b]);
    this.breakpointFlags[best.id] = 1;
    return { id: b.id, verified: true, line: best.loc.line };
  }

  private loadStmtStart = 0;

  private reresolveBreakpoints(): void {
    this.bpByStmt.clear();
    this.breakpointFlags.fill(0);
    for (const [file, entries] of this.bpSpecs) for (const b of entries) this.resolve(file, b);
  }

  hasBreakpoints(): boolean {
    return this.bpByStmt.size > 0;
  }

  breakpointsAt(stmt: number): BreakpointEntry[] | undefined {
    return this.bpByStmt.get(stmt);
  }

  /** Conditions, hit counts and log messages are evaluated here, in the innermost frame. */
  breakpointHit(bp: BreakpointEntry, rt: Rt, _stmt: number): boolean {
    const frame = rt.frames[rt.frames.length - 1];
    if (bp.spec.condition) {
      try {
        const r = this.evaluateInFrame(rt, frame, bp.spec.condition);
        const v = r.value instanceof Variant ? r.value.value : r.value;
        if (v !== true) return false;
      } catch {
        // A condition that cannot be evaluated stops (so the user sees why).
      }
    }
    bp.hits++;
    if (bp.spec.hitCondition && !hitConditionMet(bp.spec.hitCondition, bp.hits)) return false;
    if (bp.spec.logMessage !== undefined) {
      const text = bp.spec.logMessage.replace(/\{([^}]+)\}/g, (_m, expr: string) => {
        try {
          const r = this.evaluateInFrame(rt, frame, expr);
          return displayOf(this, r.value, r.type);
        } catch (e) {
          return `<${toAlError(e).info.text}>`;
        }
      });
      const st = this.stmts[frame.s];
      rt.policy.log?.(text, toSourceLocation(st ? st.loc : frame.pi.decl.loc));
      return false;
    }
    return true;
  }

  /** Evaluates an AL expression in a frame's scope with side effects refused (debugger evaluate, conditions). */
  evaluateInFrame(rt: Rt, frame: Frame, text: string): { value: unknown; type?: TypeRef } {
    const key = `${frame.pi.id}\u0000${text}`;
    let fn = this.evalCache.get(key);
    let type: TypeRef | undefined;
    if (!fn) {
      const expr = parseExpressionText(text);
      const c = new ProcCompiler(this, frame.pi);
      const compiled = c.compileExpression(expr);
      fn = compiled.fn;
      type = compiled.type;
      (fn as unknown as { type?: TypeRef }).type = type;
      this.evalCache.set(key, fn);
    } else type = (fn as unknown as { type?: TypeRef }).type;
    const saved = { n: rt.n, d: rt.d, ep: rt.ep, evalMode: rt.evalMode };
    rt.d = 0;
    rt.evalMode = true;
    try {
      const g = fn(rt, frame.self, frame.L);
      const r = g.next();
      if (!r.done) throw new AlError('This expression cannot be evaluated here: it would have to wait or run AL code.');
      return { value: r.value, type };
    } finally {
      rt.n = saved.n;
      rt.d = saved.d;
      rt.ep = saved.ep;
      rt.evalMode = saved.evalMode;
    }
  }

  /** A detached execution context (page field values): no frames of its own, never pauses. */
  detachedRt(services: SessionServices): Rt {
    return new Rt(this, services, { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' }, function* () {
      yield* [];
      return undefined;
    });
  }
}

/** A log point's `{expr}` value: Format of the value (texts unquoted). */
function displayOf(engine: EngineImpl, v: unknown, t: TypeRef | undefined): string {
  const inner = v instanceof Variant ? v.value : v;
  if (typeof inner === 'string') return inner;
  try {
    return formatAny(v, t, (x) => engine.membersOf(x));
  } catch {
    return displayValue(v, t, (x) => engine.membersOf(x));
  }
}

function hitConditionMet(cond: string, hits: number): boolean {
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(cond);
  if (!m) return true;
  const n = parseInt(m[2], 10);
  switch (m[1]) {
    case '>=': return hits >= n;
    case '<=': return hits <= n;
    case '>': return hits > n;
    case '<': return hits < n;
    case '%': return n > 0 && hits % n === 0;
    default: return hits === n;
  }
}

function asPage(p: PageInstance): PageRuntime {
  if (!(p instanceof PageRuntime)) throw new AlError('The page instance was not created by this engine.');
  return p;
}

function displayType(t: string): string {
  const map: Record<string, string> = { table: 'Table', tableextension: 'TableExtension', page: 'Page', pageextension: 'PageExtension', codeunit: 'Codeunit', enum: 'Enum', enumextension: 'EnumExtension', interface: 'Interface', report: 'Report', query: 'Query', xmlport: 'XmlPort' };
  return map[t] ?? t;
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

/** Parses an expression typed in the debugger (or a breakpoint condition) through the real parser. */
function parseExpressionText(text: string): Expr {
  const src = `codeunit 1 __Eval\n{\n    trigger OnRun()\n    begin\n        __EvalResult(${text});\n    end;\n}\n`;
  const parsed = parseFile(src);
  if (parsed.errors.length) throw new AlError(`The expression is not valid AL: ${parsed.errors[0].message}`);
  const lw = new Lowerer(src, '<evaluate>', parsed.lineMap);
  const [o] = lw.objects(parsed.root);
  const st = o?.procedures[0]?.body[0];
  if (!st || st.k !== 'expr' || st.e.k !== 'call' || st.e.args.length !== 1) throw new AlError('The expression is not valid AL.');
  return st.e.args[0];
}
