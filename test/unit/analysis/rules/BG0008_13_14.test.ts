// BG0008 (StartSession in a loop), BG0013 (install/upgrade), BG0014 (tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectMarked } from '../../../helpers/ruleHarness';
import { customerTable } from './fixtures';

const worker = `codeunit 50131 Worker
{
    trigger OnRun()
    begin
    end;
}
`;

test('BG0008: StartSession in a loop, directly and through a procedure; a loop that waits is fine', () => {
  const src = `codeunit 50150 Loops
{
    procedure Direct()
    var
        Cust: Record Customer;
        Id: Integer;
    begin
        if Cust.FindSet() then
            repeat
                /*!BG0008*/StartSession(Id, Codeunit::Worker, CompanyName, Cust);
            until Cust.Next() = 0;
    end;

    procedure Indirect()
    var
        i: Integer;
    begin
        for i := 1 to 10 do
            /*!BG0008*/StartOne();
    end;

    local procedure StartOne()
    var
        Id: Integer;
    begin
        StartSession(Id, Codeunit::Worker);
    end;

    procedure Waits()
    var
        i: Integer;
        Id: Integer;
    begin
        for i := 1 to 3 do begin
            StartSession(Id, Codeunit::Worker);
            while IsSessionActive(Id) do
                Sleep(100);
        end;
    end;
}
`;
  const found = expectMarked({ 'C.Table.al': customerTable, 'W.Codeunit.al': worker, 'L.Codeunit.al': src }, ['BG0008']);
  assert.ok(found.some((f) => /for loop in Indirect \(Indirect → StartOne → StartSession\)/.test(f.message)), found.map((f) => f.message).join('\n'));
});

test('BG0013: StartSession from an upgrade codeunit; guarded by CanStartSession is fine', () => {
  const up = `codeunit 50160 Upg
{
    Subtype = Upgrade;

    trigger OnUpgradePerCompany()
    begin
        Kick();
        if EnvInfo.CanStartSession() then
            Kick2();
    end;

    local procedure Kick()
    var
        Id: Integer;
    begin
        /*!BG0013*/StartSession(Id, Codeunit::Worker);
    end;

    local procedure Kick2()
    var
        Id: Integer;
    begin
        StartSession(Id, Codeunit::Worker);
    end;

    var
        EnvInfo: Codeunit "Environment Information";
}
`;
  const [f] = expectMarked({ 'W.Codeunit.al': worker, 'U.Codeunit.al': up }, ['BG0013']);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /OnUpgradePerCompany → Kick → StartSession/);
});

test('BG0013 near miss: the same code in a normal codeunit is not reported', () => {
  const normal = `codeunit 50161 NotUpg
{
    trigger OnRun()
    var
        Id: Integer;
    begin
        StartSession(Id, Codeunit::Worker);
    end;
}
`;
  expectMarked({ 'W.Codeunit.al': worker, 'N.Codeunit.al': normal }, ['BG0013']);
});

const testCu = `codeunit 50170 Tests
{
    Subtype = Test;

    [Test]
    procedure StartsSession()
    var
        Id: Integer;
    begin
        /*!BG0014*/StartSession(Id, Codeunit::Worker);
    end;
}
`;

test('BG0014: info without a runner, warning with an isolating runner, nothing with an isolation-disabled runner', () => {
  const [info] = expectMarked({ 'W.Codeunit.al': worker, 'T.Codeunit.al': testCu }, ['BG0014']);
  assert.equal(info.severity, 'info');
  const runner = (iso: string) => `codeunit 50171 Runner
{
    Subtype = TestRunner;
    TestIsolation = ${iso};
}
`;
  const [warn] = expectMarked({ 'W.Codeunit.al': worker, 'T.Codeunit.al': testCu, 'R.Codeunit.al': runner('Codeunit') }, ['BG0014']);
  assert.equal(warn.severity, 'warning');
  expectMarked({ 'W.Codeunit.al': worker, 'T.Codeunit.al': testCu.replace('/*!BG0014*/', ''), 'R.Codeunit.al': runner('Disabled') }, ['BG0014']);
});

test('BG0008: a helper that starts a session on every call that returns, run in a loop over selected records or per data item record', () => {
  // The helpers start a session whenever they return: after an error check, as the value of exit, as a table
  // procedure called on each selected entry (without parentheses too). A helper that may return before starting (a
  // decision of its own) is a near miss, and so is a loop that only calls a helper without StartSession.
  const entryTable = `table 50160 "Work Entry"
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Open; Boolean) { }
    }

    procedure StartProcessing()
    var
        SessionId: Integer;
    begin
        if not Open then
            Error('Entry %1 is not open.', "No.");
        StartSession(SessionId, Codeunit::Worker, CompanyName, Rec);
    end;

    procedure TryStart(): Boolean
    var
        SessionId: Integer;
    begin
        exit(StartSession(SessionId, Codeunit::Worker, CompanyName, Rec));
    end;

    procedure StartIfNeeded()
    var
        SessionId: Integer;
    begin
        if not Open then
            exit;
        StartSession(SessionId, Codeunit::Worker, CompanyName, Rec);
    end;

    procedure Describe(): Text
    begin
        exit("No.");
    end;
}
`;
  const page = `page 50161 "Work Entries"
{
    PageType = List;
    SourceTable = "Work Entry";

    actions
    {
        area(Processing)
        {
            action(StartSelected)
            {
                trigger OnAction()
                var
                    Entry: Record "Work Entry";
                    Ok: Boolean;
                    T: Text;
                begin
                    CurrPage.SetSelectionFilter(Entry);
                    if Entry.FindSet() then
                        repeat
                            /*!BG0008*/Entry.StartProcessing;
                            Ok := /*!BG0008*/Entry.TryStart();
                            Entry.StartIfNeeded();
                            T := Entry.Describe();
                        until Entry.Next() = 0;
                end;
            }
        }
    }
}
`;
  const report = `report 50162 "Start Work"
{
    ProcessingOnly = true;

    dataset
    {
        dataitem(WorkEntry; "Work Entry")
        {
            trigger OnAfterGetRecord()
            begin
                /*!BG0008*/WorkEntry.StartProcessing();
            end;

            trigger OnPreDataItem()
            begin
                WorkEntry.StartProcessing();
            end;
        }
    }
}
`;
  const found = expectMarked({ 'E.Table.al': entryTable, 'W.Codeunit.al': worker, 'P.Page.al': page, 'R.Report.al': report }, ['BG0008']);
  assert.ok(found.some((f) => /OnAfterGetRecord trigger of data item WorkEntry, which runs once per record/.test(f.message)), found.map((f) => f.message).join('\n'));
});
