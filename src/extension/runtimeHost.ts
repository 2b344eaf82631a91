// Hosts the workspace's session runtime: starts `node dist/cli.js serve WORKSPACE` when first needed, connects to
// it, reloads the AL on save, restarts it after a crash (with a notification) and stops it on deactivate.
import * as vscode from 'vscode';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { RuntimeClient } from '../protocol/client';
import type { Log } from './log';
import type { RuntimeState } from './statusBar';
import { writePrivateTempFile, type PrivateTempFile } from './tempFiles';
import { runtimeSetFlag, dependencyArgs } from './settings';

/** Workspace data for a fresh runtime (table -> rows, as a scenario's `data`), passed as `serve --data`.
 * Without it serve reads the workspace's .al-session-lab/data.json itself (a folder often kept out of git). */
export const DATA_FILE = 'alsessionlab.data.json';

export interface RuntimeConnection {
  port: number;
  token: string;
  workspace: string;
  client: RuntimeClient;
}

/** Crash-loop guard: after this many crashes within the window the runtime is not restarted automatically. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
const START_TIMEOUT_MS = 30_000;

export class RuntimeHost implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private connection: RuntimeConnection | undefined;
  private starting: Promise<RuntimeConnection> | undefined;
  private stopping = false;
  private crashes: number[] = [];
  private state: RuntimeState = 'stopped';
  private readonly stateEmitter = new vscode.EventEmitter<RuntimeState>();
  private readonly connectionEmitter = new vscode.EventEmitter<RuntimeConnection | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires with every state change. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires with each new connection (after a start or restart) and with undefined when it goes away. */
  readonly onDidConnect = this.connectionEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: Log) {
    if (!vscode.workspace.isTrusted) this.setState('disabled');
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => { if (this.state === 'disabled') this.setState('stopped'); }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.onSave(doc)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.connection && e.affectsConfiguration('alSessionLab.runtime')) {
          void vscode.window.showInformationMessage('AL Session Lab: the runtime limits changed; they apply when the runtime restarts.', 'Restart Runtime')
            .then((c) => { if (c) void vscode.commands.executeCommand('alSessionLab.restartRuntime'); });
        }
      }),
    );
  }

  get currentState(): RuntimeState {
    return this.state;
  }

  /** The runtime process id while it runs (for the log and for tests that simulate a crash). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last reload after a save: when, and what the runtime answered. */
  lastReload: { at: number; objects: number; errors: number } | undefined;

  /** The live connection, if the runtime is running; never starts it. */
  get current(): RuntimeConnection | undefined {
    return this.connection;
  }

  /** The AL workspace folder the runtime serves: the first folder holding an app.json, else the first folder. */
  static workspaceFolder(): string | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const withApp = folders.find((f) => f.uri.scheme === 'file' && fs.existsSync(path.join(f.uri.fsPath, 'app.json')));
    return (withApp ?? folders.find((f) => f.uri.scheme === 'file'))?.uri.fsPath;
  }

  /** Returns the running runtime, starting it if needed. Rejects with a clear message when it cannot run. */
  ensureStarted(): Promise<RuntimeConnection> {
    if (this.connection && !this.connection.client.closed) return Promise.resolve(this.connection);
    if (!vscode.workspace.isTrusted) {
      return Promise.reject(new Error('the local session runtime is disabled in untrusted workspaces (it runs the workspace\'s AL code)'));
    }
    this.starting ??= this.start().finally(() => { this.starting = undefined; });
    return this.starting;
  }

  private async start(): Promise<RuntimeConnection> {
    const workspace = RuntimeHost.workspaceFolder();
    if (!workspace) throw new Error('open a folder with an AL app (app.json) to use the local session runtime');
    const cli = this.context.asAbsolutePath(path.join('dist', 'cli.js'));
    this.setState('starting');
    this.stopping = false;
    const started = Date.now();
    const set = runtimeSetFlag();
    const runTemp: PrivateTempFile[] = [];
    const args = [cli, 'serve', workspace, ...(set ? ['--set', set] : []), ...dependencyArgs(workspace)];
    if (this.emptyStoreOnce) {
      // A scenario that brings its own data needs an empty store: an empty data file overrides the workspace's.
      this.emptyStoreOnce = false;
      // In a folder of its own with a random name (tempFiles.ts), removed when this runtime exits.
      const empty = writePrivateTempFile('empty-data.json', '{}\n');
      args.push('--data', empty.file);
      runTemp.push(empty);
    } else if (fs.existsSync(path.join(workspace, DATA_FILE))) {
      args.push('--data', path.join(workspace, DATA_FILE));
    }
    this.log.info(`runtime: starting ${args.join(' ')}`);
    // In desktop VS Code process.execPath is Electron: ELECTRON_RUN_AS_NODE makes it a plain Node.
    const child = spawn(process.execPath, args, {
      cwd: workspace,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // If the extension host itself goes away without deactivating, the runtime must not outlive it.
    const killOnExit = () => child.kill();
    process.once('exit', killOnExit);
    child.once('exit', () => {
      process.off('exit', killOnExit);
      for (const t of runTemp) t.dispose();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => { for (const l of d.split('\n')) if (l.trim()) this.log.info(`runtime: ${l}`); });
    try {
      const { port, token } = await readReadyLine(child, START_TIMEOUT_MS);
      // Keep draining stdout after the ready line so a chatty runtime can never block on a full pipe.
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (d: string) => { for (const l of d.split('\n')) if (l.trim()) this.log.info(`runtime: ${l}`); });
      const client = await RuntimeClient.connect({ port, token, client: 'extension' });
      this.connection = { port, token, workspace, client };
      client.on('output', (o) => this.log.info(`${o.session !== undefined ? `session ${o.session}: ` : ''}${o.text.replace(/\n$/, '')}`));
      client.onClose(() => { if (this.connection?.client === client) { this.connection = undefined; this.connectionEmitter.fire(undefined); } });
      child.once('exit', (code, signal) => this.onExit(child, code, signal));
      this.log.info(`runtime: ready on 127.0.0.1:${port} (${client.clock} clock) in ${Date.now() - started} ms`);
      this.setState('running');
      this.connectionEmitter.fire(this.connection);
      return this.connection;
    } catch (err) {
      child.kill();
      this.child = undefined;
      this.setState('crashed');
      throw err;
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    this.connection?.client.dispose();
    this.connection = undefined;
    this.connectionEmitter.fire(undefined);
    if (this.stopping) {
      this.setState('stopped');
      return;
    }
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    this.log.error(`runtime: stopped unexpectedly (${how})`);
    this.setState('crashed');
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      void vscode.window.showErrorMessage(`AL Session Lab: the local session runtime stopped unexpectedly (${how}) ${this.crashes.length} times in a minute; it will start again when next needed.`, 'Show Log')
        .then((c) => { if (c === 'Show Log') this.log.show(true); });
      return;
    }
    void vscode.window.showWarningMessage(`AL Session Lab: the local session runtime stopped unexpectedly (${how}); restarting it. Running sessions were lost.`, 'Show Log')
      .then((c) => { if (c === 'Show Log') this.log.show(true); });
    this.ensureStarted().catch((err) => this.log.error(`runtime: restart failed: ${err instanceof Error ? err.message : err}`));
  }

  /** Saving AL reloads the workspace into the runtime; running sessions keep the code they started with. */
  private async onSave(doc: vscode.TextDocument): Promise<void> {
    const c = this.connection;
    if (!c || c.client.closed) return;
    const file = doc.uri.fsPath;
    if (doc.languageId !== 'al' && path.basename(file) !== 'app.json') return;
    if (!file.startsWith(c.workspace)) return;
    try {
      const r = await c.client.request('reload', {});
      this.lastReload = { at: Date.now(), objects: r.objects, errors: r.errors.length };
      this.log.info(`runtime: reloaded ${r.objects} objects after saving ${path.relative(c.workspace, file)}`);
      for (const e of r.errors) this.log.warn(`runtime: ${e.file}:${e.line + 1}:${e.character + 1}: ${e.message}`);
      if (r.errors.length) void vscode.window.showWarningMessage(`AL Session Lab: the runtime reloaded the AL with ${r.errors.length} error(s); see the output channel.`);
    } catch (err) {
      this.log.error(`runtime: reload failed: ${err instanceof Error ? err.message : err}`);
    }
  }

  /** True for the next start only: a scenario with its own data needs a store without the workspace data. */
  private emptyStoreOnce = false;

  /** Restarts the runtime with an empty store (for a scenario that brings its own data). */
  async restartEmpty(): Promise<RuntimeConnection> {
    await this.stop();
    this.emptyStoreOnce = true;
    return this.ensureStarted();
  }

  /** Stops the runtime (deactivate, or the Stop command). */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    this.connection?.client.dispose();
    if (!child) { if (this.state !== 'disabled') this.setState('stopped'); return; }
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 3000);
      child.once('exit', () => { clearTimeout(t); resolve(); });
      child.kill('SIGTERM');
    });
  }

  private setState(state: RuntimeState): void {
    if (this.state === state) return;
    this.state = state;
    this.stateEmitter.fire(state);
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables) d.dispose();
    this.stateEmitter.dispose();
    this.connectionEmitter.dispose();
  }
}

/** Waits for `serve`'s one JSON line `{ "port": N, "token": "..." }` on stdout. */
function readReadyLine(child: ChildProcess, timeoutMs: number): Promise<{ port: number; token: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const done = (e?: Error, v?: { port: number; token: string }) => {
      clearTimeout(timer);
      child.stdout?.off('data', onOut);
      child.stderr?.off('data', onErr);
      child.off('exit', onExit);
      if (e) reject(e); else resolve(v!);
    };
    const onOut = (d: Buffer | string) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      try {
        const v = JSON.parse(out.slice(0, nl)) as { port?: unknown; token?: unknown };
        if (typeof v.port !== 'number' || typeof v.token !== 'string') throw new Error('missing port or token');
        done(undefined, { port: v.port, token: v.token });
      } catch (e) {
        done(new Error(`the runtime printed an unexpected first line: ${out.slice(0, nl).slice(0, 200)} (${e instanceof Error ? e.message : e})`));
      }
    };
    const onErr = (d: Buffer | string) => { err += d.toString(); };
    const onExit = (code: number | null) => done(new Error(`the runtime exited (code ${code}) before it was ready${err.trim() ? `: ${err.trim().split('\n').pop()}` : ''}`));
    const timer = setTimeout(() => done(new Error(`the runtime did not report ready within ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout?.on('data', onOut);
    child.stderr?.on('data', onErr);
    child.on('exit', onExit);
  });
}
