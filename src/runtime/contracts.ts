// The contracts between the runtime's parts: value representation, record store, interpreter (engine) and the
// session layer that hosts it. One source of truth so the parts can be built and tested separately.
//
// Conventions:
// - Positions are 0-based line and character (as in LSP); the debug adapter converts at its edge.
// - Time is milliseconds on the session clock (`Clock.now()`), virtual or real; never Date.now() directly.
// - Invariant: the interpreter never blocks the event loop for long; it returns control to the scheduler at
//   statement boundaries when its step budget is spent, and whenever it has to wait (Sleep, a lock, a dialog).

import type { AppSet } from '../language/apps/loader';

// ---------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------

/**
 * How AL values are represented at run time (and in the record store's rows):
 * - Integer, Option, Enum (ordinal), Char, Byte: `number` (an int32; overflow is an AL error, not wrap-around)
 * - BigInteger, Duration: `bigint` is avoided for speed; they are `number` kept within Number.MAX_SAFE_INTEGER
 *   (overflow beyond that is an AL error)
 * - Decimal: `AlDecimal` (exact decimal arithmetic, src/runtime/values/decimal.ts)
 * - Boolean: `boolean`
 * - Text, Code, Label, Guid: `string` (Code already upper-cased and trimmed; Guid as `{XXXXXXXX-...}` upper case)
 * - Date: `AlDate` number of days, Time: ms since midnight + 1 (0 = undefined time 0T), DateTime: ms since epoch
 *   (0 = 0DT). Their helpers live in src/runtime/values/datetime.ts.
 * - Everything else (Record, Dictionary, List, Codeunit, Page, RecordRef, Variant, ErrorInfo...) is an object
 *   defined by the interpreter.
 */
export type FieldValue = number | string | boolean | AlDecimalLike;

/** The shape of the exact decimal type that the record store needs for comparisons and keys. */
export interface AlDecimalLike {
  readonly isDecimal: true;
  compare(other: AlDecimalLike): number;
  toString(): string;
}

/** The AL data types a table field can have, as the record store and filters need them. */
export type FieldType =
  | 'Integer' | 'BigInteger' | 'Decimal' | 'Boolean' | 'Text' | 'Code' | 'Option' | 'Enum' | 'Date' | 'Time'
  | 'DateTime' | 'Duration' | 'Guid' | 'Blob' | 'Media' | 'MediaSet' | 'RecordId' | 'TableFilter' | 'DateFormula';

// ---------------------------------------------------------------------------------------------------------
// Tables and the record store
// ---------------------------------------------------------------------------------------------------------

export interface FieldDef {
  id: number;
  name: string;
  type: FieldType;
  /** Declared length for Text/Code (0 = unlimited). */
  length: number;
  /** Option members (Option) or enum value names by ordinal (Enum). */
  optionMembers?: string[];
  enumName?: string;
  /** Normal, FlowField or FlowFilter. */
  fieldClass: 'Normal' | 'FlowField' | 'FlowFilter';
  /** For FlowFields: the parsed CalcFormula (the interpreter evaluates it through the store). */
  calcFormula?: CalcFormula;
  initValue?: FieldValue;
}

export interface CalcFormula {
  method: 'Count' | 'Sum' | 'Average' | 'Min' | 'Max' | 'Exist' | 'Lookup';
  table: string;
  /** Field summed / looked up (Sum, Average, Min, Max, Lookup). */
  field?: string;
  /** `where(Field = field(OtherField), Field2 = const(X), Field3 = filter(A..B))` conditions. */
  where: { field: string; kind: 'field' | 'const' | 'filter'; value: string }[];
}

export interface TableDef {
  id: number;
  name: string;
  fields: FieldDef[];
  /** Keys as field names; keys[0] is the primary key. */
  keys: string[][];
  /** Table is TableType = Temporary, or a virtual system table (Active Session, Session Event). */
  temporaryOnly?: boolean;
  /** DataPerCompany = false: one set of rows shared by all companies (added by the store; default true). */
  dataPerCompany?: boolean;
  /**
   * A virtual system table (src/runtime/platform: Field, AllObj, Integer...): its rows come from this provider on
   * every read, given the read's filters and the database; writes raise the read-only error.
   */
  virtualRows?: (filters?: FieldFilter[], db?: { defaultCompany: string; companies(): string[] }) => Iterable<Row>;
}

/** A row as stored: field values by field id. */
export type Row = Map<number, FieldValue>;

/** One filter on one field, in AL filter syntax (already substituted: `%1` placeholders resolved). */
export interface FieldFilter {
  fieldId: number;
  /** `SetRange` style (from..to, or a single value when to is undefined), or `SetFilter` text. */
  range?: { from: FieldValue; to?: FieldValue };
  expression?: string;
}

export interface ReadOptions {
  filters: FieldFilter[];
  /** Sort order: field ids of the current key (SetCurrentKey), else the primary key. */
  keyFields: number[];
  ascending: boolean;
  /** MarkedOnly: only these primary keys (serialized by the store's `keyOf`). */
  markedKeys?: Set<string>;
  /**
   * At most this many rows (added by the store: FindFirst/FindLast pass 1, `Find('=<>')` too); in key order
   * without own uncommitted rows the store stops scanning early.
   */
  limit?: number;
}

export type WriteOp = 'Insert' | 'Modify' | 'Delete' | 'ModifyAll' | 'DeleteAll' | 'Rename';

/**
 * A session's view of the database: reads see committed data plus this transaction's own writes; writes are
 * invisible to other sessions until `commit()`; `rollback()` discards them. Optimistic concurrency: a Modify,
 * Delete or Rename of a row whose committed version changed since this session read it fails with BC's
 * "Another user has modified the record..." error (thrown as `AlRuntimeError`), so no update is lost silently.
 * `LockTable` makes later reads take update locks: another session's write to a locked row waits (the store
 * reports `blocked`), never corrupts.
 */
export interface Transaction {
  readonly sessionId: number;
  table(name: string): TableDef;
  tableById(id: number): TableDef;
  /** Rows matching the options, in key order. Each row is a fresh copy carrying its version. */
  find(table: TableDef, options: ReadOptions): VersionedRow[];
  get(table: TableDef, primaryKey: FieldValue[]): VersionedRow | undefined;
  count(table: TableDef, options: ReadOptions): number;
  /** Returns the stored copy with its version (extension by the store: callers may ignore it). */
  insert(table: TableDef, row: Row): VersionedRow;
  modify(table: TableDef, row: VersionedRow): VersionedRow;
  delete(table: TableDef, row: VersionedRow): void;
  rename(table: TableDef, row: VersionedRow, newPrimaryKey: FieldValue[]): VersionedRow;
  lockTable(table: TableDef): void;
  hasWrites(): boolean;
  commit(): void;
  rollback(): void;
}

export interface VersionedRow {
  row: Row;
  /**
   * Opaque version of the row this copy was read from (a new number for every write, the session's own
   * uncommitted writes included, so a stale copy in the same session also fails Modify as in BC).
   * 0 = not read from the database (Init + Modify): Modify/Delete then skip the concurrency check.
   */
  version: number;
}

// ---------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------

/** An AL run-time error: what `Error()` raises, and what every failed system method raises. */
export interface AlErrorInfo {
  /** BC's error code where one exists (e.g. 'ChildSessionTaskTimeout', 'DB:RecordNotFound'), else ''. */
  code: string;
  text: string;
  /** AL call stack, innermost first, in BC's format: `"Object"(CodeUnit 50100).OnRun line 12 - App by Publisher`. */
  callStack: string;
  location?: SourceLocation;
  /** Where each call stack line is in the source (same order as `callStack`'s lines; added by the interpreter). */
  stackLocations?: { file: string; line: number }[];
  /** The same call stack as frames (innermost first) with file and line, where the interpreter captured it. */
  frames?: AlStackFrame[];
}

export interface AlStackFrame {
  /** `Codeunit 50100 "Lab Tests"`. */
  object: string;
  procedure: string;
  file: string;
  /** 0-based, as every location in the contract. */
  line: number;
}

/**
 * A test run driving a session (the `test` command, the Test Explorer through serve): which tests run, the
 * isolation of test codeunits run without a TestRunner, and per-test events.
 */
export interface TestRunHooks {
  /** Isolation for a test codeunit run without a TestRunner; undefined: the codeunit's RequiredTestIsolation. */
  isolation?: 'Disabled' | 'Codeunit' | 'Function';
  /** Whether a [Test] procedure runs: true, false (left out, no result) or 'skip' (reported as skipped). */
  include?(codeunit: number, procedure: string): boolean | 'skip';
  started?(test: TestCaseInfo): void;
  finished?(test: TestCaseInfo, outcome: { success: boolean; skipped?: boolean; error?: AlErrorInfo }): void;
}

export interface TestCaseInfo {
  codeunit: number;
  codeunitName: string;
  /** '' for the test codeunit's OnRun. */
  procedure: string;
  location: SourceLocation;
}

/**
 * The exception that carries an AL run-time error through JavaScript frames (added by the values/store
 * helper: the store, the value libraries and the interpreter all throw it; the interpreter adds the call
 * stack and location where it catches it).
 */
export class AlRuntimeError extends Error {
  readonly info: AlErrorInfo;
  constructor(text: string, code = '', extra?: Partial<AlErrorInfo>) {
    super(text);
    this.name = 'AlRuntimeError';
    this.info = { code, text, callStack: '', ...extra };
  }
}

/** A question waiting for the user's answer (see SessionServices.askUser). */
export interface DialogTicket {
  answered: boolean;
  value: boolean | number;
}

export interface SourceLocation {
  /** Absolute path of the .al file. */
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

// ---------------------------------------------------------------------------------------------------------
// The session services the interpreter calls (implemented by the session layer)
// ---------------------------------------------------------------------------------------------------------

export type SessionKind = 'Foreground' | 'Background' | 'PageBackgroundTask';

export interface Clock {
  now(): number;
}

/**
 * What one session offers to the AL code running in it. The interpreter calls these for every system method
 * whose behaviour depends on the session (dialogs, sessions, page tasks, time, data). A method that cannot
 * complete now (a Confirm waiting for an answer) may return a `Wait` and the interpreter suspends until the
 * scheduler resumes it.
 */
export interface SessionServices {
  readonly sessionId: number;
  readonly kind: SessionKind;
  /** False in background sessions and page background tasks. */
  readonly guiAllowed: boolean;
  /** True in page background tasks: writes fail with the permission error. */
  readonly readOnly: boolean;
  readonly userId: string;
  readonly companyName: string;
  readonly clock: Clock;
  /** The session's current transaction (a new one begins after each commit). */
  /**
   * The session's transaction. `company` (a record after ChangeCompany; added by the session layer, optional for
   * test doubles): the same transaction on that company's data.
   */
  transaction(company?: string): Transaction;
  /** A company of the database by name, as the database spells it; undefined when it does not exist (added by the session layer). */
  company?(name: string): string | undefined;
  /** The database's companies, the session's first (added by the session layer). */
  companies?(): string[];
  /**
   * Moves the session to another company (the app's per-company install/upgrade triggers run once in each company):
   * the open transaction ends first (committed, or rolled back with `commit` false); returns the previous company.
   */
  switchCompany?(company: string, commit: boolean): string;
  commit(): void;

  /** Message: shown (foreground) or suppressed and logged (background). */
  message(text: string): void;
  /** Confirm/StrMenu: answered by the host in the foreground; an AL error (BC's text) in the background. */
  /**
   * `origin` (added by the interpreter, optional): the calling object as BC names it in callback errors,
   * e.g. `CodeUnit 50100 Lab Posting`.
   */
  confirm(question: string, defaultAnswer: boolean, origin?: string): boolean;
  strMenu(options: string, defaultNumber: number, instruction: string): number;
  /**
   * Confirm/StrMenu in a foreground session whose client answers dialogs (the page preview): the question goes to
   * the user and the call waits (yields) until `ticket.answered`. Undefined: no one to ask (or a scenario's
   * prepared answer): confirm()/strMenu() answer as before. Throws BC's callback error where there is no UI.
   */
  askUser?(kind: 'Confirm' | 'StrMenu', text: string, defaultAnswer: boolean | number, options?: string[]): DialogTicket | undefined;
  /**
   * Report a write before it happens (record-write breakpoints, timeline events); throws in read-only sessions.
   * `company`: the record's company after ChangeCompany (added by the interpreter; undefined = the session's).
   */
  beforeWrite(table: TableDef, op: WriteOp, temporary: boolean, company?: string): void;

  /** `ignored`: BC skips the call (install/upgrade code): false, SessionId untouched, no error even without Ok. */
  startSession(request: StartSessionRequest): { ok: true; sessionId: number } | { ok: false; error: AlErrorInfo; ignored?: boolean };
  stopSession(sessionId: number, comment: string): void;
  isSessionActive(sessionId: number): boolean;
  createTask(request: CreateTaskRequest): string;

  /** Page background tasks; `page` is the interpreter's page instance handle. */
  /**
   * `run` is set when the task runs synchronously (a page opened by a web-service client or a TestPage, as BC
   * does there): the caller waits for it (see ChildTaskRun) and then runs the completion or error trigger itself.
   */
  enqueueBackgroundTask(page: PageHandle, request: EnqueueRequest): { ok: true; taskId: number; run?: ChildTaskRun } | { ok: false; error: AlErrorInfo };
  cancelBackgroundTask(page: PageHandle, taskId: number): void;
  /** In a page background task: the parameters; elsewhere BC raises an error (the session layer throws). */
  getBackgroundParameters(): Map<string, string>;
  setBackgroundTaskResult(results: Map<string, string>): void;
  /**
   * Dialog.Open/Update/Close in a session with a UI (added by the interpreter; optional: a session layer
   * without dialogs leaves it out and the calls do nothing, as in the background).
   */
  dialog?(action: 'open' | 'update' | 'close', text: string): void;

  /** Active Session / Session Event virtual tables are served through the transaction like other tables. */

  // Added by the session layer (optional so test doubles need not implement them; the interpreter calls them
  // with `?.` and falls back to the plain behaviour when absent).
  /**
   * Any other client callback (Page.Run/RunModal, Report.Run/RunModal, Hyperlink, File.Upload/Download,
   * Activate...), named as the AL construct: throws BC's "Callback functions are not allowed." where there is no
   * UI and in the two page background task triggers; returns normally in the foreground.
   */
  clientCallback?(what: string): void;
  /** CurrPage.Update: false when it is ignored (inside OnPageBackgroundTaskCompleted / OnPageBackgroundTaskError). */
  updatePage?(page: PageHandle, saveRecord: boolean): boolean;
  /**
   * TestPage.RunPageBackgroundTask: runs the codeunit in a read-only child session of this session; the caller
   * waits until `outcome()` is defined (added by the session layer).
   */
  runPageBackgroundTask?(page: PageHandle, request: EnqueueRequest): ChildTaskRun;
  /**
   * The interpreter runs OnPageBackgroundTaskCompleted / OnPageBackgroundTaskError itself for a synchronous task:
   * it brackets the trigger with the trigger's name and undefined, so callbacks are refused and CurrPage.Update
   * ignored inside, as in the asynchronous case (added by the session layer).
   */
  taskTrigger?(name: string | undefined, page?: PageHandle, taskId?: number): void;
  /**
   * A test runner's TestIsolation at work (added by the session layer): `begin`/`end` bracket an isolated scope
   * (a test codeunit or function: its changes roll back at the end, Commit inside is ignored); `enterOwn`/`leaveOwn`
   * bracket OnBeforeTestRun / OnAfterTestRun, which run in their own transaction; `passed`/`failed` end a test
   * function run without isolation (its transaction commits or rolls back).
   */
  testIsolation?(action: 'begin' | 'end' | 'enterOwn' | 'leaveOwn' | 'passed' | 'failed'): void;
  /** The session's AL ClientType member name, e.g. 'Web', 'Background', 'ChildSession', 'ODataV4' (added by the session layer). */
  currentClientType?(): string;
  /** Database.LockTimeout / LockTimeoutDuration (added by the session layer): this session's lock wait limit. */
  lockTimeout?(enabled?: boolean): boolean;
  lockTimeoutDuration?(seconds?: number): number;
  /**
   * asserterror's own transaction scope (added by the session layer): a savepoint in the session's transaction;
   * `rollback` undoes the database writes made since (the statement failed, execution goes on), `release` keeps
   * them. Undefined where nothing can be written (page background tasks).
   */
  savepoint?(): { rollback(): void; release(): void } | undefined;
  /** One test function's (or a test codeunit's OnRun's, function '') outcome (added by the session layer). */
  testResult?(result: { codeunit: number; codeunitName: string; function: string; success: boolean; error?: AlErrorInfo }): void;
  /** A notification sent in a session with a UI (Notification.Send) outside a test; optional: hosts may ignore it. */
  notification?(message: string, id: string): void;
  /** Set when a test run drives this session (TestRunHooks). */
  readonly testRun?: TestRunHooks;
  /** A test function (or a test codeunit's OnRun, function '') starts (added by the session layer). */
  testStarted?(test: { codeunit: number; codeunitName: string; function: string }): void;
  /**
   * An outgoing HTTP request (HttpClient.Send/Get/Post...). The runtime has no network: the session answers
   * through a test's [HttpClientHandler] (the test framework's hook) or returns undefined, and the request is
   * blocked by the environment as BC blocks it.
   */
  httpRequest?(request: HttpRequestData): HttpResponseData | undefined;
}

export interface HttpRequestData {
  method: string;
  url: string;
  /** Request and content headers, names as given. */
  headers: [string, string][];
  content: string;
}

export interface HttpResponseData {
  statusCode: number;
  reasonPhrase?: string;
  headers?: [string, string][];
  content?: string;
}

/** A page background task the caller waits for (synchronous tasks). */
export interface ChildTaskRun {
  readonly taskId: number;
  /** Undefined while the task waits for a slot or runs. */
  outcome(): { state: 'completed'; results: Map<string, string> } | { state: 'failed'; error: AlErrorInfo } | { state: 'cancelled' } | undefined;
  /** The error trigger left IsHandled false (or there is none): the session layer shows it per ErrorLevel. */
  unhandled(error: AlErrorInfo): void;
}

/**
 * How session services (and the store) raise an AL run-time error: they throw an object carrying `alError`.
 * The interpreter turns it into the AL error at the calling statement (filling `callStack`/`location` if empty),
 * so `if Codeunit.Run` / try functions can catch it like any other AL error.
 */
export interface AlErrorCarrier {
  readonly alError: AlErrorInfo;
}

export function isAlErrorCarrier(value: unknown): value is AlErrorCarrier {
  return typeof value === 'object' && value !== null && typeof (value as { alError?: unknown }).alError === 'object';
}

/**
 * A `var` argument passed to a page trigger by the session layer (`var IsHandled: Boolean` of
 * OnPageBackgroundTaskError): the interpreter binds the parameter to `value` and writes the final value back
 * into it when the trigger (page and extensions) ends.
 */
export interface VarArgument {
  readonly kind: 'var';
  value: unknown;
}

export interface StartSessionRequest {
  codeunitId: number;
  company?: string;
  /** A copy of the caller's record, passed to OnRun. */
  record?: unknown;
  timeoutMs?: number;
  /**
   * What the caller is running (added by the interpreter): install or upgrade code, or test code under a test
   * runner's TestIsolation (Disabled when a test codeunit runs without a runner).
   */
  context?: { app?: 'Install' | 'Upgrade'; testIsolation?: 'Disabled' | 'Codeunit' | 'Function' };
}

export interface CreateTaskRequest {
  codeunitId: number;
  failureCodeunitId: number;
  isReady: boolean;
  company?: string;
  notBefore?: number;
  record?: unknown;
  timeoutMs?: number;
}

export interface EnqueueRequest {
  codeunitId: number;
  parameters: Map<string, string>;
  /** As given in the call (undefined = default); the session layer applies default and cap. */
  timeoutMs?: number;
  errorLevel: 'Error' | 'Warning' | 'Ignore';
}

/** Opaque handle for a page instance; the session layer maps it to its page state (current record, tasks). */
export interface PageHandle {
  readonly pageInstanceId: number;
  /** A TestPage's page (added by the interpreter): its page background tasks run synchronously, as in BC's test framework. */
  readonly testPage?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Executions (what the scheduler drives)
// ---------------------------------------------------------------------------------------------------------

/** Why an execution returned control to the scheduler. */
export type StepResult =
  | { state: 'completed'; value?: unknown }
  /** The step budget was spent; runnable again right away. */
  | { state: 'yielded' }
  /** Sleep: runnable again at `until` on the session clock. StopSession wakes it early. */
  | { state: 'sleeping'; until: number }
  /** Waiting for something the session layer will signal (a lock, a dialog answer). */
  | { state: 'blocked'; reason: string }
  /**
   * Waiting for another session to end (a page background task run synchronously: web-service and test pages,
   * TestPage.RunPageBackgroundTask). The session layer wakes it; no lock timeout applies (added by the session layer).
   */
  | { state: 'waiting'; reason: string }
  /** Stopped in the debugger (breakpoint, step, pause, exception); resumes with `resume()`. */
  | { state: 'paused'; reason: PauseReason }
  | { state: 'failed'; error: AlErrorInfo };

export type PauseReason = 'breakpoint' | 'step' | 'pause' | 'entry' | 'exception' | 'recordWrite';

/** A running AL call (a trigger, a procedure, OnRun) inside one session. */
export interface Execution {
  /** Run at most `budget` statements. */
  run(budget: number): StepResult;
  /** Make the next `run` stop with an AL error at the next statement boundary (StopSession, timeout). */
  abort(error: AlErrorInfo): void;
  readonly debug: ExecutionDebug;
}

// ---------------------------------------------------------------------------------------------------------
// Debugging (used by the session layer's control protocol; knows nothing of DAP)
// ---------------------------------------------------------------------------------------------------------

export interface ResolvedBreakpoint {
  id: number;
  verified: boolean;
  /** Where it really is: the executable statement at or after the requested line. */
  line: number;
  message?: string;
}

export interface BreakpointSpec {
  line: number;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}

export interface FrameInfo {
  index: number;
  /** e.g. `PBTWaitCodeunit.OnRun` */
  name: string;
  objectType: string;
  objectId: number;
  objectName: string;
  location: SourceLocation;
}

export interface VariableInfo {
  name: string;
  /** AL-formatted value (what Format would print, quoted for text). */
  value: string;
  type: string;
  /** Non-zero when the value has children (records, dictionaries, lists, arrays). */
  reference: number;
  editable: boolean;
}

export interface ExecutionDebug {
  /** Request a pause at the next statement boundary. */
  pause(): void;
  resume(mode: 'continue' | 'stepIn' | 'stepOver' | 'stepOut'): void;
  frames(): FrameInfo[];
  /** Scopes of a frame: Locals, Globals, Rec (when the object has a current record), Parameters. */
  scopes(frameIndex: number): { name: string; reference: number }[];
  variables(reference: number): VariableInfo[];
  /** Evaluate an AL expression in a frame without side effects (no writes, no procedure calls with effects). */
  evaluate(frameIndex: number, expression: string): VariableInfo;
  setVariable(reference: number, name: string, value: string): VariableInfo;
  /** The error that paused the execution, with the AL call stack. */
  exception(): AlErrorInfo | undefined;
  /**
   * After a `breakpoint` pause: the ids (ResolvedBreakpoint.id) of the breakpoints that stopped it, their
   * conditions and hit counts met (log points never stop). Added by the interpreter; optional.
   */
  hitBreakpointIds?(): number[];
}

/** How an execution behaves under the debugger; the session layer owns it and may change it while it runs. */
export interface DebugPolicy {
  /** Breakpoints, pause and stepping apply only to attached sessions (a debugger chose this session). */
  attached: boolean;
  stopOnEntry: boolean;
  breakOnError: 'None' | 'All' | 'ExcludeTry';
  breakOnRecordWrite: 'None' | 'All' | 'ExcludeTemporary';
  /** Log-point output (breakpoints with a logMessage); added by the interpreter, optional. */
  log?(text: string, location: SourceLocation): void;
}

// ---------------------------------------------------------------------------------------------------------
// The engine (implemented by the interpreter) and pages
// ---------------------------------------------------------------------------------------------------------

export interface LoadedObject {
  type: 'Table' | 'TableExtension' | 'Page' | 'PageExtension' | 'Codeunit' | 'Enum' | 'EnumExtension' | 'Interface' | 'Report' | 'Query' | 'XmlPort' | string;
  id: number;
  name: string;
  file: string;
}

/** Statement coverage of the current load: its statements (with their procedure) and how often each ran. */
export interface CoverageCounts {
  statements: { id: number; file: string; line: number; character: number; endLine: number; endCharacter: number; proc: string; procLine: number; procCharacter: number }[];
  /** Hit count by statement id (index with `statements[i].id`); live while coverage is on. */
  counts: Uint32Array;
}

export interface LoadResult {
  objects: LoadedObject[];
  /** Files that did not load (syntax errors, unsupported constructs found at load): the rest still loads. */
  errors: { file: string; line: number; character: number; message: string }[];
}

/** The layout of a page for a client: groups with fields and the actions, after applying page extensions. */
export interface PageLayout {
  pageId: number;
  name: string;
  caption: string;
  pageType: string;
  sourceTable?: string;
  groups: PageLayoutGroup[];
  actions: PageLayoutAction[];
  /** Parts: subpages in the content area (document lines) and FactBoxes (area(FactBoxes)), in layout order. */
  parts: PageLayoutPart[];
}

/** A field control: what it shows and which editor the client gives it. */
export interface PageLayoutField {
  name: string;
  caption: string;
  /** Editable as declared (the page's and the control's Editable when they are constants). */
  editable: boolean;
  /** The value's AL type (`Code`, `Decimal`, `Date`, `Boolean`, `Option`, `Enum`...). */
  type: string;
  /** Option/Enum members: `value` is what Evaluate takes (the member name), `caption` what the client shows. */
  options?: { value: string; caption: string }[];
}

export interface PageLayoutGroup {
  name: string;
  caption: string;
  /** `repeater(...)`: the fields are the columns of a list. */
  repeater?: boolean;
  /** `cuegroup(...)`: the fields are cues (tiles) on a Role Center or activities part. */
  cue?: boolean;
  fields: PageLayoutField[];
}

export interface PageLayoutAction {
  name: string;
  caption: string;
  /** Shown in the action bar's first row (Promoted = true, or placed in area(Promoted) with actionref). */
  promoted: boolean;
  /** The action group (or area) the action is in, by caption. */
  group: string;
  /** `RunObject = page "Customer Ledger Entries"`: what the action opens when it has no OnAction. */
  runObject?: string;
  /** RunPageLink text, applied to the page RunObject opens. */
  runPageLink?: string;
}

export interface PageLayoutPart {
  name: string;
  caption: string;
  /** The page shown (a ListPart/CardPart), or the systempart kind (Links, Notes: shown empty). */
  page: string;
  area: 'content' | 'factboxes';
  system: boolean;
  /** SubPageLink text (`"No." = field("No.")`). */
  subPageLink?: string;
}

/** Visible / Enabled / Editable of a control, evaluated from its properties' expressions on the current record. */
export interface ControlState {
  visible: boolean;
  enabled: boolean;
  editable: boolean;
}

/** A page instance inside a session (page variables, page extension variables, Rec, CurrPage). */
export interface PageInstance extends PageHandle {
  readonly layout: PageLayout;
  /** Position the page on a record of its source table (by primary key values); undefined = no record. */
  setCurrentRecord(primaryKey: FieldValue[] | undefined): void;
  /** The current record's RecordId text (e.g. `Customer: 10000`), used to cancel tasks when it changes. */
  currentRecordId(): string;
  /** Shown values of the page's fields, formatted as the client would show them, by field control name. */
  fieldValues(): Map<string, string>;
  /** Visible/Enabled/Editable of fields, groups, actions and parts (by control name, lower-cased). */
  controlStates?(): Map<string, ControlState>;
  /** The current record's value of a source-table field by name (SubPageLink `field(...)` of a part), or undefined. */
  recordFieldValue?(field: string): FieldValue | undefined;
  /** Filters the page's record by a SubPageLink (group 4, BC's link filter group), values of the parent record. */
  setLinkFilters?(link: string, parentValue: (field: string) => FieldValue | undefined): void;
  /** The read options the page's rows follow (Rec's filters and sorting). */
  rowReadOptions?(): ReadOptions;
  /** A new record (Init, fields' InitValue), not inserted yet: OnNewRecord runs through a pageRecord entry. */
  isNewRecord?: boolean;
  /** The current record's primary key values (after an insert or rename), or undefined without a record. */
  recordKey?(): FieldValue[] | undefined;
  /** Whether the shown record differs from the stored one (an edit the client must save with Modify). */
  recordChanged?(): boolean;
  /** Triggers of the page and then of its extensions, in the order the client runs them. */
  hasTrigger(name: string): boolean;
  /** The objects that declare the trigger, in running order, e.g. `["Page 21", "PageExtension 50100"]`. */
  triggerOwners(name: string): string[];
  /**
   * Set by CurrPage.Update since the session layer last looked (added by the session layer; optional). The session
   * layer clears it and refreshes the page (OnAfterGetRecord, OnAfterGetCurrRecord), except in the two page
   * background task triggers, where BC ignores CurrPage.Update.
   */
  updateRequested?: boolean;
}

export type EntryPoint =
  | { kind: 'codeunitRun'; codeunit: number | string; record?: unknown }
  /**
   * Runs the named trigger of the page and then the same trigger of each page extension. `args` are plain values:
   * number, string, boolean; `Map<string, string>` for a `Dictionary of [Text, Text]` (Results of
   * OnPageBackgroundTaskCompleted). Var parameters (IsHandled) are passed as plain values: the execution's
   * completed value is the argument list after the page's and extensions' triggers ran (var ones written back).
   */
  | { kind: 'pageTrigger'; page: PageInstance; trigger: string; args?: unknown[] }
  | { kind: 'pageAction'; page: PageInstance; action: string }
  | { kind: 'pageFieldValidate'; page: PageInstance; field: string; value: string }
  /**
   * What the client does with the page's record: `new` (Init, OnNewRecord), `save` (OnInsertRecord + Insert(true)
   * for a new record, else OnModifyRecord + Modify(true), as the web client does on leaving a field), `delete`
   * (OnDeleteRecord + Delete(true)). A page trigger answering false skips the write.
   */
  | { kind: 'pageRecord'; page: PageInstance; op: 'new' | 'save' | 'delete' }
  /**
   * Calls one procedure of a codeunit (added by the interpreter, for tests, the corpus runner and the CLI):
   * a new instance (or the session's single instance); `args` are AL values (numbers, strings, booleans);
   * `var` parameters receive references and the completed value is `{ result, args }` afterwards.
   */
  | { kind: 'procedure'; codeunit: number | string; procedure: string; args?: unknown[] }
  /**
   * Runs a Test codeunit as a test runner with this TestIsolation would (OnRun, then its [Test] procedures), without a
   * TestRunner codeunit: only the procedures named in `tests` (case-insensitive; all when absent). Without `isolation`,
   * the one the codeunit's RequiredTestIsolation asks for (Codeunit when it asks for None or nothing).
   */
  | { kind: 'testCodeunit'; codeunit: number | string; isolation?: 'Disabled' | 'Codeunit' | 'Function'; tests?: string[] };

export interface Engine {
  /**
   * What a session holds in AL values (its running call's frames and its single-instance codeunits): estimated
   * bytes and the number of objects walked. Optional: an engine without it has no session memory limit.
   */
  heldMemory?(session: SessionServices, exec: Execution | undefined): { bytes: number; nodes: number };
  /** Loads (or reloads) the workspace's AL; executions already running keep the code they started with. */
  load(files: { path: string; text: string }[], options?: { preprocessorSymbols?: string[]; apps?: AppSet }): LoadResult;
  tables(): TableDef[];
  /** The test codeunits' [Test] procedures (codeunits in id order, procedures in declaration order). */
  testCases?(): { codeunit: number; codeunitName: string; procedure: string; file: string; line: number }[];
  /** Called with tables built after load (a dependency's table reached for the first time, lazily). */
  onTablesAdded?: (tables: TableDef[]) => void;
  /** Builds a table the workspace's dependencies declare, if any (the record store asks on a miss). */
  ensureTable?(nameOrId: string): boolean;
  /** Creates a page instance in a session (no trigger runs yet). */
  openPage(services: SessionServices, page: number | string): PageInstance;
  /** Starts an AL call; the scheduler drives it with `run(budget)`. */
  start(services: SessionServices, entry: EntryPoint, debug: DebugPolicy): Execution;
  /**
   * Statement coverage (added by the interpreter): while on, every statement an execution runs is counted by its
   * statement hook (slower: every hook goes to the driver). `coverage()` reads the counts of the current load's
   * statements; `stopCoverage` turns counting off.
   */
  startCoverage?(): void;
  stopCoverage?(): void;
  coverage?(): CoverageCounts | undefined;
  /** Breakpoints for one file (replacing that file's previous ones); resolved to statements once. */
  setBreakpoints(file: string, specs: BreakpointSpec[]): ResolvedBreakpoint[];
}
