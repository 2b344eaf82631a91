// Formats lint findings for people (text), scripts (json, see docs/cli.md) and code scanning tools (SARIF 2.1.0).
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../analysis/diagnostic';
import { LineMap } from '../syntax';
import { ruleMetas } from '../analysis/rules';

export interface Positioned {
  finding: Finding;
  /** Relative to the reporting folder, with forward slashes. */
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Converts offsets to 0-based lines/characters (one LineMap per file). */
export function positionFindings(findings: Finding[], textOf: (file: string) => string | undefined, cwd: string): Positioned[] {
  const maps = new Map<string, LineMap>();
  return findings.map((f) => {
    let map = maps.get(f.file);
    if (!map) {
      map = new LineMap(textOf(f.file) ?? '');
      maps.set(f.file, map);
    }
    return { finding: f, file: relative(cwd, f.file).split(sep).join('/'), range: { start: map.position(f.start), end: map.position(f.end) } };
  });
}

export function formatText(items: Positioned[]): string {
  const lines = items.map(
    (p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.finding.severity} ${p.finding.ruleId}: ${p.finding.message}`,
  );
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const p of items) counts[p.finding.severity] = (counts[p.finding.severity] ?? 0) + 1;
  lines.push(`${items.length} diagnostic${items.length === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info)`);
  return lines.join('\n') + '\n';
}

export function formatJson(items: Positioned[], files: number, ms: number): string {
  return (
    JSON.stringify({
      files,
      ms,
      diagnostics: items.map((p) => ({
        file: p.file,
        code: p.finding.ruleId,
        severity: p.finding.severity,
        message: p.finding.message,
        range: p.range,
        ...(p.finding.path && p.finding.path.length > 1 ? { path: p.finding.path.map((s) => s.label) } : {}),
      })),
    }) + '\n'
  );
}

/** SARIF 2.1.0: one run, the rule catalogue as the driver's rules, one result per finding. */
export function formatSarif(items: Positioned[], docsDir: string | undefined, version: string): string {
  const ids = [...ruleMetas.keys()];
  const rules = ids.map((id) => {
    const m = ruleMetas.get(id)!;
    return {
      id,
      name: m.title.replace(/[^A-Za-z0-9]+(.)?/g, (_x, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: m.title },
      defaultConfiguration: { level: sarifLevel(m.defaultSeverity) },
      ...(docsDir ? { helpUri: pathToFileURL(`${docsDir}/${id}.md`).href } : {}),
    };
  });
  const results = items.map((p) => ({
    ruleId: p.finding.ruleId,
    ruleIndex: ids.indexOf(p.finding.ruleId),
    level: sarifLevel(p.finding.severity),
    message: { text: p.finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(p.file), uriBaseId: '%SRCROOT%' },
          // SARIF lines and columns are 1-based.
          region: { startLine: p.range.start.line + 1, startColumn: p.range.start.character + 1, endLine: p.range.end.line + 1, endColumn: p.range.end.character + 1 },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'al-session-lab', informationUri: 'https://github.com/al-session-lab/al-session-lab', version, rules } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifLevel(s: string): 'error' | 'warning' | 'note' | 'none' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : s === 'info' ? 'note' : 'none';
}
