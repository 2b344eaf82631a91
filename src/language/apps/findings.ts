// Load findings: what loading the apps noticed (a duplicate object, an obsolete object in use, a dependency of a
// lower version, a file that does not parse). Lenient loading lists them; strict loading stops at the first.
export interface LoadFinding {
  /** A stable kind to count by: duplicateObject, obsoletePending, lowerVersion, syntaxError, ... */
  kind: string;
  severity: 'error' | 'warning';
  file: string;
  /** 0-based. */
  line: number;
  character: number;
  message: string;
}

/** A dependency that cannot be found: the load cannot go on (exit 2 on the command line). */
export class DependencyError extends Error {}

/** Counts findings by kind, most frequent first: `120 syntaxError, 3 duplicateObject`. */
export function summarizeFindings(findings: readonly { kind?: string }[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.kind ?? 'other', (counts.get(f.kind ?? 'other') ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${n} ${k}`).join(', ');
}
