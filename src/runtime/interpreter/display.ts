// Format for interpreter values: a static AL type (or the value's own shape when the type is unknown) mapped
// to the values library's formatter; also the debugger's display text of any value.
import type { FieldType, FieldValue } from '../contracts';
import type { TypeRef } from './ast';
import { AlError } from './errors';
import { formatValue, type FormatType } from '../values/format';
import { isAlDecimal } from '../values/decimal';
import { normType, SYSTEM_ENUMS } from './typeNames';
import { Variant, ErrorInfoValue, CodeunitVar, TextBuilderValue } from './objects';
import { AlRecord } from './record';
import { AlDictionary, AlList } from './collections';
import type { Rt } from './rt';

const FORMATTABLE = new Set(['Integer', 'BigInteger', 'Decimal', 'Boolean', 'Text', 'Code', 'Option', 'Enum', 'Date', 'Time', 'DateTime', 'Duration', 'Guid', 'DateFormula', 'Char', 'Byte', 'Label', 'RecordId']);

/** Option/enum member names by ordinal for a static type (resolved by the engine). */
export type MembersOf = (t: TypeRef) => string[] | undefined;

export function formatType(t: TypeRef | undefined, v: unknown, members: MembersOf): FormatType {
  if (v instanceof Variant) return formatType(v.type, v.value, members);
  if (t) {
    const n = normType(t);
    if (FORMATTABLE.has(n.name) && !n.dims) {
      const name = n.name === 'Label' ? 'Text' : n.name === 'RecordId' ? 'Text' : n.name;
      return { type: name as FieldType | 'Char' | 'Byte', optionMembers: n.name === 'Option' || n.name === 'Enum' ? members(n) : undefined };
    }
    if (n.name === 'TextConst' || n.name === 'SecretText' || n.name === 'BigText') return { type: 'Text' };
    // System enums (ClientType, PageBackgroundTaskErrorLevel, Action...) format as their member names.
    const sys = typeof v === 'number' && !n.dims ? SYSTEM_ENUMS[n.name.toLowerCase()] : undefined;
    if (sys) return { type: 'Option', optionMembers: sys };
  }
  if (typeof v === 'number') return { type: 'Integer' };
  if (typeof v === 'boolean') return { type: 'Boolean' };
  if (isAlDecimal(v)) return { type: 'Decimal' };
  return { type: 'Text' };
}

export function formatAny(v: unknown, t: TypeRef | undefined, members: MembersOf, length = 0, format: number | string = 0): string {
  const inner = v instanceof Variant ? v.value : v;
  if (inner instanceof AlRecord) throw new AlError(`Format cannot format a record of table ${inner.def.name}.`);
  if (inner === undefined || inner === null) return '';
  if (typeof inner === 'object' && !isAlDecimal(inner)) {
    if (inner instanceof TextBuilderValue) return inner.toText();
    // Platform objects (src/runtime/platform) format as their .NET ToString().
    if (typeof (inner as { alFormat?: unknown }).alFormat === 'function') return (inner as { alFormat(): string }).alFormat();
    throw new AlError(`Format cannot format a value of type ${describeType(inner)}.`);
  }
  return formatValue(formatType(t, v, members), inner as FieldValue, length, format);
}

function describeType(v: object): string {
  if (v instanceof AlList) return 'List';
  if (v instanceof AlDictionary) return 'Dictionary';
  if (v instanceof CodeunitVar) return 'Codeunit';
  if (v instanceof ErrorInfoValue) return 'ErrorInfo';
  return v.constructor?.name ?? 'object';
}

/** The debugger's text of a value: Format for simple values (texts quoted), a summary for objects. */
export function displayValue(v: unknown, t: TypeRef | undefined, members: MembersOf): string {
  const inner = v instanceof Variant ? v.value : v;
  if (inner instanceof AlRecord) return `${inner.def.name}${inner.temporary ? ' (temporary)' : ''}: ${inner.table.pkFieldIds.map((id) => String(displayValue(inner.f(id), inner.table.fieldsById.get(id)?.type, members))).join(', ')}`;
  if (inner instanceof AlList) return `List (${inner.items.length})`;
  if (inner instanceof AlDictionary) return `Dictionary (${inner.map.size})`;
  if (inner instanceof CodeunitVar) return `Codeunit ${inner.obj.name}`;
  if (inner instanceof ErrorInfoValue) return `ErrorInfo: ${inner.message}`;
  if (Array.isArray(inner)) return `array[${inner.length}]`;
  if (inner === undefined || inner === null) return t && normType(t).name === 'Variant' ? '<empty>' : '';
  if (typeof inner === 'object' && !isAlDecimal(inner)) return describeType(inner);
  let s: string;
  try {
    s = formatAny(inner, v instanceof Variant ? v.type : t, members);
  } catch {
    s = String(inner);
  }
  const ft = formatType(t, v, members).type;
  return ft === 'Text' || ft === 'Code' ? `'${s}'` : s;
}

/** Format of a value with the enum and option names of the running engine (what the libraries call). */
export function fmt(rt: Rt, v: unknown, t: TypeRef | undefined, length = 0, format: number | string = 0): string {
  return formatAny(v, t, (x) => rt.engine.membersOf(x), length, format);
}
