// BG0001: enqueue from OnOpenPage / OnInit / Rec-bound OnValidate; not when the path positions the record first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, expectMarked, lintFiles, workspaceOf } from '../../../helpers/ruleHarness';
import { completed, customerTable, page, taskCodeunit } from './fixtures';

const positive = page(`    trigger OnOpenPage()
    begin
        /*!BG0001*/StartCalculations();
    end;

    local procedure StartCalculations()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;

${completed}`);

test('BG0001: enqueue reached from OnOpenPage through a procedure, with the path in the message', () => {
  const [f] = expectMarked({ 'Customer.Table.al': customerTable, 'Task.Codeunit.al': taskCodeunit, 'Test.Page.al': positive }, ['BG0001']);
  assert.match(f.message, /OnOpenPage → StartCalculations → CurrPage\.EnqueueBackgroundTask/);
  assert.match(f.message, /cancels/);
});

test('BG0001: not reported from OnAfterGetCurrRecord (negative)', () => {
  const src = page(`    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;

${completed}`);
  expectMarked({ 'Customer.Table.al': customerTable, 'Task.Codeunit.al': taskCodeunit, 'Test.Page.al': src }, ['BG0001']);
});

test('BG0001: near miss: OnOpenPage positions the record itself first (statistics pages)', () => {
  const src = page(`    trigger OnOpenPage()
    begin
        if not Rec.Get('10000') then
            exit;
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;

${completed}`);
  expectMarked({ 'Customer.Table.al': customerTable, 'Task.Codeunit.al': taskCodeunit, 'Test.Page.al': src }, ['BG0001']);
});

test('BG0001: OnValidate of a Rec-bound field is reported, of a page variable is not', () => {
  const src = `page 50111 "Fields Page"
{
    SourceTable = Customer;
    layout
    {
        area(Content)
        {
            field(Name; Rec.Name)
            {
                trigger OnValidate()
                begin
                    /*!BG0001*/CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
                end;
            }
            field(Filter; FilterText)
            {
                trigger OnValidate()
                begin
                    CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
                end;
            }
        }
    }
    var
        TaskId: Integer;
        FilterText: Text;

${completed}}
`;
  expectMarked({ 'Customer.Table.al': customerTable, 'Task.Codeunit.al': taskCodeunit, 'F.Page.al': src }, ['BG0001']);
});

test('BG0001 quick fix moves the call into a new OnAfterGetCurrRecord; the diagnostic is gone and the file parses', () => {
  const files = { 'Customer.Table.al': customerTable, 'Task.Codeunit.al': taskCodeunit, 'Test.Page.al': positive };
  const { findings } = lintFiles(files, undefined, ['BG0001']);
  const fix = findings[0].fixes?.[0];
  assert.ok(fix, 'a fix is offered');
  const fixed = applyEdits(files, fix.edits);
  assert.match(fixed['Test.Page.al'], /trigger OnAfterGetCurrRecord\(\)\s+begin\s+StartCalculations\(\);\s+end;/);
  workspaceOf(fixed);
  assert.deepEqual(lintFiles(fixed, undefined, ['BG0001']).findings, []);
});
