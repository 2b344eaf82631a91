// Workspace-wide facts several rules share: where pages enqueue tasks, where sessions and scheduled tasks start, and
// which codeunits therefore run without a client (the "background roots").
import type { AlFileModel, Expr, Procedure } from './model/ir';
import { codeunitArg, resolveCall, type CodeunitArg, type ProcRef } from './model/resolve';
import { forEachCall } from './model/visit';
import { prop, type Workspace, type WsObject } from './model/workspace';
import { nameKey } from './model/names';
import { builtinByKey, factKeyword } from '../language/builtins';

export type CallExpr = Expr & { k: 'call' };

export interface CallSite {
  obj: WsObject;
  proc: Procedure;
  call: CallExpr;
  /** The codeunit argument (for enqueue/start/create calls). */
  target: CodeunitArg;
  /** The argument expression designating the codeunit. */
  targetExpr?: Expr;
}

export type BackgroundKind = 'pagetask' | 'session' | 'scheduled' | 'jobqueue';

export interface BackgroundRoot {
  ref: ProcRef;
  kinds: Set<BackgroundKind>;
  /** The first call site that starts it (absent for job queue codeunits). */
  origin?: CallSite;
  /** For page tasks: the enqueuing sites. */
  enqueuedBy: CallSite[];
}

export interface Facts {
  enqueueSites: CallSite[];
  startSessionSites: CallSite[];
  createTaskSites: CallSite[];
  roots: Map<WsObject, BackgroundRoot>;
}

interface RawSite {
  kind: 'enqueue' | 'start' | 'create' | 'createFailure';
  obj: WsObject;
  proc: Procedure;
  call: CallExpr;
}

const cache = new WeakMap<Workspace, { version: number; facts: Facts }>();
/** Per file model: its call sites of the background APIs (a file's model is replaced, never mutated, on edit). */
const fileFacts = new WeakMap<AlFileModel, { sites: RawSite[]; jobQueue: WsObject[] }>();

/** A file's own contribution to the facts, computed once per model (an edit replaces the model). */
function fileFactsOf(ws: Workspace, file: AlFileModel): { sites: RawSite[]; jobQueue: WsObject[] } {
  let ff = fileFacts.get(file);
  if (!ff) {
    const jobQueue: WsObject[] = [];
    for (const o of file.objects) {
      if (o.kind !== 'codeunit') continue;
      const t = prop(o, 'tableno');
      if (t && nameKey(t) === 'job queue entry') jobQueue.push(o);
    }
    ff = { sites: sitesOf(ws, file), jobQueue };
    fileFacts.set(file, ff);
  }
  return ff;
}

/** Text pre-filters: a file that names none of the built-ins cannot call them. */
/** Names of the methods that enqueue, start or schedule background work (from the catalogue), as one search. */
let siteKeyword: RegExp | undefined;

function sitesOf(ws: Workspace, file: AlFileModel): RawSite[] {
  const out: RawSite[] = [];
  // Built once (factKeyword scans the catalogue), and one pass over each text rather than three.
  siteKeyword ??= new RegExp(`${factKeyword('enqueuesTask').source}|${factKeyword('startsSession').source}|${factKeyword('schedulesTask').source}`, 'i');
  if (siteKeyword.test(file.text)) {
    for (const obj of file.objects) {
      for (const proc of obj.procedures) {
        forEachCall(proc.body, (call) => {
          const res = resolveCall(ws, obj, proc, call);
          if (res.kind !== 'builtin') return;
          const entry = builtinByKey(res.name);
          if (!entry) return;
          if (entry.facts.has('enqueuesTask')) out.push({ kind: 'enqueue', obj, proc, call });
          else if (entry.facts.has('startsSession')) out.push({ kind: 'start', obj, proc, call });
          else if (entry.facts.has('schedulesTask')) out.push({ kind: 'create', obj, proc, call });
        });
      }
    }
  }
  return out;
}

/**
 * The files that contribute sites or job queue codeunits, kept up to date from the workspace's change log, with each
 * file's position in the workspace's order (which only a file added or removed changes).
 */
interface Contributors {
  version: number;
  files: Set<string>;
  order: Map<string, number>;
}
const contributors = new WeakMap<Workspace, Contributors>();

function contributingFiles(ws: Workspace): AlFileModel[] {
  let c = contributors.get(ws);
  const changes = c && c.version !== ws.version ? ws.changesSince(c.version) : [];
  if (!c || !changes) {
    // First call, or the log no longer reaches back: look at every file once.
    const files = new Set<string>();
    for (const file of ws.files.values()) if (contributes(ws, file)) files.add(file.path);
    c = { version: ws.version, files, order: orderOf(ws) };
    contributors.set(ws, c);
  } else {
    let reorder = false;
    for (const ch of changes) {
      if (!ch.old || !ch.now) reorder = true;
      c.files.delete(ch.path);
      const now = ws.files.get(ch.path);
      if (now && contributes(ws, now)) c.files.add(ch.path);
    }
    if (reorder) c.order = orderOf(ws);
    c.version = ws.version;
  }
  const out: AlFileModel[] = [];
  for (const path of c.files) {
    const f = ws.files.get(path);
    if (f) out.push(f);
  }
  // Workspace order, so roots (and the paths walks find first) come out as a full scan gives them.
  const order = c.order;
  return out.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
}

function orderOf(ws: Workspace): Map<string, number> {
  const m = new Map<string, number>();
  let n = 0;
  for (const p of ws.files.keys()) m.set(p, n++);
  return m;
}

function contributes(ws: Workspace, file: AlFileModel): boolean {
  const ff = fileFactsOf(ws, file);
  return ff.sites.length > 0 || ff.jobQueue.length > 0;
}

export function computeFacts(ws: Workspace): Facts {
  const hit = cache.get(ws);
  if (hit && hit.version === ws.version) return hit.facts;
  const facts: Facts = { enqueueSites: [], startSessionSites: [], createTaskSites: [], roots: new Map() };
  const jobQueue: WsObject[] = [];
  for (const file of contributingFiles(ws)) {
    const ff = fileFactsOf(ws, file);
    if (ff.jobQueue.length) jobQueue.push(...ff.jobQueue);
    for (const r of ff.sites) {
      if (r.kind === 'enqueue') facts.enqueueSites.push(site(ws, r.obj, r.proc, r.call, 1));
      else if (r.kind === 'start') facts.startSessionSites.push(site(ws, r.obj, r.proc, r.call, 1));
      else {
        // The codeunit to run is always a site (codeunit 0 does not exist: BG0012 says so); a failure codeunit 0 means
        // "none" and is not one.
        facts.createTaskSites.push(site(ws, r.obj, r.proc, r.call, 0));
        const failure = site(ws, r.obj, r.proc, r.call, 1);
        if (failure.target.form !== 'missing' && !(failure.targetExpr?.k === 'literal' && failure.targetExpr.value === '0')) facts.createTaskSites.push(failure);
      }
    }
  }
  const addRoot = (cu: WsObject | undefined, kind: BackgroundKind, origin?: CallSite) => {
    if (!cu || cu.external) return;
    const onRun = cu.procedures.find((p) => p.isTrigger && p.name.toLowerCase() === 'onrun');
    if (!onRun) return;
    let r = facts.roots.get(cu);
    if (!r) {
      r = { ref: { obj: cu, proc: onRun }, kinds: new Set(), origin, enqueuedBy: [] };
      facts.roots.set(cu, r);
    }
    r.kinds.add(kind);
    if (kind === 'pagetask' && origin) r.enqueuedBy.push(origin);
  };
  for (const s of facts.enqueueSites) addRoot(s.target.obj, 'pagetask', s);
  for (const s of facts.startSessionSites) addRoot(s.target.obj, 'session', s);
  for (const s of facts.createTaskSites) addRoot(s.target.obj, 'scheduled', s);
  for (const o of jobQueue) addRoot(o, 'jobqueue');
  cache.set(ws, { version: ws.version, facts });
  return facts;
}

function site(ws: Workspace, obj: WsObject, proc: Procedure, call: CallExpr, argIndex: number): CallSite {
  const targetExpr = call.args[argIndex];
  return { obj, proc, call, target: codeunitArg(ws, targetExpr, obj.file), targetExpr };
}

export function kindText(kinds: Set<BackgroundKind>): string {
  const parts: string[] = [];
  if (kinds.has('pagetask')) parts.push('a page background task');
  if (kinds.has('session')) parts.push('a background session (StartSession)');
  if (kinds.has('scheduled')) parts.push('a scheduled task (TaskScheduler.CreateTask)');
  if (kinds.has('jobqueue')) parts.push('a job queue entry');
  return parts.join(' and ');
}
