// Conformance: bc-semantics.md §3 dialogs where there is no UI (background sessions), one test per row of the
// table, AL written here, run on the virtual clock through the public runtime API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, ended, events, host, itemCard, logLines } from './harness';

/** A background codeunit running `body`, started by a foreground caller that then waits for it. */
function background(body: string, vars = ''): string[] {
  return [
    LOG_CODEUNIT,
    `
codeunit 50221 "Lab Background"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
        ${vars}
    begin
        ${body}
    end;
}`,
    `
codeunit 50220 "Lab Dialog Caller"
{
    trigger OnRun()
    var
        Id: Integer;
    begin
        StartSession(Id, Codeunit::"Lab Background");
    end;
}`,
  ];
}

async function runBackground(body: string, vars = '') {
  const h = host(background(body, vars));
  await h.runCodeunit(50220);
  await h.rt.waitIdle();
  const bg = events(h, 'sessionStarted', { kind: 'Background' })[0];
  return { h, bg: bg.session!, end: ended(h, bg.session!)! };
}

test('§3 Message: suppressed, written to the event log; the only dialog that does not fail', async () => {
  const { h, bg, end } = await runBackground(`Message('Hello from %1', 'the background'); Log.Add('went on');`);
  assert.equal(end.outcome, 'completed');
  const m = events(h, 'message', { session: bg })[0];
  assert.deepEqual([m.text, m.suppressed], ['Hello from the background', true]);
  assert.deepEqual(logLines(h), ['went on']);
});

test('§3 Error: ends the session, rolls back, logged and written to Session Event.Comment', async () => {
  const { h, bg, end } = await runBackground(`Log.Add('written before the error'); Error('Background failure %1', 42); Log.Add('not reached');`);
  assert.equal(end.outcome, 'error');
  assert.equal((end.error as { text: string }).text, 'Background failure 42');
  assert.deepEqual(logLines(h), [], 'the insert was rolled back');
  assert.ok(events(h, 'rollback', { session: bg }).length === 1);
  const logoff = h.rt.sessionEvents.find((e) => e.sessionId === bg && e.eventType === 'Logoff')!;
  assert.equal(logoff.comment, 'Background failure 42');
});

test('§3 Confirm: error "...attempted to issue a client callback to show a confirmation dialog box."', async () => {
  const { end } = await runBackground(`if Confirm('Delete everything?') then Log.Add('confirmed');`);
  assert.equal(end.outcome, 'error');
  assert.match((end.error as { text: string }).text, /attempted to issue a client callback to show a confirmation dialog box\./);
});

test('§3 StrMenu and other callbacks: error "Callback functions are not allowed."', async () => {
  const { end } = await runBackground(`Choice := StrMenu('Ship,Invoice,Both', 1); Log.Add(Format(Choice));`, 'Choice: Integer;');
  assert.equal(end.outcome, 'error');
  assert.equal((end.error as { text: string }).text, 'Callback functions are not allowed.');
});

test('§3 Dialog.Open/Update/Close: silently ignored', async () => {
  const { h, bg, end } = await runBackground(`Window.Open('Processing #1####'); Window.Update(1, 'item 1'); Window.Close(); Log.Add('done');`, 'Window: Dialog;');
  assert.equal(end.outcome, 'completed');
  assert.deepEqual(logLines(h), ['done']);
  assert.equal(events(h, 'dialog', { session: bg }).length, 0, 'nothing shown');
});

test('§3 Page.Run/RunModal, Report.Run/RunModal, Hyperlink, File.Upload/Download, Activate: must not be used (the session fails)', async () => {
  const calls: [string, string][] = [
    ['Page.Run(Page::"Lab Item Card");', ''],
    ['Page.RunModal(Page::"Lab Item Card");', ''],
    ['Card.Run();', ''],
    ['Card.SetRecord(Item); Card.LookupMode(true); if Card.RunModal() = Action::LookupOK then;', ''],
    ['Report.Run(50250);', ''],
    ['Rep.UseRequestPage(false); Rep.RunModal();', ''],
    ["Hyperlink('https://example.com');", ''],
    ["File.UploadIntoStream('Import', '', '', FileName, InS);", ''],
    ["UploadIntoStream('Import', '', '', FileName, InS);", ''],
    ["DownloadFromStream(InS, 'Export', '', '', FileName);", ''],
    ["File.Download('a.txt', 'Export', '', '', FileName);", ''],
  ];
  const vars = 'Card: Page "Lab Item Card"; Rep: Report "Lab Report"; Item: Record "Lab Item"; FileName: Text; InS: InStream;';
  const extra = [
    itemCard(50251, 'Lab Item Card', ''),
    `report 50250 "Lab Report" { }`,
  ];
  for (const [call] of calls) {
    const h = host([...background(`${call} Log.Add('not reached');`, vars), ...extra]);
    await h.runCodeunit(50220);
    await h.rt.waitIdle();
    const bg = events(h, 'sessionStarted', { kind: 'Background' })[0];
    const end = ended(h, bg.session!)!;
    assert.equal(end.outcome, 'error', call);
    assert.equal((end.error as { text: string }).text, 'Callback functions are not allowed.', call);
    assert.deepEqual(logLines(h), []);
    // In the foreground the client could do it, but the runtime shows only the page it opened: a clear error
    // naming the construct and its place.
    const fg = host([LOG_CODEUNIT, ...extra, `codeunit 50223 "Lab Fg Client" { trigger OnRun() var ${vars} begin ${call} end; }`]);
    const { result } = await fg.runCodeunit(50223);
    assert.equal(result.state, 'failed', call);
    assert.match(result.state === 'failed' ? result.error.text : '', /^AL Session Lab does not support \S+ \(\/lab\/src\/Object\d+\.al:1\): only the page opened by the session runtime is shown\.$/, call);
  }
});

test('§3 GuiAllowed() is false there; guarding UI with "if GuiAllowed() then" is the remedy', async () => {
  const { h, end } = await runBackground(`Log.Add('GuiAllowed ' + Format(GuiAllowed())); if GuiAllowed() then if Confirm('Sure?') then; Log.Add('guarded');`);
  assert.equal(end.outcome, 'completed');
  assert.deepEqual(logLines(h), ['GuiAllowed No', 'guarded']);
  // The same code in the foreground: GuiAllowed is true and Confirm is answered by the client.
  const fg = host([LOG_CODEUNIT, `codeunit 50222 "Lab Fg Gui" { trigger OnRun() var Log: Codeunit "Lab Logger"; begin Log.Add('GuiAllowed ' + Format(GuiAllowed())); if Confirm('Sure?', true) then Log.Add('confirmed'); end; }`]);
  await fg.runCodeunit(50222);
  assert.deepEqual(logLines(fg), ['GuiAllowed Yes', 'confirmed']);
});

test('§3 Confirm in a web-service session: BC\'s Data Services text with the question and the calling object', async () => {
  const h = host([
    `
codeunit 50225 "Lab Ws Confirm"
{
    procedure Ask(No: Code[20])
    begin
        if Confirm('Delete %1?', false, No) then;
    end;
}`,
    itemCard(50226, 'Lab Ws Card', `
    trigger OnAfterGetCurrRecord()
    var
        Asker: Codeunit "Lab Ws Confirm";
    begin
        Asker.Ask(Rec."No.");
    end;`),
  ]);
  const ws = h.webServiceSession('ODataV4');
  const { error } = await h.rt.pages.open(ws, 'Lab Ws Card', { 'No.': 'B' });
  const expected =
    'Microsoft Dynamics 365 Business Central Data Services attempted to issue a client callback to show a confirmation dialog box: Delete B? (CodeUnit 50225 Lab Ws Confirm). Client callbacks are not supported on Microsoft Dynamics 365 Business Central Data Services.';
  assert.equal(error?.text ?? events(h, 'error', { session: ws.id })[0]?.text, expected, JSON.stringify(h.rt.timeline.events.slice(-5)));
  assert.equal(events(h, 'error', { session: ws.id })[0].code, 'CallbackNotAllowed');
  // The background wording stays for background sessions.
  const { end } = await runBackground(`if Confirm('Delete everything?') then;`);
  assert.equal((end.error as { text: string }).text, 'Microsoft Dynamics 365 Business Central attempted to issue a client callback to show a confirmation dialog box. Client callbacks are not supported in background sessions.');
});
