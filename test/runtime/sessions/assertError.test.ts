// asserterror creates its own transaction scope (AppSourceCop AS0058): the failing statement's database writes
// roll back while execution goes on; writes before it and after it stay. Through the public runtime API on the
// virtual clock, with the real interpreter and store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, events, host, logLines } from './conformance/harness';

const CODE = `
codeunit 50330 "Lab Assert Error"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
        Item: Record "Lab Item";
    begin
        Log.Add('before');
        asserterror begin
            Log.Add('inside');
            Item.Get('A');
            Item.Description := 'changed inside';
            Item.Modify();
            Item.Get('B');
            Item.Delete();
            Error('expected failure');
        end;
        Log.Add('after: ' + GetLastErrorText());
        asserterror FailAfterInsert(Log);
        if Item.Get('B') then Log.Add('B is back');
        Item.Get('A');
        Log.Add('A: ' + Item.Description);
    end;

    local procedure FailAfterInsert(Log: Codeunit "Lab Logger")
    begin
        Log.Add('inside the procedure');
        asserterror Log.Add('nested') ;
    end;
}`;

test('asserterror rolls back the failing statement writes and the code goes on; the rest commits', async () => {
  const h = host([LOG_CODEUNIT, CODE]);
  const { session, result } = await h.runCodeunit(50330);
  assert.equal(result.state, 'completed', JSON.stringify(result));
  assert.deepEqual(logLines(h), ['before', 'after: expected failure', 'B is back', 'A: Alpha']);
  const rollbacks = events(h, 'rollback', { session: session.id });
  assert.deepEqual(rollbacks.map((e) => [e.scope, e.writes]), [['asserterror', 3], ['asserterror', 2]]);
  assert.equal(events(h, 'commit', { session: session.id }).length, 1, 'the call commits what stayed');
});

test('asserterror in a test function: the expected failure leaves no data behind, the test passes and keeps the rest', async () => {
  const h = host([
    LOG_CODEUNIT,
    `
codeunit 50331 "Lab Assert Error Test"
{
    Subtype = Test;

    [Test]
    procedure FailingPostLeavesNothing()
    var
        Log: Codeunit "Lab Logger";
        Entry: Record "Lab Log";
    begin
        Log.Add('setup');
        asserterror Post(Log);
        if GetLastErrorText() <> 'Posting failed' then Error('unexpected error: %1', GetLastErrorText());
        if Entry.Count() <> 1 then Error('expected only the setup line, found %1', Entry.Count());
    end;

    local procedure Post(Log: Codeunit "Lab Logger")
    begin
        Log.Add('posted line');
        Error('Posting failed');
    end;
}`,
  ]);
  const { result } = await h.runCodeunit(50331);
  assert.equal(result.state, 'completed', JSON.stringify(result));
  const outcome = events(h, 'testResult', { function: 'FailingPostLeavesNothing' })[0];
  assert.equal(outcome.success, true, JSON.stringify(outcome));
  assert.deepEqual(logLines(h), ['setup']);
});
