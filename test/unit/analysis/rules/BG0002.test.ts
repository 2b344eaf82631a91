// BG0002: enqueue from OnAfterGetRecord on list pages only (card pages are fine: the seed example).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, expectMarked, lintFiles, workspaceOf } from '../../../helpers/ruleHarness';
import { completed, customerTable, page, taskCodeunit } from './fixtures';

const body = (marker: string) => `    trigger OnAfterGetRecord()
    begin
        ${marker}CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;

    trigger OnAfterGetCurrRecord()
    begin
        Rec.CalcFields(Balance);
    end;

${completed}`;

test('BG0002: List page enqueueing per row', () => {
  const [f] = expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': page(body('/*!BG0002*/'), 'List') }, ['BG0002']);
  assert.match(f.message, /page of type list/);
});

test('BG0002: a Card page is fine (negative)', () => {
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': page(body(''), 'Card') }, ['BG0002']);
});

test('BG0002: near miss: a Card page extension enqueueing in OnAfterGetRecord (the seed example) is not reported', () => {
  const ext = `pageextension 50100 CardExt extends "Test Page"
{
    var
        WaitTaskId: Integer;

    trigger OnAfterGetRecord()
    var
        TaskParameters: Dictionary of [Text, Text];
    begin
        TaskParameters.Add('Wait', '1000');
        CurrPage.EnqueueBackgroundTask(WaitTaskId, 50100, TaskParameters, 10000, PageBackgroundTaskErrorLevel::Warning);
    end;

${completed}}
`;
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': page('', 'Card'), 'E.PageExt.al': ext }, ['BG0002']);
  // The same extension on a list page is reported (the extension's type is the base page's).
  const listExt = ext.replace('CurrPage.Enqueue', '/*!BG0002*/CurrPage.Enqueue');
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': page('', 'ListPart'), 'E.PageExt.al': listExt }, ['BG0002']);
});

test('BG0002 quick fix moves the call into the existing OnAfterGetCurrRecord', () => {
  const files = { 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': page(body(''), 'List') };
  const { findings } = lintFiles(files, undefined, ['BG0002']);
  const fixed = applyEdits(files, findings[0].fixes![0].edits);
  assert.match(fixed['P.Page.al'], /Rec\.CalcFields\(Balance\);\s+CurrPage\.EnqueueBackgroundTask/);
  workspaceOf(fixed);
  assert.deepEqual(lintFiles(fixed, undefined, ['BG0002']).findings, []);
});
