// BG0009/BG0018 (missing task triggers), BG0010 (no result set), BG0011 (keys), BG0012 (codeunit argument).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, expectMarked, lintFiles, workspaceOf } from '../../../helpers/ruleHarness';
import { completed, customerTable, page, taskCodeunit } from './fixtures';

const enqueue = (marker = '', cu = 'Codeunit::"Calc Task"') => `    trigger OnAfterGetCurrRecord()
    begin
        ${marker}CurrPage.EnqueueBackgroundTask(TaskId, ${cu});
    end;
`;

test('BG0009 and BG0018: missing completion / error triggers; the fix adds the skeleton', () => {
  const files = { 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': page(enqueue('/*!BG0009*//*!BG0018*/')) };
  const found = expectMarked(files, ['BG0009', 'BG0018']);
  assert.equal(found.find((f) => f.ruleId === 'BG0018')!.severity, 'hidden');
  const fix = found.find((f) => f.ruleId === 'BG0009')!.fixes![0];
  const fixed = applyEdits(files, fix.edits);
  workspaceOf(fixed);
  assert.deepEqual(lintFiles(fixed, undefined, ['BG0009']).findings, []);
});

test('BG0009 near miss: a page extension whose base page has the trigger', () => {
  const base = page(completed);
  const ext = `pageextension 50101 Ext extends "Test Page"
{
    var
        T2: Integer;

    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(T2, Codeunit::"Calc Task");
    end;
}
`;
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': base, 'E.PageExt.al': ext }, ['BG0009']);
});

test('BG0010: a task that never sets results; a helper that does counts (near miss)', () => {
  const silent = `codeunit 50101 Silent
{
    trigger OnRun()
    begin
    end;
}
`;
  const viaHelper = `codeunit 50102 ViaHelper
{
    trigger OnRun()
    begin
        Finish();
    end;

    local procedure Finish()
    var
        R: Dictionary of [Text, Text];
    begin
        Page.SetBackgroundTaskResult(R);
    end;
}
`;
  const p = page(`${enqueue('', '/*!BG0010*/Codeunit::Silent')}
    trigger OnOpenPage()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::ViaHelper);
    end;

${completed}`);
  expectMarked({ 'C.Table.al': customerTable, 'S.Codeunit.al': silent, 'V.Codeunit.al': viaHelper, 'P.Page.al': p }, ['BG0010']);
});

test('BG0011: parameter and result keys nobody sets; ContainsKey and Get(Key, Value) are fine', () => {
  const task = `codeunit 50100 "Calc Task"
{
    trigger OnRun()
    var
        Params: Dictionary of [Text, Text];
        Results: Dictionary of [Text, Text];
        V: Text;
    begin
        Params := Page.GetBackgroundParameters();
        V := Params.Get('CustomerNo');
        V := Params.Get(/*!BG0011*/'Customer No.');
        if Params.ContainsKey('Optional') then
            V := Params.Get('Optional');
        Params.Get('Other', V);
        Results.Add('total', V);
        Page.SetBackgroundTaskResult(Results);
    end;
}
`;
  const p = page(`    trigger OnAfterGetCurrRecord()
    var
        Args: Dictionary of [Text, Text];
    begin
        AddArgs(Args);
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task", Args);
    end;

    local procedure AddArgs(var Args: Dictionary of [Text, Text])
    begin
        Args.Add('CustomerNo', Rec."No.");
    end;

    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    var
        T: Text;
    begin
        T := Results.Get('total');
        T := Results.Get(/*!BG0011*/'Total Amount');
    end;
`);
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': task, 'P.Page.al': p }, ['BG0011']);
});

test('BG0012: missing codeunit (with packages), no OnRun, bare number (info + fix)', () => {
  const noRun = `codeunit 50103 NoRun
{
    procedure X()
    begin
    end;
}
`;
  const p = page(`    trigger OnAfterGetCurrRecord()
    var
        Id: Integer;
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, /*!BG0012*/50100);
        CurrPage.EnqueueBackgroundTask(TaskId, /*!BG0012*/Codeunit::NoRun);
        StartSession(Id, Codeunit::"Calc Task");
        TaskScheduler.CreateTask(Codeunit::"Calc Task", 0);
    end;

${completed}`);
  const files = { 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'N.Codeunit.al': noRun, 'P.Page.al': p };
  const found = expectMarked(files, ['BG0012']);
  const bare = found.find((f) => /bare number/.test(f.message))!;
  assert.equal(bare.severity, 'info');
  const fixed = applyEdits(files, bare.fixes![0].edits);
  assert.match(fixed['P.Page.al'], /Codeunit::"Calc Task"\);/);
  workspaceOf(fixed);
});

test('BG0012: codeunit 0 as the codeunit to run does not exist (CreateTask(0, 0), StartSession); a failure codeunit 0 is "none"', () => {
  const starter = `codeunit 50104 Starter
{
    procedure Go()
    var
        Id: Integer;
        TaskGuid: Guid;
    begin
        TaskGuid := TaskScheduler.CreateTask(/*!BG0012*/0, 0);
        TaskGuid := TaskScheduler.CreateTask(/*!BG0012*/0, Codeunit::"Calc Task", true, CompanyName(), CurrentDateTime());
        StartSession(Id, /*!BG0012*/0);
        TaskGuid := TaskScheduler.CreateTask(Codeunit::"Calc Task", 0);
        TaskGuid := TaskScheduler.CreateTask(Codeunit::"Calc Task", 0, true);
        StartSession(Id, Codeunit::"Calc Task", CompanyName(), Id);
        StartSession(Id, /*!BG0012*/50100); // a bare number: info
    end;
}
`;
  const found = expectMarked({ 'T.Codeunit.al': taskCodeunit, 'S.Codeunit.al': starter }, ['BG0012']);
  // Codeunit 0 is a warning even without symbol packages: no object has that id.
  for (const f of found.filter((x) => /codeunit 0/.test(x.message))) assert.equal(f.severity, 'warning');
  assert.equal(found.filter((f) => /codeunit 0 as the codeunit to run/.test(f.message)).length, 3);
});

test('BG0011: keys added by a helper of another object on the enqueue path count; a helper off the path does not', () => {
  const task = `codeunit 50100 "Calc Task"
{
    trigger OnRun()
    var
        Params: Dictionary of [Text, Text];
        Results: Dictionary of [Text, Text];
    begin
        Params := Page.GetBackgroundParameters();
        Results.Add('a', Params.Get('CustNo'));
        Results.Add('b', Params.Get('Currency'));
        Results.Add('c', Params.Get(/*!BG0011*/'Region'));
        Page.SetBackgroundTaskResult(Results);
    end;
}
`;
  // The trigger fills the dictionary through a codeunit's procedure (which adds one key itself and one through its own
  // helper) and hands it to a page procedure that enqueues. 'Region' is added only by code that never reaches the
  // enqueue (OnOpenPage fills a dictionary of its own).
  const helper = `codeunit 50101 "Param Helper"
{
    procedure Fill(Cust: Record Customer; var Args: Dictionary of [Text, Text])
    begin
        Args.Add('CustNo', Cust."No.");
        AddCurrency(Args);
    end;

    local procedure AddCurrency(var Args: Dictionary of [Text, Text])
    begin
        Args.Add('Currency', 'EUR');
    end;

    procedure AddRegion(var Args: Dictionary of [Text, Text])
    begin
        Args.Add('Region', 'EU');
    end;
}
`;
  const p = page(`    var
        Helper: Codeunit "Param Helper";

    trigger OnOpenPage()
    var
        Other: Dictionary of [Text, Text];
    begin
        Helper.AddRegion(Other);
    end;

    trigger OnAfterGetCurrRecord()
    var
        Args: Dictionary of [Text, Text];
    begin
        Helper.Fill(Rec, Args);
        StartTask(Args);
    end;

    local procedure StartTask(Args: Dictionary of [Text, Text])
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task", Args);
    end;

${completed}`);
  const found = expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': task, 'H.Codeunit.al': helper, 'P.Page.al': p }, ['BG0011']);
  assert.match(found[0].message, /keys added: 'custno', 'currency'\)/);
});

test('BG0011: a dictionary held in a page variable can be filled by any of the page procedures (near miss)', () => {
  const task = `codeunit 50100 "Calc Task"
{
    trigger OnRun()
    var
        Results: Dictionary of [Text, Text];
    begin
        Results.Add('a', Page.GetBackgroundParameters().Get('Region'));
        Results.Add('b', Page.GetBackgroundParameters().Get(/*!BG0011*/'Nobody'));
        Page.SetBackgroundTaskResult(Results);
    end;
}
`;
  const helper = `codeunit 50101 "Param Helper"
{
    procedure AddRegion(var Args: Dictionary of [Text, Text])
    begin
        Args.Add('Region', 'EU');
    end;
}
`;
  const p = page(`    var
        Helper: Codeunit "Param Helper";
        Args: Dictionary of [Text, Text];

    trigger OnOpenPage()
    begin
        Helper.AddRegion(Args);
    end;

    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task", Args);
    end;

${completed}`);
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': task, 'H.Codeunit.al': helper, 'P.Page.al': p }, ['BG0011']);
});
