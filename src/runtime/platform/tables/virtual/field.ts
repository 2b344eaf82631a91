// Field (2000000041), virtual: one row per field of every loaded table (workspace, dependencies and platform),
// with its type, length, class, caption, relation, option string, obsolete state and data classification.
import type { FieldDef } from '../../../contracts';
import type { FieldModel, TableModel } from '../../../interpreter/model';
import { fieldTable } from '../declared/field';
import { virtualTable } from '../systemTable';
import { NULL_GUID, optionOrdinal, rowOf } from './rowHelpers';

const TYPE_MEMBER: Record<FieldDef['type'], string> = {
  Integer: 'Integer', BigInteger: 'BigInteger', Decimal: 'Decimal', Boolean: 'Boolean', Text: 'Text', Code: 'Code', Option: 'Option', Enum: 'Option',
  Date: 'Date', Time: 'Time', DateTime: 'DateTime', Duration: 'Duration', Guid: 'GUID', Blob: 'BLOB', Media: 'Media', MediaSet: 'MediaSet',
  RecordId: 'RecordID', TableFilter: 'TableFilter', DateFormula: 'DateFormula',
};
/** Bytes per value, as BC's Len reports them for types without a declared length. */
const TYPE_LEN: Partial<Record<FieldDef['type'], number>> = { Integer: 4, BigInteger: 8, Decimal: 12, Boolean: 4, Option: 4, Enum: 4, Date: 4, Time: 4, DateTime: 8, Duration: 8, Guid: 16, Blob: 8, Media: 16, MediaSet: 16, RecordId: 448, DateFormula: 32, TableFilter: 0 };

const classes = ['Normal', 'FlowField', 'FlowFilter'];
const obsolete = ['no', 'pending', 'removed'];
const classifications = ['customercontent', 'tobeclassified', 'enduseridentifiableinformation', 'accountdata', 'endUserpseudonymousidentifiers', 'organizationidentifiableinformation', 'systemmetadata'].map((x) => x.toLowerCase());

function relation(fm: FieldModel, tables: Map<string, TableModel>): [number, number] {
  const rel = fm.decl.properties.get('tablerelation')?.text;
  if (!rel) return [0, 0];
  // The first related table (`"Table"."Field" where (...)`, or `if (...) A else B`: its first branch).
  const m = /^\s*(?:if\s*\(.*?\)\s*)?("([^"]+)"|[A-Za-z_][A-Za-z0-9_]*)(?:\.("([^"]+)"|[A-Za-z_][A-Za-z0-9_.]*))?/is.exec(rel);
  if (!m) return [0, 0];
  const t = tables.get((m[2] ?? m[1]).toLowerCase());
  if (!t) return [0, 0];
  const fieldName = m[4] ?? m[3];
  const f = fieldName ? t.fieldsByName.get(fieldName.toLowerCase()) : t.fieldsById.get(t.pkFieldIds[t.pkFieldIds.length - 1]);
  return [t.def.id, f?.def.id ?? 0];
}

export const FieldVirtualTable = virtualTable(fieldTable, function* (ctx, filters) {
  const all = ctx.tables();
  const byName = new Map<string, TableModel>();
  for (const t of all) byName.set(t.def.name.toLowerCase(), t);
  // Reads of one table's fields (SetRange(TableNo, X)) visit that table only.
  const only = filters?.find((f) => f.fieldId === 1 && f.range && f.range.to === undefined)?.range?.from;
  for (const t of all) {
    if (typeof only === 'number' && t.def.id !== only) continue;
    for (const fm of t.fieldsById.values()) {
      const d = fm.def;
      const len = d.type === 'Text' || d.type === 'Code' ? d.length : (TYPE_LEN[d.type] ?? 0);
      const [relTable, relField] = relation(fm, byName);
      const dc = (fm.decl.properties.get('dataclassification')?.text ?? 'ToBeClassified').toLowerCase();
      const os = (fm.decl.properties.get('obsoletestate')?.text ?? 'No').toLowerCase();
      yield rowOf(fieldTable, {
        TableNo: t.def.id,
        'No.': d.id,
        TableName: t.def.name.slice(0, 30),
        FieldName: d.name.slice(0, 30),
        Type: optionOrdinal(fieldTable, 'Type', TYPE_MEMBER[d.type]),
        Len: len,
        Class: Math.max(0, classes.indexOf(d.fieldClass)),
        Enabled: !/^false$/i.test(fm.decl.properties.get('enabled')?.text ?? ''),
        'Type Name': `${TYPE_MEMBER[d.type] === 'GUID' ? 'GUID' : TYPE_MEMBER[d.type]}${d.type === 'Text' || d.type === 'Code' ? d.length : ''}`.slice(0, 30),
        'Field Caption': fm.caption.slice(0, 80),
        RelationTableNo: relTable,
        RelationFieldNo: relField,
        SQLDataType: 0,
        OptionString: (d.optionMembers ?? []).join(',').slice(0, 2047),
        ObsoleteState: Math.max(0, obsolete.indexOf(os === 'moved' ? 'removed' : os)),
        ObsoleteReason: (fm.decl.properties.get('obsoletereason')?.text ?? '').replace(/^'(.*)'$/, '$1').slice(0, 248),
        DataClassification: Math.max(0, classifications.indexOf(dc)),
        IsPartOfPrimaryKey: t.pkFieldIds.includes(d.id),
        'App Package ID': NULL_GUID,
        'App Runtime Package ID': NULL_GUID,
      });
    }
  }
}, { metadataOnly: true });
