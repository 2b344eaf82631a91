// The runtime control server behind `al-session-lab serve`: TCP on 127.0.0.1, one JSON message per line, a
// `hello` with the token first (anything else closes the connection), then the requests of runtimeProtocol.ts.
// Every timeline event, session start/end and page change is pushed to every connection that said hello.
import { randomBytes } from 'node:crypto';
import * as net from 'node:net';
import { PROTOCOL_VERSION, type EventMessage, type RequestMessage, type ResponseMessage } from '../../../protocol/runtimeProtocol';
import type { RuntimeHost } from '../host';
import { DebugControl, type DebugClient } from './debugControl';
import { handleRequest, RequestError } from './requests';

export interface ControlServerOptions {
  port?: number;
  token?: string;
  /** Called once when the first debugger attached (serve --scenario plays then). */
  onFirstAttach?: () => void;
}

export class Connection implements DebugClient {
  private buffer = '';
  private seq = 1;
  helloDone = false;
  closed = false;

  constructor(
    readonly id: number,
    private readonly socket: net.Socket,
    private readonly server: ControlServer,
  ) {
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('close', () => this.server.closed(this));
    socket.on('error', () => this.server.closed(this));
  }

  send(event: string, body: unknown): void {
    if (this.closed || !this.helloDone) return;
    const m: EventMessage = { type: 'event', seq: this.seq++, event, body };
    this.socket.write(JSON.stringify(m) + '\n');
  }

  respond(request: { seq: number; command: string }, success: boolean, body?: unknown, message?: string): void {
    if (this.closed) return;
    const m: ResponseMessage = { type: 'response', request_seq: request.seq, command: request.command, success, ...(message ? { message } : {}), ...(body !== undefined ? { body } : {}) };
    this.socket.write(JSON.stringify(m) + '\n');
  }

  close(): void {
    this.closed = true;
    this.socket.end();
    this.socket.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    // A client that sends megabytes without a newline is not speaking the protocol.
    if (this.buffer.length > 16 * 1024 * 1024) return this.close();
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line) void this.server.dispatch(this, line);
    }
  }
}

export class ControlServer {
  readonly token: string;
  readonly debug: DebugControl;
  private readonly server: net.Server;
  private readonly connections = new Set<Connection>();
  private nextConnection = 1;
  private firstAttachDone = false;
  port = 0;

  constructor(
    readonly host: RuntimeHost,
    private readonly options: ControlServerOptions = {},
  ) {
    this.token = options.token ?? randomBytes(24).toString('hex');
    this.debug = new DebugControl(host.rt);
    this.server = net.createServer((socket) => {
      const c = new Connection(this.nextConnection++, socket, this);
      this.connections.add(c);
    });
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

  closed(c: Connection): void {
    if (!this.connections.has(c)) return;
    this.connections.delete(c);
    c.closed = true;
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
      if (message.command !== 'hello' || args.token !== this.token) {
        c.respond(message, false, undefined, message.command !== 'hello' ? 'the first request must be hello' : 'wrong token');
        c.close();
        return;
      }
      c.helloDone = true;
      c.respond(message, true, { protocolVersion: PROTOCOL_VERSION, workspace: this.host.workspace, clock: this.host.rt.clock.kind });
      return;
    }
    try {
      const body = await handleRequest(this, c, message.command, (message.arguments ?? {}) as Record<string, unknown>);
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
