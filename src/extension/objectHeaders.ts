// Finds AL object headers (type, id, name, line) in source text: a header scan, not a parse, good enough for
// pickers and "Go to Object". No 'vscode' here, so it is unit-tested.

export interface ObjectHeader {
  type: string;
  id: number;
  name: string;
  /** 0-based line of the header. */
  line: number;
}

// Object headers: `codeunit 50100 PBTWaitCodeunit`, `page 21 "Customer Card"`, at the start of a line.
const HEADER = /^[ \t]*(codeunit|page|table|report|query|xmlport|enum|pageextension|tableextension|enumextension)[ \t]+(\d+)[ \t]+("(?:[^"]|"")+"|[A-Za-z_][\w]*)/gim;

export function scanObjectHeaders(text: string): ObjectHeader[] {
  const out: ObjectHeader[] = [];
  for (const m of text.matchAll(HEADER)) {
    const before = text.slice(0, m.index);
    const line = before.split('\n').length - 1;
    const type = m[1].charAt(0).toUpperCase() + m[1].slice(1).toLowerCase();
    const name = m[3].startsWith('"') ? m[3].slice(1, -1).replace(/""/g, '"') : m[3];
    out.push({ type: type === 'Pageextension' ? 'PageExtension' : type === 'Tableextension' ? 'TableExtension' : type === 'Enumextension' ? 'EnumExtension' : type, id: Number(m[2]), name, line });
  }
  return out;
}
