// The runtime control protocol: messages between the hosted session runtime (`al-session-lab serve`) and its
// clients (the debug adapter, the extension's views). One source of truth imported by both ends.
//
// Transport: TCP on the loopback address; each message is one line of UTF-8 JSON terminated by "\n".
// The framing mirrors DAP (request / response / event with seq numbers) so the debug adapter maps 1:1.
// Invariant: a connection's first request must be `hello` with the token printed by `serve`; any other first
// message, or a wrong token, gets an error response and the connection is closed. Every request's arguments are
// checked against requestSchemas.ts before the server acts on them.
// Positions are 0-based line and character; the debug adapter converts to the client's convention.

export const PROTOCOL_VERSION = 1;

export interface RequestMessage<C extends string = string, A = unknown> {
  type: 'request';
  seq: number;
  command: C;
  arguments: A;
}

export interface ResponseMessage<B = unknown> {
  type: 'response';
  request_seq: number;
  command: string;
  success: boolean;
  /** A one-line reason when success is false. */
  message?: string;
  body?: B;
}

export interface EventMessage<E extends string = string, B = unknown> {
  type: 'event';
  seq: number;
  event: E;
  body: B;
}

export type ProtocolMessage = RequestMessage | ResponseMessage | EventMessage;

// ---------------------------------------------------------------------------------------------------------
// Shared data shapes
// ---------------------------------------------------------------------------------------------------------

export type SessionKind = 'Foreground' | 'Background' | 'PageBackgroundTask';
export type SessionState = 'queued' | 'running' | 'sleeping' | 'blocked' | 'waiting' | 'stopped' | 'ended';
export type SessionOutcome = 'completed' | 'error' | 'cancelled' | 'timeout' | 'stopped';

export interface SessionInfo {
  id: number;
  kind: SessionKind;
  parent: number | null;
  /** e.g. "Codeunit 50100" */
  object: string;
  /** Display name, e.g. "PBTWaitCodeunit". */
  objectName: string;
  state: SessionState;
  /** Page background tasks: the task id on the parent page. */
  taskId?: number;
  userId: string;
  startedAt: number;
  /** Effective timeout in ms (after default and cap), and the clock time it expires. */
  timeoutMs?: number;
  deadline?: number;
  /** Page background task parameters. */
  parameters?: Record<string, string>;
  /** Stopped in a debugger: why. */
  stoppedReason?: string;
  /** The company the session runs in. */
  company?: string;
}

export interface QueuedTaskInfo {
  task: number;
  parentSession: number;
  codeunit: string;
  enqueuedAt: number;
}

export interface Position {
  file: string;
  line: number;
  character: number;
}

export interface BreakpointRequest {
  line: number;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}

export interface BreakpointResult {
  id: number;
  verified: boolean;
  line: number;
  message?: string;
}

export interface FrameData {
  id: number;
  name: string;
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface VariableData {
  name: string;
  value: string;
  type: string;
  /** Non-zero: expandable with `variables`. */
  reference: number;
  editable: boolean;
}

export interface ErrorData {
  code: string;
  text: string;
  callStack: string;
  /** Where it was raised (0-based), when known. */
  file?: string;
  line?: number;
  character?: number;
}

/**
 * Every kind of timeline event the runtime emits (docs/cli.md lists their fields). The runtime's emit takes only
 * these, and the one-line formatter (runtime/sessions/eventLog.ts) switches over all of them: a kind added here
 * without its line there fails the typecheck.
 */
export type TimelineEventKind =
  | 'sessionStarted' | 'sessionEnded' | 'sessionQueued' | 'startSessionIgnored' | 'scheduledTask' | 'serverRestart'
  | 'taskEnqueued' | 'taskWaiting' | 'taskStarted' | 'taskCancelled' | 'enqueueFailed'
  | 'trigger' | 'message' | 'notification' | 'dialog' | 'error'
  | 'write' | 'commit' | 'rollback'
  | 'pageOpened' | 'pageClosed' | 'pageField' | 'pageUpdate'
  | 'step' | 'stepFailed' | 'testStarted' | 'testResult'
  /** A foreground call stopped at --max-call-time; a session ended over maxSessionMemoryMB. */
  | 'callTimeLimit' | 'memoryLimit';

/** A timeline event exactly as `al-session-lab run --json` prints it (see docs/cli.md): `event`, `t`, ... */
export interface TimelineEvent {
  event: TimelineEventKind;
  t: number;
  session?: number;
  [field: string]: unknown;
}

/** A field as the client shows it now: its value, editor and the Visible/Enabled/Editable of this moment. */
export interface PageFieldData {
  name: string;
  caption: string;
  value: string;
  editable: boolean;
  /** AL type of the value: picks the editor (`Boolean` checkbox, `Option`/`Enum` dropdown, `Date`, `Decimal`...). */
  type?: string;
  /** Option/Enum members: `value` is what setField takes, `caption` what is shown. */
  options?: { value: string; caption: string }[];
  visible?: boolean;
  enabled?: boolean;
}

export interface PageGroupData {
  name: string;
  caption: string;
  /** A list's columns. */
  repeater?: boolean;
  /** Cues (tiles). */
  cue?: boolean;
  visible?: boolean;
  fields: PageFieldData[];
}

export interface PageActionData {
  name: string;
  caption: string;
  promoted?: boolean;
  /** The action group or area caption. */
  group?: string;
  runObject?: string;
  visible?: boolean;
  enabled?: boolean;
}

/** An AL error as a page shows it (BC's error dialog text) with where it was raised. */
export interface PageErrorData {
  code: string;
  text: string;
  callStack: string;
  /** 0-based position of the failing statement. */
  file?: string;
  line?: number;
  character?: number;
}

/** A part: a subpage (document lines) or a FactBox, itself a page with its own triggers and tasks. */
export interface PagePartData {
  name: string;
  caption: string;
  area: 'content' | 'factboxes';
  /** Links, Notes: shown as an empty box. */
  system: boolean;
  visible: boolean;
  page?: PageStateData;
  error?: PageErrorData;
}

export interface PageStateData {
  pageInstanceId: number;
  session: number;
  pageId: number;
  name: string;
  caption: string;
  pageType: string;
  /** The source table's name (pages without one have no record, New or Delete). */
  sourceTable?: string;
  groups: PageGroupData[];
  actions: PageActionData[];
  parts?: PagePartData[];
  /** Lists: the rows shown (values by field name) and the selected one's index (-1: none). */
  rows?: { recordId: string; values: Record<string, string> }[];
  selected?: number;
  /** Current record's RecordId text, e.g. "Customer: 10000". */
  recordId: string;
  /** A new record not inserted yet (New). */
  newRecord?: boolean;
  hasPrevious?: boolean;
  hasNext?: boolean;
  open: boolean;
  /** The error of the operation this state answers (the page stays as the runtime has it). */
  error?: PageErrorData;
}

/** Tests to run: a test codeunit (by id), all its [Test] procedures or only the named ones. */
export interface TestSelection {
  codeunit: number;
  /** Procedure names (case-insensitive); absent: every [Test] procedure of the codeunit. */
  tests?: string[];
}

export type TestOutcome = 'passed' | 'failed' | 'skipped';

/** An AL call stack line resolved to its source where the runtime knows it (innermost first). */
export interface TestStackFrame {
  /** The call stack line as BC prints it, e.g. `"My Tests"(CodeUnit 50120).Fails line 4 - App by Publisher`. */
  text: string;
  file?: string;
  line?: number;
}

export interface TestFailure {
  code: string;
  text: string;
  callStack: string;
  /** Where the error was raised (0-based line and character). */
  location?: { file: string; line: number; character: number };
  frames: TestStackFrame[];
}

/** A failure of a session the test started (StartSession, a page background task), said with the session it came from. */
export interface TestSessionError {
  session: number;
  kind: SessionKind;
  object: string;
  outcome: SessionOutcome;
  error: ErrorData;
}

/** Statement coverage of one file: every statement of the procedures loaded, with its hit count. */
export interface FileCoverageData {
  file: string;
  statements: { line: number; character: number; endLine: number; endCharacter: number; count: number }[];
  /** The procedures (and triggers) of the file: where they are and how often their first statement ran. */
  procedures: { name: string; line: number; character: number; count: number }[];
}

/** A dialog of a foreground session for the person: Confirm/StrMenu wait for `answerDialog`; Message does not. */
export interface DialogRequest {
  id: number;
  session: number;
  kind: 'Confirm' | 'StrMenu' | 'Message';
  text: string;
  /** StrMenu's options. */
  options?: string[];
  /** Confirm: the default answer; StrMenu: the default option number (1-based). */
  default?: boolean | number;
}

// ---------------------------------------------------------------------------------------------------------
// Requests: command name -> [arguments, response body]
// ---------------------------------------------------------------------------------------------------------

export interface AttachArguments {
  breakOnNext?: 'WebClient' | 'Background' | 'PageBackgroundTask' | 'Any';
  sessionId?: number;
  userId?: string;
  breakOnError?: 'None' | 'All' | 'ExcludeTry';
  breakOnRecordWrite?: 'None' | 'All' | 'ExcludeTemporary';
  stopOnEntry?: boolean;
}

export interface Requests {
  hello: [{ token: string; client: string }, { protocolVersion: number; workspace: string; clock: 'virtual' | 'real' }];
  /** Become the debugger of sessions per these rules (replaces earlier attach settings of this connection). */
  attach: [AttachArguments, { sessions: SessionInfo[] }];
  /** This debugger connection also debugs a running session ("Debug This Session" during a debug session). */
  debugSession: [{ session: number }, { session: SessionInfo }];
  /** Stop debugging: every session stopped for this connection resumes; the runtime keeps running. */
  detach: [Record<string, never>, Record<string, never>];
  sessions: [Record<string, never>, { sessions: SessionInfo[]; queued: QueuedTaskInfo[] }];
  setBreakpoints: [{ file: string; breakpoints: BreakpointRequest[] }, { breakpoints: BreakpointResult[] }];
  setExceptionBreakpoints: [{ breakOnError: 'None' | 'All' | 'ExcludeTry'; breakOnRecordWrite: 'None' | 'All' | 'ExcludeTemporary' }, Record<string, never>];
  continue: [{ session: number }, Record<string, never>];
  next: [{ session: number }, Record<string, never>];
  stepIn: [{ session: number }, Record<string, never>];
  stepOut: [{ session: number }, Record<string, never>];
  pause: [{ session: number }, Record<string, never>];
  stackTrace: [{ session: number }, { frames: FrameData[] }];
  scopes: [{ session: number; frame: number }, { scopes: { name: string; reference: number; expensive: boolean }[] }];
  variables: [{ session: number; reference: number }, { variables: VariableData[] }];
  evaluate: [{ session: number; frame: number; expression: string }, VariableData];
  setVariable: [{ session: number; reference: number; name: string; value: string }, VariableData];
  exceptionInfo: [{ session: number }, ErrorData];
  stopSession: [{ session: number; comment?: string }, Record<string, never>];
  /** A server instance restart: every session and page background task ends (bc-semantics §2). */
  restartServer: [Record<string, never>, Record<string, never>];
  /** `client`: 'Web' (default) or a web-service client ('WebService', 'ODataV4', 'SOAP', 'Api'). */
  openPage: [{ page: string | number; record?: Record<string, string>; client?: string; company?: string }, PageStateData];
  pageState: [{ pageInstanceId: number }, PageStateData];
  navigate: [{ pageInstanceId: number; direction: 'next' | 'previous' }, PageStateData];
  invokeAction: [{ pageInstanceId: number; action: string }, PageStateData];
  setField: [{ pageInstanceId: number; field: string; value: string }, PageStateData];
  /** The client's record commands: New, Delete (after the user confirmed), a row of a list clicked. */
  pageRecord: [{ pageInstanceId: number; op: 'new' | 'delete' | 'select'; row?: number }, PageStateData];
  closePage: [{ pageInstanceId: number }, Record<string, never>];
  /** This connection shows foreground dialogs to a person (`dialog` events) and answers them; false: stop. */
  handleDialogs: [{ enabled: boolean }, Record<string, never>];
  /** The person's answer: true/false for Confirm, the option number (0 = cancelled) for StrMenu. */
  answerDialog: [{ dialog: number; answer: boolean | number }, Record<string, never>];
  runCodeunit: [{ codeunit: string | number; company?: string }, { session: number }];
  /** Play a scenario (the JSON of docs/cli.md's scenario file). */
  runScenario: [{ scenario: unknown }, { ok: boolean; message?: string }];
  /** Re-read the workspace's AL; running sessions keep the code they started with. */
  reload: [Record<string, never>, { objects: number; errors: { file: string; line: number; character: number; message: string }[] }];
  /**
   * Timeline events so far, from event number `from` (default 0, the first ever) on, for a view that connects
   * late. The runtime keeps only the latest `eventHistoryLimit` events: `from` in the answer is the number of the
   * first event returned, `total` how many were emitted, and `missing`/`truncated` say how many asked for are gone.
   */
  timeline: [{ from?: number }, { events: TimelineEvent[]; from: number; total: number; missing: number; truncated?: string }];
  /**
   * Runs tests in fresh foreground sessions, one test codeunit after the other, each under the isolation its
   * RequiredTestIsolation asks for (Codeunit when it asks for none). Answers at once with the run's id; progress
   * comes as testStarted / testFinished / testOutput events and ends with testRunEnded. `reload`: re-read the AL
   * first when a file changed since the last load. `coverage`: count every statement run (slower) and send it with
   * testRunEnded. One run at a time: a second one is refused while one runs.
   */
  runTests: [{ tests: TestSelection[]; reload?: boolean; coverage?: boolean }, { run: number; reloaded: boolean; loadErrors: { file: string; line: number; character: number; message: string }[] }];
  /** Cancels the run: the test session and the sessions it started are stopped; tests not run are reported skipped. */
  cancelTests: [{ run: number }, Record<string, never>];
}

// ---------------------------------------------------------------------------------------------------------
// Events: event name -> body
// ---------------------------------------------------------------------------------------------------------

export interface Events {
  /** Every timeline event as it happens. */
  timeline: TimelineEvent;
  sessionStarted: SessionInfo;
  sessionEnded: { session: number; outcome: SessionOutcome; error?: ErrorData };
  /** A session this connection debugs stopped. */
  stopped: { session: number; reason: 'breakpoint' | 'step' | 'pause' | 'entry' | 'exception' | 'recordWrite'; description?: string; text?: string; breakpointIds?: number[] };
  continued: { session: number };
  /** Logpoint output, Message text, runtime log lines. */
  output: { category: 'console' | 'stdout' | 'stderr'; text: string; session?: number; file?: string; line?: number };
  pageChanged: PageStateData;
  /** A dialog for the person (only to the connection that handles dialogs). */
  dialog: DialogRequest;
  /** The runtime is shutting down (or reloaded with a fatal error). */
  terminated: { reason: string };
  /** A test (procedure '' is the codeunit's OnRun) starts in `session`. */
  testStarted: { run: number; codeunit: number; codeunitName: string; procedure: string; session: number };
  testFinished: {
    run: number;
    codeunit: number;
    codeunitName: string;
    procedure: string;
    session: number;
    outcome: TestOutcome;
    durationMs: number;
    failure?: TestFailure;
    /** Sessions the test started that ended with an error while it ran (the error says which session). */
    sessionErrors: TestSessionError[];
    /** Coverage runs: the statements this test reached, per file (line numbers, 0-based), and the procedures. */
    reached?: { file: string; lines: number[]; procedures: string[] }[];
  };
  /** Message text, handler activity, session errors: during a test of the run (`procedure` names it). */
  testOutput: { run: number; codeunit?: number; procedure?: string; session: number; text: string };
  testRunEnded: { run: number; passed: number; failed: number; skipped: number; durationMs: number; cancelled: boolean; coverage?: FileCoverageData[] };
}

export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type ArgumentsOf<C extends RequestName> = Requests[C][0];
export type BodyOf<C extends RequestName> = Requests[C][1];
