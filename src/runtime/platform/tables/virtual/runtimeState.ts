// Company (2000000006), NAV App Installed App (2000000153), Published Application (2000000206), Printer
// (2000000039), Aggregate Permission Set (2000000167) and Permission Set (2000000004), virtual: the runtime's
// companies, the loaded apps, no printers (a local runtime has none), the permission sets the apps declare.
import { aggregatePermissionSetTable } from '../declared/aggregatePermissionSet';
import { companyTable } from '../declared/company';
import { nAVAppInstalledAppTable } from '../declared/nAVAppInstalledApp';
import { permissionSetTable } from '../declared/permissionSet';
import { printerTable } from '../declared/printer';
import { publishedApplicationTable } from '../declared/publishedApplication';
import { virtualTable } from '../systemTable';
import { NULL_GUID, captionOf, rowOf } from './rowHelpers';

/** A stable Guid for a company name (BC gives each company an Id). */
function companyId(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name.toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `{${h.toString(16).toUpperCase().padStart(8, '0')}-0000-4000-8000-000000000000}`;
}

export const CompanyVirtualTable = virtualTable(companyTable, function* (ctx) {
  for (const name of ctx.companies()) yield rowOf(companyTable, { Name: name.slice(0, 30), 'Evaluation Company': false, 'Display Name': name.slice(0, 250), Id: companyId(name), 'Business Profile Id': '' });
});

const version = (v: string) => (v.split('.').map(Number).concat([0, 0, 0, 0])).slice(0, 4);

export const NavAppInstalledAppVirtualTable = virtualTable(nAVAppInstalledAppTable, function* (ctx) {
  for (const a of ctx.apps()) {
    const [ma, mi, b, r] = version(a.version);
    yield rowOf(nAVAppInstalledAppTable, { 'App ID': a.id, 'Package ID': a.id, Name: a.name.slice(0, 250), Publisher: a.publisher.slice(0, 250), 'Version Major': ma, 'Version Minor': mi, 'Version Build': b, 'Version Revision': r });
  }
});

export const PublishedApplicationVirtualTable = virtualTable(publishedApplicationTable, function* (ctx) {
  for (const a of ctx.apps()) {
    const [ma, mi, b, r] = version(a.version);
    yield rowOf(publishedApplicationTable, { 'Runtime Package ID': a.id, 'Package ID': a.id, ID: a.id, Name: a.name.slice(0, 250), Publisher: a.publisher.slice(0, 250), 'Version Major': ma, 'Version Minor': mi, 'Version Build': b, 'Version Revision': r, 'Tenant ID': '', Installed: true });
  }
});

export const PrinterVirtualTable = virtualTable(printerTable, function* () {
  // A local runtime has no printers.
});

export const AggregatePermissionSetVirtualTable = virtualTable(aggregatePermissionSetTable, function* (ctx) {
  const app = ctx.apps()[0];
  for (const o of ctx.objects()) {
    if (o.type !== 'permissionset') continue;
    // Scope System (0): permission sets that apps declare.
    yield rowOf(aggregatePermissionSetTable, { Scope: 0, 'App ID': app?.id ?? NULL_GUID, 'Role ID': o.name.toUpperCase().slice(0, 20), Name: captionOf(o).slice(0, 30), 'App Name': (app?.name ?? '').slice(0, 250) });
  }
}, { metadataOnly: true });

export const PermissionSetVirtualTable = virtualTable(permissionSetTable, function* (ctx) {
  for (const o of ctx.objects()) {
    if (o.type !== 'permissionset') continue;
    yield rowOf(permissionSetTable, { 'Role ID': o.name.toUpperCase().slice(0, 20), Name: captionOf(o).slice(0, 30), Hash: '' });
  }
}, { metadataOnly: true });
