// A client of the runtime control protocol (src/protocol/runtimeProtocol.ts): one TCP connection to a session
// runtime, typed requests with responses matched by seq, and typed events. No 'vscode' here, so it is unit-testable.
import * as net from 'node:net';
import { EventEmitter } from 'node:events';
import type {
  ArgumentsOf, BodyOf, EventMessage, EventName, Events, ProtocolMessage, RequestName, ResponseMessage,
} from '../protocol/runtimeProtocol';

export class RuntimeRequestError extends Error {
  constructor(readonly command: string, message: string) {
    super(`${command}: ${message}`);
  }
}

interface Pending {
  command: string;
  resolve: (body: unknown) => void;
  reject: (err: Error) => void;
}

export class RuntimeClient {
  private readonly socket: net.Socket;
  private readonly events = new EventEmitter();
  private readonly pending = new Map<number, Pending>();
  private seq = 1;
  private buffer = '';
  private closed = false;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('close', () => this.onClose(new Error('the runtime connection closed')));
    socket.on('error', (err) => this.onClose(err));
  }

  /** Connects to a runtime on the loopback address and says hello with its token. */
  static async connect(port: number, token: string, client: string): Promise<{ client: RuntimeClient; hello: BodyOf<'hello'> }> {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => { s.off('error', reject); resolve(s); });
      s.once('error', reject);
    });
    const c = new RuntimeClient(socket);
    try {
      const hello = await c.request('hello', { token, client });
      return { client: c, hello };
    } catch (err) {
      c.close();
      throw err;
    }
  }

  request<C extends RequestName>(command: C, args: ArgumentsOf<C>): Promise<BodyOf<C>> {
    if (this.closed) return Promise.reject(new RuntimeRequestError(command, 'the runtime connection is closed'));
    const seq = this.seq++;
    return new Promise<BodyOf<C>>((resolve, reject) => {
      this.pending.set(seq, { command, resolve: resolve as (b: unknown) => void, reject });
      this.socket.write(JSON.stringify({ type: 'request', seq, command, arguments: args }) + '\n');
    });
  }

  on<E extends EventName>(event: E, listener: (body: Events[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  /** Called once when the connection ends, whatever the reason. */
  onClose(listener: (err: Error) => void): void;
  onClose(err: Error): void;
  onClose(arg: Error | ((err: Error) => void)): void {
    if (typeof arg === 'function') {
      this.events.once('$close', arg);
      return;
    }
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values()) p.reject(new RuntimeRequestError(p.command, arg.message));
    this.pending.clear();
    this.events.emit('$close', arg);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
    this.onClose(new Error('closed by the client'));
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (!line) continue;
      let msg: ProtocolMessage;
      try {
        msg = JSON.parse(line) as ProtocolMessage;
      } catch {
        // A malformed line is the runtime's bug; dropping it keeps the connection (and other requests) alive.
        continue;
      }
      if (msg.type === 'response') this.onResponse(msg);
      else if (msg.type === 'event') this.events.emit((msg as EventMessage).event, (msg as EventMessage).body);
    }
  }

  private onResponse(msg: ResponseMessage): void {
    const p = this.pending.get(msg.request_seq);
    if (!p) return;
    this.pending.delete(msg.request_seq);
    if (msg.success) p.resolve(msg.body ?? {});
    else p.reject(new RuntimeRequestError(p.command, msg.message ?? 'failed'));
  }
}
