// The local session runtime: owns the scheduler, the clock, the sessions and their services, background
// sessions, page background tasks and pages, and reports everything on the timeline. Steered through a small
// async API (open a page, run a codeunit, wait until idle, advance time) used by the scenario runner, the
// control server and the tests.
import type { AlErrorInfo, DebugPolicy, DialogTicket, Engine, EntryPoint, Execution, LoadedObject, SessionKind, Transaction } from '../contracts';
import type { DialogRequest, SessionInfo, SessionOutcome } from '../../protocol/runtimeProtocol';
import { RealClock, VirtualClock, type SessionClock } from './clock';
import { SeededRandom } from './random';
import { Scheduler } from './scheduler';
import { Session, type CallResult, type WorkItem } from './session';
import { SessionServicesImpl } from './services';
import { DEFAULT_SETTINGS, type SessionSettings } from './settings';
import { Timeline } from './eventLog';
import { BackgroundSessions } from './backgroundSessions';
import { PageTasks } from './pageTasks';
import { Pages } from './pages';
import { BcCode, BcText, fill, raise } from './bcErrors';
import { lockTimeout } from '../store/errors';

/** The record store as the session layer needs it: one transaction per session at a time. */
export interface SessionDatabase {
  /** `company`: the session's company (a name from the runtime's company list; undefined = the default one). */
  begin(sessionId: number, company?: string): Transaction;
}

/** Decides how a new session is debugged (the control server installs one when a debugger attaches). */
export interface DebugHost {
  policyFor(session: Session): DebugPolicy;
  paused(session: Session): void;
  sessionStarted?(session: Session): void;
  sessionEnded?(session: Session): void;
}

export interface RuntimeOptions {
  engine: Engine;
  db: SessionDatabase;
  settings?: Partial<SessionSettings>;
  clock?: 'virtual' | 'real';
  seed?: number;
  /** Let virtual time pass whenever every session waits, without a waiter asking (serve). */
  freeRun?: boolean;
}

/** A record of a session that existed (for Session Event and IsSessionActive after it ended). */
export interface SessionEventRow {
  sessionId: number;
  eventType: 'Logon' | 'Logoff' | 'Stop' | 'Close';
  time: number;
  clientType: string;
  userId: string;
  comment: string;
  /** The company the session ran in. */
  company: string;
}

interface Waiter {
  until: () => boolean;
  advance: boolean;
  timeLimit?: number;
  /** Resolve when nothing can run any more even though `until` is false. */
  acceptIdle: boolean;
  resolve: (outcome: 'done' | 'idle' | 'stuck') => void;
}

export class SessionRuntime {
  readonly settings: SessionSettings;
  readonly clock: SessionClock;
  readonly rng: SeededRandom;
  readonly scheduler: Scheduler;
  readonly timeline: Timeline;
  readonly engine: Engine;
  db: SessionDatabase;
  readonly sessions = new Map<number, Session>();
  readonly services = new Map<number, SessionServicesImpl>();
  readonly sessionEvents: SessionEventRow[] = [];
  readonly background: BackgroundSessions;
  readonly pageTasks: PageTasks;
  readonly pages: Pages;
  debugHost: DebugHost | undefined;
  freeRun: boolean;
  private nextSessionId = 1;
  private waiters: Waiter[] = [];
  private pumping = false;
  private poked: (() => void) | undefined;
  /** Answers for foreground dialogs set by a scenario (`answer` steps); otherwise the default answer. */
  private dialogAnswers: { kind: string; value: unknown }[] = [];
  /** Keep ended sessions in `sessions` (false in stress runs). */
  retainEnded = true;
  /** At most this many ended sessions are kept (the oldest go first): a long-running `serve` stays bounded. */
  endedSessionLimit = Number.POSITIVE_INFINITY;
  private readonly endedOrder: number[] = [];
  private endedHead = 0;
  private activeCount = 0;
  /**
   * Bumped whenever a call or a session ends: waiters' conditions can only change then (or when time moves,
   * which the scheduler reports), so the scheduler does not re-test every waiter after every slice.
   */
  private epoch = 0;

  constructor(options: RuntimeOptions) {
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.clock = options.clock === 'real' ? new RealClock() : new VirtualClock();
    this.rng = new SeededRandom(options.seed ?? 1);
    this.engine = options.engine;
    this.db = options.db;
    this.freeRun = options.freeRun ?? false;
    this.timeline = new Timeline(() => this.clock.elapsed(), this.settings.eventHistoryLimit);
    this.scheduler = new Scheduler(this.clock, this.rng, this.settings.sliceBudget, {
      callEnded: (s, r) => this.callEnded(s, r),
      paused: (s) => this.debugHost?.paused(s),
      lockTimeout: (_s, reason) => {
        const table = /lock on (.+?) \(/.exec(reason)?.[1] ?? 'the table';
        return lockTimeout(table).info;
      },
      callTimeLimitMs: () => this.settings.maxCallTime,
      callOverTime: (s, ranMs) => this.callOverTime(s, ranMs),
      measureMemory: (s) => this.measureMemory(s),
    }, this.settings.busySlicesPerTimeJump, this.settings.lockTimeout);
    this.addCompany(this.settings.companyName);
    for (const c of this.settings.companies) this.addCompany(c);
    this.background = new BackgroundSessions(this);
    this.pageTasks = new PageTasks(this);
    this.pages = new Pages(this);
  }

  // ----- sessions -------------------------------------------------------------------------------------

  // ----- companies --------------------------------------------------------------------------------------

  /** The database's companies by lower-cased name (BC compares company names case-insensitively). */
  private readonly companyNames = new Map<string, string>();

  /** Adds a company to the database (settings `companies`, a scenario's `companies` / `companyData`). */
  addCompany(name: string): string {
    const key = name.toLowerCase();
    const known = this.companyNames.get(key);
    if (known !== undefined) return known;
    this.companyNames.set(key, name);
    return name;
  }

  /** The company's name as the database spells it, or undefined when there is no such company. */
  companyNamed(name: string): string | undefined {
    return this.companyNames.get(name.toLowerCase());
  }

  get companies(): string[] {
    return [...this.companyNames.values()];
  }

  /** Creates a session (state `queued`); `begin` starts it. `company`: default the parent's, else the default company. */
  createSession(kind: SessionKind, parent: Session | null, object: string, objectName: string, depth: number, company?: string): Session {
    const id = this.nextSessionId++;
    const policy: DebugPolicy = { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' };
    const s = new Session(id, kind, parent, depth, object, objectName, this.settings.userId, policy);
    s.company = company ?? parent?.company ?? this.settings.companyName;
    this.sessions.set(id, s);
    this.services.set(id, new SessionServicesImpl(this, s));
    this.activeCount++;
    return s;
  }

  /** Starts a created session: sessionStarted, Logon, optional timeout, and its first call. */
  begin(s: Session, timeoutMs?: number): void {
    s.startedAt = this.clock.now();
    s.state = 'running';
    if (this.debugHost) Object.assign(s.debug, this.debugHost.policyFor(s));
    if (timeoutMs !== undefined) {
      s.timeoutMs = timeoutMs;
      s.deadline = s.startedAt + timeoutMs;
      s.deadlineTimer = this.scheduler.at(s.deadline, () => this.timeOut(s));
    }
    this.timeline.emit('sessionStarted', {
      session: s.id,
      kind: s.kind,
      parent: s.parent ? s.parent.id : null,
      object: s.object,
      ...(s.objectName && s.objectName !== s.object ? { objectName: s.objectName } : {}),
      ...(s.taskId !== undefined ? { task: s.taskId } : {}),
      company: s.company,
    });
    this.sessionEvents.push({ sessionId: s.id, eventType: 'Logon', time: this.clock.now(), clientType: s.clientType, userId: s.userId, comment: '', company: s.company });
    this.debugHost?.sessionStarted?.(s);
    this.scheduler.makeReady(s);
  }

  servicesOf(s: Session): SessionServicesImpl {
    return this.services.get(s.id)!;
  }

  /** Queues an AL call on a session; the promise settles when it ended. */
  enqueueCall(s: Session, label: string, entry: () => EntryPoint, hooks?: { before?: () => void; after?: (r: CallResult) => void }): Promise<CallResult> {
    return new Promise((resolve) => {
      this.queueCall(s, label, entry, {
        before: hooks?.before,
        after: (r) => {
          hooks?.after?.(r);
          resolve(r);
        },
      });
    });
  }

  /** Queues an AL call without a promise (background sessions and tasks: nobody awaits them one by one). */
  queueCall(s: Session, label: string, entry: () => EntryPoint, hooks?: { before?: () => void; after?: (r: CallResult) => void }): void {
    const item: WorkItem = {
      label,
      start: (): Execution => {
        hooks?.before?.();
        return this.engine.start(this.servicesOf(s), entry(), s.debug);
      },
      finish: (r) => hooks?.after?.(r),
    };
    s.queue.push(item);
    this.scheduler.makeReady(s);
    this.poke();
  }

  /** Queues a call and drives the runtime until it ended. Rejects never; the result says how it went. */
  async call(s: Session, label: string, entry: () => EntryPoint, hooks?: { before?: () => void; after?: (r: CallResult) => void }): Promise<CallResult> {
    let result: CallResult | undefined;
    // The result is taken synchronously when the call ends, so the scheduler stops right there (a promise
    // callback would come too late: time could pass first).
    void this.enqueueCall(s, label, entry, {
      before: hooks?.before,
      after: (r) => {
        result = r;
        hooks?.after?.(r);
      },
    });
    const outcome = await this.waitFor(() => result !== undefined || s.ended, { advance: true, acceptIdle: false });
    if (result === undefined) {
      if (s.ended) return { state: 'failed', error: { code: '', text: `session ${s.id} ended before '${label}' ran`, callStack: '' } };
      return { state: 'failed', error: { code: '', text: `'${label}' cannot finish: every session is waiting for something that will not happen (${outcome})`, callStack: '' } };
    }
    return result;
  }

  private callEnded(s: Session, r: CallResult): void {
    this.epoch++;
    const services = this.servicesOf(s);
    if (s.ending) {
      // Timeout or StopSession: the abort surfaced as this failure; roll back and end with that outcome.
      services.finishTransaction(false);
      this.endSession(s, s.ending.outcome, r.state === 'failed' ? r.error : s.ending.error);
      return;
    }
    services.finishTransaction(r.state === 'completed');
    if (r.state === 'failed') {
      if (s.kind !== 'Foreground' || !s.keepAlive) {
        if (s.kind === 'Foreground') this.timeline.emit('error', { session: s.id, code: r.error.code, text: r.error.text });
        this.endSession(s, 'error', r.error);
        return;
      }
      // The client shows the error and the session goes on. Errors in the two page background task triggers
      // always show as error notifications on the page, whatever the task's ErrorLevel.
      if (services.inTaskTrigger) this.timeline.emit('notification', { session: s.id, level: 'error', text: r.error.text, code: r.error.code, trigger: services.inTaskTrigger });
      else this.timeline.emit('error', { session: s.id, code: r.error.code, text: r.error.text });
    }
    if (s.kind === 'Foreground') this.pages.afterCall(s);
    if (!s.hasWork && !s.keepAlive) this.endSession(s, 'completed', undefined);
  }

  /** Ends a session: rollback whatever is open, timeline, Session Event, callbacks (slots, task triggers). */
  endSession(s: Session, outcome: SessionOutcome, error: AlErrorInfo | undefined): void {
    if (s.ended) return;
    this.epoch++;
    const services = this.servicesOf(s);
    if (services.hasWrites()) services.finishTransaction(false);
    s.current = undefined;
    s.queue.length = 0;
    this.scheduler.remove(s);
    s.state = 'ended';
    this.activeCount--;
    // Where the error was raised goes with it, so a client can open the failing statement.
    const where = error?.location ? { file: error.location.file, line: error.location.line, character: error.location.character } : {};
    this.timeline.emit('sessionEnded', { session: s.id, outcome, ...(error ? { error: { code: error.code, text: error.text, ...where } } : {}) });
    const comment = error ? error.text : s.ending?.error?.text ?? '';
    this.sessionEvents.push({
      sessionId: s.id,
      eventType: outcome === 'stopped' ? 'Stop' : 'Logoff',
      time: this.clock.now(),
      clientType: s.clientType,
      userId: s.userId,
      comment,
      company: s.company,
    });
    this.pageTasks.sessionEnded(s);
    this.pages.sessionEnded(s);
    for (const f of s.onEnded) f(outcome, error);
    this.debugHost?.sessionEnded?.(s);
    if (!this.retainEnded) {
      this.sessions.delete(s.id);
      this.services.delete(s.id);
    } else if (this.endedSessionLimit !== Number.POSITIVE_INFINITY) {
      this.endedOrder.push(s.id);
      while (this.endedOrder.length - this.endedHead > this.endedSessionLimit) {
        const old = this.endedOrder[this.endedHead++];
        this.sessions.delete(old);
        this.services.delete(old);
      }
      if (this.endedHead > 4096 && this.endedHead * 2 > this.endedOrder.length) {
        this.endedOrder.splice(0, this.endedHead);
        this.endedHead = 0;
      }
    }
    this.poke();
  }

  /** Where a session's call is now, for errors: `"Codeunit Name".OnRun (file line N)`. */
  private whereIs(s: Session): string {
    const f = s.current?.exec.debug.frames()[0];
    if (!f) return s.object;
    return `${f.name} (${f.location.file.split(/[\\/]/).pop()} line ${f.location.line + 1})`;
  }

  /** A foreground call computed longer than maxCallTime: it fails with an error naming where it was. */
  private callOverTime(s: Session, ranMs: number): void {
    if (!s.current || s.ended) return;
    const limit = this.settings.maxCallTime;
    const where = this.whereIs(s);
    const text = `The call '${s.current.item.label}' ran longer than the ${formatSeconds(limit)} limit (--max-call-time) and was stopped in ${where}.`;
    this.timeline.emit('callTimeLimit', { session: s.id, limitMs: limit, ranMs: Math.round(ranMs), where, text });
    s.current.exec.abort({ code: 'CallTimeLimit', text, callStack: where });
  }

  /** Measures what a session holds; over maxSessionMemoryMB it is ended with an AL error (the others go on). */
  private measureMemory(s: Session): number {
    const m = this.engine.heldMemory?.(this.servicesOf(s), s.current?.exec);
    if (!m) return 1_000_000;
    s.heldBytes = m.bytes;
    const limitMb = this.settings.maxSessionMemoryMB;
    if (limitMb > 0 && m.bytes > limitMb * 1048576 && !s.ending) {
      const where = this.whereIs(s);
      const text = `There is not enough memory to execute this function: the session holds ${Math.round(m.bytes / 1048576)} MB of AL values, more than its ${limitMb} MB (setting maxSessionMemoryMB), in ${where}.`;
      this.timeline.emit('memoryLimit', { session: s.id, limitMb, heldMb: Math.round(m.bytes / 1048576), where, text });
      this.abortSession(s, 'error', { code: 'SessionMemoryLimit', text, callStack: where });
    }
    return m.nodes;
  }

  private timeOut(s: Session): void {
    s.deadlineTimer = undefined;
    if (s.ended) return;
    const error: AlErrorInfo =
      s.kind === 'PageBackgroundTask'
        ? { code: BcCode.childTimeout, text: BcText.childTimeout, callStack: '' }
        : { code: BcCode.sessionTimeout, text: BcText.sessionTimeout, callStack: '' };
    this.abortSession(s, 'timeout', error);
  }

  /** Ends a running session at its next statement (or now if it waits): timeout and StopSession. */
  abortSession(s: Session, outcome: SessionOutcome, error: AlErrorInfo): void {
    if (s.ended || s.ending) return;
    s.ending = { outcome, error };
    // Not started yet (queued), between calls, or stopped in the debugger (it would never reach a statement
    // boundary while stopped): end it now; its transaction rolls back.
    if (!s.current || s.paused) {
      this.endSession(s, outcome, error);
      return;
    }
    s.current.exec.abort(error);
    this.scheduler.wake(s);
    this.poke();
  }

  stopSession(caller: Session | undefined, targetId: number, comment: string): void {
    const target = this.sessions.get(targetId);
    if (caller && targetId === caller.id) raise('', BcText.stopCurrent);
    if (!target) {
      if (targetId >= this.nextSessionId || targetId <= 0) raise('', fill(BcText.noSuchSession, targetId));
      return;
    }
    if (target.ended) return;
    if (target.state === 'queued' && !target.current) {
      this.background.dequeue(target);
      target.ending = { outcome: 'stopped', error: { code: BcCode.stopped, text: comment || BcText.stopped, callStack: '' } };
      this.endSession(target, 'stopped', target.ending.error);
      return;
    }
    this.abortSession(target, 'stopped', { code: BcCode.stopped, text: comment || BcText.stopped, callStack: '' });
  }

  /**
   * A server restart (bc-semantics §2: "A server restart kills running background sessions"). Everything that
   * lives in the server instance's memory ends: page background tasks are cancelled, queued and running
   * background sessions end with their transactions rolled back, and so do the client sessions (the web client
   * loses its connection; its pages close). What is persisted survives: committed data, Session Event rows and
   * TaskScheduler tasks that have not started yet (they live in the Scheduled Task table and still run when due).
   */
  restartServer(): void {
    this.timeline.emit('serverRestart', { sessions: this.activeCount });
    const error: AlErrorInfo = { code: BcCode.serverRestart, text: BcText.serverRestart, callStack: '' };
    this.pageTasks.cancelAll('serverRestart');
    // Queued sessions first: ending a running one would launch the next queued one.
    for (const s of this.background.queued()) {
      this.background.dequeue(s);
      s.ending = { outcome: 'stopped', error };
      this.endSession(s, 'stopped', error);
    }
    for (const s of [...this.sessions.values()]) {
      if (s.ended) continue;
      s.ending = { outcome: 'stopped', error };
      this.endSession(s, 'stopped', error);
    }
  }

  isSessionActive(id: number): boolean {
    const s = this.sessions.get(id);
    return !!s && !s.ended;
  }

  get activeSessions(): number {
    return this.activeCount;
  }

  sessionInfo(s: Session): SessionInfo {
    return {
      id: s.id,
      kind: s.kind,
      parent: s.parent ? s.parent.id : null,
      object: s.object,
      objectName: s.objectName,
      state: s.state,
      ...(s.taskId !== undefined ? { taskId: s.taskId } : {}),
      userId: s.userId,
      company: s.company,
      startedAt: s.startedAt,
      ...(s.timeoutMs !== undefined ? { timeoutMs: s.timeoutMs, deadline: s.deadline } : {}),
      ...(s.parameters ? { parameters: Object.fromEntries(s.parameters) } : {}),
      ...(s.paused ? { stoppedReason: s.paused } : {}),
    };
  }

  /** Loaded objects (set by the workspace loader) give sessions their display names. */
  objects: LoadedObject[] = [];
  private objectNames = new Map<string, string>();

  setObjects(objects: LoadedObject[]): void {
    this.objects = objects;
    this.objectNames = new Map(objects.map((o) => [`${o.type.toLowerCase()} ${o.id}`, o.name]));
  }

  engineObjectName(type: string, id: number): string {
    return this.objectNames.get(`${type.toLowerCase()} ${id}`) ?? `${type} ${id}`;
  }

  // ----- dialogs ----------------------------------------------------------------------------------------

  /** Who shows foreground dialogs to a person (the preview's connection); none: the default answers, as before. */
  dialogHandler?: (d: DialogRequest) => void;
  private nextDialogId = 1;
  /** Questions waiting for the user: their sessions wait, and the runtime is not "stuck" meanwhile. */
  readonly pendingDialogs = new Map<number, { session: Session; ticket: DialogTicket; request: DialogRequest }>();

  askUser(session: Session, kind: 'Confirm' | 'StrMenu', text: string, defaultAnswer: boolean | number, options?: string[]): DialogTicket | undefined {
    if (!this.dialogHandler) return undefined;
    const request: DialogRequest = { id: this.nextDialogId++, session: session.id, kind, text, default: defaultAnswer, ...(options ? { options } : {}) };
    const ticket: DialogTicket = { answered: false, value: defaultAnswer };
    this.pendingDialogs.set(request.id, { session, ticket, request });
    this.dialogHandler(request);
    return ticket;
  }

  /** A Message in a foreground session, for the client that shows dialogs (the code does not wait for it). */
  tellUser(session: Session, text: string): void {
    this.dialogHandler?.({ id: this.nextDialogId++, session: session.id, kind: 'Message', text });
  }

  /** The user's answer: the waiting session goes on. False when no such question is waiting. */
  answerDialog(id: number, answer: boolean | number): boolean {
    const p = this.pendingDialogs.get(id);
    if (!p) return false;
    this.pendingDialogs.delete(id);
    p.ticket.value = p.request.kind === 'Confirm' ? answer === true : Number(answer);
    p.ticket.answered = true;
    this.timeline.emit('dialog', { session: p.session.id, kind: p.request.kind, text: p.request.text, answer: p.ticket.value, ...(p.request.options ? { options: p.request.options.join(',') } : {}) });
    this.scheduler.wake(p.session);
    this.poke();
    return true;
  }

  /** No one answers any more (the client went away): every waiting question gets its default answer. */
  cancelDialogs(): void {
    for (const [id, p] of [...this.pendingDialogs]) this.answerDialog(id, p.request.default ?? false);
  }

  hasDialogAnswer(kind: string): boolean {
    return this.dialogAnswers.some((a) => a.kind === kind);
  }

  answerNextDialog(kind: 'confirm' | 'strMenu', value: unknown): void {
    this.dialogAnswers.push({ kind, value });
  }

  takeDialogAnswer(kind: string, _text: string): unknown {
    const i = this.dialogAnswers.findIndex((a) => a.kind === kind);
    if (i < 0) return undefined;
    return this.dialogAnswers.splice(i, 1)[0].value;
  }

  // ----- driving ----------------------------------------------------------------------------------------

  /** Runs until the condition holds. With acceptIdle, also settles when nothing can run without time passing. */
  waitFor(until: () => boolean, options: { advance: boolean; acceptIdle: boolean; timeLimit?: number }): Promise<'done' | 'idle' | 'stuck'> {
    if (until()) return Promise.resolve('done');
    return new Promise((resolve) => {
      this.waiters.push({ until, advance: options.advance, acceptIdle: options.acceptIdle, timeLimit: options.timeLimit, resolve });
      this.poke();
    });
  }

  /** Runs until no session can make progress: virtual time jumps over every wait (sleeps, timeouts). */
  async waitIdle(): Promise<void> {
    await this.waitFor(() => false, { advance: true, acceptIdle: true });
  }

  /** Moves the clock by `ms` (virtual), running everything that becomes due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    if (this.clock.kind === 'real') {
      await new Promise((r) => setTimeout(r, ms));
      await this.waitFor(() => this.clock.now() >= target, { advance: true, acceptIdle: true });
      return;
    }
    await this.waitFor(() => this.clock.now() >= target, { advance: true, acceptIdle: false, timeLimit: target });
  }

  /** Something changed (a call queued, a session resumed): make sure the pump runs. */
  poke(): void {
    const p = this.poked;
    this.poked = undefined;
    p?.();
    if (!this.pumping && (this.waiters.length > 0 || this.freeRun)) {
      this.pumping = true;
      // Start on a later turn: whatever the caller sets up synchronously (more sessions, more calls) is in
      // place before the first slice, so the interleaving depends only on the seed.
      setImmediate(() => void this.pump());
    }
  }

  /** Resolves the waiters that are done; returns how many were. */
  private settleWaiters(outcome: 'idle' | 'stuck' | 'time'): number {
    const keep: Waiter[] = [];
    const before = this.waiters.length;
    for (const w of this.waiters) {
      if (w.until()) w.resolve('done');
      else if (outcome === 'time' && w.timeLimit !== undefined && this.clock.now() >= w.timeLimit) w.resolve('done');
      else if (outcome !== 'time' && w.acceptIdle) w.resolve('idle');
      else if (outcome === 'stuck') w.resolve('stuck');
      else keep.push(w);
    }
    this.waiters = keep;
    return before - keep.length;
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const waiters = this.waiters;
        if (waiters.length === 0 && !this.freeRun) return;
        const advance = this.freeRun || waiters.some((w) => w.advance);
        const limits = waiters.filter((w) => w.timeLimit !== undefined).map((w) => w.timeLimit!);
        const timeLimit = limits.length ? Math.min(...limits) : undefined;
        let seen = -1;
        let seenAt = -1;
        const r = this.scheduler.run({
          until: () => {
            const now = this.clock.now();
            if (seen === this.epoch && seenAt === now) return false;
            seen = this.epoch;
            seenAt = now;
            return this.waiters.some((w) => w.until());
          },
          advance,
          timeLimit,
          wallBudgetMs: 20,
        });
        if (r === 'done' || r === 'timeLimit') {
          // Whoever was waiting gets to act at this very moment (stop a session at t=100, say) before other
          // waiters let more time pass.
          if (this.settleWaiters('time') > 0 && this.waiters.length > 0) await new Promise((res) => setImmediate(res));
          continue;
        }
        if (r === 'yield') {
          await new Promise((res) => setImmediate(res));
          continue;
        }
        // Idle: nothing can run now.
        const next = this.scheduler.nextTimerAt();
        if (this.clock.kind === 'real' && next !== undefined && advance) {
          await this.sleepReal(Math.max(0, next - this.clock.now()));
          continue;
        }
        // A session stopped in the debugger or waiting for the user's answer is not stuck: someone will act.
        const paused = this.scheduler.pausedSessions.size > 0 || this.pendingDialogs.size > 0;
        if (!paused && (next === undefined || !advance)) {
          // Nothing will ever change by itself: settle every waiter.
          this.settleWaiters(next === undefined ? 'stuck' : 'idle');
        } else if (!paused) {
          this.settleWaiters('idle');
        }
        if (this.waiters.length === 0 && !this.freeRun) return;
        // Wait for something from outside (a resumed session, a new call, a request).
        await new Promise<void>((res) => (this.poked = res));
      }
    } finally {
      this.pumping = false;
    }
  }

  private sleepReal(ms: number): Promise<void> {
    return new Promise((res) => {
      const timer = setTimeout(() => {
        this.poked = undefined;
        res();
      }, Math.min(ms, 1000));
      this.poked = () => {
        clearTimeout(timer);
        res();
      };
    });
  }
}

export function clientType(kind: SessionKind): string {
  return kind === 'Foreground' ? 'Web Client' : kind === 'Background' ? 'Background' : 'Child Session';
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
