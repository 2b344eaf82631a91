// Statement coverage for VS Code's coverage API: the runtime's counts per statement (from its statement hooks) as
// StatementCoverage, the procedures as DeclarationCoverage, and per test the statements that test reached.
import * as vscode from 'vscode';
import type { FileCoverageData } from '../protocol/runtimeProtocol';

export interface FileCoverageEntry {
  data?: FileCoverageData;
  /** Test item id -> the lines (0-based) and procedures that test reached in this file. */
  perTest: Map<string, { lines: Set<number>; procedures: string[] }>;
}

/** File URI -> its coverage in the last coverage run. */
export type CoverageStore = Map<string, FileCoverageEntry>;

export function coverageFor(store: CoverageStore, file: vscode.FileCoverage, testId?: string): vscode.FileCoverageDetail[] {
  const entry = store.get(file.uri.toString());
  if (!entry?.data) return [];
  const only = testId !== undefined ? entry.perTest.get(testId) : undefined;
  if (testId !== undefined && !only) return [];
  const out: vscode.FileCoverageDetail[] = [];
  for (const s of entry.data.statements) {
    const count = only ? (only.lines.has(s.line) ? 1 : 0) : s.count;
    out.push(new vscode.StatementCoverage(count, new vscode.Range(s.line, s.character, s.endLine, s.endCharacter)));
  }
  for (const p of entry.data.procedures) {
    const count = only ? (only.procedures.includes(p.name) ? 1 : 0) : p.count;
    out.push(new vscode.DeclarationCoverage(p.name, count, new vscode.Position(p.line, p.character)));
  }
  return out;
}
