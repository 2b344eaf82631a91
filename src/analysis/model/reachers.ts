// Which procedures can reach a given system call (e.g. StartSession), with one witness path each: a reverse closure
// over the call graph that only resolves calls in files whose text mentions a name of the growing set.
import type { PathStep } from '../diagnostic';
import type { Expr, Procedure } from './ir';
import { resolveCall, type ProcRef } from './resolve';
import { forEachCall } from './visit';
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
export function reachers(ws: Workspace, builtinName: string, keyword: RegExp): Map<string, Reacher> {
  const out = new Map<string, Reacher>();
  let frontier: Reacher[] = [];
  for (const file of ws.files.values()) {
    if (!keyword.test(file.text)) continue;
    for (const obj of file.objects) for (const proc of obj.procedures) {
      let witness: PathStep[] | undefined;
      forEachCall(proc.body, (call) => {
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
    const names = new Set<string>();
    for (const f of frontier) for (const n of callNames(f.ref.obj, f.ref.proc)) names.add(n);
    const re = new RegExp([...names].map(escape).join('|'), 'i');
    const next: Reacher[] = [];
    for (const file of ws.files.values()) {
      if (!re.test(file.text)) continue;
      for (const obj of file.objects) for (const proc of obj.procedures) {
        const ref = { obj, proc };
        const key = procKey(ref);
        if (out.has(key)) continue;
        let witness: PathStep[] | undefined;
        forEachCall(proc.body, (call: Expr & { k: 'call' }) => {
          if (witness) return;
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

/** The words a caller's text must contain to possibly call this procedure. */
function callNames(obj: WsObject, proc: Procedure): string[] {
  if (proc.isTrigger && proc.name.toLowerCase() === 'onrun') return [obj.name, String(obj.id)].filter((s) => s && s !== '0');
  return [proc.name];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
