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
