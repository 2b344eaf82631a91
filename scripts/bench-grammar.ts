// Benchmark and robustness scan of the TextMate grammar: tokenizes AL files like VS Code does and reports speed
// plus lines where a scope leaked (string running to end of line, region left open at end of file).
// With --cross-check it also compares the grammar with the parser (test/grammar/crossCheck.ts) on every file.
// Usage: npm run bench:grammar -- [folder] [--limit N] [--show K] [--cross-check]   (default: the BCApps W1 layer)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAlGrammar } from '../test/grammar/loadGrammar';
import { crossCheck } from '../test/grammar/crossCheck';
import * as vsctm from 'vscode-textmate';

function alFiles(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) alFiles(full, out);
    else if (name.toLowerCase().endsWith('.al')) out.push(full);
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, dflt: number): number => {
    const i = args.indexOf(name);
    if (i < 0) return dflt;
    const value = Number(args.splice(i, 2)[1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a non-negative integer`);
    return value;
  };
  const limit = flag('--limit', 0);
  const crossCheckIndex = args.indexOf('--cross-check');
  const doCrossCheck = crossCheckIndex >= 0;
  if (doCrossCheck) args.splice(crossCheckIndex, 1);
  const show = flag('--show', 10);
  const root = args[0] ?? '/work/corpus/bcapps/src/Layers/W1';
  if (!existsSync(root)) throw new Error(`no such folder: ${root} (pass a folder of .al files)`);
  let files = alFiles(root, []);
  if (limit > 0) files = files.slice(0, limit);
  const grammar = await loadAlGrammar();

  let lines = 0;
  let bytes = 0;
  let openStringLines = 0;
  let openAtEof = 0;
  const samples: string[] = [];
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    let stack = vsctm.INITIAL;
    const fileLines = text.split(/\r?\n/);
    fileLines.forEach((line, i) => {
      const result = grammar.tokenizeLine(line, stack);
      stack = result.ruleStack;
      lines++;
      // A single-quoted string that ends at the end of the line without a closing quote is a leak.
      const last = result.tokens[result.tokens.length - 1];
      const lastText = last ? line.slice(last.startIndex, last.endIndex) : '';
      if (last && last.scopes.includes('string.quoted.single.al') && !(lastText === "'" && last.scopes.some((s) => s.startsWith('punctuation.definition.string.end')))) {
        openStringLines++;
        if (samples.length < show) samples.push(`string left open: ${relative(root, file)}:${i + 1}: ${line.trim()}`);
      }
    });
    // Regions that may legitimately span lines are block comments and verbatim strings; anything else still open
    // at the end of the file means a begin/end rule swallowed code.
    if (stack.depth > 1) {
      openAtEof++;
      if (samples.length < show) samples.push(`region open at end of file: ${relative(root, file)}`);
    }
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`files ${files.length}, lines ${lines}, ${(bytes / 1048576).toFixed(1)} MiB in ${(ms / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU`);
  // CPU time is the steadier figure on a shared machine; wall time includes waiting for a core.
  console.log(`throughput ${Math.round(lines / (cpuMs / 1000))} lines/s CPU (${Math.round(lines / (ms / 1000))} lines/s wall), ${(bytes / 1048576 / (cpuMs / 1000)).toFixed(2)} MiB/s CPU`);
  console.log(`lines ending inside an unterminated string: ${openStringLines}`);
  console.log(`files ending inside an open region: ${openAtEof}`);
  for (const s of samples) console.log(`  ${s}`);

  if (doCrossCheck) {
    // A separate pass, so the figures above time the tokenizer alone.
    const categories = new Map<string, { count: number; examples: string[] }>();
    let total = 0;
    for (const file of files) {
      for (const m of crossCheck(grammar, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))) {
        total++;
        const c = categories.get(m.category) ?? { count: 0, examples: [] };
        c.count++;
        if (c.examples.length < show) c.examples.push(`${relative(root, file)}:${m.line}:${m.column} ${JSON.stringify(m.text)} [${m.scopes}]`);
        categories.set(m.category, c);
      }
    }
    console.log(`grammar/parser disagreements: ${total} in ${files.length} files`);
    for (const [category, c] of [...categories].sort((a, b) => b[1].count - a[1].count)) {
      console.log(`  ${c.count} ${category}`);
      for (const e of c.examples) console.log(`      ${e}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
