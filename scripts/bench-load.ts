// Benchmark of loading real dependencies: a workspace depending on the apps in DIR... (e.g. BCApps' Base Application,
// System Application and Business Foundation) is loaded into the runtime, cold (empty header cache) and warm (the
// cache of the cold run), each in a fresh process; prints the time to ready-to-run and the peak RSS. Then, warm, it
// opens page 21 "Customer Card" (when the apps have it) and counts what that parsed and compiled.
// With --compile-all it also loads every object and compiles every procedure, and counts load findings by kind.
// Usage: npm run bench:load -- DIR... [--compile-all]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RuntimeHost } from '../src/runtime/sessions/host';
import { createEngine } from '../src/runtime/sessions/defaultEngine';
import type { EngineImpl } from '../src/runtime/interpreter/engine';
import { summarizeFindings } from '../src/language/apps/findings';
import { parseScenario } from '../src/runtime/sessions/scenario';

const args = process.argv.slice(2);
const childMode = args[0] === '--child' ? args[1] : undefined;

function workspaceFor(dirs: string[]): string {
  const ws = mkdtempSync(join(tmpdir(), 'bench-load-ws-'));
  const deps = dirs.map((d) => {
    const a = JSON.parse(readFileSync(join(d, 'app.json'), 'utf8').replace(/^\uFEFF/, '')) as { id: string; name: string; publisher: string; version: string };
    return { id: a.id, name: a.name, publisher: a.publisher, version: a.version };
  });
  writeFileSync(join(ws, 'app.json'), JSON.stringify({ id: 'b0000000-0000-4000-8000-00000000beef', name: 'Bench Load', publisher: 'AL Session Lab', version: '1.0.0.0', dependencies: deps }));
  mkdirSync(join(ws, 'src'));
  writeFileSync(join(ws, 'src', 'Bench.Codeunit.al'), 'codeunit 50100 "Bench Load"\n{\n    trigger OnRun()\n    begin\n    end;\n}\n');
  return ws;
}

async function child(mode: string, cache: string, ws: string, dirs: string[], compileAll: boolean): Promise<void> {
  const t0 = performance.now();
  const host = new RuntimeHost({ workspace: ws, createEngine, clock: 'virtual', dependencies: { sources: dirs, cacheDir: cache } });
  const readyMs = performance.now() - t0;
  const engine = host.engine as EngineImpl;
  const out: Record<string, unknown> = { mode, readyMs: Math.round(readyMs), stats: host.apps?.stats, findings: host.findings.length, findingsByKind: summarizeFindings(host.findings) };
  if (mode === 'warm' && host.loadResult.objects.some((o) => o.type === 'Page' && o.id === 21)) {
    const t1 = performance.now();
    const compiledBefore = countCompiled(engine);
    const error: string | undefined = undefined;
    // Open it as a client does (OnOpenPage, OnAfterGetRecord...): the scenario runner's openPage.
    const scenario = parseScenario(JSON.stringify({ data: { Customer: [{ 'No.': '10000', Name: 'Adatum' }] }, steps: [{ openPage: 21, record: { 'No.': '10000' } }, { waitIdle: true }] }), 'bench');
    const r = await host.runScenario(scenario).catch((e: Error) => ({ ok: false, failed: { message: e.message } }));
    const lazy = engine.lazyStats()!;
    out.customerCard = { ms: Math.round(performance.now() - t1), parsedFiles: lazy.parsedFiles, objectsBuilt: lazy.objects, proceduresCompiled: countCompiled(engine), compiledAtOpen: compiledBefore, ok: (r as { ok: boolean }).ok, error: error ?? (r as { failed?: { message: string } }).failed?.message };
    await host.shutdown().catch(() => undefined);
  }
  if (compileAll) {
    const t2 = performance.now();
    const errors = engine.compileEverything();
    out.compileAll = { ms: Math.round(performance.now() - t2), errors: errors.length, byKind: summarizeFindings(errors.map((e) => ({ kind: kindOf(e.message) }))) };
  }
  out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(out) + '\n');
}

function countCompiled(engine: EngineImpl): number {
  return engine.compiledProcedureCount();
}

function kindOf(message: string): string {
  if (/unknown procedure or variable/.test(message)) return 'unknown name';
  const m = /does not support (?:the )?(procedure or system method|method \S+ of \S+|DotNet|Record \S+|[A-Za-z]+(?: [a-z]+)?)/.exec(message);
  if (m) return `unsupported ${m[1].startsWith('method ') ? 'method' : m[1].startsWith('Record ') ? 'Record (missing table)' : m[1]}`;
  if (/declared twice/.test(message)) return 'duplicateObject';
  if (/is internal to app/.test(message)) return 'access';
  if (/not in the workspace|no such/.test(message)) return 'unresolved';
  return message.replace(/[("'].*$/, '').slice(0, 40) || 'other';
}

if (childMode) {
  const [, , cache, ws, ...rest] = args;
  const compileAll = rest.includes('--compile-all');
  void child(childMode, cache, ws, rest.filter((a) => a !== '--compile-all'), compileAll);
} else {
  const compileAll = args.includes('--compile-all');
  const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
  if (dirs.length === 0) {
    console.error('usage: npm run bench:load -- DIR... [--compile-all]  (folders of apps, e.g. BCApps src/Layers/W1/BaseApp)');
    process.exit(2);
  }
  const ws = workspaceFor(dirs);
  const cache = mkdtempSync(join(tmpdir(), 'bench-load-cache-'));
  const run = (mode: string, extra: string[] = []) => {
    const r = spawnSync(process.execPath, [process.argv[1], '--child', mode, cache, ws, ...dirs, ...extra], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  };
  const cold = run('cold');
  const warm = run('warm');
  console.log(`apps: ${dirs.join(', ')}`);
  console.log(`cold: ready in ${cold.readyMs} ms, peak RSS ${cold.peakRssMb} MB (${JSON.stringify(cold.stats)})`);
  console.log(`warm: ready in ${warm.readyMs} ms, peak RSS ${warm.peakRssMb} MB (${JSON.stringify(warm.stats)})`);
  console.log(`load findings: ${cold.findings} (${cold.findingsByKind})`);
  if (warm.customerCard) console.log(`Customer Card (page 21) opened warm: ${JSON.stringify(warm.customerCard)}`);
  if (compileAll) {
    const all = run('all', ['--compile-all']);
    console.log(`compile all: ${JSON.stringify(all.compileAll)}, peak RSS ${all.peakRssMb} MB`);
  }
  rmSync(ws, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
}
