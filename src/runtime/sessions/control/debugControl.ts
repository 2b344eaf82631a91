// Debugging over the control protocol: which connection debugs which session (attach rules: breakOnNext,
// sessionId, userId), the sessions' debug policies, stops reported to the right connection, and resuming.
import type { DebugPolicy } from '../../contracts';
import type { AttachArguments } from '../../../protocol/runtimeProtocol';
import type { DebugHost, SessionRuntime } from '../runtime';
import type { Session } from '../session';

/** The side of a connection the debug control talks to. */
export interface DebugClient {
  readonly id: number;
  send(event: string, body: unknown): void;
}

interface Attachment {
  client: DebugClient;
  rules: AttachArguments;
  sessions: Set<Session>;
}

const kindFor: Record<string, string | undefined> = { WebClient: 'Foreground', Background: 'Background', PageBackgroundTask: 'PageBackgroundTask' };

export class DebugControl implements DebugHost {
  private readonly attachments = new Map<number, Attachment>();
  /** Which connection debugs a session. */
  private readonly owner = new Map<Session, Attachment>();

  constructor(private readonly rt: SessionRuntime) {
    rt.debugHost = this;
  }

  get attachedCount(): number {
    return this.attachments.size;
  }

  attach(client: DebugClient, rules: AttachArguments): Session[] {
    this.detach(client, false);
    const a: Attachment = { client, rules: { breakOnNext: 'Any', breakOnError: 'All', breakOnRecordWrite: 'None', ...rules }, sessions: new Set() };
    this.attachments.set(client.id, a);
    // Sessions already running that the rules name (sessionId, or the kind/user) are debugged from now on.
    for (const s of this.rt.sessions.values()) {
      if (s.ended || this.owner.has(s)) continue;
      if (rules.sessionId !== undefined ? s.id === rules.sessionId : this.matches(a, s)) this.adopt(a, s, false);
    }
    return [...a.sessions];
  }

  /**
   * "Debug This Session" while this connection already debugs: the running session joins its attachment (no
   * second debugger). Refused when another debugger owns it. Returns the session, or an error text.
   */
  adoptSession(client: DebugClient, id: number): Session | string {
    const a = this.attachments.get(client.id);
    if (!a) return 'this connection is not attached as a debugger';
    const s = this.rt.sessions.get(id);
    if (!s || s.ended) return `session ${id} is not running`;
    const owner = this.owner.get(s);
    if (owner && owner !== a) return `session ${id} is debugged by another debugger`;
    if (!owner) this.adopt(a, s, false);
    return s;
  }

  detach(client: DebugClient, resume = true): void {
    const a = this.attachments.get(client.id);
    if (!a) return;
    this.attachments.delete(client.id);
    for (const s of a.sessions) {
      this.owner.delete(s);
      Object.assign(s.debug, { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' } satisfies DebugPolicy);
      delete s.debug.log;
      if (resume && s.paused) this.resume(s, 'continue');
    }
  }

  setExceptionBreakpoints(client: DebugClient, breakOnError: DebugPolicy['breakOnError'], breakOnRecordWrite: DebugPolicy['breakOnRecordWrite']): void {
    const a = this.attachments.get(client.id);
    if (!a) return;
    a.rules.breakOnError = breakOnError;
    a.rules.breakOnRecordWrite = breakOnRecordWrite;
    for (const s of a.sessions) Object.assign(s.debug, { breakOnError, breakOnRecordWrite });
  }

  /** The session's debugger connection, if any. */
  ownerOf(s: Session): DebugClient | undefined {
    return this.owner.get(s)?.client;
  }

  policyFor(s: Session): DebugPolicy {
    for (const a of this.attachments.values()) {
      if (a.rules.sessionId === undefined && this.matches(a, s)) {
        this.adopt(a, s, true);
        return { ...s.debug };
      }
    }
    return { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' };
  }

  paused(s: Session): void {
    const a = this.owner.get(s);
    if (!a) return;
    const exception = s.paused === 'exception' ? s.current?.exec.debug.exception() : undefined;
    const breakpointIds = s.paused === 'breakpoint' ? s.current?.exec.debug.hitBreakpointIds?.() : undefined;
    a.client.send('stopped', {
      session: s.id,
      reason: s.paused ?? 'pause',
      ...(exception ? { description: exception.code || 'Error', text: exception.text } : {}),
      ...(breakpointIds?.length ? { breakpointIds } : {}),
    });
  }

  sessionEnded(s: Session): void {
    const a = this.owner.get(s);
    if (!a) return;
    a.sessions.delete(s);
    this.owner.delete(s);
  }

  resume(s: Session, mode: 'continue' | 'stepIn' | 'stepOver' | 'stepOut'): void {
    if (!s.paused) return;
    s.current?.exec.debug.resume(mode);
    this.rt.scheduler.resumed(s);
    this.owner.get(s)?.client.send('continued', { session: s.id });
    this.rt.poke();
  }

  private matches(a: Attachment, s: Session): boolean {
    const kind = a.rules.breakOnNext === 'Any' || a.rules.breakOnNext === undefined ? undefined : kindFor[a.rules.breakOnNext];
    if (kind && s.kind !== kind) return false;
    if (a.rules.userId && a.rules.userId.toLowerCase() !== s.userId.toLowerCase()) return false;
    return true;
  }

  private adopt(a: Attachment, s: Session, isNew: boolean): void {
    a.sessions.add(s);
    this.owner.set(s, a);
    Object.assign(s.debug, {
      attached: true,
      stopOnEntry: isNew && !!a.rules.stopOnEntry,
      breakOnError: a.rules.breakOnError ?? 'All',
      breakOnRecordWrite: a.rules.breakOnRecordWrite ?? 'None',
    } satisfies DebugPolicy);
    // Log points print to the debugger that owns the session.
    s.debug.log = (text, location) => a.client.send('output', { category: 'console', text: text.endsWith('\n') ? text : `${text}\n`, session: s.id, file: location.file, line: location.line });
  }
}
