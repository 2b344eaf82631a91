// BG0013 and BG0014 share a walk: StartSession reachable from install/upgrade codeunit triggers, or from tests.
import { declarationEpoch } from '../model/declarations';
import type { AlFileModel } from '../model/ir';
import { prop, type WsObject } from '../model/workspace';
import { PerFileMemo } from './perFile';
import { procKey, walk } from '../model/walk';
import { startSessionReachers } from './sessionReach';
import { pathText, type Report, type Rule, type RuleContext } from './types';
import { builtinHas } from '../../language/builtins';

export const BG0013: Rule = {
  meta: { scope: 'workspace', id: 'BG0013', title: 'StartSession in install or upgrade code', defaultSeverity: 'error' },
  check(ctx) {
    reportPerCodeunit(ctx, 'BG0013', (subtype) => subtype === 'install' || subtype === 'upgrade', [], (obj) => obj.procedures.filter((p) => p.isTrigger), ({ obj, subtype }, r) => ({
      ...r,
      message: `StartSession is reached from ${subtype} codeunit "${obj.name}" (${pathText(r.path!)}): background sessions cannot start during app ${subtype === 'install' ? 'installation' : 'upgrade'}, so the call fails immediately. Schedule the work (TaskScheduler.CreateTask, job queue) or guard it with EnvironmentInformation.CanStartSession().`,
    }));
  },
};

/**
 * For every codeunit whose Subtype passes `wanted`: the StartSession calls reachable from `roots(obj)`, turned into
 * findings by `make`. The walk follows only procedures that can reach StartSession: when one of them changes, `reach`
 * is a new map, so a file's findings depend on its own model, `reach`, name resolution (the declaration epoch) and
 * `deps` (what `make` reads besides).
 */
export function reportPerCodeunit(
  ctx: RuleContext,
  ruleId: string,
  wanted: (subtype: string) => boolean,
  deps: readonly unknown[],
  roots: (obj: WsObject) => WsObject['procedures'],
  make: (unit: { obj: WsObject; subtype: string }, r: Report) => Report,
): void {
  const reach = startSessionReachers(ctx.ws);
  if (reach.size === 0) return;
  const epoch = declarationEpoch(ctx.ws);
  // One memo per rule: the same file has different findings for each.
  let memo = memos.get(ruleId);
  if (!memo) memos.set(ruleId, (memo = new PerFileMemo<Report[]>()));
  for (const file of ctx.ws.files.values()) {
    const units = codeunitsBySubtype(file).filter((u) => wanted(u.subtype));
    if (units.length === 0) continue;
    const reports = memo.get(file, [reach, epoch, ...deps], () => {
      const out: Report[] = [];
      for (const unit of units) sessionFromRoots(ctx, unit.obj, roots(unit.obj), (r) => out.push(make(unit, r)));
      return out;
    });
    for (const r of reports) ctx.report(r);
  }
}

const memos = new Map<string, PerFileMemo<Report[]>>();
const subtypes = new PerFileMemo<{ obj: WsObject; subtype: string }[]>();

/** The codeunits of a file that declare a Subtype (lower-cased), memoised per file model. */
export function codeunitsBySubtype(file: AlFileModel): { obj: WsObject; subtype: string }[] {
  return subtypes.get(file, [], () =>
    file.objects.filter((o) => o.kind === 'codeunit' && prop(o, 'subtype')).map((obj) => ({ obj, subtype: (prop(obj, 'subtype') ?? '').toLowerCase() })),
  );
}

/** Walks from the roots following only procedures that can reach StartSession; reports unguarded StartSession calls. */
function sessionFromRoots(ctx: RuleContext, obj: WsObject, roots: WsObject['procedures'], found: (r: Report) => void): void {
  const reach = startSessionReachers(ctx.ws);
  if (reach.size === 0) return;
  const visited = new Set<string>();
  for (const proc of roots) {
    const ref = { obj, proc };
    if (!reach.has(procKey(ref))) continue;
    walk(ctx.ws, ref, {
      visited,
      onCall(v) {
        if (v.flow.canStart) return false;
        if (v.res.kind === 'builtin' && builtinHas(v.res.name, 'startsSession')) {
          const last = v.path[v.path.length - 1];
          found({ file: last.file, start: last.start, end: last.end, path: v.path, message: '' });
          return false;
        }
        return v.res.kind === 'proc' && v.res.targets.some((t) => reach.has(procKey(t)));
      },
    });
  }
}
