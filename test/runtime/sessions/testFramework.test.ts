// BC's test framework on the session runtime: [HandlerFunctions] (Message, Confirm, StrMenu, notifications) with
// BC's "Unhandled UI" and "not executed" failures, [TransactionModel] AutoRollback, and the runner core
// (runTests): events per test, RequiredTestIsolation, filters, DisabledTests, the per-test time limit, failures
// with text, file, line and call stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host } from './conformance/harness';
import { runTests, type TestResultEvent } from '../../../src/runtime/sessions/testRun';

const HANDLERS = `
codeunit 50310 "Lab Handler Tests"
{
    Subtype = Test;

    var
        Seen: Text;

    [Test]
    [HandlerFunctions('ConfirmYes,MessageSeen')]
    procedure HandledDialogs()
    begin
        if not Confirm('Go?') then Error('the handler answered no');
        Message('Done %1', 1);
        if Seen <> 'Done 1' then Error('the message handler saw %1', Seen);
    end;

    [Test]
    procedure UnhandledMessage()
    begin
        Message('nobody handles this');
    end;

    [Test]
    [HandlerFunctions('ConfirmYes,MessageSeen')]
    procedure HandlerNotRun()
    begin
        if not Confirm('Only the confirm') then Error('no');
    end;

    [Test]
    [HandlerFunctions('PickSecond')]
    procedure StrMenuChoice()
    begin
        if StrMenu('A,B,C', 1) <> 2 then Error('the choice was not taken');
    end;

    [Test]
    [HandlerFunctions('NotificationSent')]
    procedure SendsNotification()
    var
        N: Notification;
    begin
        N.Message := 'Heads up';
        N.Send();
        if Seen <> 'Heads up' then Error('the notification handler saw %1', Seen);
    end;

    [ConfirmHandler]
    procedure ConfirmYes(Question: Text; var Reply: Boolean)
    begin
        Reply := true;
    end;

    [MessageHandler]
    procedure MessageSeen(Msg: Text)
    begin
        Seen := Msg;
    end;

    [StrMenuHandler]
    procedure PickSecond(Options: Text; var Choice: Integer; Instruction: Text)
    begin
        Choice := 2;
    end;

    [SendNotificationHandler]
    procedure NotificationSent(var TheNotification: Notification): Boolean
    begin
        Seen := TheNotification.Message;
        exit(true);
    end;
}`;

const TRANSACTIONS = `
codeunit 50311 "Lab Transaction Tests"
{
    Subtype = Test;
    RequiredTestIsolation = Disabled;

    [Test]
    [TransactionModel(TransactionModel::AutoRollback)]
    procedure RolledBack()
    var
        Item: Record "Lab Item";
    begin
        Item."No." := 'RB';
        Item.Insert();
    end;

    [Test]
    [TransactionModel(TransactionModel::AutoRollback)]
    procedure CommitRefused()
    begin
        Commit();
    end;

    [Test]
    procedure Kept()
    var
        Item: Record "Lab Item";
    begin
        Item."No." := 'KEPT';
        Item.Insert();
    end;

    [Test]
    procedure FailsDeep()
    begin
        Helper();
    end;

    [Test]
    procedure NeverEnds()
    var
        i: Integer;
    begin
        while true do
            i += 1;
    end;

    [Test]
    procedure DisabledOne()
    begin
        Error('a disabled test does not run');
    end;

    local procedure Helper()
    begin
        Error('deep failure %1', 42);
    end;
}`;

function byName(results: TestResultEvent[]): Record<string, TestResultEvent> {
  return Object.fromEntries(results.map((r) => [r.procedure, r]));
}

test('handler functions answer dialogs; an unhandled dialog and a handler that never ran fail the test with BC\'s texts', async () => {
  const h = host([HANDLERS]);
  const s = await runTests(h, {});
  const r = byName(s.results);
  assert.equal(r.HandledDialogs.outcome, 'passed', JSON.stringify(r.HandledDialogs.error));
  assert.equal(r.StrMenuChoice.outcome, 'passed', JSON.stringify(r.StrMenuChoice.error));
  assert.equal(r.SendsNotification.outcome, 'passed', JSON.stringify(r.SendsNotification.error));
  assert.equal(r.UnhandledMessage.outcome, 'failed');
  assert.equal(r.UnhandledMessage.error?.text, 'Unhandled UI: Message "nobody handles this"');
  assert.equal(r.HandlerNotRun.outcome, 'failed');
  assert.equal(r.HandlerNotRun.error?.text, 'The following UI handlers were not executed: MessageSeen');
  assert.deepEqual([s.passed, s.failed, s.skipped], [3, 2, 0]);
});

test('runTests: AutoRollback, Commit refused there, call stack with file and line, time limit, DisabledTests, filter', async () => {
  const h = host([TRANSACTIONS]);
  const events: string[] = [];
  const s = await runTests(h, {
    testTimeoutMs: 300,
    disabled: new Set(['50311|disabledone']),
    onEvent: (e) => events.push(`${e.event} ${e.procedure}`),
  });
  const r = byName(s.results);
  assert.equal(r.RolledBack.outcome, 'passed');
  assert.equal(r.CommitRefused.outcome, 'failed');
  assert.match(r.CommitRefused.error!.text, /Commit is not allowed in a test function with TransactionModel AutoRollback/);
  assert.equal(r.Kept.outcome, 'passed');
  assert.equal(r.FailsDeep.error?.text, 'deep failure 42');
  const lineOf = (text: string) => TRANSACTIONS.split('\n').findIndex((l) => l.includes(text));
  assert.deepEqual(r.FailsDeep.error?.callStack.map((f) => `${f.procedure}:${f.line}`), [`Helper:${lineOf("Error('deep failure")}`, `FailsDeep:${lineOf('        Helper();')}`]);
  assert.equal(r.FailsDeep.error?.line, lineOf("Error('deep failure"));
  assert.match(r.FailsDeep.error!.file!, /Object2\.al$/);
  assert.equal(r.NeverEnds.outcome, 'failed');
  assert.match(r.NeverEnds.error!.text, /ran longer than its time limit/);
  assert.equal(r.NeverEnds.error?.callStack[0].procedure, 'NeverEnds');
  assert.equal(r.DisabledOne.outcome, 'skipped');
  assert.equal(r.DisabledOne.disabled, true);
  assert.deepEqual([s.passed, s.failed, s.skipped], [2, 3, 1]);
  assert.deepEqual(events.slice(0, 2), ['testStarted RolledBack', 'testResult RolledBack']);
  // AutoRollback undid its insert; the AutoCommit test under Disabled isolation kept its own.
  const tx = h.db.begin(0);
  const rows = tx.find(h.db.table('Lab Item'), { filters: [], keyFields: [1], ascending: true }).map((x) => String(x.row.get(1)));
  tx.rollback();
  assert.deepEqual(rows.filter((k) => !['A', 'B', 'C'].includes(k)), ['KEPT']);

  const filtered = await runTests(host([TRANSACTIONS]), { filter: 'Lab Transaction Tests::Kep*' });
  assert.deepEqual(filtered.results.map((x) => x.procedure), ['Kept']);
});
