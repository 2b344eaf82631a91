// BG0003 (enqueue from the completion/error triggers) and BG0004 (timeout out of range).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, expectMarked, lintFiles, workspaceOf } from '../../../helpers/ruleHarness';
import { customerTable, page, taskCodeunit } from './fixtures';

test('BG0003: re-enqueue from OnPageBackgroundTaskCompleted through a helper', () => {
  const src = page(`    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        Restart();
    end;

    local procedure Restart()
    begin
        /*!BG0003*/CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;
`);
  const [f] = expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': src }, ['BG0003']);
  assert.match(f.message, /OnPageBackgroundTaskCompleted → Restart → CurrPage\.EnqueueBackgroundTask/);
});

test('BG0003: negative and near miss: enqueue in an action; the completed trigger only cancels', () => {
  const src = page(`    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        CurrPage.CancelBackgroundTask(TaskId);
    end;

    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;
`);
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': src }, ['BG0003']);
});

const timeoutPage = (args: string) =>
  page(`    trigger OnAfterGetCurrRecord()
    var
        Params: Dictionary of [Text, Text];
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task", Params, ${args});
    end;

    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
    end;
`);

test('BG0004: a timeout above 600000 ms, with the quick fix to 600000', () => {
  const files = { 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': timeoutPage('/*!BG0004*/3600000') };
  const [f] = expectMarked(files, ['BG0004']);
  assert.match(f.message, /caps it at 600000/);
  const fixed = applyEdits(files, f.fixes![0].edits);
  assert.match(fixed['P.Page.al'], /Params, (\/\*!BG0004\*\/)?600000\)/);
  workspaceOf(fixed);
  assert.deepEqual(lintFiles(fixed, undefined, ['BG0004']).findings, []);
});

test('BG0004: zero is reported; 600000 exactly and a variable are not (near misses)', () => {
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': timeoutPage('/*!BG0004*/0') }, ['BG0004']);
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': timeoutPage('600000') }, ['BG0004']);
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': timeoutPage('TaskId') }, ['BG0004']);
});
