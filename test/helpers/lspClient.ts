// A real LSP client for tests and benchmarks: spawns the bundled server (dist/server.js --stdio) and talks JSON-RPC
// to it through vscode-languageserver-protocol; collects published diagnostics and progress notifications.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface LspSession {
  conn: ProtocolConnection;
  proc: ChildProcess;
  diagnostics: Map<string, Diagnostic[]>;
  /** Resolves with the next diagnostics published for the uri that satisfy the predicate. */
  waitForDiagnostics(uri: string, predicate?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  progressEnded: Promise<void>;
  logs: string[];
  close(): Promise<void>;
}

export async function startServer(folder: string, settings: Record<string, unknown> = {}): Promise<LspSession> {
  const serverJs = resolve(__dirname, '..', '..', 'dist', 'server.js');
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; predicate: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const logs: string[] = [];
  let endProgress!: () => void;
  const progressEnded = new Promise<void>((r) => (endProgress = r));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && w.predicate(p.diagnostics)) {
        waiters.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', (p: { value: { kind: string } }) => {
    if (p.value.kind === 'end') endProgress();
  });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === 'alSessionLab' ? settings : i.section === 'al' ? (settings.__al ?? {}) : {})),
  );
  conn.listen();
  const uri = pathToFileURL(folder).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'ws' }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
  });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    proc,
    diagnostics,
    logs,
    progressEnded,
    waitForDiagnostics(u, predicate = () => true, timeoutMs = 30000) {
      const have = diagnostics.get(u);
      if (have && predicate(have)) return Promise.resolve(have);
      return new Promise((res, rej) => {
        const t = setTimeout(() => rej(new Error(`no matching diagnostics for ${u} within ${timeoutMs} ms; have ${JSON.stringify(diagnostics.get(u))}`)), timeoutMs);
        waiters.push({ uri: u, predicate, resolve: (d) => (clearTimeout(t), res(d)) });
      });
    },
    async close() {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        // The server may already be gone.
      }
      conn.dispose();
      proc.kill();
    },
  };
}
