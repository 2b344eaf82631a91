// Reads the server's settings (`alSessionLab.*`, falling back to `al.ruleSetPath`) into plain values.
import { parseAction, type RuleAction } from '../analysis/diagnostic';

export interface ServerSettings {
  enabled: boolean;
  ruleSetPath?: string;
  /** Per-rule overrides: `{ "BG0001": "error" }` or `{ "BG0001": { "enabled": false } }` or `{ "BG0001": { "severity": "info" } }`. */
  overrides: Map<string, RuleAction>;
  maxFileBytes: number;
  /** Quiet time after an edit before the whole-workspace pass runs (ms); local rules answer each edit at once. */
  debounceMs: number;
  /**
   * Where the whole-workspace pass runs: `thread` (default) on the server thread in slices of one rule, or `worker` on
   * a worker thread with its own copy of the workspace (typing never waits for a pass, at the cost of that copy's memory).
   */
  analysisThread: 'thread' | 'worker';
}

export const defaultSettings: ServerSettings = { enabled: true, overrides: new Map(), maxFileBytes: 8 * 1024 * 1024, debounceMs: 600, analysisThread: 'thread' };

export function readSettings(section: unknown, alSection: unknown): ServerSettings {
  const s = section && typeof section === 'object' ? (section as Record<string, unknown>) : {};
  const al = alSection && typeof alSection === 'object' ? (alSection as Record<string, unknown>) : {};
  const overrides = new Map<string, RuleAction>();
  const rules = s.rules;
  if (rules && typeof rules === 'object') {
    for (const [id, v] of Object.entries(rules as Record<string, unknown>)) {
      const key = id.toUpperCase();
      if (typeof v === 'string') {
        const a = parseAction(v);
        if (a) overrides.set(key, a);
      } else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (o.enabled === false) overrides.set(key, 'none');
        else {
          const a = parseAction(o.severity);
          if (a) overrides.set(key, a);
        }
      } else if (v === false) overrides.set(key, 'none');
    }
  }
  const ruleSetPath = typeof s.ruleSetPath === 'string' && s.ruleSetPath ? s.ruleSetPath : typeof al.ruleSetPath === 'string' && al.ruleSetPath ? al.ruleSetPath : undefined;
  const mb = typeof s.maxFileSizeMB === 'number' && s.maxFileSizeMB > 0 ? s.maxFileSizeMB : 8;
  const debounce = typeof s.debounceMs === 'number' && s.debounceMs >= 0 ? s.debounceMs : defaultSettings.debounceMs;
  const analysisThread = s.analysisThread === 'worker' ? 'worker' : 'thread';
  return { enabled: s.enabled !== false, ruleSetPath, overrides, maxFileBytes: Math.round(mb * 1024 * 1024), debounceMs: debounce, analysisThread };
}
