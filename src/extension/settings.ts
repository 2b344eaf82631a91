// Reads the extension's settings (all under the `alSessionLab.` prefix) into plain data for the other parts.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const SECTION = 'alSessionLab';

/** BC's limits the local runtime applies; the defaults are Business Central's own (docs/bc-semantics.md). */
export interface RuntimeLimits {
  childSessionsMaxConcurrency: number;
  childSessionsMaxQueueLength: number;
  pageBackgroundTaskDefaultTimeoutMs: number;
  pageBackgroundTaskMaxTimeoutMs: number;
  backgroundSessionsMaxConcurrency: number;
}

export interface ServerSettings {
  rules: Record<string, string>;
  /** Resolved: alSessionLab.ruleSetPath, else the AL extension's al.ruleSetPath, else undefined. */
  ruleSetPath: string | undefined;
}

export function readServerSettings(scope?: vscode.ConfigurationScope): ServerSettings {
  const own = vscode.workspace.getConfiguration(SECTION, scope);
  const al = vscode.workspace.getConfiguration('al', scope);
  const ruleSetPath = own.get<string>('ruleSetPath') || al.get<string>('ruleSetPath') || undefined;
  return { rules: own.get<Record<string, string>>('rules') ?? {}, ruleSetPath };
}

export function readRuntimeLimits(scope?: vscode.ConfigurationScope): RuntimeLimits {
  const c = vscode.workspace.getConfiguration(`${SECTION}.runtime`, scope);
  return {
    childSessionsMaxConcurrency: c.get<number>('childSessionsMaxConcurrency', 5),
    childSessionsMaxQueueLength: c.get<number>('childSessionsMaxQueueLength', 100),
    pageBackgroundTaskDefaultTimeoutMs: c.get<number>('pageBackgroundTaskDefaultTimeoutMs', 120000),
    pageBackgroundTaskMaxTimeoutMs: c.get<number>('pageBackgroundTaskMaxTimeoutMs', 600000),
    backgroundSessionsMaxConcurrency: c.get<number>('backgroundSessionsMaxConcurrency', 10),
  };
}

/** The runtime limits the user set explicitly (any scope), as `serve --set` pairs; defaults are left to the
 * runtime and to the workspace's own settings file. */
export function runtimeSetFlag(scope?: vscode.ConfigurationScope): string | undefined {
  const c = vscode.workspace.getConfiguration(`${SECTION}.runtime`, scope);
  const names: [keyof RuntimeLimits, string][] = [
    ['childSessionsMaxConcurrency', 'childSessionsMaxConcurrency'],
    ['childSessionsMaxQueueLength', 'childSessionsMaxQueueLength'],
    ['pageBackgroundTaskDefaultTimeoutMs', 'pageBackgroundTaskDefaultTimeout'],
    ['pageBackgroundTaskMaxTimeoutMs', 'pageBackgroundTaskMaxTimeout'],
    ['backgroundSessionsMaxConcurrency', 'backgroundSessionsMaxConcurrency'],
  ];
  const pairs: string[] = [];
  for (const [setting, key] of names) {
    const i = c.inspect<number>(setting);
    const v = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    if (typeof v === 'number' && Number.isFinite(v)) pairs.push(`${key}=${Math.floor(v)}`);
  }
  return pairs.length ? pairs.join(',') : undefined;
}

/**
 * The runtime's dependency flags from the settings: `alSessionLab.dependencySources` (folders searched for apps),
 * `al.packageCachePath` (the AL extension's package cache; relative paths are the workspace's) and
 * `alSessionLab.preprocessorSymbols` (beside each app's own).
 */
export function dependencyArgs(workspace: string, scope?: vscode.ConfigurationScope): string[] {
  const own = vscode.workspace.getConfiguration(SECTION, scope);
  const al = vscode.workspace.getConfiguration('al', scope);
  const abs = (p: string) => (path.isAbsolute(p) ? p : path.join(workspace, p));
  const args: string[] = [];
  for (const d of own.get<string[]>('dependencySources') ?? []) if (typeof d === 'string' && d.trim()) args.push('--dependency-source', abs(d.trim()));
  const cache = al.get<string | string[]>('packageCachePath');
  for (const c of Array.isArray(cache) ? cache : cache ? [cache] : []) if (typeof c === 'string' && c.trim()) args.push('--package-cache', abs(c.trim()));
  const symbols = (own.get<string[]>('preprocessorSymbols') ?? []).filter((s) => typeof s === 'string' && /^[A-Za-z_]\w*$/.test(s));
  if (symbols.length) args.push('--preprocessor-symbols', symbols.join(','));
  return args;
}
