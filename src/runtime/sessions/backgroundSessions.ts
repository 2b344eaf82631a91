// Background sessions (StartSession, TaskScheduler.CreateTask): BC's limits: 10 running at once, further ones
// queue, more than 100 queued is an error, and sessions started from sessions more than 14 deep are refused.
import type { AlErrorInfo, CreateTaskRequest, StartSessionRequest } from '../contracts';
import { BcCode, BcText, alErrorInfo, fill, raise } from './bcErrors';
import type { Session } from './session';
import type { SessionRuntime } from './runtime';

interface Pending {
  session: Session;
  codeunitId: number;
  record: unknown;
  timeoutMs: number;
}

export class BackgroundSessions {
  private running = 0;
  private readonly queue: Pending[] = [];
  private taskSeq = 0;
  /** Most background sessions running at once (stress tests check the limit held). */
  peakRunning = 0;

  constructor(private readonly rt: SessionRuntime) {}

  get runningCount(): number {
    return this.running;
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  queued(): Session[] {
    return this.queue.map((p) => p.session);
  }

  startSession(caller: Session, request: StartSessionRequest): { ok: true; sessionId: number } | { ok: false; error: AlErrorInfo; ignored?: boolean } {
    // BC's first checks, before anything else (bc-semantics §2): test code under a runner whose TestIsolation is
    // not Disabled is refused with an error (with or without Ok); install and upgrade code is ignored: false,
    // SessionId untouched, no error, nothing starts.
    const context = request.context;
    if (context?.testIsolation && context.testIsolation !== 'Disabled') raise(BcCode.testStartSession, BcText.testStartSession);
    if (context?.app) {
      const reason = fill(BcText.startSessionInAppCode, context.app === 'Install' ? 'installed' : 'upgraded');
      this.rt.timeline.emit('startSessionIgnored', { session: caller.id, codeunit: `Codeunit ${request.codeunitId}`, context: context.app, reason });
      return { ok: false, ignored: true, error: alErrorInfo('', reason) };
    }
    const company = this.companyOf(caller, request.company);
    if (typeof company !== 'string') return { ok: false, error: company };
    const depth = caller.depth + 1;
    if (depth > this.rt.settings.sessionRecursionDepth) {
      return { ok: false, error: alErrorInfo(BcCode.recursion, fill(BcText.recursion, this.rt.settings.sessionRecursionDepth)) };
    }
    const full = this.running >= this.rt.settings.backgroundSessionsMaxConcurrency;
    if (full && this.queue.length >= this.rt.settings.backgroundSessionsMaxQueueLength) {
      return { ok: false, error: alErrorInfo(BcCode.queueFull, fill(BcText.backgroundQueueFull, this.rt.settings.backgroundSessionsMaxQueueLength)) };
    }
    const timeoutMs = request.timeoutMs !== undefined && request.timeoutMs > 0 ? request.timeoutMs : this.rt.settings.backgroundSessionsDefaultTimeout;
    const s = this.create(caller, request.codeunitId, depth, company);
    const pending: Pending = { session: s, codeunitId: request.codeunitId, record: request.record, timeoutMs };
    if (full) {
      this.queue.push(pending);
      this.rt.timeline.emit('sessionQueued', { session: s.id, parent: caller.id, object: s.object, queued: this.queue.length });
    } else {
      this.launch(pending);
    }
    return { ok: true, sessionId: s.id };
  }

  /** TaskScheduler.CreateTask: a background session when ready and due; the failure codeunit runs if it fails. */
  createTask(caller: Session, request: CreateTaskRequest): string {
    const company = this.companyOf(caller, request.company);
    if (typeof company !== 'string') raise(company.code, company.text);
    const id = ++this.taskSeq;
    const guid = `{${id.toString(16).toUpperCase().padStart(8, '0')}-0000-4000-8000-${caller.id.toString(16).toUpperCase().padStart(12, '0')}}`;
    if (!request.isReady) {
      this.rt.timeline.emit('scheduledTask', { session: caller.id, task: guid, codeunit: `Codeunit ${request.codeunitId}`, ready: false, company });
      return guid;
    }
    const due = Math.max(this.rt.clock.now(), request.notBefore ?? 0);
    this.rt.timeline.emit('scheduledTask', { session: caller.id, task: guid, codeunit: `Codeunit ${request.codeunitId}`, ready: true, notBefore: due, company });
    const run = () => {
      // Scheduled tasks are not subject to StartSession's queue limit: the Scheduled Task table holds them.
      const s = this.create(caller, request.codeunitId, caller.depth + 1, company);
      const timeoutMs = request.timeoutMs !== undefined && request.timeoutMs > 0 ? request.timeoutMs : this.rt.settings.backgroundSessionsDefaultTimeout;
      if (request.failureCodeunitId) {
        s.onEnded.push((outcome) => {
          if (outcome === 'error' || outcome === 'timeout') {
            const f = this.create(caller, request.failureCodeunitId, caller.depth + 1, company);
            this.enqueuePending({ session: f, codeunitId: request.failureCodeunitId, record: request.record, timeoutMs });
          }
        });
      }
      this.enqueuePending({ session: s, codeunitId: request.codeunitId, record: request.record, timeoutMs });
    };
    if (due <= this.rt.clock.now()) run();
    else this.rt.scheduler.at(due, run);
    return guid;
  }

  /** A queued session was stopped before it ran. */
  dequeue(s: Session): void {
    const i = this.queue.findIndex((p) => p.session === s);
    if (i >= 0) this.queue.splice(i, 1);
  }

  private enqueuePending(p: Pending): void {
    if (this.running < this.rt.settings.backgroundSessionsMaxConcurrency) this.launch(p);
    else this.queue.push(p);
  }

  /**
   * The company the new session runs in: the one named (it must exist in the database: settings `companyName` /
   * `companies`, a scenario's companies), by default the caller's (BC: "By default, the session is started in the
   * same company as the calling session").
   */
  private companyOf(caller: Session, company: string | undefined): string | AlErrorInfo {
    if (company === undefined || company === '') return caller.company;
    return this.rt.companyNamed(company) ?? alErrorInfo(BcCode.companyNotFound, fill(BcText.companyNotFound, company));
  }

  private create(caller: Session, codeunitId: number, depth: number, company: string): Session {
    return this.rt.createSession('Background', caller, `Codeunit ${codeunitId}`, this.rt.engineObjectName('Codeunit', codeunitId), depth, company);
  }

  private launch(p: Pending): void {
    this.running++;
    if (this.running > this.peakRunning) this.peakRunning = this.running;
    const s = p.session;
    s.onEnded.push(() => {
      this.running--;
      const next = this.queue.shift();
      if (next && !next.session.ended) this.launch(next);
    });
    this.rt.queueCall(s, `Codeunit ${p.codeunitId}.OnRun`, () => ({ kind: 'codeunitRun', codeunit: p.codeunitId, record: p.record }));
    this.rt.begin(s, p.timeoutMs);
  }
}
