// The server's side of the analysis worker: mirrors every file change to it, asks it for whole-workspace passes and
// tells stale answers apart (a change sent after the request makes the answer stale: the next pass is scheduled by
// that change). When the worker cannot start or dies, `run` says so and the server runs the pass itself.
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import type { Finding } from '../analysis/diagnostic';
import type { LintConfig } from '../analysis/config/lintConfig';
import type { AppPackage } from '../language/apps/appPackage';
import type { RuleFailure } from '../analysis/lint';
import type { FromWorker, ToWorker } from './workerProtocol';

export type PassOutcome =
  | { kind: 'done'; findings: Finding[]; failures: RuleFailure[]; ms: number }
  | { kind: 'stale' }
  | { kind: 'unavailable'; reason: string };

export class WorkerPass {
  private worker: Worker | undefined;
  private broken: string | undefined;
  /** Counts the changes sent; a pass answers for the count at its request. */
  private changes = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, { atChange: number; resolve: (o: PassOutcome) => void }>();

  constructor(maxFileBytes: number, private readonly log: (text: string) => void) {
    try {
      // The worker bundle sits next to server.js in dist/.
      this.worker = new Worker(resolve(__dirname, 'analysisWorker.js'), { workerData: { maxFileBytes } });
      this.worker.on('message', (m: FromWorker) => this.onMessage(m));
      this.worker.on('error', (err) => this.fail(`the analysis worker failed: ${err.stack ?? err.message}`));
      this.worker.on('exit', (code) => this.fail(`the analysis worker exited (code ${code})`));
      // The worker must not keep the server process alive on shutdown.
      this.worker.unref();
    } catch (err) {
      this.fail(`the analysis worker could not start: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  set(path: string, text: string, lazy: boolean): void {
    this.send({ type: 'set', path, text, lazy });
  }

  remove(path: string): void {
    this.send({ type: 'remove', path });
  }

  addPackage(pkg: AppPackage): void {
    this.send({ type: 'package', pkg });
  }

  configure(config: LintConfig, preprocessorSymbols: ReadonlySet<string>): void {
    this.send({ type: 'configure', config, preprocessorSymbols: [...preprocessorSymbols] });
  }

  run(): Promise<PassOutcome> {
    if (this.broken || !this.worker) return Promise.resolve({ kind: 'unavailable', reason: this.broken ?? 'no worker' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { atChange: this.changes, resolve });
      this.worker!.postMessage({ type: 'lint', id } satisfies ToWorker);
    });
  }

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.broken = 'disposed';
    if (w) await w.terminate();
  }

  private send(m: ToWorker): void {
    this.changes++;
    if (!this.worker || this.broken) return;
    this.worker.postMessage(m);
  }

  private onMessage(m: FromWorker): void {
    // A change the worker could not apply leaves its copy behind the server's: stop using it.
    if (m.type === 'failed' && m.id === -1) return this.fail(`the analysis worker could not apply a change: ${m.error}`);
    const w = this.waiting.get(m.id);
    if (!w) return;
    this.waiting.delete(m.id);
    if (m.type === 'failed') w.resolve({ kind: 'unavailable', reason: m.error });
    else if (w.atChange !== this.changes) w.resolve({ kind: 'stale' });
    else w.resolve({ kind: 'done', findings: m.findings, failures: m.failures, ms: m.ms });
  }

  private fail(reason: string): void {
    if (this.broken) return;
    this.broken = reason;
    this.log(reason);
    for (const w of this.waiting.values()) w.resolve({ kind: 'unavailable', reason });
    this.waiting.clear();
  }
}
