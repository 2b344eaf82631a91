// Finds AL object headers (type, id, name, line) in source text through the syntax layer's parser (the same
// reading of AL as the language server and the runtime), for pickers and "Go to Object". No 'vscode' here, so
// it is unit-tested.
import { getObjectInfo, getObjects, parseFile, type ObjectType } from '../syntax';

export interface ObjectHeader {
  type: string;
  id: number;
  name: string;
  /** 0-based line of the header. */
  line: number;
}

/** How pickers name the object types that have ids. */
const typeNames: Partial<Record<ObjectType, string>> = {
  codeunit: 'Codeunit',
  page: 'Page',
  pageextension: 'PageExtension',
  table: 'Table',
  tableextension: 'TableExtension',
  report: 'Report',
  reportextension: 'ReportExtension',
  query: 'Query',
  xmlport: 'XmlPort',
  enum: 'Enum',
  enumextension: 'EnumExtension',
  permissionset: 'PermissionSet',
  permissionsetextension: 'PermissionSetExtension',
};

/** The objects with an id declared in a file (a file with syntax errors still gives the headers the parser recovered). */
export function scanObjectHeaders(text: string): ObjectHeader[] {
  const parsed = parseFile(text);
  const out: ObjectHeader[] = [];
  for (const node of getObjects(parsed.root)) {
    const info = getObjectInfo(node);
    const type = typeNames[info.objectType];
    if (!type || info.id === undefined || !info.name) continue;
    out.push({ type, id: info.id, name: info.name, line: parsed.lineMap.position(info.keyword.start).line });
  }
  return out;
}
