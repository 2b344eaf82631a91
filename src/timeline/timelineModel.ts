// Turns a run's timeline events (the `run --json` / `serve` event list) into a Gantt model: one row per session
// with its span, kind and outcome, queue waits before it started, and point marks (cancellations, timeouts,
// triggers, notifications, errors, messages, commits). Pure: no I/O, no DOM, shared by the CLI and the extension.
import type { TimelineEvent } from '../protocol/runtimeProtocol';

export type RowKind = 'Foreground' | 'Background' | 'PageBackgroundTask' | 'Queued';
export type Outcome = 'running' | 'completed' | 'error' | 'cancelled' | 'timeout' | 'stopped';
export type MarkKind = 'cancelled' | 'timeout' | 'trigger' | 'notification' | 'error' | 'message' | 'commit' | 'rollback' | 'enqueued' | 'enqueueFailed' | 'write';

export interface Mark {
  t: number;
  kind: MarkKind;
  /** One line for the hover. */
  label: string;
  level?: string;
}

export interface Span {
  from: number;
  to: number;
  label: string;
}

export interface Row {
  /** Session id; for a task cancelled before it ever got a session, a negative placeholder. */
  id: number;
  kind: RowKind;
  parent: number | null;
  object: string;
  /** The object's name (`sessionStarted`'s objectName), shown instead of the bare id. */
  objectName?: string;
  task?: number;
  /** The company the session ran in (from `sessionStarted`; older timelines have none). */
  company?: string;
  start: number;
  /** Undefined while the session is still running. */
  end?: number;
  outcome: Outcome;
  error?: { code?: string; text?: string };
  /** Time spent waiting for a slot before the session started (queue waits). */
  waits: Span[];
  marks: Mark[];
}

export interface TimelineModel {
  rows: Row[];
  /** Earliest and latest event times. */
  start: number;
  end: number;
  /** Events that belong to no row (e.g. with no session): still counted. */
  events: number;
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** Builds the model from events in the order they happened. Unknown events are ignored (the list can grow). */
export function buildTimeline(events: readonly TimelineEvent[]): TimelineModel {
  const rows = new Map<number, Row>();
  const order: Row[] = [];
  /** Page background tasks by task id: where they were enqueued, when they started waiting, their row if any. */
  const tasks = new Map<number, { parent?: number; codeunit: string; enqueuedAt: number; waitingSince?: number; row?: Row; timeoutMs?: number; errorLevel?: string }>();
  /** StartSession sessions queued before they started, by session id. */
  const queuedSessions = new Map<number, number>();
  let placeholder = -1;
  let start = Infinity;
  let end = -Infinity;
  const markOn = (session: unknown, mark: Mark) => {
    const r = typeof session === 'number' ? rows.get(session) : undefined;
    if (r) r.marks.push(mark);
  };
  for (const e of events) {
    if (typeof e.t !== 'number' || !Number.isFinite(e.t)) continue;
    start = Math.min(start, e.t);
    end = Math.max(end, e.t);
    switch (e.event) {
      case 'sessionStarted': {
        const id = Number(e.session);
        const task = typeof e.task === 'number' ? e.task : undefined;
        const row: Row = {
          id, kind: (['Foreground', 'Background', 'PageBackgroundTask'].includes(str(e.kind)) ? e.kind : 'Foreground') as RowKind,
          parent: typeof e.parent === 'number' ? e.parent : null, object: str(e.object), task, start: e.t, outcome: 'running', waits: [], marks: [],
          ...(typeof e.company === 'string' ? { company: e.company } : {}),
          ...(typeof e.objectName === 'string' ? { objectName: e.objectName } : {}),
        };
        const q = queuedSessions.get(id);
        if (q !== undefined && q < e.t) row.waits.push({ from: q, to: e.t, label: 'queued: waiting for a free background session slot' });
        const info = task !== undefined ? tasks.get(task) : undefined;
        if (info) {
          info.row = row;
          if (info.waitingSince !== undefined && info.waitingSince < e.t) row.waits.push({ from: info.waitingSince, to: e.t, label: `task ${task} waited for a free child session slot` });
          row.marks.push({ t: info.enqueuedAt, kind: 'enqueued', label: `task ${task} enqueued (${info.codeunit}${info.timeoutMs !== undefined ? `, timeout ${info.timeoutMs} ms` : ''}${info.errorLevel ? `, ErrorLevel ${info.errorLevel}` : ''})` });
        }
        rows.set(id, row);
        order.push(row);
        break;
      }
      case 'sessionEnded': {
        const r = rows.get(Number(e.session));
        if (!r) break;
        r.end = e.t;
        const outcome = str(e.outcome);
        r.outcome = (['completed', 'error', 'cancelled', 'timeout', 'stopped'].includes(outcome) ? outcome : 'completed') as Outcome;
        const err = e.error as { code?: string; text?: string } | undefined;
        if (err) r.error = err;
        if (r.outcome === 'timeout') r.marks.push({ t: e.t, kind: 'timeout', label: `timed out${err?.text ? `: ${err.text}` : ''}` });
        else if (r.outcome === 'error') r.marks.push({ t: e.t, kind: 'error', label: `error${err ? `: ${err.code ? `${err.code}: ` : ''}${err.text ?? ''}` : ''}` });
        else if (r.outcome === 'stopped') r.marks.push({ t: e.t, kind: 'cancelled', label: 'stopped' });
        break;
      }
      case 'sessionQueued':
        queuedSessions.set(Number(e.session), e.t);
        break;
      case 'taskEnqueued': {
        if (typeof e.task !== 'number') break;
        tasks.set(e.task, { parent: typeof e.session === 'number' ? e.session : undefined, codeunit: str(e.codeunit), enqueuedAt: e.t, timeoutMs: typeof e.timeoutMs === 'number' ? e.timeoutMs : undefined, errorLevel: str(e.errorLevel) || undefined });
        break;
      }
      case 'taskWaiting': {
        const info = typeof e.task === 'number' ? tasks.get(e.task) : undefined;
        if (info) info.waitingSince = e.t;
        break;
      }
      case 'taskCancelled': {
        const task = typeof e.task === 'number' ? e.task : undefined;
        const info = task !== undefined ? tasks.get(task) : undefined;
        const label = `task ${task} cancelled (${str(e.reason)})`;
        if (info?.row) info.row.marks.push({ t: e.t, kind: 'cancelled', label });
        else if (info) {
          // Cancelled while still waiting: it never had a session, so it gets a row of its own showing the wait.
          const row: Row = { id: placeholder--, kind: 'Queued', parent: info.parent ?? null, object: info.codeunit, task, start: info.enqueuedAt, end: e.t, outcome: 'cancelled', waits: [{ from: info.waitingSince ?? info.enqueuedAt, to: e.t, label: `task ${task} waited for a free child session slot` }], marks: [{ t: e.t, kind: 'cancelled', label }] };
          order.push(row);
        } else markOn(e.session, { t: e.t, kind: 'cancelled', label });
        break;
      }
      case 'enqueueFailed':
        markOn(e.session, { t: e.t, kind: 'enqueueFailed', label: `enqueue failed: ${str(e.reason)}` });
        break;
      case 'trigger':
        markOn(e.session, { t: e.t, kind: 'trigger', label: `${str(e.object)} ${str(e.name)}${e.task !== undefined ? ` (task ${str(e.task)})` : ''}` });
        break;
      case 'notification':
        markOn(e.session, { t: e.t, kind: 'notification', level: str(e.level), label: `notification [${str(e.level)}]: ${str(e.text)}` });
        break;
      case 'message':
        markOn(e.session, { t: e.t, kind: 'message', label: `Message: ${str(e.text)}${e.suppressed ? ' (suppressed: no UI)' : ''}` });
        break;
      case 'error':
        markOn(e.session, { t: e.t, kind: 'error', label: `error: ${e.code ? `${str(e.code)}: ` : ''}${str(e.text)}` });
        break;
      // A foreground call stopped by --max-call-time, a session ended over maxSessionMemoryMB.
      case 'callTimeLimit':
        markOn(e.session, { t: e.t, kind: 'timeout', label: `call time limit: ${str(e.text)}` });
        break;
      case 'memoryLimit':
        markOn(e.session, { t: e.t, kind: 'error', label: `memory limit: ${str(e.text)}` });
        break;
      case 'commit':
      case 'rollback':
        markOn(e.session, { t: e.t, kind: e.event, label: e.event });
        break;
      case 'write':
        markOn(e.session, { t: e.t, kind: 'write', label: `${str(e.op)} ${str(e.table)}` });
        break;
      default:
        break;
    }
  }
  if (!Number.isFinite(start)) { start = 0; end = 0; }
  return { rows: order, start, end, events: events.length };
}
