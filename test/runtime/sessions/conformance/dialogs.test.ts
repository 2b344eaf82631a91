// Conformance: bc-semantics.md §3 dialogs where there is no UI (background sessions), one test per row of the
// table, AL written here, run on the virtual clock through the public runtime API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, ended, events, host, logLines } from './harness';

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
  const { h, end } = await runBackground(`Hyperlink('https://example.com'); Log.Add('not reached');`);
  assert.equal(end.outcome, 'error');
  assert.deepEqual(logLines(h), []);
  const page = await runBackground(`Page.Run(0); Log.Add('not reached');`);
  assert.equal(page.end.outcome, 'error');
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
