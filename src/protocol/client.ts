// A client for the runtime control protocol (runtimeProtocol.ts): TCP JSON lines, the `hello` handshake with the
// token, request/response correlation, typed events, and clean errors when the runtime goes away.
// Used by the debug adapter and by the extension's views; it knows nothing of DAP or VS Code.
import * as net from 'node:net';
import {
  PROTOCOL_VERSION,
  type ArgumentsOf,
  type BodyOf,
  type EventName,
  type Events,
  type ProtocolMessage,
  type RequestName,
} from './runtimeProtocol';

/** A request failed: the runtime answered `success: false`, or the connection ended before the answer. */
export class RuntimeRequestError extends Error {
  constructor(
    readonly command: string,
    message: string,
    /** True when the connection closed (or never opened) rather than the runtime refusing the request. */
    readonly connectionLost = false,
  ) {
    super(message);
    this.name = 'RuntimeRequestError';
  }
}

export interface ConnectOptions {
  port: number;
  token: string;
  host?: string;
  /** Shown to the runtime in `hello` (e.g. 'debugAdapter', 'extension'). */
  client?: string;
  /** Give up connecting after this many ms (default 5000). */
  timeoutMs?: number;
}

type EventHandler<E extends EventName> = (body: Events[E]) => void;

interface Pending {
  command: string;
  resolve(body: unknown): void;
  reject(error: Error): void;
}

/**
 * One connection to a runtime. Invariant: every request gets exactly one settlement: the matching response, or a
 * RuntimeRequestError when the connection closes first. `onClose` fires once, with a one-line reason.
 */
export class RuntimeClient {
  private seq = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Set<(body: unknown) => void>>();
  private readonly closeHandlers = new Set<(reason: string) => void>();
  private buffer = '';
  private closedReason: string | undefined;
  /** From the hello response. */
  workspace = '';
  clock: 'virtual' | 'real' = 'real';

  private constructor(
    private readonly socket: net.Socket,
    readonly port: number,
  ) {
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (err) => this.close(`the connection to the runtime failed: ${err.message}`));
    socket.on('close', () => this.close('the runtime closed the connection'));
  }

  /** Connects, says hello with the token and checks the protocol version. Rejects with a one-line reason. */
  static async connect(options: ConnectOptions): Promise<RuntimeClient> {
    const host = options.host ?? '127.0.0.1';
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ port: options.port, host });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new RuntimeRequestError('connect', `no AL Session Lab runtime answered on ${host}:${options.port} within ${options.timeoutMs ?? 5000} ms`, true));
      }, options.timeoutMs ?? 5000);
      s.once('connect', () => {
        clearTimeout(timer);
        s.removeAllListeners('error');
        resolve(s);
      });
      s.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const why = err.code === 'ECONNREFUSED' ? 'connection refused (is `al-session-lab serve` running on that port?)' : err.message;
        reject(new RuntimeRequestError('connect', `cannot reach the AL Session Lab runtime on ${host}:${options.port}: ${why}`, true));
      });
    });
    const client = new RuntimeClient(socket, options.port);
    try {
      const hello = await client.request('hello', { token: options.token, client: options.client ?? 'client' });
      if (hello.protocolVersion !== PROTOCOL_VERSION) {
        throw new RuntimeRequestError('hello', `the runtime speaks protocol version ${hello.protocolVersion}, this client speaks ${PROTOCOL_VERSION}`);
      }
      client.workspace = hello.workspace;
      client.clock = hello.clock;
    } catch (err) {
      client.dispose();
      throw err;
    }
    return client;
  }

  get closed(): boolean {
    return this.closedReason !== undefined;
  }

  request<C extends RequestName>(command: C, args: ArgumentsOf<C>): Promise<BodyOf<C>> {
    if (this.closedReason !== undefined) {
      return Promise.reject(new RuntimeRequestError(command, `${command}: ${this.closedReason}`, true));
    }
    const seq = this.seq++;
    return new Promise<BodyOf<C>>((resolve, reject) => {
      this.pending.set(seq, { command, resolve: resolve as (b: unknown) => void, reject });
      this.socket.write(JSON.stringify({ type: 'request', seq, command, arguments: args }) + '\n');
    });
  }

  on<E extends EventName>(event: E, handler: EventHandler<E>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as (body: unknown) => void);
    return () => set.delete(handler as (body: unknown) => void);
  }

  /** Called once when the connection ends for any reason other than `dispose()`. */
  onClose(handler: (reason: string) => void): () => void {
    this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  }

  /** Closes the connection on purpose; pending requests fail, close handlers do not run. */
  dispose(): void {
    this.closeHandlers.clear();
    this.close('the connection was closed by this client');
    this.socket.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (line) this.dispatch(line);
    }
  }

  private dispatch(line: string): void {
    let message: ProtocolMessage;
    try {
      message = JSON.parse(line) as ProtocolMessage;
    } catch {
      // A line that is not JSON means the peer is not a runtime (or is broken): stop trusting the stream.
      this.close(`the runtime sent a line that is not JSON: ${line.slice(0, 80)}`);
      this.socket.destroy();
      return;
    }
    if (message.type === 'response') {
      const pending = this.pending.get(message.request_seq);
      if (!pending) return;
      this.pending.delete(message.request_seq);
      if (message.success) pending.resolve(message.body ?? {});
      else pending.reject(new RuntimeRequestError(pending.command, message.message ?? `${pending.command} failed`));
    } else if (message.type === 'event') {
      const set = this.handlers.get(message.event);
      if (!set) return;
      for (const handler of [...set]) {
        // A failing handler must not break the stream for the others.
        try {
          handler(message.body);
        } catch {
          /* handlers report their own errors */
        }
      }
    }
  }

  private close(reason: string): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    for (const [, pending] of this.pending) {
      pending.reject(new RuntimeRequestError(pending.command, `${pending.command}: ${reason}`, true));
    }
    this.pending.clear();
    for (const handler of [...this.closeHandlers]) handler(reason);
    this.closeHandlers.clear();
  }
}
