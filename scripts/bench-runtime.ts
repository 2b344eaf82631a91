// npm run bench:runtime — interpreter speed: an AL loop of 10 million simple statements run through the Engine
// in scheduler-sized slices, against the same loop in plain JavaScript in the same process; then with the
// debugger attached (no breakpoints) and with a breakpoint set elsewhere (the per-statement check active).
// Optional: `npm run bench:runtime -- N` for another statement count.
import { EngineImpl } from '../src/runtime/interpreter/engine';
import type { DebugPolicy, SessionServices, Transaction } from '../src/runtime/contracts';
import { Database } from '../src/runtime/store';

const N = Number(process.argv[2] ?? 10_000_000);

const source = `codeunit 50000 Bench
{
    trigger OnRun()
    var
        i: Integer;
        x: Integer;
    begin
        for i := 1 to ${N} do
            x := x + 1;
        if x <> ${N} then
            Error('wrong result %1', x);
    end;
}
`;
const other = `codeunit 50001 Other
{
    trigger OnRun()
    var
        y: Integer;
    begin
        y := 1;
    end;
}
`;

function services(tx: Transaction): SessionServices {
  const fail = () => {
    throw new Error('not used by the bench');
  };
  return {
    sessionId: 1, kind: 'Background', guiAllowed: false, readOnly: false, userId: 'BENCH', companyName: 'CRONUS',
    clock: { now: () => Date.now() }, transaction: () => tx, commit: () => tx.commit(), message: () => undefined,
    confirm: fail, strMenu: fail, beforeWrite: () => undefined, startSession: fail, stopSession: fail, isSessionActive: () => false,
    createTask: fail, enqueueBackgroundTask: fail, cancelBackgroundTask: fail, getBackgroundParameters: fail, setBackgroundTaskResult: fail,
  };
}

function plainJs(n: number): number {
  let x = 0;
  for (let i = 1; i <= n; i++) x = x + 1;
  return x;
}

function timeIt(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const engine = new EngineImpl();
const load = engine.load([{ path: '/bench/Bench.Codeunit.al', text: source }, { path: '/bench/Other.Codeunit.al', text: other }]);
if (load.errors.length) throw new Error(JSON.stringify(load.errors));
const db = new Database(engine.tables());
const svc = services(db.begin(1));

function runAl(policy: DebugPolicy): number {
  return timeIt(() => {
    const exec = engine.start(svc, { kind: 'codeunitRun', codeunit: 50000 }, policy);
    for (;;) {
      // A scheduler-sized slice: 10,000 statements, then control returns to the caller.
      const r = exec.run(10_000);
      if (r.state === 'completed') return;
      if (r.state !== 'yielded') throw new Error(`unexpected ${JSON.stringify(r)}`);
    }
  });
}

const detached: DebugPolicy = { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' };
const attached: DebugPolicy = { attached: true, stopOnEntry: false, breakOnError: 'All', breakOnRecordWrite: 'None' };

// Warm up (JIT) on a smaller count, then measure best of 3.
let sink = 0;
for (let i = 0; i < 3; i++) sink += plainJs(N);
runAl(detached);
const best = (f: () => number) => Math.min(f(), f(), f());
const js = best(() => timeIt(() => { sink += plainJs(N); }));
const al = best(() => runAl(detached));
const alAttached = best(() => runAl(attached));
const bps = engine.setBreakpoints('/bench/Other.Codeunit.al', [{ line: 6 }]);
if (!bps[0].verified) throw new Error('breakpoint not verified');
const alBreakpoints = best(() => runAl(attached));
engine.setBreakpoints('/bench/Other.Codeunit.al', []);

const rate = (ms: number) => `${((N / ms) * 1000 / 1e6).toFixed(1)} M statements/s`;
console.log(`AL loop of ${N.toLocaleString('en-US')} statements (x := x + 1 in a for loop), best of 3, slices of 10,000 statements:`);
console.log(`  plain JavaScript:                        ${js.toFixed(1)} ms  (${rate(js)})`);
console.log(`  AL, no debugger:                         ${al.toFixed(1)} ms  (${rate(al)})  ratio vs JS ${(al / js).toFixed(1)}x  (target <= 10x)`);
console.log(`  AL, debugger attached, no breakpoints:   ${alAttached.toFixed(1)} ms  (${rate(alAttached)})  overhead ${(alAttached / al).toFixed(2)}x  (target <= 1.5x)`);
console.log(`  AL, attached, a breakpoint in another file: ${alBreakpoints.toFixed(1)} ms  (${rate(alBreakpoints)})  overhead ${(alBreakpoints / al).toFixed(2)}x  (target <= 1.5x)`);
if (sink === 42) console.log('');
