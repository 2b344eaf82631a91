// Fixture for the debug adapter tests against the real runtime: `serve` on a workspace, the shipped adapter under
// a DAP client, and a second protocol connection playing the user (opening pages, running codeunits).
import { join } from 'node:path';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { RuntimeClient } from '../../src/protocol/client';
import { attach, root, serve, startAdapter, stopAdapter, type AttachSetup, type EventLog, type Served } from './harness';

export const customerCard = join(root, 'examples', 'customer-card');
export const debugWorkspace = join(root, 'test', 'fixtures', 'debug-workspace');
export const pbtFile = join(customerCard, 'src', 'PBTWaitCodeunit.Codeunit.al');
export const pageExtFile = join(customerCard, 'src', 'CustomerCardExt.PageExt.al');
export const blockFile = join(customerCard, 'src', 'BlockAllCustomers.Codeunit.al');
export const countingFile = join(debugWorkspace, 'src', 'CountingJob.Codeunit.al');
export const failingFile = join(debugWorkspace, 'src', 'FailingJob.Codeunit.al');
export const loopFile = join(debugWorkspace, 'src', 'EndlessLoop.Codeunit.al');

export const CUSTOMERS = {
  Customer: [
    { 'No.': '10000', Name: 'Adatum Corporation', City: 'Atlanta' },
    { 'No.': '20000', Name: 'Trey Research', City: 'Chicago' },
    { 'No.': '30000', Name: 'School of Fine Art', City: 'Miami' },
  ],
};

export interface Rig {
  served: Served;
  dc: DebugClient;
  log: EventLog;
  /** The "user" of the runtime: a plain protocol connection that is not a debugger. */
  user: RuntimeClient;
  attachResponse: DebugProtocol.Response;
  breakpoints: DebugProtocol.Breakpoint[][];
  close(): Promise<void>;
}

/** serve WORKSPACE, attach the adapter with `config`, connect the user. Always call close(). */
export async function rig(workspace: string, config: Record<string, unknown>, setup: AttachSetup = {}): Promise<Rig> {
  const served = await serve(workspace);
  const { dc, log } = await startAdapter();
  let user: RuntimeClient | undefined;
  const close = async () => {
    user?.dispose();
    await stopAdapter(dc);
    await served.stop();
  };
  try {
    const result = await attach(dc, log, { type: 'al-session-lab', request: 'attach', port: served.port, token: served.token, ...config }, setup);
    user = await RuntimeClient.connect({ port: served.port, token: served.token, client: 'test-user' });
    return { served, dc, log, user, attachResponse: result.attach, breakpoints: result.breakpoints, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The stopped event for `reason` and the stopped thread's top frame. */
export async function stoppedAt(r: Pick<Rig, 'dc' | 'log'>, reason: string, match: (e: DebugProtocol.StoppedEvent) => boolean = () => true) {
  const event = await r.log.next<DebugProtocol.StoppedEvent>('stopped', (e) => e.body.reason === reason && match(e));
  const threadId = event.body.threadId!;
  const stack = await r.dc.stackTraceRequest({ threadId });
  return { event, threadId, frames: stack.body.stackFrames, top: stack.body.stackFrames[0] };
}

/** All variables of a scope by name (fetched through DAP). */
export async function scopeVariables(dc: DebugClient, frameId: number, scopeName: string): Promise<DebugProtocol.Variable[]> {
  const scopes = await dc.scopesRequest({ frameId });
  const scope = scopes.body.scopes.find((s) => s.name === scopeName);
  if (!scope) throw new Error(`no scope ${scopeName}; scopes: ${scopes.body.scopes.map((s) => s.name).join(', ')}`);
  return (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
}

export function byName(vars: DebugProtocol.Variable[], name: string): DebugProtocol.Variable {
  const v = vars.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!v) throw new Error(`no variable ${name}; have ${vars.map((x) => x.name).join(', ')}`);
  return v;
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
