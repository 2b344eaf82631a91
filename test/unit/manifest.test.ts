// Tests of the extension manifest's declarative parts: language, grammar, snippets, breakpoints, debugger schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('the al language is declared for .al files with its configuration', () => {
  const al = pkg.contributes.languages.find((l: any) => l.id === 'al');
  assert.ok(al, 'language al');
  assert.deepEqual(al.extensions, ['.al']);
  const config = JSON.parse(readFileSync(join(root, al.configuration), 'utf8'));
  assert.equal(config.comments.lineComment, '//');
  assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
  assert.ok(config.brackets.some((b: string[]) => b[0] === 'begin' && b[1] === 'end'));
  const word = new RegExp(config.wordPattern);
  assert.equal('x := "Sales Header".Get'.match(new RegExp(config.wordPattern, 'g'))?.[1], '"Sales Header"');
  assert.ok(word.test('Customer'));
});

test('every contributed file exists', () => {
  for (const g of pkg.contributes.grammars) assert.ok(existsSync(join(root, g.path)), g.path);
  for (const s of pkg.contributes.snippets) assert.ok(existsSync(join(root, s.path)), s.path);
  for (const d of pkg.contributes.debuggers) assert.ok(d.program.startsWith('./dist/'), d.program);
});

test('breakpoints are enabled for al and the debugger speaks the AL attach vocabulary', () => {
  assert.deepEqual(pkg.contributes.breakpoints, [{ language: 'al' }]);
  const dbg = pkg.contributes.debuggers.find((d: any) => d.type === 'al-session-lab');
  const attach = dbg.configurationAttributes.attach.properties;
  assert.deepEqual(attach.breakOnNext.enum, ['WebClient', 'Background', 'PageBackgroundTask', 'Any']);
  assert.deepEqual(attach.breakOnRecordWrite.enum, ['None', 'All', 'ExcludeTemporary']);
  assert.ok(attach.breakOnError.enum.includes('ExcludeTry'));
  assert.ok(attach.sessionId && attach.userId && attach.port && attach.token);
  // "Create a launch.json" writes the provider's one configuration: none declared here too (it was written twice).
  assert.equal(dbg.initialConfigurations, undefined);
  // F5 from app.json attaches in AL workspaces (no "JSON debugger" prompt), offered only there.
  assert.deepEqual([dbg.languages, dbg.when], [['al', 'json', 'jsonc'], 'alSessionLab.alWorkspace']);
  assert.ok(dbg.configurationSnippets.length >= 3);
});

test('the CLI binary is declared', () => {
  assert.equal(pkg.bin['al-session-lab'], './bin/al-session-lab.js');
});
