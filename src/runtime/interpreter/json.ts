// AL's JSON types (JsonObject, JsonArray, JsonToken, JsonValue): reference types over a small node tree, with
// ReadFrom/WriteTo, Get/Add/Replace/Remove, SelectToken paths and the As* conversions, and BC-style errors.
import { AlError } from './errors';
import { registry, T, tBool, tInt, tText, type CallInfo } from './methodTypes';
import type { Rt } from './rt';
import { toSourceLocation } from './model';
import { AlList } from './collections';
import { Variant } from './objects';
import { AlDecimal, isAlDecimal } from '../values/decimal';
import { normType } from './typeNames';
import { fmt } from './display';
import { evaluateText } from '../values/evaluate';
import type { TypeRef } from './ast';

export type JsonNode = JsonObjectValue | JsonArrayValue | JsonValueValue;

export class JsonObjectValue {
  map = new Map<string, JsonNode>();
}

export class JsonArrayValue {
  items: JsonNode[] = [];
}

/** A JSON scalar: null, a boolean, a number (kept as its text so decimals stay exact) or a string. */
export class JsonValueValue {
  constructor(public v: null | boolean | string | { num: string } = null) {}
}

/** A JsonToken variable: holds any node (empty until assigned). */
export class JsonTokenValue {
  constructor(public node?: JsonNode) {}
}

const tToken = T('JsonToken');
const tObject = T('JsonObject');
const tArray = T('JsonArray');
const tValue = T('JsonValue');
const where = (ci: CallInfo) => toSourceLocation(ci.loc);

function nodeOf(x: unknown): JsonNode | undefined {
  if (x instanceof JsonTokenValue) return x.node;
  if (x instanceof JsonObjectValue || x instanceof JsonArrayValue || x instanceof JsonValueValue) return x;
  return undefined;
}

/** An AL value given to Add/Set/SetValue: JSON nodes as they are, simple values as a JsonValue. */
function toNode(rt: Rt, v: unknown, t: TypeRef | undefined): JsonNode {
  const n = nodeOf(v);
  if (n) return n;
  if (v instanceof Variant) return toNode(rt, v.value, v.type);
  if (typeof v === 'boolean') return new JsonValueValue(v);
  const tn = t ? normType(t).name : undefined;
  if (typeof v === 'number' && (tn === undefined || tn === 'Integer' || tn === 'BigInteger' || tn === 'Duration' || tn === 'Byte')) return new JsonValueValue({ num: String(v) });
  if (isAlDecimal(v)) return new JsonValueValue({ num: v.toString() });
  if (typeof v === 'string') return new JsonValueValue(v);
  // Dates, times, options...: their XML (format 9) text, as BC writes them.
  return new JsonValueValue(fmt(rt, v, t, 0, 9));
}

function toJs(n: JsonNode): unknown {
  if (n instanceof JsonObjectValue) return Object.fromEntries([...n.map].map(([k, x]) => [k, toJs(x)]));
  if (n instanceof JsonArrayValue) return n.items.map(toJs);
  const v = n.v;
  return v !== null && typeof v === 'object' ? new RawNumber(v.num) : v;
}

/** Numbers keep their exact text when written. */
class RawNumber {
  constructor(readonly text: string) {}
}

export function writeJson(n: JsonNode): string {
  const walk = (x: unknown): string => {
    if (x instanceof RawNumber) return x.text;
    if (Array.isArray(x)) return `[${x.map(walk).join(',')}]`;
    if (x !== null && typeof x === 'object') return `{${Object.entries(x).map(([k, v]) => `${JSON.stringify(k)}:${walk(v)}`).join(',')}}`;
    return JSON.stringify(x);
  };
  return walk(toJs(n));
}

function fromJs(x: unknown): JsonNode {
  if (Array.isArray(x)) {
    const a = new JsonArrayValue();
    a.items = x.map(fromJs);
    return a;
  }
  if (x !== null && typeof x === 'object') {
    const o = new JsonObjectValue();
    for (const [k, v] of Object.entries(x)) o.map.set(k, fromJs(v));
    return o;
  }
  if (typeof x === 'number') return new JsonValueValue({ num: String(x) });
  return new JsonValueValue(x as null | boolean | string);
}

function parse(text: string): JsonNode | undefined {
  try {
    return fromJs(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function clone(n: JsonNode): JsonNode {
  return fromJs(JSON.parse(writeJson(n)));
}

/** SelectToken paths: `$.a.b[0]`, `a.b`, `['key with space'][1]`. */
function select(root: JsonNode, path: string): JsonNode | undefined {
  let p = path.trim();
  if (p.startsWith('$')) p = p.slice(1);
  let cur: JsonNode | undefined = root;
  const re = /\.?([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/g;
  let m: RegExpExecArray | null;
  while (cur && (m = re.exec(p))) {
    const key = m[1] ?? m[3];
    if (m[2] !== undefined) cur = cur instanceof JsonArrayValue ? cur.items[Number(m[2])] : undefined;
    else cur = cur instanceof JsonObjectValue ? cur.map.get(key!) : undefined;
  }
  return cur;
}

function asObject(x: unknown, ci: CallInfo): JsonObjectValue {
  const n = nodeOf(x);
  if (n instanceof JsonObjectValue) return n;
  throw new AlError('The JSON token is not an object.', 'JsonTypeMismatch', where(ci));
}

function asArray(x: unknown, ci: CallInfo): JsonArrayValue {
  const n = nodeOf(x);
  if (n instanceof JsonArrayValue) return n;
  throw new AlError('The JSON token is not an array.', 'JsonTypeMismatch', where(ci));
}

function asValue(x: unknown, ci: CallInfo): JsonValueValue {
  const n = nodeOf(x);
  if (n instanceof JsonValueValue) return n;
  throw new AlError('The JSON token is not a value.', 'JsonTypeMismatch', where(ci));
}

function valueText(v: JsonValueValue, ci: CallInfo): string {
  if (v.v === null) throw new AlError('The JSON value is null and cannot be converted.', 'JsonTypeMismatch', where(ci));
  if (typeof v.v === 'object') return v.v.num;
  return String(v.v);
}

function convert(v: JsonValueValue, type: string, ci: CallInfo): unknown {
  if (type === 'Text' || type === 'Code') {
    const s = valueText(v, ci);
    return type === 'Code' ? s.toUpperCase() : s;
  }
  if (type === 'Boolean') {
    if (typeof v.v === 'boolean') return v.v;
    if (typeof v.v === 'string' && /^(true|false)$/i.test(v.v)) return v.v.toLowerCase() === 'true';
    throw new AlError(`The JSON value ${valueText(v, ci)} cannot be converted to a Boolean.`, 'JsonTypeMismatch', where(ci));
  }
  const text = valueText(v, ci);
  if (type === 'Decimal') {
    const d = AlDecimal.parse(text);
    if (!d) throw new AlError(`The JSON value ${text} cannot be converted to a Decimal.`, 'JsonTypeMismatch', where(ci));
    return d;
  }
  if (type === 'Integer' || type === 'BigInteger' || type === 'Byte' || type === 'Char' || type === 'Option') {
    const n = Number(text);
    if (!Number.isInteger(n) || (type === 'Integer' && Math.abs(n) > 2147483647)) throw new AlError(`The JSON value ${text} cannot be converted to an ${type}.`, 'JsonTypeMismatch', where(ci));
    return n;
  }
  const r = evaluateText({ type: type as never }, text, {});
  if (!r.ok) throw new AlError(`The JSON value ${text} cannot be converted to a ${type}.`, 'JsonTypeMismatch', where(ci));
  return r.value;
}

const As = (type: string, ret: TypeRef) => ({ ret, max: 0, impl: (_rt: Rt, ci: CallInfo, x: unknown) => convert(asValue(x, ci), type, ci) });

function getter(type: string, ret: TypeRef) {
  return {
    ret, min: 1, max: 2,
    impl(_rt: Rt, ci: CallInfo, x: unknown, key: unknown) {
      const o = asObject(x, ci);
      const n = o.map.get(String(key));
      if (!n) throw new AlError(`The JSON object does not contain the key '${String(key)}'.`, 'JsonKeyNotFound', where(ci));
      if (type === 'Object') return asObject(n, ci);
      if (type === 'Array') return asArray(n, ci);
      return convert(asValue(n, ci), type, ci);
    },
  };
}

const common = {
  WriteTo: { refArgs: [0], ret: tBool, min: 1, max: 1, impl: (_rt: Rt, ci: CallInfo, x: unknown, ref: { v: unknown }) => { const n = nodeOf(x); if (!n) throw new AlError('The JSON token is empty.', '', where(ci)); ref.v = writeJson(n); return true; } },
  AsToken: { ret: tToken, max: 0, impl: (_rt: Rt, _ci: CallInfo, x: unknown) => new JsonTokenValue(nodeOf(x)) },
  Clone: { ret: tToken, max: 0, impl: (_rt: Rt, ci: CallInfo, x: unknown) => { const n = nodeOf(x); if (!n) throw new AlError('The JSON token is empty.', '', where(ci)); return new JsonTokenValue(clone(n)); } },
  SelectToken: { refArgs: [1], ret: tBool, min: 2, max: 2, impl: (_rt: Rt, _ci: CallInfo, x: unknown, path: unknown, ref: { v: unknown }) => { const n = nodeOf(x); const r = n ? select(n, String(path)) : undefined; if (!r) return false; ref.v = new JsonTokenValue(r); return true; } },
};

/** ReadFrom(Text) into the variable's own node (objects and arrays are filled in place). */
function readInto(kind: 'object' | 'array' | 'token' | 'value') {
  return {
    ret: tBool, min: 1, max: 1, effect: true,
    impl(_rt: Rt, ci: CallInfo, x: unknown, text: unknown) {
      const n = parse(String(text instanceof Variant ? text.value : text));
      const fail = (what: string) => {
        if (ci.used) return false;
        throw new AlError(`The JSON text is not a valid ${what}.`, 'JsonParse', where(ci));
      };
      if (!n) return fail('JSON document');
      if (kind === 'object') {
        if (!(n instanceof JsonObjectValue)) return fail('JSON object');
        (x as JsonObjectValue).map = n.map;
      } else if (kind === 'array') {
        if (!(n instanceof JsonArrayValue)) return fail('JSON array');
        (x as JsonArrayValue).items = n.items;
      } else if (kind === 'value') {
        if (!(n instanceof JsonValueValue)) return fail('JSON value');
        (x as JsonValueValue).v = n.v;
      } else (x as JsonTokenValue).node = n;
      return true;
    },
  };
}

export const jsonObjectMethods = registry({
  ...common,
  ReadFrom: readInto('object'),
  Add: { ret: tBool, min: 2, max: 2, effect: true, impl: (rt: Rt, ci, o: JsonObjectValue, k, v) => { const key = String(k); if (o.map.has(key)) { if (ci.used) return false; throw new AlError(`The JSON object already contains the key '${key}'.`, 'JsonKeyExists', where(ci)); } o.map.set(key, toNode(rt, v, ci.argTypes[1])); return true; } },
  Replace: { ret: tBool, min: 2, max: 2, effect: true, impl: (rt: Rt, ci, o: JsonObjectValue, k, v) => { const key = String(k); if (!o.map.has(key)) { if (ci.used) return false; throw new AlError(`The JSON object does not contain the key '${key}'.`, 'JsonKeyNotFound', where(ci)); } o.map.set(key, toNode(rt, v, ci.argTypes[1])); return true; } },
  Remove: { ret: tBool, min: 1, max: 1, effect: true, impl: (_rt: Rt, _ci, o: JsonObjectValue, k) => o.map.delete(String(k)) },
  Contains: { ret: tBool, min: 1, max: 1, impl: (_rt: Rt, _ci, o: JsonObjectValue, k) => o.map.has(String(k)) },
  Get: { refArgs: [1], ret: tBool, min: 2, max: 2, impl: (_rt: Rt, ci, o: JsonObjectValue, k, ref: { v: unknown }) => { const n = asObject(o, ci).map.get(String(k)); if (!n) return false; ref.v = new JsonTokenValue(n); return true; } },
  Keys: { ret: T('List', { of: [tText] }), max: 0, impl: (_rt: Rt, _ci, o: JsonObjectValue) => { const l = new AlList(tText); l.items = [...o.map.keys()]; return l; } },
  Values: { ret: T('List', { of: [tToken] }), max: 0, impl: (_rt: Rt, _ci, o: JsonObjectValue) => { const l = new AlList(tToken); l.items = [...o.map.values()].map((n) => new JsonTokenValue(n)); return l; } },
  Count: { ret: tInt, max: 0, impl: (_rt: Rt, _ci, o: JsonObjectValue) => o.map.size },
  GetText: getter('Text', tText),
  GetCode: getter('Code', T('Code')),
  GetInteger: getter('Integer', tInt),
  GetBigInteger: getter('BigInteger', T('BigInteger')),
  GetDecimal: getter('Decimal', T('Decimal')),
  GetBoolean: getter('Boolean', tBool),
  GetDate: getter('Date', T('Date')),
  GetDateTime: getter('DateTime', T('DateTime')),
  GetObject: getter('Object', tObject),
  GetArray: getter('Array', tArray),
  Path: { ret: tText, max: 0, impl: () => '' },
});

function arrayIndex(a: JsonArrayValue, i: unknown, ci: CallInfo, allowEnd = false): number {
  const n = Number(i);
  if (!Number.isInteger(n) || n < 0 || n > a.items.length - (allowEnd ? 0 : 1)) throw new AlError(`The index ${String(i)} is outside the JSON array (0..${a.items.length - 1}).`, 'JsonIndex', where(ci));
  return n;
}

export const jsonArrayMethods = registry({
  ...common,
  ReadFrom: readInto('array'),
  Add: { min: 1, max: 1, effect: true, impl: (rt: Rt, ci, a: JsonArrayValue, v) => void a.items.push(toNode(rt, v, ci.argTypes[0])) },
  Insert: { ret: tBool, min: 2, max: 2, effect: true, impl: (rt: Rt, ci, a: JsonArrayValue, i, v) => { a.items.splice(arrayIndex(a, i, ci, true), 0, toNode(rt, v, ci.argTypes[1])); return true; } },
  Set: { ret: tBool, min: 2, max: 2, effect: true, impl: (rt: Rt, ci, a: JsonArrayValue, i, v) => { a.items[arrayIndex(a, i, ci)] = toNode(rt, v, ci.argTypes[1]); return true; } },
  RemoveAt: { ret: tBool, min: 1, max: 1, effect: true, impl: (_rt: Rt, ci, a: JsonArrayValue, i) => { a.items.splice(arrayIndex(a, i, ci), 1); return true; } },
  Get: { refArgs: [1], ret: tBool, min: 2, max: 2, impl: (_rt: Rt, _ci, a: JsonArrayValue, i, ref: { v: unknown }) => { const n = a.items[Number(i)]; if (!n) return false; ref.v = new JsonTokenValue(n); return true; } },
  Count: { ret: tInt, max: 0, impl: (_rt: Rt, _ci, a: JsonArrayValue) => a.items.length },
  IndexOf: { ret: tInt, min: 1, max: 1, impl: (rt: Rt, ci, a: JsonArrayValue, v) => { const text = writeJson(toNode(rt, v, ci.argTypes[0])); return a.items.findIndex((n) => writeJson(n) === text); } },
  GetText: { ret: tText, min: 1, max: 1, impl: (_rt: Rt, ci, a: JsonArrayValue, i) => convert(asValue(a.items[arrayIndex(a, i, ci)], ci), 'Text', ci) },
  GetInteger: { ret: tInt, min: 1, max: 1, impl: (_rt: Rt, ci, a: JsonArrayValue, i) => convert(asValue(a.items[arrayIndex(a, i, ci)], ci), 'Integer', ci) },
  GetDecimal: { ret: T('Decimal'), min: 1, max: 1, impl: (_rt: Rt, ci, a: JsonArrayValue, i) => convert(asValue(a.items[arrayIndex(a, i, ci)], ci), 'Decimal', ci) },
  GetBoolean: { ret: tBool, min: 1, max: 1, impl: (_rt: Rt, ci, a: JsonArrayValue, i) => convert(asValue(a.items[arrayIndex(a, i, ci)], ci), 'Boolean', ci) },
  GetObject: { ret: tObject, min: 1, max: 1, impl: (_rt: Rt, ci, a: JsonArrayValue, i) => asObject(a.items[arrayIndex(a, i, ci)], ci) },
  GetArray: { ret: tArray, min: 1, max: 1, impl: (_rt: Rt, ci, a: JsonArrayValue, i) => asArray(a.items[arrayIndex(a, i, ci)], ci) },
  Path: { ret: tText, max: 0, impl: () => '' },
});

export const jsonTokenMethods = registry({
  ...common,
  ReadFrom: readInto('token'),
  IsObject: { ret: tBool, max: 0, impl: (_rt: Rt, _ci, x) => nodeOf(x) instanceof JsonObjectValue },
  IsArray: { ret: tBool, max: 0, impl: (_rt: Rt, _ci, x) => nodeOf(x) instanceof JsonArrayValue },
  IsValue: { ret: tBool, max: 0, impl: (_rt: Rt, _ci, x) => nodeOf(x) instanceof JsonValueValue },
  AsObject: { ret: tObject, max: 0, impl: (_rt: Rt, ci, x) => asObject(x, ci) },
  AsArray: { ret: tArray, max: 0, impl: (_rt: Rt, ci, x) => asArray(x, ci) },
  AsValue: { ret: tValue, max: 0, impl: (_rt: Rt, ci, x) => asValue(x, ci) },
  Path: { ret: tText, max: 0, impl: () => '' },
});

export const jsonValueMethods = registry({
  ...common,
  ReadFrom: readInto('value'),
  AsText: As('Text', tText),
  AsCode: As('Code', T('Code')),
  AsInteger: As('Integer', tInt),
  AsBigInteger: As('BigInteger', T('BigInteger')),
  AsDecimal: As('Decimal', T('Decimal')),
  AsBoolean: As('Boolean', tBool),
  AsDate: As('Date', T('Date')),
  AsTime: As('Time', T('Time')),
  AsDateTime: As('DateTime', T('DateTime')),
  AsDuration: As('Duration', T('Duration')),
  AsByte: As('Integer', T('Byte')),
  AsChar: As('Integer', T('Char')),
  AsOption: As('Integer', tInt),
  IsNull: { ret: tBool, max: 0, impl: (_rt: Rt, _ci, x: JsonValueValue) => x.v === null },
  IsUndefined: { ret: tBool, max: 0, impl: () => false },
  SetValue: { min: 1, max: 1, effect: true, impl: (rt: Rt, ci, x: JsonValueValue, v) => { const n = toNode(rt, v, ci.argTypes[0]); if (!(n instanceof JsonValueValue)) throw new AlError('SetValue needs a simple value.', '', where(ci)); x.v = n.v; } },
  SetValueToNull: { max: 0, effect: true, impl: (_rt: Rt, _ci, x: JsonValueValue) => void (x.v = null) },
  Path: { ret: tText, max: 0, impl: () => '' },
});
