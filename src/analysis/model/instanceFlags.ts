// Instance flags: what the Boolean globals of an object instance (a codeunit or record variable) hold where the walk
// reaches code running on that instance. `X.SetHideDialog(true); X.Import();` makes `if not HideDialog then Confirm(..)`
// inside X dead, and a flag nobody set on a fresh instance (a local variable, a new session's codeunit) is false.
//
// Model: the state of an instance at a call is its state where the variable came from (a local or a codeunit run by
// Codeunit.Run is fresh: every Boolean global false; a var parameter carries the caller's state; anything else is
// unknown), updated by what the procedure did to the variable before the call: calls on it (what the called procedure
// assigns to its object's globals, through its own calls), passing it to a var parameter (what the callee does to
// its parameter), assignment or other use (unknown). The effects of earlier statements apply in textual order
// whatever the conditions around them: a caller that sets a HideDialog-style flag on some path is taken to have meant
// the call to run without dialogs. Effects in a loop around the call also count as possibly earlier (unknown).
import type { Expr, Procedure, Span, Stmt } from './ir';
import { lookupVar, resolveCall, type ProcRef, type ResolvedCall } from './resolve';
import { forEachExpr, stmtExprs } from './visit';
import { prop, type WsObject, type Workspace } from './workspace';
import { builtinByKey } from '../../language/builtins';

/** What an instance's Boolean globals (lower-cased names) hold: unlisted ones are false when fresh, unknown if not. */
export interface InstState {
  fresh: boolean;
  vals: ReadonlyMap<string, boolean | undefined>;
}

export const unknownState: InstState = { fresh: false, vals: new Map() };
export const freshState: InstState = { fresh: true, vals: new Map() };

/** A value written to a flag: a literal, the procedure's i-th argument (number), or unknown (null). */
type Eff = boolean | number | null;

/** What running something does to an instance's flags. */
interface Effects {
  flags: Map<string, Eff>;
  /** The instance may be replaced or copied over: every flag unknown. */
  reset: boolean;
  /** The variable gets a new instance (Clear on a codeunit variable). */
  fresh: boolean;
  /** Files whose code the effects were read from (for the incremental walk's dependencies). */
  deps: Set<string>;
}

/** An effect at a place of a procedure; computed on first use (summaries reach into other objects' code). */
interface Event extends Span {
  effects: () => Effects;
}

function lazy(f: () => Effects): () => Effects {
  let v: Effects | undefined;
  return () => (v ??= f());
}

const constant = (e: Effects) => () => e;

interface ProcEvents {
  /** Effects on the procedure's own instance: assignments to its object's Boolean globals, calls of its procedures. */
  self: Event[];
  /** Effects on record/codeunit variables (lower-cased names). */
  vars: Map<string, Event[]>;
  loops: Span[];
}

const emptyEffects = (): Effects => ({ flags: new Map(), reset: false, fresh: false, deps: new Set() });

interface Caches {
  version: number;
  events: Map<Procedure, ProcEvents>;
  self: Map<Procedure, Effects>;
  params: Map<Procedure, Map<number, Effects>>;
  triggers: Map<WsObject, Effects>;
  inProgress: Set<Procedure>;
}

const cachesByWs = new WeakMap<Workspace, Caches>();

function caches(ws: Workspace): Caches {
  let c = cachesByWs.get(ws);
  if (!c || c.version !== ws.version) {
    c = { version: ws.version, events: new Map(), self: new Map(), params: new Map(), triggers: new Map(), inProgress: new Set() };
    cachesByWs.set(ws, c);
  }
  return c;
}

export function stateSig(s: InstState | undefined): string {
  if (!s || (!s.fresh && s.vals.size === 0)) return '';
  const vals = [...s.vals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v === undefined ? '?' : v ? 1 : 0}`);
  return `${s.fresh ? 'F' : 'U'}${vals.join(',')}`;
}

const testedCache = new WeakMap<Workspace, { version: number; map: Map<WsObject, Set<string>> }>();

/**
 * The Boolean globals an object's code reads (the object, its base object and the base's extensions): the only flags
 * worth tracking on its instances. Keeps the states, and so the walk's contexts, few. Found in the source text (a
 * name used other than in its declaration or as the target of `:=`), so that no procedure body has to be parsed;
 * a mention in a comment only keeps a flag that did not need keeping.
 */
export function testedFlags(ws: Workspace, obj: WsObject): Set<string> {
  let c = testedCache.get(ws);
  if (!c || c.version !== ws.version) testedCache.set(ws, (c = { version: ws.version, map: new Map() }));
  let set = c.map.get(obj);
  if (set) return set;
  set = new Set<string>();
  const base = ws.baseObject(obj) ?? obj;
  const family = [base, ...ws.extensionsOf(base)];
  if (!family.includes(obj)) family.push(obj);
  const bools = new Map<string, string>();
  for (const o of family) for (const g of o.globals) if (g.type.name === 'boolean') bools.set(g.name.toLowerCase(), g.name);
  if (bools.size > 0) {
    for (const o of family) {
      const text = ws.files.get(o.file)?.text.slice(o.start, o.end);
      if (!text) continue;
      for (const [key, name] of bools) {
        if (set.has(key)) continue;
        const re = new RegExp(`(?<![A-Za-z0-9_"])("?)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1(?![A-Za-z0-9_])(?!\\s*:(?!:))`, 'gi');
        if (re.test(text)) set.add(key);
      }
    }
  }
  c.map.set(obj, set);
  return set;
}

/** Whether an object's instances carry a flag its code reads (otherwise their state is not worth tracking). */
export function hasFlags(ws: Workspace, obj: WsObject): boolean {
  return testedFlags(ws, obj).size > 0;
}

/** Only the tested flags, and for an instance of unknown origin only the known ones; undefined when nothing is known. */
export function normalize(ws: Workspace, obj: WsObject, st: InstState | undefined): InstState | undefined {
  if (!st) return undefined;
  const tested = testedFlags(ws, obj);
  if (tested.size === 0) return undefined;
  let vals: Map<string, boolean | undefined> | undefined;
  for (const [k, v] of st.vals) {
    if (tested.has(k) && (st.fresh || v !== undefined)) continue;
    if (!vals) vals = new Map(st.vals);
    vals.delete(k);
  }
  const out = vals ? { fresh: st.fresh, vals } : st;
  return out.fresh || out.vals.size > 0 ? out : undefined;
}

function isSingleInstance(obj: WsObject | undefined): boolean {
  return !!obj && obj.kind === 'codeunit' && (prop(obj, 'singleinstance') ?? '').toLowerCase() === 'true';
}

/** The value of a global Boolean flag in a state. */
export function flagValue(s: InstState | undefined, name: string): boolean | undefined {
  if (!s) return undefined;
  const key = name.toLowerCase();
  if (s.vals.has(key)) return s.vals.get(key);
  return s.fresh ? false : undefined;
}

/** A frame as this module sees it: where the code runs and what its instance and parameters hold on entry. */
export interface FlagFrame {
  ref: ProcRef;
  bindings: Map<string, boolean>;
  self?: InstState;
  params?: Map<string, InstState>;
}

/** The state of the frame's own instance just before `pos` (offset in the frame's procedure). */
export function selfStateAt(ws: Workspace, f: FlagFrame, pos: number, read: (file: string) => void): InstState {
  const ev = procEvents(ws, f.ref);
  return applyEvents(f.self ?? unknownState, ev.self, ev.loops, pos, f, read);
}

/** The state of the instance a variable of the frame holds just before `pos`. */
export function varStateAt(ws: Workspace, f: FlagFrame, name: string, pos: number, read: (file: string) => void): InstState {
  const v = lookupVar(ws, f.ref.obj, f.ref.proc, name);
  if (!v) return unknownState;
  const key = v.name.toLowerCase();
  const { obj } = f.ref;
  if (v.scope === 'implicit' && key === 'rec' && (obj.kind === 'table' || obj.kind === 'tableextension')) return selfStateAt(ws, f, pos, read);
  let base: InstState;
  if (v.scope === 'local') {
    const target = v.type.name === 'codeunit' && v.type.subtype ? ws.find('codeunit', v.type.subtype, obj.file) : undefined;
    if (isSingleInstance(target)) return unknownState;
    base = freshState;
  } else if (v.scope === 'param' || (v.scope === 'implicit' && key === 'rec')) base = f.params?.get(key) ?? unknownState;
  else base = unknownState;
  const ev = procEvents(ws, f.ref);
  return applyEvents(base, ev.vars.get(key) ?? [], ev.loops, pos, f, read);
}

/** The state a codeunit started by `Codeunit.Run(Codeunit::X, ...)` (no variable) runs on. */
export function newInstanceState(obj: WsObject): InstState {
  return isSingleInstance(obj) ? unknownState : freshState;
}

function applyEvents(start: InstState, events: Event[], loops: Span[], pos: number, f: FlagFrame, read: (file: string) => void): InstState {
  if (events.length === 0) return start;
  const around = loops.filter((l) => l.start <= pos && pos < l.end);
  let fresh = start.fresh;
  let vals: Map<string, boolean | undefined> | undefined;
  const set = (k: string, v: boolean | undefined) => {
    if (!vals) vals = new Map(start.vals);
    vals.set(k, v);
  };
  for (const e of events) {
    const before = e.start < pos;
    // An effect later in a loop around the call happened before it in the previous iteration, or not.
    const maybe = !before && e.start > pos && around.some((l) => e.start < l.end);
    if (!before && !maybe) continue;
    const effects = e.effects();
    for (const d of effects.deps) read(d);
    if (effects.reset || (maybe && effects.fresh)) {
      fresh = false;
      vals = new Map();
    } else if (effects.fresh) {
      fresh = true;
      vals = new Map();
    }
    for (const [k, eff] of effects.flags) {
      if (maybe) set(k, undefined);
      else if (typeof eff === 'boolean') set(k, eff);
      else if (typeof eff === 'number') set(k, f.bindings.get(f.ref.proc.params[eff]?.name.toLowerCase() ?? ''));
      else set(k, undefined);
    }
  }
  if (!vals && fresh === start.fresh) return start;
  return { fresh, vals: vals ?? start.vals };
}

// ---- Per-procedure events and summaries ----

function procEvents(ws: Workspace, ref: ProcRef): ProcEvents {
  const c = caches(ws);
  let ev = c.events.get(ref.proc);
  if (!ev) {
    ev = collectEvents(ws, ref);
    c.events.set(ref.proc, ev);
  }
  return ev;
}

/** Record methods that may run the table's triggers (the catalogue's runsTriggers fact on Record). */
function runsTableTriggers(name: string): boolean {
  const e = builtinByKey(name);
  return !!e && e.receiver === 'Record' && e.facts.has('runsTriggers');
}

function collectEvents(ws: Workspace, ref: ProcRef): ProcEvents {
  const { obj, proc } = ref;
  const ev: ProcEvents = { self: [], vars: new Map(), loops: [] };
  const isTable = obj.kind === 'table' || obj.kind === 'tableextension';
  const addVar = (name: string, e: Event) => {
    const k = name.toLowerCase();
    let l = ev.vars.get(k);
    if (!l) ev.vars.set(k, (l = []));
    l.push(e);
  };
  // An object's own code assigning its flags under a condition is state it keeps (an "already archived" mark), not a
  // caller's choice: such an assignment leaves the flag unknown. Calls on other instances keep their effect (above).
  let conditional = 0;
  const pushSelf = (e: Event) => {
    if (conditional === 0) ev.self.push(e);
    else ev.self.push({ ...e, effects: lazy(() => unknownFlags(e.effects())) });
  };
  const trackedVar = (e: Expr): string | undefined => {
    if (e.k !== 'ident') return undefined;
    const v = lookupVar(ws, obj, proc, e.name);
    if (!v || (v.type.name !== 'record' && v.type.name !== 'codeunit')) return undefined;
    return v.name;
  };
  const onCall = (call: Expr & { k: 'call' }) => {
    const res = resolveCall(ws, obj, proc, call);
    const callee = call.callee;
    const at = { start: call.start, end: call.end };
    // Calls on the procedure's own instance, and on record/codeunit variables.
    const recvIdent = callee.k === 'member' && callee.obj.k === 'ident' ? callee.obj.name.toLowerCase() : undefined;
    const onSelf = callee.k === 'ident' || recvIdent === 'this' || (isTable && recvIdent === 'rec');
    if (res.kind === 'proc' && res.via !== 'interface') {
      const sameInstance = onSelf && res.via !== 'codeunit.run' && (!res.receiver || (isTable && res.receiver.name === 'Rec'));
      const recv = !onSelf && recvIdent ? res.receiver : undefined;
      const targets = res.targets;
      const effects = lazy(() => mergeAll(targets.map((t) => substitute(selfEffects(ws, t), call, proc, res))));
      if (sameInstance) pushSelf({ ...at, effects });
      else if (recv && (recv.type.name === 'record' || recv.type.name === 'codeunit')) addVar(recv.name, { ...at, effects });
    } else if (res.kind === 'builtin' && runsTableTriggers(res.name) && res.receiver) {
      const recv = res.receiver;
      const table = recv.type.subtype ? ws.find('table', recv.type.subtype, obj.file) : undefined;
      if (table) {
        const effects = lazy(() => triggerEffects(ws, table));
        if (recv.name === 'Rec' && recv.scope === 'implicit' && isTable) pushSelf({ ...at, effects });
        else addVar(recv.name, { ...at, effects });
      }
    }
    // Variables passed as arguments.
    call.args.forEach((a, i) => {
      // A Boolean global handed to something that may write it (`Evaluate(ShowWindow, Setting)`, a procedure's var
      // parameter): its value now comes from data, so it is unknown from here on. An event's var parameter is left to
      // its subscribers, whom this analysis does not follow (as for HideDialog handed to OnBefore... events).
      const flag = a.k === 'ident' ? lookupVar(ws, obj, proc, a.name) : undefined;
      if (flag && flag.scope === 'global' && flag.type.name === 'boolean') {
        const writes =
          res.kind === 'proc' ? res.targets.some((t) => t.proc.params[i]?.isVar && !isEventPublisher(t.proc)) : res.kind === 'unknown' || builtinWritesArg(res.name, i);
        if (writes) pushSelf({ ...at, effects: constant({ ...emptyEffects(), flags: new Map([[flag.name.toLowerCase(), null]]) }) });
      }
      const name = trackedVar(a);
      if (!name) return;
      if (res.kind === 'proc' && res.via !== 'interface' && res.targets.length > 0) {
        const targets = res.targets;
        addVar(name, {
          ...at,
          effects: lazy(() =>
            mergeAll(
              targets.map((t) => {
                // Codeunit.Run(X, Rec) / V.Run(Rec): the record becomes the codeunit's Rec.
                if (res.via === 'codeunit.run') return effectsOnRec(ws, t, call, proc, res);
                const p = t.proc.params[i];
                if (!p || !p.isVar) return emptyEffects();
                return substitute(paramEffects(ws, t, i), call, proc, res);
              }),
            ),
          ),
        });
      } else if (callee.k === 'ident' && callee.name.toLowerCase() === 'clear') {
        // Clear on a codeunit variable gives it a new instance; on a record, treat its globals as unknown.
        const fresh = lookupVar(ws, obj, proc, name)?.type.name === 'codeunit';
        addVar(name, { ...at, effects: constant({ ...emptyEffects(), fresh, reset: !fresh }) });
      } else if (res.kind !== 'builtin') {
        // Handed to code we cannot see: anything may have happened to it.
        addVar(name, { ...at, effects: constant({ ...emptyEffects(), reset: true }) });
      }
      // A system method (RecRef.SetTable(V), V2.Copy(V), BindSubscription(V), ...) copies data, not the globals of
      // the instance: no effect.
    });
  };
  const visitStmt = (s: Stmt | undefined): void => {
    if (!s) return;
    if (s.k === 'while' || s.k === 'for' || s.k === 'foreach' || s.k === 'repeat') ev.loops.push({ start: s.start, end: s.end });
    if (s.k === 'assign') {
      const t = s.target;
      if (t.k === 'ident') {
        const v = lookupVar(ws, obj, proc, t.name);
        if (v && v.scope === 'global' && v.type.name === 'boolean') {
          const eff = s.op === ':=' ? argEff(s.value, proc) : null;
          pushSelf({ start: s.start, end: s.end, effects: constant({ ...emptyEffects(), flags: new Map([[v.name.toLowerCase(), eff]]) }) });
        } else if (v && (v.type.name === 'record' || v.type.name === 'codeunit')) {
          addVar(v.name, { start: s.start, end: s.end, effects: constant({ ...emptyEffects(), reset: true }) });
        }
      }
    }
    for (const e of stmtExprs(s)) forEachExpr(e, (x) => x.k === 'call' && onCall(x));
    if (s.k === 'block') {
      s.stmts.forEach(visitStmt);
      return;
    }
    conditional++;
    switch (s.k) {
      case 'if':
        visitStmt(s.then);
        visitStmt(s.else);
        break;
      case 'case':
        s.branches.forEach((b) => visitStmt(b.body));
        visitStmt(s.else);
        break;
      case 'while':
      case 'for':
      case 'foreach':
        visitStmt(s.body);
        break;
      case 'repeat':
        s.body.forEach(visitStmt);
        break;
      case 'with':
        conditional--;
        visitStmt(s.body);
        conditional++;
        break;
    }
    conditional--;
  };
  visitStmt(proc.body);
  const byStart = (a: Event, b: Event) => a.start - b.start;
  ev.self.sort(byStart);
  for (const l of ev.vars.values()) l.sort(byStart);
  return ev;
}

function isEventPublisher(p: Procedure): boolean {
  return p.attributes.includes('integrationevent') || p.attributes.includes('businessevent') || p.attributes.includes('internalevent');
}

/** Whether a system method may write its i-th argument: a `var` parameter there in some overload (the catalogue). */
function builtinWritesArg(key: string, i: number): boolean {
  const e = builtinByKey(key);
  // A method the catalogue does not know may do anything to what it is given.
  if (!e) return true;
  return e.overloads.some((o) => o.params[i]?.byRef);
}

/** A Boolean argument as an effect value: a literal, one of the procedure's own parameters, or unknown. */
function argEff(e: Expr | undefined, proc: Procedure): Eff {
  if (!e) return null;
  if (e.k === 'literal' && e.type === 'boolean') return e.value.toLowerCase() === 'true';
  if (e.k === 'ident') {
    const i = proc.params.findIndex((p) => p.name.toLowerCase() === e.name.toLowerCase());
    if (i >= 0 && proc.params[i].type.name === 'boolean' && !proc.params[i].isVar) return i;
  }
  return null;
}

/** Effects of a callee expressed in the caller's terms (literal or caller-parameter arguments). */
function substitute(eff: Effects, call: Expr & { k: 'call' }, caller: Procedure, res: ResolvedCall): Effects {
  const offset = res.kind === 'proc' && res.via === 'codeunit.run' ? 1 : 0;
  const flags = new Map<string, Eff>();
  for (const [k, v] of eff.flags) flags.set(k, typeof v === 'number' ? argEff(call.args[v + offset], caller) : v);
  return { flags, reset: eff.reset, fresh: eff.fresh, deps: eff.deps };
}

function unknownFlags(e: Effects): Effects {
  const flags = new Map<string, Eff>();
  for (const k of e.flags.keys()) flags.set(k, null);
  return { ...e, flags };
}

function merge(a: Effects, b: Effects): Effects {
  const flags = new Map(a.flags);
  for (const [k, v] of b.flags) flags.set(k, flags.has(k) && flags.get(k) !== v ? null : v);
  const deps = a.deps.size === 0 ? b.deps : b.deps.size === 0 ? a.deps : new Set([...a.deps, ...b.deps]);
  // A summary has no order: a new instance somewhere inside is as good as unknown.
  return { flags, reset: a.reset || b.reset || a.fresh || b.fresh, fresh: false, deps };
}

function mergeAll(list: Effects[]): Effects {
  if (list.length === 1) return list[0];
  return list.reduce(merge, emptyEffects());
}

/** What a procedure (with the procedures it calls on the same instance) assigns to its object's Boolean globals. */
function selfEffects(ws: Workspace, ref: ProcRef): Effects {
  const c = caches(ws);
  const known = c.self.get(ref.proc);
  if (known) return known;
  if (c.inProgress.has(ref.proc) || !ref.proc.body) return { ...emptyEffects(), deps: new Set([ref.obj.file]) };
  c.inProgress.add(ref.proc);
  const ev = procEvents(ws, ref);
  let eff: Effects = { ...emptyEffects(), deps: new Set([ref.obj.file]) };
  for (const e of ev.self) eff = merge(eff, e.effects());
  c.inProgress.delete(ref.proc);
  c.self.set(ref.proc, eff);
  return eff;
}

/** What a procedure does to the instance passed as its var parameter `i`. */
function paramEffects(ws: Workspace, ref: ProcRef, i: number): Effects {
  const c = caches(ws);
  let byIndex = c.params.get(ref.proc);
  if (!byIndex) c.params.set(ref.proc, (byIndex = new Map()));
  const known = byIndex.get(i);
  if (known) return known;
  const p = ref.proc.params[i];
  if (!p || !ref.proc.body) return emptyEffects();
  byIndex.set(i, { ...emptyEffects(), deps: new Set([ref.obj.file]) }); // recursion: what is known so far
  const ev = procEvents(ws, ref);
  let eff: Effects = { ...emptyEffects(), deps: new Set([ref.obj.file]) };
  for (const e of ev.vars.get(p.name.toLowerCase()) ?? []) eff = merge(eff, e.effects());
  byIndex.set(i, eff);
  return eff;
}

/** What `Codeunit.Run(X, Rec)` does to the record: what X's OnRun does to its Rec (a var parameter in effect). */
function effectsOnRec(ws: Workspace, onRun: ProcRef, call: Expr & { k: 'call' }, caller: Procedure, res: ResolvedCall): Effects {
  const ev = procEvents(ws, onRun);
  let eff: Effects = { ...emptyEffects(), deps: new Set([onRun.obj.file]) };
  for (const e of ev.vars.get('rec') ?? []) eff = merge(eff, e.effects());
  return substitute(eff, call, caller, res);
}

/** What the triggers of a table (run by Validate, Insert(true), ...) may assign to its globals: all of them merged. */
function triggerEffects(ws: Workspace, table: WsObject): Effects {
  const c = caches(ws);
  const known = c.triggers.get(table);
  if (known) return known;
  c.triggers.set(table, { ...emptyEffects(), deps: new Set([table.file]) });
  let eff: Effects = { ...emptyEffects(), deps: new Set([table.file]) };
  const objs = [table, ...ws.extensionsOf(table)];
  for (const o of objs) {
    for (const p of o.procedures) {
      if (!p.isTrigger) continue;
      const s = selfEffects(ws, { obj: o, proc: p });
      // Trigger parameters are not ours to bind: their effects become unknown.
      const flags = new Map<string, Eff>();
      for (const [k, v] of s.flags) flags.set(k, typeof v === 'number' ? null : v);
      eff = merge(eff, { ...s, flags });
    }
  }
  c.triggers.set(table, eff);
  return eff;
}
