// Measures the platform layer on Microsoft's System Application tests (BCApps is read, never committed): loads
// the app, its test app, test library and the Test Framework, runs every test codeunit, and groups the first
// error of each failing test, counting those the platform owns (DotNet types, system tables, Xml, Http).
// Usage: npx tsx scripts/measure-platform.ts <BCApps src folder> [--module NAME] [--top N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineImpl } from '../src/runtime/interpreter/engine';
import { Database } from '../src/runtime/store';
import type { AlErrorInfo, DebugPolicy, SessionServices, Transaction } from '../src/runtime/contracts';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--'));
if (!root) {
  console.error('usage: measure-platform <BCApps src folder> [--module NAME] [--top N]');
  process.exit(2);
}
const moduleFilter = args.includes('--module') ? args[args.indexOf('--module') + 1] : undefined;
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 40;

function collect(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.al')) out.push(full);
  }
  return out;
}

const folders = ['System Application/App', 'System Application/Test', 'System Application/Test Library', 'Tools/Test Framework/Test Libraries', 'Tools/Test Framework/Test Runner'].map((f) => join(root, f));
const files = folders.flatMap((f) => collect(f, [])).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const engine = new EngineImpl();
const t0 = performance.now();
const load = engine.load(files);
console.log(`files ${files.length}, objects ${load.objects.length}, findings ${load.errors.length}, load ${(performance.now() - t0).toFixed(0)} ms`);

const db = new Database(engine.tables());
const results: { codeunit: string; fn: string; success: boolean; error?: AlErrorInfo; file: string }[] = [];
function services(tx: Transaction, file: string): SessionServices {
  const refuse = (what: string) => () => {
    throw Object.assign(new Error(`${what} is not available here`), { info: { code: 'Measure', text: `${what} is not available here`, callStack: '' } });
  };
  return {
    sessionId: 1, kind: 'Foreground', guiAllowed: true, readOnly: false, userId: 'ADMIN', companyName: 'CRONUS',
    clock: { now: () => Date.UTC(2026, 0, 15, 9, 30) }, transaction: () => tx, commit: () => tx.commit(), message: () => undefined,
    confirm: () => true, strMenu: (_o, d) => d, beforeWrite: () => undefined, startSession: refuse('StartSession'), stopSession: refuse('StopSession'),
    isSessionActive: () => false, createTask: refuse('TaskScheduler'), enqueueBackgroundTask: refuse('EnqueueBackgroundTask'),
    cancelBackgroundTask: refuse('CancelBackgroundTask'), getBackgroundParameters: refuse('GetBackgroundParameters'), setBackgroundTaskResult: refuse('SetBackgroundTaskResult'),
    testResult: (r) => results.push({ codeunit: r.codeunitName, fn: r.function, success: r.success, error: r.error, file }),
  };
}
const policy: DebugPolicy = { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' };
const tests = load.objects.filter((o) => o.type === 'Codeunit' && /System Application\/Test\//.test(o.file) && (!moduleFilter || o.file.includes(`/${moduleFilter}/`)));
const t1 = performance.now();
for (const o of tests) {
  const model = engine.findObject('codeunit', String(o.id));
  if (!/^test$/i.test(model?.decl.properties.get('subtype')?.text ?? '')) continue;
  const tx = db.begin(1);
  const exec = engine.start(services(tx, o.file), { kind: 'codeunitRun', codeunit: o.id }, policy);
  let r = exec.run(2_000_000);
  for (let i = 0; i < 200 && (r.state === 'yielded' || r.state === 'sleeping'); i++) r = exec.run(2_000_000);
  if (r.state !== 'completed' && r.state !== 'failed') results.push({ codeunit: o.name, fn: '(run)', success: false, error: { code: 'Measure', text: `run ended ${r.state}`, callStack: '' }, file: o.file });
  tx.rollback();
}
const ran = results.filter((r) => r.fn !== '');
const passed = ran.filter((r) => r.success).length;
console.log(`tests ${ran.length}, passed ${passed} (${((100 * passed) / Math.max(1, ran.length)).toFixed(1)} %), run ${(performance.now() - t1).toFixed(0)} ms`);

const normalize = (m: string) => m.replace(/\(\/.*?:\d+\)/g, '').replace(/\d+/g, 'N').slice(0, 140);
const platformKind = (m: string): string | undefined => {
  if (/DotNet|A call to System\.|has not been instantiated/.test(m)) return 'DotNet';
  if (/Xml/.test(m)) return 'Xml';
  if (/Http/.test(m)) return 'Http';
  if (/(table|Record) "?(Field|AllObj|AllObjWithCaption|Key|Table Metadata|Page Metadata|CodeUnit Metadata|Report Metadata|Object Options|Company|User|User Personalization|Profile|All Profile|Integer|Date|Permission Set|Aggregate Permission Set|Access Control|Printer|Media|Media Set|Tenant Media|Published Application|NAV App Installed App|Scheduled Task)"?\b/.test(m)) return 'system table';
  return undefined;
};
const groups = new Map<string, number>();
const byKind = new Map<string, number>();
for (const r of ran) {
  if (r.success) continue;
  const text = r.error?.text ?? '';
  groups.set(normalize(text), (groups.get(normalize(text)) ?? 0) + 1);
  const k = platformKind(text);
  if (k) byKind.set(k, (byKind.get(k) ?? 0) + 1);
}
console.log(`first errors the platform owns: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
for (const [m, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(n).padStart(5)}  ${m}`);
