// RecordRef and FieldRef basics: a RecordRef wraps a record variable of a table chosen at run time (Open,
// GetTable) and forwards the Record methods to it; a FieldRef reads and writes one field of it (Value, SetRange,
// SetFilter, Validate, TestField, CalcField) and describes it (Name, Number, Caption, Type, Length, Class).
import { AlError } from './errors';
import { registry, T, tBool, tInt, tText, type Builtin, type CallInfo } from './methodTypes';
import { AlRecord, convertForField } from './record';
import { recordMethods } from './recordMethods';
import type { Rt } from './rt';
import { toSourceLocation, type FieldModel } from './model';
import { Variant } from './objects';

export class RecordRefValue {
  rec?: AlRecord;
}

export class FieldRefValue {
  constructor(
    readonly rr: RecordRefValue | undefined,
    readonly fieldId: number,
  ) {}
}

const where = (ci: CallInfo) => toSourceLocation(ci.loc);

function recOf(rr: RecordRefValue, ci: CallInfo): AlRecord {
  if (!(rr instanceof RecordRefValue) || !rr.rec) throw new AlError('The RecordRef is not open (call Open or GetTable first).', '', where(ci));
  return rr.rec;
}

function fieldOf(fr: FieldRefValue, ci: CallInfo): { rec: AlRecord; fm: FieldModel } {
  if (!(fr instanceof FieldRefValue) || !fr.rr) throw new AlError('The FieldRef is not set (use RecordRef.Field first).', '', where(ci));
  const rec = recOf(fr.rr, ci);
  const fm = rec.table.fieldsById.get(fr.fieldId);
  if (!fm) throw new AlError(`The field with ID ${fr.fieldId} does not exist in table ${rec.def.name}.`, '', where(ci));
  return { rec, fm };
}

/** A Record method forwarded to the RecordRef's record (generators stay generators). */
function forward(name: string, extra?: Partial<Builtin>): Builtin {
  const b = recordMethods.get(name.toLowerCase());
  if (!b) throw new Error(`no Record method ${name}`);
  if (b.gen) {
    return {
      ...b, ...extra, gen: true, fieldArgs: undefined,
      *impl(rt: Rt, ci: CallInfo, rr: RecordRefValue, ...args: unknown[]) {
        return yield* (b.impl(rt, ci, recOf(rr, ci), ...args) as Generator<unknown, unknown, unknown>);
      },
    } as Builtin;
  }
  return { ...b, ...extra, fieldArgs: undefined, impl: (rt: Rt, ci: CallInfo, rr: RecordRefValue, ...args: unknown[]) => b.impl(rt, ci, recOf(rr, ci), ...args) };
}

/** A Record method that takes a field first, called from a FieldRef. */
function onField(name: string, ret?: Builtin['ret'], max?: number): Builtin {
  const b = recordMethods.get(name.toLowerCase())!;
  if (b.gen) {
    return {
      gen: true, ret, max, effect: b.effect,
      *impl(rt: Rt, ci: CallInfo, fr: FieldRefValue, ...args: unknown[]) {
        const { rec, fm } = fieldOf(fr, ci);
        return yield* (b.impl(rt, { ...ci, argTypes: [undefined, ...ci.argTypes] }, rec, fm.def.id, ...args) as Generator<unknown, unknown, unknown>);
      },
    } as Builtin;
  }
  return {
    ret, max, effect: b.effect,
    impl: (rt: Rt, ci: CallInfo, fr: FieldRefValue, ...args: unknown[]) => {
      const { rec, fm } = fieldOf(fr, ci);
      return b.impl(rt, { ...ci, argTypes: [undefined, ...ci.argTypes] }, rec, fm.def.id, ...args);
    },
  };
}

export const recordRefMethods = registry({
  Open: {
    min: 1, max: 3, effect: true,
    impl(rt: Rt, ci, rr: RecordRefValue, id: unknown, temporary = false, company?: unknown) {
      const tm = rt.engine.tableByName(String(id));
      if (!tm) throw new AlError(`Table ${String(id)} does not exist in the workspace.`, '', where(ci));
      const rec = new AlRecord(tm, !!temporary || !!tm.def.temporaryOnly);
      // Open(Table, Temporary, CompanyName): the record reads and writes that company's data, as after ChangeCompany
      // (an unknown company is the ChangeCompany error).
      if (company !== undefined && String(company) !== '') recordMethods.get('changecompany')!.impl(rt, { ...ci, used: false }, rec, company);
      rr.rec = rec;
    },
  },
  ChangeCompany: forward('ChangeCompany'),
  CurrentCompany: forward('CurrentCompany'),
  Close: { max: 0, effect: true, impl: (_rt: Rt, _ci, rr: RecordRefValue) => void (rr.rec = undefined) },
  IsEmpty: forward('IsEmpty'),
  Number: { ret: tInt, max: 0, impl: (_rt: Rt, ci, rr: RecordRefValue) => recOf(rr, ci).def.id },
  Name: { ret: tText, max: 0, impl: (_rt: Rt, ci, rr: RecordRefValue) => recOf(rr, ci).def.name },
  Caption: { ret: tText, max: 0, impl: (_rt: Rt, ci, rr: RecordRefValue) => recOf(rr, ci).table.caption },
  GetTable: { min: 1, max: 1, effect: true, impl: (_rt: Rt, ci, rr: RecordRefValue, rec: unknown) => { if (!(rec instanceof AlRecord)) throw new AlError('GetTable needs a record.', '', where(ci)); rr.rec = rec.copy(); } },
  SetTable: { min: 1, max: 1, effect: true, impl: (_rt: Rt, ci, rr: RecordRefValue, rec: unknown) => { const src = recOf(rr, ci); if (!(rec instanceof AlRecord) || rec.def.id !== src.def.id) throw new AlError('SetTable needs a record of the same table.', '', where(ci)); rec.copyFrom(src, true); } },
  Duplicate: { ret: T('RecordRef'), max: 0, impl: (_rt: Rt, ci, rr: RecordRefValue) => { const d = new RecordRefValue(); d.rec = recOf(rr, ci).copy(); return d; } },
  Field: { ret: T('FieldRef'), min: 1, max: 1, impl: (_rt: Rt, ci, rr: RecordRefValue, n: unknown) => { const rec = recOf(rr, ci); if (!rec.table.fieldsById.has(Number(n))) throw new AlError(`The field with ID ${String(n)} does not exist in table ${rec.def.name}.`, '', where(ci)); return new FieldRefValue(rr, Number(n)); } },
  FieldIndex: { ret: T('FieldRef'), min: 1, max: 1, impl: (_rt: Rt, ci, rr: RecordRefValue, i: unknown) => { const rec = recOf(rr, ci); const f = rec.def.fields.filter((x) => x.id < 2000000000)[Number(i) - 1]; if (!f) throw new AlError(`Table ${rec.def.name} has no field number ${String(i)}.`, '', where(ci)); return new FieldRefValue(rr, f.id); } },
  FieldCount: { ret: tInt, max: 0, impl: (_rt: Rt, ci, rr: RecordRefValue) => recOf(rr, ci).def.fields.filter((x) => x.id < 2000000000).length },
  FieldExist: { ret: tBool, min: 1, max: 1, impl: (_rt: Rt, ci, rr: RecordRefValue, n: unknown) => recOf(rr, ci).table.fieldsById.has(Number(n)) },
  Init: forward('Init'),
  Insert: forward('Insert'),
  Modify: forward('Modify'),
  Delete: forward('Delete'),
  DeleteAll: forward('DeleteAll'),
  Find: forward('Find'),
  FindFirst: forward('FindFirst'),
  FindLast: forward('FindLast'),
  FindSet: forward('FindSet'),
  Next: forward('Next'),
  Count: forward('Count'),
  Reset: forward('Reset'),
  GetFilters: forward('GetFilters'),
  HasFilter: forward('HasFilter'),
  RecordId: forward('RecordId'),
  IsTemporary: forward('IsTemporary'),
  ReadPermission: forward('ReadPermission'),
  WritePermission: forward('WritePermission'),
  LockTable: forward('LockTable'),
  Mark: forward('Mark'),
  MarkedOnly: forward('MarkedOnly'),
  FilterGroup: forward('FilterGroup'),
  Ascending: forward('Ascending'),
  CurrentKey: forward('CurrentKey'),
  SetRecFilter: {
    max: 0, effect: true,
    impl(_rt: Rt, ci, rr: RecordRefValue) {
      const rec = recOf(rr, ci);
      for (const id of rec.table.pkFieldIds) {
        let m = rec.filterGroups.get(rec.filterGroup);
        if (!m) rec.filterGroups.set(rec.filterGroup, (m = new Map()));
        m.set(id, { fieldId: id, range: { from: rec.f(id) } });
      }
    },
  },
});

export const fieldRefMethods = registry({
  Value: {
    max: 1,
    impl(_rt: Rt, ci, fr: FieldRefValue, v?: unknown) {
      const { rec, fm } = fieldOf(fr, ci);
      if (v !== undefined) rec.values.set(fm.def.id, convertForField(fm.def, v instanceof Variant ? v.value : v));
      // A Variant carrying the field's type, so Format and assignments see a Date as a Date.
      return new Variant(rec.f(fm.def.id), fm.type);
    },
  },
  Name: { ret: tText, max: 0, impl: (_rt: Rt, ci, fr: FieldRefValue) => fieldOf(fr, ci).fm.def.name },
  Number: { ret: tInt, max: 0, impl: (_rt: Rt, ci, fr: FieldRefValue) => fieldOf(fr, ci).fm.def.id },
  Caption: { ret: tText, max: 0, impl: (_rt: Rt, ci, fr: FieldRefValue) => fieldOf(fr, ci).fm.caption },
  Type: { ret: tText, max: 0, impl: (_rt: Rt, ci, fr: FieldRefValue) => fieldOf(fr, ci).fm.def.type },
  Length: { ret: tInt, max: 0, impl: (_rt: Rt, ci, fr: FieldRefValue) => fieldOf(fr, ci).fm.def.length },
  Class: { ret: tText, max: 0, impl: (_rt: Rt, ci, fr: FieldRefValue) => fieldOf(fr, ci).fm.def.fieldClass },
  OptionMembers: { ret: tText, max: 0, impl: (_rt: Rt, ci, fr: FieldRefValue) => (fieldOf(fr, ci).fm.def.optionMembers ?? []).join(',') },
  Record: { ret: T('RecordRef'), max: 0, impl: (_rt: Rt, ci, fr: FieldRefValue) => { fieldOf(fr, ci); return fr.rr; } },
  SetRange: onField('SetRange', undefined, 2),
  SetFilter: onField('SetFilter'),
  GetFilter: onField('GetFilter', tText, 0),
  Validate: onField('Validate', undefined, 1),
  TestField: onField('TestField', undefined, 1),
  FieldError: onField('FieldError', undefined, 1),
  CalcField: onField('CalcFields', tBool, 0),
  Active: { ret: tBool, max: 0, impl: () => true },
});
