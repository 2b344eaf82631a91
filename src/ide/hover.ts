// Hovers on the background-session APIs: the signature and the effective behaviour computed from the call's arguments.
import type { Expr } from '../analysis/model/ir';
import { callAt, procedureNameAt } from '../analysis/model/locate';
import { codeunitArg, resolveCall } from '../analysis/model/resolve';
import { forEachCall } from '../analysis/model/visit';
import type { Workspace, WsObject } from '../analysis/model/workspace';
import { constantNumber } from '../analysis/rules/BG0004';

export interface HoverInfo {
  markdown: string;
  start: number;
  end: number;
}

const DEFAULT_TASK_TIMEOUT_MS = 120000;
const MAX_TASK_TIMEOUT_MS = 600000;

export function hoverAt(ws: Workspace, path: string, offset: number): HoverInfo | undefined {
  const file = ws.files.get(path);
  if (!file) return undefined;
  const named = procedureNameAt(file, offset);
  if (named && named.proc.isTrigger) {
    const md = triggerHover(named.proc.name);
    if (md) return { markdown: md, start: named.proc.nameStart, end: named.proc.nameEnd };
  }
  const at = callAt(file, offset);
  if (!at) return undefined;
  const res = resolveCall(ws, at.obj, at.proc, at.call);
  if (res.kind !== 'builtin') return undefined;
  const span = calleeSpan(at.call);
  let md: string | undefined;
  switch (res.name) {
    case 'session.startsession':
      md = startSessionHover(ws, at.call.args, at.isStatement);
      break;
    case 'currpage.enqueuebackgroundtask':
      md = enqueueHover(ws, at.obj, at.call.args, at.isStatement);
      break;
    case 'page.getbackgroundparameters':
      md = getParamsHover(ws, at.obj);
      break;
    case 'page.setbackgroundtaskresult':
      md = setResultHover(ws, at.obj);
      break;
    case 'taskscheduler.createtask':
      md = createTaskHover(ws, at.call.args);
      break;
  }
  return md ? { markdown: md, start: span.start, end: span.end } : undefined;
}

function calleeSpan(call: Expr & { k: 'call' }): { start: number; end: number } {
  const c = call.callee;
  if (c.k === 'member') return { start: c.nameStart, end: c.end };
  return { start: c.start, end: c.end };
}

function codeunitText(ws: Workspace, e: Expr | undefined): string {
  const t = codeunitArg(ws, e);
  if (t.form === 'name') return t.obj ? `codeunit ${t.obj.id} "${t.obj.name}"` : `codeunit "${t.text}" (not found in the workspace)`;
  if (t.form === 'number') return t.obj ? `codeunit ${t.id} "${t.obj.name}" (given as a bare number)` : `codeunit ${t.id} (not found in the workspace)`;
  return 'the codeunit computed at run time';
}

function startSessionHover(ws: Workspace, args: Expr[], isStatement: boolean): string {
  // Overloads: (SessionId, CodeunitId [, Company] [, Record]) | (.., Company, Record, Timeout) | (SessionId, CodeunitId, Timeout [, Company] [, Record]).
  const lines = [
    '```al',
    '[Ok :=] Session.StartSession(var SessionId: Integer; CodeunitId: Integer [; Company: Text] [; var Record: Record] [; Timeout: Duration])',
    '```',
    `Starts ${codeunitText(ws, args[1])} in a **new background session** on this server, with the caller's credentials and its own transaction.`,
    '',
  ];
  const timeoutArg = args.length === 5 ? args[4] : args.length >= 3 && isDurationLike(args[2]) ? args[2] : undefined;
  const timeout = timeoutArg ? constantNumber(timeoutArg) : undefined;
  lines.push(
    timeoutArg
      ? `- Timeout: ${timeout !== undefined ? `${timeout} ms` : 'given'}; the session is stopped when it runs longer.`
      : '- Timeout: none given, so the server default applies (8 h on-premises `BackgroundSessionsDefaultTimeout`, 12 h online).',
  );
  lines.push(args.length >= 4 || (args.length === 3 && !timeoutArg) ? '- Company: given (the session runs in that company).' : '- Company: the current company.');
  if (args.length >= 4) lines.push("- Record: a copy of the caller's record is passed to the codeunit's OnRun.");
  lines.push(
    isStatement
      ? '- The return value is not used: **a failed start is a run-time error**.'
      : '- `Ok` only says the session **started**, never that its work succeeded; errors end the session and land in the Session Event table.',
  );
  lines.push('- Limits: 10 background sessions run at once per server, more wait; more than 100 queued is an error. No UI: Confirm fails, Message goes to the event log.');
  return lines.join('\n');
}

function isDurationLike(e: Expr): boolean {
  return e.k === 'literal' && e.type === 'number';
}

function enqueueHover(ws: Workspace, page: WsObject, args: Expr[], isStatement: boolean): string {
  const timeoutArg = args[3];
  const t = timeoutArg ? constantNumber(timeoutArg) : undefined;
  let timeout: string;
  if (!timeoutArg) timeout = `none given, so the default of 2 min (${DEFAULT_TASK_TIMEOUT_MS} ms, PageBackgroundTaskDefaultTimeout) applies`;
  else if (t === undefined) timeout = `computed at run time; none given means 2 min; more than 10 min is capped at ${MAX_TASK_TIMEOUT_MS} ms`;
  else if (t > MAX_TASK_TIMEOUT_MS) timeout = `${t} ms asked, **capped at ${MAX_TASK_TIMEOUT_MS} ms** (10 min, PageBackgroundTaskMaxTimeout)`;
  else timeout = `${t} ms; none given means 2 min; more than 10 min is capped`;
  const level = args[4] && args[4].k === 'scope' ? args[4].right : args[4] ? 'computed at run time' : 'Error (default)';
  const lines = [
    '```al',
    '[Ok :=] CurrPage.EnqueueBackgroundTask(var TaskId: Integer; CodeunitId: Integer [; var Parameters: Dictionary of [Text, Text]] [; Timeout: Integer] [; ErrorLevel: PageBackgroundTaskErrorLevel])',
    '```',
    `Runs ${codeunitText(ws, args[1])}'s OnRun in a **read-only child session** of this page's session, without a record.`,
    '',
    `- Parameters: ${args[2] ? 'read in the task with `Page.GetBackgroundParameters()`' : 'none'}.`,
    `- Timeout: ${timeout}. On timeout: error ChildSessionTaskTimeout.`,
    `- ErrorLevel: ${level}. Unhandled errors show as a notification (Error and Warning), nothing for Ignore.`,
    `- Cancelled when the page closes or its **current record ID changes**; results arrive in OnPageBackgroundTaskCompleted of ${page.kind} "${page.name}".`,
    '- 5 tasks run at once per session, the rest wait; more than 100 waiting makes the enqueue fail.',
    isStatement ? '- The return value is not used: a failed enqueue is a run-time error.' : '- `Ok` is false when the enqueue fails (queue full).',
  ];
  return lines.join('\n');
}

function pagesEnqueuing(ws: Workspace, codeunit: WsObject): WsObject[] {
  const out: WsObject[] = [];
  for (const f of ws.files.values()) {
    if (!/enqueuebackgroundtask/i.test(f.text)) continue;
    for (const o of f.objects) for (const p of o.procedures) {
      forEachCall(p.body, (c) => {
        const r = resolveCall(ws, o, p, c);
        if (r.kind === 'builtin' && r.name === 'currpage.enqueuebackgroundtask' && codeunitArg(ws, c.args[1]).obj === codeunit && !out.includes(o)) out.push(o);
      });
    }
  }
  return out;
}

function getParamsHover(ws: Workspace, obj: WsObject): string {
  const pages = obj.kind === 'codeunit' ? pagesEnqueuing(ws, obj) : [];
  return [
    '```al',
    'Parameters := Page.GetBackgroundParameters(): Dictionary of [Text, Text]',
    '```',
    'In a page background task: the dictionary passed to `CurrPage.EnqueueBackgroundTask`. `Get(Key)` on a key the page did not add is a run-time error; use `Get(Key, Value)` or `ContainsKey` when a key is optional.',
    pages.length ? `\nEnqueued by: ${pages.map((p) => `${p.kind} "${p.name}"`).join(', ')}.` : '',
  ].join('\n');
}

function setResultHover(ws: Workspace, obj: WsObject): string {
  const pages = obj.kind === 'codeunit' ? pagesEnqueuing(ws, obj) : [];
  return [
    '```al',
    'Page.SetBackgroundTaskResult(var Results: Dictionary of [Text, Text])',
    '```',
    "In a page background task: hands the results to the page's `OnPageBackgroundTaskCompleted(TaskId, Results)`, which runs in the page's session after the task ends. Only text keys and values cross the session boundary.",
    pages.length ? `\nDelivered to: ${pages.map((p) => `${p.kind} "${p.name}"`).join(', ')}.` : '',
  ].join('\n');
}

function createTaskHover(ws: Workspace, args: Expr[]): string {
  return [
    '```al',
    'TaskId := TaskScheduler.CreateTask(CodeunitId: Integer; FailureCodeunitId: Integer [; IsReady: Boolean] [; Company: Text] [; NotBefore: DateTime] [; RecordId: RecordId])',
    '```',
    `Schedules ${codeunitText(ws, args[0])} to run in a background session on any server (stored in the Scheduled Task table, survives restarts).`,
    args[1] && !(args[1].k === 'literal' && args[1].value === '0') ? `On failure ${codeunitText(ws, args[1])} runs.` : 'No failure codeunit (0).',
  ].join('\n');
}

function triggerHover(name: string): string | undefined {
  switch (name.toLowerCase()) {
    case 'onpagebackgroundtaskcompleted':
      return [
        '```al',
        'trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])',
        '```',
        "Runs in the page's session when a page background task enqueued by this page ends successfully; `Results` is what the task passed to `Page.SetBackgroundTaskResult` (empty when it did not).",
        '',
        '- Compare `TaskId` with the id you stored: an older task can finish after a newer one.',
        '- `CurrPage.Update()` is ignored here; dialogs (`Confirm`, `StrMenu`) fail as disallowed client callbacks.',
        '- Errors raised here always show as errors.',
      ].join('\n');
    case 'onpagebackgroundtaskerror':
      return [
        '```al',
        'trigger OnPageBackgroundTaskError(TaskId: Integer; ErrorCode: Text; ErrorText: Text; ErrorCallStack: Text; var IsHandled: Boolean)',
        '```',
        "Runs in the page's session when a page background task enqueued by this page fails (a timeout gives ErrorCode `ChildSessionTaskTimeout`).",
        '',
        "- Leave `IsHandled` false and the error shows as a notification per the task's ErrorLevel (Error and Warning notify, Ignore shows nothing); set it to true to show nothing.",
        '- `CurrPage.Update()` is ignored here; dialogs fail as disallowed client callbacks.',
      ].join('\n');
    default:
      return undefined;
  }
}
