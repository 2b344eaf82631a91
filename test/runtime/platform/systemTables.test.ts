// The platform's system tables (the 8 fields of the test Customer plus BC's 5 system fields): declared for workspace code (Record Field, User...), virtual ones filled from the
// loaded metadata (Field, AllObj, AllObjWithCaption, Key, Table/Page/CodeUnit Metadata), Integer and Date produced
// for the filtered range, stored ones writable (User), virtual ones refusing writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, messagesOf } from '../interpreter/support';

test('Field lists the fields of a workspace table with type, length, class and key membership', () => {
  assert.deepEqual(messagesOf('F: Record Field;', `
    F.SetRange(TableNo, 18);
    Message('%1', F.Count());
    F.Get(18, 1);
    Message('%1|%2|%3|%4|%5|%6', F.TableName, F.FieldName, F.Type, F.Len, F.Class, F.IsPartOfPrimaryKey);
    F.SetRange(Type, F.Type::Decimal);
    if F.FindFirst() then Message('%1 %2', F."No.", F."Type Name");
    F.Get(18, 60);
    Message('%1 %2', F.Class, F.IsPartOfPrimaryKey);`), ['13', 'Customer|No.|Code|20|Normal|Yes', '59 Decimal', 'FlowField No']);
});

test('AllObj and AllObjWithCaption list the loaded objects; Table Metadata and CodeUnit Metadata their properties', () => {
  assert.deepEqual(messagesOf('A: Record AllObj; C: Record AllObjWithCaption; T: Record "Table Metadata"; CM: Record "CodeUnit Metadata";', `
    A.Get(A."Object Type"::Table, 18);
    Message(A."Object Name");
    C.SetRange("Object Type", C."Object Type"::Codeunit);
    C.FindFirst();
    Message('%1 %2', C."Object ID", C."Object Caption");
    T.Get(18);
    Message('%1 %2', T.Name, T.DataPerCompany);
    CM.Get(50000);
    Message('%1 %2', CM.Name, CM.SubType);`), ['Customer', '50000 Test', 'Customer Yes', 'Test Normal']);
});

test('Integer gives the filtered range; an unbounded read is refused clearly', () => {
  assert.deepEqual(messagesOf('I: Record Integer; s: Integer;', `
    I.SetRange(Number, 1, 5);
    if I.FindSet() then repeat s += I.Number; until I.Next() = 0;
    Message('%1 %2', s, I.Count());
    I.SetFilter(Number, '10..12');
    Message('%1', I.Count());`), ['15 5', '3']);
  assert.match(errorOf('I: Record Integer;', 'I.FindFirst();'), /does not support reading more than 1,000,000 rows of the Integer table/);
});

test('Date gives months of a year with their names', () => {
  assert.deepEqual(messagesOf('D: Record Date;', `
    D.SetRange("Period Type", D."Period Type"::Month);
    D.SetRange("Period Start", 20240101D, 20241231D);
    Message('%1', D.Count());
    D.FindLast();
    Message('%1 %2 %3', D."Period Name", D."Period Start", D."Period End");`), ['12', 'December 12/01/24 12/31/24']);
});

test('a stored system table (User) takes inserts; a virtual one (Field) refuses writes', () => {
  assert.deepEqual(messagesOf('U: Record User;', `
    U."User Security ID" := CreateGuid(); U."User Name" := 'ALICE'; U.Insert();
    U.SetRange("User Name", 'ALICE');
    Message('%1', U.Count());`), ['1']);
  assert.match(errorOf('F: Record Field;', 'F.TableNo := 1; F."No." := 1; F.Insert();'), /You cannot insert into the Field table: it is a virtual table/);
});
