// The live list of the hosted runtime's sessions and queued tasks: refreshed from `sessions` whenever the
// runtime reports a change, with an estimate of the runtime's clock for "elapsed" and "time left". Sessions that
// ended stay (with their outcome and error) until the user clears them.
import * as vscode from 'vscode';
import type { ErrorData, QueuedTaskInfo, SessionInfo, SessionOutcome } from '../protocol/runtimeProtocol';
import type { RuntimeConnection, RuntimeHost } from './runtimeHost';
import type { Log } from './log';

export interface SessionsSnapshot {
  /** Live sessions, then the ended ones kept (state 'ended'). */
  sessions: SessionInfo[];
  queued: QueuedTaskInfo[];
}

/** How a session ended, kept for the view until cleared. */
export interface EndedInfo {
  outcome: SessionOutcome;
  error?: ErrorData;
  /** The session clock when it ended (ms since 1970), for its duration. */
  endedAt: number;
}

export class LiveSessions implements vscode.Disposable {
  private snapshot: SessionsSnapshot = { sessions: [], queued: [] };
  private readonly emitter = new vscode.EventEmitter<SessionsSnapshot>();
  readonly onDidChange = this.emitter.event;
  private unsubscribe: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pending = false;
  private poll: NodeJS.Timeout | undefined;
  private connection: RuntimeConnection | undefined;
  /** Timeline clock anchor: the latest event time `t` (ms since the runtime started) and when it was seen. */
  private anchor = { t: 0, at: Date.now() };
  /** Virtual clocks only: the latest session clock reading seen (SessionInfo times are ms since 1970). */
  private latestEpoch = 0;
  private readonly hostSubscription: vscode.Disposable;
  /** Live sessions as last seen (their info is kept when they end). */
  private lastLive = new Map<number, SessionInfo>();
  /** Ended sessions kept until cleared: info as last seen, outcome and error. */
  private readonly endedSessions = new Map<number, { info: SessionInfo; ended: EndedInfo }>();

  constructor(private readonly host: RuntimeHost, private readonly log: Log) {
    this.hostSubscription = host.onDidConnect((c) => this.attach(c));
    if (host.current) this.attach(host.current);
  }

  get current(): SessionsSnapshot {
    return this.snapshot;
  }

  /** Only the sessions still alive (page previews, the status bar). */
  get liveSessions(): SessionInfo[] {
    return this.snapshot.sessions.filter((s) => s.state !== 'ended');
  }

  endedInfo(id: number): EndedInfo | undefined {
    return this.endedSessions.get(id)?.ended;
  }

  /** Forgets the ended sessions (the view's "Clear Ended Sessions"). */
  clearEnded(): void {
    this.endedSessions.clear();
    this.snapshot = { sessions: this.liveSessions, queued: this.snapshot.queued };
    this.emitter.fire(this.snapshot);
  }

  private sessionEnded(e: { session: number; outcome: SessionOutcome; error?: ErrorData }): void {
    const info = this.lastLive.get(e.session);
    if (info) this.endedSessions.set(e.session, { info: { ...info, state: 'ended' }, ended: { outcome: e.outcome, error: e.error, endedAt: this.sessionClockNow() } });
    this.scheduleRefresh();
  }

  private get realClock(): boolean {
    return this.connection?.client.clock !== 'virtual';
  }

  /** The runtime's timeline time now (ms since it started, the events' `t`): real clocks advance with wall time. */
  timelineNow(): number {
    return this.anchor.t + (this.realClock ? Date.now() - this.anchor.at : 0);
  }

  /** The runtime's clock now in ms since 1970, the base of SessionInfo's startedAt and deadline. A real clock is
   * this machine's; a virtual one is known only from what the runtime reports. */
  sessionClockNow(): number {
    return this.realClock ? Date.now() : this.latestEpoch;
  }

  private attach(c: RuntimeConnection | undefined): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.connection = c;
    if (!c) {
      this.snapshot = { sessions: [], queued: [] };
      this.emitter.fire(this.snapshot);
      return;
    }
    const changed = () => this.scheduleRefresh();
    this.unsubscribe.push(
      c.client.on('timeline', (e) => { this.anchor = { t: e.t, at: Date.now() }; changed(); }),
      c.client.on('sessionStarted', (info) => { this.lastLive.set(info.id, info); changed(); }),
      c.client.on('sessionEnded', (e) => this.sessionEnded(e)),
      c.client.on('stopped', changed),
      c.client.on('continued', changed),
    );
    this.scheduleRefresh();
  }

  /** Coalesces bursts of events (a scenario emits many) into one `sessions` request. */
  scheduleRefresh(): void {
    if (this.pending) return;
    this.pending = true;
    this.timer = setTimeout(() => { this.pending = false; void this.refresh(); }, 50);
  }

  async refresh(): Promise<SessionsSnapshot> {
    const c = this.connection;
    if (!c || c.client.closed) return this.snapshot;
    try {
      const r = await c.client.request('sessions', {});
      this.latestEpoch = Math.max(this.latestEpoch, ...r.sessions.map((s) => s.startedAt));
      const live = r.sessions.filter((s) => s.state !== 'ended');
      for (const s of live) this.lastLive.set(s.id, s);
      for (const id of [...this.lastLive.keys()]) if (!live.some((s) => s.id === id) && !this.endedSessions.has(id)) this.lastLive.delete(id);
      this.snapshot = { sessions: [...live, ...[...this.endedSessions.values()].filter((x) => !live.some((s) => s.id === x.info.id)).map((x) => x.info)], queued: r.queued };
      this.emitter.fire(this.snapshot);
      // States can change without an event reaching this connection (a session stopping in another client's
      // debugger, a Sleep ending): poll once a second while anything is alive.
      clearTimeout(this.poll);
      if (live.length || this.snapshot.queued.length) this.poll = setTimeout(() => this.scheduleRefresh(), 1000);
    } catch (err) {
      if (!c.client.closed) this.log.warn(`sessions: ${err instanceof Error ? err.message : err}`);
    }
    return this.snapshot;
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.poll);
    for (const u of this.unsubscribe) u();
    this.hostSubscription.dispose();
    this.emitter.dispose();
  }
}
