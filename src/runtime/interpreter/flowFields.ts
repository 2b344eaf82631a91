// CalcFields for the interpreter: the store's FlowField calculation (src/runtime/store/flowFields.ts) applied to
// a record variable, with the record's filters (FlowFilter fields) and the result stored in the field.
import { AlError } from './errors';
import type { AlRecord } from './record';
import type { Rt } from './rt';
import { calcFlowField as storeCalc } from '../store';

export function calcFlowField(rt: Rt, rec: AlRecord, fieldId: number): void {
  const fm = rec.table.fieldsById.get(fieldId);
  if (!fm) throw new AlError(`The field with ID ${fieldId} does not exist in table ${rec.def.name}.`);
  if (fm.def.fieldClass !== 'FlowField') return; // CalcFields on a normal field does nothing in BC
  if (!fm.def.calcFormula) throw new AlError(`The FlowField ${fm.def.name} of table ${rec.def.name} has no CalcFormula the runtime understands.`);
  rec.values.set(fm.def.id, storeCalc(rec.company === undefined ? rt.services.transaction() : rt.services.transaction(rec.company), rec.def, rec.values, fm.def, rec.filters()));
}
