// Conformance: bc-semantics.md §4 page background tasks, one test per fact, AL written here, pages driven as a
// client would (RuntimeHost + Pages) on the virtual clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, events, host, logLines } from './harness';
import type { RuntimeHost } from '../../../../src/runtime/sessions/host';

interface PageSpec {
  pageType?: string;
  /** Trigger texts, one string or several (joined in order). */
  triggers: string | string[];
  vars?: string;
  actions?: string;
}

function page(spec: PageSpec): string {
  return `
page 50230 "Lab Card"
{
    PageType = ${spec.pageType ?? 'Card'};
    SourceTable = "Lab Item";
    layout
    {
        area(Content)
        {
            group(General)
            {
                field("No."; Rec."No.") { }
                field(Result; ResultText) { Editable = false; }
            }
        }
    }
    actions
    {
        area(Processing)
        {
            ${spec.actions ?? ''}
        }
    }
    var
        ResultText: Text;
        TaskId: Integer;
        ${spec.vars ?? ''}
    ${[spec.triggers].flat().join('\n')}
}`;
}

/** A runtime hosting the task codeunit and the "Lab Card" page built from `spec`. */
function hostWithPage(spec: PageSpec): RuntimeHost {
  return host([TASK, page(spec)]);
}

/** AL for a trigger: its signature, its local variables (if any, one line of declarations) and its statements. */
function trigger(signature: string, vars: string, body: string): string {
  return `
    trigger ${signature}
    ${vars ? `var\n        ${vars}` : ''}
    begin
        ${body.trim()}
    end;`;
}

const onAfterGetCurrRecord = (vars: string, body: string) => trigger('OnAfterGetCurrRecord()', vars, body);
const onCompleted = (body: string, vars = '') => trigger('OnPageBackgroundTaskCompleted(CompletedTaskId: Integer; Results: Dictionary of [Text, Text])', vars, body);
const onError = (body: string) => trigger('OnPageBackgroundTaskError(FailedTaskId: Integer; ErrorCode: Text; ErrorText: Text; ErrorCallStack: Text; var IsHandled: Boolean)', '', body);

/** Task codeunit 50231: sleeps `Wait` ms (if given), fails with `Fail` (if given), returns its inputs. */
const TASK = `
codeunit 50231 "Lab Task"
{
    TableNo = "Lab Item";
    trigger OnRun()
    var
        Params: Dictionary of [Text, Text];
        Results: Dictionary of [Text, Text];
        Log: Record "Lab Log";
        Wait: Integer;
    begin
        Params := Page.GetBackgroundParameters();
        if Params.ContainsKey('Wait') then begin
            Evaluate(Wait, Params.Get('Wait'));
            Sleep(Wait);
        end;
        if Params.ContainsKey('Fail') then
            Error(Params.Get('Fail'));
        Results.Add('record', '[' + Rec."No." + ']');
        Results.Add('session', Format(SessionId()));
        Results.Add('logRows', Format(Log.Count()));
        if Params.ContainsKey('P') then
            Results.Add('p', Params.Get('P') + '!');
        Page.SetBackgroundTaskResult(Results);
    end;
}`;

/** A completion trigger showing every result as `key=value;` in the Result field. */
const showResults = onCompleted(
  `ResultText := '';
        foreach K in Results.Keys() do
            ResultText += K + '=' + Results.Get(K) + ';';`,
  'K: Text;',
);

/** A trigger that fills Params with `params` (AL statements) and enqueues the task into TaskId. */
function enqueueIn(name: string, params: string, extra = ''): string {
  return trigger(`${name}()`, 'Params: Dictionary of [Text, Text];', `${params}
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Lab Task", Params${extra});`);
}

function field(h: RuntimeHost, pageInstanceId: number, name: string): string {
  const data = h.rt.pages.data(h.rt.pages.get(pageInstanceId)!);
  return data.groups.flatMap((g) => g.fields).find((f) => f.name === name)!.value;
}

async function open(h: RuntimeHost, no = 'A') {
  const { page, error } = await h.rt.pages.open(h.clientSession(), 'Lab Card', { 'No.': no });
  assert.equal(error, undefined, error?.text);
  return page;
}

test("§4 runs the codeunit's OnRun without a record, in a read-only child session of the page's session, in its own transaction; GetBackgroundParameters / SetBackgroundTaskResult", async () => {
  const h = hostWithPage({
    triggers: [
      onAfterGetCurrRecord('Params: Dictionary of [Text, Text]; Log: Record "Lab Log";', `
        Log."Entry No." := 1;
        Log.Insert();
        Params.Add('P', 'hello');
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Lab Task", Params);
        Sleep(10);`),
      showResults,
    ],
  });
  const p = await open(h);
  await h.rt.waitIdle();
  const child = events(h, 'sessionStarted', { kind: 'PageBackgroundTask' })[0];
  assert.equal(child.parent, h.clientSession().id);
  // No record; its own session id; it did not see the page session's uncommitted insert.
  assert.equal(field(h, p.instance.pageInstanceId, 'Result'), `record=[];session=${child.session};logRows=0;p=hello!;`);
});

test('§4 read-only: Insert, Modify, Delete, ModifyAll, DeleteAll, Rename, LockTable fail with a permission error; Commit is treated as an error', async () => {
  const ops = ['Insert', 'Modify', 'Delete', 'ModifyAll', 'DeleteAll', 'Rename', 'LockTable', 'Commit'];
  const writer = `
codeunit 50232 "Lab Writer"
{
    trigger OnRun()
    var
        Item: Record "Lab Item";
        Op: Text;
    begin
        Op := Page.GetBackgroundParameters().Get('Op');
        Item.Get('A');
        case Op of
            'Insert': begin Item."No." := 'Z'; Item.Insert(); end;
            'Modify': begin Item.Description := 'x'; Item.Modify(); end;
            'Delete': Item.Delete();
            'ModifyAll': Item.ModifyAll(Description, 'x');
            'DeleteAll': Item.DeleteAll();
            'Rename': Item.Rename('Z');
            'LockTable': Item.LockTable();
            'Commit': Commit();
        end;
    end;
}`;
  const enqueues = ops.map((op) => `Params.Set('Op', '${op}'); CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Lab Writer", Params);`).join('\n        ');
  const h = host([writer, page({ triggers: onAfterGetCurrRecord('Params: Dictionary of [Text, Text];', enqueues) })]);
  await open(h);
  await h.rt.waitIdle();
  const children = events(h, 'sessionStarted', { kind: 'PageBackgroundTask' }).map((e) => e.session);
  const texts = children.map((id) => {
    const end = events(h, 'sessionEnded', { session: id })[0];
    assert.equal(end.outcome, 'error');
    return (end.error as { text: string }).text;
  });
  const expected = ['Insert', 'Modify', 'Delete', 'Modify', 'Delete', 'Modify', 'Modify'].map((p) => `You don't have the following permissions on TableData Lab Item: ${p}.`);
  assert.deepEqual(texts.slice(0, 7), expected);
  assert.match(texts[7], /^Commit is not allowed in a page background task.*treats it as an error/);
  assert.equal(h.db.committedCount(h.db.table('Lab Item')), 3, 'nothing changed');
});

test('§4 on success OnPageBackgroundTaskCompleted(TaskId, Results) runs; on error (timeout included) OnPageBackgroundTaskError(TaskId, ErrorCode, ErrorText, ErrorCallStack, var IsHandled) runs', async () => {
  const h = hostWithPage({
    triggers: [
      onAfterGetCurrRecord('Ok: Dictionary of [Text, Text]; Bad: Dictionary of [Text, Text]; Slow: Dictionary of [Text, Text]; Id: Integer;', `
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Ok);
        Bad.Add('Fail', 'it broke');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Bad);
        Slow.Add('Wait', '5000');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Slow, 1000);`),
      onCompleted(`ResultText += 'completed ' + Format(CompletedTaskId) + ';';`),
      onError(`
        ResultText += 'error ' + Format(FailedTaskId) + ' [' + ErrorCode + '] ' + ErrorText + ' stack:' + Format(ErrorCallStack <> '') + ';';
        IsHandled := true;`),
    ],
  });
  await open(h);
  await h.rt.waitIdle();
  // Tasks 1 and 2 end at the same virtual moment (in an order drawn from the seed); task 3 times out at 1 s.
  const trig = events(h, 'trigger').filter((e) => e.task !== undefined).map((e) => `${e.name} ${e.task} @${e.t}`);
  assert.deepEqual(trig.slice(0, 2).sort(), ['OnPageBackgroundTaskCompleted 1 @0', 'OnPageBackgroundTaskError 2 @0']);
  assert.equal(trig[2], 'OnPageBackgroundTaskError 3 @1000');
  const p = h.rt.pages.all()[0];
  const seen = field(h, p.instance.pageInstanceId, 'Result');
  assert.match(seen, /error 2 \[\] it broke stack:Yes;/);
  assert.match(seen, /error 3 \[ChildSessionTaskTimeout\] Child Session task was terminated because of a timeout\. stack:(Yes|No);/);
  assert.match(seen, /completed 1;/);
  assert.equal(events(h, 'notification').length, 0, 'handled errors show nothing');
  const ended = events(h, 'sessionEnded').filter((e) => e.session !== h.clientSession().id).map((e) => e.outcome);
  assert.deepEqual(ended.sort(), ['completed', 'error', 'timeout']);
});

test('§4 if IsHandled stays false the error shows as a notification per ErrorLevel: Error and Warning notify, Ignore shows nothing; errors raised inside the two triggers always show as errors', async () => {
  const h = hostWithPage({
    triggers: [
      onAfterGetCurrRecord('Bad: Dictionary of [Text, Text]; Good: Dictionary of [Text, Text]; Id: Integer;', `
        Bad.Add('Fail', 'level test');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Bad, 0, PageBackgroundTaskErrorLevel::Error);
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Bad, 0, PageBackgroundTaskErrorLevel::Warning);
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Bad, 0, PageBackgroundTaskErrorLevel::Ignore);
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Good, 0, PageBackgroundTaskErrorLevel::Ignore);`),
      onCompleted(`Error('failure inside the completion trigger');`),
      onError(''),
    ],
  });
  await open(h);
  await h.rt.waitIdle();
  const n = events(h, 'notification').map((e) => `${e.level}: ${e.text}`);
  assert.deepEqual(n, ['error: level test', 'warning: level test', 'error: failure inside the completion trigger']);
});

test('§4 in the two triggers CurrPage.Update() is ignored and client callbacks fail ("...issued from the OnPageBackgroundTaskCompleted or OnPageBackgroundTaskError trigger.")', async () => {
  const h = hostWithPage({
    triggers: [
      enqueueIn('OnAfterGetCurrRecord', ''),
      onCompleted(`
        ResultText := 'updated';
        CurrPage.Update(false);
        if Confirm('Reload?') then;`),
    ],
  });
  await open(h);
  await h.rt.waitIdle();
  assert.equal(events(h, 'pageUpdate', { ignored: true }).length, 1);
  assert.equal(events(h, 'trigger', { name: 'OnAfterGetCurrRecord' }).length, 1, 'no refresh: OnAfterGetCurrRecord ran once');
  const n = events(h, 'notification')[0];
  assert.equal(n.level, 'error');
  assert.match(String(n.text), /The disallowed callback was issued from the OnPageBackgroundTaskCompleted or OnPageBackgroundTaskError trigger\.$/);
});

test("§4 cancelled when the page closes, the session ends, or the page's current record ID changes; CancelBackgroundTask marks a task for cancellation", async () => {
  const spec = {
    triggers: enqueueIn('OnAfterGetCurrRecord', `Params.Add('Wait', '1000');`),
    actions: `action(CancelIt) { trigger OnAction() begin CurrPage.CancelBackgroundTask(TaskId); end; }`,
  };
  const h = hostWithPage(spec);
  const p = await open(h, 'A');
  await h.rt.advance(100);
  await h.rt.pages.navigate(p, 'next');
  await h.rt.advance(100);
  await h.rt.pages.invokeAction(p, 'CancelIt');
  await h.rt.pages.navigate(p, 'next');
  await h.rt.pages.close(p);
  const again = await open(h, 'A');
  assert.equal(again.open, true);
  h.rt.endSession(h.clientSession(), 'completed', undefined);
  await h.rt.waitIdle();
  assert.deepEqual(events(h, 'taskCancelled').map((e) => e.reason), ['recordChanged', 'cancelled', 'pageClosed', 'sessionEnded']);
  assert.equal(events(h, 'trigger', { name: 'OnPageBackgroundTaskCompleted' }).length, 0);
});

test('§4 concurrency: ChildSessionsMaxConcurrency 5 per parent session, further tasks wait for a slot; more than ChildSessionsMaxQueueLength 100 waiting makes the enqueue fail (Ok false, or a runtime error)', async () => {
  const h = hostWithPage({
    vars: 'Refused: Integer;',
    triggers: onAfterGetCurrRecord('Params: Dictionary of [Text, Text]; I: Integer; Id: Integer;', `
        Params.Add('Wait', '100');
        for I := 1 to 106 do
            if not CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Params) then
                Refused += 1;
        ResultText := Format(Refused) + ' refused';
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Params);`),
  });
  const { page: p, error } = await h.rt.pages.open(h.clientSession(), 'Lab Card', { 'No.': 'A' });
  assert.match(error?.text ?? '', /ChildSessionsMaxQueueLength \(100\)/, 'the last enqueue, without Ok, is a runtime error');
  void p;
  assert.equal(events(h, 'taskWaiting').length, 100);
  assert.equal(events(h, 'enqueueFailed').length, 2);
  await h.rt.waitIdle();
  assert.equal(h.rt.pageTasks.peakPerParent, 5);
  // The trigger failed, so its transaction rolled back; the tasks it enqueued still ran (105 of them).
  assert.equal(events(h, 'sessionEnded', { outcome: 'completed' }).filter((e) => e.session !== h.clientSession().id).length, 105);
});

test('§4 timeout: PageBackgroundTaskDefaultTimeout 2 min when none is given, PageBackgroundTaskMaxTimeout 10 min caps any larger value; error code ChildSessionTaskTimeout, "Child Session task was terminated because of a timeout."', async () => {
  const h = hostWithPage({
    triggers: [
      onAfterGetCurrRecord('Params: Dictionary of [Text, Text]; Id: Integer;', `
        Params.Add('Wait', '3600000');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Params);
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Params, 3600000);`),
      onError(`ResultText += ErrorCode + ': ' + ErrorText + '|';`),
    ],
  });
  const p = await open(h);
  await h.rt.waitIdle();
  assert.deepEqual(events(h, 'taskEnqueued').map((e) => e.timeoutMs), [120000, 600000]);
  assert.deepEqual(events(h, 'sessionEnded', { outcome: 'timeout' }).map((e) => e.t), [120000, 600000]);
  const once = 'ChildSessionTaskTimeout: Child Session task was terminated because of a timeout.|';
  assert.equal(field(h, p.instance.pageInstanceId, 'Result'), once + once);
  assert.deepEqual(events(h, 'notification').map((e) => e.level), ['error', 'error'], 'unhandled: ErrorLevel Error notifies');
});

test('§4 where to enqueue: OnAfterGetCurrRecord works; not OnOpenPage (record ID not yet stable); on list pages OnAfterGetRecord runs per row, so its task is cancelled after the first row', async () => {
  const good = hostWithPage({ triggers: [enqueueIn('OnAfterGetCurrRecord', ''), showResults] });
  await open(good);
  await good.rt.waitIdle();
  assert.equal(events(good, 'taskCancelled').length, 0);
  assert.equal(events(good, 'trigger', { name: 'OnPageBackgroundTaskCompleted' }).length, 1);

  const onOpen = hostWithPage({ triggers: enqueueIn('OnOpenPage', '') });
  await open(onOpen);
  await onOpen.rt.waitIdle();
  assert.deepEqual(events(onOpen, 'taskCancelled').map((e) => e.reason), ['recordChanged']);

  const list = hostWithPage({ pageType: 'List', triggers: [enqueueIn('OnAfterGetRecord', `Params.Add('Wait', '10');`), showResults] });
  await open(list);
  await list.rt.waitIdle();
  // Three rows: the tasks of rows A and B are cancelled when the next row is fetched; row C's task is
  // cancelled when A becomes the current record again.
  assert.deepEqual(events(list, 'taskCancelled').map((e) => e.reason), ['recordChanged', 'recordChanged', 'recordChanged']);
});

test('§4 cancel the previous task before re-enqueueing and compare TaskId in the completion trigger', async () => {
  const h = hostWithPage({
    vars: 'Runs: Integer;',
    triggers: [
      enqueueIn('OnAfterGetCurrRecord', `Params.Add('Wait', '500');`),
      onCompleted(`
        if CompletedTaskId <> TaskId then
            exit;
        Runs += 1;
        ResultText := 'task ' + Format(CompletedTaskId) + ' run ' + Format(Runs);`),
    ],
    actions: `action(Refresh) {${enqueueIn('OnAction', `CurrPage.CancelBackgroundTask(TaskId);
        Params.Add('Wait', '500');`)}
            }`,
  });
  const p = await open(h);
  await h.rt.advance(200);
  await h.rt.pages.invokeAction(p, 'Refresh');
  await h.rt.waitIdle();
  assert.deepEqual(events(h, 'taskCancelled').map((e) => [e.task, e.reason]), [[1, 'cancelled']]);
  assert.equal(field(h, p.instance.pageInstanceId, 'Result'), 'task 2 run 1');
});

test('§4 part pages (CardPart, ListPart) show dashes until all their tasks finish', async () => {
  const spec = (pageType: string) =>
    page({
      pageType,
      triggers: [
        onAfterGetCurrRecord('Fast: Dictionary of [Text, Text]; Slow: Dictionary of [Text, Text]; Id: Integer;', `
        Fast.Add('Wait', '500');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Fast);
        Slow.Add('Wait', '2000');
        Slow.Add('P', 'slow');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Slow);`),
        onCompleted(`ResultText += 'task ' + Format(CompletedTaskId) + ';';`),
      ],
    });
  const shown = (h: RuntimeHost) => events(h, 'pageField').map((e) => `${e.t} ${e.field}=${e.value}`);
  for (const pageType of ['CardPart', 'ListPart']) {
    const h = host([TASK, spec(pageType)]);
    const p = await open(h, 'B');
    assert.equal(field(h, p.instance.pageInstanceId, 'No.'), '-', `${pageType}: a dash while the tasks run`);
    await h.rt.advance(1000);
    // The first task finished (its completion trigger ran), the second still runs: still dashes.
    assert.equal(events(h, 'trigger', { name: 'OnPageBackgroundTaskCompleted' }).length, 1);
    assert.equal(field(h, p.instance.pageInstanceId, 'Result'), '-');
    await h.rt.waitIdle();
    assert.equal(field(h, p.instance.pageInstanceId, 'No.'), 'B');
    assert.deepEqual(shown(h), ['0 No.=-', '0 Result=-', '2000 No.=B', '2000 Result=task 1;task 2;'], pageType);
  }
  // A Card page shows its values at once, and the result when it comes.
  const card = host([TASK, spec('Card')]);
  await open(card, 'B');
  await card.rt.waitIdle();
  assert.deepEqual(shown(card), ['0 No.=B', '500 Result=task 1;', '2000 Result=task 1;task 2;']);
});

test('§4 from web services page tasks run synchronously', async () => {
  const spec = page({
    triggers: [
      onAfterGetCurrRecord('Params: Dictionary of [Text, Text]; Bad: Dictionary of [Text, Text]; Id: Integer;', `
        ResultText := 'gui ' + Format(GuiAllowed()) + ' ' + Format(Session.CurrentClientType()) + ';';
        Params.Add('Wait', '1000');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Params);
        ResultText += 'after ' + Format(Id) + ';';
        Bad.Add('Fail', 'broken');
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Task", Bad);
        ResultText += 'after ' + Format(Id) + ';';`),
      onCompleted(`ResultText += 'completed ' + Format(CompletedTaskId) + ' ' + Results.Get('record') + ';';`),
      onError(`
        ResultText += 'error ' + Format(FailedTaskId) + ' ' + ErrorText + ';';
        IsHandled := true;`),
    ],
  });
  // A web-service client (scenario step { "openPage": ..., "client": "ODataV4" }): each task runs to its end,
  // its completion or error trigger included, inside EnqueueBackgroundTask.
  const ws = host([TASK, spec]);
  const { scenarioFromJson } = await import('../../../../src/runtime/sessions/scenario');
  const r = await ws.runScenario(scenarioFromJson({ steps: [{ openPage: 'Lab Card', record: { 'No.': 'C' }, client: 'ODataV4' }] }, 'ws.json'));
  assert.equal(r.ok, true, r.failed?.message);
  const p = ws.rt.pages.all()[0];
  assert.equal(field(ws, p.instance.pageInstanceId, 'Result'), 'gui No ODataV4;completed 1 [];after 1;error 2 broken;after 2;');
  assert.deepEqual(events(ws, 'taskEnqueued').map((e) => e.synchronous), [true, true]);
  // The page's session waited: OnAfterGetCurrRecord ended after the 1 s task, no notification (handled).
  const pageSession = events(ws, 'pageOpened')[0].session;
  assert.equal(events(ws, 'sessionStarted', { session: pageSession })[0].kind, 'Foreground');
  assert.equal(ws.rt.sessions.get(pageSession!)!.clientType, 'Web Service');
  assert.deepEqual(events(ws, 'trigger', { session: pageSession }).map((e) => `${e.name}@${e.t}`), [
    'OnAfterGetCurrRecord@0',
    'OnPageBackgroundTaskCompleted@1000',
    'OnPageBackgroundTaskError@1000',
  ]);
  assert.equal(events(ws, 'notification').length, 0);

  // The same page in the web client: the tasks run in the background, the triggers come later.
  const web = host([TASK, spec]);
  const q = await open(web, 'C');
  assert.equal(field(web, q.instance.pageInstanceId, 'Result'), 'gui Yes Web;after 1;after 2;');
  await web.rt.waitIdle();
  assert.match(field(web, q.instance.pageInstanceId, 'Result'), /^gui Yes Web;after 1;after 2;(error 2 broken;completed 1 \[\];|completed 1 \[\];error 2 broken;)$/);
});

test('§4 TestPage.RunPageBackgroundTask(CodeunitId [; var Parameters] [; RunCompletionTriggers]) runs one in tests', async () => {
  const writer = `codeunit 50235 "Lab Page Writer" { trigger OnRun() var Item: Record "Lab Item"; begin Item.Get('A'); Item.Delete(); end; }`;
  const logger = LOG_CODEUNIT;
  const card = page({
    triggers: [
      onAfterGetCurrRecord('Params: Dictionary of [Text, Text]; Log: Codeunit "Lab Logger";', `
        Params.Add('P', 'opened');
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Lab Task", Params);
        Log.Add('after enqueue ' + Format(TaskId));`),
      onCompleted(`Log.Add('completed ' + Format(CompletedTaskId) + ' ' + Results.Get('record') + ' ' + Results.Get('p'));`, 'Log: Codeunit "Lab Logger";'),
    ],
  });
  const test = `
codeunit 50236 "Lab Page Test"
{
    Subtype = Test;

    [Test]
    procedure RunsATask()
    var
        Card: TestPage "Lab Card";
        Params: Dictionary of [Text, Text];
        Results: Dictionary of [Text, Text];
        Log: Codeunit "Lab Logger";
    begin
        Card.OpenView();
        Params.Add('P', 'direct');
        Results := Card.RunPageBackgroundTask(Codeunit::"Lab Task", Params);
        Log.Add('results ' + Results.Get('p') + ' rows ' + Results.Get('logRows') + ' session ' + Format(Results.Get('session') <> Format(SessionId())));
        Params.Set('P', 'with triggers');
        Results := Card.RunPageBackgroundTask(Codeunit::"Lab Task", Params, true);
        asserterror Card.RunPageBackgroundTask(Codeunit::"Lab Page Writer");
        Log.Add('read-only: ' + GetLastErrorText());
        Card.Close();
    end;
}`;
  const h = host([logger, TASK, writer, card, test]);
  const { result } = await h.runCodeunit(50236);
  assert.equal(result.state, 'completed', JSON.stringify(result));
  assert.deepEqual(logLines(h), [
    // OpenView: the page's own task runs synchronously (BC's test framework), its completion trigger included.
    'completed 1 [] opened!',
    'after enqueue 1',
    // RunPageBackgroundTask: a child session (read-only, it does not see the test's uncommitted rows), no trigger by default.
    'results direct! rows 0 session Yes',
    // RunCompletionTriggers = true: OnPageBackgroundTaskCompleted runs with the results.
    'completed 3 [] with triggers!',
    "read-only: You don't have the following permissions on TableData Lab Item: Delete.",
  ]);
  const children = events(h, 'sessionStarted', { kind: 'PageBackgroundTask' });
  assert.equal(children.length, 4);
  assert.ok(children.every((c) => c.parent === events(h, 'testResult')[0].session));
  assert.deepEqual(events(h, 'testResult').map((e) => `${e.function} ${e.success}`), ['RunsATask true']);
  // TestPage methods the runtime does not implement are refused by name and place (at load, and when reached).
  const trap = `codeunit 50237 "Lab Trap Test" { Subtype = Test; [Test] procedure T() var Card: TestPage "Lab Card"; begin Card.Trap(); end; }`;
  assert.throws(() => host([logger, TASK, card, trap]), /AL Session Lab does not support the method Trap on TestPage Lab Card \(\/lab\/src\/Object\d+\.al:1\)/);
});

test('§4 re-enqueueing from the completion or error trigger risks an endless loop', async () => {
  const h = hostWithPage({
    vars: 'Rounds: Integer;',
    triggers: [
      enqueueIn('OnAfterGetCurrRecord', `Params.Add('Wait', '1000');`),
      onCompleted(`
        Rounds += 1;
        ResultText := Format(Rounds);
        Params.Add('Wait', '1000');
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Lab Task", Params);`, 'Params: Dictionary of [Text, Text];'),
    ],
  });
  const p = await open(h);
  // Nothing stops it: a new task every second for as long as the page stays open.
  await h.rt.advance(60_500);
  assert.equal(events(h, 'taskEnqueued').length, 61);
  assert.equal(field(h, p.instance.pageInstanceId, 'Result'), '60');
  await h.rt.pages.close(p);
  await h.rt.waitIdle();
  assert.deepEqual(events(h, 'taskCancelled').map((e) => e.reason), ['pageClosed']);
});
