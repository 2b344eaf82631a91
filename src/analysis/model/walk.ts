// The path walker: follows a procedure's statements in order and its calls into other procedures (each visited
// once per context), tracking what the surrounding code guarantees at each call: GuiAllowed() known true,
// CanStartSession known true, Rec positioned, literal arguments deciding branches, temporary records, loops.
import type { PathStep } from '../diagnostic';
import type { Expr, Procedure, Stmt } from './ir';
import { flagValue, hasFlags, newInstanceState, normalize, selfStateAt, stateSig, varStateAt, type InstState } from './instanceFlags';
import { boundAt, localValueAt, returnVar } from './localValues';
import { lookupVar, resolveCall, type ProcRef, type ResolvedCall, type VarInfo } from './resolve';
import { forEachStmt } from './visit';
import type { WsObject, Workspace } from './workspace';

export type CallExpr = Expr & { k: 'call' };

/** What a procedure was called with: literal Boolean arguments and which record parameters hold temporary records. */
export interface Frame {
  ref: ProcRef;
  bindings: Map<string, boolean>;
  tempParams: Set<string>;
  /** The implicit Rec is temporary (a table procedure called on a temporary record). */
  recTemp: boolean;
  /** What the Boolean globals of the instance the procedure runs on hold at entry (WalkSpec.instances). */
  self?: InstState;
  /** The same for record/codeunit var parameters (and a codeunit's Rec), lower-cased names. */
  params?: Map<string, InstState>;
  /** Codeunits bound with BindSubscription on the path (nameKey, sorted): their subscribers run. */
  bound?: string[];
}

/** What is known where a call happens. */
export interface Flow {
  gui: boolean;
  canStart: boolean;
  positioned: boolean;
  /** Global Boolean variables tested by enclosing conditions (object state this analysis does not track). */
  flags: string[];
  /** Enclosing loops, on this path (callers' loops included). */
  loops: Stmt[];
}

export interface Visit {
  call: CallExpr;
  res: ResolvedCall;
  frame: Frame;
  flow: Flow;
  /** The path from the root to this call, this call last. */
  path: PathStep[];
}

/** What is known about the session the walked code runs in. */
export interface WalkEnv {
  /** `ChildSession` for page background tasks, `Background` for sessions, scheduled tasks and job queue entries. */
  clientType?: 'ChildSession' | 'Background';
}

export interface WalkSpec {
  /** Shared by walks whose findings do not depend on the root (keeps the total cost linear). */
  visited: Set<string>;
  env?: WalkEnv;
  /** Called for every call; return true to descend into its procedure targets. */
  onCall(v: Visit): boolean;
  /** Called when a procedure with a body is entered (for dependency tracking). */
  onEnter?(ref: ProcRef): void;
  /** Called for files whose code decided something without being entered (summaries, wrappers), for dependencies. */
  onRead?(file: string): void;
  /**
   * Track the Boolean globals of object instances along the path (model/instanceFlags.ts), so a flag the caller set
   * (`X.SetHideDialog(true)`) or left at its default decides the branches that test it.
   */
  instances?: boolean;
  /** A call that never returns on this path (e.g. Confirm without a client): what follows it is not walked. */
  fails?(v: Visit): boolean;
}

export function procKey(ref: ProcRef): string {
  return `${ref.obj.file}\u0000${ref.proc.start}\u0000${ref.proc.name}`;
}

export function cleanFlow(): Flow {
  return { gui: false, canStart: false, positioned: false, flags: [], loops: [] };
}

export function rootFrame(ref: ProcRef): Frame {
  return { ref, bindings: new Map(), tempParams: new Set(), recTemp: false };
}

export function procLabel(ref: ProcRef, from?: ProcRef): string {
  if (from && (from.obj === ref.obj || from.obj.file === ref.obj.file)) return ref.proc.name;
  const n = /^[A-Za-z_][A-Za-z0-9_]*$/.test(ref.obj.name) ? ref.obj.name : `"${ref.obj.name}"`;
  return `${n}.${ref.proc.name}`;
}

/** Walks from a root procedure. */
export function walk(ws: Workspace, root: ProcRef, spec: WalkSpec, flow: Flow = cleanFlow(), frame: Frame = rootFrame(root)): void {
  // A root runs on a new instance: a new session's codeunit, a job queue's, a page task's.
  if (spec.instances && !frame.self && hasFlags(ws, root.obj)) frame = { ...frame, self: newInstanceState(root.obj) };
  const key = procKey(root) + frameSig(frame);
  if (spec.visited.has(key)) return;
  spec.visited.add(key);
  const w = new Walker(ws, spec);
  w.enter(frame, flow, [{ label: root.proc.name, file: root.obj.file, start: root.proc.nameStart, end: root.proc.nameEnd }], key);
}

function frameSig(f: Frame): string {
  let inst = '';
  if (f.self || f.params || f.bound) {
    inst = stateSig(f.self);
    if (f.params) for (const [k, st] of [...f.params].sort(([a], [b]) => (a < b ? -1 : 1))) inst += `;${k}:${stateSig(st)}`;
    if (f.bound) inst += `;bound:${f.bound.join(',')}`;
    if (inst) inst = `|${inst}`;
  }
  if (f.bindings.size === 0 && f.tempParams.size === 0 && !f.recTemp) return inst;
  return `|${[...f.bindings].map(([k, v]) => `${k}=${v}`).join(',')}|${[...f.tempParams].join(',')}|${f.recTemp}${inst}`;
}

class Walker {
  private readonly atom: ((e: Expr, frame?: Frame) => boolean | undefined) | undefined;
  constructor(
    private readonly ws: Workspace,
    private readonly spec: WalkSpec,
  ) {
    const env = spec.env;
    const read = (file: string) => this.spec.onRead?.(file);
    const envA = env?.clientType ? (e: Expr) => envAtom(ws, env, e, this.current, read) : undefined;
    const flagA = spec.instances ? (e: Expr) => this.flagAtom(e) : undefined;
    this.atom = envA && flagA ? (e) => envA(e) ?? flagA(e) : (envA ?? flagA);
  }
  /** The frame whose statements are being walked (for resolving calls in conditions). */
  private current: Frame | undefined;
  private readonly read = (file: string): void => this.spec.onRead?.(file);
  /** The answers (t/f/u) of the procedures being walked, innermost last (WalkSpec.instances). */
  private readonly exits: Set<string>[] = [];
  /** The context key a call's target was last walked (or found visited) with. */
  private readonly lastKeys = new Map<ProcRef, string>();
  /** What a call expression can answer on the path just walked. */
  private readonly callAnswers = new WeakMap<Expr, Set<string>>();
  /** Set by a call that never returns (WalkSpec.fails) while the current statement's expressions are walked. */
  private failed = false;
  /** Inside the right operand of `and`/`or`: the call may not run, so it cannot make the statement fail. */
  private conditional = 0;

  /**
   * A Boolean global of the current frame's object whose value on this instance is known, a Boolean local's, or a
   * call whose every way out on this path answers the same (`exit(true)` only after a Confirm that fails).
   */
  private flagAtom(e: Expr): boolean | undefined {
    const f = this.current;
    if (e.k === 'call') {
      const a = this.callAnswers.get(e);
      if (a && a.size === 1) return a.has('t') ? true : a.has('f') ? false : undefined;
      return undefined;
    }
    if (!f || e.k !== 'ident') return undefined;
    if (e.name.toLowerCase() === returnVar(f.ref.proc)) return localValueAt(this.ws, f.ref, e.name, e.start, f.bound, this.read);
    const v = lookupVar(this.ws, f.ref.obj, f.ref.proc, e.name);
    if (!v || v.type.name !== 'boolean') return undefined;
    const read = (file: string) => this.spec.onRead?.(file);
    if (v.scope === 'local') return localValueAt(this.ws, f.ref, v.name, e.start, f.bound, read);
    if (v.scope !== 'global' || (!f.self && !hasFlags(this.ws, f.ref.obj))) return undefined;
    return flagValue(selfStateAt(this.ws, f, e.start, read), v.name);
  }

  /** Whether the expressions just walked hit a call that never returns; clears the mark. */
  private takeFailed(): boolean {
    const f = this.failed;
    this.failed = false;
    return f;
  }

  enter(frame: Frame, flow: Flow, path: PathStep[], key?: string): void {
    const body = frame.ref.proc.body;
    if (!body) return;
    this.spec.onEnter?.(frame.ref);
    const guiVars = guiLocals(frame.ref.proc);
    const outer = this.current;
    this.current = frame;
    const track = this.spec.instances && key !== undefined;
    if (track) this.exits.push(new Set());
    const completes = this.stmt(body, frame, flow, path, guiVars);
    if (track) {
      const answers = this.exits.pop()!;
      // Falling off the end answers the named return variable's value (unknown without one: it may be assigned).
      if (completes) {
        const rv = returnVar(frame.ref.proc);
        const v = rv ? localValueAt(this.ws, frame.ref, rv, body.end, frame.bound, this.read) : undefined;
        answers.add(v === true ? 't' : v === false ? 'f' : 'u');
      }
      returnsOf(this.spec.visited).set(key, answers);
    }
    this.current = outer;
  }

  /** Walks one statement; returns false when the statement always leaves the procedure (exit/Error). */
  private stmt(s: Stmt, frame: Frame, flow: Flow, path: PathStep[], guiVars: Set<string>): boolean {
    switch (s.k) {
      case 'block':
        for (const c of s.stmts) {
          if (!this.stmt(c, frame, flow, path, guiVars)) return false;
        }
        return true;
      case 'if': {
        this.expr(s.cond, frame, flow, path);
        if (this.takeFailed()) return false;
        const value = evalBool(s.cond, frame.bindings, this.atom);
        // Flags whose value on this instance is known are decided, not guesses to name.
        const flags = globalBoolFlags(this.ws, frame.ref, s.cond).filter((f) => !this.spec.instances || this.flagAtom({ k: 'ident', name: f, start: s.cond.start, end: s.cond.start }) === undefined);
        const atom = (a: Expr) => isGuiAtom(a, guiVars) || isGuiWrapper(this.ws, frame, a, this.read);
        const thenFlow = branchFlow(flow, s.cond, true, atom, flags);
        const elseFlow = branchFlow(flow, s.cond, false, atom, flags);
        let thenCont = true;
        let elseCont = true;
        if (s.then && value !== false) thenCont = this.stmt(s.then, frame, thenFlow, path, guiVars);
        if (s.else && value !== true) elseCont = this.stmt(s.else, frame, elseFlow, path, guiVars);
        flow.positioned ||= thenFlow.positioned || elseFlow.positioned;
        if (value === true) return thenCont;
        if (value === false) return elseCont;
        // `if C then exit;`: what follows runs only when C is false.
        if (!thenCont && !s.else) {
          flow.gui ||= elseFlow.gui;
          flow.canStart ||= elseFlow.canStart;
          for (const f of flags) if (!flow.flags.includes(f)) flow.flags.push(f);
        }
        if (!elseCont && s.else && thenCont) {
          flow.gui ||= thenFlow.gui;
          flow.canStart ||= thenFlow.canStart;
        }
        return thenCont || elseCont || !s.then;
      }
      case 'case': {
        this.expr(s.expr, frame, flow, path);
        if (this.takeFailed()) return false;
        let anyCont = false;
        for (const b of s.branches) {
          for (const v of b.values) this.expr(v, frame, flow, path);
          this.takeFailed();
          const bf = { ...flow, flags: [...flow.flags] };
          if (this.stmt(b.body, frame, bf, path, guiVars)) anyCont = true;
          flow.positioned ||= bf.positioned;
        }
        if (s.else) {
          const ef = { ...flow, flags: [...flow.flags] };
          if (this.stmt(s.else, frame, ef, path, guiVars)) anyCont = true;
        } else anyCont = true;
        return anyCont;
      }
      case 'while':
      case 'for':
      case 'foreach': {
        if (s.k === 'while') this.expr(s.cond, frame, flow, path);
        else if (s.k === 'for') {
          this.expr(s.from, frame, flow, path);
          this.expr(s.to, frame, flow, path);
        } else this.expr(s.collection, frame, flow, path);
        if (this.takeFailed()) return false;
        if (s.body) {
          const lf = { ...flow, flags: [...flow.flags], loops: [...flow.loops, s] };
          this.stmt(s.body, frame, lf, path, guiVars);
          flow.positioned ||= lf.positioned;
        }
        return true;
      }
      case 'repeat': {
        const lf = { ...flow, flags: [...flow.flags], loops: [...flow.loops, s] };
        let ended = false;
        for (const c of s.body) if (!this.stmt(c, frame, lf, path, guiVars)) {
          ended = true;
          break;
        }
        if (!ended) this.expr(s.cond, frame, lf, path);
        flow.positioned ||= lf.positioned;
        return !this.takeFailed();
      }
      case 'with':
        this.expr(s.expr, frame, flow, path);
        if (this.takeFailed()) return false;
        if (s.body) return this.stmt(s.body, frame, flow, path, guiVars);
        return true;
      case 'assign':
        this.expr(s.target, frame, flow, path);
        this.expr(s.value, frame, flow, path);
        return !this.takeFailed();
      case 'expr': {
        this.expr(s.expr, frame, flow, path);
        return !this.takeFailed() && !isErrorCall(s.expr);
      }
      case 'exit': {
        if (s.value) this.expr(s.value, frame, flow, path);
        const failed = this.takeFailed();
        const answers = this.exits[this.exits.length - 1];
        if (answers && !failed) {
          const rv = returnVar(frame.ref.proc);
          const v = s.value ? evalBool(s.value, frame.bindings, this.atom) : rv ? localValueAt(this.ws, frame.ref, rv, s.start, frame.bound, this.read) : undefined;
          answers.add(v === true ? 't' : v === false ? 'f' : 'u');
        }
        return false;
      }
      default:
        return true;
    }
  }

  private expr(e: Expr, frame: Frame, flow: Flow, path: PathStep[]): void {
    switch (e.k) {
      case 'call': {
        if (e.callee.k === 'member') this.expr(e.callee.obj, frame, flow, path);
        for (const a of e.args) this.expr(a, frame, flow, path);
        this.call(e, frame, flow, path);
        return;
      }
      case 'member':
        this.expr(e.obj, frame, flow, path);
        return;
      case 'index':
        this.expr(e.obj, frame, flow, path);
        for (const a of e.args) this.expr(a, frame, flow, path);
        return;
      case 'unary':
        this.expr(e.operand, frame, flow, path);
        return;
      case 'binary': {
        this.expr(e.left, frame, flow, path);
        const lazyRight = e.op === 'and' || e.op === 'or';
        if (lazyRight) this.conditional++;
        // `A and B`: B runs only when A is true, so A's guarantees hold for calls in B.
        if (e.op === 'and') {
          const rf = branchFlow(flow, e.left, true, (a) => isGuiAtom(a, new Set()) || isGuiWrapper(this.ws, frame, a, this.read), []);
          this.expr(e.right, frame, rf, path);
        } else this.expr(e.right, frame, flow, path);
        if (lazyRight) this.conditional--;
        return;
      }
      case 'other':
        for (const c of e.children) this.expr(c, frame, flow, path);
        return;
      default:
        return;
    }
  }

  private call(e: CallExpr, frame: Frame, flow: Flow, path: PathStep[]): void {
    const { ref } = frame;
    const res = resolveCall(this.ws, ref.obj, ref.proc, e);
    const stepLabel = res.kind === 'proc' && res.targets.length === 1 ? procLabel(res.targets[0], ref) : calleeText(e);
    const here: PathStep[] = [...path, { label: stepLabel, file: ref.obj.file, start: e.start, end: e.end }];
    if (res.kind === 'builtin' && res.receiver?.name === 'Rec' && /^record\.(get|find|findfirst|findlast|findset|insert)$/.test(res.name)) {
      flow.positioned = true;
    }
    const visit: Visit = { call: e, res, frame, flow, path: here };
    const follow = this.spec.onCall(visit);
    if (this.conditional === 0 && this.spec.fails?.(visit)) this.failed = true;
    if (!follow || res.kind !== 'proc') return;
    const failedBefore = this.failed;
    // The callee's own statements run unconditionally once it is called: its failures end its paths.
    const conditionalBefore = this.conditional;
    this.conditional = 0;
    for (const target of res.targets) {
      if (!target.proc.body) continue;
      const callee = calleeFrame(this.ws, frame, target, e, res.receiver);
      if (this.spec.instances) this.instanceStates(frame, callee, e, res);
      const key = procKey(target) + frameSig(callee);
      this.lastKeys.set(target, key);
      if (this.spec.visited.has(key)) continue;
      this.spec.visited.add(key);
      const cf: Flow = { gui: false, canStart: false, positioned: flow.positioned, flags: [], loops: flow.loops };
      const step =
        res.via === 'interface'
          ? [...path, { ...here[here.length - 1], label: `${procLabel(target)} [interface ${res.interfaceName ?? '?'}]` }]
          : res.targets.length > 1
            ? [...path, { ...here[here.length - 1], label: procLabel(target) }]
            : here;
      this.enter(callee, cf, step, key);
      this.current = frame;
      flow.positioned ||= cf.positioned;
    }
    if (this.spec.instances) {
      // What the call can answer on this path (for a condition testing it): the union of its targets' exits.
      const answers = new Set<string>();
      for (const target of res.targets) {
        if (!target.proc.body) answers.add('u');
        else for (const a of returnsOf(this.spec.visited).get(this.lastKeys.get(target) ?? '') ?? ['u']) answers.add(a);
      }
      if (res.targets.length === 0) answers.add('u');
      this.callAnswers.set(e, answers);
    }
    this.failed = failedBefore;
    this.conditional = conditionalBefore;
  }

  /** The instance states a callee starts with: its own instance's and its record/codeunit var parameters'. */
  private instanceStates(caller: Frame, callee: Frame, call: CallExpr, res: ResolvedCall & { kind: 'proc' }): void {
    const ws = this.ws;
    const read = (file: string) => this.spec.onRead?.(file);
    const target = callee.ref;
    const c = call.callee;
    const recvIdent = c.k === 'member' && c.obj.k === 'ident' ? c.obj.name : undefined;
    const callerIsTable = caller.ref.obj.kind === 'table' || caller.ref.obj.kind === 'tableextension';
    if (res.via === 'interface' || !hasFlags(ws, target.obj)) callee.self = undefined;
    else if (res.via === 'codeunit.run' && !res.receiver) callee.self = newInstanceState(target.obj);
    else if (c.k === 'ident' || recvIdent?.toLowerCase() === 'this' || (callerIsTable && recvIdent?.toLowerCase() === 'rec')) {
      // The same instance (an own procedure, or the implicit-with source table's procedure on Rec).
      callee.self = res.receiver && !(callerIsTable && res.receiver.name === 'Rec') ? varStateAt(ws, caller, res.receiver.name, call.start, read) : selfStateAt(ws, caller, call.start, read);
    } else if (recvIdent && res.receiver) callee.self = varStateAt(ws, caller, recvIdent, call.start, read);
    callee.self = normalize(ws, target.obj, callee.self);
    // Var parameters carry the caller's instances; Codeunit.Run(X, Rec) hands the record over as X's Rec.
    const params = new Map<string, InstState>();
    const bind = (name: string, arg: Expr | undefined, obj: WsObject | undefined) => {
      if (!arg || arg.k !== 'ident' || !obj) return;
      const st = normalize(ws, obj, varStateAt(ws, caller, arg.name, call.start, read));
      if (st) params.set(name.toLowerCase(), st);
    };
    if (res.via === 'codeunit.run') {
      const recType = lookupVar(ws, target.obj, target.proc, 'Rec')?.type.subtype;
      const table = recType ? ws.find('table', recType, target.obj.file) : undefined;
      if (table) bind('rec', res.receiver ? call.args[0] : call.args[1], table);
    } else
      for (const i of flagParams(ws, target)) {
        const p = target.proc.params[i];
        bind(p.name, call.args[i], ws.find(p.type.name === 'record' ? 'table' : 'codeunit', p.type.subtype!, target.obj.file));
      }
    callee.params = params.size ? params : undefined;
    callee.bound = boundAt(ws, caller.ref, caller.bound, call.start, read);
  }
}

const returnsByVisited = new WeakMap<Set<string>, Map<string, Set<string>>>();

/** Per visited set (so per group of walks sharing contexts): what each walked context's procedure can answer. */
function returnsOf(visited: Set<string>): Map<string, Set<string>> {
  let m = returnsByVisited.get(visited);
  if (!m) returnsByVisited.set(visited, (m = new Map()));
  return m;
}

const flagParamsCache = new WeakMap<Workspace, { version: number; map: Map<Procedure, number[]> }>();

/** The record/codeunit var parameters of a procedure whose objects carry tested flags (model/instanceFlags.ts). */
function flagParams(ws: Workspace, ref: ProcRef): number[] {
  let c = flagParamsCache.get(ws);
  if (!c || c.version !== ws.version) flagParamsCache.set(ws, (c = { version: ws.version, map: new Map() }));
  let out = c.map.get(ref.proc);
  if (!out) {
    out = [];
    ref.proc.params.forEach((p, i) => {
      if (!p.isVar || (p.type.name !== 'record' && p.type.name !== 'codeunit') || !p.type.subtype) return;
      const o = ws.find(p.type.name === 'record' ? 'table' : 'codeunit', p.type.subtype, ref.obj.file);
      if (o && hasFlags(ws, o)) out!.push(i);
    });
    c.map.set(ref.proc, out);
  }
  return out;
}

export function calleeText(e: CallExpr): string {
  const c = e.callee;
  if (c.k === 'ident') return c.name;
  if (c.k === 'member') {
    const o = c.obj;
    if (o.k === 'ident') return `${o.name}.${c.name}`;
    if (o.k === 'call') return `${calleeText(o)}().${c.name}`;
    return c.name;
  }
  return '?';
}

function isErrorCall(e: Expr): boolean {
  if (e.k !== 'call') return false;
  const c = e.callee;
  if (c.k === 'ident') return c.name.toLowerCase() === 'error';
  return false;
}

/** Builds the callee's frame: literal Boolean arguments and temporary-record arguments are bound to its parameters. */
function calleeFrame(ws: Workspace, caller: Frame, target: ProcRef, call: CallExpr, receiver: VarInfo | undefined): Frame {
  const bindings = new Map<string, boolean>();
  const tempParams = new Set<string>();
  const params = target.proc.params;
  const offset = call.callee.k === 'member' && call.callee.name.toLowerCase() === 'run' && params.length === 0 ? 1 : 0;
  for (let i = 0; i < params.length && i + offset < call.args.length; i++) {
    const p = params[i];
    const a = call.args[i + offset];
    const v = evalBool(a, caller.bindings);
    if (v !== undefined && p.type.name === 'boolean') bindings.set(p.name.toLowerCase(), v);
    if (p.type.name === 'record' && a.k === 'ident' && isTempVar(ws, caller, a.name)) tempParams.add(p.name.toLowerCase());
  }
  let recTemp = false;
  if (receiver && receiver.type.name === 'record') recTemp = isTempInfo(receiver, caller);
  else if (target.obj === caller.ref.obj || target.obj.file === caller.ref.obj.file) recTemp = caller.recTemp;
  return { ref: target, bindings, tempParams, recTemp };
}

/** Whether a variable name in a frame holds a temporary record. */
export function isTempVar(ws: Workspace, frame: Frame, name: string): boolean {
  const v = lookupVar(ws, frame.ref.obj, frame.ref.proc, name);
  return v ? isTempInfo(v, frame) : false;
}

export function isTempInfo(v: VarInfo, frame: Frame): boolean {
  if (v.type.temporary) return true;
  if (v.scope === 'param' && frame.tempParams.has(v.name.toLowerCase())) return true;
  if (v.scope === 'implicit' && v.name === 'Rec' && frame.recTemp) return true;
  return false;
}

/**
 * Facts of the session kind: `CurrentClientType = ClientType::ChildSession` is true in a page background task, and a
 * [TryFunction] that only reads Page.GetBackgroundParameters() succeeds there (Microsoft's way of asking "am I a page
 * task?"). GuiAllowed() is false in every background session.
 */
function envAtom(ws: Workspace, env: WalkEnv, e: Expr, frame: Frame | undefined, read: (file: string) => void, depth = 0): boolean | undefined {
  const isClientType = (x: Expr) =>
    (x.k === 'ident' && x.name.toLowerCase() === 'currentclienttype') ||
    (x.k === 'call' && ((x.callee.k === 'ident' && /^(currentclienttype|getcurrentclienttype)$/i.test(x.callee.name)) || (x.callee.k === 'member' && /^(currentclienttype|getcurrentclienttype)$/i.test(x.callee.name))));
  const clientValue = (x: Expr) => (x.k === 'scope' && x.left.toLowerCase() === 'clienttype' ? x.right.toLowerCase() : undefined);
  if (e.k === 'binary' && (e.op === '=' || e.op === '<>')) {
    const v = isClientType(e.left) ? clientValue(e.right) : isClientType(e.right) ? clientValue(e.left) : undefined;
    if (v === undefined || !env.clientType) return undefined;
    const eq = v === env.clientType.toLowerCase();
    return e.op === '=' ? eq : !eq;
  }
  // `CurrentClientType in [ClientType::Web, ClientType::Phone]`
  if (e.k === 'binary' && e.op === 'in' && env.clientType && isClientType(e.left) && e.right.k === 'other') {
    const values = e.right.children.map(clientValue);
    if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
    return values.includes(env.clientType.toLowerCase());
  }
  if (env.clientType && isGuiAtom(e, new Set())) return false;
  // A Boolean procedure every exit of which answers the same from the session kind (e.g. `IsWebClient()`).
  if (env.clientType && frame && depth < 3 && (e.k === 'call' || e.k === 'ident')) {
    const answer = clientWrapper(ws, env, e, frame, read, depth);
    if (answer !== undefined) return answer;
  }
  if (env.clientType === 'ChildSession' && e.k === 'call' && frame) {
    const r = resolveCall(ws, frame.ref.obj, frame.ref.proc, e);
    if (r.kind === 'proc' && r.targets.length === 1 && r.targets[0].proc.attributes.includes('tryfunction')) {
      const t = r.targets[0];
      let readsParams = false;
      let other = false;
      forEachCallShallow(t.proc.body, (c) => {
        const cr = resolveCall(ws, t.obj, t.proc, c);
        if (cr.kind === 'builtin' && cr.name === 'page.getbackgroundparameters') readsParams = true;
        else other = true;
      });
      if (readsParams && !other) return true;
    }
  }
  return undefined;
}

const clientWrapperCache = new WeakMap<Workspace, { version: number; map: Map<Procedure, Map<string, { answer: boolean | null; files: Set<string> }>> }>();

/**
 * The answer of a Boolean procedure whose body ends in `exit(...)` and every `exit(value)` of which the session kind
 * decides the same way, e.g. `exit(ClientTypeMgt.GetCurrentClientType() in [ClientType::Web, ...])`.
 */
function clientWrapper(ws: Workspace, env: WalkEnv, e: Expr & { k: 'call' | 'ident' }, frame: Frame, read: (file: string) => void, depth: number): boolean | undefined {
  let target: ProcRef | undefined;
  if (e.k === 'ident') target = ws.findProcedure(frame.ref.obj, e.name);
  else {
    const r = resolveCall(ws, frame.ref.obj, frame.ref.proc, e);
    if (r.kind === 'proc' && r.targets.length === 1 && r.via !== 'interface') target = r.targets[0];
  }
  if (!target || target.proc.returnType?.name !== 'boolean' || !target.proc.body || target.proc.body.k !== 'block') return undefined;
  const key = env.clientType ?? '';
  let c = clientWrapperCache.get(ws);
  if (!c || c.version !== ws.version) clientWrapperCache.set(ws, (c = { version: ws.version, map: new Map() }));
  let byEnv = c.map.get(target.proc);
  if (!byEnv) c.map.set(target.proc, (byEnv = new Map()));
  const known = byEnv.get(key);
  if (known) {
    for (const f of known.files) read(f);
    return known.answer ?? undefined;
  }
  // The files the answer was read from (nested wrappers included), replayed on every use for the walk's dependencies.
  const files = new Set<string>([target.obj.file]);
  const entry = { answer: null as boolean | null, files };
  byEnv.set(key, entry); // recursion: unknown
  const readHere = (f: string) => {
    files.add(f);
    read(f);
  };
  read(target.obj.file);
  const stmts = target.proc.body.stmts;
  let answer: boolean | null = null;
  if (stmts.length > 0 && stmts[stmts.length - 1].k === 'exit') {
    const inner = rootFrame(target);
    const values: (boolean | undefined)[] = [];
    forEachStmt(target.proc.body, (st) => {
      if (st.k === 'exit') values.push(st.value ? evalBool(st.value, inner.bindings, (x) => envAtom(ws, env, x, inner, readHere, depth + 1)) : undefined);
    });
    if (values.length > 0 && values.every((v) => v !== undefined && v === values[0])) answer = values[0] ?? null;
  }
  entry.answer = answer;
  return answer ?? undefined;
}

function forEachCallShallow(body: Stmt | undefined, fn: (c: CallExpr) => void): void {
  const visitE = (x: Expr): void => {
    if (x.k === 'call') {
      fn(x);
      x.args.forEach(visitE);
    } else if (x.k === 'member') visitE(x.obj);
    else if (x.k === 'binary') {
      visitE(x.left);
      visitE(x.right);
    } else if (x.k === 'unary') visitE(x.operand);
    else if (x.k === 'other') x.children.forEach(visitE);
  };
  const visitS = (s: Stmt | undefined): void => {
    if (!s) return;
    if (s.k === 'block') s.stmts.forEach(visitS);
    else if (s.k === 'assign') {
      visitE(s.target);
      visitE(s.value);
    } else if (s.k === 'expr') visitE(s.expr);
    else if (s.k === 'exit' && s.value) visitE(s.value);
    else if (s.k === 'if') {
      visitE(s.cond);
      visitS(s.then);
      visitS(s.else);
    }
  };
  visitS(body);
}

/** Tri-state evaluation of a condition from literals, bound parameters and (optionally) facts of the session. */
export function evalBool(e: Expr, bindings: Map<string, boolean>, atom?: (e: Expr) => boolean | undefined): boolean | undefined {
  if (atom) {
    const a = atom(e);
    if (a !== undefined) return a;
  }
  switch (e.k) {
    case 'literal':
      if (e.type === 'boolean') return e.value.toLowerCase() === 'true';
      return undefined;
    case 'ident':
      return bindings.get(e.name.toLowerCase());
    case 'unary': {
      if (e.op !== 'not') return undefined;
      const v = evalBool(e.operand, bindings, atom);
      return v === undefined ? undefined : !v;
    }
    case 'binary': {
      if (e.op !== 'and' && e.op !== 'or') return undefined;
      const l = evalBool(e.left, bindings, atom);
      const r = evalBool(e.right, bindings, atom);
      if (e.op === 'and') return l === false || r === false ? false : l === true && r === true ? true : undefined;
      return l === true || r === true ? true : l === false && r === false ? false : undefined;
    }
    case 'other':
      return e.children.length === 1 ? evalBool(e.children[0], bindings, atom) : undefined;
    default:
      return undefined;
  }
}

/** The flow inside a branch taken when `cond` has the value `truth`. */
function branchFlow(flow: Flow, cond: Expr, truth: boolean, guiAtom: (e: Expr) => boolean, flags: string[]): Flow {
  return {
    gui: flow.gui || implies(cond, truth, guiAtom),
    canStart: flow.canStart || implies(cond, truth, isCanStartAtom),
    positioned: flow.positioned,
    flags: flags.length ? [...flow.flags, ...flags.filter((f) => !flow.flags.includes(f))] : flow.flags,
    loops: flow.loops,
  };
}

/** Whether `e` having the value `truth` guarantees that the atom predicate holds (true). */
export function implies(e: Expr, truth: boolean, atom: (e: Expr) => boolean | 'neg'): boolean {
  switch (e.k) {
    case 'unary':
      return e.op === 'not' ? implies(e.operand, !truth, atom) : false;
    case 'binary':
      if (e.op === 'and') return truth ? implies(e.left, true, atom) || implies(e.right, true, atom) : implies(e.left, false, atom) && implies(e.right, false, atom);
      if (e.op === 'or') return truth ? implies(e.left, true, atom) && implies(e.right, true, atom) : implies(e.left, false, atom) || implies(e.right, false, atom);
      if (e.op === '=' || e.op === '<>') {
        const a = atom(e);
        if (a === true) return e.op === '=' ? truth : !truth;
        return false;
      }
      return false;
    case 'other':
      return e.children.length === 1 ? implies(e.children[0], truth, atom) : false;
    default:
      return truth && atom(e) === true;
  }
}

function isGuiAtom(e: Expr, guiVars: Set<string>): boolean {
  if (e.k === 'ident') return e.name.toLowerCase() === 'guiallowed' || guiVars.has(e.name.toLowerCase());
  if (e.k === 'call') return isGuiAtom(e.callee, guiVars) || (e.callee.k === 'member' && e.callee.name.toLowerCase() === 'guiallowed');
  if (e.k === 'member') return e.name.toLowerCase() === 'guiallowed';
  return false;
}

/** `X.CanStartSession()` or `Session.GetExecutionContext() = ExecutionContext::Normal`. */
function isCanStartAtom(e: Expr): boolean {
  if (e.k === 'call' && e.callee.k === 'member' && /^(canstartsession|cancreatetask)$/i.test(e.callee.name)) return true;
  if (e.k === 'binary' && (e.op === '=' || e.op === '<>')) {
    const isCtx = (x: Expr) => x.k === 'call' && ((x.callee.k === 'member' && x.callee.name.toLowerCase() === 'getexecutioncontext') || (x.callee.k === 'ident' && x.callee.name.toLowerCase() === 'getexecutioncontext'));
    const isNormal = (x: Expr) => x.k === 'scope' && x.left.toLowerCase() === 'executioncontext' && x.right.toLowerCase() === 'normal';
    return (isCtx(e.left) && isNormal(e.right)) || (isCtx(e.right) && isNormal(e.left));
  }
  return false;
}

const guiWrapperCache = new WeakMap<Procedure, boolean>();

/**
 * A call of a Boolean procedure that answers GuiAllowed(): every `exit(value)` in it implies GuiAllowed() (e.g.
 * System Application's `IsGuiAllowed()`, which only lets a test event override the answer).
 */
function isGuiWrapper(ws: Workspace, frame: Frame, e: Expr, read: (file: string) => void): boolean {
  let ref: ProcRef | undefined;
  if (e.k === 'ident') ref = ws.findProcedure(frame.ref.obj, e.name);
  else if (e.k === 'call') {
    const r = resolveCall(ws, frame.ref.obj, frame.ref.proc, e);
    if (r.kind === 'proc' && r.targets.length === 1) ref = r.targets[0];
  }
  const target = ref?.proc;
  if (!ref || !target || target.returnType?.name !== 'boolean') return false;
  // Its body decides: an edit there must invalidate what the walk concluded.
  read(ref.obj.file);
  let known = guiWrapperCache.get(target);
  if (known === undefined) {
    let some = false;
    let all = true;
    // Every exit counts, those in loops and case branches too.
    forEachStmt(target.body, (st) => {
      if (st.k === 'exit' && st.value) {
        if (implies(st.value, true, (a) => isGuiAtom(a, new Set()))) some = true;
        else all = false;
      }
    });
    known = some && all;
    guiWrapperCache.set(target, known);
  }
  return known;
}

const guiLocalsCache = new WeakMap<Procedure, Set<string>>();

/** Boolean locals every assignment of which implies GuiAllowed() (e.g. `ShowUI := GuiAllowed() and not HideDialog`). */
function guiLocals(proc: Procedure): Set<string> {
  let s = guiLocalsCache.get(proc);
  if (s) return s;
  s = new Set<string>();
  const bad = new Set<string>();
  const visit = (st: Stmt | undefined) => {
    if (!st) return;
    switch (st.k) {
      case 'block':
        st.stmts.forEach(visit);
        break;
      case 'if':
        visit(st.then);
        visit(st.else);
        break;
      case 'case':
        st.branches.forEach((b) => visit(b.body));
        visit(st.else);
        break;
      case 'while':
      case 'for':
      case 'foreach':
      case 'with':
        visit(st.body);
        break;
      case 'repeat':
        st.body.forEach(visit);
        break;
      case 'assign':
        if (st.target.k === 'ident') {
          const n = st.target.name.toLowerCase();
          if (st.op === ':=' && implies(st.value, true, (a) => isGuiAtom(a, new Set()))) s!.add(n);
          else bad.add(n);
        }
        break;
    }
  };
  visit(proc.body);
  for (const b of bad) s.delete(b);
  const locals = new Set(proc.locals.filter((l) => l.type.name === 'boolean').map((l) => l.name.toLowerCase()));
  for (const n of [...s]) if (!locals.has(n)) s.delete(n);
  guiLocalsCache.set(proc, s);
  return s;
}

/** Global Boolean variables mentioned by a condition (e.g. `HideDialog`), for messages. */
function globalBoolFlags(ws: Workspace, ref: ProcRef, cond: Expr): string[] {
  const out: string[] = [];
  const visit = (e: Expr) => {
    if (e.k === 'ident') {
      const v = lookupVar(ws, ref.obj, ref.proc, e.name);
      if (v && v.scope === 'global' && v.type.name === 'boolean' && !out.includes(v.name)) out.push(v.name);
    } else if (e.k === 'unary') visit(e.operand);
    else if (e.k === 'binary') {
      visit(e.left);
      visit(e.right);
    } else if (e.k === 'other') e.children.forEach(visit);
  };
  visit(cond);
  return out;
}
