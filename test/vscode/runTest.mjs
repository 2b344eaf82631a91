// Runs the integration suite (test/vscode/) in a real VS Code with @vscode/test-electron.
// Where VS Code can be downloaded this is desktop VS Code; set VSCODE_EXECUTABLE_PATH to use an installed one.
// Where it cannot (these machines), CODE_SERVER set (see test/e2e/install.sh) runs it in code-server through
// test/e2e/code-shim.sh. The suite is compiled with esbuild into out/test/vscode/ first; the workspace is a copy
// of examples/customer-card so tests may edit files.
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'out', 'test', 'vscode');
fs.rmSync(out, { recursive: true, force: true });
const suiteFiles = fs.readdirSync(path.join(root, 'test', 'vscode', 'suite')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/vscode/suite/${f}`);
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['test/vscode/index.ts', ...suiteFiles],
  outbase: 'test/vscode',
  outdir: out,
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline',
  external: ['vscode', 'mocha'], logLevel: 'warning',
});

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'al-ws-'));
fs.cpSync(path.join(root, 'examples', 'customer-card'), ws, { recursive: true });

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
if (!vscodeExecutablePath && process.env.CODE_SERVER) vscodeExecutablePath = path.join(root, 'test', 'e2e', 'code-shim.sh');
const started = Date.now();
let code = 0;
try {
  await runTests({
    ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(out, 'index.js'),
    launchArgs: [ws, '--disable-extensions'],
    extensionTestsEnv: { AL_SESSION_LAB_TEST_WS: ws },
  });
} catch (err) {
  console.error(`integration suite failed: ${err instanceof Error ? err.message : err}`);
  code = 1;
} finally {
  fs.rmSync(ws, { recursive: true, force: true });
}
console.error(`integration suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
