// The helpers compiled AL code calls ($h): arithmetic with AL's overflow and type rules, comparisons,
// implicit conversions on assignment, default values, array indexing and the calling conventions
// (procedure calls, TryFunction, events, interfaces, asserterror).
import { subscriberInstances } from './eventBinding';
import { NotificationValue } from './notification';
import { SYSTEM_ENUMS } from './typeNames';
import type { Loc, TypeRef } from './ast';
import { AlError, toAlError, unsupported } from './errors';
import type { CallInfo } from './methodTypes';
import type { ObjectModel, ProcInfo } from './model';
import { toSourceLocation } from './model';
import { AlDecimal, isAlDecimal, DIVIDE_BY_ZERO_TEXT } from '../values/decimal';
import { INT32_MAX, INT32_MIN, OVERFLOW_TEXT, checkBigInt } from '../values/integer';
import { checkTextLength, normalizeCode } from '../values/text';
import { NULL_GUID, parseGuid } from '../values/guid';
import { dateAddDays, dateDiff, dateTimeAdd, dateTimeDiff, timeAddMs, timeDiff } from '../values/datetime';
import type { Rt } from './rt';
import { AlRecord } from './record';
import { AlDictionary, AlList } from './collections';
import { CodeunitVar, ErrorInfoValue, ModuleInfoValue, TextBuilderValue, Variant } from './objects';
import type { TypeDesc } from './typeDesc';
import { FieldRefValue, RecordRefValue } from './recordRef';
import { JsonArrayValue, JsonObjectValue, JsonTokenValue, JsonValueValue } from './json';
import { BlobRef, InStreamValue, OutStreamValue } from './streams';
import { literalDate, literalDateTime, literalTime } from './literals';

function loc(l: Loc | undefined) {
  return l ? toSourceLocation(l) : undefined;
}

export function overflow(l?: Loc): never {
  throw new AlError(OVERFLOW_TEXT, '', loc(l));
}

// ---------------------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------------------

export function iadd(a: number, b: number, l?: Loc): number {
  const r = a + b;
  if (r > INT32_MAX || r < INT32_MIN) overflow(l);
  return r;
}

export function isub(a: number, b: number, l?: Loc): number {
  const r = a - b;
  if (r > INT32_MAX || r < INT32_MIN) overflow(l);
  return r;
}

export function imul(a: number, b: number, l?: Loc): number {
  const r = a * b;
  if (r > INT32_MAX || r < INT32_MIN) overflow(l);
  return r;
}

function dec(v: unknown): AlDecimal {
  if (isAlDecimal(v)) return v;
  if (typeof v === 'number') return AlDecimal.fromNumber(v);
  if (v instanceof Variant) return dec(v.value);
  throw new AlError(`Cannot use ${describe(v)} as a number.`);
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `the text '${v}'`;
  if (typeof v === 'boolean') return `the Boolean ${v ? 'true' : 'false'}`;
  if (v === undefined || v === null) return 'an undefined value';
  return `a ${(v as object).constructor?.name ?? 'value'}`;
}

function safe(n: number, l?: Loc): number {
  if (!(n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER)) overflow(l);
  return n;
}

export function add(a: unknown, b: unknown, l?: Loc): unknown {
  a = unwrap(a);
  b = unwrap(b);
  if (typeof a === 'number' && typeof b === 'number') return safe(a + b, l);
  if (typeof a === 'string' || typeof b === 'string') {
    return (typeof a === 'number' ? String.fromCharCode(a) : String(a)) + (typeof b === 'number' ? String.fromCharCode(b) : String(b));
  }
  return dec(a).add(dec(b));
}

export function sub(a: unknown, b: unknown, l?: Loc): unknown {
  a = unwrap(a);
  b = unwrap(b);
  if (typeof a === 'number' && typeof b === 'number') return safe(a - b, l);
  return dec(a).sub(dec(b));
}

export function mul(a: unknown, b: unknown, l?: Loc): unknown {
  a = unwrap(a);
  b = unwrap(b);
  if (typeof a === 'number' && typeof b === 'number') return safe(a * b, l);
  return dec(a).mul(dec(b));
}

export function div(a: unknown, b: unknown, l?: Loc): AlDecimal {
  const y = dec(unwrap(b));
  if (y.isZero()) throw new AlError(DIVIDE_BY_ZERO_TEXT, '', loc(l));
  return dec(unwrap(a)).div(y);
}

export function idiv(a: unknown, b: unknown, l?: Loc): number {
  a = unwrap(a);
  b = unwrap(b);
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new AlError(DIVIDE_BY_ZERO_TEXT, '', loc(l));
    return Math.trunc(a / b);
  }
  const y = dec(b);
  if (y.isZero()) throw new AlError(DIVIDE_BY_ZERO_TEXT, '', loc(l));
  return dec(a).div(y).truncate().toNumber();
}

export function mod(a: unknown, b: unknown, l?: Loc): unknown {
  a = unwrap(a);
  b = unwrap(b);
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw new AlError(DIVIDE_BY_ZERO_TEXT, '', loc(l));
    return a % b;
  }
  const x = dec(a);
  const y = dec(b);
  if (y.isZero()) throw new AlError(DIVIDE_BY_ZERO_TEXT, '', loc(l));
  return x.sub(x.div(y).truncate().mul(y));
}

export function neg(a: unknown, l?: Loc): unknown {
  a = unwrap(a);
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  if (isAlDecimal(a)) return a.neg();
  throw new AlError(`Cannot negate ${describe(a)}.`, '', loc(l));
}

export function not(a: unknown): boolean {
  return !bool(a);
}

export const dateAdd = (d: number, n: number) => dateAddDays(d, num(n));
export const dateSub = (d: number, n: unknown) => (typeof n === 'number' ? dateAddDays(d, -n) : dateAddDays(d, -num(n)));
export const dateMinus = (a: number, b: number) => dateDiff(a, b);
export const timeAdd = (t: number, n: unknown) => timeAddMs(t, num(n));
export const timeSub = (t: number, n: unknown) => timeAddMs(t, -num(n));
export const timeMinus = (a: number, b: number) => timeDiff(a, b);
export const dtAdd = (t: number, n: unknown) => dateTimeAdd(t, num(n));
export const dtSub = (t: number, n: unknown) => dateTimeAdd(t, -num(n));
export const dtMinus = (a: number, b: number) => dateTimeDiff(a, b);

// ---------------------------------------------------------------------------------------------------------
// Comparison and truth
// ---------------------------------------------------------------------------------------------------------

/** Three-way comparison of two AL values of compatible types (Text compares case-sensitively in code). */
export function cmp(a: unknown, b: unknown): number {
  a = unwrap(a);
  b = unwrap(b);
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'number') return cmp(a, String.fromCharCode(b));
  if (typeof a === 'number' && typeof b === 'string') return cmp(String.fromCharCode(a), b);
  if ((typeof a === 'number' || isAlDecimal(a)) && (typeof b === 'number' || isAlDecimal(b))) return dec(a).compare(dec(b));
  if (a instanceof AlRecord || b instanceof AlRecord) throw new AlError('Records cannot be compared.');
  if (a === b) return 0;
  if (a == null || b == null) return a == null && b == null ? 0 : a == null ? -1 : 1;
  throw new AlError(`Cannot compare ${describe(a)} with ${describe(b)}.`);
}

export function bool(v: unknown, l?: Loc): boolean {
  if (typeof v === 'boolean') return v;
  v = unwrap(v);
  if (typeof v === 'boolean') return v;
  throw new AlError(`A Boolean was expected but the value is ${describe(v)}.`, '', loc(l));
}

export function num(v: unknown): number {
  v = unwrap(v);
  if (typeof v === 'number') return v;
  if (isAlDecimal(v)) return v.toNumber();
  throw new AlError(`A number was expected but the value is ${describe(v)}.`);
}

// ---------------------------------------------------------------------------------------------------------
// Conversions on assignment
// ---------------------------------------------------------------------------------------------------------

export function unwrap(v: unknown): unknown {
  return v instanceof Variant ? v.value : v;
}

export function toInt(v: unknown, l?: Loc): number {
  v = unwrap(v);
  if (typeof v === 'number') {
    if (v > INT32_MAX || v < INT32_MIN || !Number.isInteger(v)) overflow(l);
    return v;
  }
  if (isAlDecimal(v)) {
    if (!v.isInteger()) throw new AlError(`The decimal value ${v.toString()} cannot be converted to an Integer.`, '', loc(l));
    return toInt(v.toNumber(), l);
  }
  if (typeof v === 'string' && v.length === 1) return v.charCodeAt(0);
  throw new AlError(`Cannot convert ${describe(v)} to an Integer.`, '', loc(l));
}

export function toEnum(v: unknown, _d: TypeDesc): number {
  v = unwrap(v);
  if (typeof v === 'number') return v;
  throw new AlError(`Cannot convert ${describe(v)} to an enum value.`);
}

export function toBig(v: unknown): number {
  v = unwrap(v);
  if (typeof v === 'number') return checkBigInt(v);
  if (isAlDecimal(v)) return checkBigInt(v.truncate().toNumber());
  throw new AlError(`Cannot convert ${describe(v)} to a BigInteger.`);
}

export function toDec(v: unknown): AlDecimal {
  return dec(unwrap(v));
}

function textOf(v: unknown): string {
  v = unwrap(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String.fromCharCode(v); // a Char assigned to Text
  throw new AlError(`Cannot convert ${describe(v)} to Text.`);
}

export function toText(v: unknown, len: number, l?: Loc): string {
  const s = textOf(v);
  if (len > 0 && s.length > len) {
    try {
      return checkTextLength(s, len);
    } catch (e) {
      const err = toAlError(e);
      err.info.location = loc(l);
      throw err;
    }
  }
  return s;
}

export function toCode(v: unknown, len: number, l?: Loc): string {
  try {
    return normalizeCode(textOf(v), len);
  } catch (e) {
    const err = toAlError(e);
    err.info.location = loc(l);
    throw err;
  }
}

export function toChar(v: unknown): number {
  v = unwrap(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.length === 1) return v.charCodeAt(0);
  throw new AlError(`Cannot convert ${describe(v)} to a Char.`);
}

export function toBool(v: unknown): boolean {
  return bool(v);
}

export function toGuid(v: unknown): string {
  v = unwrap(v);
  if (typeof v !== 'string') throw new AlError(`Cannot convert ${describe(v)} to a Guid.`);
  if (v === '') return NULL_GUID;
  const g = parseGuid(v);
  if (!g) throw new AlError(`The value '${v}' is not a valid Guid.`);
  return g;
}

export function toVariant(v: unknown, t: TypeRef | null): unknown {
  if (v instanceof Variant) return new Variant(v.value, v.type);
  if (v !== null && typeof v === 'object' && !isAlDecimal(v)) return new Variant(v, t ?? undefined); // objects keep identity
  return new Variant(v, t ?? undefined);
}

export function copyArray(a: unknown): unknown {
  if (!Array.isArray(a)) throw new AlError('An array was expected.');
  return a.map((x) => (x instanceof AlRecord ? x.copy() : x));
}

export function copyRecord(r: unknown): unknown {
  if (r instanceof AlRecord) return r.copy();
  throw new AlError(`A record was expected but the value is ${describe(r)}.`);
}

/** 1-based array index to a 0-based offset, with BC's out-of-bounds error. */
export function ix(i: unknown, dim: number, l?: Loc): number {
  const n = num(i);
  if (n < 1 || n > dim || !Number.isInteger(n)) throw new AlError(`Index out of bounds: the index ${n} is outside the array's range 1..${dim}.`, '', loc(l));
  return n - 1;
}

export function charAt(s: unknown, i: unknown, l?: Loc): number {
  const t = textOf(s);
  const n = num(i);
  if (n < 1 || n > t.length) throw new AlError(`Index out of bounds: position ${n} of a text of length ${t.length}.`, '', loc(l));
  return t.charCodeAt(n - 1);
}

export function setCharAt(s: unknown, i: unknown, c: unknown, l?: Loc): string {
  const t = textOf(s);
  const n = num(i);
  if (n < 1 || n > t.length + 1) throw new AlError(`Index out of bounds: position ${n} of a text of length ${t.length}.`, '', loc(l));
  const ch = typeof c === 'number' ? String.fromCharCode(c) : textOf(c);
  return t.slice(0, n - 1) + ch + t.slice(n);
}

// ---------------------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------------------

/** The default value of a type (fresh objects for reference-like types). */
export function def(rt: Rt, d: TypeDesc): unknown {
  if (d.dims) {
    const n = d.dims.reduce((a, b) => a * b, 1);
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = def(rt, d.elem!);
    return out;
  }
  switch (d.name) {
    case 'Integer': case 'BigInteger': case 'Option': case 'Enum': case 'Char': case 'Byte': case 'Date': case 'Time':
    case 'DateTime': case 'Duration': case 'ObjectType': case 'PageBackgroundTaskErrorLevel': case 'Action':
      return d.name === 'Enum' ? d.enumDefault ?? 0 : 0;
    case 'Decimal':
      return AlDecimal.ZERO;
    case 'Boolean':
      return false;
    case 'Text': case 'Code': case 'BigText': case 'DateFormula': case 'SecretText':
      return '';
    case 'Label': case 'TextConst':
      return d.label ?? '';
    case 'Guid':
      return NULL_GUID;
    case 'Record':
      return new AlRecord(d.table!, !!d.temporary);
    case 'List':
      return new AlList(d.of?.[0]);
    case 'Dictionary':
      return new AlDictionary(d.of?.[0], d.of?.[1]);
    case 'Codeunit':
      return new CodeunitVar(d.obj!);
    case 'Variant':
      return new Variant(undefined, undefined);
    case 'ErrorInfo':
      return new ErrorInfoValue();
    case 'TextBuilder':
      return new TextBuilderValue();
    case 'ModuleInfo':
      return new ModuleInfoValue();
    case 'RecordRef':
      return new RecordRefValue();
    case 'InStream':
      return new InStreamValue();
    case 'OutStream':
      return new OutStreamValue();
    case 'JsonObject':
      return new JsonObjectValue();
    case 'JsonArray':
      return new JsonArrayValue();
    case 'JsonToken':
      return new JsonTokenValue();
    case 'JsonValue':
      return new JsonValueValue();
    case 'FieldRef':
      return new FieldRefValue(undefined, 0);
    case 'Interface':
      return null;
    case 'Notification':
      return new NotificationValue();
    default:
      if (d.factory) return d.factory(rt);
      // System option types (ExecutionContext, NotificationScope...) default to their first member.
      if (SYSTEM_ENUMS[d.name.toLowerCase()]) return 0;
      // Unsupported types fail when used, not when declared, so code that declares but never uses them runs.
      return new UnsupportedValue(d.name);
  }
}

/** The value of a variable whose type the interpreter does not implement: any use raises a clear error. */
export class UnsupportedValue {
  constructor(readonly typeName: string) {}
}

// ---------------------------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------------------------

export function* callProc(rt: Rt, p: ProcInfo, self: unknown, args: unknown[], _ci: CallInfo): Generator<unknown, unknown, unknown> {
  const fn = p.fn ?? rt.engine.compileProc(p);
  return yield* fn(rt, self, args);
}

/** A [TryFunction] whose result is used: errors become `false` and the last error (BC: no rollback). */
export function* tryCall(rt: Rt, p: ProcInfo, self: unknown, args: unknown[], _ci: CallInfo): Generator<unknown, boolean, unknown> {
  const fn = p.fn ?? rt.engine.compileProc(p);
  rt.tryDepth++;
  try {
    yield* fn(rt, self, args);
    return true;
  } catch (e) {
    const err = toAlError(e);
    if (err.uncatchable) throw err;
    rt.session.lastError = err;
    return false;
  } finally {
    rt.tryDepth--;
  }
}

/** An event publisher: every subscriber in the workspace runs, in load order. */
export function* raiseEvent(rt: Rt, p: ProcInfo, _self: unknown, args: unknown[]): Generator<unknown, unknown, unknown> {
  for (const sub of rt.engine.subscribersOf(p)) {
    const fn = sub.fn ?? rt.engine.compileProc(sub);
    // Subscribers may declare fewer parameters than the publisher: they are matched by name.
    const mapped = sub.decl.params.map((sp) => {
      const i = p.decl.params.findIndex((pp) => pp.name.toLowerCase() === sp.name.toLowerCase());
      return i >= 0 ? args[i] : undefined;
    });
    // Manual subscribers run once per bound instance (none while unbound).
    for (const inst of subscriberInstances(rt, sub)) yield* fn(rt, inst, mapped);
  }
  return undefined;
}

export function* interfaceCall(rt: Rt, target: unknown, method: string, args: unknown[], ci: CallInfo): Generator<unknown, unknown, unknown> {
  if (target === null || target === undefined) throw new AlError(`The interface variable is not initialized (${ci.name}).`, '', loc(ci.loc));
  const inst = target instanceof CodeunitVar ? rt.cuInstance(target) : target;
  const obj = (inst as { obj?: ObjectModel }).obj;
  const procs = obj?.procs.get(method);
  if (!obj || !procs || procs.length === 0) throw unsupported(`calling ${method} through an interface on this value`, ci.loc);
  const p = procs.find((x) => x.decl.params.length === args.length) ?? procs[0];
  const fn = p.fn ?? rt.engine.compileProc(p);
  return yield* fn(rt, inst, args);
}

/** asserterror: the statement must fail; its error becomes the last error and execution continues. */
export function* assertError(rt: Rt, l: Loc, body: () => Generator<unknown, unknown, unknown>): Generator<unknown, void, unknown> {
  // AssertError "creates its own transaction scope" (AppSourceCop AS0058): the failing statement's database
  // writes roll back to a savepoint while the code goes on.
  const sp = rt.services.savepoint?.();
  rt.tryDepth++;
  let failed = false;
  try {
    yield* body();
  } catch (e) {
    const err = toAlError(e);
    if (err.uncatchable) {
      sp?.release();
      throw err;
    }
    rt.session.lastError = err;
    failed = true;
  } finally {
    rt.tryDepth--;
  }
  if (!failed) {
    sp?.release();
    throw new AlError('An error was expected inside an ASSERTERROR statement.', '', loc(l));
  }
  sp?.rollback();
}

export function cuInst(rt: Rt, v: unknown, obj: ObjectModel): unknown {
  if (v instanceof CodeunitVar) return rt.cuInstance(v);
  if (v && typeof v === 'object' && (v as { obj?: unknown }).obj === obj) return v;
  throw new AlError(`A codeunit of type ${obj.name} was expected.`);
}

/** foreach: Lists (elements), Dictionaries (keys), Text (chars). */
export function iter(coll: unknown, l: Loc): Iterable<unknown> {
  coll = unwrap(coll);
  if (coll instanceof AlList) return coll.items.slice();
  if (coll instanceof AlDictionary) return [...coll.map.values()].map((e) => e[0]);
  if (typeof coll === 'string') return [...coll].map((c) => c.charCodeAt(0));
  // Platform objects (src/runtime/platform: .NET collections, XmlNodeList...) enumerate themselves.
  if (coll && typeof (coll as { alEnumerate?: unknown }).alEnumerate === 'function') return (coll as { alEnumerate(): Iterable<unknown> }).alEnumerate();
  throw new AlError(`foreach needs a List, a Dictionary or a Text, not ${describe(coll)}.`, '', loc(l));
}

export function unsupportedAt(what: string, l: Loc): AlError {
  return unsupported(what, toSourceLocation(l));
}

export function unsupportedError(text: string, l: Loc): AlError {
  return new AlError(text, 'Unsupported', toSourceLocation(l));
}

/** Assigning an enum value to an interface variable: the value's implementation (or the enum's default). */
export function enumToInterface(rt: Rt, v: unknown, enumType: TypeRef, iface: string): unknown {
  const e = rt.engine.findObject('enum', enumType.subtype ?? '');
  const ord = num(v);
  const val = e?.enumValues?.find((x) => x.ordinal === ord);
  const cu = val?.implementations.get(iface.toLowerCase()) ?? e?.enumDefaultImpl?.get(iface.toLowerCase());
  if (!cu) throw new AlError(`The enum value ${val?.name ?? ord} of ${enumType.subtype} does not implement the interface ${iface}.`);
  const obj = rt.engine.findObject('codeunit', cu);
  if (!obj) throw new AlError(`The codeunit ${cu} implementing ${iface} is not in the workspace.`);
  return new CodeunitVar(obj);
}

export function decimalLiteral(text: string): AlDecimal {
  const d = AlDecimal.parse(text);
  if (!d) throw new AlError(`Invalid decimal literal ${text}.`);
  return d;
}

export const helpers = {
  iadd, isub, imul, overflow, add, sub, mul, div, idiv, mod, neg, not, cmp, bool, num, unwrap,
  dateAdd, dateSub, dateMinus, timeAdd, timeSub, timeMinus, dtAdd, dtSub, dtMinus,
  toInt, toEnum, toBig, toDec, toText, toCode, toChar, toBool, toGuid, toVariant, copyArray, copyRecord,
  ix, charAt, setCharAt, def, callProc, tryCall, raiseEvent, interfaceCall, assertError, cuInst, iter,
  unsupported: unsupportedAt,
  unsupportedError,
  blobRef: (rec: AlRecord, fieldId: number) => new BlobRef(rec, fieldId),
  enumToInterface,
  decimalLiteral,
  dateLiteral: literalDate,
  timeLiteral: literalTime,
  dateTimeLiteral: literalDateTime,
};

export type Helpers = typeof helpers;
