// Golden-tree tests: each test/syntax/golden/*.al is parsed (with preprocessor symbol CLEAN24) and its tree dump,
// errors and losslessness are compared with the .tree file next to it. UPDATE_GOLDENS=1 writes the .tree files;
// without it a missing .tree fails (a golden test that writes its own expectation could never fail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decode, dumpTree, isLossless, parseFile } from '../../src/syntax/index';

const dir = join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDENS === '1';

for (const name of readdirSync(dir).filter((n) => n.endsWith('.al')).sort()) {
  test(`golden ${name}`, () => {
    const text = decode(readFileSync(join(dir, name)));
    const r = parseFile(text, { preprocessorSymbols: ['CLEAN24'] });
    const errors = r.errors.map((e) => {
      const p = r.lineMap.position(e.start);
      return `error ${p.line + 1}:${p.character + 1}: ${e.message}`;
    });
    const actual = `lossless: ${isLossless(r.root, text)}\n${errors.join('\n')}${errors.length ? '\n' : ''}${dumpTree(r.root)}`;
    const goldenPath = join(dir, name.replace(/\.al$/, '.tree'));
    if (update) writeFileSync(goldenPath, actual);
    assert.ok(existsSync(goldenPath), `${name} has no golden tree: run with UPDATE_GOLDENS=1 and review the new .tree file`);
    assert.ok(isLossless(r.root, text), 'tree must reproduce the text');
    assert.equal(actual, readFileSync(goldenPath, 'utf8'));
  });
}
