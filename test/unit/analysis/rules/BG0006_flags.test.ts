// BG0006 guards found on Microsoft's W1 code: flags set on an instance by its caller (SetHideDialog(true) before the
// call), flags left at their default on a new instance, the session kind answered by a wrapper procedure, a report's
// UseRequestPage property, and Confirm ending the path. Each as positive / negative / near miss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectMarked } from '../../../helpers/ruleHarness';

/** A job queue codeunit (background) running `body` in OnRun. */
const jq = (body: string, vars = '', extra = '') => `codeunit 50200 "JQ Runner"
{
    TableNo = "Job Queue Entry";

    trigger OnRun()
${vars ? `    var\n${vars}\n` : ''}    begin
${body}
    end;
${extra}
}
`;

/** A codeunit with HideDialog / ExcelMode flags and setters, the shape of Microsoft's import codeunits. */
const importer = `codeunit 50201 Importer
{
    procedure SetHideDialog(NewHideDialog: Boolean)
    begin
        HideDialog := NewHideDialog;
    end;

    procedure SetQuiet()
    begin
        SetHideDialog(true);
    end;

    procedure Import()
    begin
        ImportTable();
        if not HideDialog then
            if /*!BG0006*/Confirm('Replace the data?') then
                exit;
    end;

    local procedure ImportTable()
    begin
        if ExcelMode then
            /*!BG0006*/Page.RunModal(50210);
    end;

    procedure SetExcelMode(NewExcelMode: Boolean)
    begin
        ExcelMode := NewExcelMode;
    end;

    var
        HideDialog: Boolean;
        ExcelMode: Boolean;
}
`;

test('BG0006 flags: a setter called on the variable before the call decides the guard; a new instance holds false', () => {
  // Negative: SetHideDialog(true) (directly, or through another setter) before Import, ExcelMode never set: nothing.
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        Imp.SetHideDialog(true);
        Imp.Import();
        Imp2.SetQuiet();
        Imp2.Import();`,
        `        Imp: Codeunit Importer;
        Imp2: Codeunit Importer;`,
      ),
      'I.Codeunit.al': importer.replace(/\/\*!BG0006\*\//g, ''),
    },
    ['BG0006'],
  );
  // Positive: no setter, or SetHideDialog(false): Confirm is reached; SetExcelMode(true) makes the page reachable.
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        Imp.SetHideDialog(false);
        Imp.SetExcelMode(true);
        Imp.Import();`,
        `        Imp: Codeunit Importer;`,
      ),
      'I.Codeunit.al': importer,
    },
    ['BG0006'],
  );
});

test('BG0006 flags near misses: setter after the call, in a loop around it, on another variable, on a global of unknown state', () => {
  const only = (code: string) => importer.replace('if ExcelMode then\n            /*!BG0006*/Page', 'if ExcelMode then\n            Page').replace(/\/\*!BG0006\*\//g, code);
  // After the call: too late. On another variable: another instance.
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        Imp.Import();
        Imp.SetHideDialog(true);
        Other.SetHideDialog(true);
        Fresh.Import();`,
        `        Imp: Codeunit Importer;
        Other: Codeunit Importer;
        Fresh: Codeunit Importer;`,
      ),
      'I.Codeunit.al': only('/*!BG0006*/'),
    },
    ['BG0006'],
  );
  // A global codeunit variable may have been set anywhere: ExcelMode unknown, so the page is reported.
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        GlobalImp.SetHideDialog(true);
        GlobalImp.Import();`,
        '',
        `
    var
        GlobalImp: Codeunit Importer;`,
      ),
      'I.Codeunit.al': importer.replace(/\/\*!BG0006\*\/Confirm/, 'Confirm'),
    },
    ['BG0006'],
  );
  // In a loop, a setter later in the body ran before the call in the previous iteration, or did not: unknown.
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        for i := 1 to 2 do begin
            Imp.Import();
            Imp.SetExcelMode(true);
        end;`,
        `        Imp: Codeunit Importer;
        i: Integer;`,
      ),
      'I.Codeunit.al': importer,
    },
    ['BG0006'],
  );
});

const table = `table 50202 "Sales Doc"
{
    fields
    {
        field(1; "No."; Code[20]) { }
    }

    procedure AllowSelectSeries()
    begin
        SelectAllowed := true;
    end;

    procedure InitNo()
    begin
        if not SelectAllowed then
            exit;
        /*!BG0006*/Page.RunModal(50211);
    end;

    var
        SelectAllowed: Boolean;
}
`;

test('BG0006 flags: a record instance carries its state through var parameters and Codeunit.Run(X, Rec)', () => {
  const creator = (setup: string) => `codeunit 50203 Creator
{
    TableNo = "Sales Doc";

    trigger OnRun()
    begin
        Rec.InitNo();
    end;

    procedure Create(var Doc: Record "Sales Doc")
    begin
        Doc.Init();
        Doc."No." := '';
        Doc.InitNo();
    end;
}
`.replace('Doc.Init();', `Doc.Init();${setup}`);
  const runner = `        Create.Create(Doc);
        Codeunit.Run(Codeunit::Creator, Doc2);`;
  const vars = `        Doc: Record "Sales Doc";
        Doc2: Record "Sales Doc";
        Create: Codeunit Creator;`;
  // A local record is a new instance: SelectAllowed is false along both ways in.
  expectMarked({ 'J.Codeunit.al': jq(runner, vars), 'C.Codeunit.al': creator(''), 'T.Table.al': table.replace('/*!BG0006*/', '') }, ['BG0006']);
  // Near miss: the callee sets the flag on the instance it was given.
  expectMarked({ 'J.Codeunit.al': jq(runner, vars), 'C.Codeunit.al': creator('\n        Doc.AllowSelectSeries();'), 'T.Table.al': table }, ['BG0006']);
});

test('BG0006 flags: a setter run inside a callee the variable is handed to counts; the object keeping its own state does not', () => {
  const mgt = `codeunit 50204 "Count Mgt"
{
    procedure InitList()
    begin
        SetHide(true);
    end;

    procedure SetHide(NewHide: Boolean)
    begin
        Hide := NewHide;
    end;

    procedure UpdateCounts()
    begin
        if not Hide then
            /*!BG0006*/Confirm('Update?');
    end;

    var
        Hide: Boolean;
}
`;
  const poster = (lines: string) => `codeunit 50205 Poster
{
    TableNo = "Job Queue Entry";

    trigger OnRun()
    begin
        PostLines(CountMgt);
        if Counted then
            CountMgt.UpdateCounts();
    end;

    local procedure PostLines(var Mgt: Codeunit "Count Mgt")
    begin
${lines}
    end;

    var
        CountMgt: Codeunit "Count Mgt";
        Counted: Boolean;
}
`;
  // The callee prepares the instance it was given (under its own condition): the caller meant it to be quiet.
  const withInit = `        if not Counted then begin
            Mgt.InitList();
            Counted := true;
        end;`;
  expectMarked({ 'P.Codeunit.al': poster(withInit), 'M.Codeunit.al': mgt.replace('/*!BG0006*/', '') }, ['BG0006']);
  // Near miss: the callee does not touch it: the global's state is unknown, Confirm is reported.
  expectMarked({ 'P.Codeunit.al': poster('        Counted := true;'), 'M.Codeunit.al': mgt }, ['BG0006']);
  // An object's own conditional bookkeeping (`if ... then Archived := true`) decides nothing.
  const own = `codeunit 50206 Archiver
{
    TableNo = "Job Queue Entry";

    trigger OnRun()
    begin
        if Rec."Notify On Success" then
            Archived := true;
        if not Archived then
            /*!BG0006*/Confirm('Archive?');
    end;

    var
        Archived: Boolean;
}
`;
  expectMarked({ 'A.Codeunit.al': own }, ['BG0006']);
});

test('BG0006: a procedure answering from the client type (CurrentClientType in [...]) decides the branch', () => {
  const extra = `
    local procedure IsWebClient(): Boolean
    begin
        exit(ClientTypeMgt.GetCurrentClientType() in [ClientType::Web, ClientType::Phone, ClientType::Tablet]);
    end;

    local procedure AllFound(Ids: List of [Integer]): Boolean
    var
        Id: Integer;
    begin
        foreach Id in Ids do
            if Id = 0 then
                exit(false);
        exit(true);
    end;

    var
        ClientTypeMgt: Codeunit "Client Type Management";`;
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        SendFile();
        if AllFound(Ids) then
            exit;
        /*!BG0006*/Page.RunModal(50212);`,
        `        Ids: List of [Integer];`,
        extra +
          `

    local procedure SendFile()
    var
        FileName: Text;
    begin
        if IsWebClient() then
            Download(FileName, '', '', '', FileName)
        else
            /*!BG0006*/Hyperlink('https://example.com');
    end;`,
      ),
    },
    ['BG0006'],
  );
});

test('BG0006: UseRequestPage := false runs a report without a client; := true does not', () => {
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        Rep.UseRequestPage := false;
        Rep.Run();
        Rep2.UseRequestPage := true;
        /*!BG0006*/Rep2.Run();`,
        `        Rep: Report "Calc";
        Rep2: Report "Calc";`,
      ),
      'R.Report.al': `report 50213 Calc
{
    ProcessingOnly = true;
}
`,
    },
    ['BG0006'],
  );
});

test('BG0006: Confirm fails without a client, so what only runs after it is not reported; an or-operand may not run', () => {
  const found = expectMarked(
    {
      'J.Codeunit.al': jq(
        `        if not Setup."Notify On Success" then begin
            if not /*!BG0006*/Confirm('Open the setup?') then
                exit;
            Page.RunModal(50214);
        end;
        if Rec."Notify On Error" or /*!BG0006*/Confirm('Continue?') then
            /*!BG0006*/Page.RunModal(50215);`,
        `        Setup: Record "Job Queue Entry";`,
      ),
    },
    ['BG0006'],
  );
  assert.equal(found.length, 3);
  // Any client callback fails the same way (the runtime's contract): what follows a Page.RunModal is not reached.
  expectMarked({ 'J.Codeunit.al': jq(`        /*!BG0006*/Page.RunModal(50216);
        Hyperlink('https://example.com');`) }, ['BG0006']);
  // A procedure called from an or-operand runs its own statements unconditionally once called.
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        if Rec."Notify On Error" or AskTwice() then
            exit;`,
        '',
        `
    local procedure AskTwice(): Boolean
    begin
        if not /*!BG0006*/Confirm('Sure?') then
            exit(false);
        Page.RunModal(50217);
        exit(true);
    end;`,
      ),
    },
    ['BG0006'],
  );
});

test('BG0006: a subscriber bound on the path that sets the HideDialog var parameter of an event decides the local', () => {
  const demo = (subscriberBody: string, bindBefore = true) => `codeunit 50220 "Demo Data"
{
    TableNo = "Job Queue Entry";
    EventSubscriberInstance = Manual;

    trigger OnRun()
    var
        Me: Codeunit "Demo Data";
    begin
${bindBefore ? '        BindSubscription(Me);\n        Me.PostAll();\n        UnbindSubscription(Me);' : '        BindSubscription(Me);\n        UnbindSubscription(Me);\n        Me.PostAll();'}
    end;

    procedure PostAll()
    var
        Poster: Codeunit "Post Yes No";
    begin
        Poster.Run();
    end;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::"Post Yes No", OnBeforeConfirmPost, '', false, false)]
    local procedure HideIt(var HideDialog: Boolean)
    begin
${subscriberBody}
    end;
}
`;
  const poster = `codeunit 50221 "Post Yes No"
{
    trigger OnRun()
    var
        HideDialog: Boolean;
    begin
        HideDialog := false;
        OnBeforeConfirmPost(HideDialog);
        if not HideDialog then
            if not /*!BG0006*/Confirm('Post?') then
                exit;
    end;

    [IntegrationEvent(false, false)]
    local procedure OnBeforeConfirmPost(var HideDialog: Boolean)
    begin
    end;
}
`;
  const quiet = poster.replace('/*!BG0006*/', '');
  expectMarked({ 'D.Codeunit.al': demo('        HideDialog := true;'), 'P.Codeunit.al': quiet }, ['BG0006']);
  // Near misses: unbound before the call, a conditional write, no subscriber writing it.
  expectMarked({ 'D.Codeunit.al': demo('        HideDialog := true;', false), 'P.Codeunit.al': poster }, ['BG0006']);
  expectMarked({ 'D.Codeunit.al': demo('        if GuiAllowed() then\n            HideDialog := true;'), 'P.Codeunit.al': poster }, ['BG0006']);
  expectMarked({ 'D.Codeunit.al': demo(''), 'P.Codeunit.al': poster }, ['BG0006']);
});

test('BG0006: a Boolean local known from literal assignments decides the branch; a write in a branch does not', () => {
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        Ask := false;
        if Ask then
            Confirm('never');
        if Rec."Notify On Success" then
            Ask := true;
        if Ask then
            /*!BG0006*/Confirm('maybe');`,
        `        Ask: Boolean;`,
      ),
    },
    ['BG0006'],
  );
});

test('BG0006: a Boolean procedure that can only answer false on the path (its exit(true) follows a failing Confirm) decides the caller', () => {
  const extra = `
    local procedure CanPost(): Boolean
    begin
        if Rec."Notify On Error" then
            exit(false);
        if /*!BG0006*/Confirm('Post the lines?') then
            exit(true);
        exit(false);
    end;

    local procedure MayPost(): Boolean
    begin
        if Rec."Notify On Error" then
            exit(true);
        exit(/*!BG0006*/Confirm('Post anyway?'));
    end;`;
  expectMarked(
    {
      'J.Codeunit.al': jq(
        `        if CanPost() then
            Page.RunModal(50230);
        if MayPost() then
            /*!BG0006*/Page.RunModal(50231);`,
        '',
        extra,
      ),
    },
    ['BG0006'],
  );
});

test('BG0006: an event only test codeunits subscribe to is a test hook: IsTestMode() answers false in the product', () => {
  const reporting = (hookSubscriber: string) => ({
    'J.Codeunit.al': jq(
      `        if IsTestMode() then
            Page.RunModal(50240);
        if IsHooked() then
            /*!BG0006*/Page.RunModal(50241);`,
      '',
      `
    local procedure IsTestMode() TestMode: Boolean
    begin
        OnIsTestMode(TestMode);
    end;

    local procedure IsHooked() Hooked: Boolean
    begin
        OnIsHooked(Hooked);
    end;

    [IntegrationEvent(false, false)]
    local procedure OnIsTestMode(var TestMode: Boolean)
    begin
    end;

    [IntegrationEvent(false, false)]
    local procedure OnIsHooked(var Hooked: Boolean)
    begin
    end;`,
    ),
    'T.Codeunit.al': `codeunit 50242 "My Tests"
{
    Subtype = Test;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::"JQ Runner", OnIsTestMode, '', false, false)]
    local procedure EnableTestMode(var TestMode: Boolean)
    begin
        TestMode := true;
    end;
}
`,
    'H.Codeunit.al': hookSubscriber,
  });
  // OnIsHooked: no subscriber at all stays open (another app may answer); one in a normal codeunit too.
  expectMarked(reporting('codeunit 50243 Nothing\n{\n}\n'), ['BG0006']);
  expectMarked(
    reporting(`codeunit 50243 "Hook Answer"
{
    [EventSubscriber(ObjectType::Codeunit, Codeunit::"JQ Runner", OnIsHooked, '', false, false)]
    local procedure Answer(var Hooked: Boolean)
    begin
        Hooked := true;
    end;
}
`),
    ['BG0006'],
  );
});

test('BG0006 message: a [TryFunction] whose result the caller tests catches the failure; called as a statement it does not', () => {
  const found = expectMarked(
    {
      'J.Codeunit.al': jq(
        `        if not TryAsk() then
            exit;`,
        '',
        `
    [TryFunction]
    local procedure TryAsk()
    begin
        /*!BG0006*/Confirm('Go on?');
    end;`,
      ),
      'K.Codeunit.al': `codeunit 50250 "Bare Try"
{
    TableNo = "Job Queue Entry";

    trigger OnRun()
    begin
        TryOpen();
    end;

    [TryFunction]
    local procedure TryOpen()
    begin
        /*!BG0006*/Page.RunModal(50251);
    end;
}
`,
    },
    ['BG0006'],
  );
  const caught = found.find((f) => f.file === 'J.Codeunit.al')!;
  assert.match(caught.message, /on this path TryAsk catches the error/);
  assert.doesNotMatch(caught.message, /ends the session/);
  assert.match(found.find((f) => f.file === 'K.Codeunit.al')!.message, /ends the session/);
});

test('BG0006/BG0007 flags from data: a window opened in a procedure a flag decides to call, the flag read with Evaluate or a var parameter', () => {
  // ShowProgressWindow is false on the new instance, but Evaluate and ReadSettings (var parameter) give it a value from
  // data: the procedure opening the window is reached. ExportFile is decided the same way and downloads unguarded.
  const job = `codeunit 50220 "Progress Job"
{
    trigger OnRun()
    var
        Setting: Text;
    begin
        Evaluate(ShowProgressWindow, Setting);
        if ShowProgressWindow then
            InitWindow();
        ReadSettings(ExportFile);
        if ExportFile then
            Export();
        if Quiet then
            InitWindow2();
        Setting := StrSubstNo('%1 %2', Format(Quiet), Quiet);
        if Quiet then
            InitWindow2();
    end;

    var
        ShowProgressWindow: Boolean;
        ExportFile: Boolean;
        Quiet: Boolean;
        Window: Dialog;

    local procedure ReadSettings(var Value: Boolean)
    begin
        Value := Format(CurrentDateTime()) <> '';
    end;

    local procedure InitWindow()
    begin
        /*!BG0007*/Window.Open('Processing #1####');
    end;

    local procedure InitWindow2()
    begin
        Window.Open('Quiet #1####');
    end;

    local procedure Export()
    var
        InStr: InStream;
        FileName: Text;
    begin
        /*!BG0006*/DownloadFromStream(InStr, 'Export', '', '', FileName);
    end;
}
`;
  const starter = `codeunit 50221 Starter
{
    procedure Go()
    var
        SessionId: Integer;
    begin
        StartSession(SessionId, Codeunit::"Progress Job");
    end;
}
`;
  // Near miss: Quiet is only read (Format, StrSubstNo), so it keeps its default false and InitWindow2 is never reached.
  expectMarked({ 'J.Codeunit.al': job, 'S.Codeunit.al': starter }, ['BG0006', 'BG0007']);
});
