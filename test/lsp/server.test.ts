// The language server through a real LSP client (vscode-languageserver-protocol over stdio) against dist/server.js:
// indexing with progress, cross-file incremental diagnostics, quick fixes, hovers, definitions, settings, bad files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Hover, Location, TextEdit } from 'vscode-languageserver-protocol/node';
import { startServer } from '../helpers/lspClient';

const example = resolve(__dirname, '..', '..', 'examples', 'customer-card');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-lsp-'));
  cpSync(example, dir, { recursive: true });
  // A list page enqueueing per row, so the workspace has a BG0002 to fix.
  writeFileSync(
    join(dir, 'src', 'CustomerList.Page.al'),
    `page 50120 "Customer Task List"
{
    PageType = List;
    SourceTable = Customer;

    layout
    {
        area(Content)
        {
            repeater(Lines)
            {
                field(Name; Rec.Name) { }
            }
        }
    }

    var
        ListTaskId: Integer;

    trigger OnAfterGetRecord()
    begin
        CurrPage.EnqueueBackgroundTask(ListTaskId, Codeunit::PBTWaitCodeunit);
    end;

    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        if TaskId <> ListTaskId then
            exit;
    end;
}
`,
  );
  return dir;
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => lines.slice(0, l).reduce((n, s) => n + s.length + 1, 0) + c;
  const sorted = edits.map((e) => ({ s: offset(e.range.start.line, e.range.start.character), e: offset(e.range.end.line, e.range.end.character), t: e.newText })).sort((a, b) => b.s - a.s);
  for (const e of sorted) text = text.slice(0, e.s) + e.t + text.slice(e.e);
  return text;
}

test('language server: diagnostics, quick fix, cross-file updates, hover, definition, bad files', async () => {
  const dir = workspace();
  const s = await startServer(dir);
  try {
    await s.progressEnded;
    const listUri = pathToFileURL(join(dir, 'src', 'CustomerList.Page.al')).href;
    const diags = await s.waitForDiagnostics(listUri, (d) => d.some((x) => x.code === 'BG0002'));
    const bg2 = diags.find((d) => d.code === 'BG0002')!;
    assert.match(String(bg2.message), /OnAfterGetRecord/);
    assert.ok(!!bg2.codeDescription?.href.endsWith('/docs/rules/BG0002.md'), bg2.codeDescription?.href);

    // The seed example (card page extension, OnAfterGetRecord) has no BG0002.
    const extUri = pathToFileURL(join(dir, 'src', 'CustomerCardExt.PageExt.al')).href;
    const extDiags = s.diagnostics.get(extUri) ?? [];
    assert.ok(!extDiags.some((d) => d.code === 'BG0002'), JSON.stringify(extDiags));

    // Quick fix through codeAction, applied as an edit of the open document; the diagnostic goes away.
    let listText = readFileSync(join(dir, 'src', 'CustomerList.Page.al'), 'utf8');
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: listUri, languageId: 'al', version: 1, text: listText } });
    const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: listUri }, range: bg2.range, context: { diagnostics: [bg2] } })) as CodeAction[];
    const move = actions.find((a) => /OnAfterGetCurrRecord/.test(a.title));
    assert.ok(move?.edit?.changes?.[listUri], JSON.stringify(actions));
    listText = applyTextEdits(listText, move.edit.changes[listUri]);
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: listUri, version: 2 }, contentChanges: [{ text: listText }] });
    await s.waitForDiagnostics(listUri, (d) => !d.some((x) => x.code === 'BG0002'));

    // Editing the background codeunit updates the page that enqueues it: without SetBackgroundTaskResult -> BG0010.
    const cuPath = join(dir, 'src', 'PBTWaitCodeunit.Codeunit.al');
    const cuUri = pathToFileURL(cuPath).href;
    const cuText = readFileSync(cuPath, 'utf8');
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: cuUri, languageId: 'al', version: 1, text: cuText } });
    const noResult = cuText.replace('Page.SetBackgroundTaskResult(Result);', '');
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: cuUri, version: 2 }, contentChanges: [{ text: noResult }] });
    await s.waitForDiagnostics(extUri, (d) => d.some((x) => x.code === 'BG0010'));
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: cuUri, version: 3 }, contentChanges: [{ text: cuText }] });
    await s.waitForDiagnostics(extUri, (d) => !d.some((x) => x.code === 'BG0010'));

    // Hover on EnqueueBackgroundTask computes the effective timeout.
    const extText = readFileSync(join(dir, 'src', 'CustomerCardExt.PageExt.al'), 'utf8');
    const lines = extText.split('\n');
    const line = lines.findIndex((l) => l.includes('CurrPage.EnqueueBackgroundTask'));
    const col = lines[line].indexOf('EnqueueBackgroundTask') + 3;
    const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: extUri }, position: { line, character: col } })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /10000 ms; none given means 2 min; more than 10 min is capped/);
    assert.match(md, /ErrorLevel: Warning/);

    // Go to definition from the codeunit argument lands on the codeunit's OnRun.
    const actionLine = lines.findIndex((l) => l.includes('StartSession(BackgroundSessionId'));
    const argCol = lines[actionLine].indexOf('"Block All Customers"') + 2;
    const def = (await s.conn.sendRequest('textDocument/definition', { textDocument: { uri: extUri }, position: { line: actionLine, character: argCol } })) as Location;
    assert.ok(def.uri.endsWith('BlockAllCustomers.Codeunit.al'), def.uri);
    const defLine = readFileSync(join(dir, 'src', 'BlockAllCustomers.Codeunit.al'), 'utf8').split('\n')[def.range.start.line];
    assert.match(defLine, /trigger OnRun/);

    // A binary document is refused with a diagnostic; the server keeps answering.
    const binUri = pathToFileURL(join(dir, 'src', 'Broken.al')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: binUri, languageId: 'al', version: 1, text: 'codeunit 1 X\u0000\u0001{' } });
    const bin = await s.waitForDiagnostics(binUri, (d) => d.length > 0);
    assert.match(String(bin[0].message), /binary/);
    // Text that is not AL at all parses with errors but crashes nothing.
    const junkUri = pathToFileURL(join(dir, 'src', 'Junk.al')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: junkUri, languageId: 'al', version: 1, text: '}}}} begin end; ((( trigger' } });
    await s.waitForDiagnostics(listUri, () => true);
    const again = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: extUri }, position: { line, character: col } })) as Hover;
    assert.ok(again);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('language server settings: alSessionLab.rules turns a rule off; al.ruleSetPath is the fallback', async () => {
  const dir = workspace();
  writeFileSync(join(dir, 'strict.ruleset.json'), JSON.stringify({ name: 'strict', rules: [{ id: 'BG0002', action: 'Error' }] }));
  const s = await startServer(dir, { rules: { BG0012: 'none' }, __al: { ruleSetPath: join(dir, 'strict.ruleset.json') } });
  try {
    await s.progressEnded;
    const listUri = pathToFileURL(join(dir, 'src', 'CustomerList.Page.al')).href;
    const d = await s.waitForDiagnostics(listUri, (x) => x.some((y) => y.code === 'BG0002'));
    assert.equal(d.find((x) => x.code === 'BG0002')!.severity, 1);
    const extUri = pathToFileURL(join(dir, 'src', 'CustomerCardExt.PageExt.al')).href;
    assert.ok(!(s.diagnostics.get(extUri) ?? []).some((x) => x.code === 'BG0012'));
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
