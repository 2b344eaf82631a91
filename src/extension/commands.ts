// The palette commands and view actions (contributes.commands in package.json), wired to their features.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { reportError } from './log';
import { workspaceObjects } from './workspaceObjects';
import type { ExtensionApi } from './extension';

export function registerCommands(context: vscode.ExtensionContext, api: ExtensionApi): void {
  const { runtime, log } = api;
  const register = (id: string, what: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: any[]) => {
      // Every command reports its failure as a notification instead of failing silently.
      try { return await fn(...args); } catch (err) { reportError(log, what, err); return undefined; }
    }));

  register('alSessionLab.showLog', 'showing the log', () => log.show(true));
  register('alSessionLab.startRuntime', 'starting the runtime', async () => {
    const c = await runtime.ensureStarted();
    return { port: c.port };
  });
  register('alSessionLab.stopRuntime', 'stopping the runtime', () => runtime.stop());
  register('alSessionLab.restartRuntime', 'restarting the runtime', async () => {
    await runtime.stop();
    await runtime.ensureStarted();
  });

  register('alSessionLab.runCodeunit', 'running the codeunit', async (codeunit?: number | string) => {
    let target = codeunit;
    if (target === undefined) {
      const codeunits = (await workspaceObjects()).filter((o) => o.type === 'Codeunit');
      if (!codeunits.length) throw new Error('no codeunit is declared in this workspace');
      const pick = await vscode.window.showQuickPick(codeunits.map((o) => ({ label: `${o.id} ${o.name}`, description: vscode.workspace.asRelativePath(o.uri), id: o.id })),
        { title: 'AL Session Lab: Run Codeunit', placeHolder: 'Runs the codeunit in a new foreground session of the local runtime' });
      if (!pick) return undefined;
      target = pick.id;
    }
    const c = await runtime.ensureStarted();
    const r = await c.client.request('runCodeunit', { codeunit: target });
    log.info(`run codeunit ${target}: session ${r.session}`);
    return r;
  });
  register('alSessionLab.runScenario', 'running the scenario', async (file?: vscode.Uri) => {
    let uri = file;
    if (!uri) {
      const files = await vscode.workspace.findFiles('**/scenarios/*.json', '**/node_modules/**', 500);
      if (!files.length) throw new Error('no scenario file (scenarios/*.json) in this workspace');
      const pick = await vscode.window.showQuickPick(files.map((f) => ({ label: path.basename(f.fsPath, '.json'), description: vscode.workspace.asRelativePath(f), uri: f })),
        { title: 'AL Session Lab: Run Scenario' });
      if (!pick) return undefined;
      uri = pick.uri;
    }
    let scenario: unknown;
    try {
      scenario = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
    } catch (err) {
      throw new Error(`${vscode.workspace.asRelativePath(uri)} is not valid JSON: ${err instanceof Error ? err.message : err}`, { cause: err });
    }
    const c = await runtime.ensureStarted();
    const r = await c.client.request('runScenario', { scenario });
    if (!r.ok) throw new Error(r.message ?? 'the scenario could not be played');
    log.info(`scenario ${vscode.workspace.asRelativePath(uri)} played`);
    return r;
  });
}
