// Finds the AL objects declared in the workspace (type, id, name, file, line) from object headers, for pickers
// ("Run Codeunit", "Open Page") and "Go to Object". A header scan, not a parse: it only needs the first line.
import * as vscode from 'vscode';

import { scanObjectHeaders, type ObjectHeader } from './objectHeaders';

export interface AlObjectRef extends ObjectHeader {
  uri: vscode.Uri;
}

export function scanObjects(text: string, uri: vscode.Uri): AlObjectRef[] {
  return scanObjectHeaders(text).map((h) => ({ ...h, uri }));
}

export async function workspaceObjects(): Promise<AlObjectRef[]> {
  const files = await vscode.workspace.findFiles('**/*.al', '**/{node_modules,.alpackages}/**', 5000);
  const all: AlObjectRef[] = [];
  for (const uri of files) {
    const bytes = await vscode.workspace.fs.readFile(uri);
    all.push(...scanObjects(Buffer.from(bytes).toString('utf8'), uri));
  }
  return all.sort((a, b) => a.type.localeCompare(b.type) || a.id - b.id);
}

/** Resolves "Codeunit 50100" / "Page 21" / "Codeunit PBTWaitCodeunit" to its declaration. */
export async function findObject(ref: string): Promise<AlObjectRef | undefined> {
  const m = /^\s*(\w+)\s+(.+?)\s*$/.exec(ref);
  if (!m) return undefined;
  const type = m[1].toLowerCase();
  const key = m[2].replace(/^"|"$/g, '');
  const objects = await workspaceObjects();
  return objects.find((o) => o.type.toLowerCase() === type && (String(o.id) === key || o.name.toLowerCase() === key.toLowerCase()));
}

export async function revealObject(o: AlObjectRef): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(o.uri);
  const pos = new vscode.Position(o.line, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
}
