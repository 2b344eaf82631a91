// Shared helpers of the real-VS-Code suites: a code-server on a free loopback port with throw-away user data,
// extensions and config folders, and a fresh headless Chromium profile. Used by run-ext-tests.mjs and ui-e2e.mjs.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

export const CODE_SERVER = process.env.CODE_SERVER || 'code-server';
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** User settings that keep the web workbench quiet and deterministic (see test/e2e/README.md, "Things that bite"). */
export const USER_SETTINGS = {
  'files.autoSave': 'off', 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden', 'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
  'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

export function lapper(prefix = '') {
  const t0 = Date.now();
  return (m) => console.error(`[${prefix}${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
}

/** Temporary folders for one code-server run, with user settings written. */
export function makeProfile(name, settings = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const dataDir = path.join(tmp, 'data'), extDir = path.join(tmp, 'ext');
  fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const args = ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', dataDir, '--extensions-dir', extDir, '--config', path.join(tmp, 'config.yaml')];
  return { tmp, dataDir, extDir, args };
}

export function installVsix(profile, vsix) {
  execFileSync(CODE_SERVER, [...profile.args, '--install-extension', path.resolve(vsix)], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Starts code-server; resolves once it listens. The process group is killed by stopServer. */
export async function startServer(profile, extraArgs, { startTimeoutMs = 90000 } = {}) {
  const port = await freePort();
  const server = spawn(CODE_SERVER, [...profile.args, '--bind-addr', `127.0.0.1:${port}`, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: process.env });
  const logFile = path.join(profile.tmp, 'server.log');
  const log = fs.createWriteStream(logFile);
  server.stdout.pipe(log); server.stderr.pipe(log);
  await new Promise((resolve, reject) => {
    const to = setTimeout(() => reject(new Error(`code-server did not start within ${startTimeoutMs / 1000} s (log: ${logFile})`)), startTimeoutMs);
    server.stdout.on('data', (d) => { if (/HTTP server listening/.test(d)) { clearTimeout(to); resolve(); } });
    server.on('exit', (c) => { clearTimeout(to); reject(new Error(`code-server exited ${c} (log: ${logFile})`)); });
  });
  return { server, port, origin: `http://127.0.0.1:${port}`, logFile };
}

export function stopServer(server) {
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
}

/** A fresh headless Chromium profile per run: breakpoints and editor state live in the browser's storage. */
export function launchBrowser(userDataDir, opts = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...opts,
  });
}
