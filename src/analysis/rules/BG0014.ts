// BG0014: StartSession reachable from a test codeunit whose runner isolates tests (info when the runner is unknown).
import { prop } from '../model/workspace';
import { sessionFromRoots } from './BG0013';
import { pathText, type Rule } from './types';

export const BG0014: Rule = {
  meta: { scope: 'workspace', id: 'BG0014', title: 'StartSession in a test', defaultSeverity: 'warning' },
  check(ctx) {
    const runners = [...ctx.ws.objects()].filter((o) => o.kind === 'codeunit' && (prop(o, 'subtype') ?? '').toLowerCase() === 'testrunner');
    if (runners.some((r) => (prop(r, 'testisolation') ?? '').toLowerCase() === 'disabled')) return;
    const known = runners.length > 0;
    for (const obj of ctx.ws.objects()) {
      if (obj.kind !== 'codeunit' || obj.external || (prop(obj, 'subtype') ?? '').toLowerCase() !== 'test') continue;
      sessionFromRoots(ctx, obj, obj.procedures, (r) => ({
        ...r,
        severity: known ? undefined : 'info',
        message: known
          ? `StartSession is reached from test codeunit "${obj.name}" (${pathText(r.path!)}) and every test runner in the workspace isolates tests: under test isolation StartSession is refused, so the test fails for a reason unrelated to what it tests.`
          : `StartSession is reached from test codeunit "${obj.name}" (${pathText(r.path!)}): it is refused unless the test runner's TestIsolation is Disabled (no test runner is in the workspace to check).`,
      }));
    }
  },
};
