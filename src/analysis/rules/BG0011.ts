// BG0011: a constant key read with Get from task parameters or results that no reachable code adds.
import type { Expr, Procedure } from '../model/ir';
import { lookupVar, resolveCall, type ProcRef } from '../model/resolve';
import type { CallSite } from '../facts';
import { forEachCall, forEachStmt } from '../model/visit';
import { walk } from '../model/walk';
import type { Workspace, WsObject } from '../model/workspace';
import { enqueuingPages, objectTrigger, pageFamily } from './pageWalk';
import type { Report, Rule, RuleContext } from './types';
import { reportMemoised } from './walkMemo';

export const BG0011: Rule = {
  meta: { scope: 'workspace', id: 'BG0011', title: 'Dictionary key read that nobody sets', defaultSeverity: 'warning' },
  check(ctx) {
    reportMemoised(ctx, 'BG0011', (track, report) => {
      checkParameters(ctx, track, report);
      checkResults(ctx, track, report);
    });
  },
};

/** Constant keys added (Add/Set) by code reachable from the roots; undefined when some key is not constant. */
function keysAdded(ws: Workspace, roots: ProcRef[], predicate: (name: string) => boolean, track: (file: string) => void): Set<string> | undefined {
  const keys = new Set<string>();
  let dynamic = false;
  const visited = new Set<string>();
  for (const r of roots) {
    walk(ws, r, {
      visited,
      onEnter(ref) {
        track(ref.obj.file);
      },
      onCall(v) {
        if (v.res.kind === 'builtin' && (v.res.name === 'dictionary.add' || v.res.name === 'dictionary.set') && predicate(v.res.name)) {
          const k = v.call.args[0];
          if (k && k.k === 'literal' && k.type === 'string') keys.add(k.value.toLowerCase());
          else dynamic = true;
        }
        return v.res.kind === 'proc';
      },
    });
  }
  return dynamic ? undefined : keys;
}

interface Read {
  key: string;
  expr: Expr;
  obj: WsObject;
}

/** Reads `X.Get('k')` (one argument, the erroring form) where X designates the dictionary. */
function reads(ws: Workspace, obj: WsObject, proc: Procedure, isDict: (recv: Expr | undefined, name: string | undefined) => boolean): Read[] {
  const out: Read[] = [];
  const guarded = new Set<string>();
  forEachCall(proc.body, (call) => {
    if (call.callee.k !== 'member') return;
    const m = call.callee.name.toLowerCase();
    const recv = call.callee.obj;
    const recvName = recv.k === 'ident' ? recv.name.toLowerCase() : undefined;
    if (!isDict(recv, recvName)) return;
    const k = call.args[0];
    if (m === 'containskey' && k?.k === 'literal' && k.type === 'string') guarded.add(k.value.toLowerCase());
    if (m === 'get' && call.args.length === 1 && k.k === 'literal' && k.type === 'string') out.push({ key: k.value, expr: k, obj });
  });
  void ws;
  return out.filter((r) => !guarded.has(r.key.toLowerCase()));
}

function checkParameters(ctx: RuleContext, track: (file: string) => void, report: (r: Report) => void): void {
  const { ws } = ctx;
  for (const root of ctx.facts.roots.values()) {
    if (!root.kinds.has('pagetask') || root.enqueuedBy.length === 0) continue;
    // Enqueues without a parameters dictionary pass none: every read is missing.
    const added = keysAdded(ws, enqueuePathRoots(ws, root.enqueuedBy), () => true, track);
    if (!added) continue;
    // Reads in the task's own procedures (OnRun and the codeunit's procedures reached from it).
    walk(ws, root.ref, {
      visited: new Set(),
      onEnter({ obj, proc }) {
        track(obj.file);
        const paramVars = parameterVars(ws, obj, proc);
        for (const r of reads(ws, obj, proc, (recv, name) => (name !== undefined && paramVars.has(name)) || (recv?.k === 'call' && isGetParams(ws, obj, proc, recv)))) {
          if (added.has(r.key.toLowerCase())) continue;
          report({
            file: obj.file,
            start: r.expr.start,
            end: r.expr.end,
            message: `Key '${r.key}' is read from the background task's parameters, but no code that enqueues codeunit "${root.ref.obj.name}" adds it (keys added: ${[...added].map((k) => `'${k}'`).join(', ') || 'none'}): Get on a missing key is a run-time error, so the task fails.`,
          });
        }
      },
      onCall(v) {
        return v.res.kind === 'proc' && v.res.targets.every((t) => t.obj === root.ref.obj);
      },
    });
  }
}

/**
 * Where the parameters of these enqueues can be filled: the enqueuing procedures and every procedure of the page (its
 * base and extensions) that reaches them, since a trigger often fills the dictionary (itself or through a helper of
 * another object) and hands it to a procedure that enqueues. A dictionary held in a page variable can be filled by any
 * of the page's procedures: then they all count.
 */
function enqueuePathRoots(ws: Workspace, sites: CallSite[]): ProcRef[] {
  const out = new Map<Procedure, ProcRef>();
  for (const s of sites) {
    out.set(s.proc, { obj: s.obj, proc: s.proc });
    const family = [...pageFamily(ws, s.obj)];
    const all = family.flatMap((obj) => obj.procedures.map((proc) => ({ obj, proc })));
    const arg = s.call.args[2];
    if (arg && arg.k === 'ident' && lookupVar(ws, s.obj, s.proc, arg.name)?.scope === 'global') {
      for (const r of all) out.set(r.proc, r);
      continue;
    }
    // Callers of the set, to a fixed point (a page has few procedures: quadratic at worst in a page's size).
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of all) {
        if (out.has(r.proc)) continue;
        let calls = false;
        forEachCall(r.proc.body, (call) => {
          if (calls) return;
          const res = resolveCall(ws, r.obj, r.proc, call);
          if (res.kind === 'proc' && res.targets.some((t) => out.has(t.proc))) calls = true;
        });
        if (calls) {
          out.set(r.proc, r);
          grew = true;
        }
      }
    }
  }
  return [...out.values()];
}

function isGetParams(ws: Workspace, obj: WsObject, proc: Procedure, e: Expr & { k: 'call' }): boolean {
  const r = resolveCall(ws, obj, proc, e);
  return r.kind === 'builtin' && r.name === 'page.getbackgroundparameters';
}

/** Variables assigned from Page.GetBackgroundParameters() in the procedure. */
function parameterVars(ws: Workspace, obj: WsObject, proc: Procedure): Set<string> {
  const out = new Set<string>();
  forEachStmt(proc.body, (s) => {
    if (s.k === 'assign' && s.target.k === 'ident' && s.value.k === 'call' && isGetParams(ws, obj, proc, s.value)) out.add(s.target.name.toLowerCase());
  });
  return out;
}

function checkResults(ctx: RuleContext, track: (file: string) => void, report: (r: Report) => void): void {
  const { ws } = ctx;
  const pages = enqueuingPages(ctx.facts);
  for (const page of pages) {
    track(page.file);
    const trigger = objectTrigger(page, 'OnPageBackgroundTaskCompleted');
    if (!trigger || trigger.params.length < 2) continue;
    const sites = ctx.facts.enqueueSites.filter((s) => s.obj === page);
    if (sites.some((s) => !s.target.obj || s.target.obj.external)) continue;
    const roots: ProcRef[] = [];
    for (const s of sites) {
      const onRun = s.target.obj!.procedures.find((p) => p.isTrigger && p.name.toLowerCase() === 'onrun');
      if (onRun) roots.push({ obj: s.target.obj!, proc: onRun });
    }
    if (roots.length === 0) continue;
    const added = keysAdded(ws, roots, () => true, track);
    if (!added) continue;
    const resultsName = trigger.params[1].name.toLowerCase();
    for (const r of reads(ws, page, trigger, (_recv, name) => name === resultsName)) {
      if (added.has(r.key.toLowerCase())) continue;
      report({
        file: page.file,
        start: r.expr.start,
        end: r.expr.end,
        message: `Key '${r.key}' is read from the task results, but no code reachable from the enqueued codeunit${roots.length > 1 ? 's' : ''} (${roots.map((x) => `"${x.obj.name}"`).join(', ')}) sets it (keys set: ${[...added].map((k) => `'${k}'`).join(', ') || 'none'}): Get on a missing key is a run-time error in OnPageBackgroundTaskCompleted.`,
      });
    }
  }
}
