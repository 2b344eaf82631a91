// The slice scheduler: runs sessions' executions a budget of statements at a time, in an order drawn from a
// seeded generator, so an endless loop in one session never starves the others and a seed replays a timeline.
// Time only moves here: sleeping sessions wake on timers; with the virtual clock, time jumps to the next timer
// when every session waits.
import type { StepResult } from '../contracts';
import { AlRuntimeError, isAlErrorCarrier, type AlErrorInfo } from '../contracts';
import type { SessionClock } from './clock';
import type { SeededRandom } from './random';
import type { CallResult, Session, WorkItem } from './session';
import { TimerHeap, type Timer } from './timers';

export interface SchedulerHooks {
  /** The session's current call completed or failed (the session layer commits/rolls back, ends or continues). */
  callEnded(session: Session, result: CallResult): void;
  /** The session stopped in the debugger. */
  paused(session: Session): void;
  /** The error a lock wait ends with after the lock timeout. */
  lockTimeout(session: Session, reason: string): AlErrorInfo;
  /** A foreground call has computed longer than the limit: the session layer aborts it. */
  callOverTime?(session: Session, ranMs: number): void;
  /** The longest a foreground call may compute (ms; 0 or less: no limit). Read at every slice. */
  callTimeLimitMs?(): number;
  /** Measures what the session holds and ends it when over its limit; returns the walk's size (spaces the next one). */
  measureMemory?(session: Session): number;
}

export type RunOutcome =
  /** The caller's condition holds. */
  | 'done'
  /** Nothing can run now; time would have to pass (or something outside must happen). */
  | 'idle'
  /** The virtual clock reached the caller's time limit. */
  | 'timeLimit'
  /** The wall-time budget is spent: give the event loop a turn and call again. */
  | 'yield';

export interface RunOptions {
  until?: () => boolean;
  /** May the virtual clock jump to the next timer when nothing can run? */
  advance: boolean;
  /** Do not move the virtual clock past this time. */
  timeLimit?: number;
  /** Return 'yield' after this many wall ms (keeps a server responsive). */
  wallBudgetMs?: number;
}

export class Scheduler {
  private ready: Session[] = [];
  readonly timers = new TimerHeap();
  /** Sessions waiting for a lock or another signal; retried whenever a transaction ends. */
  private readonly blocked = new Set<Session>();
  /** Sessions stopped in the debugger (virtual time does not pass while any is stopped). */
  readonly pausedSessions = new Set<Session>();
  slices = 0;
  /** Consecutive slices that ended with 'yielded' (everybody computing, nobody waiting). */
  private busySlices = 0;

  constructor(
    readonly clock: SessionClock,
    private readonly rng: SeededRandom,
    private readonly budget: number,
    private readonly hooks: SchedulerHooks,
    /** How many such slices count as "everyone is busy": then virtual time moves to the next timer. */
    private readonly busySlicesPerJump = 2000,
    private readonly lockTimeoutMs = 10_000,
  ) {}

  /** Make a session runnable if it has work and is not waiting or paused. */
  makeReady(s: Session): void {
    if (s.inReady || s.ended || s.paused || !s.hasWork || s.state === 'queued') return;
    if (s.state === 'sleeping' || s.state === 'blocked' || s.state === 'waiting') return;
    s.inReady = true;
    s.state = 'running';
    this.ready.push(s);
  }

  /** End a wait early (StopSession, timeout, the signal a blocked session waited for). */
  wake(s: Session): void {
    if (s.ended) return;
    this.timers.cancel(s.wakeTimer);
    s.wakeTimer = undefined;
    this.blocked.delete(s);
    if (s.state === 'sleeping' || s.state === 'blocked' || s.state === 'waiting') s.state = 'running';
    this.makeReady(s);
  }

  /** Retry every blocked session (called when a transaction commits or rolls back: locks were released). */
  wakeBlocked(): void {
    if (this.blocked.size === 0) return;
    for (const s of [...this.blocked]) this.wake(s);
  }

  /** A session resumed from the debugger: its timeout goes on from where it stood when it stopped. */
  resumed(s: Session): void {
    s.paused = undefined;
    this.pausedSessions.delete(s);
    const held = s.heldDeadline;
    if (held) {
      s.heldDeadline = undefined;
      s.deadline = this.clock.now() + held.remaining;
      s.deadlineTimer = this.timers.add(s.deadline, held.fire);
    }
    if (s.state !== 'sleeping' && s.state !== 'blocked' && s.state !== 'waiting') s.state = 'running';
    this.makeReady(s);
  }

  /** Forget a session that ended. */
  remove(s: Session): void {
    this.timers.cancel(s.wakeTimer);
    this.timers.cancel(s.deadlineTimer);
    s.wakeTimer = s.deadlineTimer = undefined;
    s.heldDeadline = undefined;
    this.blocked.delete(s);
    this.pausedSessions.delete(s);
    if (s.inReady) {
      const i = this.ready.indexOf(s);
      if (i >= 0) this.ready.splice(i, 1);
      s.inReady = false;
    }
  }

  at(time: number, fire: () => void): Timer {
    return this.timers.add(time, fire);
  }

  get readyCount(): number {
    return this.ready.length;
  }

  get blockedCount(): number {
    return this.blocked.size;
  }

  /** Fire every timer due now. Returns true if any fired. */
  fireDue(): boolean {
    let fired = false;
    for (let t = this.timers.popDue(this.clock.now()); t; t = this.timers.popDue(this.clock.now())) {
      fired = true;
      t.fire();
    }
    return fired;
  }

  nextTimerAt(): number | undefined {
    return this.timers.peek();
  }

  /** Runs slices until the condition holds or nothing can run (see RunOutcome). Synchronous. */
  run(options: RunOptions): RunOutcome {
    const wallStart = options.wallBudgetMs !== undefined ? performance.now() : 0;
    let n = 0;
    for (;;) {
      if (options.until?.()) return 'done';
      this.fireDue();
      if (this.ready.length > 0) {
        if (this.busySlices >= this.busySlicesPerJump && options.advance && this.clock.kind === 'virtual' && this.pausedSessions.size === 0) {
          // Every runnable session has been computing without a pause for a long while (a runaway loop): on
          // the virtual clock that work takes time too, so let time reach the next timer (a timeout, a sleeper).
          this.busySlices = 0;
          const next = this.timers.peek();
          if (next !== undefined) {
            if (options.timeLimit !== undefined && next > options.timeLimit) {
              this.clock.advanceTo(options.timeLimit);
              return 'timeLimit';
            }
            this.clock.advanceTo(next);
            continue;
          }
        }
        this.slice();
        if (options.wallBudgetMs !== undefined && (++n & 63) === 0 && performance.now() - wallStart > options.wallBudgetMs) return 'yield';
        continue;
      }
      if (options.until?.()) return 'done';
      const next = this.timers.peek();
      if (next === undefined || this.clock.kind === 'real') return 'idle';
      if (!options.advance) return 'idle';
      if (options.timeLimit !== undefined && next > options.timeLimit) {
        this.clock.advanceTo(options.timeLimit);
        return 'timeLimit';
      }
      this.clock.advanceTo(next);
    }
  }

  /** Runs one slice of one ready session, picked by the seeded generator. */
  private slice(): void {
    const i = this.ready.length === 1 ? 0 : this.rng.below(this.ready.length);
    const s = this.ready[i];
    // Swap-remove keeps picking O(1); the order is still fully determined by the seed.
    this.ready[i] = this.ready[this.ready.length - 1];
    this.ready.pop();
    s.inReady = false;
    this.slices++;

    let current = s.current;
    if (!current) {
      const item = s.queue.shift()!;
      s.callRanMs = 0;
      s.callOverTime = false;
      try {
        current = s.current = { exec: item.start(), item };
      } catch (err) {
        this.end(s, item, { state: 'failed', error: errorOf(err) });
        return;
      }
    }
    let r: StepResult;
    const t0 = performance.now();
    try {
      r = current.exec.run(this.budget);
    } catch (err) {
      // An interpreter bug must not take the runtime down: the call fails with the message, like an AL error.
      r = { state: 'failed', error: errorOf(err) };
    }
    // A foreground call has no timeout in BC's sense; an endless loop must still not hang the runtime. Only
    // computing counts (not time stopped in the debugger, sleeping or waiting for a lock).
    if (s.kind === 'Foreground' && r.state === 'yielded' && !s.callOverTime && this.hooks.callOverTime) {
      s.callRanMs += performance.now() - t0;
      const limit = this.hooks.callTimeLimitMs?.() ?? 0;
      if (limit > 0 && s.callRanMs > limit) {
        s.callOverTime = true;
        this.hooks.callOverTime(s, s.callRanMs);
      }
    }
    // What the session holds in AL values is measured every few slices, spaced by the cost of the last walk.
    if (this.hooks.measureMemory && r.state !== 'completed' && r.state !== 'failed' && --s.memoryCheckIn <= 0) {
      const nodes = this.hooks.measureMemory(s);
      s.memoryCheckIn = Math.max(8, Math.ceil(nodes / 4000));
    }
    // Invariant: once a session is being ended (timeout, StopSession) its execution was aborted; if it did not
    // stop at the statement boundary as the contract says, the session layer stops it here.
    if (s.ending?.error && r.state !== 'failed' && r.state !== 'completed' && r.state !== 'paused') {
      r = { state: 'failed', error: s.ending.error };
    }
    // Anything but another full slice of computing means some session waits or finished: not a runaway.
    if (r.state !== 'yielded') this.busySlices = 0;
    if (r.state !== 'blocked') s.lockDeadline = undefined;
    switch (r.state) {
      case 'yielded':
        this.busySlices++;
        this.makeReady(s);
        return;
      case 'sleeping':
        s.state = 'sleeping';
        if (r.until <= this.clock.now()) {
          s.state = 'running';
          this.makeReady(s);
        } else {
          s.wakeTimer = this.timers.add(r.until, () => {
            s.wakeTimer = undefined;
            if (s.state === 'sleeping') {
              s.state = 'running';
              this.makeReady(s);
            }
          });
        }
        return;
      case 'blocked':
        s.state = 'blocked';
        this.blocked.add(s);
        // A lock wait ends with BC's lock timeout error if the holder keeps its transaction open that long
        // (the session's Database.LockTimeout / LockTimeoutDuration, else the lockTimeout setting; 0 = no timeout).
        this.timers.cancel(s.wakeTimer);
        s.wakeTimer = undefined;
        {
          const limit = s.lockTimeoutMs ?? this.lockTimeoutMs;
          if (limit <= 0) return;
          if (!s.lockDeadline) s.lockDeadline = this.clock.now() + limit;
        }
        s.wakeTimer = this.timers.add(s.lockDeadline, () => {
          s.wakeTimer = undefined;
          if (s.state !== 'blocked' || !s.current) return;
          s.current.exec.abort(this.hooks.lockTimeout(s, r.reason));
          this.wake(s);
        });
        return;
      case 'waiting':
        // Another session (a synchronous page background task) wakes it when it ends; no timer of its own.
        s.state = 'waiting';
        return;
      case 'paused':
        s.paused = r.reason;
        this.pausedSessions.add(s);
        // The person debugging takes no time of this session: its timeout stands still while it is stopped.
        // Everybody else's time goes on, as on a server (their sleeps, timeouts and lock waits: a session
        // waiting for a lock this one holds still fails after the lock timeout).
        if (s.deadlineTimer && !s.deadlineTimer.cancelled) {
          s.heldDeadline = { remaining: Math.max(0, s.deadlineTimer.at - this.clock.now()), fire: s.deadlineTimer.fire };
          this.timers.cancel(s.deadlineTimer);
          s.deadlineTimer = undefined;
        }
        this.hooks.paused(s);
        return;
      case 'completed':
        this.end(s, current.item, { state: 'completed', value: r.value });
        return;
      case 'failed':
        this.end(s, current.item, { state: 'failed', error: r.error });
        return;
    }
  }

  private end(s: Session, item: WorkItem, result: CallResult): void {
    s.current = undefined;
    this.hooks.callEnded(s, result);
    item.finish(result);
    if (!s.ended) this.makeReady(s);
  }
}

function errorOf(err: unknown): AlErrorInfo {
  if (isAlErrorCarrier(err)) return err.alError;
  if (err instanceof AlRuntimeError) return err.info;
  const text = err instanceof Error ? err.message : String(err);
  return { code: 'InternalError', text: `AL Session Lab internal error: ${text}`, callStack: err instanceof Error ? (err.stack ?? '') : '' };
}
