// BG0014: StartSession reachable from a test codeunit whose runner isolates tests (info when the runner is unknown).
import { declarationEpoch } from '../model/declarations';
import { prop } from '../model/workspace';
import { codeunitsBySubtype, sessionFromRoots } from './BG0013';
import { startSessionReachers } from './sessionReach';
import { PerFileMemo } from './perFile';
import { pathText, type Report, type Rule } from './types';

const memo = new PerFileMemo<Report[]>();

export const BG0014: Rule = {
  meta: { scope: 'workspace', id: 'BG0014', title: 'StartSession in a test', defaultSeverity: 'warning' },
  check(ctx) {
    const { ws } = ctx;
    const runners = [...ws.packages].filter((o) => o.kind === 'codeunit' && (prop(o, 'subtype') ?? '').toLowerCase() === 'testrunner');
    for (const file of ws.files.values()) for (const u of codeunitsBySubtype(file)) if (u.subtype === 'testrunner') runners.push(u.obj);
    if (runners.some((r) => (prop(r, 'testisolation') ?? '').toLowerCase() === 'disabled')) return;
    const known = runners.length > 0;
    const reach = startSessionReachers(ws);
    if (reach.size === 0) return;
    const epoch = declarationEpoch(ws);
    for (const file of ws.files.values()) {
      const tests = codeunitsBySubtype(file).filter((u) => u.subtype === 'test');
      if (tests.length === 0) continue;
      const reports = memo.get(file, [reach, epoch, known], () => {
        const out: Report[] = [];
        for (const { obj } of tests) {
          sessionFromRoots(ctx, obj, obj.procedures, (r) => {
            out.push({
              ...r,
              severity: known ? undefined : 'info',
              message: known
                ? `StartSession is reached from test codeunit "${obj.name}" (${pathText(r.path!)}) and every test runner in the workspace isolates tests: under test isolation StartSession is refused, so the test fails for a reason unrelated to what it tests.`
                : `StartSession is reached from test codeunit "${obj.name}" (${pathText(r.path!)}): it is refused unless the test runner's TestIsolation is Disabled (no test runner is in the workspace to check).`,
            });
            return undefined;
          });
        }
        return out;
      });
      for (const r of reports) ctx.report(r);
    }
  },
};
