// Table definitions shared by the store tests (Customer, Cust. Ledger Entry, Sales Line).
import type { FieldDef, TableDef } from '../../../src/runtime/contracts';

function f(id: number, name: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef {
  return { id, name, type, length: type === 'Code' ? 20 : type === 'Text' ? 100 : 0, fieldClass: 'Normal', ...extra };
}

export const customer: TableDef = {
  id: 18,
  name: 'Customer',
  fields: [
    f(1, 'No.', 'Code'),
    f(2, 'Name', 'Text'),
    f(3, 'City', 'Text', { length: 30 }),
    f(4, 'Credit Limit', 'Decimal'),
    f(5, 'Blocked', 'Option', { optionMembers: [' ', 'Ship', 'Invoice', 'All'] }),
    f(6, 'Last Date', 'Date'),
    f(7, 'Priority', 'Integer'),
    f(8, 'Balance', 'Decimal', { fieldClass: 'FlowField', calcFormula: { method: 'Sum', table: 'Cust. Ledger Entry', field: 'Amount', where: [{ field: 'Customer No.', kind: 'field', value: 'No.' }, { field: 'Posting Date', kind: 'field', value: 'Date Filter' }] } }),
    f(9, 'No. of Entries', 'Integer', { fieldClass: 'FlowField', calcFormula: { method: 'Count', table: 'Cust. Ledger Entry', where: [{ field: 'Customer No.', kind: 'field', value: 'No.' }] } }),
    f(10, 'Has Open Entries', 'Boolean', { fieldClass: 'FlowField', calcFormula: { method: 'Exist', table: 'Cust. Ledger Entry', where: [{ field: 'Customer No.', kind: 'field', value: 'No.' }, { field: 'Open', kind: 'const', value: 'Yes' }] } }),
    f(11, 'Largest Amount', 'Decimal', { fieldClass: 'FlowField', calcFormula: { method: 'Max', table: 'Cust. Ledger Entry', field: 'Amount', where: [{ field: 'Customer No.', kind: 'field', value: 'No.' }] } }),
    f(12, 'Smallest Amount', 'Decimal', { fieldClass: 'FlowField', calcFormula: { method: 'Min', table: 'Cust. Ledger Entry', field: 'Amount', where: [{ field: 'Customer No.', kind: 'field', value: 'No.' }] } }),
    f(13, 'Average Amount', 'Decimal', { fieldClass: 'FlowField', calcFormula: { method: 'Average', table: 'Cust. Ledger Entry', field: 'Amount', where: [{ field: 'Customer No.', kind: 'field', value: 'No.' }] } }),
    f(14, 'First Description', 'Text', { fieldClass: 'FlowField', calcFormula: { method: 'Lookup', table: 'Cust. Ledger Entry', field: 'Description', where: [{ field: 'Customer No.', kind: 'field', value: 'No.' }] } }),
    f(15, 'Big Entries', 'Integer', { fieldClass: 'FlowField', calcFormula: { method: 'Count', table: 'Cust. Ledger Entry', where: [{ field: 'Customer No.', kind: 'field', value: 'No.' }, { field: 'Amount', kind: 'filter', value: '>=100' }] } }),
    f(20, 'Date Filter', 'Date', { fieldClass: 'FlowFilter' }),
    f(21, 'Id', 'Guid'),
  ],
  keys: [['No.'], ['Name'], ['City', 'Name']],
};

export const ledger: TableDef = {
  id: 21,
  name: 'Cust. Ledger Entry',
  fields: [
    f(1, 'Entry No.', 'Integer'),
    f(3, 'Customer No.', 'Code'),
    f(4, 'Posting Date', 'Date'),
    f(7, 'Description', 'Text'),
    f(13, 'Amount', 'Decimal'),
    f(36, 'Open', 'Boolean'),
  ],
  keys: [['Entry No.'], ['Customer No.', 'Posting Date']],
};

export const salesLine: TableDef = {
  id: 37,
  name: 'Sales Line',
  fields: [
    f(1, 'Document Type', 'Option', { optionMembers: ['Quote', 'Order', 'Invoice'] }),
    f(3, 'Document No.', 'Code'),
    f(4, 'Line No.', 'Integer'),
    f(15, 'Quantity', 'Decimal'),
  ],
  keys: [['Document Type', 'Document No.', 'Line No.']],
};

export const allTables = [customer, ledger, salesLine];
