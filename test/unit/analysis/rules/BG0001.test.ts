// BG0001: enqueue from OnOpenPage / OnInit / Rec-bound OnValidate; not when the path positions the record first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, expectMarked, lintFiles, workspaceOf } from '../../../helpers/ruleHarness';
import { completed, customerTable, page, taskCodeunit } from './fixtures';
import { mentionsIdent } from '../../../../src/analysis/model/visit';

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

test('BG0001 quick fix moves what the enqueue needs: the local Dictionary, its filling, and keeps what stays used', () => {
  const src = page(`    trigger OnOpenPage()
    var
        Args: Dictionary of [Text, Text];
        Counter: Integer;
    begin
        Counter := 1;
        Args.Add('No.', Rec."No.");
        Args.Add('Counter', Format(Counter));
        /*!BG0001*/CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task", Args);
        Counter += 1;
    end;

    trigger OnAfterGetCurrRecord()
    var
        Other: Integer;
    begin
        Other := 2;
    end;

${completed}`);
  const files = { 'Customer.Table.al': customerTable, 'Task.Codeunit.al': taskCodeunit, 'Test.Page.al': src.replace('/*!BG0001*/', '') };
  const { findings } = lintFiles(files, undefined, ['BG0001']);
  const fix = findings[0].fixes?.[0];
  assert.ok(fix, 'a fix is offered');
  const fixed = applyEdits(files, fix.edits)['Test.Page.al'];
  const open = /trigger OnOpenPage\(\)([\s\S]*?)end;/.exec(fixed)![1];
  const after = /trigger OnAfterGetCurrRecord\(\)([\s\S]*?)\n {4}end;/.exec(fixed)![1];
  // Counter is still used in OnOpenPage after the call: declared in both, its setting copied; Args only where it is used now.
  assert.doesNotMatch(open, /Args/);
  assert.match(open, /Counter: Integer;[\s\S]*Counter := 1;[\s\S]*Counter \+= 1;/);
  assert.match(after, /var\s+Other: Integer;\s+Args: Dictionary of \[Text, Text\];\s+Counter: Integer;\s+begin/);
  assert.match(after, /Other := 2;\s+Counter := 1;\s+Args\.Add\('No\.', Rec\."No\."\);\s+Args\.Add\('Counter', Format\(Counter\)\);\s+CurrPage\.EnqueueBackgroundTask\(TaskId, Codeunit::"Calc Task", Args\);\s*$/);
  const ws = workspaceOf({ ...files, 'Test.Page.al': fixed });
  assert.deepEqual(lintFiles({ ...files, 'Test.Page.al': fixed }, undefined, ['BG0001']).findings, []);
  // Every name the triggers use is declared where it is used (what the AL compiler would check).
  const pageObj = ws.find('page', 'Test Page')!;
  for (const p of pageObj.procedures.filter((x) => x.isTrigger && !x.host)) {
    const declared = new Set([...p.locals, ...pageObj.globals].map((v) => v.name.toLowerCase()));
    for (const n of ['args', 'counter', 'other']) if (mentionsIdent(p.body, n)) assert.ok(declared.has(n), `${p.name} uses ${n} without declaring it`);
  }
});

test('BG0001 quick fix: all locals move with the call: the empty var section goes too', () => {
  const src = page(`    trigger OnOpenPage()
    var
        Args: Dictionary of [Text, Text];
    begin
        Args.Add('No.', Rec."No.");
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Calc Task", Args);
    end;

${completed}`);
  const files = { 'Customer.Table.al': customerTable, 'Task.Codeunit.al': taskCodeunit, 'Test.Page.al': src };
  const fix = lintFiles(files, undefined, ['BG0001']).findings[0].fixes![0];
  const fixed = applyEdits(files, fix.edits)['Test.Page.al'];
  assert.match(fixed, /trigger OnOpenPage\(\)\s+begin\s+end;/);
  assert.match(fixed, /trigger OnAfterGetCurrRecord\(\)\s+var\s+Args: Dictionary of \[Text, Text\];\s+begin\s+Args\.Add\('No\.', Rec\."No\."\);\s+CurrPage\.EnqueueBackgroundTask/);
  workspaceOf({ ...files, 'Test.Page.al': fixed });
});
