// The runtime's import graph has no value-import cycle (type-only imports may cycle: they are erased), and
// the interpreter's method libraries see the engine only through the RuntimeEngine interface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join('scripts', 'check-import-cycles.mjs');

function check(folder: string): { status: number | null; out: { cycles: string[][] } } {
  const r = spawnSync(process.execPath, [script, folder, '--json'], { encoding: 'utf8' });
  return { status: r.status, out: JSON.parse(r.stdout) as { cycles: string[][] } };
}

test('src/runtime has no value-import cycle', () => {
  const r = check('src/runtime');
  assert.deepEqual(r.out.cycles, []);
  assert.equal(r.status, 0);
});

test('the cycle check finds a value cycle and accepts a type-only one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
  try {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    writeFileSync(join(dir, 'c.ts'), "import type { D } from './d';\nexport class C { d?: D }\n");
    writeFileSync(join(dir, 'd.ts'), "import { type C } from './c';\nexport class D { c?: C }\n");
    const r = check(dir);
    assert.equal(r.status, 1);
    assert.equal(r.out.cycles.length, 1);
    assert.deepEqual(r.out.cycles[0].map((p) => p.slice(-4)), ['a.ts', 'b.ts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('only the engine facade imports engine.ts inside the interpreter', () => {
  const dir = join('src', 'runtime', 'interpreter');
  const importers = readdirSync(dir).filter((f) => f.endsWith('.ts') && /from '\.\/engine'/.test(readFileSync(join(dir, f), 'utf8')));
  assert.deepEqual(importers, []);
});
