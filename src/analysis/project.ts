// Loading a workspace from disk: every .al file of the folders (decoded safely) and the symbol packages in
// .alpackages, into a Workspace; files that cannot be read are listed, never fatal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonc } from './config/jsonc';
import { readAppPackage } from '../language/apps/appPackage';
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
  const symbols = new Set<string>();
  for (const f of folders) for (const s of readPreprocessorSymbols(f)) symbols.add(s);
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
    const model = buildFileModel(path, decoded.text, { lazyBodies: true, preprocessorSymbols: symbols });
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

/** app.json `preprocessorSymbols` of a folder (none when absent or invalid: lint then reports on the `#else` view). */
export function readPreprocessorSymbols(folder: string): string[] {
  try {
    const json = parseJsonc(readFileSync(join(folder, 'app.json'), 'utf8')) as Record<string, unknown>;
    return Array.isArray(json?.preprocessorSymbols) ? json.preprocessorSymbols.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
