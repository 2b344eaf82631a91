// BG0005: a database write on a non-temporary record reachable from the OnRun of a page background task codeunit.
import { kindText } from '../facts';
import { isTempInfo, walk } from '../model/walk';
import { prop } from '../model/workspace';
import { pathText, type Report, type Rule, type RuleContext } from './types';
import { reportMemoised } from './walkMemo';
import { builtinByKey, builtinHas } from '../../language/builtins';

/** Record methods that write or lock (the catalogue's writesDatabase and locks facts on Record). */
function writesOrLocks(name: string): boolean {
  const e = builtinByKey(name);
  return !!e && e.receiver === 'Record' && (e.facts.has('writesDatabase') || e.facts.has('locks'));
}

export const BG0005: Rule = {
  meta: { scope: 'workspace', id: 'BG0005', title: 'Database write in a page background task', defaultSeverity: 'error' },
  check(ctx) {
    reportMemoised(ctx, 'BG0005', (track, report) => check(ctx, track, report));
  },
};

function check(ctx: RuleContext, track: (file: string) => void, report: (r: Report) => void): void {
  const { ws } = ctx;
  // One visited set for all task codeunits: a write is reported once, on the first path that reaches it.
  const visited = new Set<string>();
  for (const root of ctx.facts.roots.values()) {
    if (!root.kinds.has('pagetask')) continue;
    const enq = root.enqueuedBy[0];
    const by = enq ? ` (enqueued by ${enq.obj.kind} "${enq.obj.name}")` : '';
    walk(ws, root.ref, {
      visited,
      env: { clientType: 'ChildSession' },
      onEnter(ref) {
        track(ref.obj.file);
      },
      onRead(file) {
        track(file);
      },
      onCall(v) {
        const r = v.res;
        if (r.kind === 'builtin') {
          let what: string | undefined;
          if (builtinHas(r.name, 'commits')) what = 'Commit';
          else if (writesOrLocks(r.name) && r.receiver && !isTempInfo(r.receiver, v.frame)) {
            const table = r.receiver.type.subtype ? ws.find('table', r.receiver.type.subtype) : undefined;
            if (table && (prop(table, 'tabletype') ?? '').toLowerCase() === 'temporary') return false;
            const method = r.name.slice('record.'.length);
            what = `${method[0].toUpperCase()}${method.slice(1)} on table "${r.receiver.type.subtype ?? '?'}"`;
          }
          if (!what) return false;
          const last = v.path[v.path.length - 1];
          const viaInterface = v.path.some((s) => s.label.includes('[interface '));
          report({
            file: last.file,
            start: last.start,
            end: last.end,
            path: v.path,
            message:
              `${what} is reached from codeunit "${root.ref.obj.name}", which runs as ${kindText(new Set(['pagetask']))}${by}: ${pathText(v.path)}. ` +
              (what === 'Commit'
                ? `The task runs in a read-only child session; what Commit does there is not documented, so treat it as an error.`
                : `The task runs in a read-only child session, so BC fails with "You don't have the following permissions on TableData ...".`) +
              (viaInterface ? ' The path goes through an interface call; every implementation in the workspace is followed.' : ''),
          });
          return false;
        }
        return r.kind === 'proc';
      },
    });
  }
}
