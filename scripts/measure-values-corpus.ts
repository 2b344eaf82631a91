// Measures the value and filter parsers against an AL corpus: every CalcDate formula literal, SetFilter
// expression literal and Format string literal found is parsed, and the failures are listed.
// Usage: node --import tsx scripts/measure-values-corpus.ts <folder with .al files>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDateFormula } from '../src/runtime/values/dateFormula';
import { parseFilter } from '../src/runtime/store/filters';

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.toLowerCase().endsWith('.al')) out.push(full);
  }
  return out;
}

const root = process.argv[2];
if (!root) {
  console.error('usage: node --import tsx scripts/measure-values-corpus.ts <folder>');
  process.exit(2);
}
const files = walk(root, []);
const formulas = new Map<string, number>();
const filters = new Map<string, number>();
const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  for (const m of text.matchAll(/CalcDate\(\s*'((?:[^']|'')*)'\s*[,)]/gi)) add(formulas, m[1].replace(/''/g, "'"));
  for (const m of text.matchAll(/SetFilter\([^,;]+,\s*'((?:[^']|'')*)'\s*[,)]/gi)) add(filters, m[1].replace(/''/g, "'"));
}
function check(name: string, items: Map<string, number>, parse: (s: string) => unknown): void {
  let ok = 0;
  let uses = 0;
  const failed: string[] = [];
  for (const [item, n] of items) {
    uses += n;
    try {
      parse(item);
      ok += n;
    } catch (e) {
      failed.push(`${JSON.stringify(item)} x${n}: ${(e as Error).message}`);
    }
  }
  console.log(`${name}: ${items.size} distinct, ${uses} uses, ${ok} uses parse (${((100 * ok) / Math.max(uses, 1)).toFixed(1)}%)`);
  for (const line of failed.slice(0, 25)) console.log(`  failed: ${line}`);
}
console.log(`${files.length} .al files under ${root}`);
check('CalcDate formula literals', formulas, parseDateFormula);
check('SetFilter expression literals', filters, (s) => parseFilter(s.replace(/%\d+/g, 'X')));
