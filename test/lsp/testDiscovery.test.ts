// Test discovery through a real LSP client against dist/server.js: alSessionLab/tests groups [Test] procedures by app
// with the procedure name's range, and alSessionLab/testsChanged follows edits, new files and deleted files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lspClient';
import { TESTS_CHANGED_NOTIFICATION, TESTS_REQUEST, type TestsChangedParams, type TestsResult } from '../../src/protocol/testDiscovery';

const testCodeunit = (id: number, name: string, procs: string[]) => `codeunit ${id} "${name}"
{
    Subtype = Test;
    RequiredTestIsolation = Disabled;

    trigger OnRun()
    begin
    end;

${procs.map((p) => `    [Test]
    procedure ${p}()
    begin
    end;
`).join('\n')}
    procedure NotATest()
    begin
    end;
}
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alsl-tests-'));
  writeFileSync(join(dir, 'app.json'), JSON.stringify({ id: 'aaaa-main', name: 'Main App', publisher: 'p', version: '1.0.0.0' }));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'Thing.Codeunit.al'), 'codeunit 50100 Thing\n{\n    procedure Run()\n    begin\n    end;\n}\n');
  mkdirSync(join(dir, 'test', 'src'), { recursive: true });
  writeFileSync(join(dir, 'test', 'app.json'), JSON.stringify({ id: 'bbbb-test', name: 'Main App Tests', publisher: 'p', version: '1.0.0.0' }));
  writeFileSync(join(dir, 'test', 'src', 'First.Codeunit.al'), testCodeunit(50200, 'First Tests', ['Alpha', 'Beta']));
  writeFileSync(join(dir, 'test', 'src', 'Runner.Codeunit.al'), 'codeunit 50299 "Test Runner"\n{\n    Subtype = TestRunner;\n    TestIsolation = Disabled;\n}\n');
  // A test codeunit of the main app (no nested app.json above it).
  writeFileSync(join(dir, 'src', 'Inline.Codeunit.al'), testCodeunit(50110, 'Inline Tests', ['Gamma']));
  return dir;
}

test('alSessionLab/tests: apps, codeunits, [Test] procedures with ranges, runners; changes are notified', async () => {
  const dir = workspace();
  const s = await startServer(dir);
  try {
    const r = await s.conn.sendRequest<TestsResult>(TESTS_REQUEST, {});
    const byName = new Map(r.files.flatMap((f) => f.codeunits.map((c) => [c.name, { f, c }] as const)));
    assert.deepEqual([...byName.keys()].sort(), ['First Tests', 'Inline Tests']);
    const first = byName.get('First Tests')!;
    assert.equal(first.f.app.name, 'Main App Tests');
    assert.equal(first.f.app.key, 'bbbb-test');
    assert.equal(first.f.app.folder, pathToFileURL(join(dir, 'test')).href);
    assert.equal(first.c.id, 50200);
    assert.equal(first.c.requiredTestIsolation, 'Disabled');
    // Only [Test] procedures, in source order; NotATest and OnRun are not tests.
    assert.deepEqual(first.c.tests.map((t) => t.name), ['Alpha', 'Beta']);
    // `    procedure Alpha()` is line 10 (0-based); the name starts at character 14.
    assert.deepEqual(first.c.tests[0].selectionRange, { start: { line: 10, character: 14 }, end: { line: 10, character: 19 } });
    assert.equal(first.c.tests[0].range.start.line, 9, 'the whole procedure starts at its [Test] attribute or its keyword');
    assert.equal(byName.get('Inline Tests')!.f.app.name, 'Main App');
    assert.deepEqual(r.runners.map((x) => [x.id, x.name, x.testIsolation]), [[50299, 'Test Runner', 'Disabled']]);

    // Editing an open document: a new test appears (notified, not polled).
    const uri = pathToFileURL(join(dir, 'test', 'src', 'First.Codeunit.al')).href;
    const changed = (pred: (p: TestsChangedParams) => boolean) => new Promise<TestsChangedParams>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no matching testsChanged notification within 10 s')), 10000);
      const d = s.conn.onNotification(TESTS_CHANGED_NOTIFICATION, (p: TestsChangedParams) => {
        if (!pred(p)) return;
        clearTimeout(t);
        d.dispose();
        resolve(p);
      });
    });
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'al', version: 1, text: testCodeunit(50200, 'First Tests', ['Alpha', 'Beta']) } });
    const added = changed((p) => p.files.some((f) => f.uri === uri));
    s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: testCodeunit(50200, 'First Tests', ['Alpha', 'Beta', 'Delta']) }] });
    const p1 = await added;
    assert.deepEqual(p1.files.find((f) => f.uri === uri)!.codeunits[0].tests.map((t) => t.name), ['Alpha', 'Beta', 'Delta']);

    // A new test codeunit on disk (a watched-file event).
    const newFile = join(dir, 'test', 'src', 'Second.Codeunit.al');
    writeFileSync(newFile, testCodeunit(50201, 'Second Tests', ['One']));
    const newUri = pathToFileURL(newFile).href;
    const created = changed((p) => p.files.some((f) => f.uri === newUri));
    s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: newUri, type: 1 }] });
    const p2 = await created;
    assert.equal(p2.files.find((f) => f.uri === newUri)!.codeunits[0].name, 'Second Tests');

    // The file is deleted: it is sent with no codeunits.
    rmSync(newFile);
    const removed = changed((p) => p.files.some((f) => f.uri === newUri));
    s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: newUri, type: 3 }] });
    const p3 = await removed;
    assert.deepEqual(p3.files.find((f) => f.uri === newUri)!.codeunits, []);

    // An edit that does not touch tests (a body) sends nothing for that file: the next notification is the runner's removal.
    const inlineFile = join(dir, 'test', 'src', 'Runner.Codeunit.al');
    rmSync(inlineFile);
    const runnerGone = changed((p) => p.runners.length === 0);
    s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(inlineFile).href, type: 3 }] });
    const p4 = await runnerGone;
    assert.deepEqual(p4.files, []);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
