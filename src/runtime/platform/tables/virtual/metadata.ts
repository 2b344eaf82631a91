// Table Metadata (2000000136), Page Metadata (2000000138), CodeUnit Metadata (2000000137), Report Metadata
// (2000000139) and Key (2000000063), virtual: the loaded objects' declared properties, one row per object (per
// key for Key).
import type { ObjectModel } from '../../../interpreter/model';
import { codeUnitMetadataTable } from '../declared/codeUnitMetadata';
import { keyTable } from '../declared/key';
import { pageMetadataTable } from '../declared/pageMetadata';
import { reportMetadataTable } from '../declared/reportMetadata';
import { tableMetadataTable } from '../declared/tableMetadata';
import { virtualTable, type PlatformContext } from '../systemTable';
import { NULL_GUID, boolProp, captionOf, optionOrdinal, prop, rowOf } from './rowHelpers';

const ofType = (ctx: PlatformContext, type: string) => ctx.objects().filter((o) => o.type === type && o.id);
const ids = new WeakMap<ObjectModel[], Map<string, number>>();
/** The id of an object named in a property (`LookupPageId = "Customer List"`), 0 when absent. */
const idOf = (ctx: PlatformContext, type: string, nameOrId: string): number => {
  if (!nameOrId) return 0;
  if (/^\d+$/.test(nameOrId)) return Number(nameOrId);
  const objects = ctx.objects();
  let m = ids.get(objects);
  if (!m) {
    m = new Map();
    for (const o of objects) m.set(`${o.type}:${o.name.toLowerCase()}`, o.id);
    ids.set(objects, m);
  }
  return m.get(`${type}:${nameOrId.replace(/^"(.*)"$/, '$1').toLowerCase()}`) ?? 0;
};
const text = (o: ObjectModel, p: string) => prop(o, p).replace(/^'(.*)'$/, '$1');

export const TableMetadataVirtualTable = virtualTable(tableMetadataTable, function* (ctx) {
  for (const o of ofType(ctx, 'table')) {
    yield rowOf(tableMetadataTable, {
      ID: o.id, Name: o.name.slice(0, 30), Caption: captionOf(o).slice(0, 80), DataPerCompany: boolProp(o, 'DataPerCompany', true),
      LookupPageID: idOf(ctx, 'page', prop(o, 'LookupPageId')), DrillDownPageId: idOf(ctx, 'page', prop(o, 'DrillDownPageId')),
      DataCaptionFields: prop(o, 'DataCaptionFields').slice(0, 80), PasteIsValid: boolProp(o, 'PasteIsValid', true), LinkedObject: boolProp(o, 'LinkedObject'),
      TableType: optionOrdinal(tableMetadataTable, 'TableType', prop(o, 'TableType') || 'Normal'),
      ObsoleteState: optionOrdinal(tableMetadataTable, 'ObsoleteState', prop(o, 'ObsoleteState') || 'No'), ObsoleteReason: text(o, 'ObsoleteReason').slice(0, 248),
      DataClassification: optionOrdinal(tableMetadataTable, 'DataClassification', prop(o, 'DataClassification') || 'CustomerContent'),
      ReplicateData: boolProp(o, 'ReplicateData', true), CompressionType: optionOrdinal(tableMetadataTable, 'CompressionType', prop(o, 'CompressionType') || 'Unspecified'),
      'App ID': NULL_GUID, InherentPermissions: prop(o, 'InherentPermissions').slice(0, 5), InherentEntitlements: prop(o, 'InherentEntitlements').slice(0, 5),
      Scope: optionOrdinal(tableMetadataTable, 'Scope', prop(o, 'Scope') || 'Cloud'), Access: optionOrdinal(tableMetadataTable, 'Access', prop(o, 'Access') || 'Public'),
    });
  }
}, { metadataOnly: true });

export const PageMetadataVirtualTable = virtualTable(pageMetadataTable, function* (ctx) {
  for (const o of ofType(ctx, 'page')) {
    yield rowOf(pageMetadataTable, {
      ID: o.id, Name: o.name.slice(0, 30), Caption: captionOf(o).slice(0, 80), Editable: boolProp(o, 'Editable', true),
      PageType: optionOrdinal(pageMetadataTable, 'PageType', prop(o, 'PageType') || 'Card'), CardPageID: idOf(ctx, 'page', prop(o, 'CardPageId')),
      APIPublisher: text(o, 'APIPublisher').slice(0, 40), APIGroup: text(o, 'APIGroup').slice(0, 40), APIVersion: text(o, 'APIVersion').slice(0, 250),
      EntitySetName: text(o, 'EntitySetName').slice(0, 250), EntityName: text(o, 'EntityName').slice(0, 250), SourceTable: idOf(ctx, 'table', prop(o, 'SourceTable')),
      SourceTableView: prop(o, 'SourceTableView').slice(0, 250), InsertAllowed: boolProp(o, 'InsertAllowed', true), ModifyAllowed: boolProp(o, 'ModifyAllowed', true),
      DeleteAllowed: boolProp(o, 'DeleteAllowed', true), DelayedInsert: boolProp(o, 'DelayedInsert'), SourceTableTemporary: boolProp(o, 'SourceTableTemporary'),
      'App ID': NULL_GUID,
    });
  }
}, { metadataOnly: true });

export const CodeUnitMetadataVirtualTable = virtualTable(codeUnitMetadataTable, function* (ctx) {
  for (const o of ofType(ctx, 'codeunit')) {
    yield rowOf(codeUnitMetadataTable, {
      ID: o.id, Name: o.name.slice(0, 30), TableNo: idOf(ctx, 'table', prop(o, 'TableNo')), SingleInstance: boolProp(o, 'SingleInstance'),
      SubType: optionOrdinal(codeUnitMetadataTable, 'SubType', prop(o, 'Subtype') || 'Normal'), 'App ID': NULL_GUID,
      TestType: optionOrdinal(codeUnitMetadataTable, 'TestType', prop(o, 'TestType') || 'None'),
      RequiredTestIsolation: optionOrdinal(codeUnitMetadataTable, 'RequiredTestIsolation', prop(o, 'RequiredTestIsolation') || 'None'),
    });
  }
}, { metadataOnly: true });

export const ReportMetadataVirtualTable = virtualTable(reportMetadataTable, function* (ctx) {
  for (const o of ofType(ctx, 'report')) {
    yield rowOf(reportMetadataTable, {
      ID: o.id, Name: o.name.slice(0, 30), Caption: captionOf(o).slice(0, 80), UseRequestPage: boolProp(o, 'UseRequestPage', true),
      ProcessingOnly: boolProp(o, 'ProcessingOnly'), 'App ID': NULL_GUID, DefaultLayoutName: text(o, 'DefaultRenderingLayout').slice(0, 100),
    });
  }
}, { metadataOnly: true });

export const KeyVirtualTable = virtualTable(keyTable, function* (ctx) {
  for (const t of ctx.tables()) {
    const decl = ctx.objects().find((o) => o.type === 'table' && o.table === t)?.decl;
    const keys = decl?.keys.length ? decl.keys.map((k) => k.fields) : t.def.keys;
    let no = 0;
    for (const k of keys) {
      no++;
      yield rowOf(keyTable, { TableNo: t.def.id, 'No.': no, TableName: t.def.name.slice(0, 30), Key: k.join(',').slice(0, 250), Enabled: true, MaintainSQLIndex: true, MaintainSIFTIndex: true, Clustered: no === 1, Unique: no === 1 });
    }
  }
}, { metadataOnly: true });
