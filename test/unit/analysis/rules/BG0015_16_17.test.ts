// BG0015 (more than 5 enqueues), BG0016 (Update / dialogs in task triggers), BG0017 (racing tasks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, expectMarked, lintFiles, workspaceOf } from '../../../helpers/ruleHarness';
import { completed, customerTable, page, taskCodeunit } from './fixtures';

const files = (p: string) => ({ 'C.Table.al': customerTable, 'T.Codeunit.al': taskCodeunit, 'P.Page.al': p });
const enq = (v: string) => `        CurrPage.EnqueueBackgroundTask(${v}, Codeunit::"Calc Task");\n`;

test('BG0015: six enqueues from one trigger; five, or six inside a loop, are fine', () => {
  const six = page(`    trigger /*!BG0015*/OnAfterGetCurrRecord()
    var
        T1, T2, T3, T4, T5, T6: Integer;
    begin
${['T1', 'T2', 'T3', 'T4', 'T5', 'T6'].map(enq).join('')}    end;

${completed}`);
  expectMarked(files(six), ['BG0015']);
  const five = six.replace('/*!BG0015*/', '').replace(enq('T6'), '');
  expectMarked(files(five), ['BG0015']);
});

test('BG0016: CurrPage.Update in the completion trigger (with removal fix) and Confirm (error)', () => {
  const p = page(`    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        /*!BG0016*/CurrPage.Update(false);
        Refresh();
    end;

    local procedure Refresh()
    begin
        if /*!BG0016*/Confirm('Reload?') then;
    end;

    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
        CurrPage.Update(false);
    end;
`);
  const found = expectMarked(files(p), ['BG0016']);
  assert.equal(found.find((f) => /Confirm/.test(f.message))!.severity, 'error');
  const upd = found.find((f) => /CurrPage\.Update/.test(f.message))!;
  const fixed = applyEdits(files(p), upd.fixes![0].edits);
  workspaceOf(fixed);
  assert.equal(lintFiles(fixed, undefined, ['BG0016']).findings.filter((f) => /Update/.test(f.message)).length, 0);
});

test('BG0017: re-enqueue into a global id without cancel while the completion ignores TaskId; fix inserts a cancel', () => {
  const p = page(`    trigger OnAfterGetCurrRecord()
    begin
        /*!BG0017*/CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;

    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        Total := Results.Get('total');
    end;

    var
        Total: Text;
`);
  const [f] = expectMarked(files(p), ['BG0017']);
  const fixed = applyEdits(files(p), f.fixes![0].edits);
  assert.match(fixed['P.Page.al'], /CurrPage\.CancelBackgroundTask\(TaskId\);\s+(\/\*!BG0017\*\/)?CurrPage\.EnqueueBackgroundTask/);
  workspaceOf(fixed);
  assert.deepEqual(lintFiles(fixed, undefined, ['BG0017']).findings, []);
});

test('BG0017 near miss: the completion trigger compares TaskId (most Microsoft pages)', () => {
  const p = page(`    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task");
    end;

    trigger OnPageBackgroundTaskCompleted(Id: Integer; Results: Dictionary of [Text, Text])
    begin
        if Id <> TaskId then
            exit;
    end;
`);
  expectMarked(files(p), ['BG0017']);
});
