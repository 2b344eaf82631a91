// Generated AL workspaces for the load fuzz test and `npm run bench:fuzz-load`: tables (fields of valid and invalid
// types, keys naming fields that may not exist, repeated ids), table extensions, pages on tables that may not exist,
// and codeunits doing record work (insert, get, modify, loops over lists and dictionaries), with random mutations
// (semantic ones, and sometimes the parser fuzzer's text mutations on one file). Deterministic per seed.
import { mutate, rng } from '../../syntax/fuzzSupport';

export interface GeneratedWorkspace {
  files: { path: string; text: string }[];
  /** The codeunit a scenario step runs. */
  entry: number;
}

const GOOD_TYPES = ['Integer', 'BigInteger', 'Decimal', 'Boolean', 'Text[50]', 'Code[20]', 'Date', 'Time', 'DateTime', 'Guid', 'Blob', 'Option', 'Duration', 'DateFormula'];
const BAD_TYPES = ['Money', 'Record Customer', 'List of [Text]', 'Codeunit 1', 'Char', 'Variant', 'Text', 'Dictionary of [Integer, Text]', 'Interface "X"'];

export function generateWorkspace(seed: number): GeneratedWorkspace {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const files: { path: string; text: string }[] = [];
  const tables: { id: number; name: string; fields: { id: number; name: string; type: string }[] }[] = [];
  const nTables = 1 + Math.floor(r() * 3);
  for (let t = 0; t < nTables; t++) {
    const id = 50100 + t;
    const name = `Fuzz Table ${t}`;
    const fields: { id: number; name: string; type: string }[] = [];
    const nFields = 1 + Math.floor(r() * 6);
    for (let f = 0; f < nFields; f++) {
      const fid = chance(0.1) && fields.length ? pick(fields).id : f + 1;
      const fname = chance(0.05) && fields.length ? pick(fields).name : `F${f}${chance(0.3) ? ' Name' : ''}`;
      fields.push({ id: fid, name: fname, type: chance(0.12) ? pick(BAD_TYPES) : pick(GOOD_TYPES) });
    }
    tables.push({ id, name, fields });
    const keyField = () => (chance(0.15) ? pick(['Number', 'Missing', 'SystemId', '']) : pick(fields).name);
    const keys: string[] = [];
    const nKeys = chance(0.1) ? 0 : 1 + Math.floor(r() * 3);
    for (let k = 0; k < nKeys; k++) {
      const kf = Array.from({ length: 1 + Math.floor(r() * 2) }, keyField).filter((x) => x !== '' || chance(0.5));
      keys.push(`        key(K${k}; ${kf.map((x) => `"${x}"`).join(', ')}) { ${k === 0 ? 'Clustered = true; ' : ''}}`);
    }
    files.push({
      path: `/fuzz/src/Table${t}.Table.al`,
      text: `table ${id} "${name}"\n{\n    ${chance(0.1) ? 'TableType = Temporary;\n    ' : ''}fields\n    {\n${fields
        .map((f) => `        field(${f.id}; "${f.name}"; ${f.type}) { ${f.type === 'Option' ? 'OptionMembers = A,B,C; ' : ''}${chance(0.1) ? 'FieldClass = FlowField; CalcFormula = count("Fuzz Table 0"); ' : ''}}`)
        .join('\n')}\n    }\n    keys\n    {\n${keys.join('\n')}\n    }\n}\n`,
    });
    if (chance(0.3)) {
      const base = chance(0.8) ? name : 'Not A Table';
      files.push({
        path: `/fuzz/src/Table${t}Ext.TableExt.al`,
        text: `tableextension ${id} "${name} Ext" extends "${base}"\n{\n    fields\n    {\n        field(${chance(0.2) ? 1 : 50000}; "Ext Field"; ${chance(0.15) ? pick(BAD_TYPES) : pick(GOOD_TYPES)}) { }\n    }\n    keys\n    {\n        key(ExtKey; "${chance(0.3) ? 'Nope' : 'Ext Field'}") { }\n    }\n}\n`,
      });
    }
  }
  const t0 = tables[0];
  const fieldRef = (t: (typeof tables)[number]) => `"${chance(0.1) ? 'No Such Field' : pick(t.fields).name}"`;
  // A page on a table (that may not exist), with fields that may not exist.
  files.push({
    path: '/fuzz/src/Page.Page.al',
    text: `page 50100 "Fuzz Page"\n{\n    PageType = Card;\n    SourceTable = "${chance(0.1) ? 'Missing Table' : t0.name}";\n    layout\n    {\n        area(Content)\n        {\n            field(A; Rec.${fieldRef(t0)}) { }\n            field(B; Rec.${fieldRef(t0)}) { }\n        }\n    }\n    trigger OnOpenPage()\n    begin\n        Rec.Init();\n    end;\n}\n`,
  });
  // Codeunits: record work on the tables, collections, a call into another codeunit.
  const body: string[] = [];
  const n = 2 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const t = pick(tables);
    const f = pick(t.fields);
    const value = /Integer|Decimal|BigInteger|Option/.test(f.type) ? String(i) : /Boolean/.test(f.type) ? 'true' : /Date|Time|Guid|Duration|Formula|Blob/.test(f.type) ? '' : `'v${i}'`;
    switch (Math.floor(r() * 8)) {
      case 0:
        if (value) body.push(`        R${tables.indexOf(t)}.${fieldRef(t)} := ${value};`);
        break;
      case 1:
        body.push(`        if R${tables.indexOf(t)}.Insert() then;`);
        break;
      case 2:
        body.push(`        if R${tables.indexOf(t)}.FindSet() then repeat N += 1; until R${tables.indexOf(t)}.Next() = 0;`);
        break;
      case 3:
        body.push(`        L.Add('item ${i}'); if L.Count() > 0 then D.Set(L.Get(1), N);`);
        break;
      case 4:
        body.push(`        R${tables.indexOf(t)}.SetRange(${fieldRef(t)}, ${value || "''"});`);
        break;
      case 5:
        body.push(`        if R${tables.indexOf(t)}.Get(${value || "''"}) then R${tables.indexOf(t)}.Delete(${chance(0.5) ? 'true' : ''});`);
        break;
      case 6:
        body.push(`        for J := 1 to ${Math.floor(r() * 50)} do N += J;`);
        break;
      default:
        body.push(`        Helper.Run();`);
    }
  }
  const vars = tables.map((t, i) => `        R${i}: Record "${t.name}"${chance(0.2) ? ' temporary' : ''};`).join('\n');
  files.push({
    path: '/fuzz/src/Entry.Codeunit.al',
    text: `codeunit 50100 "Fuzz Entry"\n{\n    trigger OnRun()\n    var\n${vars}\n        L: List of [Text];\n        D: Dictionary of [Text, Integer];\n        Helper: Codeunit "Fuzz Helper";\n        N: Integer;\n        J: Integer;\n    begin\n${body.join('\n')}\n        Message('%1 %2', N, L.Count());\n    end;\n}\n`,
  });
  files.push({
    path: '/fuzz/src/Helper.Codeunit.al',
    text: `codeunit 50101 "Fuzz Helper"\n{\n    trigger OnRun()\n    var\n        T: Text;\n    begin\n        T := '${chance(0.5) ? 'x' : ''}';\n        ${chance(0.3) ? 'Error(\'helper failed %1\', T);' : 'T += \'y\';'}\n    end;\n}\n`,
  });
  // Sometimes the parser fuzzer's text mutations on one file.
  if (chance(0.25)) {
    const f = pick(files);
    f.text = mutate(f.text, r);
  }
  return { files, entry: 50100 };
}
