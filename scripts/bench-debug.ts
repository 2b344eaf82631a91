// `npm run bench:debug`: debug adapter speed against the real runtime (dist/cli.js serve) through a real DAP client.
// Prints attach-to-ready time, breakpoint-hit-to-stopped-event time and steps per second.
//
// What is measured, exactly:
// - attach-to-ready: from the DAP `attach` request (the adapter process is up: it answered `initialize`) to the
//   `attach` response, with VS Code's configuration round trips in between (connect and hello to the runtime,
//   initialized event, setBreakpoints, setExceptionBreakpoints, configurationDone, the runtime's attach).
// - hit-to-stopped: a breakpoint in the body of an endless loop; from sending `continue` to receiving the next
//   `stopped` event. This is an upper bound of the hit-to-event latency: it also holds the continue request's
//   trip and one loop round.
// - steps per second: `next` requests in that loop, each waiting for its `stopped` event.
import { join } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { RuntimeClient } from '../src/protocol/client';
import { attach, root, serve, startAdapter, stopAdapter } from '../test/debugAdapter/harness';

const workspace = join(root, 'test', 'fixtures', 'debug-workspace');
const loopFile = join(workspace, 'src', 'EndlessLoop.Codeunit.al');
const LOOP_BODY_LINE = 9; // `Rounds += 1;`

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main(): Promise<void> {
  const served = await serve(workspace);
  try {
    // Attach-to-ready, over fresh adapter processes (the adapter process's start-up is not counted).
    const attachTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const { dc, log } = await startAdapter();
      await dc.initializeRequest({ adapterID: 'al-session-lab', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
      const t0 = performance.now();
      await attach(dc, log, { port: served.port, token: served.token, breakOnNext: 'Background' }, { breakpoints: [{ path: loopFile, breakpoints: [] }], skipInitialize: true });
      attachTimes.push(performance.now() - t0);
      await stopAdapter(dc);
    }

    const { dc, log } = await startAdapter();
    await attach(dc, log, { port: served.port, token: served.token, breakOnNext: 'Background' }, { breakpoints: [{ path: loopFile, breakpoints: [{ line: LOOP_BODY_LINE }] }] });
    const user = await RuntimeClient.connect({ port: served.port, token: served.token, client: 'bench-user' });
    await user.request('runCodeunit', { codeunit: 50210 });
    const first = (await log.next<DebugProtocol.StoppedEvent>('stopped', (e) => e.body.reason === 'breakpoint', 15000)).body.threadId!;

    const hitTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await dc.continueRequest({ threadId: first });
      const stop = await log.next<DebugProtocol.StoppedEvent>('stopped', (e) => e.body.threadId === first);
      hitTimes.push(performance.now() - t0);
      if (stop.body.reason !== 'breakpoint') throw new Error(`expected a breakpoint stop, got ${stop.body.reason}`);
    }

    await dc.setBreakpointsRequest({ source: { path: loopFile }, breakpoints: [] });
    const steps = 500;
    const s0 = performance.now();
    for (let i = 0; i < steps; i++) {
      await dc.nextRequest({ threadId: first });
      const stop = await log.next<DebugProtocol.StoppedEvent>('stopped', (e) => e.body.threadId === first);
      if (stop.body.reason !== 'step') throw new Error(`expected a step stop, got ${stop.body.reason}`);
    }
    const stepSeconds = (performance.now() - s0) / 1000;
    // Each request must have produced exactly one stop: a stray extra event would make the timings lie.
    const stops = log.events.filter((e) => e.event === 'stopped').length;
    if (stops !== 1 + 200 + steps) throw new Error(`expected ${1 + 200 + steps} stopped events, saw ${stops}`);
    // The loop really ran between the hits: its counter moved on.
    const frame = (await dc.stackTraceRequest({ threadId: first })).body.stackFrames[0];
    const rounds = (await dc.evaluateRequest({ expression: 'Rounds', frameId: frame.id, context: 'watch' })).body.result;

    await stopAdapter(dc);
    await user.request('stopSession', { session: first }).catch(() => undefined);
    user.dispose();

    const a = stats(attachTimes);
    const h = stats(hitTimes);
    console.log(`attach-to-ready:          median ${ms(a.median)}, p95 ${ms(a.p95)}, max ${ms(a.max)} over ${attachTimes.length} attaches (target < 200 ms)`);
    console.log(`breakpoint hit -> stopped: median ${ms(h.median)}, p95 ${ms(h.p95)}, max ${ms(h.max)} over ${hitTimes.length} hits (continue -> stopped round trip, an upper bound; target < 20 ms)`);
    console.log(`steps per second:         ${(steps / stepSeconds).toFixed(0)} (${steps} steps, each next -> stopped; loop counter now ${rounds})`);
  } finally {
    await served.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
