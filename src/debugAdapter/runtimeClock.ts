// The runtime clock as the adapter can know it, for a session's time left. Session start times and deadlines are
// on the session clock (ms since 1970, virtual or real); timeline events carry `t`, ms since the runtime started.
// Real clock: the runtime and the adapter share the machine's clock, so now is Date.now(). Virtual clock: the
// offset between the two scales comes from any session seen both ways (startedAt and its sessionStarted `t`), and
// now is that offset plus the latest `t` (virtual time does not pass while a session is stopped).
import type { SessionInfo, TimelineEvent } from '../protocol/runtimeProtocol';

export class RuntimeClock {
  private latestT: number | undefined;
  private origin: number | undefined;
  private readonly startT = new Map<number, number>();

  constructor(private readonly kind: 'real' | 'virtual') {}

  timeline(e: TimelineEvent): void {
    if (this.latestT === undefined || e.t > this.latestT) this.latestT = e.t;
    if (e.event === 'sessionStarted' && typeof e.session === 'number') this.startT.set(e.session, e.t);
  }

  session(info: SessionInfo): void {
    if (this.origin !== undefined) return;
    const t = this.startT.get(info.id);
    if (t !== undefined) this.origin = info.startedAt - t;
  }

  /** The session clock's reading now, or undefined when it cannot be known yet (then no time left is shown). */
  now(): number | undefined {
    if (this.kind === 'real') return Date.now();
    if (this.origin === undefined || this.latestT === undefined) return undefined;
    return this.origin + this.latestT;
  }
}
