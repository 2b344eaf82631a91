// Go to definition from the codeunit argument of StartSession / EnqueueBackgroundTask / CreateTask / Codeunit.Run to
// the codeunit's OnRun trigger (or the codeunit when it has none).
import { callAt } from '../analysis/model/locate';
import { codeunitArg, resolveCall } from '../analysis/model/resolve';
import type { Workspace } from '../analysis/model/workspace';

export interface DefinitionTarget {
  file: string;
  start: number;
  end: number;
}

const codeunitArgIndex: Record<string, number[]> = {
  'session.startsession': [1],
  'currpage.enqueuebackgroundtask': [1],
  'taskscheduler.createtask': [0, 1],
  'codeunit.run': [0],
};

export function definitionAt(ws: Workspace, path: string, offset: number): DefinitionTarget | undefined {
  const file = ws.files.get(path);
  if (!file) return undefined;
  const at = callAt(file, offset);
  if (!at) return undefined;
  const res = resolveCall(ws, at.obj, at.proc, at.call);
  let name: string | undefined;
  if (res.kind === 'builtin') name = res.name;
  else if (res.kind === 'proc' && res.via === 'codeunit.run' && at.call.callee.k === 'member' && at.call.callee.obj.k === 'ident' && at.call.callee.obj.name.toLowerCase() === 'codeunit') name = 'codeunit.run';
  const indexes = name ? codeunitArgIndex[name] : undefined;
  if (!indexes) return undefined;
  for (const i of indexes) {
    const arg = at.call.args[i];
    if (!arg || offset < arg.start || offset > arg.end) continue;
    const cu = codeunitArg(ws, arg).obj;
    if (!cu || cu.external) return undefined;
    const onRun = cu.procedures.find((p) => p.isTrigger && p.name.toLowerCase() === 'onrun');
    return onRun ? { file: cu.file, start: onRun.nameStart, end: onRun.nameEnd } : { file: cu.file, start: cu.nameStart, end: cu.nameEnd };
  }
  return undefined;
}
