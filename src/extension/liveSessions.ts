// The live list of the hosted runtime's sessions and queued tasks: refreshed from `sessions` whenever the
// runtime reports a change, with an estimate of the runtime's clock for "elapsed" and "time left".
import * as vscode from 'vscode';
import type { QueuedTaskInfo, SessionInfo } from '../protocol/runtimeProtocol';
import type { RuntimeConnection, RuntimeHost } from './runtimeHost';
import type { Log } from './log';

export interface SessionsSnapshot {
  sessions: SessionInfo[];
  queued: QueuedTaskInfo[];
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

  constructor(private readonly host: RuntimeHost, private readonly log: Log) {
    this.hostSubscription = host.onDidConnect((c) => this.attach(c));
    if (host.current) this.attach(host.current);
  }

  get current(): SessionsSnapshot {
    return this.snapshot;
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
      c.client.on('sessionStarted', changed),
      c.client.on('sessionEnded', changed),
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
      this.snapshot = { sessions: r.sessions.filter((s) => s.state !== 'ended'), queued: r.queued };
      this.emitter.fire(this.snapshot);
      // States can change without an event reaching this connection (a session stopping in another client's
      // debugger, a Sleep ending): poll once a second while anything is alive.
      clearTimeout(this.poll);
      if (this.snapshot.sessions.length || this.snapshot.queued.length) this.poll = setTimeout(() => this.scheduleRefresh(), 1000);
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
