// The .app symbol reader: NAVX header, zip central directory, deflated SymbolReference.json, nested namespaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAppPackage, AppPackageError } from '../../../src/language/apps/appPackage';
import { readZip } from '../../../src/language/apps/zip';
import { buildApp, buildZip } from '../../helpers/appBuilder';

const symbols = {
  Name: 'Base Application',
  Publisher: 'Microsoft',
  Version: '24.0.0.0',
  Tables: [{ Id: 18, Name: 'Customer', Properties: [{ Name: 'Caption', Value: 'Customer' }] }],
  Namespaces: [
    {
      Name: 'Microsoft',
      Namespaces: [
        {
          Name: 'Sales',
          Pages: [{ Id: 22, Name: 'Customer List', Properties: [{ Name: 'PageType', Value: 'List' }, { Name: 'SourceTable', Value: 'Customer' }] }],
          Codeunits: [{ Id: 80, Name: 'Sales-Post', Properties: [{ Name: 'TableNo', Value: 'Sales Header' }], Methods: [{ Name: 'SetPreviewMode', Parameters: [{ Name: 'Preview', TypeDefinition: { Name: 'Boolean' } }] }] }],
        },
      ],
    },
  ],
};

test('reads objects, properties and methods from a built .app', () => {
  const pkg = readAppPackage(buildApp(symbols), 'Base.app');
  assert.equal(pkg.name, 'Base Application');
  const page = pkg.objects.find((o) => o.kind === 'page');
  assert.ok(page);
  assert.equal(page.name, 'Customer List');
  assert.equal(page.namespace, 'Microsoft.Sales');
  assert.equal(page.properties.get('pagetype'), 'List');
  assert.equal(page.properties.get('sourcetable'), 'Customer');
  const cu = pkg.objects.find((o) => o.kind === 'codeunit');
  assert.deepEqual(cu?.methods, [{ name: 'SetPreviewMode', parameterTypes: ['Boolean'] }]);
  assert.equal(pkg.objects.find((o) => o.kind === 'table')?.id, 18);
});

test('zip reader handles stored and deflated entries', () => {
  const zip = buildZip([
    { name: 'a.txt', data: Buffer.from('hello'), deflate: false },
    { name: 'b.txt', data: Buffer.from('world '.repeat(100)), deflate: true },
  ]);
  const entries = readZip(zip);
  assert.deepEqual([...entries.keys()], ['a.txt', 'b.txt']);
  assert.equal(Buffer.from(entries.get('a.txt')!).toString(), 'hello');
  assert.equal(Buffer.from(entries.get('b.txt')!).toString(), 'world '.repeat(100));
});

test('bad packages give a clear error naming the file', () => {
  assert.throws(() => readAppPackage(Buffer.from('not an app at all'), 'x.app'), (e: unknown) => e instanceof AppPackageError && /x\.app: not an \.app package/.test(e.message));
  const truncated = buildApp(symbols).subarray(0, 200);
  assert.throws(() => readAppPackage(truncated, 't.app'), (e: unknown) => e instanceof AppPackageError && /t\.app/.test(e.message));
  const noSymbols = Buffer.concat([Buffer.from('NAVX'), Buffer.alloc(36), buildZip([{ name: 'x', data: Buffer.from('1'), deflate: false }])]);
  assert.throws(() => readAppPackage(noSymbols, 'n.app'), /no SymbolReference\.json/);
});
