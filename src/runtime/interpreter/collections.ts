// AL's List and Dictionary (reference types: assignment and by-value parameters share the instance) and
// their methods, with BC's error texts for missing keys and out-of-range indexes.
import type { TypeRef } from './ast';
import { AlError } from './errors';
import { registry, tBool, tInt, T, type CallInfo } from './methodTypes';
import { AlDecimal, isAlDecimal } from '../values/decimal';
import { toSourceLocation } from './model';

/** Dictionary keys: values of simple types; decimals compare by value. */
function keyOf(k: unknown): string {
  if (typeof k === 'string') return 's' + k;
  if (typeof k === 'number') return 'n' + k;
  if (typeof k === 'boolean') return k ? 'bt' : 'bf';
  if (isAlDecimal(k)) return 'n' + k.toString();
  throw new AlError('This type cannot be used as a dictionary key.');
}

export class AlList {
  items: unknown[] = [];
  constructor(readonly elemType?: TypeRef) {}
}

export class AlDictionary {
  map = new Map<string, [unknown, unknown]>();
  constructor(
    readonly keyType?: TypeRef,
    readonly valueType?: TypeRef,
  ) {}
}

function where(ci: CallInfo) {
  return toSourceLocation(ci.loc);
}

function index(ci: CallInfo, l: AlList, i: unknown, allowEnd = false): number {
  const n = typeof i === 'number' ? i : Number(i);
  if (!Number.isInteger(n) || n < 1 || n > l.items.length + (allowEnd ? 1 : 0)) {
    throw new AlError('Index was out of range. Must be non-negative and less than the size of the collection.', '', where(ci));
  }
  return n - 1;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isAlDecimal(a) && isAlDecimal(b)) return a.compare(b) === 0;
  if (isAlDecimal(a) && typeof b === 'number') return a.compare(AlDecimal.fromNumber(b)) === 0;
  if (typeof a === 'number' && isAlDecimal(b)) return b.compare(AlDecimal.fromNumber(a)) === 0;
  return false;
}

const elem = (ci: CallInfo) => ci.targetType?.of?.[0];

export const listMethods = registry({
  Add: { effect: true, min: 1, max: 1, impl: (_rt, _ci, l: AlList, v) => void l.items.push(v) },
  AddRange: { effect: true, min: 1, impl: (_rt, _ci, l: AlList, ...vs) => void l.items.push(...vs) },
  Contains: { ret: tBool, min: 1, max: 1, impl: (_rt, _ci, l: AlList, v) => l.items.some((x) => same(x, v)) },
  Count: { ret: tInt, max: 0, impl: (_rt, _ci, l: AlList) => l.items.length },
  Get: {
    ret: (ci) => (ci.argTypes.length === 2 ? tBool : elem(ci)), min: 1, max: 2, refArgs: [1],
    impl: (_rt, ci, l: AlList, i, out?: { v: unknown }) => {
      if (out) {
        const n = Number(i);
        if (!Number.isInteger(n) || n < 1 || n > l.items.length) return false;
        out.v = l.items[n - 1];
        return true;
      }
      return l.items[index(ci, l, i)];
    },
  },
  Set: { effect: true, min: 2, max: 2, impl: (_rt, ci, l: AlList, i, v) => void (l.items[index(ci, l, i)] = v) },
  Insert: { effect: true, min: 2, max: 2, impl: (_rt, ci, l: AlList, i, v) => void l.items.splice(index(ci, l, i, true), 0, v) },
  IndexOf: { ret: tInt, min: 1, max: 1, impl: (_rt, _ci, l: AlList, v) => l.items.findIndex((x) => same(x, v)) + 1 },
  LastIndexOf: { ret: tInt, min: 1, max: 1, impl: (_rt, _ci, l: AlList, v) => { for (let i = l.items.length - 1; i >= 0; i--) if (same(l.items[i], v)) return i + 1; return 0; } },
  Remove: { effect: true, ret: tBool, min: 1, max: 1, impl: (_rt, _ci, l: AlList, v) => { const i = l.items.findIndex((x) => same(x, v)); if (i < 0) return false; l.items.splice(i, 1); return true; } },
  RemoveAt: { effect: true, ret: tBool, min: 1, max: 1, impl: (_rt, ci, l: AlList, i) => { l.items.splice(index(ci, l, i), 1); return true; } },
  RemoveRange: { effect: true, ret: tBool, min: 2, max: 2, impl: (_rt, ci, l: AlList, i, n: number) => { const s = index(ci, l, i); if (s + n > l.items.length || n < 0) throw new AlError('Index was out of range. Must be non-negative and less than the size of the collection.', '', where(ci)); l.items.splice(s, n); return true; } },
  Reverse: { effect: true, max: 0, impl: (_rt, _ci, l: AlList) => void l.items.reverse() },
  GetRange: { ret: (ci) => ci.targetType, min: 2, max: 3, impl: (_rt, ci, l: AlList, i, n: number, out?: AlList) => { const s = index(ci, l, i); if (s + n > l.items.length || n < 0) throw new AlError('Index was out of range. Must be non-negative and less than the size of the collection.', '', where(ci)); const r = out ?? new AlList(l.elemType); r.items = l.items.slice(s, s + n); return r; } },
});

export const dictionaryMethods = registry({
  // `[Ok :=] Dictionary.Add(Key, Value)`: with the result used, a key already there is false, not an error (BC's
  // optional-return convention; System Application's Email module dedups recipients this way).
  Add: {
    effect: true, min: 2, max: 2, ret: tBool,
    impl: (_rt, ci, d: AlDictionary, k, v) => {
      const key = keyOf(k);
      if (d.map.has(key)) {
        if (ci.used) return false;
        throw new AlError(`An item with the same key has already been added. Key: ${String(k)}`, '', where(ci));
      }
      d.map.set(key, [k, v]);
      return true;
    },
  },
  Set: { effect: true, min: 2, max: 3, refArgs: [2], impl: (_rt, _ci, d: AlDictionary, k, v, old?: { v: unknown }) => { const key = keyOf(k); const prev = d.map.get(key); if (old && prev) old.v = prev[1]; d.map.set(key, [k, v]); return !!prev; }, ret: tBool },
  Get: {
    min: 1, max: 2, refArgs: [1],
    ret: (ci) => (ci.argTypes.length === 2 ? tBool : ci.targetType?.of?.[1]),
    impl: (_rt, ci, d: AlDictionary, k, out?: { v: unknown }) => {
      const e = d.map.get(keyOf(k));
      if (out) {
        if (!e) return false;
        out.v = e[1];
        return true;
      }
      if (!e) throw new AlError(`The given key was not present in the dictionary.`, '', where(ci));
      return e[1];
    },
  },
  Remove: { effect: true, ret: tBool, min: 1, max: 1, impl: (_rt, _ci, d: AlDictionary, k) => d.map.delete(keyOf(k)) },
  ContainsKey: { ret: tBool, min: 1, max: 1, impl: (_rt, _ci, d: AlDictionary, k) => d.map.has(keyOf(k)) },
  Count: { ret: tInt, max: 0, impl: (_rt, _ci, d: AlDictionary) => d.map.size },
  Keys: { ret: (ci) => T('List', { of: [ci.targetType?.of?.[0] ?? T('Variant')] }), max: 0, impl: (_rt, _ci, d: AlDictionary) => { const l = new AlList(d.keyType); l.items = [...d.map.values()].map((e) => e[0]); return l; } },
  Values: { ret: (ci) => T('List', { of: [ci.targetType?.of?.[1] ?? T('Variant')] }), max: 0, impl: (_rt, _ci, d: AlDictionary) => { const l = new AlList(d.valueType); l.items = [...d.map.values()].map((e) => e[1]); return l; } },
});

/** A Dictionary of [Text, Text] from a JS map (page task parameters and results). */
export function fromMap(m: Map<string, string>): AlDictionary {
  const d = new AlDictionary(T('Text'), T('Text'));
  for (const [k, v] of m) d.map.set('s' + k, [k, v]);
  return d;
}
