// The language service: keeps the workspace model and the configuration, answers diagnostics, code actions, hovers
// and definitions in plain data (offsets). The LSP server converts; the CLI and tests use it directly.
import type { LintConfig } from '../analysis/config/lintConfig';
import { emptyConfig } from '../analysis/config/lintConfig';
import type { Finding, Fix } from '../analysis/diagnostic';
import { checkText } from '../analysis/files';
import { lintWorkspace, type RuleFailure } from '../analysis/lint';
import { buildFileModel } from '../analysis/model/fromTree';
import { Workspace } from '../analysis/model/workspace';
import type { Rule } from '../analysis/rules/types';
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
  private byFile = new Map<string, Finding[]>();
  /** Files refused (too large, binary) with the reason, shown once as an info diagnostic by the server. */
  readonly refused = new Map<string, string>();
  lastFailures: RuleFailure[] = [];
  lastLintMs = 0;

  constructor(private readonly options: ServiceOptions) {}

  /** Replaces one file's text; returns a reason when the text is refused (then the file's old model is dropped). */
  setText(path: string, text: string): string | undefined {
    const refusal = checkText(text, this.options.maxFileBytes);
    if (refusal) {
      this.ws.removeFile(path);
      this.refused.set(path, refusal);
      return refusal;
    }
    this.refused.delete(path);
    this.ws.setFile(buildFileModel(path, text));
    return undefined;
  }

  remove(path: string): void {
    this.ws.removeFile(path);
    this.refused.delete(path);
  }

  /** Re-runs the rules over the whole workspace; returns the files whose diagnostics may have changed. */
  lint(): Set<string> {
    const started = Date.now();
    const before = new Set(this.byFile.keys());
    const result = lintWorkspace(this.ws, this.config, { rules: this.options.rules });
    this.findings = result.findings;
    this.lastFailures = result.failures;
    this.byFile = new Map();
    for (const f of result.findings) {
      const l = this.byFile.get(f.file);
      if (l) l.push(f);
      else this.byFile.set(f.file, [f]);
    }
    this.lastLintMs = Date.now() - started;
    for (const k of this.byFile.keys()) before.add(k);
    return before;
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
