// Rule tests: AL sources with markers `/*!BG0001*/` placed right before where a diagnostic is expected to start.
// The harness lints the files as one workspace and compares rule ids and start offsets with the markers.
import assert from 'node:assert/strict';
import { emptyConfig, type LintConfig } from '../../src/analysis/config/lintConfig';
import type { Finding } from '../../src/analysis/diagnostic';
import { lintWorkspace } from '../../src/analysis/lint';
import { buildFileModel } from '../../src/analysis/model/fromTree';
import { Workspace } from '../../src/analysis/model/workspace';

export function workspaceOf(files: Record<string, string>): Workspace {
  const ws = new Workspace();
  for (const [path, text] of Object.entries(files)) {
    const model = buildFileModel(path, text);
    assert.equal(model.syntaxErrors, 0, `${path} has syntax errors`);
    ws.setFile(model);
  }
  return ws;
}

export function lintFiles(files: Record<string, string>, config: LintConfig = emptyConfig(), ids?: string[]): { findings: Finding[]; ws: Workspace } {
  const ws = workspaceOf(files);
  if (ids) config.only = new Set(ids);
  const result = lintWorkspace(ws, config, { keepHidden: true });
  assert.deepEqual(result.failures, [], 'no rule may throw');
  return { findings: result.findings, ws };
}

/** Asserts that exactly the marked diagnostics of the given rules are reported. */
export function expectMarked(files: Record<string, string>, ids: string[], config: LintConfig = emptyConfig()): Finding[] {
  const { findings } = lintFiles(files, config, ids);
  const expected: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const re = /\/\*!(BG\d{4})\*\//g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      // Adjacent markers all point at the code after the last of them.
      let at = m.index + m[0].length;
      for (let n = /^\/\*!BG\d{4}\*\//.exec(text.slice(at)); n; n = /^\/\*!BG\d{4}\*\//.exec(text.slice(at))) at += n[0].length;
      if (ids.includes(m[1])) expected.push(`${m[1]} ${path}:${at}`);
    }
  }
  const actual = findings.map((f) => `${f.ruleId} ${f.file}:${f.start}`);
  assert.deepEqual(actual.sort(), expected.sort(), `messages:\n${findings.map((f) => `${f.ruleId} ${f.file}:${f.start} ${f.message}`).join('\n')}`);
  return findings;
}

/** Applies a fix's edits (offsets into the original text) to the files. */
export function applyEdits(files: Record<string, string>, edits: { file: string; start: number; end: number; newText: string }[]): Record<string, string> {
  const out = { ...files };
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const e of sorted) out[e.file] = out[e.file].slice(0, e.start) + e.newText + out[e.file].slice(e.end);
  return out;
}
