// Loads AL `*.ruleset.json` files (generalAction, includedRuleSets, rules[].action) into an id -> action table.
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseAction, type RuleAction } from '../diagnostic';
import { parseJsonc } from './jsonc';

export interface ConfigFs {
  readFile(path: string): string | undefined;
}

/** The effect of one ruleset after its includes are applied. */
export interface ResolvedRuleSet {
  path: string;
  /** Per-rule actions from the file and its includes (the file's own rules win over includes). */
  rules: Map<string, RuleAction>;
  /** Applies to every rule the file does not name; undefined when the file has none or says "Default". */
  generalAction?: RuleAction;
}

export class RuleSetError extends Error {}

/** Reads a ruleset and its includes (relative to the including file); cycles and missing files are errors. */
export function loadRuleSet(path: string, fs: ConfigFs, seen: Set<string> = new Set()): ResolvedRuleSet {
  const abs = resolve(path);
  if (seen.has(abs)) throw new RuleSetError(`${path}: ruleset includes itself (cycle through ${[...seen].join(' -> ')})`);
  seen.add(abs);
  const text = fs.readFile(abs);
  if (text === undefined) throw new RuleSetError(`${path}: ruleset file not found`);
  let json: unknown;
  try {
    json = parseJsonc(text);
  } catch (err) {
    throw new RuleSetError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new RuleSetError(`${path}: a ruleset must be a JSON object`);
  const obj = json as Record<string, unknown>;
  const rules = new Map<string, RuleAction>();
  if (Array.isArray(obj.includedRuleSets)) {
    for (const inc of obj.includedRuleSets) {
      if (!inc || typeof inc !== 'object' || typeof (inc as Record<string, unknown>).path !== 'string') {
        throw new RuleSetError(`${path}: every includedRuleSets entry needs a "path"`);
      }
      const i = inc as Record<string, unknown>;
      const incPath = i.path as string;
      const included = loadRuleSet(isAbsolute(incPath) ? incPath : resolve(dirname(abs), incPath), fs, new Set(seen));
      // An include's action (other than Default) overrides every action inside the included file.
      const override = parseAction(i.action);
      for (const [id, action] of included.rules) rules.set(id, override ?? action);
    }
  }
  if (obj.rules !== undefined && !Array.isArray(obj.rules)) throw new RuleSetError(`${path}: "rules" must be an array`);
  for (const r of (obj.rules as unknown[] | undefined) ?? []) {
    if (!r || typeof r !== 'object') throw new RuleSetError(`${path}: every rules entry must be an object`);
    const rule = r as Record<string, unknown>;
    if (typeof rule.id !== 'string') throw new RuleSetError(`${path}: a rules entry has no "id"`);
    const action = parseAction(rule.action);
    if (action === undefined && typeof rule.action === 'string' && rule.action.toLowerCase() !== 'default') {
      throw new RuleSetError(`${path}: rule ${rule.id} has unknown action '${rule.action}' (Error, Warning, Info, Hidden, None, Default)`);
    }
    if (action) rules.set(rule.id.toUpperCase(), action);
  }
  const generalAction = parseAction(obj.generalAction);
  return { path: abs, rules, generalAction };
}
