// Loading a workspace from disk: every .al file of the folders (decoded safely) and the symbol packages in
// .alpackages, into a Workspace; files that cannot be read are listed, never fatal.
import { readFileSync } from 'node:fs';
import { readAppPackage } from './packages/appPackage';
import { decodeAlFile, findWorkspaceFiles, DEFAULT_MAX_FILE_BYTES } from './files';
import { buildFileModel } from './model/fromTree';
import { Workspace } from './model/workspace';

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LoadedWorkspace {
  ws: Workspace;
  files: number;
  skipped: SkippedFile[];
  packages: number;
  syntaxErrors: number;
}

export function loadWorkspace(folders: string[], maxFileBytes = DEFAULT_MAX_FILE_BYTES): LoadedWorkspace {
  const ws = new Workspace();
  const found = findWorkspaceFiles(folders);
  const skipped: SkippedFile[] = [];
  let syntaxErrors = 0;
  for (const path of found.alFiles) {
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch (err) {
      skipped.push({ path, reason: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const decoded = decodeAlFile(buf, maxFileBytes);
    if (!decoded.ok) {
      skipped.push({ path, reason: decoded.reason });
      continue;
    }
    const model = buildFileModel(path, decoded.text);
    syntaxErrors += model.syntaxErrors;
    ws.setFile(model);
  }
  let packages = 0;
  for (const path of found.appPackages) {
    try {
      ws.addPackage(readAppPackage(readFileSync(path), path));
      packages++;
    } catch (err) {
      skipped.push({ path, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { ws, files: found.alFiles.length - skipped.filter((s) => s.path.toLowerCase().endsWith('.al')).length, skipped, packages, syntaxErrors };
}
