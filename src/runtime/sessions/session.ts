// One session as the scheduler and the session layer see it: its kind and parent, its queue of AL calls (work
// items), the execution running now, its state and the timers that concern it.
import type { AlErrorInfo, DebugPolicy, Execution, PauseReason, SessionKind, TestRunHooks } from '../contracts';
import type { SessionOutcome, SessionState } from '../../protocol/runtimeProtocol';
import type { Timer } from './timers';

/** How an AL call ended. */
export type CallResult = { state: 'completed'; value?: unknown } | { state: 'failed'; error: AlErrorInfo };

/** One AL call a session will run: OnRun of a background codeunit, a page trigger, an action. */
export interface WorkItem {
  readonly label: string;
  /** Creates the execution when the session gets to this item (so it sees the state of that moment). */
  start(): Execution;
  /** Called once when the execution completed or failed (after the session layer's own bookkeeping). */
  finish(result: CallResult): void;
}

export class Session {
  state: SessionState = 'queued';
  /** Set while stopped in the debugger. */
  paused: PauseReason | undefined;
  readonly queue: WorkItem[] = [];
  current: { exec: Execution; item: WorkItem } | undefined;
  /** Foreground client sessions stay open when their queue is empty; others end with their last call. */
  keepAlive = false;
  /** A test run driving this session (the `test` command; TestRunHooks in contracts.ts). */
  testRun: TestRunHooks | undefined = undefined;
  /** Scheduler bookkeeping. */
  inReady = false;
  wakeTimer: Timer | undefined;
  deadlineTimer: Timer | undefined;
  /** While stopped in the debugger: the rest of its timeout, restarted when it resumes. */
  heldDeadline: { remaining: number; fire: () => void } | undefined;
  /** While waiting for a lock: when the wait fails with the lock timeout error. */
  lockDeadline: number | undefined;
  /** Database.LockTimeout(false) (0) / LockTimeoutDuration in this session; undefined: the lockTimeout setting. */
  lockTimeoutMs: number | undefined;
  /** Wall time the current call has spent computing (the maxCallTime limit), and whether it was stopped for it. */
  callRanMs = 0;
  callOverTime = false;
  /** Slices until the next measurement of the AL values the session holds (maxSessionMemoryMB), and the last one. */
  memoryCheckIn = 1;
  heldBytes = 0;
  /** Why the session is being ended from outside (timeout, StopSession, cancellation); decides the outcome. */
  ending: { outcome: SessionOutcome; error?: AlErrorInfo } | undefined;
  startedAt = 0;
  timeoutMs: number | undefined;
  deadline: number | undefined;
  /** Page background tasks: task id and parameters. */
  taskId: number | undefined;
  parameters: Map<string, string> | undefined;
  /**
   * Active Session's Client Type: 'Web Client' for the user's client, 'Web Service' for a web-service client
   * (SOAP, OData, API: no UI, page background tasks run synchronously), 'Background', 'Child Session'.
   */
  clientType: string;
  /** The company the session runs in (CompanyName(); its transaction reads and writes this company's data). */
  company = '';
  /** AL's ClientType of a web-service client session ('SOAP', 'ODataV4', 'Api'); undefined otherwise. */
  webServiceClient: string | undefined;
  /** Called once when the session ends. */
  readonly onEnded: ((outcome: SessionOutcome, error: AlErrorInfo | undefined) => void)[] = [];

  constructor(
    readonly id: number,
    readonly kind: SessionKind,
    readonly parent: Session | null,
    /** How many sessions started sessions above this one (foreground 0). */
    readonly depth: number,
    /** e.g. "Codeunit 50100" or "Client". */
    readonly object: string,
    readonly objectName: string,
    readonly userId: string,
    readonly debug: DebugPolicy,
  ) {
    this.clientType = kind === 'Foreground' ? 'Web Client' : kind === 'Background' ? 'Background' : 'Child Session';
  }

  /** A web-service client session (SOAP, OData, API). */
  get webService(): boolean {
    return this.clientType === 'Web Service';
  }

  get ended(): boolean {
    return this.state === 'ended';
  }

  /** Has an execution to continue or a call to start. */
  get hasWork(): boolean {
    return this.current !== undefined || this.queue.length > 0;
  }
}
