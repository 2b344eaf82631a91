// The Test Explorer's tree, kept from the language server's discovery: app -> test codeunit -> [Test] procedure, with
// ranges (the editor's run buttons). Items are updated in place, so results and expansion survive edits.
import * as vscode from 'vscode';
import type { DiscoveredCodeunit, FileTests, LspRange, TestAppInfo, TestRunnerInfo, TestsChangedParams, TestsResult } from '../protocol/testDiscovery';

/** What a test item stands for (kept beside the item: TestItem has no data slot). */
export type TestNode =
  | { kind: 'app'; app: TestAppInfo }
  | { kind: 'codeunit'; app: TestAppInfo; codeunit: number; name: string; requiredTestIsolation?: string; file: vscode.Uri }
  | { kind: 'test'; app: TestAppInfo; codeunit: number; codeunitName: string; procedure: string; file: vscode.Uri };

export function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class TestTree {
  /** The tests of each file as last discovered (file URI -> codeunits). */
  private readonly files = new Map<string, FileTests>();
  readonly nodes = new WeakMap<vscode.TestItem, TestNode>();
  runners: TestRunnerInfo[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the tree changed (tests added, removed or moved). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly controller: vscode.TestController) {}

  /** Replaces everything (the first answer, or a refresh). */
  setAll(result: TestsResult): void {
    this.files.clear();
    for (const f of result.files) this.files.set(f.uri, f);
    this.runners = result.runners;
    this.rebuild();
  }

  /** Applies a change notification: the named files' tests replace what they had. */
  apply(params: TestsChangedParams): void {
    for (const f of params.files) {
      if (f.codeunits.length) this.files.set(f.uri, f);
      else this.files.delete(f.uri);
    }
    this.runners = params.runners;
    this.rebuild();
  }

  get testCount(): number {
    let n = 0;
    for (const f of this.files.values()) for (const c of f.codeunits) n += c.tests.length;
    return n;
  }

  get codeunitCount(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.codeunits.length;
    return n;
  }

  /** The item of a test, by codeunit id and procedure name (results from the runtime name tests this way). */
  findTest(app: string | undefined, codeunit: number, procedure: string): vscode.TestItem | undefined {
    for (const [, appItem] of this.controller.items) {
      if (app !== undefined && appItem.id !== appId(app)) continue;
      const cu = this.findCodeunitIn(appItem, codeunit);
      const t = cu?.children.get(testId(appItem.id, codeunit, procedure));
      if (t) return t;
    }
    return undefined;
  }

  findCodeunit(codeunit: number): vscode.TestItem | undefined {
    for (const [, appItem] of this.controller.items) {
      const cu = this.findCodeunitIn(appItem, codeunit);
      if (cu) return cu;
    }
    return undefined;
  }

  private findCodeunitIn(appItem: vscode.TestItem, codeunit: number): vscode.TestItem | undefined {
    return appItem.children.get(codeunitId(appItem.id, codeunit));
  }

  /** Brings the controller's items in line with `files`, reusing items whose id and file did not change. */
  private rebuild(): void {
    const byApp = new Map<string, { app: TestAppInfo; codeunits: { file: string; c: DiscoveredCodeunit }[] }>();
    for (const f of this.files.values()) {
      let a = byApp.get(f.app.key);
      if (!a) byApp.set(f.app.key, (a = { app: f.app, codeunits: [] }));
      for (const c of f.codeunits) a.codeunits.push({ file: f.uri, c });
    }
    const appItems: vscode.TestItem[] = [];
    for (const { app, codeunits } of byApp.values()) {
      const id = appId(app.key);
      const appItem = this.controller.items.get(id) ?? this.controller.createTestItem(id, app.name, vscode.Uri.parse(app.folder));
      appItem.label = app.name;
      this.nodes.set(appItem, { kind: 'app', app });
      codeunits.sort((a, b) => a.c.id - b.c.id || a.c.name.localeCompare(b.c.name));
      const cuItems: vscode.TestItem[] = [];
      for (const { file, c } of codeunits) {
        const uri = vscode.Uri.parse(file);
        const cid = codeunitId(id, c.id);
        let cu = appItem.children.get(cid);
        if (!cu || cu.uri?.toString() !== uri.toString()) cu = this.controller.createTestItem(cid, c.name, uri);
        cu.label = c.name;
        cu.description = `codeunit ${c.id}${c.requiredTestIsolation ? ` · RequiredTestIsolation ${c.requiredTestIsolation}` : ''}`;
        cu.range = toRange(c.selectionRange);
        this.nodes.set(cu, { kind: 'codeunit', app, codeunit: c.id, name: c.name, requiredTestIsolation: c.requiredTestIsolation, file: uri });
        const testItems: vscode.TestItem[] = [];
        c.tests.forEach((t, i) => {
          const tid = testId(id, c.id, t.name);
          let item = cu!.children.get(tid);
          if (!item || item.uri?.toString() !== uri.toString()) item = this.controller.createTestItem(tid, t.name, uri);
          item.label = t.name;
          item.range = toRange(t.selectionRange);
          // Declaration order, as the runtime runs them.
          item.sortText = String(i).padStart(5, '0');
          this.nodes.set(item, { kind: 'test', app, codeunit: c.id, codeunitName: c.name, procedure: t.name, file: uri });
          testItems.push(item);
        });
        cu.children.replace(testItems);
        cuItems.push(cu);
      }
      appItem.children.replace(cuItems);
      appItems.push(appItem);
    }
    this.controller.items.replace(appItems);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function appId(key: string): string {
  return `app:${key}`;
}

export function codeunitId(appItemId: string, codeunit: number): string {
  return `${appItemId}/codeunit:${codeunit}`;
}

/** AL names are case-insensitive: the id uses the lower-cased procedure name. */
export function testId(appItemId: string, codeunit: number, procedure: string): string {
  return `${codeunitId(appItemId, codeunit)}/${procedure.toLowerCase()}`;
}
