// Shared walk of BG0006 and BG0007: UI calls reachable from code that runs without a client.
import type { PathStep } from '../diagnostic';
import { kindText, type BackgroundRoot } from '../facts';
import { memoised, rootKey } from './walkMemo';
import { walk, type Visit } from '../model/walk';
import { forEachCall, forEachStmt } from '../model/visit';
import type { RuleContext } from './types';
import { builtinByKey, labelsWith } from '../../language/builtins';

/** Calls that fail without a client (BG0006): the catalogue's needsClient entries, by key, with their labels. */
export const uiCalls: Record<string, string> = labelsWith('needsClient');

/**
 * Calls BC ignores without a client (BG0007, info): Message goes to the event log, a Dialog window is not shown
 * (the catalogue's ignoredWithoutClient entries). Dialog.Open is listed in rules.md under BG0006, but it does not
 * fail, so reporting it as a warning would cry wolf on every progress window of Microsoft's posting code; it is
 * reported as information instead.
 */
export const ignoredCalls: Record<string, string> = labelsWith('ignoredWithoutClient');

export interface UiHit {
  root: BackgroundRoot;
  visit: Visit;
  what: string;
  last: PathStep;
}

/**
 * Walks every background root once (one visited set per session kind) and calls `hit` for the unguarded calls matching
 * `names`. BG0006 and BG0007 share one walk: it is the most expensive walk of the catalogue, so it is also reused across
 * edits that cannot change it (bodies edited in files the walk never entered, with the same roots).
 */
export function walkBackground(ctx: RuleContext, names: Record<string, string>, hit: (h: UiHit) => void): void {
  const hits = memoised(
    ctx,
    'background UI walk',
    (track) => {
      const out: UiHit[] = [];
      // The walk keeps mutating its flow objects after a hit: keep a snapshot of the flags.
      walkAll(ctx, { ...uiCalls, ...ignoredCalls }, (h) => out.push({ ...h, visit: { ...h.visit, flow: { ...h.visit.flow, flags: [...h.visit.flow.flags] } } }), track);
      return out;
    },
    (old) => {
      // Same roots, new objects for them when their pages were edited: messages name the current ones.
      const byKey = new Map([...ctx.facts.roots.values()].map((r) => [rootKey(r), r]));
      return old.map((h) => ({ ...h, root: byKey.get(rootKey(h.root)) ?? h.root }));
    },
  );
  for (const h of hits) if (h.visit.res.kind === 'builtin' && names[h.visit.res.name]) hit(h);
}

function walkAll(ctx: RuleContext, names: Record<string, string>, hit: (h: UiHit) => void, track: (file: string) => void): void {
  // One visited set per session kind: what the walk can rule out depends on it (CurrentClientType checks).
  const visitedByKind = new Map<string, Set<string>>();
  for (const root of ctx.facts.roots.values()) {
    const onlyTask = root.kinds.size === 1 && root.kinds.has('pagetask');
    const clientType = onlyTask ? 'ChildSession' : root.kinds.has('pagetask') ? undefined : 'Background';
    const key = clientType ?? 'mixed';
    let visited = visitedByKind.get(key);
    if (!visited) visitedByKind.set(key, (visited = new Set()));
    walk(ctx.ws, root.ref, {
      visited,
      env: { clientType },
      instances: true,
      onEnter(ref) {
        track(ref.obj.file);
      },
      onRead(file) {
        track(file);
      },
      // A client callback fails without a client ("Callback functions are not allowed", the runtime's contract too):
      // nothing after it runs on this path.
      fails: (v) => !v.flow.gui && v.res.kind === 'builtin' && !!uiCalls[v.res.name] && !runsReportWithoutRequestPage(v),
      onCall(v) {
        // A call site known to run only with a client (GuiAllowed() true) is not followed.
        if (v.flow.gui) return false;
        const r = v.res;
        if (r.kind === 'builtin') {
          const what = names[r.name];
          if (what && !runsReportWithoutRequestPage(v)) hit({ root, visit: v, what, last: v.path[v.path.length - 1] });
          return false;
        }
        return r.kind === 'proc';
      },
    });
  }
}

/**
 * A report run without its request page needs no client: `Report.Run(Id, false, ...)`, or a report variable on which
 * the same procedure calls `UseRequestPage(false)` or assigns the property `UseRequestPage := false` (how job queues
 * and Microsoft's demo data run processing reports).
 */
function runsReportWithoutRequestPage(v: Visit): boolean {
  const r = v.res;
  // Report.Run / RunModal: the report methods that run the report and show its request page unless told not to.
  const e = r.kind === 'builtin' ? builtinByKey(r.name) : undefined;
  if (r.kind !== 'builtin' || !e || e.receiver !== 'Report' || !e.facts.has('runsObject') || !e.facts.has('needsClient')) return false;
  const callee = v.call.callee;
  if (callee.k === 'member' && callee.obj.k === 'ident' && callee.obj.name.toLowerCase() === 'report') {
    const req = v.call.args[1];
    return !!req && req.k === 'literal' && req.type === 'boolean' && req.value === 'false';
  }
  if (!r.receiver) return false;
  const name = r.receiver.name.toLowerCase();
  let off = false;
  forEachCall(v.frame.ref.proc.body, (c) => {
    if (c.callee.k === 'member' && c.callee.name.toLowerCase() === 'userequestpage' && c.callee.obj.k === 'ident' && c.callee.obj.name.toLowerCase() === name) {
      const a = c.args[0];
      if (a && a.k === 'literal' && a.value === 'false') off = true;
    }
  });
  forEachStmt(v.frame.ref.proc.body, (st) => {
    const t = st.k === 'assign' ? st.target : undefined;
    if (st.k === 'assign' && t && t.k === 'member' && t.name.toLowerCase() === 'userequestpage' && t.obj.k === 'ident' && t.obj.name.toLowerCase() === name) {
      if (st.value.k === 'literal' && st.value.value.toLowerCase() === 'false') off = true;
    }
  });
  return off;
}

export function rootText(root: BackgroundRoot): string {
  const o = root.origin;
  const by = o ? `, started from ${o.obj.kind} "${o.obj.name}"` : '';
  return `codeunit "${root.ref.obj.name}" (runs as ${kindText(root.kinds)}${by})`;
}

export function flagNote(flags: string[]): string {
  return flags.length ? ` It may be guarded by ${flags.map((f) => `the flag ${f}`).join(' and ')}, object state this analysis does not track.` : '';
}
