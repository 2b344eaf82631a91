// The runtime's timeline: every observable event (sessions, tasks, triggers, messages, writes, page fields) in
// the order it happened, with the clock time. `run --json` prints it, `serve` streams it, tests assert on it.
import type { TimelineEvent, TimelineEventKind } from '../../protocol/runtimeProtocol';

export type { TimelineEvent };

export type TimelineListener = (event: TimelineEvent) => void;

export class Timeline {
  /** The retained events, oldest first: at most `limit` of the latest once older ones were dropped. */
  events: TimelineEvent[] = [];
  private readonly listeners = new Set<TimelineListener>();
  /** Stress runs switch retention off: listeners still see every event. */
  retain = true;
  /** Events emitted so far, and how many of the oldest are no longer kept (events[0] is event number `dropped`). */
  total = 0;
  dropped = 0;

  /**
   * `limit`: how many events to keep (a long-running `serve` would otherwise grow without end); the oldest go
   * first, in batches so that emitting stays O(1) on average.
   */
  constructor(
    private readonly now: () => number,
    readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  emit(event: TimelineEventKind, fields: Record<string, unknown>): TimelineEvent {
    const e: TimelineEvent = { event, t: this.now(), ...fields };
    this.total++;
    if (this.retain) {
      this.events.push(e);
      if (this.events.length > this.limit + Math.max(1, Math.min(10_000, Math.floor(this.limit / 10)))) {
        const cut = this.events.length - this.limit;
        this.events = this.events.slice(cut);
        this.dropped += cut;
      }
    } else this.dropped++;
    for (const l of this.listeners) l(e);
    return e;
  }

  /**
   * The events from number `from` on (0 = the first ever emitted). When some of those are no longer kept, the
   * answer starts at the oldest kept one and says how many were lost, so a client can tell it has a gap.
   */
  since(from = 0): { events: TimelineEvent[]; from: number; total: number; missing: number } {
    const start = Math.max(from, this.dropped);
    return { events: this.events.slice(start - this.dropped), from: start, total: this.total, missing: start - Math.max(0, from) };
  }

  on(listener: TimelineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const kindLabel: Record<string, string> = { Foreground: 'fg', Background: 'bg', PageBackgroundTask: 'task' };

/** One line for people: time, session, what happened. */
export function formatEvent(e: TimelineEvent, kinds: Map<number, string>): string {
  const t = `${(e.t / 1000).toFixed(3).padStart(9)}s`;
  const s = e.session !== undefined ? `${kindLabel[kinds.get(e.session) ?? ''] ?? 'session'} ${e.session}` : '';
  const who = s.padEnd(10);
  const q = (v: unknown) => JSON.stringify(v);
  let what: string;
  switch (e.event) {
    case 'sessionStarted':
      what = `started ${e.kind} session running ${e.object}${e.parent !== null && e.parent !== undefined ? ` (parent ${e.parent})` : ''}${e.company ? ` in company ${q(e.company)}` : ''}`;
      break;
    case 'sessionEnded': {
      const err = e.error as { code?: string; text?: string } | undefined;
      what = `ended: ${e.outcome}${err ? ` - ${err.code ? err.code + ': ' : ''}${err.text}` : ''}`;
      break;
    }
    case 'taskEnqueued':
      what = `enqueued page background task ${e.task} (${e.codeunit}, timeout ${e.timeoutMs} ms, ErrorLevel ${e.errorLevel})${e.synchronous ? ', runs synchronously' : ''}`;
      break;
    case 'taskWaiting':
      what = `task ${e.task} waits for a free child session slot`;
      break;
    case 'taskStarted':
      what = `task ${e.task} runs in child session ${e.child}`;
      break;
    case 'enqueueFailed':
      what = `enqueue failed: ${e.reason}`;
      break;
    case 'taskCancelled':
      what = `task ${e.task} cancelled (${e.reason})`;
      break;
    case 'trigger':
      what = `trigger ${e.object} ${e.name}${e.task !== undefined ? ` (task ${e.task})` : ''}${declaredElsewhere(e)}`;
      break;
    case 'message':
      what = `Message ${q(e.text)}${e.suppressed ? ' (suppressed: no UI)' : ''}`;
      break;
    case 'notification':
      what = `notification [${e.level}] ${q(e.text)}`;
      break;
    case 'write':
      what = `${e.op} ${e.table}${e.company ? ` in company ${q(e.company)}` : ''}`;
      break;
    case 'commit':
    case 'rollback':
      what = e.scope === 'asserterror' ? `rollback of the asserterror statement's ${e.writes} write(s)` : e.event;
      break;
    case 'pageField':
      what = `page ${e.page}: ${e.field} = ${q(e.value)}`;
      break;
    case 'callTimeLimit':
    case 'memoryLimit':
      what = String(e.text);
      break;
    case 'error':
      what = `error: ${e.code ? `${e.code}: ` : ''}${e.text}`;
      break;
    case 'step':
      what = `-- step ${e.index}: ${e.text}`;
      break;
    case 'stepFailed':
      what = `!! step ${e.index} could not be done: ${e.reason}`;
      break;
    case 'pageOpened':
      what = `opened page ${e.page} (Page ${e.pageId}, instance ${e.pageInstance})`;
      break;
    case 'pageClosed':
      what = `closed page ${e.page} (instance ${e.pageInstance})`;
      break;
    case 'sessionQueued':
      what = `queued: ${e.object} waits for a free background session slot (${e.queued} queued)`;
      break;
    case 'dialog':
      what = `${e.kind} ${q(e.text)}${e.answer !== undefined ? ` -> ${q(e.answer)}` : ''}`;
      break;
    case 'testResult': {
      const err = e.error as { text?: string } | undefined;
      what = `test ${e.codeunit} ${e.function || 'OnRun'}: ${e.success ? 'passed' : `FAILED - ${err?.text ?? ''}`}`;
      break;
    }
    case 'startSessionIgnored':
      what = `StartSession of ${e.codeunit} ignored: ${e.reason}`;
      break;
    case 'serverRestart':
      what = `== server instance restart: ${e.sessions} active session(s) end`;
      break;
    case 'scheduledTask':
      what = `TaskScheduler.CreateTask ${e.codeunit}${e.ready ? '' : ' (not ready)'}`;
      break;
    case 'pageUpdate':
    case 'testStarted':
      what = fieldsLine(e);
      break;
    default: {
      // Exhaustive over TimelineEventKind (a new kind without a line here does not compile); events read from
      // another version of the runtime still print, with their fields.
      const unknownKind: never = e.event;
      void unknownKind;
      what = fieldsLine(e);
    }
  }
  return `${t}  ${who} ${what}`;
}

/** The event's name and its fields as JSON (for kinds without a sentence of their own). */
function fieldsLine(e: TimelineEvent): string {
  const { event, t: _t, session: _s, ...rest } = e;
  return `${event} ${Object.keys(rest).length ? JSON.stringify(rest) : ''}`.trim();
}

/** For a page trigger that page extensions declare: which objects ran it (the page's own id alone says nothing new). */
function declaredElsewhere(e: TimelineEvent): string {
  const owners = Array.isArray(e.declaredIn) ? (e.declaredIn as string[]) : [];
  if (owners.length === 0 || (owners.length === 1 && owners[0] === e.object)) return '';
  return ` in ${owners.join(', ')}`;
}
