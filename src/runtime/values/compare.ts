// Ordering and equality of FieldValues of each AL type, as sorting, keys and filters need them.
// Text collation: BC's SQL databases use a case-insensitive, accent-sensitive collation
// (Latin1_General_100_CI_AS), so Text compares case-insensitively: 'adatum' = 'Adatum' in filters, keys
// and sorting. Ties that differ only by case are ordered by code point so sorting stays deterministic.
// Code values are upper case already. Guids sort by their text (SQL's byte-group order is not emulated).
import type { AlDecimalLike, FieldType, FieldValue } from '../contracts';
import { AlDecimal } from './decimal';

function isDecimal(v: FieldValue): v is AlDecimalLike {
  return typeof v === 'object' && v !== null && (v as AlDecimalLike).isDecimal === true;
}

function numericCompare(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = isDecimal(a) ? a : AlDecimal.from(a as number | string);
  const y = isDecimal(b) ? b : AlDecimal.from(b as number | string);
  return x.compare(y);
}

/** Case-insensitive text order, code-point tie-break. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Text equality under the collation (case-insensitive). */
export function textEquals(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** Orders two values of one field type: negative, 0 or positive. */
export function compareValues(type: FieldType, a: FieldValue, b: FieldValue): number {
  switch (type) {
    case 'Text':
      return compareText(String(a), String(b));
    case 'Code':
    case 'Guid':
    case 'DateFormula':
    case 'RecordId':
    case 'TableFilter':
    case 'Blob':
    case 'Media':
    case 'MediaSet': {
      const x = String(a);
      const y = String(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'Boolean':
      return (a ? 1 : 0) - (b ? 1 : 0);
    default:
      return numericCompare(a, b);
  }
}

/**
 * Equality as filters and keys see it (Text case-insensitive). Note Text values equal here may still
 * differ by case: compareValues orders them, keyText folds them.
 */
export function valuesEqual(type: FieldType, a: FieldValue, b: FieldValue): boolean {
  if (type === 'Text') return textEquals(String(a), String(b));
  return compareValues(type, a, b) === 0;
}

/** The canonical text of a value inside a key string (Text folded to lower case: keys are unique under the collation). */
export function keyText(type: FieldType, v: FieldValue): string {
  if (type === 'Text') return String(v).toLowerCase();
  if (type === 'Boolean') return v ? '1' : '0';
  if (isDecimal(v)) return v.toString();
  if (type === 'Decimal') return AlDecimal.from(v as number | string).toString();
  return String(v);
}
