// Record variables over the real store: Init/Insert/Modify/Delete/Rename with triggers, Get and the Find
// family, Next, filters (SetRange/SetFilter/GetFilter(s)/Reset/FilterGroup), keys, Count/IsEmpty,
// ModifyAll/DeleteAll, Validate, TestField, FieldError, CalcFields, marks, Copy/TransferFields, temporary
// records, RecordId/TableCaption/FieldCaption, table procedures, database events, rollback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, messagesOf, runAl } from './support';

const SEED = `
    c.Init(); c."No." := '10000'; c.Name := 'Adatum'; c.City := 'Oslo'; c.Insert();
    c.Init(); c."No." := '20000'; c.Name := 'Trey'; c.City := 'Bergen'; c.Insert();
    c.Init(); c."No." := '30000'; c.Name := 'Alpine'; c.City := 'Oslo'; c.Insert();
`;

test('Insert, Get, Modify, Delete and the table triggers (RunTrigger)', () => {
  assert.deepEqual(messagesOf('c: Record Customer;', `${SEED}
    c.Get('20000'); Message('%1 %2', c.Name, c.City);
    c.Init(); c."No." := '40000'; c.Name := 'Trig'; c.Insert(true);
    c.Get('40000'); Message(c.City);
    c.Name := 'lower'; c.Modify(true); c.Get('40000'); Message(c."Search Name");
    c.Delete(true);
    if not c.Get('40000') then Message('deleted');
    Message('%1', c.Count());`), ['Trey Bergen', 'Inserted', 'LOWER', 'deleted', '3']);
  assert.match(errorOf('c: Record Customer;', `c.Init(); c.Insert(true);`), /Customer No\. must have a value\./);
  assert.match(errorOf('c: Record Customer;', `${SEED} c.Get('99999');`), /The Customer does not exist\. Identification fields and values: No\.='99999'/);
  assert.match(errorOf('c: Record Customer;', `${SEED} c."No." := '10000'; c.Insert();`), /already exists/);
  assert.deepEqual(messagesOf('c: Record Customer;', `${SEED} c."No." := '10000'; if not c.Insert() then Message('not inserted');`), ['not inserted']);
});

test('Find family, Next, filters, keys and direction', () => {
  assert.deepEqual(messagesOf('c: Record Customer; s: Text;', `${SEED}
    if c.FindSet() then repeat s += c."No." + ' '; until c.Next() = 0;
    Message(s);
    c.SetRange(City, 'Oslo');
    Message('%1 %2', c.Count(), c.GetFilters());
    c.FindLast(); Message(c."No.");
    c.SetCurrentKey(Name); c.FindFirst(); Message(c.Name);
    c.Ascending(false); c.FindFirst(); Message(c.Name);
    c.Reset(); c.SetFilter("No.", '%1|%2', '10000', '30000'); Message('%1 [%2]', c.Count(), c.GetFilter("No."));
    c.SetFilter(Name, 'A*'); Message('%1', c.Count());
    c.Reset(); c.SetRange("No.", '15000', '35000'); c.Find('-'); Message(c."No.");
    c.Next(); Message(c."No."); Message('%1', c.Next());
    c.Reset(); c."No." := '20000'; if c.Find('=') then Message('found =');
    if c.Find('>') then Message(c."No.");
    c.SetRange(City, 'Nowhere'); if c.IsEmpty() then Message('empty');`),
  ['10000 20000 30000 ', '2 City: Oslo', '30000', 'Adatum', 'Alpine', '2 [10000|30000]', '2', '20000', '30000', '0', 'found =', '30000', 'empty']);
  assert.match(errorOf('c: Record Customer;', `c.SetRange(City, 'X'); c.FindFirst();`), /There is no Customer within the filter\.\s+Filters: City: X/);
});

test('ModifyAll, DeleteAll, Rename, marks, Copy, TransferFields, RecordId and captions', () => {
  assert.deepEqual(messagesOf('c: Record Customer; c2: Record Customer; t: Record Customer temporary;', `${SEED}
    c.SetRange(City, 'Oslo'); c.ModifyAll(City, 'Trondheim'); c.Reset();
    c.SetRange(City, 'Trondheim'); Message('%1', c.Count()); c.Reset();
    c.Get('20000'); c.Rename('25000'); Message('%1 %2', c."No.", c.Get('20000'));
    c.Get('10000'); c.Mark(true); c.Get('30000'); c.Mark(true);
    c.MarkedOnly(true); Message('%1', c.Count()); c.MarkedOnly(false);
    c2.Copy(c); Message('%1', c2.Count());
    c.Get('10000'); t.TransferFields(c); t.Insert(); Message('%1 %2', t.Name, t.Count());
    Message('%1 | %2 | %3', c.RecordId(), c.TableCaption(), c.FieldCaption(Name));
    c.SetRange(City, 'Bergen'); c.DeleteAll(); c.Reset(); Message('%1', c.Count());`),
  ['2', '25000 No', '2', '3', 'Adatum 1', 'Customer: 10000 | Customer | Name', '2']);
});

test('Validate runs the field trigger; TestField and FieldError use BC texts', () => {
  assert.deepEqual(messagesOf('c: Record Customer;', `
    c.Validate(Name, 'mixed Case'); Message(c."Search Name");
    c."No." := 'X'; c.TestField("No."); c.TestField("No.", 'X'); Message('ok');`), ['MIXED CASE', 'ok']);
  assert.match(errorOf('c: Record Customer;', `c.TestField(Name);`), /Name must have a value in Customer: No\.=''\. It cannot be zero or empty\./);
  assert.match(errorOf('c: Record Customer;', `c.Name := 'A'; c.TestField(Name, 'B');`), /Name must be equal to 'B' {2}in Customer: No\.=''\. Current value is 'A'\./);
  assert.match(errorOf('c: Record Customer;', `c.FieldError(Name, 'is wrong');`), /^Name is wrong in Customer No\.=''\.$/);
});

test('CalcFields over FlowFields (Sum, Count) with field() conditions', () => {
  assert.deepEqual(messagesOf('c: Record Customer; e: Record "Cust. Entry";', `${SEED}
    e."Entry No." := 1; e."Customer No." := '10000'; e.Amount := 10.5; e.Insert();
    e."Entry No." := 2; e."Customer No." := '10000'; e.Amount := 2; e.Insert();
    e."Entry No." := 3; e."Customer No." := '20000'; e.Amount := 7; e.Insert();
    c.Get('10000'); c.CalcFields(Balance, "Entry Count"); Message('%1 %2', c.Balance, c."Entry Count");
    c.SetAutoCalcFields(Balance); c.Get('20000'); Message('%1', c.Balance);`), ['12.5 2', '7']);
});

test('temporary records live in their variable; Copy(.., true) shares them', () => {
  assert.deepEqual(messagesOf('t: Record Customer temporary; t2: Record Customer temporary; c: Record Customer;', `
    t."No." := 'T1'; t.Insert(); t."No." := 'T2'; t.Insert();
    Message('%1 %2 %3', t.Count(), c.Count(), t.IsTemporary());
    t2.Copy(t, true); t2."No." := 'T3'; t2.Insert(); Message('%1', t.Count());`), ['2 0 Yes', '3']);
});

test('table procedures, xRec in OnRename, and database trigger events reach subscribers', () => {
  const r = runAl(`
    trigger OnRun()
    var
      c: Record Customer;
    begin
      c."No." := 'A1'; c.Name := 'One'; c.Insert();
      Message(c.DisplayName());
    end;`, `
codeunit 50020 Subscriber
{
    [EventSubscriber(ObjectType::Table, Database::Customer, 'OnAfterInsertEvent', '', false, false)]
    local procedure OnAfterInsertCustomer(var Rec: Record Customer; RunTrigger: Boolean)
    begin
        Message('inserted %1 (trigger %2)', Rec."No.", RunTrigger);
    end;
}`);
  assert.equal(r.result.state, 'completed', JSON.stringify(r.result));
  assert.deepEqual(r.messages, ['inserted A1 (trigger No)', 'A1 One']);
});

test('writes go through the transaction: a failed call leaves them for the session to roll back', () => {
  const r = runAl(`
    trigger OnRun()
    var
      c: Record Customer;
    begin
      c."No." := 'R1'; c.Insert();
      Error('after insert');
    end;`);
  assert.equal(r.result.state, 'failed');
  assert.equal(r.services.tx.hasWrites(), true);
  r.services.tx.rollback();
  const cust = r.engine.tables().find((t) => t.name === 'Customer')!;
  assert.equal(r.services.tx.count(cust, { filters: [], keyFields: [], ascending: true }), 0);
  assert.deepEqual(r.services.writes.map((w) => `${w.table}:${w.op}`), ['Customer:Insert']);
});

test('RecordRef and FieldRef basics', () => {
  assert.deepEqual(messagesOf('c: Record Customer; rr: RecordRef; fr: FieldRef; d: Decimal;', `${SEED}
    rr.Open(Database::Customer);
    Message('%1 %2 %3', rr.Number(), rr.Name(), rr.Count());
    fr := rr.Field(7); fr.SetRange('Oslo');
    Message('%1 %2', rr.Count(), fr.Name());
    rr.FindFirst(); Message(Format(rr.Field(2).Value));
    rr.Field(59).Value := 100.5; rr.Modify();
    c.Get('10000'); d := c."Credit Limit"; Message('%1', d);
    c.SetRange(City, 'Bergen'); rr.GetTable(c); Message('%1 %2', rr.Count(), rr.GetFilters());
    rr.FindFirst(); rr.SetTable(c); Message(c.Name);`), ['18 Customer 3', '2 City', 'Adatum', '100.5', '1 City: Bergen', 'Trey']);
});

test('ReadIsolation is a record property', () => {
  assert.deepEqual(messagesOf('c: Record Customer;', `
    c.ReadIsolation := IsolationLevel::ReadCommitted;
    if c.ReadIsolation = IsolationLevel::ReadCommitted then Message('set');`), ['set']);
});
