// Longer fuzz campaign for the parser: mutated AL of growing size; reports time vs size (should be ~linear),
// and fails on any exception or lossless violation. Usage: npm run bench:fuzz [-- --count N --seed S]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, isLossless, parseFile } from '../src/syntax/index';
import { mutate, rng } from '../test/syntax/fuzzSupport';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] || 0) || 5000;
const seed = Number(args[args.indexOf('--seed') + 1] || 0) || 7;
const dir = join(__dirname, '..', 'test', 'syntax', 'golden');
const seeds = readdirSync(dir)
  .filter((n) => n.endsWith('.al'))
  .map((n) => decode(readFileSync(join(dir, n))));
const random = rng(seed);

let failures = 0;
const t0 = performance.now();
for (let i = 0; i < count; i++) {
  const text = mutate(seeds[i % seeds.length], random);
  try {
    const r = parseFile(text);
    if (!isLossless(r.root, text)) {
      failures++;
      console.log(`mutation ${i}: not lossless`);
    }
  } catch (e) {
    failures++;
    console.log(`mutation ${i}: threw ${(e as Error).stack}`);
  }
}
const mutationMs = performance.now() - t0;

// Time vs size: repeat a mutated file 1x..64x and parse; ms per KB should stay roughly flat.
const rows: { kb: number; ms: number; msPerKb: number }[] = [];
// CPU time (not wall time) so the machine's load does not distort the curve; one warm-up parse first.
const base = mutate(seeds.join('\n'), random);
parseFile(base.repeat(16));
for (const factor of [1, 4, 16, 64]) {
  const text = base.repeat(factor);
  const c0 = process.cpuUsage();
  for (let k = 0; k < 5; k++) parseFile(text);
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000 / 5;
  rows.push({ kb: Math.round(text.length / 1024), ms: +ms.toFixed(1), msPerKb: +(ms / (text.length / 1024)).toFixed(3) });
}
console.log(JSON.stringify({ mutations: count, seed, failures, mutationMs: Math.round(mutationMs), timeVsSize: rows }));
process.exit(failures > 0 ? 1 : 0);
