// The shape of built-in method registries (system methods, Record/List/Dictionary/Text... methods) shared by
// the compiler (which resolves calls at compile time) and the runtime libraries that implement them.
import type { Loc, TypeRef } from './ast';

/** Static facts about one call site, passed to every built-in as its second argument. */
export interface CallInfo {
  loc: Loc;
  /** Static types of the arguments (undefined where unknown). */
  argTypes: (TypeRef | undefined)[];
  /** The call's value is used (`Ok := StartSession(...)`, `if Codeunit.Run(...)`). */
  used: boolean;
  /** The static type of the receiver (Record subtype, List element types...). */
  targetType?: TypeRef;
  name: string;
}

export interface Builtin {
  /** The implementation is a generator (it may run AL code or wait): called with `yield*`. */
  gen?: boolean;
  /** Return type, fixed or computed from the call site. */
  ret?: TypeRef | ((ci: CallInfo) => TypeRef | undefined);
  /** Argument positions (0-based, receiver excluded) passed by reference as `{ v }` objects. */
  refArgs?: number[];
  /** Argument positions that name a field of the receiver's table (`SetRange(Name, ...)`): passed as field ids. */
  fieldArgs?: number[] | 'all';
  /** Changes state (record position, filters, data, session): refused in the debugger's evaluate. */
  effect?: boolean;
  /** Argument counts accepted (unchecked when absent). */
  min?: number;
  max?: number;
  impl: (rt: any, ci: CallInfo, ...args: any[]) => unknown;
}

export type Registry = Map<string, Builtin>;

export function T(name: string, extra?: Partial<TypeRef>): TypeRef {
  return { name, ...extra };
}

export const tInt = T('Integer');
export const tBool = T('Boolean');
export const tText = T('Text');
export const tDec = T('Decimal');
export const tDate = T('Date');
export const tTime = T('Time');
export const tDateTime = T('DateTime');
export const tGuid = T('Guid');
export const tDuration = T('Duration');
export const tBigInt = T('BigInteger');
export const tChar = T('Char');
export const tVariant = T('Variant');

/** Build a registry from an object literal keyed by the AL method name (case-insensitive lookup). */
export function registry(entries: Record<string, Builtin>): Registry {
  const map: Registry = new Map();
  for (const [name, b] of Object.entries(entries)) map.set(name.toLowerCase(), b);
  return map;
}
