// Builds a table's run-time model from its declaration and its table extensions: FieldDefs (types, lengths,
// option/enum members, FieldClass, parsed CalcFormula, InitValue), keys, captions, system fields, and the
// field triggers (the table's OnValidate plus extensions' OnBeforeValidate/OnAfterValidate).
import type { CalcFormula, FieldDef, FieldType, LoadResult, TableDef } from '../contracts';
import { duplicateFieldMessage, fieldTypeMessage, isTableFieldType, keyFieldMessage, SYSTEM_FIELDS } from '../../analysis/tableShape';
import type { FieldDecl, KeyDecl, ProcDecl, TypeRef } from './ast';
import type { FieldModel, ObjectModel, ProcInfo, TableModel } from './model';
import { TableInfo } from '../store/tableInfo';
import { evaluateText } from '../values/evaluate';
import { unquote } from './lower';


type MkProc = (p: { obj: ObjectModel; decl: ProcDecl }, name: string, extra: Partial<ProcInfo>) => ProcInfo;

export function buildTable(o: ObjectModel, membersOf: (t: TypeRef) => string[] | undefined, mkProc: MkProc, errors: LoadResult['errors']): TableModel {
  const fieldsById = new Map<number, FieldModel>();
  const fieldsByName = new Map<string, FieldModel>();
  const defs: FieldDef[] = [];
  const add = (owner: ObjectModel, fd: FieldDecl) => {
    const t = fd.type;
    const typeName = (t.name === 'Label' ? 'Text' : t.name) as FieldType;
    // A problem of the declaration is a load error (file and line) and the field is left out; the table still loads.
    if (!isTableFieldType(typeName) || t.dims) {
      errors.push({ file: owner.file, line: fd.loc.line, character: fd.loc.character, message: fieldTypeMessage(fd.name, t.dims ? `an array of ${t.name}` : t.name) });
      return;
    }
    const twin = fieldsById.has(fd.id) ? 'id' : fieldsByName.has(fd.name.toLowerCase()) ? 'name' : undefined;
    if (twin) {
      errors.push({ file: owner.file, line: fd.loc.line, character: fd.loc.character, message: duplicateFieldMessage(o.name, fd.name, fd.id, twin) });
      return;
    }
    const props = fd.properties;
    const fc = (props.get('fieldclass')?.text ?? 'Normal').toLowerCase();
    const def: FieldDef = {
      id: fd.id,
      name: fd.name,
      type: typeName,
      length: t.length ?? (typeName === 'Code' || typeName === 'Text' ? 0 : 0),
      fieldClass: fc === 'flowfield' ? 'FlowField' : fc === 'flowfilter' ? 'FlowFilter' : 'Normal',
    };
    if (typeName === 'Option') def.optionMembers = t.optionMembers ?? splitMembers(props.get('optionmembers')?.text);
    if (typeName === 'Enum') {
      def.enumName = t.subtype;
      def.optionMembers = membersOf(t);
    }
    if (def.fieldClass === 'FlowField') {
      const cf = props.get('calcformula')?.text;
      const parsed = cf ? parseCalcFormula(cf) : undefined;
      if (parsed) def.calcFormula = parsed;
      else errors.push({ file: owner.file, line: fd.loc.line, character: fd.loc.character, message: `the CalcFormula of FlowField ${fd.name} is not understood: CalcFields on it will fail` });
    }
    const iv = props.get('initvalue')?.text;
    if (iv !== undefined) {
      const r = evaluateText({ type: typeName, optionMembers: def.optionMembers, length: def.length }, iv);
      if (r.ok) def.initValue = r.value;
      else if (def.optionMembers) {
        const i = def.optionMembers.findIndex((m) => m.toLowerCase() === iv.toLowerCase());
        if (i >= 0) def.initValue = i;
      }
    }
    const fm: FieldModel = { def, decl: fd, type: t, triggers: new Map(), caption: props.get('caption')?.text ?? fd.name };
    for (const tr of fd.triggers) {
      const pi = mkProc({ obj: owner, decl: tr }, `"${fd.name}" - ${tr.name}`, { fieldId: fd.id });
      owner.fieldTriggerProcs.push(pi);
      addTrigger(fm, tr.name.toLowerCase(), pi);
    }
    fieldsById.set(fd.id, fm);
    fieldsByName.set(fd.name.toLowerCase(), fm);
    defs.push(def);
  };
  for (const fd of o.decl.fields) add(o, fd);
  for (const ext of o.extensions) for (const fd of ext.decl.fields) add(ext, fd);
  for (const sf of SYSTEM_FIELDS) {
    if (fieldsById.has(sf.id)) continue;
    const def: FieldDef = { id: sf.id, name: sf.name, type: sf.type, length: 0, fieldClass: 'Normal' };
    const fm: FieldModel = { def, decl: { id: sf.id, name: sf.name, type: { name: sf.type }, properties: new Map(), triggers: [], loc: o.decl.loc }, type: { name: sf.type }, triggers: new Map(), caption: sf.name };
    fieldsById.set(sf.id, fm);
    fieldsByName.set(sf.name.toLowerCase(), fm);
    defs.push(def);
  }
  // Table extensions' `modify(Field) { trigger OnBeforeValidate/OnAfterValidate }` wrap the table's OnValidate.
  for (const ext of o.extensions) {
    for (const mod of ext.decl.fieldModifications) {
      const fm = fieldsByName.get(mod.name.toLowerCase());
      if (!fm) continue;
      for (const tr of mod.triggers) {
        const pi = mkProc({ obj: ext, decl: tr }, `"${fm.def.name}" - ${tr.name}`, { fieldId: fm.def.id });
        ext.fieldTriggerProcs.push(pi);
        addTrigger(fm, tr.name.toLowerCase(), pi);
      }
    }
  }
  for (const fm of fieldsById.values()) {
    const before = fm.triggers.get('onbeforevalidate') ?? [];
    const own = fm.triggers.get('onvalidate') ?? [];
    const after = fm.triggers.get('onaftervalidate') ?? [];
    if (before.length || after.length) fm.triggers.set('onvalidate', [...before, ...own, ...after]);
  }
  // Keys name fields by their declared names; a name the table lacks is a load error at that name and the key is
  // used without it (the table still loads). A primary key left with no field falls back to the first field.
  const keyOf = (owner: ObjectModel, k: KeyDecl): string[] =>
    k.fields.flatMap((n, i) => {
      const fm = fieldsByName.get(n.toLowerCase());
      if (fm) return [fm.def.name];
      const at = k.fieldLocs[i] ?? k.loc;
      errors.push({ file: owner.file, line: at.line, character: at.character, message: keyFieldMessage(o.name, k.name, n) });
      return [];
    });
  const keys = o.decl.keys.map((k) => keyOf(o, k));
  if (keys.length === 0 || keys[0].length === 0) {
    const first = defs[0];
    if (keys.length === 0 && o.decl.fields.length > 0) errors.push({ file: o.file, line: o.decl.loc.line, character: o.decl.loc.character, message: `table ${o.name} declares no primary key: its first field is used` });
    if (keys.length) keys[0] = [first.name];
    else keys.push([first.name]);
  }
  for (const ext of o.extensions) for (const k of ext.decl.keys) keys.push(keyOf(ext, k));
  const canon = keys.filter((k, i) => i === 0 || k.length > 0);
  const def: TableDef = {
    id: o.id,
    name: o.name,
    fields: defs,
    keys: canon,
    temporaryOnly: /^temporary$/i.test(o.decl.properties.get('tabletype')?.text ?? '') || undefined,
    // DataPerCompany = false: one set of rows shared by every company (the store's default is per company).
    ...(/^false$/i.test(o.decl.properties.get('datapercompany')?.text ?? '') ? { dataPerCompany: false } : {}),
  };
  const info = new TableInfo(def);
  return {
    def, info, fieldsById, fieldsByName,
    pkFieldIds: info.pk.map((f) => f.id),
    caption: o.decl.properties.get('caption')?.text ?? o.name,
  };
}

function addTrigger(fm: FieldModel, name: string, pi: ProcInfo): void {
  const l = fm.triggers.get(name);
  if (l) l.push(pi);
  else fm.triggers.set(name, [pi]);
}

function splitMembers(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return unquote(text.trim()).split(',').map((x) => x.trim().replace(/^"(.*)"$/, '$1'));
}

// ---------------------------------------------------------------------------------------------------------
// CalcFormula
// ---------------------------------------------------------------------------------------------------------

/** Tokens of a CalcFormula: identifiers (quoted or not), 'literals', punctuation. */
function tokenize(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      const j = s.indexOf('"', i + 1);
      out.push(s.slice(i, j < 0 ? s.length : j + 1));
      i = j < 0 ? s.length : j + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (j < s.length && !(s[j] === "'" && s[j + 1] !== "'")) j += s[j] === "'" ? 2 : 1;
      out.push(s.slice(i, j + 1));
      i = j + 1;
    } else if ('(),.='.includes(c)) {
      out.push(c);
      i++;
    } else if (c === '<' || c === '>') {
      // Comparison operators inside FILTER(...) are kept with their text.
      out.push(c);
      i++;
    } else {
      let j = i;
      while (j < s.length && !/[\s"'(),.=<>]/.test(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
  }
  return out;
}

function nameOf(tok: string): string {
  return tok.startsWith('"') ? tok.slice(1, -1) : tok;
}

/** `Sum("Cust. Ledger Entry".Amount where("Customer No." = field("No.")))` and friends; undefined when not understood. */
export function parseCalcFormula(text: string): CalcFormula | undefined {
  const toks = tokenize(text);
  let i = 0;
  if (toks[i] === '-') i++;
  const methodTok = (toks[i++] ?? '').toLowerCase();
  const method = ({ count: 'Count', sum: 'Sum', average: 'Average', min: 'Min', max: 'Max', exist: 'Exist', lookup: 'Lookup' } as const)[methodTok];
  if (!method || toks[i++] !== '(') return undefined;
  // Table name, possibly namespace-qualified (A.B."Table"), then `.Field` for value methods.
  const parts: string[] = [nameOf(toks[i++] ?? '')];
  while (toks[i] === '.') {
    i++;
    parts.push(nameOf(toks[i++] ?? ''));
  }
  let table: string;
  let field: string | undefined;
  if (method === 'Count' || method === 'Exist') table = parts[parts.length - 1];
  else {
    if (parts.length < 2) return undefined;
    field = parts[parts.length - 1];
    table = parts[parts.length - 2];
  }
  const where: CalcFormula['where'] = [];
  if ((toks[i] ?? '').toLowerCase() === 'where') {
    i++;
    if (toks[i++] !== '(') return undefined;
    while (i < toks.length && toks[i] !== ')') {
      const f = nameOf(toks[i++]);
      if (toks[i++] !== '=') return undefined;
      const kind = (toks[i++] ?? '').toLowerCase();
      if (toks[i++] !== '(') return undefined;
      // The argument runs to the matching ')'.
      let depth = 1;
      const start = i;
      while (i < toks.length && depth > 0) {
        if (toks[i] === '(') depth++;
        else if (toks[i] === ')') depth--;
        if (depth > 0) i++;
      }
      const argToks = toks.slice(start, i);
      i++; // ')'
      if (kind === 'field') {
        const inner = argToks.filter((t) => t !== '(' && t !== ')');
        // field(UpperLimit(X)) / field(FilterName): use the field name.
        where.push({ field: f, kind: 'field', value: nameOf(inner[inner.length - 1] ?? '') });
      } else if (kind === 'const') {
        where.push({ field: f, kind: 'const', value: argToks.map((t) => (t.startsWith("'") ? unquote(t) : nameOf(t))).join('') });
      } else if (kind === 'filter') {
        where.push({ field: f, kind: 'filter', value: argToks.map((t) => nameOf(t)).join('') });
      } else return undefined;
      if (toks[i] === ',') i++;
    }
  }
  return { method, table, field, where };
}
