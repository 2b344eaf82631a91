// BG0013 and BG0014 share a walk: StartSession reachable from install/upgrade codeunit triggers, or from tests.
import { prop, type WsObject } from '../model/workspace';
import { procKey, walk } from '../model/walk';
import { startSessionReachers } from './sessionReach';
import { pathText, type Report, type Rule, type RuleContext } from './types';

export const BG0013: Rule = {
  meta: { scope: 'workspace', id: 'BG0013', title: 'StartSession in install or upgrade code', defaultSeverity: 'error' },
  check(ctx) {
    for (const obj of ctx.ws.objects()) {
      if (obj.kind !== 'codeunit' || obj.external) continue;
      const subtype = (prop(obj, 'subtype') ?? '').toLowerCase();
      if (subtype !== 'install' && subtype !== 'upgrade') continue;
      sessionFromRoots(ctx, obj, obj.procedures.filter((p) => p.isTrigger), (r) => ({
        ...r,
        message: `StartSession is reached from ${subtype} codeunit "${obj.name}" (${pathText(r.path!)}): background sessions cannot start during app ${subtype === 'install' ? 'installation' : 'upgrade'}, so the call fails immediately. Schedule the work (TaskScheduler.CreateTask, job queue) or guard it with EnvironmentInformation.CanStartSession().`,
      }));
    }
  },
};

/** Walks from the roots following only procedures that can reach StartSession; reports unguarded StartSession calls. */
export function sessionFromRoots(ctx: RuleContext, obj: WsObject, roots: WsObject['procedures'], make: (r: Report) => Report | undefined): void {
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
        if (v.res.kind === 'builtin' && v.res.name === 'session.startsession') {
          const last = v.path[v.path.length - 1];
          const r = make({ file: last.file, start: last.start, end: last.end, path: v.path, message: '' });
          if (r) ctx.report(r);
          return false;
        }
        return v.res.kind === 'proc' && v.res.targets.some((t) => reach.has(procKey(t)));
      },
    });
  }
}
