// The SessionServices one session offers its AL code: transactions, dialogs (shown in the foreground, suppressed
// or refused where there is no UI), sessions, page background tasks. BC's behaviour is decided here.
import type {
  AlErrorInfo,
  ChildTaskRun,
  CreateTaskRequest,
  DialogTicket,
  PageInstance,
  EnqueueRequest,
  PageHandle,
  SessionKind,
  SessionServices,
  StartSessionRequest,
  TestRunHooks,
  TableDef,
  Transaction,
  WriteOp,
} from '../contracts';
import type { SessionClock } from './clock';
import type { StoreTransaction } from '../store/transaction';
import { ReadOnlyTransaction } from './readOnlyTransaction';
import { BcCode, BcText, fill, raise } from './bcErrors';
import type { Session } from './session';
import type { SessionRuntime } from './runtime';

export class SessionServicesImpl implements SessionServices {
  readonly sessionId: number;
  readonly kind: SessionKind;
  readonly readOnly: boolean;
  readonly userId: string;
  readonly clock: SessionClock;
  private tx: Transaction | undefined;
  /** Set while OnPageBackgroundTaskCompleted / OnPageBackgroundTaskError runs in this session. */
  inTaskTrigger: string | undefined;
  /** Page background tasks: what SetBackgroundTaskResult handed back. */
  results: Map<string, string> | undefined;

  constructor(
    private readonly rt: SessionRuntime,
    readonly session: Session,
  ) {
    this.sessionId = session.id;
    this.kind = session.kind;
    this.readOnly = session.kind === 'PageBackgroundTask';
    this.userId = session.userId;
    this.clock = rt.clock;
  }

  /** AL's ClientType member of this session (Session.CurrentClientType). */
  currentClientType(): string {
    if (this.kind === 'Background') return 'Background';
    if (this.kind === 'PageBackgroundTask') return 'ChildSession';
    return this.session.webServiceClient ?? 'Web';
  }

  get testRun(): TestRunHooks | undefined {
    return this.session.testRun;
  }

  /** Web-service clients (SOAP, OData, API) have no UI either: GuiAllowed is false there. */
  get guiAllowed(): boolean {
    return this.kind === 'Foreground' && !this.session.webService;
  }

  /** CompanyName(): the company the session was started in. */
  get companyName(): string {
    return this.session.company;
  }

  /** A company of the database by name (its spelling there), or undefined (ChangeCompany, StartSession). */
  company(name: string): string | undefined {
    return this.rt.companyNamed(name);
  }

  companies(): string[] {
    const own = this.session.company.toLowerCase();
    return [this.session.company, ...this.rt.companies.filter((c) => c.toLowerCase() !== own)];
  }

  switchCompany(company: string, commit: boolean): string {
    const previous = this.session.company;
    if (previous === company) return previous;
    this.finishTransaction(commit);
    this.session.company = company;
    return previous;
  }

  /**
   * The session's transaction, in its company; with `company` (a record after ChangeCompany) the same transaction
   * on that company's data (one commit / rollback for both).
   */
  transaction(company?: string): Transaction {
    // A page background task reads only: its transaction refuses every write (bc-semantics §4).
    if (!this.tx) {
      const begun = this.rt.db.begin(this.sessionId, this.session.company);
      this.tx = this.readOnly ? new ReadOnlyTransaction(begun) : begun;
    }
    if (company === undefined || company.toLowerCase() === this.session.company.toLowerCase()) return this.tx;
    const store = (this.tx instanceof ReadOnlyTransaction ? this.tx.inner : this.tx) as Transaction & { inCompany?(company: string): Transaction };
    if (!store.inCompany) raise('', `The record store of this runtime cannot reach company '${company}'.`);
    const other = store.inCompany(company);
    return this.readOnly ? new ReadOnlyTransaction(other) : other;
  }


  /** True when this session has an open transaction with writes. */
  hasWrites(): boolean {
    return this.tx?.hasWrites() ?? false;
  }

  commit(): void {
    if (this.readOnly) raise(BcCode.commitInChild, BcText.commitInChild);
    if (this.isolated > 0) {
      // Under a test runner's TestIsolation the scope's changes roll back at its end whatever the code commits.
      this.rt.timeline.emit('commit', { session: this.sessionId, ignored: true, reason: 'TestIsolation' });
      return;
    }
    this.finishTransaction(true, true);
  }

  /** Open TestIsolation scopes (Commit is ignored inside) and the transactions set aside for the runner's triggers. */
  private isolated = 0;
  private readonly setAside: { tx: Transaction | undefined; isolated: number }[] = [];

  testIsolation(action: 'begin' | 'end' | 'enterOwn' | 'leaveOwn' | 'passed' | 'failed'): void {
    switch (action) {
      case 'begin':
        // What ran before the scope (the runner's own work) is its own transaction: it stays.
        if (this.isolated === 0) this.finishTransaction(true);
        this.isolated++;
        return;
      case 'end':
        this.isolated--;
        if (this.isolated === 0) this.finishTransaction(false);
        return;
      case 'enterOwn':
        // OnBeforeTestRun / OnAfterTestRun run in their own transaction, beside the isolated test's.
        this.setAside.push({ tx: this.tx, isolated: this.isolated });
        this.tx = undefined;
        this.isolated = 0;
        return;
      case 'leaveOwn': {
        this.finishTransaction(true);
        const back = this.setAside.pop();
        this.tx = back?.tx;
        this.isolated = back?.isolated ?? 0;
        return;
      }
      case 'passed':
      case 'failed':
        // Without isolation each test function is a transaction of its own: kept when it passed, rolled back when
        // it failed (AL Session Lab's reading; BC documents only that Disabled rolls nothing back).
        if (this.isolated === 0) this.finishTransaction(action === 'passed');
        return;
    }
  }

  testResult(result: { codeunit: number; codeunitName: string; function: string; success: boolean; error?: AlErrorInfo }): void {
    this.rt.timeline.emit('testResult', {
      session: this.sessionId,
      codeunit: `Codeunit ${result.codeunit}`,
      function: result.function,
      success: result.success,
      ...(result.error ? { error: { code: result.error.code, text: result.error.text, callStack: result.error.callStack, ...(result.error.location ? { location: result.error.location } : {}), ...(result.error.stackLocations ? { stackLocations: result.error.stackLocations } : {}) } } : {}),
    });
  }

  testStarted(test: { codeunit: number; codeunitName: string; function: string }): void {
    this.rt.timeline.emit('testStarted', { session: this.sessionId, codeunit: `Codeunit ${test.codeunit}`, function: test.function });
  }

  /**
   * Ends the current transaction: commit (explicit Commit, or a call that completed) or rollback (a call that
   * failed, a stopped session). Implicit ends are logged only when they had writes.
   */
  finishTransaction(commit: boolean, explicit = false): void {
    const tx = this.tx;
    this.tx = undefined;
    const writes = tx?.hasWrites() ?? false;
    if (tx) {
      if (commit) tx.commit();
      else tx.rollback();
    }
    if (writes || explicit) this.rt.timeline.emit(commit ? 'commit' : 'rollback', { session: this.sessionId });
    // Locks were released: sessions waiting for one may go on.
    if (tx) this.rt.scheduler.wakeBlocked();
  }

  /**
   * asserterror's savepoint. A Commit inside the statement ends the transaction the savepoint was in: the rollback
   * then undoes what the new transaction wrote (everything after that commit belongs to the failing statement).
   */
  savepoint(): { rollback(): void; release(): void } | undefined {
    if (this.readOnly) return undefined;
    const tx = this.transaction() as Transaction & Partial<Pick<StoreTransaction, 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint'>>;
    if (!tx.savepoint || !tx.rollbackToSavepoint || !tx.releaseSavepoint) return undefined;
    const sp = tx.savepoint();
    return {
      rollback: () => {
        const undone = this.tx === tx ? tx.rollbackToSavepoint!(sp) : 0;
        if (this.tx !== tx) {
          if (this.tx?.hasWrites()) this.finishTransaction(false);
          return;
        }
        if (undone > 0) this.rt.timeline.emit('rollback', { session: this.sessionId, scope: 'asserterror', writes: undone });
      },
      release: () => {
        if (this.tx === tx) tx.releaseSavepoint!(sp);
      },
    };
  }

  message(text: string): void {
    if (this.guiAllowed) {
      this.rt.timeline.emit('message', { session: this.sessionId, text });
      // A client that shows dialogs gets the message too (BC shows it without stopping the code).
      if (this.session.kind === 'Foreground' && !this.session.webService && !this.inTaskTrigger) this.rt.tellUser(this.session, text);
    } else this.rt.timeline.emit('message', { session: this.sessionId, text, suppressed: true });
  }

  askUser(kind: 'Confirm' | 'StrMenu', text: string, defaultAnswer: boolean | number, options?: string[]): DialogTicket | undefined {
    // Where there is no UI the callback fails exactly as confirm()/strMenu() would.
    if (kind === 'Confirm') {
      if (this.session.webService) return undefined;
      this.refuseCallback('Confirm', BcText.confirmCallback);
    } else this.refuseCallback('StrMenu', BcText.callbackNotAllowed);
    if (this.session.kind !== 'Foreground' || this.rt.hasDialogAnswer(kind === 'Confirm' ? 'confirm' : 'strMenu')) return undefined;
    return this.rt.askUser(this.session, kind, text, defaultAnswer, options);
  }

  confirm(question: string, defaultAnswer: boolean, origin?: string): boolean {
    // Web-service clients get BC's Data Services wording (with the question and the calling object); background
    // sessions the background one.
    if (this.session.webService) this.refuseCallback('Confirm', fill(BcText.webServiceConfirmCallback, question, origin ? ` (${origin})` : ''));
    this.refuseCallback('Confirm', BcText.confirmCallback);
    const answer = this.rt.takeDialogAnswer('confirm', question);
    const value = typeof answer === 'boolean' ? answer : defaultAnswer;
    this.rt.timeline.emit('dialog', { session: this.sessionId, kind: 'Confirm', text: question, answer: value });
    return value;
  }

  strMenu(options: string, defaultNumber: number, instruction: string): number {
    this.refuseCallback('StrMenu', BcText.callbackNotAllowed);
    const answer = this.rt.takeDialogAnswer('strMenu', instruction);
    const value = typeof answer === 'number' ? answer : defaultNumber;
    this.rt.timeline.emit('dialog', { session: this.sessionId, kind: 'StrMenu', text: instruction, options, answer: value });
    return value;
  }

  dialog(action: 'open' | 'update' | 'close', text: string): void {
    // Where there is no UI, Dialog.Open/Update/Close are silently ignored (bc-semantics §3).
    const op = action.charAt(0).toUpperCase() + action.slice(1);
    if (this.guiAllowed && !this.inTaskTrigger) this.rt.timeline.emit('dialog', { session: this.sessionId, kind: `Dialog.${op}`, text });
  }

  clientCallback(what: string): void {
    this.refuseCallback(what, BcText.callbackNotAllowed);
  }

  updatePage(page: PageHandle, _saveRecord: boolean): boolean {
    // CurrPage.Update is ignored in the two page background task triggers (bc-semantics §4).
    if (this.inTaskTrigger === undefined) return true;
    const state = this.rt.pages.byHandle(page);
    this.rt.timeline.emit('pageUpdate', { session: this.sessionId, page: state?.instance.layout.name ?? '', ignored: true, trigger: this.inTaskTrigger });
    return false;
  }

  private refuseCallback(_what: string, backgroundText: string): void {
    if (!this.guiAllowed) raise(BcCode.callback, backgroundText);
    if (this.inTaskTrigger) raise(BcCode.callback, BcText.pageTaskTriggerCallback);
  }

  beforeWrite(table: TableDef, op: WriteOp, temporary: boolean, company?: string): void {
    if (temporary) return;
    // BC's permission kinds are Read, Insert, Modify, Delete: ModifyAll and Rename need Modify, DeleteAll needs Delete.
    if (this.readOnly) raise(BcCode.permission, fill(BcText.permission, table.name, op === 'ModifyAll' || op === 'Rename' ? 'Modify' : op === 'DeleteAll' ? 'Delete' : op));
    // A write through a record moved to another company (ChangeCompany) says which company's data it changes.
    this.rt.timeline.emit('write', { session: this.sessionId, table: table.name, op, ...(company !== undefined ? { company } : {}) });
  }

  private lockEnabled = true;
  private lockDurationMs: number | undefined;

  /** Database.LockTimeout([Enabled]): false makes this session wait for locks without a limit. */
  lockTimeout(enabled?: boolean): boolean {
    if (enabled !== undefined) {
      this.lockEnabled = enabled;
      this.session.lockTimeoutMs = enabled ? this.lockDurationMs : 0;
    }
    return this.lockEnabled;
  }

  /** Database.LockTimeoutDuration([Seconds]): this session's lock timeout; 0 or less disables it. */
  lockTimeoutDuration(seconds?: number): number {
    if (seconds !== undefined) {
      this.lockDurationMs = Math.max(0, Math.trunc(seconds)) * 1000;
      if (this.lockEnabled) this.session.lockTimeoutMs = this.lockDurationMs;
    }
    return Math.round((this.lockEnabled ? (this.lockDurationMs ?? this.rt.settings.lockTimeout) : 0) / 1000);
  }

  startSession(request: StartSessionRequest) {
    return this.rt.background.startSession(this.session, request);
  }

  stopSession(sessionId: number, comment: string): void {
    this.rt.stopSession(this.session, sessionId, comment);
  }

  isSessionActive(sessionId: number): boolean {
    return this.rt.isSessionActive(sessionId);
  }

  createTask(request: CreateTaskRequest): string {
    return this.rt.background.createTask(this.session, request);
  }

  enqueueBackgroundTask(page: PageHandle, request: EnqueueRequest) {
    return this.rt.pageTasks.enqueue(this.session, page, request);
  }

  runPageBackgroundTask(page: PageHandle, request: EnqueueRequest): ChildTaskRun {
    const r = this.rt.pageTasks.enqueue(this.session, page, request, true);
    if (!r.ok) raise(r.error.code, r.error.text);
    return r.run!;
  }

  taskTrigger(name: string | undefined, page?: PageHandle, taskId?: number): void {
    this.inTaskTrigger = name;
    const layout = (page as PageInstance | undefined)?.layout;
    if (name && layout) this.rt.timeline.emit('trigger', { session: this.sessionId, object: `Page ${layout.pageId}`, name, task: taskId });
  }

  cancelBackgroundTask(page: PageHandle, taskId: number): void {
    this.rt.pageTasks.cancelById(page, taskId);
  }

  getBackgroundParameters(): Map<string, string> {
    if (this.kind !== 'PageBackgroundTask') raise('', BcText.notInPageTask);
    return new Map(this.session.parameters ?? []);
  }

  setBackgroundTaskResult(results: Map<string, string>): void {
    if (this.kind !== 'PageBackgroundTask') raise('', BcText.notInPageTask);
    this.results = new Map(results);
  }
}
