// Load fuzz campaign: generated AL workspaces (tables, keys, fields, pages, codeunits with random mutations) through
// the loader, lint and a scenario step; counts internal errors and prints the first ones. Exit 1 if any.
// Usage: npm run bench:fuzz-load [-- --count 5000 --from 1]
import { runFuzzCase } from '../test/runtime/fuzz/fuzzCase';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] || 0) || fallback;
const count = flag('count', 5000);
const from = flag('from', 1);

async function main() {
  const t0 = performance.now();
  let internal = 0;
  let withLoadErrors = 0;
  let lintFindings = 0;
  const states = new Map<string, number>();
  const shown: string[] = [];
  for (let seed = from; seed < from + count; seed++) {
    const o = await runFuzzCase(seed);
    if (o.internal.length) {
      internal++;
      if (shown.length < 5) shown.push(`seed ${seed}: ${o.internal[0].split('\n').slice(0, 6).join('\n    ')}`);
    }
    if (o.loadErrors) withLoadErrors++;
    lintFindings += o.lintFindings;
    states.set(o.callState, (states.get(o.callState) ?? 0) + 1);
  }
  const ms = performance.now() - t0;
  console.log(`cases: ${count} (seeds ${from}..${from + count - 1}) in ${(ms / 1000).toFixed(1)} s (${(ms / count).toFixed(1)} ms per case)`);
  console.log(`with load errors: ${withLoadErrors}; lint findings: ${lintFindings}; entry call: ${[...states].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`internal errors: ${internal}`);
  for (const s of shown) console.log(`  ${s}`);
  process.exit(internal ? 1 : 0);
}

void main();
