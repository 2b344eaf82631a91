// Canonical AL type names (the source is case-insensitive) and the classification the compiler needs:
// which types are values (copied, passed by `{ v }` reference) and which are objects.
import type { TypeRef } from './ast';

const CANONICAL = new Map<string, string>();
for (const n of [
  'Integer', 'BigInteger', 'Decimal', 'Boolean', 'Text', 'Code', 'Char', 'Byte', 'Option', 'Enum', 'Date', 'Time',
  'DateTime', 'Duration', 'Guid', 'Label', 'TextConst', 'BigText', 'Record', 'RecordRef', 'FieldRef', 'KeyRef', 'RecordId',
  'Codeunit', 'Page', 'Report', 'Query', 'XmlPort', 'Dictionary', 'List', 'Variant', 'ErrorInfo', 'Interface',
  'DateFormula', 'Blob', 'Media', 'MediaSet', 'InStream', 'OutStream', 'TextBuilder', 'JsonObject', 'JsonArray',
  'JsonToken', 'JsonValue', 'HttpClient', 'HttpRequestMessage', 'HttpResponseMessage', 'HttpContent', 'HttpHeaders',
  'XmlDocument', 'XmlElement', 'XmlNode', 'Dialog', 'Notification', 'SessionSettings', 'ModuleInfo', 'TestPage',
  'FilterPageBuilder', 'Action', 'Verbosity', 'DataClassification', 'ExecutionMode', 'TableConnectionType',
  'TransactionType', 'DotNet', 'Automation', 'File', 'CurrPage', 'SecretText', 'ObjectType', 'TextEncoding',
  'DataScope', 'IsolationLevel', 'SecurityFilter', 'PageBackgroundTaskErrorLevel', 'ErrorType', 'TelemetryScope',
  'ClientType', 'DefaultLayout', 'ReportFormat', 'Cookie', 'Version', 'TableFilter', 'WebServiceActionContext',
]) {
  CANONICAL.set(n.toLowerCase(), n);
}

export function canonicalTypeName(name: string): string {
  return CANONICAL.get(name.toLowerCase()) ?? name;
}

/** A TypeRef with a canonical name (idempotent and cheap when already canonical). */
export function normType(t: TypeRef): TypeRef {
  const c = CANONICAL.get(t.name.toLowerCase());
  if (c === undefined || c === t.name) return t;
  return { ...t, name: c };
}

/** Value types: assignment copies, `var` parameters need a reference object. */
const SCALAR = new Set([
  'Integer', 'BigInteger', 'Decimal', 'Boolean', 'Text', 'Code', 'Char', 'Byte', 'Option', 'Enum', 'Date', 'Time',
  'DateTime', 'Duration', 'Guid', 'Label', 'TextConst', 'Variant', 'DateFormula', 'RecordId', 'SecretText',
  'ObjectType', 'PageBackgroundTaskErrorLevel', 'Verbosity', 'DataClassification', 'ExecutionMode', 'TransactionType',
  'IsolationLevel', 'ErrorType', 'ClientType', 'TableConnectionType', 'TelemetryScope', 'DataScope', 'SecurityFilter',
  'TextEncoding', 'ReportFormat', 'DefaultLayout', 'Interface', 'Action',
  // Reference types whose variable can be re-pointed (CreateOutStream, `:=`): a `var` parameter must reach the
  // caller's variable, not only the object it held at the call.
  'InStream', 'OutStream', 'JsonObject', 'JsonArray', 'JsonToken', 'JsonValue', 'XmlDocument', 'XmlElement', 'XmlNode',
  'HttpClient', 'HttpRequestMessage', 'HttpResponseMessage', 'HttpContent', 'HttpHeaders', 'Notification', 'DotNet',
  'Media', 'MediaSet', 'ModuleInfo', 'Version',
]);

export function isScalarType(t: TypeRef): boolean {
  return SCALAR.has(normType(t).name);
}

const OBJECTS = new Set(['Record', 'Codeunit', 'Page', 'Report', 'Query', 'XmlPort', 'Dictionary', 'List', 'RecordRef', 'FieldRef', 'ErrorInfo', 'Interface', 'TextBuilder', 'CurrPage']);

export function isObjectType(name: string): boolean {
  return OBJECTS.has(name);
}

/** System enums usable as `Name::Member` without a workspace enum object. */
export const SYSTEM_ENUMS: Record<string, string[]> = {
  pagebackgroundtaskerrorlevel: ['Ignore', 'Warning', 'Error'],
  objecttype: ['TableData', 'Table', '', 'Report', '', 'Codeunit', 'XMLport', 'MenuSuite', 'Page', 'Query', 'System', 'FieldNumber'],
  verbosity: ['Critical', 'Error', 'Warning', 'Normal', 'Verbose'],
  dataclassification: ['CustomerContent', 'ToBeClassified', 'EndUserIdentifiableInformation', 'AccountData', 'EndUserPseudonymousIdentifiers', 'OrganizationIdentifiableInformation', 'SystemMetadata'],
  telemetryscope: ['ExtensionPublisher', 'All'],
  errortype: ['Client', 'Internal'],
  executionmode: ['Standard', 'Debug'],
  transactiontype: ['UpdateNoLocks', 'Update', 'Snapshot', 'Browse', 'Report'],
  isolationlevel: ['Default', 'ReadUncommitted', 'ReadCommitted', 'RepeatableRead', 'UpdLock'],
  executioncontext: ['Normal', 'Install', 'Uninstall', 'Upgrade'],
  notificationscope: ['LocalScope', 'GlobalScope'],
  clienttype: ['Background', 'Windows', 'Web', 'NAS', 'SOAP', 'OData', 'Management', 'Desktop', 'Tablet', 'Phone', 'ODataV4', 'Api', 'Teams', 'ChildSession', 'Default'],
  textencoding: ['MSDos', 'UTF8', 'UTF16', 'Windows'],
  datascope: ['Company', 'Module', 'User', 'CompanyAndUser'],
  securityfilter: ['Ignored', 'Filtered', 'Validated', 'Disallowed'],
  action: ['', 'OK', 'Cancel', 'LookupOK', 'LookupCancel', 'Yes', 'No', 'RunObject', 'RunSystem'],
};
