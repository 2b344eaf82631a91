// Test harness for the debug adapter: starts the shipped dist/debugAdapter.js under a real DAP client, attaches
// the way VS Code does (DebugClient's own helpers are launch-only), records events, and starts `serve`.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';

export const root = join(__dirname, '..', '..');
export const adapterPath = join(root, 'dist', 'debugAdapter.js');
export const cliPath = join(root, 'dist', 'cli.js');

/** Every event the adapter sent, in order, and a way to wait for the next one matching a test. */
export class EventLog {
  readonly events: DebugProtocol.Event[] = [];
  private readonly waiters: { match(e: DebugProtocol.Event): boolean; resolve(e: DebugProtocol.Event): void }[] = [];
  private readonly consumed = new Set<DebugProtocol.Event>();

  constructor(dc: DebugClient) {
    for (const name of ['initialized', 'stopped', 'continued', 'thread', 'output', 'terminated', 'exited', 'breakpoint']) {
      dc.on(name, (e: DebugProtocol.Event) => this.add(e));
    }
  }

  private add(e: DebugProtocol.Event): void {
    this.events.push(e);
    for (let i = 0; i < this.waiters.length; i++) {
      if (this.waiters[i].match(e)) {
        const [w] = this.waiters.splice(i, 1);
        this.consumed.add(e);
        w.resolve(e);
        return;
      }
    }
  }

  /**
   * The first event named `name` not yet returned by `next` that satisfies `match`. Events that arrived before
   * the call count, so a test never misses one that came early.
   */
  next<E extends DebugProtocol.Event = DebugProtocol.Event>(name: string, match: (e: E) => boolean = () => true, timeoutMs = 8000): Promise<E> {
    for (const e of this.events) {
      if (!this.consumed.has(e) && e.event === name && match(e as E)) {
        this.consumed.add(e);
        return Promise.resolve(e as E);
      }
    }
    return new Promise<E>((resolve, reject) => {
      const timer = setTimeout(() => {
        const seen = this.events.map((e) => e.event + (e.body?.reason ? `(${e.body.reason})` : '')).join(', ');
        reject(new Error(`no '${name}' event within ${timeoutMs} ms; events so far: ${seen}`));
      }, timeoutMs);
      // A wait nobody needs any more (the other side of a race) must not keep the test process alive.
      timer.unref();
      const waiter = {
        match: (e: DebugProtocol.Event) => e.event === name && match(e as E),
        resolve: (e: DebugProtocol.Event) => {
          clearTimeout(timer);
          resolve(e as E);
        },
      };
      this.waiters.push(waiter);
    });
  }

  output(): string {
    return this.events.filter((e) => e.event === 'output').map((e) => e.body.output).join('');
  }
}

export async function startAdapter(): Promise<{ dc: DebugClient; log: EventLog }> {
  const dc = new DebugClient(process.execPath, adapterPath, 'al-session-lab', undefined, true);
  dc.defaultTimeout = 10000;
  await dc.start();
  // After a test's own `disconnect` the adapter exits; a later write to its stdin (the final stop) must not
  // surface as an unhandled EPIPE.
  (dc as unknown as { _adapterProcess: ChildProcess })._adapterProcess.stdin?.on('error', () => undefined);
  const log = new EventLog(dc);
  return { dc, log };
}

export interface AttachSetup {
  breakpoints?: { path: string; breakpoints: DebugProtocol.SourceBreakpoint[] }[];
  exceptionFilters?: string[];
  initialize?: DebugProtocol.InitializeRequestArguments;
  /** The caller already sent `initialize` (to time the attach alone). */
  skipInitialize?: boolean;
}

export interface AttachResult {
  attach: DebugProtocol.AttachResponse | DebugProtocol.LaunchResponse;
  breakpoints: DebugProtocol.Breakpoint[][];
}

/**
 * initialize -> attach (or launch) -> wait for `initialized` -> breakpoints, exception filters ->
 * configurationDone -> the attach response. This is VS Code's order.
 */
export async function attach(dc: DebugClient, log: EventLog, args: Record<string, unknown>, setup: AttachSetup = {}, request: 'attach' | 'launch' = 'attach'): Promise<AttachResult> {
  if (!setup.skipInitialize) await dc.initializeRequest({ adapterID: 'al-session-lab', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path', ...setup.initialize });
  const pending = request === 'attach' ? dc.attachRequest(args as DebugProtocol.AttachRequestArguments) : dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
  // If the request fails before `initialized`, surface that failure rather than a timeout.
  const initialized = log.next('initialized').then(() => 'initialized' as const);
  initialized.catch(() => undefined);
  const first = await Promise.race([initialized, pending.then(() => 'answered' as const)]);
  const breakpoints: DebugProtocol.Breakpoint[][] = [];
  if (first === 'initialized') {
    for (const file of setup.breakpoints ?? []) {
      const r = await dc.setBreakpointsRequest({ source: { path: file.path }, breakpoints: file.breakpoints });
      breakpoints.push(r.body.breakpoints);
    }
    await dc.setExceptionBreakpointsRequest({ filters: setup.exceptionFilters ?? ['allErrors'] });
    await dc.configurationDoneRequest();
  }
  return { attach: await pending, breakpoints };
}

export interface Served {
  port: number;
  token: string;
  process: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts the real runtime host: `node dist/cli.js serve WORKSPACE [args]` and reads its {port, token} line. */
export function serve(workspace: string, ...args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [cliPath, 'serve', workspace, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve did not print its port within 15 s; stderr: ${err}`));
    }, 15000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before it was ready; stderr: ${err}`));
    });
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      const { port, token } = JSON.parse(out.slice(0, nl));
      resolve({
        port,
        token,
        process: child,
        stderr: () => err,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
  });
}

/**
 * Stops the adapter without failing the test when it is already gone. DebugClient.stop() sends `disconnect` with
 * no timeout, so it would wait forever for an adapter that already ended after an earlier disconnect.
 */
export async function stopAdapter(dc: DebugClient): Promise<void> {
  const internals = dc as unknown as { _adapterProcess: ChildProcess | null; stopAdapter(): void };
  const proc = internals._adapterProcess;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
    internals.stopAdapter();
    return;
  }
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([dc.stop().catch(() => undefined), exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
  clearTimeout(timer);
  internals.stopAdapter();
}
