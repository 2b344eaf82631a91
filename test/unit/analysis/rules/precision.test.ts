// Precision refinements found on Microsoft's W1 code, each as a positive/near-miss pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectMarked, lintFiles } from '../../../helpers/ruleHarness';
import { completed, customerTable, page } from './fixtures';

const jq = (body: string, extra = '') => `codeunit 50140 "JQ Worker"
{
    TableNo = "Job Queue Entry";

    trigger OnRun()
    var
        Rep: Report "Calc Report";
    begin
${body}
    end;
${extra}
}
`;
const report = `report 50150 "Calc Report"
{
    ProcessingOnly = true;
}
`;

test('BG0006: a report run without its request page needs no client; with it, it is reported', () => {
  expectMarked({ 'J.Codeunit.al': jq(`        Report.Run(Report::"Calc Report", false);
        Rep.UseRequestPage(false);
        Rep.RunModal();
        /*!BG0006*/Report.Run(Report::"Calc Report");`), 'R.Report.al': report }, ['BG0006']);
});

test('BG0007 (not BG0006): Dialog.Open is ignored without a client, so it is information', () => {
  const found = expectMarked({ 'J.Codeunit.al': jq(`        /*!BG0007*/Window.Open('Working...');`, `
    var
        Window: Dialog;`) }, ['BG0006', 'BG0007']);
  assert.match(found[0].message, /silently not shown/);
});

test('BG0006: a Boolean procedure answering GuiAllowed() guards like GuiAllowed() itself', () => {
  const confirmMgt = `codeunit 50141 "My Confirm"
{
    procedure Ask(Q: Text): Boolean
    begin
        if not IsGuiAllowed() then
            exit(true);
        exit(Confirm(Q));
    end;

    procedure AskAnyway(Q: Text): Boolean
    begin
        exit(/*!BG0006*/Confirm(Q));
    end;

    local procedure IsGuiAllowed() Result: Boolean
    var
        Handled: Boolean;
    begin
        if Handled then
            exit;
        exit(GuiAllowed());
    end;
}
`;
  expectMarked({ 'M.Codeunit.al': confirmMgt, 'J.Codeunit.al': jq(`        ConfirmMgt.Ask('x');
        ConfirmMgt.AskAnyway('y');`, `
    var
        ConfirmMgt: Codeunit "My Confirm";`) }, ['BG0006']);
});

test('BG0005: in a page task CurrentClientType is ChildSession and a TryFunction reading the parameters succeeds', () => {
  const task = `codeunit 50100 "Write Task"
{
    trigger OnRun()
    var
        Cust: Record Customer;
        Params: Dictionary of [Text, Text];
    begin
        if not TryGetParameters(Params) then begin
            Cust.Modify();
            exit;
        end;
        if CurrentClientType = ClientType::ChildSession then
            exit;
        Cust.Insert();
    end;

    [TryFunction]
    local procedure TryGetParameters(var Params: Dictionary of [Text, Text])
    begin
        Params := Page.GetBackgroundParameters();
    end;
}
`;
  const p = page(`    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Write Task");
    end;

${completed}`);
  expectMarked({ 'C.Table.al': customerTable, 'W.Codeunit.al': task, 'P.Page.al': p }, ['BG0005']);
  const reported = task.replace('        if CurrentClientType = ClientType::ChildSession then\n            exit;\n', '').replace('        Cust.Insert();', '        /*!BG0005*/Cust.Insert();');
  expectMarked({ 'C.Table.al': customerTable, 'W.Codeunit.al': reported, 'P.Page.al': p }, ['BG0005']);
});

test('names: unquoted names keep their dots; two apps with the same object name resolve to the same app', () => {
  const a = `codeunit 50160 "Purch.-Post (Yes/No)"
{
    trigger OnRun()
    begin
        /*!BG0006*/Confirm('post?');
    end;
}
`;
  const b = `codeunit 50161 "Invt. Doc.-Post (Yes/No)"
{
    trigger OnRun()
    begin
        Confirm('never reached');
    end;
}
`;
  const starter = `codeunit 50162 Starter
{
    trigger OnRun()
    var
        PostYesNo: Codeunit "Purch.-Post (Yes/No)";
        Id: Integer;
    begin
        StartSession(Id, Codeunit::Starter);
        PostYesNo.Run();
    end;
}
`;
  expectMarked({ 'appA/A.Codeunit.al': a, 'appB/B.Codeunit.al': b, 'appA/S.Codeunit.al': starter }, ['BG0006']);
  const twin = b.replace('50161 "Invt. Doc.-Post (Yes/No)"', '50163 "Purch.-Post (Yes/No)"');
  const { findings } = lintFiles({ 'appA/A.Codeunit.al': a, 'appB/B.Codeunit.al': twin, 'appA/S.Codeunit.al': starter }, undefined, ['BG0006']);
  assert.deepEqual(findings.map((f) => f.file), ['appA/A.Codeunit.al']);
});

test('BG0003: a page draining a work queue five tasks at a time is bounded (not reported)', () => {
  const p = page(`    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        Active.Remove(TaskId);
        DeQueue();
    end;

    local procedure DeQueue()
    var
        Next: Integer;
        NewTask: Integer;
    begin
        while (Queued.Count() > 0) and (Active.Count() < 5) do begin
            Next := Queued.Get(1);
            CurrPage.EnqueueBackgroundTask(NewTask, Codeunit::"Calc Task");
            Active.Add(NewTask, Next);
            Queued.Remove(Next);
        end;
    end;

    var
        Queued: List of [Integer];
        Active: Dictionary of [Integer, Integer];
`);
  const task = `codeunit 50100 "Calc Task"
{
    trigger OnRun()
    begin
    end;
}
`;
  expectMarked({ 'C.Table.al': customerTable, 'T.Codeunit.al': task, 'P.Page.al': p }, ['BG0003']);
});
