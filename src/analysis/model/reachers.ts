// Which procedures can reach a given system call (e.g. StartSession), with one witness path each: a reverse closure
// over the call graph that only resolves calls in files whose text mentions a name of the growing set.
import type { PathStep } from '../diagnostic';
import type { Expr, Procedure, Stmt } from './ir';
import { resolveCall, type ProcRef } from './resolve';
import { forEachCall, forEachExpr, forEachStmt, stmtExprs } from './visit';
import { procKey, procLabel, calleeText } from './walk';
import type { Workspace, WsObject } from './workspace';

export interface Reacher {
  ref: ProcRef;
  /** From this procedure's call (first) down to the system call (last). */
  witness: PathStep[];
}

/**
 * All procedures from which a call to the builtin `builtinName` (canonical, e.g. `session.startsession`) is reachable.
 * `keyword` prefilters files for the direct calls.
 */
export function reachers(ws: Workspace, builtinName: string, keyword: RegExp, unconditional = false): Map<string, Reacher> {
  const calls = unconditional ? forEachUnconditionalCall : forEachCall;
  const out = new Map<string, Reacher>();
  let frontier: Reacher[] = [];
  for (const file of ws.files.values()) {
    if (!keyword.test(file.text)) continue;
    for (const obj of file.objects) for (const proc of obj.procedures) {
      let witness: PathStep[] | undefined;
      calls(proc.body, (call) => {
        if (witness) return;
        const r = resolveCall(ws, obj, proc, call);
        if (r.kind === 'builtin' && r.name === builtinName) witness = [{ label: calleeText(call), file: obj.file, start: call.start, end: call.end }];
      });
      if (witness) {
        const ref = { obj, proc };
        const rr = { ref, witness };
        out.set(procKey(ref), rr);
        frontier.push(rr);
      }
    }
  }
  while (frontier.length) {
    const words = new Set<string>();
    const names = new Set<string>();
    for (const f of frontier) {
      for (const n of callNames(f.ref.obj, f.ref.proc)) words.add(n);
      if (!f.ref.proc.isTrigger) names.add(f.ref.proc.name.toLowerCase());
    }
    const re = wordsRegex(words);
    const next: Reacher[] = [];
    for (const file of ws.files.values()) {
      if (!re.test(file.text)) continue;
      for (const obj of file.objects) for (const proc of obj.procedures) {
        const ref = { obj, proc };
        const key = procKey(ref);
        if (out.has(key)) continue;
        let witness: PathStep[] | undefined;
        calls(proc.body, (call: Expr & { k: 'call' }) => {
          if (witness) return;
          // Only calls that can name a procedure of the frontier are resolved.
          const callee = call.callee.k === 'member' ? call.callee.name : call.callee.k === 'ident' ? call.callee.name : '';
          if (!names.has(callee.toLowerCase()) && !(callee.toLowerCase() === 'run')) return;
          const r = resolveCall(ws, obj, proc, call);
          if (r.kind !== 'proc') return;
          for (const t of r.targets) {
            const hit = out.get(procKey(t));
            if (hit) {
              witness = [{ label: procLabel(t, ref), file: obj.file, start: call.start, end: call.end }, ...hit.witness.slice(0)];
              return;
            }
          }
        });
        if (witness) {
          const rr = { ref, witness };
          out.set(key, rr);
          next.push(rr);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Calls made on every run of the body that returns: not inside an if/case branch, and before any statement that may
 * return early (an `if` holding an `exit`). A helper that starts a session only under a condition is a decision of
 * that helper, not of its callers. A check that raises an error (`if Status <> Open then Error(...)`) is no such
 * decision: the error ends the caller's loop too, so every call that comes back has started its session.
 */
export function forEachUnconditionalCall(body: Stmt | undefined, fn: (call: Expr & { k: 'call' }) => void): boolean {
  if (!body) return false;
  const stmts = body.k === 'block' ? body.stmts : [body];
  for (const s of stmts) {
    if (s.k === 'if' || s.k === 'case') {
      // The condition itself runs every time; the branches do not, and an exit in them ends the unconditional part.
      for (const e of stmtExprs(s).slice(0, 1)) forEachExpr(e, (x) => x.k === 'call' && fn(x));
      if (mayExit(s)) return true;
      continue;
    }
    if (s.k === 'exit') {
      // `exit(StartSession(...))` starts the session on the way out.
      if (s.value) forEachExpr(s.value, (x) => x.k === 'call' && fn(x));
      return true;
    }
    if (s.k === 'block') {
      if (forEachUnconditionalCall(s, fn)) return true;
      continue;
    }
    if (s.k === 'repeat' || s.k === 'while' || s.k === 'for' || s.k === 'foreach' || s.k === 'with') {
      forEachCall(s.k === 'repeat' ? { k: 'block', stmts: s.body, start: s.start, end: s.end } : s.body, (c) => fn(c));
      continue;
    }
    for (const e of stmtExprs(s)) forEachExpr(e, (x) => x.k === 'call' && fn(x));
  }
  return false;
}

function mayExit(s: Stmt): boolean {
  let found = false;
  forEachStmt(s, (x) => {
    if (x.k === 'exit') found = true;
  });
  return found;
}

/**
 * What a file's text must match to take part in `reachers`: the keyword of the direct calls, or a word that can name one
 * of the reachers. A file whose old and new text both miss it cannot change the result.
 */
export function relevantText(map: Map<string, Reacher>, keyword: RegExp): RegExp {
  const words = new Set<string>();
  for (const r of map.values()) for (const n of callNames(r.ref.obj, r.ref.proc)) words.add(n);
  if (words.size === 0) return keyword;
  return new RegExp(`${keyword.source}|${wordsRegex(words).source}`, 'i');
}

/** Whole words only: an object id such as 80 must not match every file containing 1800. */
function wordsRegex(words: Set<string>): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_])(?:${[...words].map(escape).join('|')})(?![A-Za-z0-9_])`, 'i');
}

/** The words a caller's text must contain to possibly call this procedure. */
function callNames(obj: WsObject, proc: Procedure): string[] {
  if (proc.isTrigger && proc.name.toLowerCase() === 'onrun') return [obj.name, String(obj.id)].filter((s) => s && s !== '0');
  return [proc.name];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
