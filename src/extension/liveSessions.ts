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
  private connection: RuntimeConnection | undefined;
  /** Clock anchor: the latest runtime time seen and when (Date.now()) it was seen. */
  private anchor = { t: 0, at: Date.now() };
  private readonly hostSubscription: vscode.Disposable;

  constructor(private readonly host: RuntimeHost, private readonly log: Log) {
    this.hostSubscription = host.onDidConnect((c) => this.attach(c));
    if (host.current) this.attach(host.current);
  }

  get current(): SessionsSnapshot {
    return this.snapshot;
  }

  /** The runtime's clock now: real clocks advance with wall time since the last event; virtual ones do not. */
  now(): number {
    const real = this.connection?.client.clock !== 'virtual';
    return this.anchor.t + (real ? Date.now() - this.anchor.at : 0);
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
      const latest = Math.max(this.anchor.t, ...r.sessions.map((s) => s.startedAt));
      if (latest > this.anchor.t) this.anchor = { t: latest, at: Date.now() };
      this.snapshot = { sessions: r.sessions.filter((s) => s.state !== 'ended'), queued: r.queued };
      this.emitter.fire(this.snapshot);
    } catch (err) {
      if (!c.client.closed) this.log.warn(`sessions: ${err instanceof Error ? err.message : err}`);
    }
    return this.snapshot;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const u of this.unsubscribe) u();
    this.hostSubscription.dispose();
    this.emitter.dispose();
  }
}
