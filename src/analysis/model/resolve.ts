// Name resolution inside a procedure: variables (parameters, locals, globals, Rec/xRec/CurrPage) with their declared
// types, and what a call expression calls (a procedure of some object, several for interfaces, or a system method).
import type { Expr, Procedure, TypeRef } from './ir';
import { nameKey } from './names';
import { prop, type WsObject, type Workspace } from './workspace';
import { catalogue, findBuiltin, globalBuiltin } from '../../language/builtins';

export interface ProcRef {
  obj: WsObject;
  proc: Procedure;
}

export interface VarInfo {
  name: string;
  type: TypeRef;
  scope: 'param' | 'local' | 'global' | 'implicit';
}

/** A resolved call. `builtin` names system methods canonically, e.g. `session.startsession`, `record.modify`. */
export type ResolvedCall =
  | { kind: 'proc'; targets: ProcRef[]; via?: 'interface' | 'codeunit.run'; receiver?: VarInfo; interfaceName?: string }
  | { kind: 'builtin'; name: string; receiver?: VarInfo; receiverExpr?: Expr }
  | { kind: 'unknown' };

const anyType = (name: string, subtype?: string, temporary = false): TypeRef => ({ name, subtype, temporary, text: name });

/** Looks a name up as parameter, local, global (object, then base object for extensions) or implicit variable. */
// Name tables per procedure and object (models are replaced on edit, never mutated, so a WeakMap stays valid).
const procVars = new WeakMap<Procedure, Map<string, VarInfo>>();
const objVars = new WeakMap<WsObject, Map<string, VarInfo>>();

function procTable(proc: Procedure): Map<string, VarInfo> {
  let m = procVars.get(proc);
  if (!m) {
    m = new Map();
    // Locals first, then parameters: a parameter wins over a local of the same name (set last).
    for (const l of proc.locals) m.set(l.name.toLowerCase(), { name: l.name, type: l.type, scope: 'local' });
    for (const p of proc.params) m.set(p.name.toLowerCase(), { name: p.name, type: p.type, scope: 'param' });
    procVars.set(proc, m);
  }
  return m;
}

function objTable(obj: WsObject): Map<string, VarInfo> {
  let m = objVars.get(obj);
  if (!m) {
    m = new Map();
    for (const g of obj.globals) if (!m.has(g.name.toLowerCase())) m.set(g.name.toLowerCase(), { name: g.name, type: g.type, scope: 'global' });
    objVars.set(obj, m);
  }
  return m;
}

export function lookupVar(ws: Workspace, obj: WsObject, proc: Procedure | undefined, name: string): VarInfo | undefined {
  const key = name.toLowerCase();
  if (proc) {
    const v = procTable(proc).get(key);
    if (v) return v;
  }
  const g = objTable(obj).get(key);
  if (g) return g;
  if (obj.kind === 'pageextension' || obj.kind === 'tableextension') {
    const base = ws.baseObject(obj);
    if (base && base !== obj) {
      const bg = objTable(base).get(key);
      if (bg) return bg;
    }
  }
  if (key === 'rec' || key === 'xrec') {
    const table = ws.sourceTableName(obj);
    if (!table) return undefined;
    const base = ws.baseObject(obj) ?? obj;
    const temp =
      (prop(base, 'sourcetabletemporary') ?? '').toLowerCase() === 'true' ||
      (ws.find('table', table, obj.file) ? (prop(ws.find('table', table, obj.file)!, 'tabletype') ?? '').toLowerCase() === 'temporary' : false);
    return { name: key === 'rec' ? 'Rec' : 'xRec', type: anyType('record', table, temp), scope: 'implicit' };
  }
  if (key === 'currpage' && (obj.kind === 'page' || obj.kind === 'pageextension')) return { name: 'CurrPage', type: anyType('currpage'), scope: 'implicit' };
  return undefined;
}

/** A system method called without a receiver (`Message`, `StartSession`, `Commit`): its catalogue key. */
function bareBuiltin(name: string): string | undefined {
  return globalBuiltin(name)?.key;
}

/** Static receivers (`Session.StartSession`, `Page.RunModal`, `TaskScheduler.CreateTask`, ...) from the catalogue. */
function isStaticClass(name: string): boolean {
  return catalogue().staticReceivers.has(name);
}

/** A built-in method of Record (the catalogue's Record entries). */
function isRecordMethod(name: string): boolean {
  return findBuiltin('record', name) !== undefined;
}

/** Resolves a call expression (`k === 'call'`) in the context of a procedure. */
export function resolveCall(ws: Workspace, obj: WsObject, proc: Procedure | undefined, call: Expr & { k: 'call' }): ResolvedCall {
  const callee = call.callee;
  if (callee.k === 'ident') return resolveBare(ws, obj, proc, callee.name, call);
  if (callee.k !== 'member') return { kind: 'unknown' };
  const method = callee.name.toLowerCase();
  const recv = callee.obj;
  if (recv.k === 'ident') {
    const rname = recv.name.toLowerCase();
    if (rname === 'this') {
      const found = ws.findProcedure(obj, callee.name);
      return found ? { kind: 'proc', targets: [found] } : { kind: 'unknown' };
    }
    const v = lookupVar(ws, obj, proc, recv.name);
    if (v) return resolveOnVar(ws, v, method, callee.name, call, recv, obj.file);
    if (isStaticClass(rname)) return resolveStatic(ws, rname, method, call, obj.file);
    if (rname === 'currpage') return { kind: 'builtin', name: `currpage.${method}` };
    return { kind: 'unknown' };
  }
  if (recv.k === 'call') {
    // `Page.GetBackgroundParameters().Get('X')`: a dictionary method on the parameters.
    const inner = resolveCall(ws, obj, proc, recv);
    if (inner.kind === 'builtin' && inner.name === 'page.getbackgroundparameters') return { kind: 'builtin', name: `dictionary.${method}`, receiverExpr: recv };
  }
  if (recv.k === 'member' && recv.obj.k === 'ident' && recv.obj.name.toLowerCase() === 'currpage') {
    // `CurrPage.SomePart.Page.X()`: a part's page; not followed.
    return { kind: 'builtin', name: `currpage.part.${method}` };
  }
  return { kind: 'unknown' };
}

function resolveBare(ws: Workspace, obj: WsObject, proc: Procedure | undefined, name: string, call: Expr & { k: 'call' }): ResolvedCall {
  const found = ws.findProcedure(obj, name);
  if (found) return { kind: 'proc', targets: [found] };
  const key = name.toLowerCase();
  const b = bareBuiltin(key);
  if (b) return { kind: 'builtin', name: b };
  // Inside a table (or table extension) record methods apply to the implicit Rec.
  if ((obj.kind === 'table' || obj.kind === 'tableextension') && isRecordMethod(key)) {
    return { kind: 'builtin', name: `record.${key}`, receiver: lookupVar(ws, obj, proc, 'Rec') };
  }
  // Old code with implicit `with Rec`: procedures of the source table.
  const table = ws.sourceTable(obj);
  if (table && table !== obj) {
    const t = ws.findProcedure(table, name);
    if (t) return { kind: 'proc', targets: [t], receiver: lookupVar(ws, obj, proc, 'Rec') };
  }
  void call;
  return { kind: 'unknown' };
}

function resolveOnVar(ws: Workspace, v: VarInfo, method: string, methodName: string, call: Expr & { k: 'call' }, recvExpr: Expr, from: string): ResolvedCall {
  const t = v.type;
  switch (t.name) {
    case 'record': {
      if (isRecordMethod(method)) return { kind: 'builtin', name: `record.${method}`, receiver: v, receiverExpr: recvExpr };
      const table = t.subtype ? ws.find('table', t.subtype, from) : undefined;
      const found = table && ws.findProcedure(table, methodName);
      return found ? { kind: 'proc', targets: [found], receiver: v } : { kind: 'unknown' };
    }
    case 'codeunit': {
      const cu = t.subtype ? ws.find('codeunit', t.subtype, from) : undefined;
      if (!cu) return { kind: 'unknown' };
      if (method === 'run') {
        const onRun = cu.procedures.find((p) => p.isTrigger && p.name.toLowerCase() === 'onrun');
        return onRun ? { kind: 'proc', targets: [{ obj: cu, proc: onRun }], via: 'codeunit.run', receiver: v } : { kind: 'unknown' };
      }
      const found = ws.findProcedure(cu, methodName);
      return found ? { kind: 'proc', targets: [found], receiver: v } : { kind: 'unknown' };
    }
    case 'page':
    case 'testpage':
      if (method === 'run' || method === 'runmodal') return { kind: 'builtin', name: `page.${method}`, receiver: v };
      {
        const pg = t.subtype ? ws.find('page', t.subtype, from) : undefined;
        const found = pg && ws.findProcedure(pg, methodName);
        return found ? { kind: 'proc', targets: [found] } : { kind: 'unknown' };
      }
    case 'report':
      if (method === 'run' || method === 'runmodal' || method === 'runrequestpage') return { kind: 'builtin', name: `report.${method}`, receiver: v };
      {
        const rp = t.subtype ? ws.find('report', t.subtype, from) : undefined;
        const found = rp && ws.findProcedure(rp, methodName);
        return found ? { kind: 'proc', targets: [found] } : { kind: 'unknown' };
      }
    case 'interface': {
      const targets: ProcRef[] = [];
      for (const impl of ws.implementersOf(t.subtype ?? '')) {
        const p = impl.procedures.find((q) => q.name.toLowerCase() === method && !q.isTrigger);
        if (p) targets.push({ obj: impl, proc: p });
      }
      return { kind: 'proc', targets, via: 'interface', interfaceName: t.subtype };
    }
    case 'dialog':
      return { kind: 'builtin', name: `dialog.${method}`, receiver: v };
    case 'file':
      return { kind: 'builtin', name: `file.${method}`, receiver: v };
    case 'dictionary':
      return { kind: 'builtin', name: `dictionary.${method}`, receiver: v, receiverExpr: recvExpr };
    case 'currpage':
      return { kind: 'builtin', name: `currpage.${method}` };
    default:
      void call;
      return { kind: 'builtin', name: `${t.name}.${method}`, receiver: v };
  }
}

function resolveStatic(ws: Workspace, cls: string, method: string, call: Expr & { k: 'call' }, from: string): ResolvedCall {
  if (cls === 'codeunit' && method === 'run') {
    const target = codeunitArg(ws, call.args[0], from);
    if (target.obj) {
      const onRun = target.obj.procedures.find((p) => p.isTrigger && p.name.toLowerCase() === 'onrun');
      if (onRun) return { kind: 'proc', targets: [{ obj: target.obj, proc: onRun }], via: 'codeunit.run' };
    }
    return { kind: 'builtin', name: 'codeunit.run' };
  }
  // `Session.StartSession`, `Database.Commit`: the receiver's own entry; `System.X` is the global method X
  // wherever the catalogue files it (System.Message is Dialog.Message).
  const own = findBuiltin(cls, method);
  if (own) return { kind: 'builtin', name: own.key };
  if (cls === 'system') {
    const b = bareBuiltin(method);
    if (b) return { kind: 'builtin', name: b };
  }
  return { kind: 'builtin', name: `${cls}.${method}` };
}

/** What a codeunit argument designates: `Codeunit::"Name"`, `Codeunit::Name`, a number, or something not constant. */
export interface CodeunitArg {
  form: 'name' | 'number' | 'dynamic' | 'missing';
  /** The name or id as written. */
  text?: string;
  id?: number;
  obj?: WsObject;
}

export function codeunitArg(ws: Workspace, e: Expr | undefined, from?: string): CodeunitArg {
  if (!e) return { form: 'missing' };
  if (e.k === 'scope' && e.left.toLowerCase() === 'codeunit') {
    return { form: 'name', text: e.right, obj: ws.find('codeunit', e.right, from) };
  }
  if (e.k === 'literal' && e.type === 'number' && /^\d+$/.test(e.value)) {
    const id = Number(e.value);
    return { form: 'number', text: e.value, id, obj: ws.find('codeunit', id, from) };
  }
  return { form: 'dynamic' };
}

/** `Codeunit::"X"` style name key for messages. */
export function objectLabel(o: WsObject): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(o.name) ? o.name : `"${o.name}"`;
}

export { nameKey };
