// The Record methods: reads (Get, Find*, Next, Count, IsEmpty), writes with their triggers and database
// events (Insert, Modify, Delete, Rename, ModifyAll, DeleteAll, Validate), filters and keys, marks, Copy,
// TransferFields, CalcFields over FlowFields, TestField/FieldError with BC's texts, captions and RecordId.
import { subscriberInstances } from './eventBinding';
import { assignAutoIncrement } from './autoIncrement';
import type { FieldFilter, FieldValue, Transaction, VersionedRow, WriteOp } from '../contracts';
import { AlError, toAlError } from './errors';
import { registry, T, tBool, tInt, tText, type Builtin, type CallInfo } from './methodTypes';
import { AlRecord, convertForField, initRow } from './record';
import type { Rt, Signal } from './rt';
import { toSourceLocation, type FieldModel, type ProcInfo } from './model';
import { formatValue } from '../values/format';
import { isAlDecimal, AlDecimal } from '../values/decimal';
import { fieldInitValue } from '../values/defaults';
import { substituteFilter, getFiltersText, filterText as storeFilterText, isLockConflict } from '../store';
import { formatAny } from './display';
import { Variant } from './objects';
import { calcFlowField } from './flowFields';

const where = (ci: CallInfo) => toSourceLocation(ci.loc);

function tx(rt: Rt): (company?: string) => Transaction {
  return (company) => (company === undefined ? rt.services.transaction() : rt.services.transaction(company));
}

function field(rec: AlRecord, id: unknown, ci: CallInfo): FieldModel {
  const fm = rec.table.fieldsById.get(Number(id));
  if (!fm) throw new AlError(`The field with ID ${String(id)} does not exist in table ${rec.def.name}.`, '', where(ci));
  return fm;
}

function fmtField(rec: AlRecord, fm: FieldModel, v: FieldValue, rt: Rt): string {
  return formatValue({ type: fm.def.type, optionMembers: fm.def.optionMembers ?? rt.engine.membersOf(fm.type) }, v, 0, 0);
}

/** BC's "Identification fields and values" text: `No.='10000'`. */
export function identification(rec: AlRecord, rt: Rt): string {
  return rec.table.pkFieldIds.map((id) => {
    const fm = rec.table.fieldsById.get(id)!;
    return `${fm.def.name}='${fmtField(rec, fm, rec.f(id), rt)}'`;
  }).join(',');
}

/** RecordId text: `Customer: 10000` (primary key values, comma separated). */
export function recordIdText(rec: AlRecord, rt: Rt): string {
  return `${rec.def.name}: ${rec.table.pkFieldIds.map((id) => fmtField(rec, rec.table.fieldsById.get(id)!, rec.f(id), rt)).join(',')}`;
}

export function getFilters(rec: AlRecord): string {
  return getFiltersText(rec.def, rec.filters());
}

function notFound(rec: AlRecord, rt: Rt, ci: CallInfo): AlError {
  return new AlError(`The ${rec.table.caption} does not exist. Identification fields and values: ${identification(rec, rt)}`, 'DB:RecordNotFound', where(ci));
}

function nothingInFilter(rec: AlRecord, ci: CallInfo): AlError {
  const filters = getFilters(rec);
  return new AlError(`There is no ${rec.table.caption} within the filter.${filters ? `\n\nFilters: ${filters}` : ''}`, 'DB:NothingInsideFilter', where(ci));
}

function read(rt: Rt, rec: AlRecord): VersionedRow[] {
  return rec.backend(tx(rt)).find(rec.def, rec.readOptions());
}

/** Runs a table trigger (the table's, then its table extensions' OnBefore/OnAfter variants are not modelled). */
function* runTableTrigger(rt: Rt, rec: AlRecord, name: string): Generator<unknown, void, unknown> {
  for (const p of rt.engine.tableTriggers(rec.table, name)) yield* callOn(rt, p, rec, []);
}

function* callOn(rt: Rt, p: ProcInfo, rec: AlRecord, args: unknown[]): Generator<unknown, unknown, unknown> {
  const fn = p.fn ?? rt.engine.compileProc(p);
  return yield* fn(rt, rec.inst(p.obj), args);
}

/** Database trigger events (OnBeforeInsertEvent...) of this table: subscribers get (var Rec [, var xRec], RunTrigger). */
function* tableEvent(rt: Rt, rec: AlRecord, event: string, args: unknown[]): Generator<unknown, void, unknown> {
  const subs = rt.engine.tableEventSubscribers(rec.def.id, event);
  for (const s of subs) {
    const fn = s.fn ?? rt.engine.compileProc(s);
    const mapped = s.decl.params.map((p) => {
      const n = p.name.toLowerCase();
      // Simple values go by reference only where the subscriber declares them `var`.
      const wrap = (v: unknown) => (p.byRef ? { v } : v);
      if (n === 'rec') return rec;
      if (n === 'xrec') return rec.xrecOf();
      if (n === 'runtrigger') return wrap(args[0] ?? false);
      if (n === 'currfieldno') return wrap(args[1] ?? 0);
      return undefined;
    });
    for (const inst of subscriberInstances(rt, s)) yield* fn(rt, inst, mapped);
  }
}

function* beforeWrite(rt: Rt, rec: AlRecord, op: WriteOp): Generator<unknown, void, unknown> {
  if (rt.evalMode) throw new AlError(`${op} is not allowed while evaluating an expression in the debugger.`);
  yield* rt.beforeRecordWrite(rec.temporary);
  rt.services.beforeWrite(rec.def, op, rec.temporary, rec.company);
}

/** A write that may fail: with a used return value the failure is `false`, otherwise an error. */
function* guarded(ci: CallInfo, body: () => Generator<unknown, void, unknown>): Generator<unknown, boolean, unknown> {
  if (!ci.used) {
    yield* body();
    return true;
  }
  try {
    yield* body();
    return true;
  } catch (e) {
    const err = toAlError(e);
    if (err.uncatchable || !/^DB:/.test(err.info.code)) throw err;
    return false;
  }
}

function setFilter(rec: AlRecord, fid: number, f: Omit<FieldFilter, 'fieldId'> | undefined): void {
  let m = rec.filterGroups.get(rec.filterGroup);
  if (!m) {
    m = new Map();
    rec.filterGroups.set(rec.filterGroup, m);
  }
  if (f) m.set(fid, { fieldId: fid, ...f });
  else m.delete(fid);
  rec.cursor = undefined;
}

/**
 * Find('-') / FindFirst and Find('+') / FindLast read one row: the store's `limit` stops its scan at the first
 * match (the last one is the first in the reversed order) instead of materialising the filtered set. The cursor
 * is then left unset, so a Next after them continues from the record's position (one full read, as before).
 */
function findEdge(rt: Rt, rec: AlRecord, last: boolean): boolean {
  const options = rec.readOptions();
  const rows = rec.backend(tx(rt)).find(rec.def, { ...options, ascending: last ? options.ascending === false : options.ascending !== false, limit: 1 });
  rec.cursor = undefined;
  if (!rows[0]) return false;
  rec.load(rows[0]);
  return true;
}

function findWhich(rt: Rt, rec: AlRecord, which: string, ci: CallInfo): boolean {
  if (which === '-' || which === '+') return findEdge(rt, rec, which === '+');
  const rows = read(rt, rec);
  let found: VersionedRow | undefined;
  const cmpKey = rec.table.info.comparator(rec.keyFields);
  const dir = rec.ascending ? 1 : -1;
  switch (which) {
    case '=': {
      const key = rec.table.info.keyOfValues(rec.pkValues());
      const i = rows.findIndex((r) => rec.table.info.keyOfRow(r.row) === key);
      found = rows[i];
      rec.cursor = { rows, pos: i };
      break;
    }
    case '>':
    case '<': {
      const cur = rec.values;
      const i = which === '>' ? rows.findIndex((r) => dir * cmpKey(r.row, cur) > 0) : findLastIndex(rows, (r) => dir * cmpKey(r.row, cur) < 0);
      found = rows[i];
      rec.cursor = { rows, pos: i };
      break;
    }
    case '=><':
    case '=<>':
    case '<>=':
    case '=>':
    case '>=':
    case '<=':
    case '=<': {
      const key = rec.table.info.keyOfValues(rec.pkValues());
      let i = rows.findIndex((r) => rec.table.info.keyOfRow(r.row) === key);
      if (i < 0 && which.includes('>')) i = rows.findIndex((r) => dir * cmpKey(r.row, rec.values) > 0);
      if (i < 0 && which.includes('<')) i = findLastIndex(rows, (r) => dir * cmpKey(r.row, rec.values) < 0);
      found = rows[i];
      rec.cursor = { rows, pos: i };
      break;
    }
    default:
      throw new AlError(`Find: '${which}' is not a valid search string (use '-', '+', '=', '>', '<' or combinations).`, '', where(ci));
  }
  if (!found) {
    rec.cursor = undefined;
    return false;
  }
  rec.load(found);
  return true;
}

/** FindSet reads the whole filtered set once: Next walks it. */
function findSet(rt: Rt, rec: AlRecord): boolean {
  const rows = read(rt, rec);
  rec.cursor = rows.length ? { rows, pos: 0 } : undefined;
  if (!rows[0]) return false;
  rec.load(rows[0]);
  return true;
}

function findLastIndex<T>(a: T[], p: (x: T) => boolean): number {
  for (let i = a.length - 1; i >= 0; i--) if (p(a[i])) return i;
  return -1;
}

function found(rt: Rt, rec: AlRecord, ok: boolean, ci: CallInfo): boolean {
  if (!ok && !ci.used) throw nothingInFilter(rec, ci);
  if (ok && rec.autoCalc.length) for (const id of rec.autoCalc) calcFlowField(rt, rec, id);
  return ok;
}

/**
 * Runs a store call; a LockConflict (another session's open transaction holds the row) suspends the
 * execution as `blocked` and retries the call when the scheduler runs it again (nothing was changed).
 */
function* retry<T>(op: () => T): Generator<unknown, T, unknown> {
  for (;;) {
    try {
      return op();
    } catch (e) {
      if (!isLockConflict(e)) throw e;
      yield { kind: 'blocked', reason: e.message } satisfies Signal;
    }
  }
}

/** A read built-in made suspendable on lock conflicts (reads under LockTable take locks). */
function blocking(b: Builtin): Builtin {
  const impl = b.impl;
  return {
    ...b,
    gen: true,
    *impl(...args: unknown[]) {
      return yield* retry(() => (impl as (...a: unknown[]) => unknown)(...args));
    },
  } as Builtin;
}

function filterText(v: unknown, t: unknown, rt: Rt): string {
  return formatAny(v, t as never, (x) => rt.engine.membersOf(x));
}

function blank(v: FieldValue): boolean {
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'string') return v === '' || v === '{00000000-0000-0000-0000-000000000000}';
  if (typeof v === 'boolean') return v === false;
  if (isAlDecimal(v)) return v.isZero();
  return false;
}

function valueArg(v: unknown): unknown {
  return v instanceof Variant ? v.value : v;
}

export const recordMethods = registry({
  // ---- reading ----
  Get: {
    ret: tBool, effect: true,
    impl(rt: Rt, ci, rec: AlRecord, ...pk: unknown[]) {
      const ids = rec.table.pkFieldIds;
      const values = ids.map((id, i) => (i < pk.length ? convertForField(rec.table.fieldsById.get(id)!.def, valueArg(pk[i])) : rec.f(id)));
      const r = rec.backend(tx(rt)).get(rec.def, values);
      if (!r) {
        if (ci.used) return false;
        const probe = new AlRecord(rec.table, rec.temporary);
        ids.forEach((id, i) => probe.values.set(id, values[i]));
        throw notFound(probe, rt, ci);
      }
      rec.load(r);
      if (rec.autoCalc.length) for (const id of rec.autoCalc) calcFlowField(rt, rec, id);
      return true;
    },
  },
  GetBySystemId: {
    ret: tBool, effect: true, min: 1, max: 1,
    impl(rt: Rt, ci, rec: AlRecord, id: string) {
      const rows = rec.backend(tx(rt)).find(rec.def, { filters: [{ fieldId: 2000000000, range: { from: String(id).toUpperCase() } }], keyFields: rec.table.pkFieldIds, ascending: true });
      if (!rows[0]) {
        if (ci.used) return false;
        throw new AlError(`The ${rec.table.caption} does not exist. Identification fields and values: SystemId='${id}'`, 'DB:RecordNotFound', where(ci));
      }
      rec.load(rows[0]);
      return true;
    },
  },
  Find: { ret: tBool, effect: true, max: 1, impl: (rt: Rt, ci, rec: AlRecord, which = '=') => found(rt, rec, findWhich(rt, rec, String(which), ci), ci) },
  FindFirst: { ret: tBool, effect: true, max: 0, impl: (rt: Rt, ci, rec: AlRecord) => found(rt, rec, findWhich(rt, rec, '-', ci), ci) },
  FindLast: { ret: tBool, effect: true, max: 0, impl: (rt: Rt, ci, rec: AlRecord) => found(rt, rec, findWhich(rt, rec, '+', ci), ci) },
  FindSet: { ret: tBool, effect: true, max: 2, impl: (rt: Rt, ci, rec: AlRecord) => found(rt, rec, findSet(rt, rec), ci) },
  Next: {
    ret: tInt, effect: true, max: 1,
    impl(rt: Rt, _ci, rec: AlRecord, steps: number = 1) {
      if (!rec.cursor || rec.cursor.pos < 0) {
        // Next without a Find: continue from the current record's position in the filtered set.
        const rows = read(rt, rec);
        const key = rec.table.info.keyOfValues(rec.pkValues());
        rec.cursor = { rows, pos: rows.findIndex((r) => rec.table.info.keyOfRow(r.row) === key) };
        if (rec.cursor.pos < 0) {
          const cmp = rec.table.info.comparator(rec.keyFields);
          const dir = rec.ascending ? 1 : -1;
          const after = rows.findIndex((r) => dir * cmp(r.row, rec.values) > 0);
          rec.cursor.pos = (after < 0 ? rows.length : after) - (steps > 0 ? 1 : 0);
        }
      }
      const c = rec.cursor;
      if (steps === 0 || c.rows.length === 0) return 0;
      const target = Math.max(0, Math.min(c.rows.length - 1, c.pos + steps));
      const moved = target - c.pos;
      if (moved === 0 || (steps > 0 && moved < 0) || (steps < 0 && moved > 0)) return 0;
      c.pos = target;
      rec.load({ row: new Map(c.rows[target].row), version: c.rows[target].version });
      if (rec.autoCalc.length) for (const id of rec.autoCalc) calcFlowField(rt, rec, id);
      return moved;
    },
  },
  ChangeCompany: {
    ret: tBool, effect: true, max: 1,
    impl(rt: Rt, ci, rec: AlRecord, name?: unknown) {
      const wanted = name === undefined ? '' : String(valueArg(name));
      if (wanted === '' || wanted.toLowerCase() === rt.services.companyName.toLowerCase()) {
        rec.company = undefined;
      } else {
        if (!rt.services.company) throw new AlError(`AL Session Lab does not support Record.ChangeCompany in this session (${ci.loc ? `${ci.loc.file}:${ci.loc.line + 1}` : 'no location'}).`, '', where(ci));
        const company = rt.services.company(wanted);
        if (company === undefined) {
          const err = new AlError(`The company '${wanted}' does not exist in the database.`, 'CompanyNotFound', where(ci));
          if (!ci.used) throw err;
          rt.session.lastError = err;
          return false;
        }
        rec.company = company.toLowerCase() === rt.services.companyName.toLowerCase() ? undefined : company;
      }
      rec.cursor = undefined;
      return true;
    },
  },
  CurrentCompany: { ret: tText, max: 0, impl: (rt: Rt, _ci, rec: AlRecord) => rec.company ?? rt.services.companyName },
  Count: { ret: tInt, max: 0, impl: (rt: Rt, _ci, rec: AlRecord) => rec.backend(tx(rt)).count(rec.def, rec.readOptions()) },
  CountApprox: { ret: tInt, max: 0, impl: (rt: Rt, _ci, rec: AlRecord) => rec.backend(tx(rt)).count(rec.def, rec.readOptions()) },
  IsEmpty: { ret: tBool, max: 0, impl: (rt: Rt, _ci, rec: AlRecord) => rec.backend(tx(rt)).count(rec.def, rec.readOptions()) === 0 },

  // ---- writing ----
  Init: {
    effect: true, max: 0,
    impl(_rt: Rt, _ci, rec: AlRecord) {
      const pk = new Map(rec.table.pkFieldIds.map((id) => [id, rec.f(id)] as const));
      rec.values = initRow(rec.def);
      for (const [id, v] of pk) rec.values.set(id, v);
    },
  },
  Insert: {
    gen: true, ret: tBool, effect: true, max: 2,
    *impl(rt: Rt, ci, rec: AlRecord, runTrigger = false) {
      return yield* guarded(ci, function* () {
        yield* tableEvent(rt, rec, 'onbeforeinsertevent', [runTrigger]);
        if (runTrigger) yield* runTableTrigger(rt, rec, 'oninsert');
        yield* beforeWrite(rt, rec, 'Insert');
        if (rec.table.fieldsById.has(2000000000) && blank(rec.f(2000000000))) rec.values.set(2000000000, rt.engine.newGuid());
        assignAutoIncrement(rt.engine, rec, tx(rt), rec.company ?? rt.services.companyName);
        const r = yield* retry(() => rec.backend(tx(rt)).insert(rec.def, new Map(rec.values)));
        rec.values = r.row;
        rec.version = r.version;
        rec.setX(rec.values);
        yield* tableEvent(rt, rec, 'onafterinsertevent', [runTrigger]);
      });
    },
  },
  Modify: {
    gen: true, ret: tBool, effect: true, max: 1,
    *impl(rt: Rt, ci, rec: AlRecord, runTrigger = false) {
      return yield* guarded(ci, function* () {
        yield* tableEvent(rt, rec, 'onbeforemodifyevent', [runTrigger]);
        if (runTrigger) yield* runTableTrigger(rt, rec, 'onmodify');
        yield* beforeWrite(rt, rec, 'Modify');
        const r = yield* retry(() => rec.backend(tx(rt)).modify(rec.def, { row: new Map(rec.values), version: rec.version }));
        rec.version = r.version;
        yield* tableEvent(rt, rec, 'onaftermodifyevent', [runTrigger]);
        rec.setX(rec.values);
      });
    },
  },
  Delete: {
    gen: true, ret: tBool, effect: true, max: 1,
    *impl(rt: Rt, ci, rec: AlRecord, runTrigger = false) {
      return yield* guarded(ci, function* () {
        yield* tableEvent(rt, rec, 'onbeforedeleteevent', [runTrigger]);
        if (runTrigger) yield* runTableTrigger(rt, rec, 'ondelete');
        yield* beforeWrite(rt, rec, 'Delete');
        yield* retry(() => rec.backend(tx(rt)).delete(rec.def, { row: new Map(rec.values), version: rec.version }));
        yield* tableEvent(rt, rec, 'onafterdeleteevent', [runTrigger]);
      });
    },
  },
  Rename: {
    gen: true, ret: tBool, effect: true, min: 1,
    *impl(rt: Rt, ci, rec: AlRecord, ...newPk: unknown[]) {
      return yield* guarded(ci, function* () {
        const ids = rec.table.pkFieldIds;
        const values = ids.map((id, i) => (i < newPk.length ? convertForField(rec.table.fieldsById.get(id)!.def, valueArg(newPk[i])) : rec.f(id)));
        const old = new Map(rec.values);
        // OnRename sees the new key in Rec and the old one in xRec.
        rec.setX(old);
        ids.forEach((id, i) => rec.values.set(id, values[i]));
        yield* tableEvent(rt, rec, 'onbeforerenameevent', [true]);
        yield* runTableTrigger(rt, rec, 'onrename');
        yield* beforeWrite(rt, rec, 'Rename');
        const r = yield* retry(() => rec.backend(tx(rt)).rename(rec.def, { row: old, version: rec.version }, values));
        rec.load(r);
        yield* tableEvent(rt, rec, 'onafterrenameevent', [true]);
      });
    },
  },
  ModifyAll: {
    gen: true, effect: true, fieldArgs: [0], min: 2, max: 3,
    *impl(rt: Rt, ci, rec: AlRecord, fid: number, value: unknown, runTrigger = false) {
      const fm = field(rec, fid, ci);
      const v = convertForField(fm.def, valueArg(value));
      yield* beforeWrite(rt, rec, 'ModifyAll');
      const be = rec.backend(tx(rt));
      for (const r of yield* retry(() => be.find(rec.def, rec.readOptions()))) {
        const one = new AlRecord(rec.table, rec.temporary);
        if (rec.temp) one.temp = rec.temp;
        one.load(r);
        one.values.set(fm.def.id, v);
        if (runTrigger) {
          yield* runTableTrigger(rt, one, 'onmodify');
        }
        yield* retry(() => be.modify(rec.def, { row: one.values, version: one.version }));
      }
    },
  },
  DeleteAll: {
    gen: true, effect: true, max: 1,
    *impl(rt: Rt, _ci, rec: AlRecord, runTrigger = false) {
      yield* beforeWrite(rt, rec, 'DeleteAll');
      const be = rec.backend(tx(rt));
      for (const r of yield* retry(() => be.find(rec.def, rec.readOptions()))) {
        if (runTrigger) {
          const one = new AlRecord(rec.table, rec.temporary);
          if (rec.temp) one.temp = rec.temp;
          one.load(r);
          yield* runTableTrigger(rt, one, 'ondelete');
        }
        yield* retry(() => be.delete(rec.def, r));
      }
    },
  },
  Validate: {
    gen: true, effect: true, fieldArgs: [0], min: 1, max: 2,
    *impl(rt: Rt, ci, rec: AlRecord, fid: number, ...rest: unknown[]) {
      const fm = field(rec, fid, ci);
      const before = new Map(rec.values);
      if (rest.length) rec.values.set(fm.def.id, convertForField(fm.def, valueArg(rest[0])));
      // xRec during the field's OnValidate is the record as it was before the Validate.
      rec.setX(before);
      yield* tableEvent(rt, rec, 'onbeforevalidateevent', [false, fm.def.id]);
      for (const p of fm.triggers.get('onvalidate') ?? []) yield* callOn(rt, p, rec, []);
      yield* tableEvent(rt, rec, 'onaftervalidateevent', [false, fm.def.id]);
    },
  },
  TestField: {
    fieldArgs: [0], min: 1, max: 2,
    impl(rt: Rt, ci, rec: AlRecord, fid: number, ...rest: unknown[]) {
      const fm = field(rec, fid, ci);
      const cur = rec.f(fm.def.id);
      if (rest.length === 0) {
        if (blank(cur)) throw new AlError(`${fm.caption} must have a value in ${rec.table.caption}: ${identification(rec, rt)}. It cannot be zero or empty.`, 'TestField', where(ci));
        return;
      }
      const expected = convertForField(fm.def, valueArg(rest[0]));
      const a = fmtField(rec, fm, cur, rt);
      const b = fmtField(rec, fm, expected, rt);
      if (a !== b) throw new AlError(`${fm.caption} must be equal to '${b}'  in ${rec.table.caption}: ${identification(rec, rt)}. Current value is '${a}'.`, 'TestField', where(ci));
    },
  },
  FieldError: {
    fieldArgs: [0], min: 1, max: 2,
    impl(rt: Rt, ci, rec: AlRecord, fid: number, text?: unknown) {
      const fm = field(rec, fid, ci);
      const msg = text === undefined ? `must not be ${fmtField(rec, fm, rec.f(fm.def.id), rt)}` : String(valueArg(text));
      throw new AlError(`${fm.caption} ${msg} in ${rec.table.caption} ${identification(rec, rt)}.`, 'FieldError', where(ci));
    },
  },
  CalcFields: { fieldArgs: 'all', effect: true, min: 1, ret: tBool, impl: (rt: Rt, _ci, rec: AlRecord, ...ids: number[]) => { for (const id of ids) calcFlowField(rt, rec, id); return true; } },
  SetAutoCalcFields: { fieldArgs: 'all', effect: true, impl: (_rt: Rt, _ci, rec: AlRecord, ...ids: number[]) => { rec.autoCalc = ids; } },
  CalcSums: {
    fieldArgs: 'all', effect: true, min: 1, ret: tBool,
    impl(rt: Rt, ci, rec: AlRecord, ...ids: number[]) {
      const rows = read(rt, rec);
      for (const id of ids) {
        const fm = field(rec, id, ci);
        let sum = AlDecimal.ZERO;
        for (const r of rows) sum = sum.add(AlDecimal.from((r.row.get(id) ?? 0) as number));
        rec.values.set(id, fm.def.type === 'Decimal' ? sum : sum.toNumber());
      }
      return true;
    },
  },

  // ---- filters and keys ----
  SetRange: {
    fieldArgs: [0], effect: true, min: 1, max: 3,
    impl(rt: Rt, ci, rec: AlRecord, fid: number, ...vals: unknown[]) {
      const fm = field(rec, fid, ci);
      if (vals.length === 0) return setFilter(rec, fm.def.id, undefined);
      const from = convertForField(fm.def, valueArg(vals[0]));
      const to = vals.length > 1 ? convertForField(fm.def, valueArg(vals[1])) : undefined;
      setFilter(rec, fm.def.id, { range: { from, to } });
    },
  },
  SetFilter: {
    fieldArgs: [0], effect: true, min: 2,
    impl(rt: Rt, ci, rec: AlRecord, fid: number, expr: unknown, ...vals: unknown[]) {
      const fm = field(rec, fid, ci);
      const ts = ci.argTypes.slice(2);
      const text = substituteFilter(String(valueArg(expr)), vals.map((v, i) => filterText(v, ts[i], rt)));
      if (text === '') return setFilter(rec, fm.def.id, undefined);
      setFilter(rec, fm.def.id, { expression: text });
    },
  },
  GetFilter: { fieldArgs: [0], ret: tText, min: 1, max: 1, impl: (_rt: Rt, ci, rec: AlRecord, fid: number) => { const fm = field(rec, fid, ci); const texts: string[] = []; for (const m of rec.filterGroups.values()) { const f = m.get(fid); if (f) texts.push(storeFilterText(fm.def, f)); } return texts.length > 1 ? texts.map((t) => (/[|&]/.test(t) ? `(${t})` : t)).join('&') : texts[0] ?? ''; } },
  GetFilters: { ret: tText, max: 0, impl: (_rt: Rt, _ci, rec: AlRecord) => getFilters(rec) },
  GetRangeMin: { fieldArgs: [0], min: 1, max: 1, impl: (_rt: Rt, ci, rec: AlRecord, fid: number) => rangeOf(rec, fid, ci).from },
  GetRangeMax: { fieldArgs: [0], min: 1, max: 1, impl: (_rt: Rt, ci, rec: AlRecord, fid: number) => { const r = rangeOf(rec, fid, ci); return r.to ?? r.from; } },
  HasFilter: { ret: tBool, max: 0, impl: (_rt: Rt, _ci, rec: AlRecord) => rec.filters().length > 0 },
  Reset: { effect: true, max: 0, impl: (_rt: Rt, _ci, rec: AlRecord) => { rec.filterGroups.clear(); rec.filterGroup = 0; rec.keyFields = rec.table.pkFieldIds.slice(); rec.ascending = true; rec.markedOnly = false; rec.cursor = undefined; } },
  FilterGroup: { ret: tInt, effect: true, max: 1, impl: (_rt: Rt, _ci, rec: AlRecord, g?: number) => { const old = rec.filterGroup; if (g !== undefined) rec.filterGroup = g; return old; } },
  CopyFilters: { effect: true, min: 1, max: 1, impl: (_rt: Rt, ci, rec: AlRecord, from: AlRecord) => { if (from.def.id !== rec.def.id) throw new AlError('CopyFilters needs a record of the same table.', '', where(ci)); rec.filterGroups = new Map([...from.filterGroups].map(([g, m]) => [g, new Map(m)])); rec.cursor = undefined; } },
  CopyFilter: {
    fieldArgs: [0], effect: true, min: 2, max: 2,
    impl(_rt: Rt, ci, rec: AlRecord, fid: number, target: unknown) {
      // The second argument is `OtherRec.Field`: compiled as the value; BC copies the filter to that field.
      void target;
      throw new AlError('CopyFilter is not supported yet (use GetFilter and SetFilter).', 'Unsupported', where(ci));
      void rec; void fid;
    },
  },
  SetCurrentKey: { fieldArgs: 'all', effect: true, min: 1, ret: tBool, impl: (_rt: Rt, _ci, rec: AlRecord, ...ids: number[]) => { rec.keyFields = ids.map(Number); rec.cursor = undefined; return true; } },
  Ascending: { ret: tBool, effect: true, max: 1, impl: (_rt: Rt, _ci, rec: AlRecord, asc?: boolean) => { if (asc !== undefined) { rec.ascending = asc; rec.cursor = undefined; } return rec.ascending; } },
  CurrentKey: { ret: tText, max: 0, impl: (_rt: Rt, _ci, rec: AlRecord) => rec.keyFields.map((id) => rec.table.fieldsById.get(id)?.def.name).join(',') },
  SetLoadFields: { fieldArgs: 'all', ret: tBool, impl: () => true },
  AddLoadFields: { fieldArgs: 'all', ret: tBool, impl: () => true },
  SetPermissionFilter: { impl: () => undefined },
  LockTable: { effect: true, max: 2, impl: (rt: Rt, _ci, rec: AlRecord) => rec.backend(tx(rt)).lockTable(rec.def) },
  ReadConsistency: { ret: tBool, max: 0, impl: () => true },
  // ReadIsolation (property: `Rec.ReadIsolation := IsolationLevel::UpdLock`): UpdLock reads take update locks
  // as after LockTable; the other levels read committed data, which is what the store always does.
  ReadIsolation: {
    ret: T('IsolationLevel'), max: 1,
    impl: (rt: Rt, _ci, rec: AlRecord, level?: unknown) => {
      if (level !== undefined) {
        rec.readIsolation = Number(level instanceof Variant ? level.value : level);
        if (rec.readIsolation === 4) rec.backend(tx(rt)).lockTable(rec.def);
      }
      return rec.readIsolation;
    },
  },

  // ---- marks ----
  Mark: { ret: tBool, effect: true, max: 1, impl: (_rt: Rt, _ci, rec: AlRecord, on?: boolean) => { const k = rec.table.info.keyOfValues(rec.pkValues()); if (on === undefined) return rec.marks.has(k); if (on) rec.marks.add(k); else rec.marks.delete(k); return on; } },
  MarkedOnly: { ret: tBool, effect: true, max: 1, impl: (_rt: Rt, _ci, rec: AlRecord, on?: boolean) => { if (on !== undefined) { rec.markedOnly = on; rec.cursor = undefined; } return rec.markedOnly; } },
  ClearMarks: { effect: true, max: 0, impl: (_rt: Rt, _ci, rec: AlRecord) => rec.marks.clear() },

  // ---- copying ----
  Copy: {
    effect: true, min: 1, max: 2,
    impl(_rt: Rt, ci, rec: AlRecord, from: AlRecord, shareTable = false) {
      if (!(from instanceof AlRecord) || from.def.id !== rec.def.id) throw new AlError('Copy needs a record of the same table.', '', where(ci));
      if (shareTable && !(rec.temporary && from.temporary)) throw new AlError('Copy with ShareTable = true needs two temporary records.', '', where(ci));
      rec.copyFrom(from, shareTable);
    },
  },
  TransferFields: {
    effect: true, min: 1, max: 3,
    impl(_rt: Rt, _ci, rec: AlRecord, from: AlRecord, initPk = true) {
      for (const [id, fm] of rec.table.fieldsById) {
        if (!initPk && rec.table.pkFieldIds.includes(id)) continue;
        const src = from.table.fieldsById.get(id);
        if (!src || src.def.fieldClass !== 'Normal' || fm.def.fieldClass !== 'Normal') continue;
        try {
          rec.values.set(id, convertForField(fm.def, from.f(id)));
        } catch {
          // BC requires compatible types at compile time; incompatible fields are skipped here.
        }
      }
    },
  },

  // ---- metadata ----
  TableCaption: { ret: tText, max: 0, impl: (_rt: Rt, _ci, rec: AlRecord) => rec.table.caption },
  TableName: { ret: tText, max: 0, impl: (_rt: Rt, _ci, rec: AlRecord) => rec.def.name },
  FieldCaption: { fieldArgs: [0], ret: tText, min: 1, max: 1, impl: (_rt: Rt, ci, rec: AlRecord, fid: number) => field(rec, fid, ci).caption },
  FieldName: { fieldArgs: [0], ret: tText, min: 1, max: 1, impl: (_rt: Rt, ci, rec: AlRecord, fid: number) => field(rec, fid, ci).def.name },
  FieldNo: { fieldArgs: [0], ret: tInt, min: 1, max: 1, impl: (_rt: Rt, ci, rec: AlRecord, fid: number) => field(rec, fid, ci).def.id },
  RecordId: { ret: T('RecordId'), max: 0, impl: (rt: Rt, _ci, rec: AlRecord) => recordIdText(rec, rt) },
  IsTemporary: { ret: tBool, max: 0, impl: (_rt: Rt, _ci, rec: AlRecord) => rec.temporary },
  // The local runtime runs every session as one user holding SUPER (no permission sets are loaded or enforced;
  // only a read-only child session refuses writes, with BC's permission error at the write), so the user may read
  // and write every table, as BC answers for a SUPER user.
  ReadPermission: { ret: tBool, max: 0, impl: () => true },
  WritePermission: { ret: tBool, max: 0, impl: () => true },
  GetPosition: { ret: tText, max: 1, impl: (rt: Rt, _ci, rec: AlRecord) => rec.table.pkFieldIds.map((id) => { const fm = rec.table.fieldsById.get(id)!; return `${fm.def.name}=CONST(${fmtField(rec, fm, rec.f(id), rt)})`; }).join(',') },
  Consistent: { max: 1, impl: () => undefined },
  Clear: { effect: true, fieldArgs: [0], min: 1, max: 1, impl: (_rt: Rt, ci, rec: AlRecord, fid: number) => { const fm = field(rec, fid, ci); rec.values.set(fm.def.id, fieldInitValue(fm.def)); } },
});

function rangeOf(rec: AlRecord, fid: number, ci: CallInfo): { from: FieldValue; to?: FieldValue } {
  for (const m of rec.filterGroups.values()) {
    const f = m.get(fid);
    if (f?.range) return f.range;
    if (f?.expression !== undefined) {
      const fm = field(rec, fid, ci);
      const parts = f.expression.split('..');
      if (!/[|&<>*]/.test(f.expression) && parts.length <= 2) {
        return { from: convertForField(fm.def, parts[0]), to: parts.length === 2 ? convertForField(fm.def, parts[1]) : undefined };
      }
    }
  }
  throw new AlError(`There is no range filter on ${field(rec, fid, ci).caption}.`, '', where(ci));
}


// Reads that may meet another session's lock (under LockTable) suspend instead of failing.
for (const name of ['get', 'getbysystemid', 'find', 'findfirst', 'findlast', 'findset', 'next', 'count', 'countapprox', 'isempty', 'calcfields', 'calcsums', 'locktable']) {
  recordMethods.set(name, blocking(recordMethods.get(name)!));
}
