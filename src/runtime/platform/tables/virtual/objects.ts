// AllObj (2000000038) and AllObjWithCaption (2000000058), virtual: one row per object of the loaded apps
// (tables, pages, codeunits, reports, queries, XMLports, enums, extensions, permission sets, profiles).
import type { ObjectModel } from '../../../interpreter/model';
import { allObjTable } from '../declared/allObj';
import { allObjWithCaptionTable } from '../declared/allObjWithCaption';
import { virtualTable } from '../systemTable';
import { NULL_GUID, captionOf, optionOrdinal, prop, rowOf } from './rowHelpers';

const TYPE_NAMES: Record<string, string> = {
  table: 'Table', report: 'Report', codeunit: 'Codeunit', xmlport: 'XMLport', page: 'Page', query: 'Query', pageextension: 'PageExtension',
  tableextension: 'TableExtension', enum: 'Enum', enumextension: 'EnumExtension', profile: 'Profile', profileextension: 'ProfileExtension',
  permissionset: 'PermissionSet', permissionsetextension: 'PermissionSetExtension', reportextension: 'ReportExtension',
};

/** The objects AllObj lists, with the AllObj type member they are listed under. */
export function listedObjects(objects: ObjectModel[]): { o: ObjectModel; type: string }[] {
  const out: { o: ObjectModel; type: string }[] = [];
  for (const o of objects) {
    const type = TYPE_NAMES[o.type];
    if (type && o.id) out.push({ o, type });
  }
  return out;
}

/** A filter on Object Type (SetRange("Object Type", ...::Table)): the ordinal asked, if one. */
function typeFilter(filters: { fieldId: number; range?: { from: unknown; to?: unknown } }[] | undefined): number | undefined {
  const r = filters?.find((f) => f.fieldId === 1 && f.range && f.range.to === undefined)?.range?.from;
  return typeof r === 'number' ? r : undefined;
}

export const AllObjVirtualTable = virtualTable(allObjTable, function* (ctx, filters) {
  const only = typeFilter(filters);
  for (const { o, type } of listedObjects(ctx.objects())) {
    const t = optionOrdinal(allObjTable, 'Object Type', type);
    if (only !== undefined && t !== only) continue;
    yield rowOf(allObjTable, { 'Object Type': t, 'Object ID': o.id, 'Object Name': o.name.slice(0, 30), 'App Package ID': NULL_GUID, 'App Runtime Package ID': NULL_GUID, 'AL Namespace': '' });
  }
}, { metadataOnly: true });

export const AllObjWithCaptionVirtualTable = virtualTable(allObjWithCaptionTable, function* (ctx, filters) {
  const only = typeFilter(filters);
  for (const { o, type } of listedObjects(ctx.objects())) {
    const t = optionOrdinal(allObjWithCaptionTable, 'Object Type', type);
    if (only !== undefined && t !== only) continue;
    yield rowOf(allObjWithCaptionTable, {
      'Object Type': t, 'Object ID': o.id, 'Object Name': o.name.slice(0, 30), 'Object Caption': captionOf(o).slice(0, 249),
      'Object Subtype': (o.type === 'codeunit' ? prop(o, 'subtype') : o.type === 'page' ? prop(o, 'pagetype') : '').slice(0, 30),
      'App Package ID': NULL_GUID, 'App Runtime Package ID': NULL_GUID, 'App ID': NULL_GUID,
    });
  }
}, { metadataOnly: true });
