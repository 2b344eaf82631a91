// How a runtime session looks in the debugger: its thread name and the synthetic "Session" scope (kind, id,
// parent, task id, effective timeout, time left, page task parameters). Pure functions over SessionInfo.
import type { SessionInfo, SessionKind } from '../protocol/runtimeProtocol';

const KIND_LABEL: Record<SessionKind, string> = {
  Foreground: 'Client session',
  Background: 'Background session',
  PageBackgroundTask: 'Page background task',
};

/** e.g. "Page background task 7 · Codeunit 50100 PBTWaitCodeunit (child of 3)". */
export function threadName(info: SessionInfo): string {
  // "Codeunit 50100" gets its name appended; a client session's "Client" is better said by its name ("Web client").
  const isObject = /^\S+ \d+$/.test(info.object);
  const object = isObject ? (info.objectName && !info.object.includes(info.objectName) ? `${info.object} ${info.objectName}` : info.object) : info.objectName || info.object;
  const parent = info.parent !== null && info.parent !== undefined ? ` (child of ${info.parent})` : '';
  return `${KIND_LABEL[info.kind] ?? info.kind} ${info.id} · ${object || 'idle'}${parent}`;
}

export interface PlainVariable {
  name: string;
  value: string;
  type: string;
  /** True when the row expands into the page task's parameters. */
  parameters?: boolean;
}

/** "10000 ms (10 s)", "2 min", ... : milliseconds with a human reading next to them. */
export function formatDuration(ms: number): string {
  const whole = Math.round(ms);
  if (Math.abs(whole) < 1000) return `${whole} ms`;
  const seconds = whole / 1000;
  if (Math.abs(seconds) < 120) return `${whole} ms (${trim(seconds)} s)`;
  return `${whole} ms (${trim(seconds / 60)} min)`;
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

/**
 * The rows of the Session scope. `now` is the runtime clock's current reading (undefined when unknown, then the
 * time left is not shown rather than guessed).
 */
export function sessionScopeRows(info: SessionInfo, now: number | undefined): PlainVariable[] {
  const rows: PlainVariable[] = [
    { name: 'Kind', value: info.kind, type: 'SessionKind' },
    { name: 'Session Id', value: String(info.id), type: 'Integer' },
    { name: 'Parent Session', value: info.parent === null || info.parent === undefined ? 'none' : String(info.parent), type: 'Integer' },
  ];
  if (info.taskId !== undefined) rows.push({ name: 'Task Id', value: String(info.taskId), type: 'Integer' });
  rows.push({ name: 'Object', value: info.objectName ? `${info.object} "${info.objectName}"` : info.object, type: 'Text' });
  rows.push({ name: 'User Id', value: info.userId, type: 'Text' });
  if (info.company !== undefined) rows.push({ name: 'Company', value: info.company, type: 'Text' });
  // The runtime keeps a stopped session's scheduling state; what matters here is that the debugger holds it.
  rows.push({ name: 'State', value: info.stoppedReason ? `stopped (${info.stoppedReason})` : info.state, type: 'Text' });
  if (info.timeoutMs !== undefined) rows.push({ name: 'Timeout', value: formatDuration(info.timeoutMs), type: 'Duration' });
  if (info.deadline !== undefined && now !== undefined) {
    const left = info.deadline - now;
    rows.push({ name: 'Time Left', value: left > 0 ? formatDuration(left) : 'expired', type: 'Duration' });
  }
  if (info.parameters) {
    const count = Object.keys(info.parameters).length;
    rows.push({ name: 'Parameters', value: `Dictionary of [Text, Text] (${count} ${count === 1 ? 'entry' : 'entries'})`, type: 'Dictionary of [Text, Text]', parameters: true });
  }
  return rows;
}

/** The page task's parameters as rows, AL-quoted the way the other scopes show Text values. */
export function parameterRows(info: SessionInfo): PlainVariable[] {
  return Object.entries(info.parameters ?? {}).map(([key, value]) => ({ name: key, value: `'${value.replace(/'/g, "''")}'`, type: 'Text' }));
}
