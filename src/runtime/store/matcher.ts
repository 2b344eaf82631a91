// Turns a read's filters into one row predicate: filters are ANDed (all filter groups), filters on
// FlowFilter fields select nothing (they parameterize FlowFields), filters on FlowFields calculate them.
import type { ReadOptions, Row, Transaction } from '../contracts';
import { fieldInitValue } from '../values/defaults';
import { compileFieldFilter, type FilterOptions } from './filters';
import { calcFlowField } from './flowFields';
import type { TableInfo } from './tableInfo';

export function buildMatcher(tx: Transaction, info: TableInfo, options: ReadOptions, filterOptions: FilterOptions): (row: Row) => boolean {
  const tests: ((row: Row) => boolean)[] = [];
  for (const filter of options.filters) {
    const field = info.byId.get(filter.fieldId);
    if (!field) throw new Error(`Table ${info.def.name} has no field with id ${filter.fieldId} (filter).`);
    if (field.fieldClass === 'FlowFilter') continue;
    const pred = compileFieldFilter(field, filter, filterOptions, info.def.name);
    if (field.fieldClass === 'FlowField') {
      tests.push((row) => pred(calcFlowField(tx, info.def, row, field, options.filters)));
    } else {
      const id = field.id;
      const init = fieldInitValue(field);
      tests.push((row) => pred(row.get(id) ?? init));
    }
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (row) => tests.every((t) => t(row));
}
