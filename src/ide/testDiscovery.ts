// Test discovery from the analysis model: the test codeunits (Subtype = Test) of a file and their [Test] procedures,
// in offsets, with what a test explorer shows (ids, names, handler functions, RequiredTestIsolation). No parsing here:
// the language server already holds every file's model.
import type { AlFileModel } from '../analysis/model/ir';

export interface FoundTest {
  name: string;
  /** The whole procedure, and its name (where the editor puts the run button). */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
}

export interface FoundTestCodeunit {
  id: number;
  name: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** The codeunit's `RequiredTestIsolation` (Disabled, Codeunit, Function) when declared. */
  requiredTestIsolation?: string;
  /** `TestPermissions` when declared. */
  testPermissions?: string;
  tests: FoundTest[];
}

/** A workspace TestRunner codeunit (Subtype = TestRunner) and its TestIsolation (BC's default: Disabled). */
export interface FoundTestRunner {
  id: number;
  name: string;
  testIsolation: string;
}

/** The test codeunits of one file, in source order; empty when the file has none. */
export function testCodeunitsOf(file: AlFileModel): FoundTestCodeunit[] {
  const out: FoundTestCodeunit[] = [];
  for (const o of file.objects) {
    if (o.kind !== 'codeunit' || o.properties.get('subtype')?.value.toLowerCase() !== 'test') continue;
    const tests: FoundTest[] = [];
    for (const p of o.procedures) {
      if (p.isTrigger || !p.attributes.includes('test')) continue;
      tests.push({ name: p.name, start: p.start, end: p.end, nameStart: p.nameStart, nameEnd: p.nameEnd });
    }
    tests.sort((a, b) => a.start - b.start);
    const isolation = o.properties.get('requiredtestisolation')?.value;
    const permissions = o.properties.get('testpermissions')?.value;
    out.push({
      id: o.id,
      name: o.name,
      start: o.start,
      end: o.end,
      nameStart: o.nameStart,
      nameEnd: o.nameEnd,
      ...(isolation ? { requiredTestIsolation: isolation } : {}),
      ...(permissions ? { testPermissions: permissions } : {}),
      tests,
    });
  }
  return out;
}

/** The TestRunner codeunits of one file. */
export function testRunnersOf(file: AlFileModel): FoundTestRunner[] {
  return file.objects
    .filter((o) => o.kind === 'codeunit' && o.properties.get('subtype')?.value.toLowerCase() === 'testrunner')
    .map((o) => ({ id: o.id, name: o.name, testIsolation: o.properties.get('testisolation')?.value ?? 'Disabled' }));
}
