// What the .vsix holds: the files the shipped bundles open at run time (the rule pages Problems links to, the
// webviews' media), listed by vsce itself from .vscodeignore, so a link in Problems never opens "file not found".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../src/analysis/rules';

const root = join(__dirname, '..', '..');

test('the .vsix ships docs/rules: a page for every rule the language server links to, and the links between them', () => {
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = new Set(execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split(/\r?\n/).filter(Boolean));
  for (const r of allRules) {
    const page = `docs/rules/${r.meta.id}.md`;
    assert.ok(existsSync(join(root, page)), `${page} exists`);
    assert.ok(listed.has(page), `${page} is packaged (server.ts links Problems to it)`);
  }
  // Links inside the shipped pages point at shipped files.
  for (const f of [...listed].filter((x) => x.startsWith('docs/rules/'))) {
    for (const m of readFileSync(join(root, f), 'utf8').matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)) {
      const target = join('docs/rules', m[1]).replace(/\\/g, '/');
      assert.ok(listed.has(target), `${f} links to ${m[1]}, which is not packaged`);
    }
  }
  for (const m of ['media/pagePreview.js', 'media/timeline.js']) assert.ok(listed.has(m), `${m} is packaged`);
});
