// The Test Explorer's feed: answers alSessionLab/tests from the models the server already holds and notifies the
// extension of the files whose tests changed (added, edited, moved lines, removed), a short while after the change.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Workspace } from '../analysis/model/workspace';
import { testCodeunitsOf, testRunnersOf } from '../ide/testDiscovery';
import type { FileTests, LspRange, TestAppInfo, TestRunnerInfo, TestsChangedParams, TestsResult } from '../protocol/testDiscovery';

type Position = (path: string, offset: number) => { line: number; character: number };

/** How long a burst of edits is gathered before the changed files are sent. */
const NOTIFY_DELAY_MS = 150;

export class TestFeed {
  /** What the extension was last told per file (JSON), so unchanged files are not sent again. */
  private readonly sent = new Map<string, string>();
  private readonly apps = new Map<string, TestAppInfo | null>();
  private readonly pending = new Set<string>();
  private lastRunners = '[]';
  private timer: NodeJS.Timeout | undefined;
  private live = false;

  constructor(
    private readonly ws: () => Workspace,
    private readonly position: Position,
    private readonly notify: (params: TestsChangedParams) => void,
    private readonly folders: () => string[],
  ) {}

  /** Every test of the workspace; from now on changes are notified. */
  all(): TestsResult {
    const started = performance.now();
    const files: FileTests[] = [];
    this.sent.clear();
    for (const path of this.ws().files.keys()) {
      const f = this.fileTests(path);
      if (!f) continue;
      this.sent.set(path, JSON.stringify(f));
      files.push(f);
    }
    const runners = this.runners();
    this.lastRunners = JSON.stringify(runners);
    this.live = true;
    return { files, runners, ms: Math.round((performance.now() - started) * 10) / 10 };
  }

  /** A file was set or removed: its tests are compared with what was sent once the burst of changes is over. */
  touched(path: string): void {
    if (!this.live) return;
    this.pending.add(path);
    this.timer ??= setTimeout(() => this.flush(), NOTIFY_DELAY_MS);
  }

  /** An app.json changed: the app of every file may have changed. */
  appsChanged(): void {
    this.apps.clear();
    if (!this.live) return;
    for (const path of this.ws().files.keys()) this.pending.add(path);
    this.timer ??= setTimeout(() => this.flush(), NOTIFY_DELAY_MS);
  }

  /** The workspace was indexed again: everything is compared (files gone from it lose their tests). */
  reindexed(): void {
    if (!this.live) return;
    for (const path of [...this.sent.keys(), ...this.ws().files.keys()]) this.pending.add(path);
    this.flush();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const files: FileTests[] = [];
    for (const path of this.pending) {
      const f = this.fileTests(path);
      const json = f ? JSON.stringify(f) : undefined;
      if (json === this.sent.get(path)) continue;
      if (json) this.sent.set(path, json);
      else this.sent.delete(path);
      files.push(f ?? { uri: pathToFileURL(path).href, app: this.appOf(path), codeunits: [] });
    }
    this.pending.clear();
    const runners = this.runners();
    const runnersJson = JSON.stringify(runners);
    if (files.length === 0 && runnersJson === this.lastRunners) return;
    this.lastRunners = runnersJson;
    this.notify({ files, runners });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private fileTests(path: string): FileTests | undefined {
    const model = this.ws().files.get(path);
    if (!model) return undefined;
    const codeunits = testCodeunitsOf(model);
    if (codeunits.length === 0) return undefined;
    const range = (start: number, end: number): LspRange => ({ start: this.position(path, start), end: this.position(path, end) });
    return {
      uri: pathToFileURL(path).href,
      app: this.appOf(path),
      codeunits: codeunits.map((c) => ({
        id: c.id,
        name: c.name,
        range: range(c.start, c.end),
        selectionRange: range(c.nameStart, c.nameEnd),
        ...(c.requiredTestIsolation ? { requiredTestIsolation: c.requiredTestIsolation } : {}),
        ...(c.testPermissions ? { testPermissions: c.testPermissions } : {}),
        tests: c.tests.map((t) => ({ name: t.name, range: range(t.start, t.end), selectionRange: range(t.nameStart, t.nameEnd) })),
      })),
    };
  }

  private runners(): TestRunnerInfo[] {
    const out: TestRunnerInfo[] = [];
    for (const [path, model] of this.ws().files) {
      for (const r of testRunnersOf(model)) out.push({ ...r, uri: pathToFileURL(path).href });
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** The nearest app.json above the file (within the workspace folders); else the workspace folder itself. */
  private appOf(path: string): TestAppInfo {
    const roots = this.folders();
    let dir = dirname(path);
    const seen: string[] = [];
    let found: TestAppInfo | null | undefined;
    while (true) {
      found = this.apps.get(dir);
      if (found !== undefined) break;
      seen.push(dir);
      found = readApp(dir);
      if (found) break;
      const up = dirname(dir);
      if (up === dir || roots.includes(dir)) break;
      dir = up;
    }
    for (const d of seen) this.apps.set(d, found ?? null);
    if (found) return found;
    const root = roots.find((r) => path.startsWith(r)) ?? dirname(path);
    return { key: root, name: root.split(/[\\/]/).pop() || root, folder: pathToFileURL(root).href };
  }
}

function readApp(dir: string): TestAppInfo | null {
  let text: string;
  try {
    text = readFileSync(join(dir, 'app.json'), 'utf8');
  } catch {
    return null;
  }
  let id = '';
  let name = '';
  try {
    const v = JSON.parse(text.replace(/^\uFEFF/, '')) as { id?: unknown; name?: unknown };
    if (typeof v.id === 'string') id = v.id;
    if (typeof v.name === 'string') name = v.name;
  } catch {
    // An app.json being edited may not parse: the folder still groups its tests.
  }
  return { key: id || dir, name: name || dir.split(/[\\/]/).pop() || dir, folder: pathToFileURL(dir).href };
}
