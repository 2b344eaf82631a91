// Drift test between the catalogue of AL built-ins (src/language/builtins) and its two readers: every method the
// runtime registers has a catalogue entry, the facts the rules use come from the catalogue, and no file of the
// analysis keeps a list of built-in method names of its own (a grep-level check). Each check is also run on a
// deliberately broken input, so a check that can no longer fail is caught here too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, builtinByKey, builtinsWith, type BuiltinEntry } from '../../src/language/builtins';
import { catalogueEntryOf, runtimeImplementations } from '../../src/runtime/interpreter/registries';

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (e.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Runtime registrations without a catalogue entry (`kind key`). */
function unlisted(impls: { kind: string | undefined; key: string; entry: BuiltinEntry | undefined }[]): string[] {
  return impls.filter((i) => !i.entry).map((i) => `${i.kind ?? 'system'} ${i.key}`);
}

/** Every word the catalogue knows as a receiver, a method name or a `receiver.method` key (lower case). */
function catalogueWords(): Set<string> {
  const c = catalogue();
  const words = new Set<string>(c.receivers);
  for (const e of c.entries) {
    words.add(e.key);
    words.add(e.name.toLowerCase());
  }
  words.add('currpage');
  return words;
}

/**
 * Lists of built-in names kept in source: three or more quoted words in a row (separated by commas or `: ...,`),
 * all of which the catalogue knows as receivers, method names or keys.
 */
function nameLists(text: string, words: Set<string>): string[] {
  const found: string[] = [];
  const re = /(?:'[A-Za-z][A-Za-z0-9.]*'\s*(?::\s*'[^']*'\s*)?,\s*){2,}'[A-Za-z][A-Za-z0-9.]*'/g;
  for (const m of text.matchAll(re)) {
    const names = [...m[0].matchAll(/'([A-Za-z][A-Za-z0-9.]*)'\s*(?::\s*'[^']*')?/g)].map((x) => x[1].toLowerCase());
    if (names.every((n) => words.has(n))) found.push(m[0].slice(0, 80));
  }
  return found;
}

/** Quoted `receiver.method` keys of the catalogue (`res.via === 'codeunit.run'` is a kind of resolution, not a name). */
function quotedKeys(text: string): string[] {
  text = text.replace(/via\s*[!=]==?\s*'codeunit\.run'/g, '');
  return [...text.matchAll(/'([a-z]+\.[a-z]+)'/g)].map((m) => m[1].toLowerCase()).filter((k) => builtinByKey(k) !== undefined);
}

test('the catalogue loads: every entry parses, keys and global names are unique', () => {
  const c = catalogue();
  assert.ok(c.entries.length > 1000, `only ${c.entries.length} entries`);
  for (const e of c.entries) assert.ok(e.overloads.length > 0, e.key);
  // The receivers the next issues work on are all there.
  for (const r of ['Record', 'RecordRef', 'FieldRef', 'KeyRef', 'Text', 'List', 'Dictionary', 'JsonObject', 'XmlDocument', 'HttpClient', 'Session', 'TaskScheduler', 'Page', 'Report', 'Query', 'XmlPort', 'Dialog', 'Database', 'Codeunit', 'Variant', 'Notification', 'ErrorInfo', 'SecretText', 'InStream', 'OutStream', 'Blob', 'TestPage']) {
    assert.ok(c.receivers.has(r.toLowerCase()), r);
  }
});

test('every method the runtime implements is in the catalogue', () => {
  assert.deepEqual(unlisted(runtimeImplementations()), []);
});

test('a runtime method missing from the catalogue is reported', () => {
  const impls = runtimeImplementations();
  // A method the runtime might add without its entry, and one whose entry was removed from the catalogue.
  const broken = [...impls, { kind: 'Record', key: 'frobnicate', entry: catalogueEntryOf('Record', 'frobnicate') }];
  const withoutInsert = impls.map((i) => (i.entry?.key === 'record.insert' ? { ...i, entry: undefined } : i));
  assert.deepEqual(unlisted(broken), ['Record frobnicate']);
  assert.deepEqual(unlisted(withoutInsert), ['Record insert']);
});

test('the rules read facts from the catalogue and keep no list of method names', () => {
  const words = catalogueWords();
  const offenders: string[] = [];
  for (const f of tsFiles(join('src', 'analysis'))) {
    for (const l of nameLists(readFileSync(f, 'utf8'), words)) offenders.push(`${f}: ${l}`);
  }
  assert.deepEqual(offenders, []);
  // The files behind BG0005/06/07/08 and the background facts name no built-in at all: they ask for facts.
  const factReaders = ['rules/BG0005.ts', 'rules/BG0006.ts', 'rules/BG0007.ts', 'rules/BG0008.ts', 'rules/backgroundUi.ts', 'rules/sessionReach.ts', 'facts.ts', 'model/instanceFlags.ts'];
  for (const f of factReaders) {
    const text = readFileSync(join('src', 'analysis', f), 'utf8');
    assert.deepEqual(quotedKeys(text), [], `${f} names built-ins instead of reading facts`);
  }
  for (const f of ['rules/BG0005.ts', 'rules/backgroundUi.ts', 'rules/sessionReach.ts', 'rules/BG0008.ts', 'facts.ts', 'model/resolve.ts']) {
    assert.match(readFileSync(join('src', 'analysis', f), 'utf8'), /from '\.\.(\/\.\.)?\/language\/builtins'/, `${f} does not read the catalogue`);
  }
});

test('the name-list check finds the lists the analysis used to keep', () => {
  const words = catalogueWords();
  // What BG0005, resolve.ts and backgroundUi.ts held before the catalogue.
  assert.equal(nameLists(`const writes = new Set(['record.insert', 'record.modify', 'record.delete']);`, words).length, 1);
  assert.equal(nameLists(`const staticClasses = new Set(['session', 'page', 'report', 'codeunit']);`, words).length, 1);
  assert.equal(nameLists(`const ui = { 'dialog.confirm': 'Confirm', 'dialog.strmenu': 'StrMenu', 'page.run': 'Page.Run' };`, words).length, 1);
  assert.deepEqual(quotedKeys(`if (r.name === 'database.commit') what = 'Commit';`), ['database.commit']);
  // Words that are not all built-ins are not a list of built-ins (page types, type names with a subtype).
  assert.equal(nameLists(`const kinds = ['list', 'listpart', 'worksheet'];`, words).length, 0);
  assert.equal(nameLists(`['record', 'codeunit', 'page', 'interface']`, words).length, 0);
});

test('the facts the rules rely on are in the catalogue', () => {
  const keys = (f: Parameters<typeof builtinsWith>[0]) => builtinsWith(f).map((e) => e.key).sort();
  assert.deepEqual(keys('startsSession'), ['session.startsession']);
  assert.deepEqual(keys('enqueuesTask'), ['page.enqueuebackgroundtask']);
  assert.deepEqual(keys('schedulesTask'), ['taskscheduler.createtask']);
  assert.deepEqual(keys('commits'), ['database.commit']);
  assert.deepEqual(keys('ignoredWithoutClient'), ['dialog.message', 'dialog.open']);
  for (const k of ['dialog.confirm', 'dialog.strmenu', 'page.run', 'page.runmodal', 'report.run', 'report.runmodal', 'report.runrequestpage', 'system.hyperlink', 'file.upload', 'file.download', 'file.uploadintostream', 'file.downloadfromstream']) {
    assert.ok(builtinByKey(k)?.facts.has('needsClient'), k);
  }
  for (const m of ['insert', 'modify', 'delete', 'modifyall', 'deleteall', 'rename']) {
    const e = builtinByKey(`record.${m}`)!;
    assert.ok(e.facts.has('writesDatabase') && e.facts.has('runsTriggers'), m);
  }
  assert.ok(builtinByKey('record.locktable')?.facts.has('locks'));
  assert.ok(builtinByKey('record.validate')?.facts.has('runsTriggers'));
  assert.ok(!builtinByKey('record.findset')?.facts.has('writesDatabase'));
});
