// UI end-to-end suite: a fresh code-server with the packaged .vsix installed and a copy of examples/customer-card
// open, driven through headless Chromium like a person would. Every step asserts what is on screen; screenshots
// are saved as artifacts. Prints "N passed, N failed"; exit code 1 if any step failed.
// usage: node test/e2e/ui-e2e.mjs <al-session-lab.vsix> <workspace-template-dir> [artifact-dir]
import fs from 'node:fs';
import path from 'node:path';
import { makeProfile, installVsix, startServer, stopServer, launchBrowser, lapper } from './codeServer.mjs';
const { steps } = await import(process.env.E2E_STEPS_MODULE || './uiSteps.mjs');

const [vsix, wsTemplate, shots = '.e2e-artifacts'] = process.argv.slice(2);
if (!vsix || !wsTemplate) { console.error('usage: node test/e2e/ui-e2e.mjs <vsix> <workspace-dir> [artifact-dir]'); process.exit(2); }
const lap = lapper('ui ');
fs.mkdirSync(shots, { recursive: true });

const profile = makeProfile('ui-e2e');
const ws = path.join(profile.tmp, 'ws');
fs.cpSync(wsTemplate, ws, { recursive: true }); // steps edit files: never touch the template
installVsix(profile, vsix);
lap('vsix installed');
const { server, origin } = await startServer(profile, [ws]);
lap(`code-server listening on ${origin}`);

const ctx = await launchBrowser(path.join(profile.tmp, 'chromium'), { viewport: { width: 1400, height: 900 } });
ctx.setDefaultTimeout(+(process.env.E2E_STEP_TIMEOUT_MS || 30000));
const page = ctx.pages()[0] || await ctx.newPage();
page.on('pageerror', (e) => { if (process.env.VERBOSE) console.error('[pageerror]', String(e).slice(0, 300)); });

const t = { page, ws, shots, origin, lap, screenshot: (name) => page.screenshot({ path: path.join(shots, `${name}.png`) }) };
let passed = 0, failed = 0, skipping = false;
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : undefined;
try {
  await page.goto(`${origin}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90000 });
  lap('workbench loaded');
  for (const step of steps) {
    if (only && !only.test(step.name) && !step.always) continue;
    if (skipping) { failed++; console.log(`  - ${step.name}: not run (an earlier step failed)`); continue; }
    const s0 = Date.now();
    try {
      await step.run(t);
      passed++;
      console.log(`  ✔ ${step.name} (${((Date.now() - s0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.log(`  ✘ ${step.name}: ${String(e.message || e).split('\n').slice(0, 3).join(' | ')}`);
      await t.screenshot(`failure-${step.name.replace(/\W+/g, '-')}`).catch(() => {});
      // Later steps build on earlier ones (an open file, a running debugger), so they are not run after a failure.
      skipping = true;
    }
  }
} catch (e) {
  failed++;
  console.log(`  ✘ workbench: ${String(e.message || e).split('\n')[0]}`);
  await t.screenshot('failure-workbench').catch(() => {});
} finally {
  await ctx.close().catch(() => {});
  stopServer(server);
  if (failed === 0 && !process.env.KEEP) fs.rmSync(profile.tmp, { recursive: true, force: true });
  else console.error(`kept ${profile.tmp} (server.log, workspace copy)`);
}
lap(`screenshots in ${path.resolve(shots)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
