// The shape of an emulated .NET type (one file per type under types/) and the small conversions every type
// needs between AL values (strings, numbers, AlDecimal, Variant) and the JS values the emulation works on.
import type { TypeRef } from '../../interpreter/ast';
import { AlError } from '../../interpreter/errors';
import type { CallInfo } from '../../interpreter/methodTypes';
import { toSourceLocation } from '../../interpreter/model';
import { Variant } from '../../interpreter/objects';
import { AlDecimal, isAlDecimal } from '../../values/decimal';

/** What a member implementation gets besides its receiver and arguments. */
export interface DotNetCall {
  /** The execution (Rt): the session clock, services. Typed loosely so types stay independent of it. */
  rt: any;
  ci: CallInfo;
  /** Full name of the receiver's .NET type and the member called: for error texts. */
  type: string;
  member: string;
}

export interface DotNetMember {
  /** The member's .NET name (set by dotnetType), for error texts. */
  name?: string;
  /** Callable on a variable that holds no instance (static methods, static properties, enum members, constructors). */
  static?: boolean;
  /**
   * A property: read with no argument; written with one (`UriBuilder.Query := X` compiles to a one-argument call).
   * Indexed properties (`JObject.Item(Key)`) are ordinary methods.
   */
  property?: boolean;
  /** The AL type of the result: Text, Integer, Boolean, Decimal or `DotNet <full name>`. */
  ret?: TypeRef;
  /** Argument positions passed by reference (`{ v }`), for .NET out/ref parameters. */
  refArgs?: number[];
  fn(self: any, args: unknown[], call: DotNetCall): unknown;
}

export interface DotNetType {
  /** Full .NET name as AL declares it: `System.Text.RegularExpressions.Regex`, `System.Collections.Generic.List`1`. */
  name: string;
  /** Members by lower-case AL name; a constructor is a static member named like the type (`Uri.Uri(...)`). */
  members: Record<string, DotNetMember>;
}

/** Builds a type from members keyed by their .NET names (looked up case-insensitively, as AL does). */
export function dotnetType(name: string, members: Record<string, DotNetMember>): DotNetType {
  const lower: Record<string, DotNetMember> = {};
  for (const [k, m] of Object.entries(members)) lower[k.toLowerCase()] = { ...m, name: k };
  return { name, members: lower };
}

/** `DotNet <full name>`: the static type of a member returning a .NET object. */
export function dn(fullName: string): TypeRef {
  return { name: 'DotNet', subtype: fullName };
}

export const tText: TypeRef = { name: 'Text' };
export const tInt: TypeRef = { name: 'Integer' };
export const tBig: TypeRef = { name: 'BigInteger' };
export const tBool: TypeRef = { name: 'Boolean' };
export const tDec: TypeRef = { name: 'Decimal' };
export const tChar: TypeRef = { name: 'Char' };
export const tDateTime: TypeRef = { name: 'DateTime' };
export const tDate: TypeRef = { name: 'Date' };
export const tGuid: TypeRef = { name: 'Guid' };
export const tDuration: TypeRef = { name: 'Duration' };

export function unwrapAl(v: unknown): unknown {
  return v instanceof Variant ? v.value : v;
}

/** A .NET String argument: AL Text/Code as is; Char codes as one character; numbers formatted invariantly. */
export function str(v: unknown): string {
  v = unwrapAl(v);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (isAlDecimal(v)) return v.toString();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && typeof (v as { alFormat?: unknown }).alFormat === 'function') return (v as { alFormat(): string }).alFormat();
  return String(v);
}

/** A .NET numeric argument. */
export function num(v: unknown): number {
  v = unwrapAl(v);
  if (typeof v === 'number') return v;
  if (isAlDecimal(v)) return v.toNumber();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new AlError(`A number was expected but the value is '${String(v)}'.`);
}

export function bool(v: unknown): boolean {
  v = unwrapAl(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  throw new AlError(`A Boolean was expected but the value is '${String(v)}'.`);
}

export function dec(n: number): AlDecimal {
  return AlDecimal.fromNumber(n);
}

/**
 * A .NET exception as BC reports it: "A call to System.UriBuilder.Port failed with this message: <message>"
 * (a constructor is named by its type alone).
 */
export function dotnetError(message: string, call?: DotNetCall): AlError {
  if (!call) return new AlError(message, 'DotNetException');
  const ctor = call.member.toLowerCase() === (call.type.split('.').pop() ?? '').replace(/`\d+$/, '').toLowerCase();
  const text = `A call to ${call.type}${ctor ? '' : `.${call.member}`} failed with this message: ${message}`;
  return new AlError(text, 'DotNetException', toSourceLocation(call.ci.loc));
}

/** BC's text when a member is called on a DotNet variable that holds no instance. */
export function notInstantiated(call: DotNetCall): AlError {
  return new AlError(`A DotNet variable has not been instantiated. Attempting to call ${call.type}.${call.member}.`, 'DotNetNull', toSourceLocation(call.ci.loc));
}

/** The receiver as an instance of a JS class, or BC's error for a null variable / a wrong object. */
export function self<T>(v: unknown, cls: abstract new (...a: any[]) => T, call: DotNetCall): T {
  v = unwrapAl(v);
  if (v instanceof cls) return v;
  if (v === null || v === undefined) throw notInstantiated(call);
  throw dotnetError(`Unable to cast an object of type '${describe(v)}' to type '${call.type}'.`, call);
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return 'System.String';
  if (typeof v === 'number') return 'System.Int32';
  if (typeof v === 'boolean') return 'System.Boolean';
  if (isAlDecimal(v)) return 'System.Decimal';
  const n = (v as { dotnetType?: string } | null)?.dotnetType;
  return n ?? (v as object)?.constructor?.name ?? String(v);
}

/** Base of emulated .NET objects: a type name for messages, `alFormat` for Format/ToString, `alEnumerate` for foreach. */
export abstract class DotNetObject {
  abstract readonly dotnetType: string;
  alFormat(): string {
    return this.dotnetType;
  }
}

/** A .NET array (`System.Array`, `String[]` results): indexable with GetValue/SetValue, enumerable with foreach. */
export class DotNetArray extends DotNetObject {
  readonly dotnetType = 'System.Array';
  constructor(
    public items: unknown[],
    readonly elementType = 'System.Object',
  ) {
    super();
  }
  alEnumerate(): Iterable<unknown> {
    return this.items.slice();
  }
}
