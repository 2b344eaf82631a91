// BG0005: writes reachable from a page task's OnRun, through other objects and table procedures; temporary is fine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectMarked } from '../../../helpers/ruleHarness';
import { completed, customerTable, page } from './fixtures';

const enqueuer = page(`    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Write Task");
    end;

${completed}`);

const helper = `codeunit 50120 Helper
{
    procedure Level1(var Cust: Record Customer)
    begin
        Level2(Cust);
    end;

    local procedure Level2(var Cust: Record Customer)
    begin
        /*!BG0005*/Cust.Modify();
    end;

    procedure WriteTemp(var TempCust: Record Customer temporary)
    begin
        TempCust.Insert();
    end;
}
`;

test('BG0005: a write three calls deep in another codeunit, and one through a table procedure', () => {
  const task = `codeunit 50100 "Write Task"
{
    trigger OnRun()
    var
        Cust: Record Customer;
        H: Codeunit Helper;
        Results: Dictionary of [Text, Text];
    begin
        Cust.FindFirst();
        H.Level1(Cust);
        Cust.Touch();
        Page.SetBackgroundTaskResult(Results);
    end;
}
`;
  const table = customerTable.replace('        Modify();', '        /*!BG0005*/Modify();');
  const found = expectMarked({ 'C.Table.al': table, 'W.Codeunit.al': task, 'H.Codeunit.al': helper, 'P.Page.al': enqueuer }, ['BG0005']);
  const deep = found.find((f) => f.file === 'H.Codeunit.al')!;
  assert.match(deep.message, /OnRun → Helper\.Level1 → Level2 → Cust\.Modify/);
  assert.match(deep.message, /read-only/);
});

test('BG0005: temporary records (declared, or passed to a parameter that is not declared temporary) are fine', () => {
  const task = `codeunit 50100 "Write Task"
{
    trigger OnRun()
    var
        TempCust: Record Customer temporary;
        H: Codeunit Helper;
    begin
        TempCust.Insert();
        H.Level1(TempCust);
        H.WriteTemp(TempCust);
        TempCust.Touch();
    end;
}
`;
  expectMarked({ 'C.Table.al': customerTable, 'W.Codeunit.al': task, 'H.Codeunit.al': helper.replace('/*!BG0005*/', ''), 'P.Page.al': enqueuer }, ['BG0005']);
});

test('BG0005: near miss: the same write in a codeunit started with StartSession is not a page task', () => {
  const task = `codeunit 50100 "Write Task"
{
    trigger OnRun()
    var
        Cust: Record Customer;
    begin
        Cust.ModifyAll(Name, 'x');
    end;
}
`;
  const starter = `codeunit 50130 Starter
{
    trigger OnRun()
    var
        SessionId: Integer;
    begin
        StartSession(SessionId, Codeunit::"Write Task");
    end;
}
`;
  expectMarked({ 'C.Table.al': customerTable, 'W.Codeunit.al': task, 'S.Codeunit.al': starter }, ['BG0005']);
  expectMarked({ 'C.Table.al': customerTable, 'W.Codeunit.al': task.replace('Cust.ModifyAll', '/*!BG0005*/Cust.ModifyAll'), 'P.Page.al': enqueuer }, ['BG0005']);
});

test('BG0005: a table procedure that writes another table, called with or without parentheses; reads and temporary Rec writes are fine', () => {
  const logTable = `table 50140 "Visit Log"
{
    fields
    {
        field(1; "Entry No."; Integer) { AutoIncrement = true; }
        field(2; "Customer No."; Code[20]) { }
    }

    procedure AddEntry(CustNo: Code[20])
    begin
        Init;
        "Customer No." := CustNo;
        /*!BG0005*/Insert;
    end;
}
`;
  const table = `table 18 Customer
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Name; Text[100]) { }
    }

    procedure LogVisit()
    var
        Log: Record "Visit Log";
    begin
        Log.Init;
        Log."Customer No." := "No.";
        /*!BG0005*/Log.Insert(true);
    end;

    procedure Rename2()
    begin
        Name := 'y';
        /*!BG0005*/Modify;
    end;

    procedure LastVisit(): Integer
    var
        Log: Record "Visit Log";
    begin
        Log.SetRange("Customer No.", "No.");
        if Log.FindLast then
            exit(Log."Entry No.");
    end;
}
`;
  const task = `codeunit 50100 "Write Task"
{
    trigger OnRun()
    var
        Cust: Record Customer;
        TempCust: Record Customer temporary;
        Log: Record "Visit Log";
        Results: Dictionary of [Text, Text];
    begin
        Cust.FindFirst;
        TempCust.Rename2;
        TempCust.LogVisit;
        Cust.LastVisit;
        Log.AddEntry(Cust."No.");
        Cust.Rename2;
        Page.SetBackgroundTaskResult(Results);
    end;
}
`;
  const found = expectMarked({ 'C.Table.al': table, 'L.Table.al': logTable, 'W.Codeunit.al': task, 'P.Page.al': enqueuer }, ['BG0005']);
  // The other table's insert is reached through the table procedure even on a temporary Customer.
  assert.match(found.find((f) => f.file === 'C.Table.al' && /Visit Log/.test(f.message))!.message, /OnRun → Customer\.LogVisit → Log\.Insert/);
});
