// The interpreter's Engine: the facade the scheduler, sessions and tests hold. It loads a workspace (loader.ts),
// compiles every procedure once (compiler.ts against the registries of registries.ts), resolves types, creates
// instances, starts executions and opens pages, and forwards breakpoints and evaluation to breakpoints.ts.
// Method libraries never import it: they see the engine through RuntimeEngine (runtimeEngine.ts).
import type { BreakpointSpec, CoverageCounts, DebugPolicy, Engine, EntryPoint, Execution, LoadResult, LoadedObject, PageInstance, ResolvedBreakpoint, SessionServices, TableDef } from '../contracts';
import type { Loc, TypeRef } from './ast';
import { AlError, toAlError, unsupported } from './errors';
import type { ObjectModel, ProcFn, ProcInfo, StmtInfo, TableModel } from './model';
import { toSourceLocation } from './model';
import { ProcCompiler } from './compiler';
import type { Registries } from './engineModel';
import type { RuntimeEngine } from './runtimeEngine';
import { helpers, def } from './helpers';
import type { TypeDesc } from './typeDesc';
import { isScalarType, normType } from './typeNames';
import { Rt, type Frame, type SessionState } from './rt';
import { heldBytes } from './heldMemory';
import { CodeunitVar, Instance, ModuleInfoValue, Variant } from './objects';
import { AlRecord, setGlobalsFactory } from './record';
import { AlDictionary, AlList } from './collections';
import { PageRuntime } from './page';
import { createGuid } from '../values/guid';
import { TestPageValue } from './testPage';
import { ClientObjectVar } from './clientObjects';
import { codeunitSubtype, requiredTestIsolationOf, refuseRunningUpgradeCodeunit, runAppTriggers, runTestCodeunit, runTestRunner, testCasesOf } from './codeunitSubtypes';
import { parseSources, Workspace } from './loader';
import { Breakpoints, type BreakpointEntry } from './breakpoints';
import { registries } from './registries';
import { Platform, platformDeclarations, platformDefaults } from '../platform';
import { AppObjects } from './appObjects';
import type { AppSet } from '../../language/apps/loader';

export class EngineImpl implements Engine, RuntimeEngine {
  readonly helpers = helpers;
  /** The platform layer (src/runtime/platform): the loaded workspace's DotNet aliases and the emulated types. */
  platform = new Platform();
  /** The shared registries, plus the platform's receiver kinds (`DotNet:<alias>`, which depend on the workspace). */
  readonly registries: Registries = { ...registries, byKind: (k) => registries.byKind(k) ?? this.platform.registryFor(k), describe: (t) => this.platform.describe(t) };
  private readonly ws = new Workspace();
  private readonly bps = new Breakpoints(this);
  private sessions = new WeakMap<SessionServices, SessionState & { workDate?: number }>();
  private typeDescs = new WeakMap<TypeRef, Map<ObjectModel, TypeDesc>>();
  private seed = 0x2545f491;
  private compileErrors: LoadResult['errors'] = [];
  appName = 'AL Session Lab workspace';
  private app = new ModuleInfoValue(undefined, 'AL Session Lab workspace', '', '1.0.0.0');

  /** The workspace app as ModuleInfo (NavApp.GetCurrentModuleInfo/GetCallerModuleInfo): a copy per call. */
  moduleInfo(): ModuleInfoValue {
    return new ModuleInfoValue(this.app.id, this.app.name, this.app.publisher, this.app.version);
  }
  /** Compile every procedure at load (default) so load errors and breakpoints are known up front. */
  eagerCompile = true;
  coverageCounts: Uint32Array | undefined;

  /** Counts every statement run from now on (the statement table is complete: procedures compile at load). */
  startCoverage(): void {
    for (const o of this.ws.objects) for (const p of this.ws.allProcs(o)) this.compileProc(p);
    this.coverageCounts = new Uint32Array(Math.max(1024, this.stmts.length * 2));
  }

  stopCoverage(): void {
    this.coverageCounts = undefined;
  }

  coverage(): CoverageCounts | undefined {
    const counts = this.coverageCounts;
    if (!counts) return undefined;
    const statements: CoverageCounts['statements'] = [];
    for (let i = this.bps.loadStmtStart; i < this.stmts.length; i++) {
      const st = this.stmts[i];
      const d = st.proc.decl.loc;
      statements.push({ id: st.id, file: st.loc.file, line: st.loc.line, character: st.loc.character, endLine: st.loc.endLine, endCharacter: st.loc.endCharacter, proc: st.proc.name, procLine: d.line, procCharacter: d.character });
    }
    return { statements, counts };
  }

  constructor() {
    setGlobalsFactory((obj) => () => this.newGlobals(obj));
  }

  /** Append-only: executions started before a reload keep pointing at their statements. */
  get stmts(): StmtInfo[] {
    return this.bps.stmts;
  }

  /** 1 at the statement ids that have a breakpoint: the statement hook's inline check. Grows with stmts. */
  get breakpointFlags(): Uint8Array {
    return this.bps.flags;
  }

  // ------------------------------------------------------------------------------------------------------
  // Loading (loader.ts)
  // ------------------------------------------------------------------------------------------------------

  /** Called with tables built after load (a dependency's table reached for the first time). */
  set onTablesAdded(fn: ((tables: TableDef[]) => void) | undefined) {
    this.ws.onTablesAdded = fn;
  }
  get onTablesAdded(): ((tables: TableDef[]) => void) | undefined {
    return this.ws.onTablesAdded;
  }

  load(files: { path: string; text: string }[], options?: { preprocessorSymbols?: string[]; apps?: AppSet }): LoadResult {
    const errors: LoadResult['errors'] = [];
    const { decls, app } = parseSources(files, options, errors);
    if (app) {
      if (app.name) this.appName = `${app.name}${app.publisher ? ` by ${app.publisher}` : ''}`;
      this.app = new ModuleInfoValue(app.id, app.name, app.publisher, app.version);
    }
    this.ws.apps = options?.apps ? new AppObjects(options.apps, this.ws, () => this.stmts) : undefined;
    const dotnet = this.ws.apps ? this.ws.apps.dotnetDecls() : [];
    this.platform = new Platform([...decls, ...dotnet].flatMap((d) => d.dotnet ?? []));
    // BC's system tables (Field, AllObj, User, Integer...) that neither the workspace nor a dependency declares.
    // Dependencies load lazily, so their code is not scanned for the tables it mentions: with apps, all of them.
    const index = this.ws.apps?.set.index;
    decls.push(...platformDeclarations(decls, index ? undefined : files, (type, id) => !!index?.find(type, String(id))));
    this.ws.build(decls, errors);
    this.platform.attachTables(this.ws.tableList, (db) => ({
      tables: () => this.ws.tableList,
      objects: () => this.ws.objects,
      apps: () => [{ id: this.app.id ?? '{00000000-0000-0000-0000-000000000000}', name: this.app.name, publisher: this.app.publisher, version: this.app.version }],
      companies: () => [db?.defaultCompany || 'CRONUS', ...(db?.companies() ?? []).filter((c) => c !== (db?.defaultCompany ?? '').toLowerCase())],
    }));
    this.compileErrors = [];
    this.bps.beginLoad();
    if (this.eagerCompile) {
      // The workspace's own code compiles up front; a dependency's compiles when it is first called.
      const own = new Set(decls);
      for (const o of [...this.ws.objects]) if (own.has(o.decl)) for (const p of this.ws.allProcs(o)) this.compileProc(p);
      errors.push(...this.compileErrors);
    }
    this.bps.endLoad();
    const objects: LoadedObject[] = this.ws.objects.map((o) => ({ type: displayType(o.type), id: o.id, name: o.name, file: o.file }));
    if (this.ws.apps) {
      const listed = new Set(objects.map((o) => `${o.type}:${o.id || o.name}`));
      for (const e of this.ws.apps.set.index.entries) {
        const o = { type: displayType(e.type), id: e.id, name: e.name, file: e.file };
        if (!listed.has(`${o.type}:${o.id || o.name}`)) objects.push(o);
      }
    }
    return { objects, errors };
  }

  /** How much of the dependencies is loaded so far: files parsed, objects built (bench:load and the tests ask). */
  lazyStats(): { parsedFiles: number; objects: number; errors: LoadResult['errors'] } | undefined {
    const apps = this.ws.apps;
    return apps ? { parsedFiles: apps.parsedFiles, objects: this.ws.objects.length, errors: apps.errors } : undefined;
  }

  /** Procedures compiled so far (bench:load: what opening a page reached). */
  compiledProcedureCount(): number {
    let n = 0;
    for (const o of this.ws.objects) for (const p of this.ws.allProcs(o)) if (p.fn) n++;
    return n;
  }

  /** Loads every object of the dependencies and compiles every procedure; the problems found (bench:load). */
  compileEverything(): LoadResult['errors'] {
    const apps = this.ws.apps;
    if (apps) for (const e of apps.set.index.entries) this.ws.findObject(e.type, e.id ? String(e.id) : e.name);
    this.compileErrors = [];
    for (const o of [...this.ws.objects]) for (const p of this.ws.allProcs(o)) this.compileProc(p);
    return [...(apps?.errors ?? []), ...this.compileErrors];
  }

  accessProblem(target: ObjectModel, from: ObjectModel, procedure?: ProcInfo): string | undefined {
    return this.ws.apps?.accessProblem(target, from, procedure);
  }

  ensureTable(nameOrId: string): boolean {
    return this.ws.tableByName(nameOrId) !== undefined;
  }

  subscribersOf(publisher: ProcInfo): ProcInfo[] {
    return this.ws.subscribersOf(publisher);
  }

  tableEventSubscribers(tableId: number, event: string): ProcInfo[] {
    return this.ws.tableEventSubscribers(tableId, event);
  }

  tableTriggers(t: TableModel, name: string): ProcInfo[] {
    return this.ws.tableTriggers(t, name);
  }

  tableByName(nameOrId: string): TableModel | undefined {
    return this.ws.tableByName(nameOrId);
  }

  findObject(type: string, nameOrId: string): ObjectModel | undefined {
    return this.ws.findObject(type, nameOrId);
  }

  memberOrdinal(t: TypeRef, name: string, _from: ObjectModel): number | undefined {
    return this.ws.memberOrdinal(t, name);
  }

  /** Option/enum display names by ordinal (captions for enums, as Format shows them). */
  membersOf(t: TypeRef): string[] | undefined {
    return this.ws.membersOf(t);
  }

  enumEntries(t: TypeRef | undefined): { ordinal: number; name: string }[] {
    return this.ws.enumEntries(t);
  }

  /** What a session holds in AL values: its call's frames (locals, the instances' globals) and its single instances. */
  heldMemory(services: SessionServices, exec: Execution | undefined): { bytes: number; nodes: number } {
    const roots: unknown[] = [];
    const st = this.sessions.get(services);
    if (st) roots.push(...st.singleInstances.values());
    if (exec instanceof Rt) for (const f of exec.frames) roots.push(f.L, f.self);
    return heldBytes(roots);
  }

  tables(): TableDef[] {
    return this.ws.tableList.map((t) => t.def);
  }

  testCases(): ReturnType<typeof testCasesOf> {
    return testCasesOf(this.ws.objects);
  }

  // ------------------------------------------------------------------------------------------------------
  // Compilation
  // ------------------------------------------------------------------------------------------------------

  compileProc(p: ProcInfo): ProcFn {
    if (p.fn) return p.fn;
    const noSource = this.ws.apps?.symbolsOnlyError(p);
    if (noSource) return (p.fn = noSource);
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
    return this.bps.addStmt(loc, pi);
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
    } else if (platformDefaults[n.name]) {
      d.factory = platformDefaults[n.name];
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
      for (let i = 0; i < x.length; i++) x[i] = elem ? def(rt, this.typeDesc(elem, rt.frames[rt.frames.length - 1]?.pi.obj ?? this.ws.objects[0])) : undefined;
      return;
    }
    const ref = x as { v: unknown };
    if (!t) {
      ref.v = ref.v instanceof Variant ? new Variant(undefined, undefined) : typeof ref.v === 'number' ? 0 : typeof ref.v === 'string' ? '' : typeof ref.v === 'boolean' ? false : ref.v;
      return;
    }
    const from = rt.frames[rt.frames.length - 1]?.pi.obj ?? this.ws.objects[0];
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
      case 'pageRecord':
        return yield* asPage(entry.page).recordOp(rt, entry.op);
      case 'procedure':
        return yield* this.callProcedure(rt, entry.codeunit, entry.procedure, entry.args ?? []);
      case 'testCodeunit': {
        const obj = this.findObject('codeunit', String(entry.codeunit));
        if (!obj) throw new AlError(`Codeunit ${String(entry.codeunit)} does not exist in the workspace.`, 'ObjectNotFound');
        if (codeunitSubtype(obj) !== 'test') throw new AlError(`Codeunit ${obj.name} is not a test codeunit (Subtype = Test).`, 'NavCSideException');
        yield* runTestCodeunit(this, rt, obj, { isolation: entry.isolation ?? requiredTestIsolationOf(obj), tests: entry.tests });
        return undefined;
      }
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
  // Breakpoints and evaluation (breakpoints.ts)
  // ------------------------------------------------------------------------------------------------------

  setBreakpoints(file: string, specs: BreakpointSpec[]): ResolvedBreakpoint[] {
    return this.bps.setBreakpoints(file, specs);
  }

  hasBreakpoints(): boolean {
    return this.bps.hasBreakpoints();
  }

  breakpointsAt(stmt: number): BreakpointEntry[] | undefined {
    return this.bps.breakpointsAt(stmt);
  }

  /** Conditions, hit counts and log messages are evaluated in the innermost frame. */
  breakpointHit(bp: BreakpointEntry, rt: Rt, _stmt: number): boolean {
    return this.bps.breakpointHit(bp, rt);
  }

  /** Evaluates an AL expression in a frame's scope with side effects refused (debugger evaluate, conditions). */
  evaluateInFrame(rt: Rt, frame: Frame, text: string): { value: unknown; type?: TypeRef } {
    return this.bps.evaluateInFrame(rt, frame, text);
  }

  /** A detached execution context (page field values): no frames of its own, never pauses. */
  detachedRt(services: SessionServices): Rt {
    return new Rt(this, services, { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' }, function* () {
      yield* [];
      return undefined;
    });
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
