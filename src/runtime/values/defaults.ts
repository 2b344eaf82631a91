// The initial value of each AL type (what Init and a new variable hold), and the values a field accepts.
import type { FieldDef, FieldType, FieldValue } from '../contracts';
import { AlDecimal } from './decimal';
import { NULL_GUID } from './guid';

export function defaultValue(type: FieldType): FieldValue {
  switch (type) {
    case 'Decimal': return AlDecimal.ZERO;
    case 'Boolean': return false;
    case 'Text':
    case 'Code':
    case 'DateFormula':
    case 'RecordId':
    case 'TableFilter':
    case 'Blob':
    case 'Media':
    case 'MediaSet': return '';
    case 'Guid': return NULL_GUID;
    default: return 0;
  }
}

/** A field's InitValue if it has one, else its type's default. */
export function fieldInitValue(field: FieldDef): FieldValue {
  return field.initValue !== undefined ? field.initValue : defaultValue(field.type);
}
