// Configuration: JSON with comments, rulesets with includes, app.json suppressWarnings, settings fallbacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { parseJsonc } from '../../../src/analysis/config/jsonc';
import { loadRuleSet, RuleSetError } from '../../../src/analysis/config/ruleset';
import { effectiveAction, loadFolderConfig } from '../../../src/analysis/config/lintConfig';
import { decodeAlFile } from '../../../src/analysis/files';
import { LineMap } from '../../../src/syntax';
import { isSuppressed, parsePragma } from '../../../src/analysis/pragmas';

function memFs(files: Record<string, string>) {
  const abs = new Map(Object.entries(files).map(([k, v]) => [resolve(k), v]));
  return { readFile: (p: string) => abs.get(resolve(p)) };
}

test('parseJsonc strips comments and trailing commas but not inside strings', () => {
  assert.deepEqual(parseJsonc('{ // c\n "a": "x // y", /* z */ "b": [1, 2,], }'), { a: 'x // y', b: [1, 2] });
});

test('ruleset: own rules win over includes, include action overrides, generalAction applies to the rest', () => {
  const fs = memFs({
    '/ws/main.ruleset.json': JSON.stringify({ name: 'm', generalAction: 'Info', includedRuleSets: [{ path: 'base.ruleset.json', action: 'Error' }], rules: [{ id: 'BG0002', action: 'None' }] }),
    '/ws/base.ruleset.json': JSON.stringify({ rules: [{ id: 'BG0001', action: 'Warning' }, { id: 'BG0002', action: 'Warning' }] }),
  });
  const rs = loadRuleSet('/ws/main.ruleset.json', fs);
  const config = { ruleSet: rs, suppressWarnings: new Set<string>(), overrides: new Map(), problems: [] };
  assert.equal(effectiveAction('BG0001', 'warning', config), 'error');
  assert.equal(effectiveAction('BG0002', 'warning', config), 'none');
  assert.equal(effectiveAction('BG0005', 'error', config), 'info');
});

test('ruleset errors: cycles, missing files, unknown actions', () => {
  const fs = memFs({
    '/r/a.ruleset.json': JSON.stringify({ includedRuleSets: [{ path: 'b.ruleset.json' }] }),
    '/r/b.ruleset.json': JSON.stringify({ includedRuleSets: [{ path: 'a.ruleset.json' }] }),
    '/r/bad.ruleset.json': JSON.stringify({ rules: [{ id: 'BG0001', action: 'Loud' }] }),
  });
  assert.throws(() => loadRuleSet('/r/a.ruleset.json', fs), RuleSetError);
  assert.throws(() => loadRuleSet('/r/missing.ruleset.json', fs), /not found/);
  assert.throws(() => loadRuleSet('/r/bad.ruleset.json', fs), /unknown action 'Loud'/);
});

test('folder config: app.json suppressWarnings and al.ruleSetPath from .vscode/settings.json', () => {
  const fs = memFs({
    '/w/app.json': '{ "suppressWarnings": ["bg0007"] }',
    '/w/.vscode/settings.json': '{\n // comment\n "al.ruleSetPath": "${workspaceFolder}/team.ruleset.json",\n}',
    '/w/team.ruleset.json': '{ "rules": [ { "id": "BG0003", "action": "Error" } ] }',
  });
  const c = loadFolderConfig('/w', fs);
  assert.deepEqual(c.problems, []);
  assert.equal(effectiveAction('BG0007', 'info', c), 'none');
  assert.equal(effectiveAction('BG0003', 'warning', c), 'error');
  c.overrides.set('BG0003', 'info');
  assert.equal(effectiveAction('BG0003', 'warning', c), 'info');
  const bad = loadFolderConfig('/w', fs, '/w/nope.json');
  assert.match(bad.problems[0], /not found/);
  assert.throws(() => loadFolderConfig('/w', fs, '/w/nope.json', true), /not found/);
});

test('pragmas: disable/restore regions by id and for all ids', () => {
  const text = '#pragma warning disable BG0001, BG0002 // why';
  const d = parsePragma(text, 10, 10 + text.length)!;
  assert.deepEqual(d.ids, ['BG0001', 'BG0002']);
  const list = [d, parsePragma('#pragma warning restore BG0001', 100, 130)!, parsePragma('#pragma warning disable', 200, 223)!];
  assert.equal(isSuppressed(list, 'BG0001', 50), true);
  assert.equal(isSuppressed(list, 'BG0001', 150), false);
  assert.equal(isSuppressed(list, 'BG0002', 150), true);
  assert.equal(isSuppressed(list, 'BG0009', 5), false);
  assert.equal(isSuppressed(list, 'BG0009', 250), true);
  assert.equal(parsePragma('#pragma implicitwith disable', 0, 10), undefined);
});

test('file decoding: BOMs, UTF-16, binary, size limit, legacy 8-bit', () => {
  assert.deepEqual(decodeAlFile(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), { ok: true, text: 'a', encoding: 'utf8bom' });
  const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('table 1 X {}', 'utf16le')]);
  assert.equal((decodeAlFile(u16) as { text: string }).text, 'table 1 X {}');
  assert.equal(decodeAlFile(Buffer.from([0x61, 0x00, 0x62])).ok, false);
  assert.match((decodeAlFile(Buffer.alloc(20, 0x61), 10) as { reason: string }).reason, /over the/);
  assert.equal((decodeAlFile(Buffer.from([0x27, 0xe9, 0x27])) as { encoding: string }).encoding, 'latin1');
});

test('LineMap converts both ways, CRLF included', () => {
  const m = new LineMap('ab\r\ncd\nef');
  assert.deepEqual(m.position(5), { line: 1, character: 1 });
  assert.equal(m.offset(2, 1), 8);
});
