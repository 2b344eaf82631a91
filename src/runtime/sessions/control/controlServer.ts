// The runtime control server behind `al-session-lab serve`: TCP on 127.0.0.1, one JSON message per line, a
// `hello` with the token first (anything else closes the connection), then the requests of runtimeProtocol.ts.
// Every timeline event, session start/end and page change is pushed to every connection that said hello.
// What is not its client is refused cheaply: `hello` must come within a deadline and fit in a small size, lines are
// found by scanning each byte once, unauthenticated connections are few (the oldest makes room for a new one) and
// authenticated ones are capped; every request's arguments are checked (requestSchemas.ts) before anything is done.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as net from 'node:net';
import { PROTOCOL_VERSION, type EventMessage, type RequestMessage, type ResponseMessage } from '../../../protocol/runtimeProtocol';
import { ArgumentError, checkArguments, isRequestName } from '../../../protocol/requestSchemas';
import type { RuntimeHost } from '../host';
import { DebugControl, type DebugClient } from './debugControl';
import { handleRequest, RequestError } from './requests';
import { TestRuns } from './testRuns';

export interface ControlServerOptions {
  port?: number;
  token?: string;
  /** Called once when the first debugger attached (serve --scenario plays then). */
  onFirstAttach?: () => void;
  /** A connection that has not said hello within this many ms is closed (default 5,000). */
  helloTimeoutMs?: number;
  /** The most bytes a connection may send before its hello is accepted (default 64 KB). */
  preAuthMaxBytes?: number;
  /** The longest message an authenticated client may send, in bytes (default 64 MB). */
  maxMessageBytes?: number;
  /** Connections waiting for their hello; beyond this the oldest is closed to make room (default 16). */
  maxPendingConnections?: number;
  /** Authenticated connections; a hello beyond this is refused (default 64). */
  maxClients?: number;
}

export const CONTROL_LIMITS = {
  helloTimeoutMs: 5_000,
  preAuthMaxBytes: 64 * 1024,
  maxMessageBytes: 64 * 1024 * 1024,
  maxPendingConnections: 16,
  maxClients: 64,
} as const;

const NEWLINE = 0x0a;

export class Connection implements DebugClient {
  /** The bytes of the line being received, as they came (joined once the newline arrives). */
  private parts: Buffer[] = [];
  private partBytes = 0;
  /** Bytes received before hello was accepted. */
  private preAuthBytes = 0;
  private seq = 1;
  private helloTimer: NodeJS.Timeout | undefined;
  helloDone = false;
  closed = false;
  readonly openedAt = Date.now();

  constructor(
    readonly id: number,
    private readonly socket: net.Socket,
    private readonly server: ControlServer,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.server.closed(this));
    socket.on('error', () => this.server.closed(this));
    this.helloTimer = setTimeout(() => {
      if (!this.helloDone) this.refuse(`no hello within ${server.limits.helloTimeoutMs} ms`);
    }, server.limits.helloTimeoutMs);
    this.helloTimer.unref();
  }

  send(event: string, body: unknown): void {
    if (this.closed || !this.helloDone) return;
    // A client that stops reading must not make the runtime hold its events without bound.
    if (this.socket.writableLength > this.server.limits.maxMessageBytes) return this.close();
    const m: EventMessage = { type: 'event', seq: this.seq++, event, body };
    this.socket.write(JSON.stringify(m) + '\n');
  }

  respond(request: { seq: number; command: string }, success: boolean, body?: unknown, message?: string): void {
    if (this.closed) return;
    const m: ResponseMessage = { type: 'response', request_seq: request.seq, command: request.command, success, ...(message ? { message } : {}), ...(body !== undefined ? { body } : {}) };
    this.socket.write(JSON.stringify(m) + '\n');
  }

  /** Hello was accepted: from now on the authenticated message cap applies. */
  authenticated(): void {
    this.helloDone = true;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = undefined;
  }

  /** Says why (one error response) and closes. */
  refuse(reason: string): void {
    this.respond({ seq: 0, command: '' }, false, undefined, reason);
    this.close();
  }

  close(): void {
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = undefined;
    this.parts = [];
    if (this.closed) return;
    this.closed = true;
    this.socket.end();
    this.socket.destroy();
    this.server.closed(this);
  }

  /** Scans only the new bytes for newlines: a long line costs its length once, never once per chunk. */
  private receive(chunk: Buffer): void {
    if (this.closed) return;
    if (!this.helloDone) {
      this.preAuthBytes += chunk.length;
      if (this.preAuthBytes > this.server.limits.preAuthMaxBytes) return this.refuse(`more than ${this.server.limits.preAuthMaxBytes} bytes before hello`);
    }
    let from = 0;
    let nl: number;
    while (!this.closed && (nl = chunk.indexOf(NEWLINE, from)) >= 0) {
      const piece = chunk.subarray(from, nl);
      const line = this.parts.length ? Buffer.concat([...this.parts, piece], this.partBytes + piece.length) : piece;
      this.parts = [];
      this.partBytes = 0;
      from = nl + 1;
      if (line.length > this.server.limits.maxMessageBytes) return this.refuse(`a message longer than ${this.server.limits.maxMessageBytes} bytes`);
      const text = line.toString('utf8').trim();
      if (text) void this.server.dispatch(this, text);
    }
    if (this.closed || from >= chunk.length) return;
    const rest = chunk.subarray(from);
    this.partBytes += rest.length;
    if (this.partBytes > this.server.limits.maxMessageBytes) return this.refuse(`a message longer than ${this.server.limits.maxMessageBytes} bytes`);
    this.parts.push(rest);
  }
}

/** Compares a presented token with the server's in time that does not depend on where they differ. */
export function tokenMatches(presented: unknown, token: string): boolean {
  if (typeof presented !== 'string') return false;
  // Hashing first gives equal lengths (timingSafeEqual needs them) and hides the token's length.
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(token, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export class ControlServer {
  readonly token: string;
  readonly debug: DebugControl;
  readonly limits: Required<Pick<ControlServerOptions, 'helloTimeoutMs' | 'preAuthMaxBytes' | 'maxMessageBytes' | 'maxPendingConnections' | 'maxClients'>>;
  readonly tests: TestRuns;
  private readonly server: net.Server;
  private readonly connections = new Set<Connection>();
  private nextConnection = 1;
  private firstAttachDone = false;
  port = 0;

  constructor(
    readonly host: RuntimeHost,
    private readonly options: ControlServerOptions = {},
  ) {
    // An empty token would let anyone in: refuse it rather than run unauthenticated.
    if (options.token !== undefined && options.token.length === 0) throw new Error('the token must not be empty');
    this.token = options.token ?? randomBytes(24).toString('hex');
    this.limits = {
      helloTimeoutMs: options.helloTimeoutMs ?? CONTROL_LIMITS.helloTimeoutMs,
      preAuthMaxBytes: options.preAuthMaxBytes ?? CONTROL_LIMITS.preAuthMaxBytes,
      maxMessageBytes: options.maxMessageBytes ?? CONTROL_LIMITS.maxMessageBytes,
      maxPendingConnections: options.maxPendingConnections ?? CONTROL_LIMITS.maxPendingConnections,
      maxClients: options.maxClients ?? CONTROL_LIMITS.maxClients,
    };
    this.debug = new DebugControl(host.rt);
    this.tests = new TestRuns(host);
    this.server = net.createServer((socket) => {
      // Connections still owing their hello are few: the oldest one makes room, so idle or slow sockets can never
      // lock a real client out (its hello follows its connect at once).
      const pending = [...this.connections].filter((x) => !x.helloDone);
      if (pending.length >= this.limits.maxPendingConnections) pending[0].refuse('too many connections waiting for hello');
      const c = new Connection(this.nextConnection++, socket, this);
      this.connections.add(c);
    });
    this.server.maxConnections = this.limits.maxClients + this.limits.maxPendingConnections + 1;
    const rt = host.rt;
    rt.timeline.on((e) => {
      this.broadcast('timeline', e);
      if (e.event === 'sessionStarted') {
        const s = rt.sessions.get(e.session!);
        if (s) this.broadcast('sessionStarted', rt.sessionInfo(s));
      } else if (e.event === 'sessionEnded') {
        this.broadcast('sessionEnded', { session: e.session, outcome: e.outcome, ...(e.error ? { error: { callStack: '', ...(e.error as object) } } : {}) });
      } else if (e.event === 'message') {
        this.broadcast('output', { category: 'console', text: `${e.suppressed ? '[suppressed] ' : ''}${String(e.text)}\n`, session: e.session });
      }
    });
    rt.pages.onChange((page) => this.broadcast('pageChanged', rt.pages.data(page)));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  async close(reason = 'the runtime is shutting down'): Promise<void> {
    this.broadcast('terminated', { reason });
    for (const c of this.connections) c.close();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  broadcast(event: string, body: unknown): void {
    for (const c of this.connections) c.send(event, body);
  }

  /** The connection that shows foreground dialogs to a person (the extension); the latest to ask wins. */
  private dialogConnection: Connection | undefined;

  handleDialogs(c: Connection, enabled: boolean): void {
    const rt = this.host.rt;
    if (enabled) {
      this.dialogConnection = c;
      rt.dialogHandler = (d) => c.send('dialog', d);
    } else if (this.dialogConnection === c) {
      this.dialogConnection = undefined;
      rt.dialogHandler = undefined;
      rt.cancelDialogs();
    }
  }

  closed(c: Connection): void {
    if (!this.connections.has(c)) return;
    this.connections.delete(c);
    c.closed = true;
    // Nobody answers its questions any more: they get their default answers, the sessions go on.
    if (this.dialogConnection === c) this.handleDialogs(c, false);
    // A debugger that goes away must not leave sessions stopped.
    this.debug.detach(c);
  }

  async dispatch(c: Connection, line: string): Promise<void> {
    let message: RequestMessage;
    try {
      message = JSON.parse(line) as RequestMessage;
    } catch {
      c.respond({ seq: 0, command: '' }, false, undefined, 'the message is not JSON');
      if (!c.helloDone) c.close();
      return;
    }
    if (message?.type !== 'request' || typeof message.command !== 'string' || typeof message.seq !== 'number') {
      c.respond({ seq: Number(message?.seq) || 0, command: String(message?.command ?? '') }, false, undefined, 'expected a request message');
      if (!c.helloDone) c.close();
      return;
    }
    if (!c.helloDone) {
      const args = (message.arguments ?? {}) as { token?: unknown };
      if (message.command !== 'hello' || !tokenMatches(args.token, this.token)) {
        c.respond(message, false, undefined, message.command !== 'hello' ? 'the first request must be hello' : 'wrong token');
        c.close();
        return;
      }
      const clients = [...this.connections].filter((x) => x.helloDone).length;
      if (clients >= this.limits.maxClients) {
        c.respond(message, false, undefined, `the runtime already has ${clients} clients (the most it takes)`);
        c.close();
        return;
      }
      c.authenticated();
      c.respond(message, true, { protocolVersion: PROTOCOL_VERSION, workspace: this.host.workspace, clock: this.host.rt.clock.kind });
      return;
    }
    // The arguments are checked against the request's schema before anything is done or stored; a bad one is
    // this client's error only.
    let args: Record<string, unknown>;
    try {
      if (!isRequestName(message.command)) throw new RequestError(`unknown command '${message.command}'`);
      args = checkArguments(message.command, message.arguments);
    } catch (err) {
      c.respond(message, false, undefined, err instanceof ArgumentError || err instanceof RequestError ? `${message.command}: ${err.message}` : String(err));
      return;
    }
    try {
      const body = await handleRequest(this, c, message.command, args);
      c.respond(message, true, body ?? {});
      if (message.command === 'attach' && !this.firstAttachDone) {
        this.firstAttachDone = true;
        this.options.onFirstAttach?.();
      }
    } catch (err) {
      const text = err instanceof RequestError ? err.message : err instanceof Error ? err.message : String(err);
      c.respond(message, false, undefined, text.split('\n')[0]);
    }
  }
}
