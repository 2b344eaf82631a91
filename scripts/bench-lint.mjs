// Benchmark: whole-workspace lint wall time and peak RSS (through dist/cli.js), then the language server's
// didChange -> publishDiagnostics latency on a large page with the workspace indexed (through a real LSP client).
// Usage: npm run bench:lint -- DIR [DIR ...] [--page PATH] [--edits N] [--server-only] [--worker]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import rpc from 'vscode-languageserver-protocol/node';

const args = process.argv.slice(2);
const dirs = [];
let page;
let edits = 40;
let skipLint = false;
let analysisThread = 'thread';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--page') page = args[++i];
  else if (args[i] === '--server-only') skipLint = true;
  else if (args[i] === '--worker') analysisThread = 'worker';
  else if (args[i] === '--edits') edits = Number(args[++i]);
  else dirs.push(resolve(args[i]));
}
if (dirs.length === 0) {
  console.error('usage: npm run bench:lint -- DIR [DIR ...] [--page FILE.al] [--edits N]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');

// 1. CLI: wall time and peak RSS of `lint --format json` over the folders (GNU time gives the RSS when present).
if (!skipLint) {
const cliArgs = [join(root, 'dist', 'cli.js'), 'lint', ...dirs, '--format', 'json'];
const started = Date.now();
const useTime = existsSync('/usr/bin/time');
const r = useTime
  ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--max-old-space-size=4096', ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 30 })
  : spawnSync(process.execPath, ['--max-old-space-size=4096', ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 30 });
const wall = Date.now() - started;
if (r.status !== 0 && r.status !== 1) {
  console.error(r.stderr);
  process.exit(1);
}
const out = JSON.parse(r.stdout);
const rssKb = useTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
const byRule = {};
for (const d of out.diagnostics) byRule[d.code] = (byRule[d.code] ?? 0) + 1;
console.log(`lint: ${out.files} files, ${out.diagnostics.length} diagnostics, wall ${wall} ms (engine ${out.ms} ms), peak RSS ${Number.isFinite(rssKb) ? `${(rssKb / 1024).toFixed(0)} MB` : 'n/a'}`);
console.log(`by rule: ${JSON.stringify(byRule)}`);
}

// 2. Server: index the folders, then time didChange -> publishDiagnostics on the page.
function findFile(dir, name) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) {
      const f = findFile(p, name);
      if (f) return f;
    } else if (e === name) return p;
  }
  return undefined;
}
const pagePath = page ? resolve(page) : dirs.map((d) => findFile(d, 'CustomerCard.Page.al')).find(Boolean);
if (!pagePath) {
  console.log('server: no page given (--page) and no CustomerCard.Page.al found; skipped');
  process.exit(0);
}
const proc = spawn(process.execPath, ['--max-old-space-size=4096', join(root, 'dist', 'server.js'), '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
  env: { ...process.env, ALSL_TRACE_TIMING: '1' },
});
const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
let waiting;
const serverMs = { parse: [], quick: [] };
let measuring = false;
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  if (waiting && p.uri === waiting.uri) {
    const w = waiting;
    waiting = undefined;
    w.resolve();
  }
});
let progressDone;
const indexed = new Promise((r2) => (progressDone = r2));
conn.onRequest('window/workDoneProgress/create', () => null);
conn.onNotification('$/progress', (p) => p.value.kind === 'end' && progressDone());
// Phase 1 types without pauses (the whole-workspace pass never runs: debounce 5 s); phase 2 switches to the default
// debounce and pauses like a person does, so whole-workspace passes run between (and are interrupted by) edits.
let debounceMs = 5000;
conn.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'alSessionLab' ? { debounceMs, analysisThread } : {})));
const fullPasses = [];
let abandoned = 0;
let fullWaiter;
conn.onNotification('window/logMessage', (p) => {
  const f = /^full analysis: (\d+) ms/.exec(p.message);
  if (f) {
    fullPasses.push(Number(f[1]));
    fullWaiter?.();
  } else if (/^full analysis: abandoned/.test(p.message)) abandoned++;
  if (!measuring) return;
  const m = /^(parse|quick analysis): ([\d.]+) ms/.exec(p.message);
  if (m) serverMs[m[1] === 'parse' ? 'parse' : 'quick'].push(Number(m[2]));
  if (m && m[1] !== 'parse' && process.env.BENCH_VERBOSE) console.log(p.message);
});
conn.listen();
const t0 = Date.now();
await conn.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(dirs[0]).href,
  workspaceFolders: dirs.map((d) => ({ uri: pathToFileURL(d).href, name: d })),
  capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
});
conn.sendNotification('initialized', {});
await indexed;
const indexMs = Date.now() - t0;
const uri = pathToFileURL(pagePath).href;
let text = readFileSync(pagePath, 'utf8').replace(/^\uFEFF/, '');
const lineCount = text.split('\n').length;
conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'al', version: 1, text } });
await new Promise((r3) => setTimeout(r3, 500));
const times = [];
measuring = true;
for (let v = 2; v < edits + 2; v++) {
  // Type a comment character at the end of the first line (an edit the whole file is re-parsed for).
  const firstEol = text.indexOf('\n');
  const line0 = text.slice(0, firstEol);
  const change = { range: { start: { line: 0, character: line0.replace(/\r$/, '').length }, end: { line: 0, character: line0.replace(/\r$/, '').length } }, text: v % 2 ? ' ' : '/' };
  text = text.slice(0, line0.replace(/\r$/, '').length) + change.text + text.slice(line0.replace(/\r$/, '').length);
  const done = new Promise((r4) => (waiting = { uri, resolve: r4 }));
  const s = process.hrtime.bigint();
  conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
  await done;
  times.push(Number(process.hrtime.bigint() - s) / 1e6);
}
times.sort((a, b) => a - b);
const pct = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
const burst = { p50: pct(0.5), p95: pct(0.95), max: times[times.length - 1], n: times.length };

// Phase 2: default debounce (600 ms); bursts of three keystrokes 80 ms apart, then a 1.2 s pause (a full pass runs).
debounceMs = 600;
const configured = new Promise((r5) => (fullWaiter = r5));
conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
await configured;
fullPasses.length = 0;
abandoned = 0;
const paused = [];
const gaps = [80, 80, 1200];
for (let i = 0; i < edits; i++) {
  const v = edits + 2 + i;
  const firstEol = text.indexOf('\n');
  const end0 = text.slice(0, firstEol).replace(/\r$/, '').length;
  const ch = v % 2 ? ' ' : '/';
  text = text.slice(0, end0) + ch + text.slice(end0);
  const done = new Promise((r4) => (waiting = { uri, resolve: r4 }));
  const s2 = process.hrtime.bigint();
  conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 0, character: end0 }, end: { line: 0, character: end0 } }, text: ch }] });
  await done;
  paused.push(Number(process.hrtime.bigint() - s2) / 1e6);
  await new Promise((r6) => setTimeout(r6, gaps[i % gaps.length]));
}
paused.sort((a, b) => a - b);
const pp = (q) => paused[Math.min(paused.length - 1, Math.floor(q * paused.length))];
const fp = [...fullPasses].sort((a, b) => a - b);
const med = (a) => (a.length ? [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(1) : 'n/a');
const p95 = (a) => (a.length ? [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(0.95 * a.length))].toFixed(1) : 'n/a');
console.log(`server side: parse p50 ${med(serverMs.parse)} ms p95 ${p95(serverMs.parse)} ms; parse + local rules p50 ${med(serverMs.quick)} ms p95 ${p95(serverMs.quick)} ms`);
console.log(`server (whole-workspace pass on the ${analysisThread === 'worker' ? 'analysis worker' : 'server thread'}): indexed in ${indexMs} ms; ${pagePath} (${lineCount} lines)`);
console.log(`  typing without pauses: didChange -> diagnostics over ${burst.n} edits: p50 ${burst.p50.toFixed(1)} ms, p95 ${burst.p95.toFixed(1)} ms, max ${burst.max.toFixed(1)} ms`);
console.log(`  typing with pauses (debounce 600 ms, whole-workspace passes between edits): over ${paused.length} edits: p50 ${pp(0.5).toFixed(1)} ms, p95 ${pp(0.95).toFixed(1)} ms, max ${paused[paused.length - 1].toFixed(1)} ms`);
console.log(`  whole-workspace passes after an edit: ${fp.length} completed (median ${fp.length ? fp[Math.floor(fp.length / 2)] : 'n/a'} ms, max ${fp.length ? fp[fp.length - 1] : 'n/a'} ms), ${abandoned} abandoned for a newer edit`);
// Peak RSS of the server process (Linux: VmHWM), after indexing W1 and all the edits.
let hwm = 'n/a';
try {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
  if (m) hwm = `${(Number(m[1]) / 1024).toFixed(0)} MB`;
} catch {
  // not Linux
}
console.log(`  server peak RSS: ${hwm}`);
await conn.sendRequest('shutdown');
conn.sendNotification('exit');
setTimeout(() => proc.kill(), 200);
setTimeout(() => process.exit(0), 400);
