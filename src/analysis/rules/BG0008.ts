// BG0008: StartSession reachable from the body of a loop (directly or through calls), unless the loop waits.
import type { PathStep } from '../diagnostic';
import type { AlFileModel, Stmt } from '../model/ir';
import { declarationEpoch } from '../model/declarations';
import type { Reacher } from '../model/reachers';
import type { Workspace } from '../model/workspace';
import { PerFileMemo } from './perFile';
import { resolveCall } from '../model/resolve';
import { forEachCall } from '../model/visit';
import { procKey, procLabel } from '../model/walk';
import { startSessionReachers } from './sessionReach';
import { pathText, type Report, type Rule } from './types';
import { builtinHas } from '../../language/builtins';

const loopWords: Record<string, string> = { repeat: 'repeat ... until', while: 'while', for: 'for', foreach: 'foreach' };

export const BG0008: Rule = {
  meta: { scope: 'workspace', id: 'BG0008', title: 'StartSession in a loop', defaultSeverity: 'warning' },
  check(ctx) {
    const { ws } = ctx;
    const reach = startSessionReachers(ws);
    if (reach.size === 0) return;
    const { files, re } = candidates(reach);
    const epoch = declarationEpoch(ws);
    for (const file of ws.files.values()) {
      // Callers of reachers live in files that mention them; the reachers' own files hold the direct calls.
      if (!mentionMemo.get(file, [reach], () => files.has(file.path) || re.test(file.text))) continue;
      for (const r of reportMemo.get(file, [reach, epoch], () => checkFile(ws, reach, file))) ctx.report(r);
    }
  },
};

// Per file: whether it can call a reacher (depends on the reachers only), and its findings (also on name resolution).
const mentionMemo = new PerFileMemo<boolean>();
const reportMemo = new PerFileMemo<Report[]>();
const candidateMemo = new WeakMap<Map<string, Reacher>, { files: Set<string>; re: RegExp }>();

function candidates(reach: Map<string, Reacher>): { files: Set<string>; re: RegExp } {
  let c = candidateMemo.get(reach);
  if (!c) {
    const names = [...new Set([...reach.values()].map((r) => (r.ref.proc.isTrigger ? r.ref.obj.name : r.ref.proc.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))];
    c = { files: new Set([...reach.values()].map((r) => r.ref.obj.file)), re: new RegExp(names.join('|'), 'i') };
    candidateMemo.set(reach, c);
  }
  return c;
}

function checkFile(ws: Workspace, reach: Map<string, Reacher>, file: AlFileModel): Report[] {
  const out: Report[] = [];
  for (const obj of file.objects) for (const proc of obj.procedures) {
    // A report data item's (or XMLport table element's) OnAfterGetRecord runs once per record: a loop of its own.
    // One read of the body: a body may be rebuilt between reads (model/fromTree.ts), and the loop is compared by identity.
    const body = proc.body;
    const perRecord = proc.isTrigger && proc.host?.kind === 'dataitem' && proc.name.toLowerCase() === 'onaftergetrecord' ? body : undefined;
    forEachCall(body, (call, loops) => {
      const loop = loops.length ? loops[loops.length - 1] : perRecord;
      if (!loop) return;
      if (waits(file.text, loop)) return;
      const res = resolveCall(ws, obj, proc, call);
      let path: PathStep[] | undefined;
      if (res.kind === 'builtin' && builtinHas(res.name, 'startsSession')) path = [{ label: 'StartSession', file: obj.file, start: call.start, end: call.end }];
      else if (res.kind === 'proc') {
        for (const t of res.targets) {
          const hit = reach.get(procKey(t));
          if (hit) {
            path = [{ label: procLabel(t, { obj, proc }), file: obj.file, start: call.start, end: call.end }, ...hit.witness];
            break;
          }
        }
      }
      if (!path) return;
      const full = [{ label: proc.name, file: obj.file, start: proc.nameStart, end: proc.nameEnd }, ...path];
      out.push({
        file: obj.file,
        start: call.start,
        end: call.end,
        path: full,
        message:
          (loop === perRecord
            ? `StartSession is reached from the OnAfterGetRecord trigger of data item ${proc.host!.name}, which runs once per record (${pathText(full)}): every record starts a background session, `
            : `StartSession is reached from inside a ${loopWords[loop.k] ?? loop.k} loop in ${proc.name} (${pathText(full)}): every iteration starts a background session, `) +
          `each costing as much as a user session; BC runs 10 at once, queues the rest, and fails when more than 100 are queued. ` +
          `Start one session that loops, or use the job queue.`,
      });
    });
  }
  return out;
}

/** A loop that checks IsSessionActive or reads Active Session waits for each session before starting the next. */
function waits(text: string, loop: Stmt): boolean {
  const body = text.slice(loop.start, loop.end);
  return /issessionactive|"active session"/i.test(body);
}
