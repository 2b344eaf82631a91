// Combines the sources of rule configuration (defaults, ruleset, app.json suppressWarnings, editor settings) into
// the severity each rule gets, and finds them for a workspace folder.
import { join, isAbsolute, resolve } from 'node:path';
import type { RuleAction, Severity } from '../diagnostic';
import { parseJsonc } from './jsonc';
import { loadRuleSet, type ConfigFs, type ResolvedRuleSet } from './ruleset';

export interface LintConfig {
  ruleSet?: ResolvedRuleSet;
  /** Ids from app.json `suppressWarnings` (upper-cased): hidden project-wide. */
  suppressWarnings: Set<string>;
  /** Per-rule overrides from editor settings (`alSessionLab.rules`), applied last. */
  overrides: Map<string, RuleAction>;
  /** When set, only these rules run (the CLI's --rules). */
  only?: Set<string>;
  /** Problems found while loading (bad ruleset path, invalid JSON): reported, never fatal for the server. */
  problems: string[];
}

export function emptyConfig(): LintConfig {
  return { suppressWarnings: new Set(), overrides: new Map(), problems: [] };
}

/** The action for a rule: `--rules` filter, then settings override, then ruleset, then app.json, then the default. */
export function effectiveAction(id: string, defaultSeverity: Severity, config: LintConfig): RuleAction {
  if (config.only && !config.only.has(id)) return 'none';
  const override = config.overrides.get(id);
  if (override) return override;
  if (config.suppressWarnings.has(id)) return 'none';
  const fromSet = config.ruleSet?.rules.get(id) ?? config.ruleSet?.generalAction;
  return fromSet ?? defaultSeverity;
}

/** Reads app.json's suppressWarnings; a missing or invalid app.json is a problem, not an exception. */
export function readSuppressWarnings(folder: string, fs: ConfigFs, problems: string[]): Set<string> {
  const out = new Set<string>();
  const path = join(folder, 'app.json');
  const text = fs.readFile(path);
  if (text === undefined) return out;
  try {
    const json = parseJsonc(text) as Record<string, unknown>;
    if (Array.isArray(json?.suppressWarnings)) {
      for (const id of json.suppressWarnings) if (typeof id === 'string') out.add(id.toUpperCase());
    }
  } catch (err) {
    problems.push(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return out;
}

/** Reads `.vscode/settings.json` of a folder (JSON with comments); undefined when absent or invalid. */
export function readVsCodeSettings(folder: string, fs: ConfigFs, problems: string[]): Record<string, unknown> | undefined {
  const path = join(folder, '.vscode', 'settings.json');
  const text = fs.readFile(path);
  if (text === undefined) return undefined;
  try {
    const json = parseJsonc(text);
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  } catch (err) {
    problems.push(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    return undefined;
  }
}

/**
 * The configuration of a workspace folder: ruleset from `explicitRuleSet` (CLI --ruleset or the server's setting), else
 * `alSessionLab.ruleSetPath`, else `al.ruleSetPath` in .vscode/settings.json (relative paths resolve against the
 * folder; `${workspaceFolder}` is expanded as VS Code does). A ruleset that cannot be loaded is recorded in `problems`
 * when `strict` is false, thrown when true (the CLI treats a bad --ruleset as bad input).
 */
export function loadFolderConfig(folder: string, fs: ConfigFs, explicitRuleSet?: string, strict = false): LintConfig {
  const config = emptyConfig();
  config.suppressWarnings = readSuppressWarnings(folder, fs, config.problems);
  let rulesetPath = explicitRuleSet;
  if (!rulesetPath) {
    const settings = readVsCodeSettings(folder, fs, config.problems);
    const fromSettings = settings?.['alSessionLab.ruleSetPath'] ?? settings?.['al.ruleSetPath'];
    if (typeof fromSettings === 'string' && fromSettings.trim()) rulesetPath = fromSettings;
  }
  if (rulesetPath) {
    const expanded = rulesetPath.replace(/\$\{workspaceFolder\}/g, folder);
    const abs = isAbsolute(expanded) ? expanded : resolve(folder, expanded);
    try {
      config.ruleSet = loadRuleSet(abs, fs);
    } catch (err) {
      if (strict) throw err;
      config.problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  return config;
}
