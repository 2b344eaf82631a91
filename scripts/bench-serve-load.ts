// Loopback load test of `serve` (bounded): a real client's answer times while 50 unauthenticated connections
// misbehave (idle sockets, slow drips without a newline, floods past the pre-auth cap, garbage lines, reconnect
// storms). Prints p50/p95/max of the real client's `sessions` and `pageState` answers and serve's RSS.
// Usage: npm run bench:serve-load [-- --seconds 20 --attackers 50]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import { join } from 'node:path';
import { RuntimeClient } from '../src/protocol/client';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] || 0) || fallback;
const seconds = flag('seconds', 20);
const attackers = flag('attackers', 50);
const root = join(__dirname, '..');
const example = join(root, 'examples', 'customer-card');

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main() {
  const proc = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'serve', example, '--data', join(example, 'scenarios', 'open-customer-card.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<string>((resolve) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
  });
  const { port, token } = JSON.parse(ready) as { port: number; token: string };
  const client = await RuntimeClient.connect({ port, token, client: 'bench' });
  const page = await client.request('openPage', { page: 'Customer Card', record: { 'No.': '10000' } });
  const rssBefore = rssMb(proc.pid!);

  // Measure an undisturbed baseline first.
  const measure = async (ms: number) => {
    const times: number[] = [];
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const t = performance.now();
      await client.request('sessions', {});
      await client.request('pageState', { pageInstanceId: page.pageInstanceId });
      times.push((performance.now() - t) / 2);
      await new Promise((r) => setTimeout(r, 5));
    }
    return times;
  };
  const baseline = await measure(3000);

  // The misbehaving connections: a fifth of each kind, each reconnecting when the server closes it.
  let stop = false;
  let opened = 0;
  let closedByServer = 0;
  const kinds = ['idle', 'drip', 'flood', 'garbage', 'storm'] as const;
  const attacker = (kind: (typeof kinds)[number]) => {
    if (stop) return;
    const s = net.connect({ port, host: '127.0.0.1' });
    opened++;
    s.on('error', () => undefined);
    s.on('close', () => {
      if (!stop) closedByServer++;
      clearInterval(timer);
      if (!stop) setTimeout(() => attacker(kind), kind === 'storm' ? 0 : 50);
    });
    const timer = setInterval(() => {
      if (s.destroyed) return;
      if (kind === 'drip') s.write('x'.repeat(512));
      else if (kind === 'flood') s.write(Buffer.alloc(256 * 1024, 0x7b));
      else if (kind === 'garbage') s.write('{"type":"request","seq":1,"command":"sessions","arguments":{}}\n');
      else if (kind === 'storm') s.destroy();
    }, kind === 'storm' ? 20 : 10);
  };
  for (let i = 0; i < attackers; i++) attacker(kinds[i % kinds.length]);
  const loaded = await measure(seconds * 1000);
  const rssDuring = rssMb(proc.pid!);
  stop = true;
  client.dispose();
  proc.kill();

  const fmt = (xs: number[]) => `n=${xs.length} p50=${pct(xs, 50).toFixed(2)} ms p95=${pct(xs, 95).toFixed(2)} ms max=${Math.max(...xs).toFixed(2)} ms`;
  console.log(`baseline (no attackers): ${fmt(baseline)}`);
  console.log(`with ${attackers} misbehaving unauthenticated connections for ${seconds} s: ${fmt(loaded)}`);
  console.log(`attacker connections opened: ${opened}, closed by serve: ${closedByServer}`);
  console.log(`serve RSS: ${rssBefore} MB before, ${rssDuring} MB under load`);
  const p95 = pct(loaded, 95);
  console.log(p95 < 50 ? `OK: p95 ${p95.toFixed(2)} ms < 50 ms` : `SLOW: p95 ${p95.toFixed(2)} ms >= 50 ms`);
  process.exit(0);
}

void main();
