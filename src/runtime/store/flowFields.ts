// FlowField calculation (CalcFields / CalcSums): Count, Sum, Average, Min, Max, Exist and Lookup over the
// CalcFormula's table, with where-conditions field(...), const(...) and filter(...); a field(...) that
// names a FlowFilter field takes the record's current filter on it (no filter: no condition), as in BC.
import { AlRuntimeError, type FieldDef, type FieldFilter, type FieldValue, type ReadOptions, type Row, type TableDef, type Transaction } from '../contracts';
import { AlDecimal } from '../values/decimal';
import { compareValues } from '../values/compare';
import { defaultValue, fieldInitValue } from '../values/defaults';
import { filterValue } from './filters';
import { TableInfo } from './tableInfo';

const infos = new WeakMap<TableDef, TableInfo>();
function infoOf(def: TableDef): TableInfo {
  let i = infos.get(def);
  if (!i) { i = new TableInfo(def); infos.set(def, i); }
  return i;
}

/** Reads that can visit rows without copying them (StoreTransaction has it). */
interface Scanner {
  forEachVisible(table: TableDef, options: ReadOptions, fn: (v: { row: Row }) => void): void;
}
function hasScanner(tx: Transaction): tx is Transaction & Scanner {
  return typeof (tx as Partial<Scanner>).forEachVisible === 'function';
}

function scan(tx: Transaction, table: TableDef, options: ReadOptions, fn: (row: Row) => void): void {
  if (hasScanner(tx)) tx.forEachVisible(table, options, (v) => fn(v.row));
  else for (const v of tx.find(table, options)) fn(v.row);
}

/** The read options that select the rows a FlowField of `row` aggregates. */
export function flowFieldOptions(tx: Transaction, table: TableDef, row: Row, field: FieldDef, recordFilters: FieldFilter[] = []): { target: TableDef; options: ReadOptions } {
  const cf = field.calcFormula;
  if (!cf) throw new AlRuntimeError(`The field ${field.name} of table ${table.name} is not a FlowField with a CalcFormula.`);
  const target = tx.table(cf.table);
  const tinfo = infoOf(target);
  const sinfo = infoOf(table);
  const filters: FieldFilter[] = [];
  for (const w of cf.where) {
    const tf = tinfo.field(w.field);
    if (!tf) throw new AlRuntimeError(`The CalcFormula of ${table.name}.${field.name} filters on '${w.field}', which is not a field of table ${target.name}.`);
    if (w.kind === 'const') filters.push({ fieldId: tf.id, range: { from: filterValue(tf, w.value, {}, target.name) } });
    else if (w.kind === 'filter') filters.push({ fieldId: tf.id, expression: w.value });
    else {
      const src = sinfo.field(w.value);
      if (!src) throw new AlRuntimeError(`The CalcFormula of ${table.name}.${field.name} refers to '${w.value}', which is not a field of table ${table.name}.`);
      if (src.fieldClass === 'FlowFilter') {
        for (const rf of recordFilters) if (rf.fieldId === src.id) filters.push({ ...rf, fieldId: tf.id });
      } else {
        filters.push({ fieldId: tf.id, range: { from: row.get(src.id) ?? fieldInitValue(src) } });
      }
    }
  }
  return { target, options: { filters, keyFields: [], ascending: true } };
}

/**
 * The value of FlowField `field` for `row` as the transaction sees the data. `recordFilters` are the
 * record's current filters (used for FlowFilter fields referenced by field(...) conditions).
 */
export function calcFlowField(tx: Transaction, table: TableDef, row: Row, field: FieldDef | string, recordFilters: FieldFilter[] = []): FieldValue {
  const f = typeof field === 'string' ? infoOf(table).field(field) : field;
  if (!f) throw new AlRuntimeError(`The table ${table.name} has no field named '${String(field)}'.`);
  const cf = f.calcFormula;
  if (!cf) throw new AlRuntimeError(`The field ${f.name} of table ${table.name} is not a FlowField with a CalcFormula.`);
  const { target, options } = flowFieldOptions(tx, table, row, f, recordFilters);
  const tinfo = infoOf(target);
  if (cf.method === 'Count') return tx.count(target, options);
  if (cf.method === 'Exist') return tx.count(target, options) > 0;
  const vf = cf.field ? tinfo.field(cf.field) : undefined;
  if (!vf) throw new AlRuntimeError(`The CalcFormula of ${table.name}.${f.name} (${cf.method}) needs a field of table ${target.name}; '${cf.field ?? ''}' is not one.`);
  const numericResult = (d: AlDecimal): FieldValue => (f.type === 'Decimal' ? d : d.toNumber());
  switch (cf.method) {
    case 'Sum':
    case 'Average': {
      let sum = AlDecimal.ZERO;
      let n = 0;
      scan(tx, target, options, (r) => {
        const v = r.get(vf.id) ?? fieldInitValue(vf);
        sum = sum.add(AlDecimal.from(v as number));
        n++;
      });
      if (cf.method === 'Sum') return numericResult(sum);
      return numericResult(n === 0 ? AlDecimal.ZERO : sum.div(AlDecimal.fromInteger(n)));
    }
    case 'Min':
    case 'Max': {
      let best: FieldValue | undefined;
      scan(tx, target, options, (r) => {
        const v = r.get(vf.id) ?? fieldInitValue(vf);
        if (best === undefined) best = v;
        else {
          const c = compareValues(vf.type, v, best);
          if (cf.method === 'Min' ? c < 0 : c > 0) best = v;
        }
      });
      return best ?? defaultValue(f.type);
    }
    case 'Lookup': {
      const rows = tx.find(target, options);
      return rows.length > 0 ? rows[0].row.get(vf.id) ?? fieldInitValue(vf) : defaultValue(f.type);
    }
  }
  throw new AlRuntimeError(`CalcFormula method ${String(cf.method)} is not supported.`);
}
