// Parses the record key a person types when opening a page ("No.=10000"); no 'vscode' here, so it is unit-tested.

/** Parses "No.=10000; Name=Adatum" into a record key; empty input means the first record. */
export function parseRecordKey(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[;,]/)) {
    const t = part.trim();
    if (!t) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) throw new Error(`"${t}" is not field=value (e.g. No.=10000)`);
    out[t.slice(0, eq).trim().replace(/^"|"$/g, '')] = t.slice(eq + 1).trim().replace(/^'|'$/g, '');
  }
  return out;
}
