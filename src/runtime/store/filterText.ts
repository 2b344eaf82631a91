// The texts of filters as AL returns them: GetFilter (one field), GetFilters (`No.: 10000..20000, Name: A*`)
// and the TableFilter/view form (`Customer: No.=10000..20000,Name=A*`).
import type { FieldDef, FieldFilter, FieldValue, TableDef } from '../contracts';
import { formatValue } from '../values/format';
import { quoteFilterValue } from './filters';

function valueText(field: FieldDef, v: FieldValue): string {
  return quoteFilterValue(formatValue({ type: field.type, optionMembers: field.optionMembers }, v));
}

/** GetFilter(Field) for one filter: a SetRange as `from..to` or `value`, a SetFilter as its (substituted) text. */
export function filterText(field: FieldDef, filter: FieldFilter): string {
  if (filter.range) {
    const from = valueText(field, filter.range.from);
    if (filter.range.to === undefined) return from;
    return `${from}..${valueText(field, filter.range.to)}`;
  }
  return filter.expression ?? '';
}

/** Several filters on the same field (filter groups) read as one: `A&B` wrapped as BC does. */
function fieldFilterText(field: FieldDef, filters: FieldFilter[]): string {
  const texts = filters.map((f) => filterText(field, f)).filter((t) => t !== '');
  if (texts.length <= 1) return texts[0] ?? '';
  return texts.map((t) => (/[|&]/.test(t) ? `(${t})` : t)).join('&');
}

function grouped(table: TableDef, filters: FieldFilter[]): [FieldDef, FieldFilter[]][] {
  const byField = new Map<number, FieldFilter[]>();
  for (const f of filters) {
    const list = byField.get(f.fieldId) ?? [];
    list.push(f);
    byField.set(f.fieldId, list);
  }
  // BC lists filters in field-number order.
  return table.fields
    .filter((f) => byField.has(f.id))
    .sort((a, b) => a.id - b.id)
    .map((f) => [f, byField.get(f.id)!] as [FieldDef, FieldFilter[]]);
}

/** GetFilters: `No.: 10000..20000, Name: A*` ('' when there are none). */
export function getFiltersText(table: TableDef, filters: FieldFilter[]): string {
  return grouped(table, filters)
    .map(([field, list]) => [field, fieldFilterText(field, list)] as const)
    .filter(([, text]) => text !== '')
    .map(([field, text]) => `${field.name}: ${text}`)
    .join(', ');
}

/** The TableFilter form: `Customer: No.=10000..20000,Name=A*`. */
export function tableFilterText(table: TableDef, filters: FieldFilter[]): string {
  const parts = grouped(table, filters)
    .map(([field, list]) => [field, fieldFilterText(field, list)] as const)
    .filter(([, text]) => text !== '')
    .map(([field, text]) => `${field.name}=${text}`);
  return parts.length === 0 ? '' : `${table.name}: ${parts.join(',')}`;
}
