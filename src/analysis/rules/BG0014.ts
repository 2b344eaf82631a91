// BG0014: StartSession reachable from a test codeunit whose runner isolates tests (info when the runner is unknown).
import { prop } from '../model/workspace';
import { codeunitsBySubtype, reportPerCodeunit } from './BG0013';
import { pathText, type Rule } from './types';

export const BG0014: Rule = {
  meta: { scope: 'workspace', id: 'BG0014', title: 'StartSession in a test', defaultSeverity: 'warning' },
  check(ctx) {
    const { ws } = ctx;
    const runners = [...ws.packages].filter((o) => o.kind === 'codeunit' && (prop(o, 'subtype') ?? '').toLowerCase() === 'testrunner');
    for (const file of ws.files.values()) for (const u of codeunitsBySubtype(file)) if (u.subtype === 'testrunner') runners.push(u.obj);
    if (runners.some((r) => (prop(r, 'testisolation') ?? '').toLowerCase() === 'disabled')) return;
    const known = runners.length > 0;
    reportPerCodeunit(ctx, 'BG0014', (subtype) => subtype === 'test', [known], (obj) => obj.procedures, ({ obj }, r) => ({
      ...r,
      severity: known ? undefined : 'info',
      message: known
        ? `StartSession is reached from test codeunit "${obj.name}" (${pathText(r.path!)}) and every test runner in the workspace isolates tests: under test isolation StartSession is refused, so the test fails for a reason unrelated to what it tests.`
        : `StartSession is reached from test codeunit "${obj.name}" (${pathText(r.path!)}): it is refused unless the test runner's TestIsolation is Disabled (no test runner is in the workspace to check).`,
    }));
  },
};
