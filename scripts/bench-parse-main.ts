// Parser benchmark body (run through scripts/bench-parse.mjs): files, MB, MB/s (parse only and read+decode+parse), files with
// errors, losslessness and peak RSS. Usage: npm run bench:parse -- DIR [--errors N] [--repeat N]
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { decode, parseFile, isLossless } from '../src/syntax/index';

function collect(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = lstatSync(full);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) collect(full, out);
    else if (name.toLowerCase().endsWith('.al')) out.push(full);
  }
}

const args = process.argv.slice(2);
const dirs: string[] = [];
let showErrors = 0;
let repeat = 1;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--errors') showErrors = Number(args[++i]);
  else if (args[i] === '--repeat') repeat = Number(args[++i]);
  else dirs.push(args[i]);
}
if (dirs.length === 0) {
  console.error('usage: npm run bench:parse -- DIR [DIR ...] [--errors N] [--repeat N]');
  process.exit(2);
}
const files: string[] = [];
for (const d of dirs) collect(d, files);

let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  const r = process.memoryUsage().rss;
  if (r > peakRss) peakRss = r;
};

/**
 * Reads, decodes and parses one file. A separate function on purpose: when it returns, nothing on the stack
 * still points at the tree, so the next file's parse does not keep this one alive through young-generation GCs.
 */
function parseOne(file: string): { bytes: number; chars: number; parseMs: number; parseCpuMs: number; errors: string[]; lossless: boolean } {
  const buf = readFileSync(file);
  const text = decode(buf);
  const c0 = process.cpuUsage();
  const p0 = performance.now();
  const r = parseFile(text);
  const parseMs = performance.now() - p0;
  const c1 = process.cpuUsage(c0);
  const parseCpuMs = (c1.user + c1.system) / 1000;
  const errors = r.errors.map((e) => {
    const lc = r.lineMap.position(e.start);
    return `${lc.line + 1}:${lc.character + 1}: ${e.message}`;
  });
  return { bytes: buf.length, chars: text.length, parseMs, parseCpuMs, errors, lossless: isLossless(r.root, text) };
}

for (let round = 0; round < repeat; round++) {
  let chars = 0;
  let bytes = 0;
  let parseMs = 0;
  let parseCpuMs = 0;
  let filesWithErrors = 0;
  let errorCount = 0;
  let lossless = true;
  let shown = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < files.length; i++) {
    const f = parseOne(files[i]);
    bytes += f.bytes;
    chars += f.chars;
    parseMs += f.parseMs;
    parseCpuMs += f.parseCpuMs;
    if (f.errors.length > 0) {
      filesWithErrors++;
      errorCount += f.errors.length;
      for (const e of f.errors) {
        if (shown >= showErrors) break;
        console.log(`${files[i]}:${e}`);
        shown++;
      }
    }
    if (!f.lossless) {
      lossless = false;
      if (shown < showErrors) {
        console.log(`${files[i]}: NOT LOSSLESS`);
        shown++;
      }
    }
    if ((i & 63) === 0) sampleRss();
  }
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  sampleRss();
  const mb = bytes / 1e6;
  console.log(
    JSON.stringify({
      files: files.length,
      MB: +mb.toFixed(1),
      chars,
      parseOnlyMBps: +(mb / (parseMs / 1000)).toFixed(1),
      parseOnlyMBpsCpu: +(mb / (parseCpuMs / 1000)).toFixed(1),
      readDecodeParseMBps: +(mb / (totalMs / 1000)).toFixed(1),
      parseMs: Math.round(parseMs),
      totalMs: Math.round(totalMs),
      cpuMs: Math.round(cpuMs),
      readDecodeParseMBpsCpu: +(mb / (cpuMs / 1000)).toFixed(1),
      filesWithErrors,
      syntaxErrors: errorCount,
      lossless,
      peakRssMB: Math.round(peakRss / 1e6),
      loadavg: loadavg().map((x) => +x.toFixed(2)),
    }),
  );
}
