// Runs the parser benchmark (scripts/bench-parse-main.ts) the way the product runs code: bundled by esbuild
// (so SyntaxKind enum members are inlined constants, as in dist/), with node's default flags.
// BENCH_NODE_FLAGS="--max-semi-space-size=64 ..." passes extra V8 flags for experiments.
// Usage: npm run bench:parse -- DIR [DIR ...] [--errors N] [--repeat N]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const outDir = join('out', 'bench');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'bench-parse.js');
await esbuild.build({ entryPoints: ['scripts/bench-parse-main.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning' });
const flags = process.env.BENCH_NODE_FLAGS !== undefined ? process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean) : [];
const r = spawnSync(process.execPath, [...flags, outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
