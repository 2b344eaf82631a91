// The app model: app.json checks, the header scan, dependency resolution (by id, nested module apps, missing and
// lower versions), the object index's cross-app rules (Moved/Removed/Pending) and .app packages as dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAppJson, AppJsonError } from '../../../src/language/apps/appJson';
import { scanHeaders } from '../../../src/language/apps/headerScan';
import { loadApps, DependencyError } from '../../../src/language/apps/loader';
import { readAppPackage } from '../../../src/language/apps/appPackage';
import { IDS, UNUSED_CODEUNITS, writeAppsFixture } from '../../helpers/appsFixture';
import { buildAppPackage } from '../../helpers/appBuilder';

test('app.json: bad input is a clear error naming file and line', () => {
  assert.throws(() => parseAppJson('{\n  "name": "A",\n  "id": 12\n}', 'x/app.json'), (e: unknown) => e instanceof AppJsonError && /^x\/app\.json:3: app\.json "id" must be a string/.test(e.message));
  assert.throws(() => parseAppJson('{\n  "name": "A",\n  "version": "one"\n}', 'app.json'), /app\.json:3: app\.json "version" must look like 1\.0\.0\.0/);
  assert.throws(() => parseAppJson('{ "id": "nope", "name": "A" }', 'app.json'), /"id" must be a GUID/);
  assert.throws(() => parseAppJson('{ "name": "A",, }', 'app.json'), /app\.json:1: app\.json is not valid JSON/);
  assert.throws(() => parseAppJson('{ "publisher": "P" }', 'app.json'), /has no "name"/);
  assert.throws(() => parseAppJson('{ "name": "A", "dependencies": [{ "version": "1.0.0.0" }] }', 'app.json'), /neither "id" nor "name"/);
  const m = parseAppJson('// comment\n{ "id": "{0A000000-0000-4000-8000-000000000001}", "name": "A", "preprocessorSymbols": ["X"], "application": "26.0.0.0" }', 'app.json');
  assert.equal(m.id, '0a000000-0000-4000-8000-000000000001');
  assert.deepEqual(m.preprocessorSymbols, ['X']);
  assert.equal(m.application, '26.0.0.0');
});

test('header scan: objects, extends, properties under #if, subscribers; bodies are skipped', () => {
  const text = `#if not CLEAN27
// a comment with table 1 "Not An Object"
namespace Lab.Test;

table 231 "Reason Code"
{
    Caption = 'table 9 "Nope"';
#if CLEANSCHEMA25
    ObsoleteState = Removed;
#else
    ObsoleteState = Moved;
#endif
    MovedTo = 'F3552374-A1F2-4356-848E-196002525837';
    Access = Internal;
    fields { field(1; Code; Code[10]) { } }
}
#endif

pageextension 50100 "Cust Card Ext" extends Microsoft.Sales.Customer."Customer Card"
{
    [EventSubscriber(ObjectType::Table, Database::"Sales Header", 'OnAfterModifyEvent', '', false, false)]
    local procedure OnMod()
    begin
    end;
}
codeunit 50101 Plain
{
    [EventSubscriber(ObjectType::Codeunit, Codeunit::"Sales-Post", 'OnBeforePost', '', false, false)]
    local procedure A()
    begin
    end;
}
`;
  const h = scanHeaders(text, new Set());
  assert.deepEqual(h.map((o) => [o.type, o.id, o.name, o.extends, o.line]), [
    ['table', 231, 'Reason Code', undefined, 4],
    ['pageextension', 50100, 'Cust Card Ext', 'Customer Card', 18],
    ['codeunit', 50101, 'Plain', undefined, 25],
  ]);
  assert.equal(h[0].obsoleteState, 'moved');
  assert.equal(h[0].movedTo, 'f3552374-a1f2-4356-848e-196002525837');
  assert.equal(h[0].access, 'internal');
  assert.deepEqual(h[1].subscribes, ['table:sales header:onaftermodifyevent']);
  assert.deepEqual(h[2].subscribes, ['codeunit:sales-post:onbeforepost']);
  // With the symbols, the other branches count: the whole file's #if off removes the table.
  assert.equal(scanHeaders(text, new Set(['CLEAN27'])).length, 2);
  // `dotnet { }` has neither id nor name and is still an object (its aliases are what DotNet variables name);
  // other keywords need a name to be a header.
  assert.deepEqual(scanHeaders('namespace System;\n\ndotnet\n{\n    assembly("netstandard")\n    {\n        type("System.Text.RegularExpressions.Regex"; "Regex") { }\n    }\n}\ntable\n{\n}\n', new Set()).map((o) => [o.type, o.name, o.line]), [['dotnet', '', 2]]);
  assert.equal(scanHeaders('#if not CLEAN27\ntable 1 A\n{\n#if CLEANSCHEMA25\n    ObsoleteState = Removed;\n#endif\n}\n#endif\n', new Set(['CLEANSCHEMA25']))[0].obsoleteState, 'removed');
});

test('resolution: by id through the chain, in load order; Moved copies give way; lower version is a warning', () => {
  const { ws, deps } = writeAppsFixture();
  const set = loadApps({ workspace: [ws], dependencySources: [deps], cacheDir: false });
  assert.deepEqual(set.dependencies.map((a) => a.name), ['Lab Foundation', 'Lab Base']);
  assert.equal(set.workspaceApps[0].name, 'Lab Extension');
  const reason = set.index.find('table', '70231');
  assert.equal(reason?.app.name, 'Lab Foundation', 'the moved-to app declares the live table');
  assert.equal(set.index.find('table', 'lab reason code')?.app.name, 'Lab Foundation');
  const lower = set.findings.filter((f) => f.kind === 'lowerVersion');
  assert.equal(lower.length, 1);
  assert.match(lower[0].message, /needs "Lab Base" by Lab \(id 0b000000-0000-4000-8000-000000000002, version 2\.0\.0\.0\) or later; found version 1\.5\.0\.0/);
  assert.ok(set.findings.some((f) => f.kind === 'badAppJson' && /broken/.test(f.file)), 'a bad app.json among the sources is a finding, not a stop');
  assert.ok(!set.findings.some((f) => f.kind === 'duplicateObject'), 'a Moved copy is not a duplicate');
  // The nested module's files belong to the whole app: the helper codeunit is Lab Base's.
  assert.equal(set.index.find('codeunit', 'Lab Helper')?.app.name, 'Lab Base');
  assert.equal(set.index.subscribersOf('table', 70000, 'Lab Customer', 'OnBeforeModifyEvent').map((e) => e.name).join(), 'Lab Customer Subscriber');
  assert.equal(set.index.extensionsOf('page', 'lab customer card').length, 0);
  assert.equal(set.stats.files, 4 + UNUSED_CODEUNITS + 1 + 1);
});

test('a nested module resolves as an app of its own; with its enclosing app loaded it is provided by it', () => {
  const { root, deps } = writeAppsFixture();
  const only = join(root, 'only-helper');
  mkdirSync(only);
  writeFileSync(join(only, 'app.json'), JSON.stringify({ id: IDS.ws, name: 'Uses Helper', publisher: 'Lab', version: '1.0.0.0', dependencies: [{ id: IDS.helper, name: 'Lab Helper', publisher: 'Lab', version: '1.0.0.0' }] }));
  const a = loadApps({ workspace: [only], dependencySources: [deps], cacheDir: false });
  assert.deepEqual(a.dependencies.map((x) => x.name), ['Lab Helper']);
  assert.equal(a.stats.files, 1);
  const both = join(root, 'both');
  mkdirSync(both);
  writeFileSync(join(both, 'app.json'), JSON.stringify({ id: IDS.ws, name: 'Uses Both', publisher: 'Lab', version: '1.0.0.0', dependencies: [{ id: IDS.helper, name: 'Lab Helper', publisher: 'Lab', version: '1.0.0.0' }, { id: IDS.base, name: 'Lab Base', publisher: 'Lab', version: '1.0.0.0' }] }));
  const b = loadApps({ workspace: [both], dependencySources: [deps], cacheDir: false });
  assert.deepEqual(b.dependencies.map((x) => x.name), ['Lab Foundation', 'Lab Base']);
  assert.ok(!b.findings.some((f) => f.kind === 'duplicateObject'));
});

test('a missing dependency names the app, its id and version, and where was looked', () => {
  const { root, deps } = writeAppsFixture();
  const ws = join(root, 'needs-missing');
  mkdirSync(ws);
  writeFileSync(join(ws, 'app.json'), JSON.stringify({ id: IDS.ws, name: 'Needs', publisher: 'Lab', version: '1.0.0.0', application: '26.0.0.0' }));
  assert.throws(() => loadApps({ workspace: [ws], dependencySources: [deps], cacheDir: false }), (e: unknown) => {
    assert.ok(e instanceof DependencyError);
    assert.match(e.message, /cannot find the app "System Application" by Microsoft \(id 63ca2fa4-4f03-4f2b-a480-172fef340d3f, version 26\.0\.0\.0\) that "Needs" by Lab/);
    assert.match(e.message, /looked in --dependency-source .*deps \(3 apps\)/);
    return true;
  });
  assert.throws(() => loadApps({ workspace: [ws], cacheDir: false }), /looked in nowhere: give --dependency-source DIR/);
});

test('the header cache: a second load reads no file; a changed file is scanned again', () => {
  const { ws, deps } = writeAppsFixture();
  const cacheDir = mkdtempSync(join(tmpdir(), 'apps-cache-'));
  const first = loadApps({ workspace: [ws], dependencySources: [deps], cacheDir });
  assert.equal(first.stats.cachedFiles, 0);
  const second = loadApps({ workspace: [ws], dependencySources: [deps], cacheDir });
  assert.equal(second.stats.scannedFiles, 0);
  assert.equal(second.stats.cachedFiles, first.stats.files);
  assert.equal(second.index.find('table', '70231')?.app.name, 'Lab Foundation');
  writeFileSync(join(deps, 'base/src/Unused0.Codeunit.al'), 'codeunit 70100 "Renamed Unused"\n{\n}\n');
  const third = loadApps({ workspace: [ws], dependencySources: [deps], cacheDir });
  assert.equal(third.stats.scannedFiles, 1);
  assert.equal(third.index.find('codeunit', '70100')?.name, 'Renamed Unused');
});

test('.app packages: manifest, symbols, src; ready-to-run outer zip; symbols-only declarations', () => {
  const symbols = {
    Name: 'Lab Package', Publisher: 'Lab', Version: '3.0.0.0',
    Tables: [{ Id: 71000, Name: 'Pkg Item', Fields: [{ Id: 1, Name: 'No.', TypeDefinition: { Name: 'Code[20]' } }, { Id: 2, Name: 'Qty', TypeDefinition: { Name: 'Decimal' } }], Keys: [{ Name: 'PK', FieldNames: ['No.'] }] }],
    Codeunits: [{ Id: 71001, Name: 'Pkg Math', Methods: [{ Name: 'Add', Parameters: [{ Name: 'A', TypeDefinition: { Name: 'Integer' } }, { Name: 'B', TypeDefinition: { Name: 'Integer' } }], ReturnTypeDefinition: { Name: 'Integer' } }] }],
  };
  const src = [{ name: 'src/PkgMath.Codeunit.al', text: 'codeunit 71001 "Pkg Math"\n{\n    procedure Add(A: Integer; B: Integer): Integer\n    begin\n        exit(A + B);\n    end;\n}\n' }];
  const withSrc = readAppPackage(buildAppPackage({ id: '0d000000-0000-4000-8000-000000000005', name: 'Lab Package', publisher: 'Lab', version: '3.0.0.0', symbols, sources: src }), 'p.app');
  assert.equal(withSrc.manifest.id, '0d000000-0000-4000-8000-000000000005');
  assert.deepEqual([...withSrc.sources.keys()], ['src/PkgMath.Codeunit.al']);
  const r2r = readAppPackage(buildAppPackage({ id: '0d000000-0000-4000-8000-000000000005', name: 'Lab Package', publisher: 'Lab', version: '3.0.0.0', symbols, readyToRun: true }), 'r.app');
  assert.equal(r2r.name, 'Lab Package');
  assert.match(r2r.path, /^r\.app!Lab_Lab Package_3\.0\.0\.0\.app$/);
  // As a dependency from a package cache, without src: declarations from the symbols.
  const root = mkdtempSync(join(tmpdir(), 'apps-pkg-'));
  mkdirSync(join(root, 'ws', '.alpackages'), { recursive: true });
  writeFileSync(join(root, 'ws', 'app.json'), JSON.stringify({ id: IDS.ws, name: 'Uses Package', publisher: 'Lab', version: '1.0.0.0', dependencies: [{ id: '0d000000-0000-4000-8000-000000000005', name: 'Lab Package', publisher: 'Lab', version: '3.0.0.0' }] }));
  writeFileSync(join(root, 'ws', '.alpackages', 'Lab_Package.app'), buildAppPackage({ id: '0d000000-0000-4000-8000-000000000005', name: 'Lab Package', publisher: 'Lab', version: '3.0.0.0', symbols }));
  const set = loadApps({ workspace: [join(root, 'ws')], cacheDir: false });
  assert.equal(set.dependencies[0].symbolsOnly, true);
  const table = set.index.find('table', 'Pkg Item');
  assert.ok(table);
  assert.match(set.readText(table.file), /field\(1; "No\."; Code\[20\]\)/);
  assert.match(set.readText(set.index.find('codeunit', '71001')!.file), /procedure "Add"\("A": Integer; "B": Integer\): Integer/);
});
