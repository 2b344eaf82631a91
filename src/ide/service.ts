// The language service: keeps the workspace model and the configuration, answers diagnostics, code actions, hovers
// and definitions in plain data (offsets). The LSP server converts; the CLI and tests use it directly.
import type { LintConfig } from '../analysis/config/lintConfig';
import { emptyConfig } from '../analysis/config/lintConfig';
import type { Finding, Fix } from '../analysis/diagnostic';
import { checkText } from '../analysis/files';
import { lintSteps, lintWorkspace, type LintResult, type RuleFailure } from '../analysis/lint';
import { buildFileModel } from '../analysis/model/fromTree';
import { Workspace } from '../analysis/model/workspace';
import type { Rule } from '../analysis/rules/types';
import { ruleMetas } from '../analysis/rules';
import { pageFamily } from '../analysis/rules/pageWalk';
import { computeFacts } from '../analysis/facts';
import { definitionAt, type DefinitionTarget } from './definition';
import { hoverAt, type HoverInfo } from './hover';

export interface ServiceOptions {
  maxFileBytes: number;
  rules?: Rule[];
}

export class LanguageService {
  readonly ws = new Workspace();
  config: LintConfig = emptyConfig();
  private findings: Finding[] = [];
  private local: Finding[] = [];
  private global: Finding[] = [];
  private byFile = new Map<string, Finding[]>();
  /** Files refused (too large, binary) with the reason, shown once as an info diagnostic by the server. */
  readonly refused = new Map<string, string>();
  lastFailures: RuleFailure[] = [];
  lastLintMs = 0;
  lastQuickMs = 0;
  /** Where the last quick pass spent its time (for the benchmark's trace). */
  lastQuickBreakdown: { scope: number; rules: number; timings: Record<string, number> } | undefined;
  /** app.json `preprocessorSymbols` of the workspace. */
  preprocessorSymbols: ReadonlySet<string> = new Set();

  constructor(private readonly options: ServiceOptions) {}

  /** Replaces one file's text; returns a reason when the text is refused (then the file's old model is dropped). */
  setText(path: string, text: string, lazyBodies = false): string | undefined {
    const refusal = checkText(text, this.options.maxFileBytes);
    if (refusal) {
      this.ws.removeFile(path);
      this.refused.set(path, refusal);
      return refusal;
    }
    this.refused.delete(path);
    this.ws.setFile(buildFileModel(path, text, { lazyBodies, preprocessorSymbols: this.preprocessorSymbols }));
    return undefined;
  }

  remove(path: string): void {
    this.ws.removeFile(path);
    this.refused.delete(path);
  }

  /** Re-runs every rule over the whole workspace; returns the files whose diagnostics may have changed. */
  lint(): Set<string> {
    const started = Date.now();
    return this.accept(this.runPass(), started);
  }

  /**
   * The same pass in slices (one rule each) with `pause()` awaited between them, so the caller's event loop keeps
   * answering. Returns undefined, keeping the previous findings, when the workspace changed during the pass: its
   * result would mix two versions, and the edit that changed it schedules the next pass.
   */
  async lintSliced(pause: () => Promise<void>): Promise<Set<string> | undefined> {
    const started = Date.now();
    const version = this.ws.version;
    const config = this.config;
    const steps = lintSteps(this.ws, config, { rules: this.options.rules });
    for (;;) {
      const next = steps.next();
      if (next.done) return this.accept(next.value, started);
      await pause();
      if (this.ws.version !== version || this.config !== config) return undefined;
    }
  }

  /** One whole-workspace pass without keeping its findings (the analysis worker's side: it ships them back). */
  runPass(): LintResult {
    const started = Date.now();
    const result = lintWorkspace(this.ws, this.config, { rules: this.options.rules });
    this.lastLintMs = Date.now() - started;
    return result;
  }

  /** Takes the findings of a pass another copy of this workspace ran (the analysis worker) as this one's. */
  acceptPass(result: Pick<LintResult, 'findings' | 'failures'>, ms: number): Set<string> {
    const changed = this.accept(result, Date.now());
    this.lastLintMs = ms;
    return changed;
  }

  private accept(result: Pick<LintResult, 'findings' | 'failures'>, started: number): Set<string> {
    this.lastFailures = result.failures;
    this.local = result.findings.filter((f) => ruleMetas.get(f.ruleId)?.scope === 'local');
    this.global = result.findings.filter((f) => ruleMetas.get(f.ruleId)?.scope !== 'local');
    this.lastLintMs = Date.now() - started;
    return this.rebuild();
  }

  /**
   * The immediate answer to an edit of one file: local rules are re-run for the objects the edit can affect; the
   * workspace rules' findings are kept (moved with the edit in the edited file) until the next full `lint()`.
   */
  quickLint(path: string, oldText: string | undefined, newText: string): Set<string> {
    const started = Date.now();
    if (oldText !== undefined) this.global = shiftFindings(this.global, path, oldText, newText);
    else this.global = this.global.filter((f) => f.file !== path);
    const t0 = performance.now();
    const scope = this.scopeOf(path);
    const t1 = performance.now();
    const result = lintWorkspace(this.ws, this.config, { rules: this.options.rules, scope: 'local', scopeFiles: scope });
    this.lastQuickBreakdown = { scope: t1 - t0, rules: performance.now() - t1, timings: result.timings };
    for (const f of result.failures) if (!this.lastFailures.some((x) => x.ruleId === f.ruleId)) this.lastFailures.push(f);
    this.local = [...this.local.filter((f) => !scope.has(f.file)), ...result.findings.filter((f) => scope.has(f.file))];
    this.lastQuickMs = Date.now() - started;
    // Only the files the local pass looked at (and the edited one) can have changed: publishing every file with
    // findings on each keystroke would cost more than the analysis.
    this.rebuild();
    return new Set(scope);
  }

  /** The edited file, the page family of its objects, and the pages that enqueue its codeunits. */
  private scopeOf(path: string): Set<string> {
    const scope = new Set([path]);
    const file = this.ws.files.get(path);
    for (const o of file?.objects ?? []) {
      if (o.kind === 'page' || o.kind === 'pageextension') for (const m of pageFamily(this.ws, o)) scope.add(m.file);
    }
    for (const s of computeFacts(this.ws).enqueueSites) if (s.target.obj?.file === path) scope.add(s.obj.file);
    return scope;
  }

  private rebuild(): Set<string> {
    const changed = new Set(this.byFile.keys());
    this.findings = [...this.local, ...this.global];
    this.byFile = new Map();
    for (const f of this.findings) {
      const l = this.byFile.get(f.file);
      if (l) l.push(f);
      else this.byFile.set(f.file, [f]);
    }
    for (const l of this.byFile.values()) l.sort((a, b) => a.start - b.start);
    for (const k of this.byFile.keys()) changed.add(k);
    return changed;
  }

  diagnostics(path: string): Finding[] {
    return this.byFile.get(path) ?? [];
  }

  allFindings(): Finding[] {
    return this.findings;
  }

  /** Fixes of findings in the file whose range overlaps [start, end]. */
  codeActions(path: string, start: number, end: number): { finding: Finding; fix: Fix }[] {
    const out: { finding: Finding; fix: Fix }[] = [];
    for (const f of this.diagnostics(path)) {
      if (f.end < start || f.start > end) continue;
      for (const fix of f.fixes ?? []) out.push({ finding: f, fix });
    }
    return out;
  }

  hover(path: string, offset: number): HoverInfo | undefined {
    return hoverAt(this.ws, path, offset);
  }

  definition(path: string, offset: number): DefinitionTarget | undefined {
    return definitionAt(this.ws, path, offset);
  }
}

/**
 * Moves findings of `path` with an edit: the common prefix and suffix of the old and new text are unchanged, so a
 * finding before the change keeps its offsets, one after it moves by the length difference, one inside it is dropped.
 */
export function shiftFindings(findings: Finding[], path: string, oldText: string, newText: string): Finding[] {
  let prefix = 0;
  const max = Math.min(oldText.length, newText.length);
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const oldChangeEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.file !== path) out.push(f);
    else if (f.end <= prefix) out.push(f);
    else if (f.start >= oldChangeEnd) out.push({ ...f, start: f.start + delta, end: f.end + delta, fixes: undefined, path: f.path?.map((s) => (s.file === path && s.start >= oldChangeEnd ? { ...s, start: s.start + delta, end: s.end + delta } : s)) });
  }
  return out;
}
