// The load checks: what stops a table from loading as declared (a field of a type a table field cannot have, two
// fields with one id or name, a key naming a field the table does not have), as `LOAD` error diagnostics. The
// runtime's loader reports the same problems, with the same words (tableShape.ts), as load errors.
import type { Finding } from './diagnostic';
import type { TableFieldDecl } from './model/ir';
import type { Workspace, WsObject } from './model/workspace';
import { duplicateFieldMessage, fieldTypeMessage, isTableFieldType, keyFieldMessage, LOAD_CODE, SYSTEM_FIELDS } from './tableShape';

const systemNames = SYSTEM_FIELDS.map((f) => f.name.toLowerCase());

export function loadFindings(ws: Workspace, files?: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  const report = (file: string, start: number, end: number, message: string) => out.push({ ruleId: LOAD_CODE, severity: 'error', message, file, start, end });
  for (const model of ws.files.values()) {
    if (files && !files.has(model.path)) continue;
    for (const obj of model.objects) {
      if (obj.kind !== 'table' && obj.kind !== 'tableextension') continue;
      const base = obj.kind === 'table' ? obj : ws.baseObject(obj);
      // A table extension of a table outside the workspace (a symbol package) cannot be checked here.
      if (!base || (base as WsObject).external) continue;
      // The fields the table has before this object's own: a table extension's come after its table's and after
      // those of the extensions loaded before it (the loader's order).
      const exts = obj.kind === 'table' ? [] : ws.extensionsOf(base);
      const earlier = obj.kind === 'table' ? [] : [base, ...exts.slice(0, Math.max(0, exts.indexOf(obj)))].flatMap((o) => validFields(o.tableFields));
      const ids = new Set(earlier.map((f) => f.id));
      const names = new Set(earlier.map((f) => f.name.toLowerCase()));
      for (const f of obj.tableFields ?? []) {
        if (!isTableFieldType(f.typeName)) {
          report(obj.file, f.typeStart, f.typeEnd, fieldTypeMessage(f.name, f.typeName));
          continue;
        }
        const twin = ids.has(f.id) ? 'id' : names.has(f.name.toLowerCase()) ? 'name' : undefined;
        if (twin) report(obj.file, f.start, f.end, duplicateFieldMessage(base.name, f.name, f.id, twin));
        ids.add(f.id);
        names.add(f.name.toLowerCase());
      }
      for (const n of systemNames) names.add(n);
      // A table extension's keys may name fields of any extension of the table.
      for (const e of exts) for (const f of validFields(e.tableFields)) names.add(f.name.toLowerCase());
      for (const k of obj.tableKeys ?? []) {
        for (const kf of k.fields) if (!names.has(kf.name.toLowerCase())) report(obj.file, kf.start, kf.end, keyFieldMessage(base.name, k.name, kf.name));
      }
    }
  }
  return out;
}

function validFields(fields: TableFieldDecl[] | undefined): TableFieldDecl[] {
  return (fields ?? []).filter((f) => isTableFieldType(f.typeName));
}
