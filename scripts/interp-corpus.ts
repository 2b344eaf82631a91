// Measures the interpreter on real AL (e.g. BCApps System Application modules; fetched code is read, never
// committed): loads every .al file under the given folders, lists what does not load or compile (grouped),
// then calls every public codeunit procedure whose parameters are simple types with sample values and
// reports which ran, which raised AL errors (their own Error calls included) and which hit unsupported parts.
// Usage: npx tsx scripts/interp-corpus.ts <folder> [<folder> ...] [--verbose]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineImpl } from '../src/runtime/interpreter/engine';
import { Database } from '../src/runtime/store';
import type { DebugPolicy, SessionServices, Transaction } from '../src/runtime/contracts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const roots = args.filter((a) => !a.startsWith('--'));
if (roots.length === 0) {
  console.error('usage: interp-corpus <folder> [<folder> ...] [--verbose]');
  process.exit(2);
}

function collect(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.al')) out.push(full);
  }
  return out;
}

const files = roots.flatMap((r) => collect(r, [])).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const engine = new EngineImpl();
const t0 = performance.now();
const load = engine.load(files);
const loadMs = performance.now() - t0;

const normalize = (m: string) => m.replace(/\(\/.*?:\d+\)/g, '').replace(/'[^']*'/g, "'…'").replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 110);
const group = (msgs: string[]) => {
  const m = new Map<string, number>();
  for (const x of msgs) m.set(normalize(x), (m.get(normalize(x)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};

console.log(`files: ${files.length}, objects loaded: ${load.objects.length}, load+compile: ${loadMs.toFixed(0)} ms`);
console.log(`load/compile findings: ${load.errors.length} (statements or files that will raise 'not supported' when reached)`);
for (const [msg, n] of group(load.errors.map((e) => e.message)).slice(0, verbose ? 60 : 15)) console.log(`  ${String(n).padStart(5)}  ${msg}`);

const db = new Database(engine.tables());
function services(tx: Transaction): SessionServices {
  const refuse = (what: string) => () => {
    throw Object.assign(new Error(`${what} is not available in the corpus runner`), { info: { code: 'CorpusRunner', text: `${what} is not available in the corpus runner`, callStack: '' } });
  };
  return {
    sessionId: 1, kind: 'Background', guiAllowed: false, readOnly: false, userId: 'CORPUS', companyName: 'CRONUS',
    clock: { now: () => Date.UTC(2026, 0, 15, 9, 30) }, transaction: () => tx, commit: () => tx.commit(), message: () => undefined,
    confirm: () => true, strMenu: (_o, d) => d, beforeWrite: () => undefined, startSession: refuse('StartSession'), stopSession: refuse('StopSession'),
    isSessionActive: () => false, createTask: refuse('TaskScheduler'), enqueueBackgroundTask: refuse('EnqueueBackgroundTask'),
    cancelBackgroundTask: refuse('CancelBackgroundTask'), getBackgroundParameters: refuse('GetBackgroundParameters'), setBackgroundTaskResult: refuse('SetBackgroundTaskResult'),
  };
}
const policy: DebugPolicy = { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' };
const samples: Record<string, unknown> = { integer: 7, biginteger: 7, decimal: 12.5, text: 'Hello World', code: 'ABC', boolean: true, date: 0, time: 0, datetime: 0, guid: '{00000000-0000-0000-0000-000000000001}', char: 65, duration: 1000 };

const outcomes = { completed: 0, alError: 0, unsupported: 0, internal: 0, timeout: 0 };
const failures: string[] = [];
const ran: string[] = [];
for (const o of load.objects.filter((x) => x.type === 'Codeunit')) {
  const model = engine.findObject('codeunit', String(o.id));
  if (!model || /^test$/i.test(model.decl.properties.get('subtype')?.text ?? '')) continue;
  for (const [, procs] of model.procs) {
    for (const p of procs) {
      if (p.decl.local || p.isEvent) continue;
      const params = p.decl.params.map((x) => samples[x.type.name.toLowerCase()]);
      if (params.some((v) => v === undefined) || p.decl.params.some((x) => x.type.dims)) continue;
      const tx = db.begin(1);
      const exec = engine.start(services(tx), { kind: 'procedure', codeunit: o.id, procedure: p.name, args: params }, policy);
      let r = exec.run(200_000);
      for (let i = 0; i < 50 && (r.state === 'yielded' || r.state === 'sleeping'); i++) r = exec.run(200_000);
      tx.rollback();
      const label = `${o.name}.${p.name}`;
      if (r.state === 'completed') {
        outcomes.completed++;
        ran.push(label);
      } else if (r.state === 'failed') {
        const code = r.error.code;
        if (code === 'Unsupported') outcomes.unsupported++;
        else if (code === 'InternalError') outcomes.internal++;
        else outcomes.alError++;
        failures.push(`${code || 'AL'}: ${label}: ${r.error.text.slice(0, 300)}${code === 'InternalError' ? ` @ ${r.error.location?.file}:${(r.error.location?.line ?? 0) + 1}` : ''}`);
      } else {
        outcomes.timeout++;
        failures.push(`${r.state}: ${label}`);
      }
    }
  }
}
console.log(`procedure calls: ${JSON.stringify(outcomes)}`);
if (verbose) console.log(`ran to completion:\n  ${ran.join('\n  ')}`);
if (verbose) for (const f of failures.filter((x) => x.startsWith('InternalError'))) console.log(`internal: ${f}`);
console.log('failures by kind:');
for (const [msg, n] of group(failures).slice(0, verbose ? 80 : 25)) console.log(`  ${String(n).padStart(5)}  ${msg}`);
