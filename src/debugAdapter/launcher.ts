// Starts a runtime host for `launch`: spawns `node <dist>/cli.js serve WORKSPACE [--scenario FILE]`, reads the
// `{ "port", "token" }` line it prints when ready, and reports its later output and its exit.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LaunchedRuntime {
  port: number;
  token: string;
  process: ChildProcess;
}

export interface LaunchOptions {
  workspace: string;
  scenario?: string;
  clock?: 'real' | 'virtual';
  /** Lines the runtime writes to stderr (and stdout after the ready line). */
  onOutput(text: string, category: 'stdout' | 'stderr'): void;
  /** Give up if the ready line has not come within this many ms (default 20000: loading a big workspace). */
  timeoutMs?: number;
}

/** The CLI bundle next to this bundle (dist/debugAdapter.js -> dist/cli.js). */
export function cliBundlePath(): string {
  return path.join(__dirname, 'cli.js');
}

export function startRuntime(options: LaunchOptions): Promise<LaunchedRuntime> {
  const cli = cliBundlePath();
  if (!fs.existsSync(cli)) {
    return Promise.reject(new Error(`cannot start the runtime: the CLI bundle ${cli} is missing (run npm run build)`));
  }
  const args = [cli, 'serve', options.workspace];
  if (options.scenario) args.push('--scenario', options.scenario);
  if (options.clock) args.push('--clock', options.clock);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.workspace });
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');

  return new Promise<LaunchedRuntime>((resolve, reject) => {
    let ready = false;
    let stdoutBuffer = '';
    let stderrTail = '';
    const timer = setTimeout(() => {
      if (ready) return;
      child.kill();
      reject(new Error(`the runtime did not report ready within ${options.timeoutMs ?? 20000} ms${stderrTail ? `: ${lastLine(stderrTail)}` : ''}`));
    }, options.timeoutMs ?? 20000);

    child.stderr!.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-2000);
      options.onOutput(chunk, 'stderr');
    });
    child.stdout!.on('data', (chunk: string) => {
      if (ready) {
        options.onOutput(chunk, 'stdout');
        return;
      }
      stdoutBuffer += chunk;
      const newline = stdoutBuffer.indexOf('\n');
      if (newline < 0) return;
      const first = stdoutBuffer.slice(0, newline).trim();
      const rest = stdoutBuffer.slice(newline + 1);
      ready = true;
      clearTimeout(timer);
      let parsed: { port?: unknown; token?: unknown };
      try {
        parsed = JSON.parse(first);
      } catch {
        child.kill();
        reject(new Error(`the runtime's first line is not its {port, token} JSON: ${first.slice(0, 120)}`));
        return;
      }
      if (typeof parsed.port !== 'number' || typeof parsed.token !== 'string') {
        child.kill();
        reject(new Error(`the runtime's ready line lacks port or token: ${first.slice(0, 120)}`));
        return;
      }
      if (rest) options.onOutput(rest, 'stdout');
      resolve({ port: parsed.port, token: parsed.token, process: child });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`cannot start the runtime: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) {
        const why = stderrTail.trim() ? lastLine(stderrTail) : `exit code ${code ?? signal}`;
        reject(new Error(`the runtime exited before it was ready: ${why}`));
      }
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  return lines[lines.length - 1];
}
