// The whole-workspace pass (on the analysis worker, or on the server thread in slices) is given up when an edit lands
// during it: a burst of edits with no debounce (passes start and are overtaken again and again) must still end with the diagnostics of the last text, through a
// real LSP client against dist/server.js, with the pass on the analysis worker and on the server thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lspClient';

const example = resolve(__dirname, '..', '..', 'examples', 'customer-card');

for (const mode of ['analysis worker', 'server thread'] as const) {
test(`language server (${mode}): a burst of edits overtaking whole-workspace passes converges on the last text`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-burst-'));
  cpSync(example, dir, { recursive: true });
  const s = await startServer(dir, { debounceMs: 0, analysisThread: mode === 'analysis worker' ? 'worker' : 'thread' });
  try {
    await s.progressEnded;
    const extUri = pathToFileURL(join(dir, 'src', 'CustomerCardExt.PageExt.al')).href;
    const cuPath = join(dir, 'src', 'PBTWaitCodeunit.Codeunit.al');
    const cuUri = pathToFileURL(cuPath).href;
    const withResult = readFileSync(cuPath, 'utf8');
    const without = withResult.replace('Page.SetBackgroundTaskResult(Result);', '');
    assert.notEqual(without, withResult);
    await s.waitForDiagnostics(extUri, (d) => !d.some((x) => x.code === 'BG0010'));
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: cuUri, languageId: 'al', version: 1, text: withResult } });
    // 41 edits without waiting: the last one removes SetBackgroundTaskResult, so BG0010 must end up on the page.
    for (let v = 2; v <= 42; v++) {
      await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: cuUri, version: v }, contentChanges: [{ text: v % 2 ? withResult : without }] });
      // A few milliseconds apart, so passes start between edits and are overtaken by the next one.
      await new Promise((r) => setTimeout(r, v % 3));
    }
    await s.waitForDiagnostics(extUri, (d) => d.some((x) => x.code === 'BG0010'));
    // And back: one more edit restores the call; the finding goes away.
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: cuUri, version: 43 }, contentChanges: [{ text: withResult }] });
    await s.waitForDiagnostics(extUri, (d) => !d.some((x) => x.code === 'BG0010'));
    assert.ok(!s.logs.some((l) => /analysis failed/.test(l)), s.logs.join('\n'));
    assert.ok(s.logs.some((l) => /full analysis: abandoned/.test(l)), 'some pass was overtaken by an edit (otherwise this test does not test it)');
    // The passes ran where this mode says.
    assert.ok(s.logs.some((l) => l.startsWith('full analysis: ') && l.endsWith(`(${mode})`)), s.logs.filter((l) => l.startsWith('full analysis')).join('\n'));
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
}
