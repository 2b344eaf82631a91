// `npm run test:e2e`: everything the real-VS-Code tests need, from a fresh machine: installs the tools (cached
// outside the repo), packages the .vsix, runs the integration suite (mocha in the extension host) and the UI suite
// (Playwright against code-server with the .vsix installed). Prints each part's "N passed, N failed", the timings,
// and a total line; exits 1 if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const T0 = Date.now();
const secs = (t) => ((Date.now() - t) / 1000).toFixed(1);
const artifacts = path.join(root, '.e2e-artifacts');
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
// Screenshots of this run only: an old failure picture must not be mistaken for a new one.
fs.rmSync(artifacts, { recursive: true, force: true });

// 1. Tools. install.sh prints `export NAME=value` lines; apply them to this process's environment.
let t = Date.now();
const install = spawnSync('bash', [path.join('test', 'e2e', 'install.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (install.status !== 0) { console.error('e2e: installing the tools failed'); console.log('0 passed, 1 failed'); process.exit(1); }
for (const line of install.stdout.split('\n')) {
  for (const m of line.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
    process.env[m[1]] = m[2].replace(/^"|"$/g, '').replace('$PATH', process.env.PATH ?? '');
  }
}
console.error(`e2e: tools ready in ${secs(t)} s (code-server ${process.env.CODE_SERVER})`);

// 2. The .vsix, from the bundles only.
t = Date.now();
const pkg = spawnSync('npm', ['run', '--silent', 'package'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (pkg.status !== 0) { console.error(pkg.stdout, pkg.stderr); console.log('0 passed, 1 failed'); process.exit(1); }
const vsix = path.join(root, 'al-session-lab.vsix');
const size = fs.statSync(vsix).size;
console.error(`e2e: packaged ${path.basename(vsix)}: ${(size / 1024).toFixed(0)} KB in ${secs(t)} s`);

/** Runs a suite, echoing its output, and reads its "N passed, N failed" line. */
function suite(name, args) {
  return new Promise((resolve) => {
    const s0 = Date.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('exit', (code) => {
      const m = [...out.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
      const passed = m ? +m[1] : 0;
      const failed = m ? +m[2] : 1;
      resolve({ name, passed, failed: code !== 0 && failed === 0 ? 1 : failed, seconds: secs(s0) });
    });
  });
}

const results = [];
results.push({ name: 'vsix size < 2 MB', passed: size < MAX_VSIX_BYTES ? 1 : 0, failed: size < MAX_VSIX_BYTES ? 0 : 1, seconds: '0.0' });
results.push(await suite('integration (extension host)', [path.join('test', 'vscode', 'runTest.mjs')]));
results.push(await suite('UI (Playwright)', [path.join('test', 'e2e', 'ui-e2e.mjs'), vsix, path.join('examples', 'customer-card'), artifacts]));

console.log('\ne2e summary:');
for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
const passed = results.reduce((a, r) => a + r.passed, 0), failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`screenshots: ${fs.existsSync(artifacts) ? fs.readdirSync(artifacts).filter((f) => f.endsWith('.png')).join(', ') : 'none'}`);
console.log(`e2e took ${secs(T0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
