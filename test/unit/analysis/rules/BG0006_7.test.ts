// BG0006 / BG0007: UI calls and Message in background code, with the GuiAllowed guards of rules.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, expectMarked, lintFiles, workspaceOf } from '../../../helpers/ruleHarness';

const starter = `codeunit 50130 Starter
{
    procedure Start()
    var
        SessionId: Integer;
    begin
        StartSession(SessionId, Codeunit::Worker);
    end;
}
`;

test('BG0006/BG0007: unguarded Confirm and Message reached from a StartSession codeunit', () => {
  const worker = `codeunit 50131 Worker
{
    trigger OnRun()
    begin
        DoWork();
        /*!BG0007*/Message('done');
    end;

    local procedure DoWork()
    begin
        if not /*!BG0006*/Confirm('Continue?') then
            exit;
    end;
}
`;
  const found = expectMarked({ 'S.Codeunit.al': starter, 'W.Codeunit.al': worker }, ['BG0006', 'BG0007']);
  const bg6 = found.find((f) => f.ruleId === 'BG0006')!;
  assert.match(bg6.message, /OnRun → DoWork → Confirm/);
  assert.match(bg6.message, /background session \(StartSession\)/);
  assert.equal(found.find((f) => f.ruleId === 'BG0007')!.severity, 'info');
});

test('BG0006: guards: if GuiAllowed, conjunction, Boolean local, early exit, guarded call site, literal argument', () => {
  const worker = `codeunit 50131 Worker
{
    trigger OnRun()
    var
        ShowUI: Boolean;
    begin
        if GuiAllowed() then
            Confirm('a');
        if true and GuiAllowed then
            Page.RunModal(21);
        ShowUI := GuiAllowed() and not Quiet;
        if ShowUI then
            StrMenu('x,y');
        if GuiAllowed() then
            Ask();
        Load(false);
        Guarded();
    end;

    local procedure Ask()
    begin
        Confirm('b');
    end;

    local procedure Load(Interactive: Boolean)
    begin
        if Interactive then
            Hyperlink('https://example.com');
    end;

    local procedure Guarded()
    begin
        if not GuiAllowed() then
            exit;
        Confirm('c');
    end;

    var
        Quiet: Boolean;
}
`;
  expectMarked({ 'S.Codeunit.al': starter, 'W.Codeunit.al': worker }, ['BG0006', 'BG0007']);
});

test('BG0006: near misses: a job queue codeunit is background, an ordinary codeunit is not; flags are named', () => {
  const jq = `codeunit 50140 "JQ Worker"
{
    TableNo = "Job Queue Entry";

    trigger OnRun()
    begin
        HideDialog := Rec."Notify On Success";
        if not HideDialog then
            /*!BG0006*/Confirm('post?');
    end;

    var
        HideDialog: Boolean;
}
`;
  const plain = `codeunit 50141 Plain
{
    trigger OnRun()
    begin
        Confirm('ok?');
    end;
}
`;
  const [f] = expectMarked({ 'J.Codeunit.al': jq, 'P.Codeunit.al': plain }, ['BG0006']);
  assert.match(f.message, /job queue/);
  assert.match(f.message, /flag HideDialog/);
});

test('BG0006 quick fix wraps the statement in if GuiAllowed() then', () => {
  const worker = `codeunit 50131 Worker
{
    trigger OnRun()
    begin
        Confirm('Continue?');
    end;
}
`;
  const files = { 'S.Codeunit.al': starter, 'W.Codeunit.al': worker };
  const { findings } = lintFiles(files, undefined, ['BG0006']);
  const fixed = applyEdits(files, findings[0].fixes![0].edits);
  assert.match(fixed['W.Codeunit.al'], /if GuiAllowed\(\) then\n\s+Confirm\('Continue\?'\);/);
  workspaceOf(fixed);
  assert.deepEqual(lintFiles(fixed, undefined, ['BG0006']).findings, []);
});

test('BG0006: Report.RunRequestPage (static and on a report variable) is a client callback; guarded, it is not reported', () => {
  const worker = `codeunit 50131 Worker
{
    trigger OnRun()
    begin
        if Today() > 0D then
            Statically()
        else
            OnVariable();
        Guarded();
    end;

    local procedure Statically()
    var
        Params: Text;
    begin
        Params := /*!BG0006*/Report.RunRequestPage(50140);
    end;

    local procedure OnVariable()
    var
        Rep: Report "Lab Report";
        Params: Text;
    begin
        Params := /*!BG0006*/Rep.RunRequestPage();
    end;

    local procedure Guarded()
    var
        Params: Text;
    begin
        if GuiAllowed() then
            Params := Report.RunRequestPage(50140);
    end;
}
`;
  const report = `report 50140 "Lab Report"
{
    ProcessingOnly = true;
}
`;
  const found = expectMarked({ 'S.Codeunit.al': starter, 'W.Codeunit.al': worker, 'R.Report.al': report }, ['BG0006']);
  assert.ok(found.every((f) => /Report\.RunRequestPage is reached/.test(f.message)), found.map((f) => f.message).join('\n'));
});
