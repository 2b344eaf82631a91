// Boolean locals whose value at a point of a procedure is known: a local starts false, a literal assignment sets it,
// and an event publisher called with it as a `var` argument sets it when a subscriber the path bound with
// BindSubscription assigns that parameter a literal (Microsoft's demo data binds a subscriber setting `HideDialog := true`
// for Purch.-Post (Yes/No)'s OnBeforeConfirmPost). Anything else that may change it makes it unknown.
import type { Expr, Procedure, Span, Stmt } from './ir';
import { nameKey } from './names';
import { lookupVar, resolveCall, type ProcRef } from './resolve';
import { forEachExpr, stmtExprs } from './visit';
import { declarationEpoch } from './declarations';
import type { WsObject, Workspace } from './workspace';

/** A write to a local: a literal, unknown (null), or what the bound subscribers of an event do (resolved per path). */
type Write = { k: 'value'; v: boolean | null } | { k: 'event'; target: ProcRef; param: string };

interface LocalEvent extends Span {
  write: Write;
  /** The branches (then/else bodies, case branches, loop bodies) the write sits in. */
  within: Span[];
}

interface ProcLocals {
  /** Lower-cased Boolean local name -> writes in textual order. */
  writes: Map<string, LocalEvent[]>;
  loops: Span[];
  /** BindSubscription / UnbindSubscription of codeunit variables, in textual order. */
  binds: { start: number; codeunit: string; bind: boolean }[];
}

const cache = new WeakMap<Workspace, { version: number; map: Map<Procedure, ProcLocals> }>();

function procLocals(ws: Workspace, ref: ProcRef): ProcLocals {
  let c = cache.get(ws);
  if (!c || c.version !== ws.version) cache.set(ws, (c = { version: ws.version, map: new Map() }));
  let pl = c.map.get(ref.proc);
  if (!pl) {
    pl = collect(ws, ref);
    c.map.set(ref.proc, pl);
  }
  return pl;
}

function isEventPublisher(p: Procedure): boolean {
  return p.attributes.includes('integrationevent') || p.attributes.includes('businessevent') || p.attributes.includes('internalevent');
}

function collect(ws: Workspace, ref: ProcRef): ProcLocals {
  const { obj, proc } = ref;
  const bools = new Set(proc.locals.filter((l) => l.type.name === 'boolean').map((l) => l.name.toLowerCase()));
  const ret = returnVar(proc);
  if (ret) bools.add(ret);
  const out: ProcLocals = { writes: new Map(), loops: [], binds: [] };
  const within: Span[] = [];
  const add = (name: string, at: Span, write: Write) => {
    const k = name.toLowerCase();
    if (!bools.has(k) || (k !== ret && lookupVar(ws, obj, proc, name)?.scope !== 'local')) return;
    let l = out.writes.get(k);
    if (!l) out.writes.set(k, (l = []));
    l.push({ start: at.start, end: at.end, write, within: [...within] });
  };
  const onCall = (call: Expr & { k: 'call' }) => {
    const callee = call.callee;
    const bare = callee.k === 'ident' ? callee.name.toLowerCase() : callee.k === 'member' && callee.obj.k === 'ident' && callee.obj.name.toLowerCase() === 'session' ? callee.name.toLowerCase() : undefined;
    if ((bare === 'bindsubscription' || bare === 'unbindsubscription') && call.args[0]?.k === 'ident') {
      const v = lookupVar(ws, obj, proc, (call.args[0] as Expr & { k: 'ident' }).name);
      if (v?.type.name === 'codeunit' && v.type.subtype) out.binds.push({ start: call.start, codeunit: nameKey(v.type.subtype), bind: bare === 'bindsubscription' });
    }
    const args = call.args.map((a, i) => [a, i] as const).filter(([a]) => a.k === 'ident' && bools.has(a.name.toLowerCase()));
    if (args.length === 0) return;
    const res = resolveCall(ws, obj, proc, call);
    for (const [a, i] of args) {
      const name = (a as Expr & { k: 'ident' }).name;
      if (res.kind === 'proc') {
        for (const t of res.targets) {
          const p = t.proc.params[i];
          if (!p || !p.isVar) continue;
          add(name, call, isEventPublisher(t.proc) && res.targets.length === 1 ? { k: 'event', target: t, param: p.name.toLowerCase() } : { k: 'value', v: null });
        }
      } else add(name, call, { k: 'value', v: null }); // a system method may write it (Evaluate(B, ...))
    }
  };
  const visit = (s: Stmt | undefined): void => {
    if (!s) return;
    if (s.k === 'assign' && s.target.k === 'ident') {
      const v = s.op === ':=' && s.value.k === 'literal' && s.value.type === 'boolean' ? s.value.value.toLowerCase() === 'true' : null;
      add(s.target.name, s, { k: 'value', v });
    }
    for (const e of stmtExprs(s)) forEachExpr(e, (x) => x.k === 'call' && onCall(x));
    const inner = (b: Stmt | undefined) => {
      if (!b) return;
      within.push({ start: b.start, end: b.end });
      visit(b);
      within.pop();
    };
    switch (s.k) {
      case 'block':
        s.stmts.forEach(visit);
        break;
      case 'if':
        inner(s.then);
        inner(s.else);
        break;
      case 'case':
        s.branches.forEach((b) => inner(b.body));
        inner(s.else);
        break;
      case 'while':
      case 'for':
      case 'foreach':
        out.loops.push({ start: s.start, end: s.end });
        inner(s.body);
        break;
      case 'repeat':
        out.loops.push({ start: s.start, end: s.end });
        within.push({ start: s.start, end: s.end });
        s.body.forEach(visit);
        within.pop();
        break;
      case 'with':
        visit(s.body);
        break;
    }
  };
  visit(proc.body);
  for (const l of out.writes.values()) l.sort((a, b) => a.start - b.start);
  return out;
}

const deciders = new WeakMap<Workspace, { version: number; map: Map<string, boolean> }>();

/**
 * Whether a codeunit has a subscriber that writes a Boolean var parameter: only binding such a codeunit can decide a
 * local, so only those are carried along the path (each bound set is a walk context of its own).
 */
function decides(ws: Workspace, codeunit: string, read: (file: string) => void): boolean {
  const cu = ws.find('codeunit', codeunit);
  if (cu) read(cu.file);
  let c = deciders.get(ws);
  if (!c || c.version !== ws.version) deciders.set(ws, (c = { version: ws.version, map: new Map() }));
  let d = c.map.get(codeunit);
  if (d === undefined) {
    d = !!cu && cu.procedures.some((p) => p.subscribes && p.params.some((q) => q.isVar && q.type.name === 'boolean' && subscriberWrite(p, q.name.toLowerCase()) !== null));
    c.map.set(codeunit, d);
  }
  return d;
}

/** The codeunits bound with BindSubscription on the path at `pos`: the caller's, plus this procedure's before it. */
export function boundAt(ws: Workspace, ref: ProcRef, inherited: readonly string[] | undefined, pos: number, read: (file: string) => void): string[] | undefined {
  const { binds } = procLocals(ws, ref);
  if (binds.length === 0) return inherited as string[] | undefined;
  const set = new Set(inherited ?? []);
  for (const b of binds) {
    if (b.start >= pos) break;
    if (!decides(ws, b.codeunit, read)) continue;
    if (b.bind) set.add(b.codeunit);
    else set.delete(b.codeunit);
  }
  return set.size ? [...set].sort() : undefined;
}

/** The value of a Boolean local just before `pos`, or undefined when it is not known. */
export function localValueAt(ws: Workspace, ref: ProcRef, name: string, pos: number, bound: readonly string[] | undefined, read: (file: string) => void): boolean | undefined {
  const key = name.toLowerCase();
  if (key !== returnVar(ref.proc)) {
    const v = lookupVar(ws, ref.obj, ref.proc, name);
    if (!v || v.scope !== 'local' || v.type.name !== 'boolean') return undefined;
  }
  const pl = procLocals(ws, ref);
  const writes = pl.writes.get(key);
  let value: boolean | undefined = false; // AL initializes locals
  if (!writes) return value;
  const around = pl.loops.filter((l) => l.start <= pos && pos < l.end);
  for (const w of writes) {
    const before = w.end <= pos;
    const maybe = !before && w.start > pos && around.some((l) => w.start < l.end);
    if (!before && !maybe) continue;
    const wv = writeValue(ws, w.write, bound, read);
    if (wv === 'same') continue;
    // A write that surely ran before `pos` sets the value; one in a branch that may not have run merges with it.
    const sure = before && w.within.every((b) => b.start <= pos && pos < b.end);
    if (sure) value = wv;
    else if (value !== wv) value = undefined;
  }
  return value;
}

/** The Boolean named return variable of a procedure (lower-cased), a local in all but name. */
export function returnVar(p: Procedure): string | undefined {
  return p.returnName && p.returnType?.name === 'boolean' ? p.returnName.toLowerCase() : undefined;
}

function writeValue(ws: Workspace, w: Write, bound: readonly string[] | undefined, read: (file: string) => void): boolean | undefined | 'same' {
  if (w.k === 'value') return w.v ?? undefined;
  if (!bound || bound.length === 0) return testHook(ws, w.target) ? 'same' : undefined;
  let out: boolean | undefined | null = null; // null: no bound subscriber writes it
  for (const name of bound) {
    const cu = ws.find('codeunit', name);
    if (!cu) continue;
    for (const p of cu.procedures) {
      if (!p.subscribes || !subscribesTo(ws, p.subscribes, w.target)) continue;
      read(cu.file);
      if (!p.params.some((q) => q.name.toLowerCase() === w.param)) continue;
      const v = subscriberWrite(p, w.param);
      if (v === null) continue;
      if (out === null) out = v;
      else if (out !== v) out = undefined;
    }
  }
  if (out === null) return testHook(ws, w.target) ? 'same' : undefined;
  return out;
}

const subscriberIndex = new WeakMap<Workspace, { epoch: number; map: Map<string, WsObject[]>; hooks: Map<Procedure, boolean> }>();

/** Publisher event -> the objects holding its subscribers; rebuilt when some file's declarations change. */
function subscribersOf(ws: Workspace, target: ProcRef): WsObject[] {
  const epoch = declarationEpoch(ws);
  let c = subscriberIndex.get(ws);
  if (!c || c.epoch !== epoch) {
    const map = new Map<string, WsObject[]>();
    for (const f of ws.files.values())
      for (const o of f.objects)
        for (const p of o.procedures) {
          const s = p.subscribes;
          if (!s) continue;
          const k = `${s.objectKind}:${/^\d+$/.test(s.object) ? s.object : nameKey(s.object)}:${s.event.toLowerCase()}`;
          let l = map.get(k);
          if (!l) map.set(k, (l = []));
          l.push(o);
        }
    subscriberIndex.set(ws, (c = { epoch, map, hooks: new Map() }));
  }
  const t = target.obj;
  return [...(c.map.get(`${t.kind}:${nameKey(t.name)}:${target.proc.name.toLowerCase()}`) ?? []), ...(c.map.get(`${t.kind}:${t.id}:${target.proc.name.toLowerCase()}`) ?? [])];
}

/**
 * An event only test codeunits (Subtype = Test) subscribe to is a test hook (`OnIsTestMode(TestMode)`): in the
 * product's own sessions nobody answers it, so its var parameters keep their values. An event without any subscriber
 * stays open: another app may answer it.
 */
function testHook(ws: Workspace, target: ProcRef): boolean {
  const cached = subscriberIndex.get(ws);
  if (cached && cached.epoch === declarationEpoch(ws)) {
    const known = cached.hooks.get(target.proc);
    if (known !== undefined) return known;
  }
  const subs = subscribersOf(ws, target);
  const hooks = subscriberIndex.get(ws)!.hooks;
  let h = hooks.get(target.proc);
  if (h === undefined) {
    h = subs.length > 0 && subs.every((o) => o.kind === 'codeunit' && (o.properties.get('subtype')?.value ?? '').toLowerCase() === 'test');
    hooks.set(target.proc, h);
  }
  return h;
}

function subscribesTo(ws: Workspace, s: NonNullable<Procedure['subscribes']>, target: ProcRef): boolean {
  if (s.event.toLowerCase() !== target.proc.name.toLowerCase() || s.objectKind !== target.obj.kind) return false;
  if (/^\d+$/.test(s.object)) return target.obj.id === Number(s.object);
  const o: WsObject | undefined = ws.find(target.obj.kind, s.object, target.obj.file);
  return o === target.obj;
}

/** What a subscriber leaves in its var parameter: a literal assigned at its top level, unknown for any other write, null if untouched. */
function subscriberWrite(p: Procedure, param: string): boolean | undefined | null {
  let out: boolean | undefined | null = null;
  const top = p.body?.k === 'block' ? p.body.stmts : [];
  const visit = (s: Stmt | undefined, atTop: boolean): void => {
    if (!s) return;
    if (s.k === 'assign' && s.target.k === 'ident' && s.target.name.toLowerCase() === param) {
      out = atTop && s.op === ':=' && s.value.k === 'literal' && s.value.type === 'boolean' && out === null ? s.value.value.toLowerCase() === 'true' : undefined;
    }
    for (const e of stmtExprs(s))
      forEachExpr(e, (x) => {
        if (x.k === 'call' && x.args.some((a) => a.k === 'ident' && a.name.toLowerCase() === param)) out = undefined;
      });
    if (s.k === 'block') s.stmts.forEach((c) => visit(c, false));
    else if (s.k === 'if') {
      visit(s.then, false);
      visit(s.else, false);
    } else if (s.k === 'case') {
      s.branches.forEach((b) => visit(b.body, false));
      visit(s.else, false);
    } else if (s.k === 'while' || s.k === 'for' || s.k === 'foreach' || s.k === 'with') visit(s.body, false);
    else if (s.k === 'repeat') s.body.forEach((c) => visit(c, false));
  };
  for (const s of top) visit(s, true);
  return out;
}
