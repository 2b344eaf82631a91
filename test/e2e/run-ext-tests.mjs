// Runs the extension's integration tests (mocha inside the extension host, test/vscode/) in code-server's real
// Node extension host, driven by headless Chromium. Exits with the tests' exit code.
// Accepts VS Code's own command-line shape (what @vscode/test-electron passes to vscodeExecutablePath):
//   [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [other flags, ignored]
// and the short form: --ext DIR --tests FILE --ws FOLDER
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { makeProfile, startServer, stopServer, launchBrowser, lapper } from './codeServer.mjs';

const argv = process.argv.slice(2), opt = {}, positional = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (!a.startsWith('--')) { positional.push(a); continue; }
  const [k, v] = a.includes('=') ? [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a.slice(2), undefined];
  if (['ext', 'tests', 'ws', 'extensionDevelopmentPath', 'extensionTestsPath'].includes(k)) opt[k] = v ?? argv[++i];
}
const ext = path.resolve(opt.extensionDevelopmentPath || opt.ext);
const tests = path.resolve(opt.extensionTestsPath || opt.tests);
const wsArg = opt.ws || positional[0];
const ws = wsArg ? path.resolve(wsArg) : undefined;
const timeoutMs = +(process.env.TEST_TIMEOUT_MS || 240000);
const lap = lapper('ext-tests ');

const profile = makeProfile('cs-test');
// Without enable-smoke-test-driver a built workbench ignores the payload's extensionDevelopmentPath/extensionTestsPath.
const { server, port } = await startServer(profile, ['--vscode-option', 'enable-smoke-test-driver', ...(ws ? [ws] : ['--ignore-last-opened'])]);
lap(`code-server up on ${port}`);

let browser;
const udd = path.join(profile.tmp, 'chromium');
let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  try { await browser?.close(); } catch { /* closing anyway */ }
  stopServer(server);
  if (code !== 0) lap(`server log kept at ${path.join(profile.tmp, 'server.log')}`);
  else fs.rmSync(profile.tmp, { recursive: true, force: true });
  lap(`exit ${code}`);
  process.exit(code);
}
setTimeout(() => { lap('TIMEOUT'); console.log('0 passed, 1 failed (timeout)'); finish(124); }, timeoutMs).unref();

browser = await launchBrowser(udd);
const page = browser.pages()[0] || await browser.newPage();
page.on('pageerror', (e) => console.error('[pageerror]', String(e)));
page.on('console', (m) => { if (process.env.VERBOSE) console.log('[console]', m.text()); });
// Workbench log and, in test mode, everything the extension host's console prints (mocha's reporter) arrive here.
const noise = new RegExp(process.env.LOG_NOISE || '^\\[(AgentHost|ChatModelSelection|AccountPolicyGate)\\]|ENOTFOUND|Timed out waiting for authentication provider|MCP|copilot|Chat');
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const text = util.format(...args);
  if (process.env.VERBOSE || !noise.test(text)) (type === 'error' ? console.error : console.log)(text);
});
await page.exposeFunction('codeAutomationExit', async (code) => { lap(`codeAutomationExit(${code})`); await finish(code); });

const authority = `127.0.0.1:${port}`;
const remote = (p) => `vscode-remote://${authority}${p}`;
const payload = [['extensionDevelopmentPath', remote(ext)], ['extensionTestsPath', remote(tests)], ['skipWelcome', 'true']];
const where = ws ? `folder=${encodeURIComponent(ws)}` : 'ew=true';
await page.goto(`http://${authority}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
lap('workbench loaded; waiting for the tests to finish');
