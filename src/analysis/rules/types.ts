// The contract between the lint engine and one rule: metadata plus a check over the workspace.
import type { Finding, Fix, PathStep, Severity } from '../diagnostic';
import type { Facts } from '../facts';
import type { Workspace } from '../model/workspace';

export interface RuleMeta {
  id: string;
  title: string;
  defaultSeverity: Severity;
  /** What the quick fix does, when the rule offers one. */
  quickFix?: string;
  /**
   * `local`: findings depend only on the reporting object (a page with its base page and extensions) and the objects its calls name, so the
   * language server re-checks them at once for the edited file; `workspace`: paths cross the workspace, re-checked
   * after the edits pause.
   */
  scope: 'local' | 'workspace';
}

export interface Report {
  message: string;
  file: string;
  start: number;
  end: number;
  path?: PathStep[];
  fixes?: Fix[];
  /** A severity other than the rule's default for this finding (e.g. BG0012's info for bare numbers). */
  severity?: Severity;
}

export interface RuleContext {
  ws: Workspace;
  facts: Facts;
  report(r: Report): void;
  /** For `local` rules: only objects in these files need checking (undefined: all). */
  scopeFiles?: Set<string>;
}

/** Whether a local rule should check an object of this file. */
export function inScope(ctx: RuleContext, file: string): boolean {
  return !ctx.scopeFiles || ctx.scopeFiles.has(file);
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { Finding };

/** `A → B → C` */
export function pathText(path: { label: string }[]): string {
  return path.map((p) => p.label).join(' → ');
}
