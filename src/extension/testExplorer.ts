// The AL Test Explorer: a VS Code test controller whose tree comes from the language server (alSessionLab/tests and
// its change notifications; the extension parses nothing) and whose run profiles run the tests in the hosted runtime.
import * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TESTS_CHANGED_NOTIFICATION, TESTS_REQUEST, type TestsChangedParams, type TestsResult } from '../protocol/testDiscovery';
import { TestTree } from './testTree';
import type { Log } from './log';

export const CONTROLLER_ID = 'alSessionLab.tests';

export class TestExplorer implements vscode.Disposable {
  readonly controller: vscode.TestController;
  readonly tree: TestTree;
  private client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last discovery: how long the server took, the round trip, and when the tree was first shown. */
  discovery: { serverMs: number; roundTripMs: number; tests: number; codeunits: number } | undefined;
  private firstDiscovery: Promise<void> | undefined;

  constructor(private readonly log: Log) {
    this.controller = vscode.tests.createTestController(CONTROLLER_ID, 'AL Tests');
    this.tree = new TestTree(this.controller);
    this.controller.refreshHandler = () => this.discover();
    this.disposables.push(this.controller, this.tree);
  }

  /** Called once the language server runs: asks for every test, then follows its change notifications. */
  connect(client: LanguageClient): Promise<void> {
    this.client = client;
    this.disposables.push(client.onNotification(TESTS_CHANGED_NOTIFICATION, (p: TestsChangedParams) => {
      this.tree.apply(p);
      this.log.info(`tests: ${p.files.length} file(s) changed; ${this.tree.testCount} tests in ${this.tree.codeunitCount} codeunits`);
    }));
    this.firstDiscovery = this.discover();
    return this.firstDiscovery;
  }

  /** Resolves when the first discovery answered (tests use it; the tree is live from then on). */
  ready(): Promise<void> {
    return this.firstDiscovery ?? Promise.reject(new Error('the language server has not started'));
  }

  async discover(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const started = performance.now();
    try {
      const result = await client.sendRequest<TestsResult>(TESTS_REQUEST, {});
      this.tree.setAll(result);
      const roundTripMs = performance.now() - started;
      this.discovery = { serverMs: result.ms, roundTripMs, tests: this.tree.testCount, codeunits: this.tree.codeunitCount };
      this.log.info(`tests: discovered ${this.tree.testCount} tests in ${this.tree.codeunitCount} codeunits (server ${result.ms} ms, ${roundTripMs.toFixed(0)} ms after the request, indexing included)`);
    } catch (err) {
      this.log.error(`tests: discovery failed: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
