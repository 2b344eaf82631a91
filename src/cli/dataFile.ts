// Seeds a runtime from a data file, for `serve` and `test`: a scenario file's "data" (and its other companies), or an
// object of table name -> rows. Bad input is a CliError naming the file and line.
import { readFileSync } from 'node:fs';
import { CliError } from './cliSupport';
import { JsonSyntaxError, parseJsonWithLines } from '../runtime/sessions/jsonWithLines';
import { scenarioFromJson, ScenarioError } from '../runtime/sessions/scenario';
import type { RuntimeHost } from '../runtime/sessions/host';

export function seedFromDataFile(host: RuntimeHost, dataFile: string): void {
  let doc;
  try {
    doc = parseJsonWithLines(readFileSync(dataFile, 'utf8'));
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new CliError(`${dataFile}:${err.line}: ${err.message}`);
    throw new CliError(`${dataFile}: cannot read the data file`);
  }
  const root = doc.value as Record<string, unknown>;
  const scenarioShaped = root && typeof root === 'object' && ('data' in root || 'companies' in root || 'companyData' in root);
  const data = (scenarioShaped ? (root.data ?? {}) : root) as Record<string, Record<string, unknown>[]>;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new CliError(`${dataFile}:1: expected an object of table name -> rows`);
  const lines: Record<string, number> = {};
  for (const [t, rows] of Object.entries(data)) lines[t] = (Array.isArray(rows) && doc.lineOf(rows)) || 1;
  host.seedData(data, dataFile, lines);
  // A scenario file's other companies: "companies" and "companyData" (company -> table -> rows).
  if (root && typeof root === 'object' && ('companies' in root || 'companyData' in root)) {
    let extra;
    try {
      extra = scenarioFromJson({ companies: root.companies, companyData: root.companyData, steps: [] }, dataFile, (node) => doc.lineOf(node) ?? 1);
    } catch (err) {
      if (err instanceof ScenarioError) throw new CliError(err.message);
      throw err;
    }
    for (const c of extra.companies) host.rt.addCompany(c);
    for (const c of extra.companyData) host.seedData(c.data, dataFile, c.lines, c.company);
  }
}
