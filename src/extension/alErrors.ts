// AL errors the user must see: a notification naming the AL location with a button that opens it, and a line in
// the output channel (file:line, BC's text and call stack), for errors in page triggers, actions and Run Codeunit.
import * as vscode from 'vscode';
import type { ErrorData, PageErrorData } from '../protocol/runtimeProtocol';
import type { Log } from './log';

/** `Customer.Page.al:12` for a 0-based location, relative to the workspace. */
export function locationText(e: { file?: string; line?: number }): string {
  if (!e.file || e.line === undefined) return '';
  return `${vscode.workspace.asRelativePath(e.file)}:${e.line + 1}`;
}

/** The first frame of a BC call stack (`"Obj"(CodeUnit 50100).OnRun line 12 - ...`) when there is no location. */
function firstFrame(callStack: string): string {
  return callStack.split(/\r?\n/)[0]?.trim() ?? '';
}

export async function openAlLocation(file: string, line: number, character = 0): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const pos = new vscode.Position(line, character);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false, viewColumn: vscode.ViewColumn.One });
}

/**
 * Shows an AL error: logged with where it happened and its call stack, and as an error notification whose
 * "Open Location" button opens the failing statement. `what` says what failed ("Customer Card: OnOpenPage").
 */
export function surfaceAlError(log: Log, what: string, e: PageErrorData | ErrorData): void {
  const where = 'file' in e ? locationText(e) : '';
  const frame = firstFrame(e.callStack);
  log.error(`${what}: ${e.text}${where ? ` (${where})` : ''}${e.callStack ? `\n${e.callStack}` : ''}`);
  const buttons = 'file' in e && e.file && e.line !== undefined ? ['Open Location', 'Show Log'] : ['Show Log'];
  void vscode.window.showErrorMessage(`${what}: ${e.text}${where ? ` (${where})` : frame ? ` (${frame})` : ''}`, ...buttons).then((choice) => {
    if (choice === 'Open Location' && 'file' in e && e.file && e.line !== undefined) void openAlLocation(e.file, e.line, e.character ?? 0);
    else if (choice === 'Show Log') log.show(true);
  });
}
