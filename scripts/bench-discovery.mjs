// Benchmark: Test Explorer discovery through a real LSP client against dist/server.js: time from `initialized` to the
// alSessionLab/tests answer (indexing included), the server's own collection time, and the time from a test edit to
// its alSessionLab/testsChanged notification (debounce included).
// Usage: npm run bench:discovery -- DIR [--edits N]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const edits = Number(args[args.indexOf('--edits') + 1]) || 5;
if (!dir) {
  console.error('usage: npm run bench:discovery -- DIR [--edits N]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const proc = spawn(process.execPath, ['--max-old-space-size=4096', join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
conn.onRequest('window/workDoneProgress/create', () => null);
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
let onChanged = () => {};
conn.onNotification('alSessionLab/testsChanged', (p) => onChanged(p));
conn.listen();
const uri = pathToFileURL(resolve(dir)).href;
await conn.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }], capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } } });
const t0 = performance.now();
await conn.sendNotification('initialized', {});
const r = await conn.sendRequest('alSessionLab/tests', {});
const first = performance.now() - t0;
const tests = r.files.reduce((n, f) => n + f.codeunits.reduce((m, c) => m + c.tests.length, 0), 0);
const codeunits = r.files.reduce((n, f) => n + f.codeunits.length, 0);
const apps = new Set(r.files.map((f) => f.app.key)).size;
const bytes = JSON.stringify(r).length;
const t1 = performance.now();
const again = await conn.sendRequest('alSessionLab/tests', {});
const warm = performance.now() - t1;
console.log(`discovery: ${tests} tests in ${codeunits} codeunits, ${apps} app(s), ${r.files.length} files`);
console.log(`  first answer after initialized (indexing included): ${first.toFixed(0)} ms; server collection ${r.ms} ms; answer ${(bytes / 1024).toFixed(0)} KB`);
console.log(`  again (indexed): ${warm.toFixed(1)} ms round trip; server ${again.ms} ms`);

// Edits: add a [Test] procedure to the largest test file, time to its notification.
const biggest = r.files.slice().sort((a, b) => b.codeunits[0].tests.length - a.codeunits[0].tests.length)[0];
if (biggest) {
  const file = fileURLToPath(biggest.uri);
  const text = readFileSync(file, 'utf8');
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: biggest.uri, languageId: 'al', version: 1, text } });
  const times = [];
  for (let i = 1; i <= edits; i++) {
    const at = text.lastIndexOf('}');
    const edited = `${text.slice(0, at)}    [Test]\n    procedure BenchAdded${i}()\n    begin\n    end;\n${text.slice(at)}`;
    const got = new Promise((res) => { onChanged = (p) => { if (p.files.some((f) => f.uri === biggest.uri && JSON.stringify(f).includes(`BenchAdded${i}`))) res(); }; });
    const s = performance.now();
    conn.sendNotification('textDocument/didChange', { textDocument: { uri: biggest.uri, version: i + 1 }, contentChanges: [{ text: edited }] });
    await got;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`  edit -> testsChanged (150 ms debounce included), ${edits} edits of ${file.split('/').pop()}: median ${times[times.length >> 1].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
}
await conn.sendRequest('shutdown');
conn.sendNotification('exit');
conn.dispose();
proc.kill();
