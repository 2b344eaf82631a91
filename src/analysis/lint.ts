// The lint engine: runs the enabled rules over a workspace, isolates a failing rule, applies severities from the
// configuration, pragma regions and app.json suppressWarnings, and removes duplicates.
import { effectiveAction, type LintConfig } from './config/lintConfig';
import type { Finding, Severity } from './diagnostic';
import { computeFacts } from './facts';
import type { Workspace } from './model/workspace';
import { loadFindings } from './loadChecks';
import { isSuppressed } from './pragmas';
import { allRules } from './rules';
import type { Rule } from './rules/types';

export interface RuleFailure {
  ruleId: string;
  error: string;
}

export interface LintResult {
  findings: Finding[];
  /** Rules that threw: the others still ran. */
  failures: RuleFailure[];
  /** Findings counted before severities and suppressions (for statistics). */
  raw: number;
  /** Milliseconds per rule (and `facts`), for `lint --timings` and the benchmark. */
  timings: Record<string, number>;
}

export interface LintOptions {
  rules?: Rule[];
  /** Keep hidden findings (severity `hidden`) in the result; the CLI and the server drop them. */
  keepHidden?: boolean;
  /** Only keep findings in these files. */
  files?: Set<string>;
  /** Run only rules of this scope. */
  scope?: 'local' | 'workspace';
  /** For local rules: only check objects of these files. */
  scopeFiles?: Set<string>;
}

export function lintWorkspace(ws: Workspace, config: LintConfig, options: LintOptions = {}): LintResult {
  const steps = lintSteps(ws, config, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The engine as steps: it pauses after the facts and after each rule, so the language server can answer requests
 * between rules and give up a pass the user's next edit has made stale.
 */
export function* lintSteps(ws: Workspace, config: LintConfig, options: LintOptions = {}): Generator<void, LintResult, void> {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const facts = computeFacts(ws);
  timings.facts = Math.round(performance.now() - t0);
  yield;
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const seen = new Set<string>();
  let raw = 0;
  // Load problems are compile errors, not rules: always errors, not subject to rulesets or pragmas.
  if (options.scope !== 'local' && !options.rules) {
    for (const f of loadFindings(ws, options.files)) {
      raw++;
      findings.push(f);
    }
  }
  for (const rule of options.rules ?? allRules) {
    if (options.scope && rule.meta.scope !== options.scope) continue;
    const action = effectiveAction(rule.meta.id, rule.meta.defaultSeverity, config);
    if (action === 'none') continue;
    if (action === 'hidden' && !options.keepHidden) continue;
    t0 = performance.now();
    try {
      rule.check({
        ws,
        facts,
        scopeFiles: options.scopeFiles,
        report(r) {
          raw++;
          if (options.files && !options.files.has(r.file)) return;
          const key = `${rule.meta.id}\u0000${r.file}\u0000${r.start}\u0000${r.end}`;
          if (seen.has(key)) return;
          seen.add(key);
          // A finding-specific severity (e.g. info for a bare codeunit number) holds unless configuration changed the rule's.
          const severity: Severity = action === rule.meta.defaultSeverity && r.severity ? r.severity : action;
          if (severity === 'hidden' && !options.keepHidden) return;
          const file = ws.files.get(r.file);
          if (file && isSuppressed(file.pragmas, rule.meta.id, r.start)) return;
          findings.push({ ruleId: rule.meta.id, severity, message: r.message, file: r.file, start: r.start, end: r.end, path: r.path, fixes: r.fixes });
        },
      });
    } catch (err) {
      failures.push({ ruleId: rule.meta.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
    timings[rule.meta.id] = Math.round(performance.now() - t0);
    yield;
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start || (a.ruleId < b.ruleId ? -1 : 1)));
  return { findings, failures, raw, timings };
}
