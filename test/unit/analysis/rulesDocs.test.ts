// The rule catalogue lives in four places: the rule files (src/analysis/rules), docs/rules.md, docs/rules/ (a page per
// rule and its README table) and package.json (the ids the alSessionLab.rules setting accepts). They must agree on
// the ids, default severities and titles; this test fails when one of them is edited alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../../src/analysis/rules';

const root = join(__dirname, '..', '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const rules = new Map(allRules.map((r) => [r.meta.id, r.meta]));
const ids = [...rules.keys()].sort();

/** `| BG0001 | warning | ...` rows of a Markdown table (the id possibly a link). */
function tableRows(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^\|\s*(?:\[)?(BG\d{4})(?:\]\([^)]*\))?\s*\|(.*)\|\s*$/.exec(line);
    if (m) out.set(m[1], m[2].split('|').map((c) => c.trim()));
  }
  return out;
}

test('docs/rules.md lists every rule once with its default severity', () => {
  const rows = tableRows(read('docs/rules.md'));
  assert.deepEqual([...rows.keys()].sort(), ids);
  for (const [id, cells] of rows) assert.equal(cells[0], rules.get(id)!.defaultSeverity, `${id}: severity in docs/rules.md`);
});

test('docs/rules has a page per rule, with its title and default severity, and its README table agrees', () => {
  const pages = readdirSync(join(root, 'docs', 'rules')).filter((f) => /^BG\d{4}\.md$/.test(f)).map((f) => f.slice(0, 6)).sort();
  assert.deepEqual(pages, ids);
  for (const id of ids) {
    const meta = rules.get(id)!;
    const text = read(`docs/rules/${id}.md`);
    const heading = /^# (BG\d{4}): (.+)$/m.exec(text);
    assert.equal(heading?.[1], id, `${id}.md heading`);
    assert.equal(heading?.[2].toLowerCase(), meta.title.toLowerCase(), `${id}.md title`);
    assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${meta.defaultSeverity}\\b`), `${id}.md default severity`);
  }
  const readme = tableRows(read('docs/rules/README.md'));
  assert.deepEqual([...readme.keys()].sort(), ids);
  for (const [id, cells] of readme) {
    assert.equal(cells[0], rules.get(id)!.defaultSeverity, `${id}: severity in docs/rules/README.md`);
    assert.equal(cells[1].toLowerCase(), rules.get(id)!.title.toLowerCase(), `${id}: title in docs/rules/README.md`);
  }
});

test('package.json accepts exactly the rule ids in alSessionLab.rules', () => {
  const pkg = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, { propertyNames?: { enum?: string[] } }> } | { properties: Record<string, { propertyNames?: { enum?: string[] } }> }[] } };
  const conf = pkg.contributes.configuration;
  const props = Array.isArray(conf) ? Object.assign({}, ...conf.map((c) => c.properties)) : conf.properties;
  assert.deepEqual([...(props['alSessionLab.rules'].propertyNames?.enum ?? [])].sort(), ids);
});
