// The runtime on real dependencies (a multi-app workspace written by the test): objects of dependency apps load on
// first use, table triggers and event subscribers of a dependency run, the Moved-to app's table is the live one,
// each app's preprocessor symbols apply to its own files, and a symbols-only package raises "no source" at the
// call site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeHost, WorkspaceError } from '../../../src/runtime/sessions/host';
import { createEngine } from '../../../src/runtime/sessions/defaultEngine';
import type { EngineImpl } from '../../../src/runtime/interpreter/engine';
import { IDS, UNUSED_CODEUNITS, writeAppsFixture } from '../../helpers/appsFixture';
import { buildAppPackage } from '../../helpers/appBuilder';

function rows(h: RuntimeHost, table: string): Record<string, unknown>[] {
  const tx = h.db.begin(0);
  return tx.find(h.db.table(table), { filters: [], keyFields: [], ascending: true }).map((r) => Object.fromEntries(h.db.table(table).fields.map((f) => [f.name, r.row.get(f.id)])));
}

test('a workspace on dependency apps: lazy objects, dependency triggers and subscribers, the moved-to table', async () => {
  const { ws, deps } = writeAppsFixture();
  const h = new RuntimeHost({ workspace: ws, createEngine, clock: 'virtual', dependencies: { sources: [deps], cacheDir: false } });
  assert.deepEqual(h.findings.map((f) => f.kind).sort(), ['badAppJson', 'lowerVersion']);
  const engine = h.engine as EngineImpl;
  const before = engine.lazyStats()!;
  assert.ok(before.parsedFiles <= 3, `only the extended page and what it needs load up front (parsed ${before.parsedFiles})`);
  h.seedData({ 'Lab Customer': [{ 'No.': 'C1', Name: 'Old' }] });
  const { result } = await h.runCodeunit('Lab Runner');
  assert.equal(result.state, 'completed', JSON.stringify(result));
  const [c] = rows(h, 'Lab Customer');
  assert.equal(c['Search Name'], 'NEW NAME', 'the field trigger of the dependency ran with the dependency app\'s own preprocessor symbols');
  assert.equal(c['Modified By Trigger'], true, 'Modify(true) ran the dependency table\'s OnModify');
  assert.equal(c['Subscriber Mark'], 'base subscriber', 'the dependency\'s subscriber to OnBeforeModifyEvent ran');
  assert.deepEqual(rows(h, 'Lab Reason Code').map((r) => r.Description), ['from the moved-to app']);
  const after = engine.lazyStats()!;
  assert.ok(after.parsedFiles < 4 + UNUSED_CODEUNITS, `unused codeunits are never parsed (parsed ${after.parsedFiles})`);
  await h.shutdown();
});

test('--strict stops at the first error finding; a missing dependency is a WorkspaceError naming it', () => {
  const { root, ws, deps } = writeAppsFixture();
  writeFileSync(join(ws, 'src', 'Twice.Codeunit.al'), 'codeunit 50101 "Twice"\n{\n}\n');
  assert.throws(() => new RuntimeHost({ workspace: ws, createEngine, strict: true, dependencies: { sources: [deps], cacheDir: false } }), (e: unknown) => e instanceof WorkspaceError && /codeunit 50101 is declared twice/.test(e.message));
  const lenient = new RuntimeHost({ workspace: ws, createEngine, dependencies: { sources: [deps], cacheDir: false } });
  assert.deepEqual(lenient.findings.map((f) => f.kind).sort(), ['badAppJson', 'duplicateObject', 'lowerVersion']);
  const lonely = join(root, 'lonely');
  mkdirSync(join(lonely, 'src'), { recursive: true });
  writeFileSync(join(lonely, 'app.json'), JSON.stringify({ id: IDS.ws, name: 'Lonely', publisher: 'Lab', version: '1.0.0.0', dependencies: [{ id: IDS.base, name: 'Lab Base', publisher: 'Lab', version: '1.0.0.0' }] }));
  writeFileSync(join(lonely, 'src', 'A.Codeunit.al'), 'codeunit 50100 A\n{\n}\n');
  assert.throws(() => new RuntimeHost({ workspace: lonely, createEngine, dependencies: { cacheDir: false } }), (e: unknown) => e instanceof WorkspaceError && /cannot find the app "Lab Base" by Lab \(id 0b000000-0000-4000-8000-000000000002, version 1\.0\.0\.0\)/.test(e.message));
});

test('a .app dependency: with src it runs; symbols only, a body-less call names procedure, codeunit and app at the call site', async () => {
  const pkgId = '0d000000-0000-4000-8000-000000000005';
  const symbols = {
    Name: 'Lab Package', Publisher: 'Lab', Version: '3.0.0.0',
    Tables: [{ Id: 71000, Name: 'Pkg Item', Fields: [{ Id: 1, Name: 'No.', TypeDefinition: { Name: 'Code[20]' } }, { Id: 2, Name: 'Qty', TypeDefinition: { Name: 'Integer' } }], Keys: [{ Name: 'PK', FieldNames: ['No.'] }] }],
    Codeunits: [{ Id: 71001, Name: 'Pkg Math', Methods: [{ Name: 'Add', Parameters: [{ Name: 'A', TypeDefinition: { Name: 'Integer' } }, { Name: 'B', TypeDefinition: { Name: 'Integer' } }], ReturnTypeDefinition: { Name: 'Integer' } }] }],
  };
  const sources = [{ name: 'src/PkgMath.Codeunit.al', text: 'codeunit 71001 "Pkg Math"\n{\n    procedure Add(A: Integer; B: Integer): Integer\n    begin\n        exit(A + B);\n    end;\n}\n' },
    { name: 'src/PkgItem.Table.al', text: 'table 71000 "Pkg Item"\n{\n    fields\n    {\n        field(1; "No."; Code[20]) { }\n        field(2; Qty; Integer) { }\n    }\n    keys { key(PK; "No.") { } }\n}\n' }];
  const make = (withSource: boolean) => {
    const root = mkdtempSync(join(tmpdir(), 'apps-pkg-run-'));
    const ws = join(root, 'ws');
    mkdirSync(join(ws, '.alpackages'), { recursive: true });
    mkdirSync(join(ws, 'src'));
    writeFileSync(join(ws, 'app.json'), JSON.stringify({ id: IDS.ws, name: 'Uses Package', publisher: 'Lab', version: '1.0.0.0', dependencies: [{ id: pkgId, name: 'Lab Package', publisher: 'Lab', version: '3.0.0.0' }] }));
    writeFileSync(join(ws, 'src', 'User.Codeunit.al'), 'codeunit 50100 "Pkg User"\n{\n    trigger OnRun()\n    var\n        PkgMath: Codeunit "Pkg Math";\n        Item: Record "Pkg Item";\n    begin\n        Item."No." := \'I1\';\n        Item.Qty := PkgMath.Add(2, 3);\n        Item.Insert();\n    end;\n}\n');
    writeFileSync(join(ws, '.alpackages', 'Lab_Package.app'), buildAppPackage({ id: pkgId, name: 'Lab Package', publisher: 'Lab', version: '3.0.0.0', symbols, sources: withSource ? sources : undefined }));
    return new RuntimeHost({ workspace: ws, createEngine, strict: true, dependencies: { cacheDir: false } });
  };
  const withSrc = make(true);
  const ok = await withSrc.runCodeunit('Pkg User');
  assert.equal(ok.result.state, 'completed', JSON.stringify(ok.result));
  assert.deepEqual(rows(withSrc, 'Pkg Item').map((r) => r.Qty), [5]);
  await withSrc.shutdown();
  const symbolsOnly = make(false);
  const failed = await symbolsOnly.runCodeunit('Pkg User');
  assert.equal(failed.result.state, 'failed');
  const err = (failed.result as { error: { text: string; location?: { file: string; line: number } } }).error;
  assert.equal(err.text, 'AL Session Lab has no source for procedure Add of codeunit Pkg Math in app Lab Package (symbols only)');
  assert.match(err.location?.file ?? '', /User\.Codeunit\.al$/);
  assert.equal(err.location?.line, 8);
  await symbolsOnly.shutdown();
});

test('Access = Internal and internal procedures: other apps cannot use them unless listed in internalsVisibleTo', async () => {
  const { ws, deps } = writeAppsFixture();
  writeFileSync(join(deps, 'base', 'src', 'Secret.Codeunit.al'), 'codeunit 70300 "Lab Secret"\n{\n    Access = Internal;\n\n    procedure Value(): Integer\n    begin\n        exit(7);\n    end;\n}\n');
  writeFileSync(join(deps, 'base', 'src', 'Open.Codeunit.al'), 'codeunit 70301 "Lab Open"\n{\n    internal procedure Hidden(): Integer\n    begin\n        exit(1);\n    end;\n\n    procedure Shown(): Integer\n    var\n        Secret: Codeunit "Lab Secret";\n    begin\n        exit(Hidden() + Secret.Value());\n    end;\n}\n');
  writeFileSync(join(ws, 'src', 'Caller.Codeunit.al'), 'codeunit 50110 "Lab Caller"\n{\n    trigger OnRun()\n    var\n        Open: Codeunit "Lab Open";\n        Secret: Codeunit "Lab Secret";\n    begin\n        if Open.Shown() <> 8 then Error(\'wrong\');\n        Open.Hidden();\n        Secret.Value();\n    end;\n}\n');
  const h = new RuntimeHost({ workspace: ws, createEngine, dependencies: { sources: [deps], cacheDir: false } });
  const access = h.findings.filter((f) => f.kind === 'access').map((f) => f.message);
  assert.deepEqual(access, [
    'procedure Hidden of codeunit "Lab Open" is internal to app Lab Base; Lab Extension cannot use it (it is not in Lab Base\'s internalsVisibleTo)',
    'codeunit "Lab Secret" is internal to app Lab Base (Access = Internal); Lab Extension cannot use it (it is not in Lab Base\'s internalsVisibleTo)',
  ]);
  // Listed in internalsVisibleTo, the same code loads and runs (inside Lab Base, Shown uses both freely).
  const appJson = join(deps, 'base', 'app.json');
  const manifest = JSON.parse(readFileSync(appJson, 'utf8')) as Record<string, unknown>;
  manifest.internalsVisibleTo = [{ id: IDS.ws, name: 'Lab Extension', publisher: 'Lab' }];
  writeFileSync(appJson, JSON.stringify(manifest));
  const friend = new RuntimeHost({ workspace: ws, createEngine, dependencies: { sources: [deps], cacheDir: false } });
  assert.deepEqual(friend.findings.filter((f) => f.kind === 'access'), []);
  const { result } = await friend.runCodeunit('Lab Caller');
  assert.equal(result.state, 'completed', JSON.stringify(result));
  await friend.shutdown();
});
