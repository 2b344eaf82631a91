// A small runtime-protocol server for the protocol client's unit tests: answers, refusals, requests it never
// answers and a sudden close, on demand. It speaks the same TCP JSON lines as `serve`. Every debugger feature is
// tested against the real `serve` instead (customerCard, backgroundSessions, attachRules, launch tests).
import * as net from 'node:net';
import type { ProtocolMessage, RequestMessage } from '../../src/protocol/runtimeProtocol';

export type Handler = (args: any) => unknown;

/** Returned by a handler: the fake never answers that request (a runtime that hangs or dies mid-request). */
export const NO_ANSWER = Symbol('no answer');

export class FakeRuntime {
  readonly token = 'fake-token';
  port = 0;
  readonly requests: RequestMessage[] = [];
  private readonly server = net.createServer((s) => this.accept(s));
  private readonly sockets = new Set<net.Socket>();
  private readonly handlers = new Map<string, Handler>();
  private seq = 1;

  constructor() {
    this.handle('hello', (a) => {
      if (a.token !== this.token) throw new Error('wrong token');
      return { protocolVersion: 1, workspace: '/fake', clock: 'virtual' };
    });
    this.handle('attach', () => ({ sessions: [] }));
    this.handle('detach', () => ({}));
    this.handle('setExceptionBreakpoints', () => ({}));
    this.handle('setBreakpoints', (a) => ({ breakpoints: a.breakpoints.map((b: any, i: number) => ({ id: i + 1, verified: true, line: b.line })) }));
  }

  handle(command: string, handler: Handler): void {
    this.handlers.set(command, handler);
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  emit(event: string, body: unknown): void {
    const line = JSON.stringify({ type: 'event', seq: this.seq++, event, body }) + '\n';
    for (const s of this.sockets) s.write(line);
  }

  /** Drops every connection and stops listening, as a runtime that crashed would. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    socket.setEncoding('utf8');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buffer.slice(0, nl)) as ProtocolMessage;
        buffer = buffer.slice(nl + 1);
        if (msg.type === 'request') this.answer(socket, msg);
      }
    });
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
  }

  private answer(socket: net.Socket, msg: RequestMessage): void {
    this.requests.push(msg);
    const handler = this.handlers.get(msg.command);
    let response: object;
    try {
      if (!handler) throw new Error(`unknown command ${msg.command}`);
      const body = handler(msg.arguments);
      if (body === NO_ANSWER) return;
      response = { type: 'response', request_seq: msg.seq, command: msg.command, success: true, body };
    } catch (err) {
      response = { type: 'response', request_seq: msg.seq, command: msg.command, success: false, message: (err as Error).message };
    }
    socket.write(JSON.stringify(response) + '\n');
    if (msg.command === 'hello') {
      if ((response as { success: boolean }).success) this.sockets.add(socket);
      else socket.end();
    }
  }
}
