// Conformance: bc-semantics.md §2 StartSession, one test per fact, AL written here, run on the virtual clock
// through the public runtime API (RuntimeHost: the real interpreter and record store).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, ended, events, host, itemCard, logLines } from './harness';

/** The background codeunit most tests start: logs the record it got and its session id. */
const CHILD = `
codeunit 50211 "Lab Child"
{
    TableNo = "Lab Item";
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
    begin
        Log.Add('child got ' + Rec."No." + ' ' + Rec.Description);
    end;
}`;

const SLEEPER = `
codeunit 50213 "Lab Sleeper"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
    begin
        Sleep(36000000);
        Log.Add('sleeper woke');
    end;
}`;

function caller(body: string, vars = ''): string {
  return `
codeunit 50210 "Lab Caller"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
        Item: Record "Lab Item";
        Id: Integer;
        Ok: Boolean;
        T: Duration;
        ${vars}
    begin
        ${body}
    end;
}`;
}

test('§2 overload StartSession(var SessionId; CodeunitId [; Company] [; var Record]): the record reaches OnRun', async () => {
  const h = host([LOG_CODEUNIT, CHILD, caller(`Item.Get('B'); StartSession(Id, Codeunit::"Lab Child", CompanyName(), Item); Log.Add('started ' + Format(Id));`)]);
  const { session, result } = await h.runCodeunit(50210);
  assert.equal(result.state, 'completed');
  await h.rt.waitIdle();
  const started = events(h, 'sessionStarted', { kind: 'Background' })[0];
  assert.equal(started.parent, session.id);
  assert.equal(started.object, 'Codeunit 50211');
  assert.deepEqual(logLines(h), [`started ${started.session}`, 'child got B Beta']);
});

test('§2 overload (runtime 7.0) StartSession(var SessionId; CodeunitId; Company; var Record; Timeout): the timeout ends it', async () => {
  const h = host([LOG_CODEUNIT, SLEEPER, caller(`T := 5000; StartSession(Id, Codeunit::"Lab Sleeper", CompanyName(), Item, T);`)]);
  await h.runCodeunit(50210);
  await h.rt.waitIdle();
  const bg = events(h, 'sessionStarted', { kind: 'Background' })[0];
  const end = ended(h, bg.session!)!;
  assert.equal(end.outcome, 'timeout');
  assert.equal(end.t, 5000);
  assert.deepEqual(logLines(h), []);
});

test('§2 overload (runtime 7.1) StartSession(var SessionId; CodeunitId; Timeout [; Company] [; var Record]): the timeout ends it', async () => {
  const h = host([LOG_CODEUNIT, SLEEPER, caller(`T := 7000; StartSession(Id, Codeunit::"Lab Sleeper", T, CompanyName(), Item);`)]);
  await h.runCodeunit(50210);
  await h.rt.waitIdle();
  const bg = events(h, 'sessionStarted', { kind: 'Background' })[0];
  assert.equal(ended(h, bg.session!)!.outcome, 'timeout');
  assert.equal(ended(h, bg.session!)!.t, 7000);
});

test('§2 callable as Session.StartSession or bare StartSession; SessionId is set only when the start succeeds', async () => {
  // One slot and no queue: the second start fails and must leave Id alone.
  const h = host([LOG_CODEUNIT, CHILD, caller(`
        Item.Get('A');
        Ok := Session.StartSession(Id, Codeunit::"Lab Child", CompanyName(), Item);
        Log.Add('first ' + Format(Ok) + ' ' + Format(Id > 0));
        Id := -7;
        Ok := StartSession(Id, Codeunit::"Lab Child", CompanyName(), Item);
        Log.Add('second ' + Format(Ok) + ' ' + Format(Id));`)], { backgroundSessionsMaxConcurrency: 1, backgroundSessionsMaxQueueLength: 0 });
  await h.runCodeunit(50210);
  await h.rt.waitIdle();
  assert.deepEqual(logLines(h).slice(0, 2), ['first Yes Yes', 'second No -7']);
});

test('§2 Ok says only that the session started, never that its work succeeded; without Ok a failed start is a runtime error', async () => {
  const failing = `codeunit 50214 "Lab Failing" { trigger OnRun() begin Error('the work failed'); end; }`;
  const h = host([LOG_CODEUNIT, failing, caller(`
        Ok := StartSession(Id, Codeunit::"Lab Failing");
        Log.Add('ok ' + Format(Ok));
        StartSession(Id, Codeunit::"Lab Failing");
        Log.Add('not reached');`)], { backgroundSessionsMaxConcurrency: 1, backgroundSessionsMaxQueueLength: 0 });
  const { result } = await h.runCodeunit(50210);
  // The second start finds no free slot and no queue: without Ok that is a runtime error in the caller.
  assert.equal(result.state, 'failed');
  assert.match(result.state === 'failed' ? result.error.text : '', /could not be started/);
  await h.rt.waitIdle();
  const bg = events(h, 'sessionStarted', { kind: 'Background' });
  assert.equal(bg.length, 1);
  assert.equal(ended(h, bg[0].session!)!.outcome, 'error');
  // The caller's transaction (with its log line) rolled back with its error, so nothing is logged.
  assert.deepEqual(logLines(h), []);
});

test("§2 the record is passed to OnRun as a copy of the caller's in-memory record", async () => {
  const changer = `
codeunit 50215 "Lab Changer"
{
    TableNo = "Lab Item";
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
    begin
        Log.Add('child sees ' + Rec.Description);
        Rec.Description := 'changed by child';
    end;
}`;
  const h = host([LOG_CODEUNIT, changer, caller(`
        Item.Get('C');
        Item.Description := 'unsaved edit';
        StartSession(Id, Codeunit::"Lab Changer", CompanyName(), Item);
        Sleep(1000);
        Log.Add('caller still has ' + Item.Description);`)]);
  await h.runCodeunit(50210);
  await h.rt.waitIdle();
  assert.deepEqual(logLines(h), ['child sees unsaved edit', 'caller still has unsaved edit']);
});

test('§2 default timeout: 8 h on-premises (BackgroundSessionsDefaultTimeout)', async () => {
  const h = host([LOG_CODEUNIT, SLEEPER, caller(`StartSession(Id, Codeunit::"Lab Sleeper");`)]);
  await h.runCodeunit(50210);
  await h.rt.waitIdle();
  const bg = events(h, 'sessionStarted', { kind: 'Background' })[0];
  const end = ended(h, bg.session!)!;
  assert.equal(end.outcome, 'timeout');
  assert.equal(end.t, 8 * 3600_000);
  assert.equal(h.rt.sessionEvents.length > 0, true);
});

test('§2 limits: 10 concurrent background sessions, further ones queue; more than 100 queued is an error; recursion depth 14', async () => {
  const napper = `codeunit 50216 "Lab Napper" { trigger OnRun() begin Sleep(1000); end; }`;
  const h = host([LOG_CODEUNIT, napper, caller(`
        for I := 1 to 115 do
            if StartSession(Id, Codeunit::"Lab Napper") then Started += 1 else Refused += 1;
        Log.Add(Format(Started) + ' started, ' + Format(Refused) + ' refused');`, 'I: Integer; Started: Integer; Refused: Integer;')]);
  await h.runCodeunit(50210);
  await h.rt.waitIdle();
  assert.deepEqual(logLines(h), ['110 started, 5 refused']);
  assert.equal(h.rt.background.peakRunning, 10);
  assert.equal(events(h, 'sessionQueued').length, 100);
  assert.equal(events(h, 'sessionEnded', { outcome: 'completed' }).length, 111, '110 background sessions and the caller');

  const recursive = `
codeunit 50217 "Lab Recursive"
{
    trigger OnRun()
    var
        Id: Integer;
    begin
        StartSession(Id, Codeunit::"Lab Recursive");
    end;
}`;
  const r = host([LOG_CODEUNIT, recursive, caller(`StartSession(Id, Codeunit::"Lab Recursive");`)]);
  await r.runCodeunit(50210);
  await r.rt.waitIdle();
  const bg = events(r, 'sessionStarted', { kind: 'Background' });
  assert.equal(bg.length, 14);
  const failed = events(r, 'sessionEnded', { outcome: 'error' });
  assert.equal(failed.length, 1);
  assert.match((failed[0].error as { text: string }).text, /^Excessive recursive session creation detected/);
});

test('§2 StopSession: the target stops before its next statement (immediately in Sleep), its transaction rolls back, a session cannot stop itself, the comment goes to Session Event', async () => {
  const victim = `
codeunit 50218 "Lab Victim"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
    begin
        Log.Add('uncommitted line of the victim');
        Sleep(60000);
        Log.Add('victim woke');
    end;
}`;
  const self = `codeunit 50219 "Lab Self Stop" { trigger OnRun() begin StopSession(SessionId()); end; }`;
  const h = host([LOG_CODEUNIT, victim, self, caller(`
        StartSession(Id, Codeunit::"Lab Victim");
        Sleep(100);
        StopSession(Id, 'stopped by the lab');
        Sleep(1);
        Ev.SetRange("Session ID", Id);
        Ev.SetRange("Event Type", Ev."Event Type"::Stop);
        Ev.FindFirst();
        Log.Add('comment: ' + Ev.Comment);`, 'Ev: Record "Session Event";')]);
  await h.runCodeunit(50210);
  await h.rt.waitIdle();
  const bg = events(h, 'sessionStarted', { kind: 'Background' })[0];
  const end = ended(h, bg.session!)!;
  assert.equal(end.outcome, 'stopped');
  assert.equal(end.t, 100, 'stopped at once while sleeping');
  assert.deepEqual(logLines(h), ['comment: stopped by the lab'], "the victim's uncommitted insert was rolled back");
  const { result } = await h.runCodeunit(50219);
  assert.equal(result.state, 'failed');
  assert.match(result.state === 'failed' ? result.error.text : '', /cannot stop itself/);
});

test('§2 IsSessionActive(SessionId): true while it runs on this server', async () => {
  const napper = `codeunit 50216 "Lab Napper" { trigger OnRun() begin Sleep(1000); end; }`;
  const h = host([LOG_CODEUNIT, napper, caller(`
        StartSession(Id, Codeunit::"Lab Napper");
        Log.Add('running ' + Format(IsSessionActive(Id)));
        Sleep(2000);
        Log.Add('later ' + Format(Session.IsSessionActive(Id)));`)]);
  await h.runCodeunit(50210);
  assert.deepEqual(logLines(h), ['running Yes', 'later No']);
});

test('§2 errors of a background session are not returned to the caller: they end it, are logged, land in Session Event.Comment; Active Session shows Client Type Background', async () => {
  const failing = `codeunit 50214 "Lab Failing" { trigger OnRun() begin Sleep(500); Error('the work failed'); end; }`;
  const h = host([LOG_CODEUNIT, failing, caller(`
        Ok := StartSession(Id, Codeunit::"Lab Failing");
        Active.SetRange("Session ID", Id);
        Active.FindFirst();
        Log.Add('active as ' + Format(Active."Client Type"));
        Sleep(1000);
        Log.Add('caller goes on ' + Format(Ok));
        Ev.SetRange("Session ID", Id);
        Ev.SetRange("Event Type", Ev."Event Type"::Logoff);
        Ev.FindFirst();
        Log.Add('comment: ' + Ev.Comment);`, 'Ev: Record "Session Event"; Active: Record "Active Session";')]);
  const { result } = await h.runCodeunit(50210);
  assert.equal(result.state, 'completed');
  assert.deepEqual(logLines(h), ['active as Background', 'caller goes on Yes', 'comment: the work failed']);
  const bg = events(h, 'sessionStarted', { kind: 'Background' })[0];
  assert.equal(ended(h, bg.session!)!.outcome, 'error');
});

test('§2 a server restart kills running background sessions', async () => {
  const worker = `
codeunit 50224 "Lab Long Worker"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
    begin
        Log.Add('uncommitted work of ' + Format(SessionId()));
        Sleep(60000);
        Log.Add('worker finished');
    end;
}`;
  const page = itemCard(50225, 'Lab Restart Card', `
    trigger OnAfterGetCurrRecord()
    var
        Params: Dictionary of [Text, Text];
        TaskId: Integer;
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Lab Napper");
    end;`);
  const napper = `codeunit 50216 "Lab Napper" { trigger OnRun() begin Sleep(60000); end; }`;
  const scheduler = `
codeunit 50226 "Lab Restart Caller"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Logger";
        Id: Integer;
        I: Integer;
    begin
        for I := 1 to 12 do
            StartSession(Id, Codeunit::"Lab Long Worker");
        TaskScheduler.CreateTask(Codeunit::"Lab Long Worker", 0, true, CompanyName(), CurrentDateTime() + 300000);
        Log.Add('committed before the restart');
    end;
}`;
  const h = host([LOG_CODEUNIT, worker, napper, page, scheduler], { backgroundSessionsMaxConcurrency: 10 });
  const { scenarioFromJson } = await import('../../../../src/runtime/sessions/scenario');
  const r = await h.runScenario(
    scenarioFromJson(
      { steps: [{ runCodeunit: 50226 }, { openPage: 'Lab Restart Card' }, { advanceMs: 1000 }, { restartServer: true }, { waitIdle: true }] },
      'restart.json',
    ),
  );
  assert.equal(r.ok, true, r.failed?.message);
  const restartAt = events(h, 'serverRestart')[0].t;
  assert.equal(restartAt, 1000);
  // The 10 running and 2 queued background sessions ended at the restart, stopped, their work rolled back.
  const bgIds = events(h, 'sessionStarted', { kind: 'Background' }).filter((e) => e.t === 0).map((e) => e.session!);
  assert.equal(bgIds.length, 10);
  assert.equal(events(h, 'sessionQueued').length, 2);
  const killed = events(h, 'sessionEnded', { outcome: 'stopped' }).filter((e) => e.t === restartAt);
  assert.equal(killed.filter((e) => (e.error as { code: string }).code === 'ServerRestart').length, killed.length);
  for (const id of bgIds) assert.ok(killed.some((e) => e.session === id), `background session ${id} ended at the restart`);
  assert.equal(events(h, 'sessionStarted', { kind: 'Background' }).filter((e) => e.t > 0 && e.t < 300000).length, 0, 'queued sessions never started');
  // The client's page task was cancelled, the client session ended and its page closed.
  assert.deepEqual(events(h, 'taskCancelled').map((e) => e.reason), ['serverRestart']);
  assert.equal(events(h, 'pageClosed').length, 1);
  // Session Event holds a Stop row per killed session, with the reason.
  const stops = h.rt.sessionEvents.filter((e) => e.eventType === 'Stop' && /server instance restarted/.test(e.comment));
  assert.equal(stops.length, killed.length);
  assert.ok(stops.length >= 13, 'ten running, two queued, the client');
  // The scheduled task is persisted (Scheduled Task table): it still runs when due, after the restart.
  const late = events(h, 'sessionStarted', { kind: 'Background' }).filter((e) => e.t === 300000);
  assert.equal(late.length, 1);
  assert.deepEqual(logLines(h).slice(0, 1), ['committed before the restart']);
  assert.equal(logLines(h).filter((l) => l.startsWith('uncommitted')).length, 1, 'only the scheduled task, after the restart, wrote');
});

test("§2 fails in install/upgrade code; refused in tests unless the test runner's TestIsolation is Disabled", async () => {
  const napper = `codeunit 50216 "Lab Napper" { trigger OnRun() var Log: Codeunit "Lab Logger"; begin Log.Add('background ran'); end; }`;
  const tryStart = (who: string) => `
        Id := 77;
        Ok := StartSession(Id, Codeunit::"Lab Napper");
        Log.Add('${who}: Ok ' + Format(Ok) + ', Id ' + Format(Id));
        StartSession(Id, Codeunit::"Lab Napper");
        Log.Add('${who}: no error without Ok');`;
  const install = `
codeunit 50230 "Lab Install"
{
    Subtype = Install;
    var
        Log: Codeunit "Lab Logger";
        Id: Integer;
        Ok: Boolean;
    trigger OnInstallAppPerDatabase()
    begin
        Log.Add('per database');
    end;
    trigger OnInstallAppPerCompany()
    begin
        ${tryStart('install')}
    end;
}`;
  const upgrade = `
codeunit 50231 "Lab Upgrade"
{
    Subtype = Upgrade;
    var
        Log: Codeunit "Lab Logger";
        Id: Integer;
        Ok: Boolean;
    trigger OnUpgradePerCompany()
    begin
        ${tryStart('upgrade')}
    end;
}`;
  // Installing and upgrading (the runtime runs an Install / Upgrade codeunit as the app install / upgrade):
  // StartSession is ignored there; nothing starts, with or without Ok.
  const h = host([LOG_CODEUNIT, napper, install, upgrade]);
  for (const cu of [50230, 50231]) {
    const { result } = await h.runCodeunit(cu);
    assert.equal(result.state, 'completed', JSON.stringify(result));
  }
  await h.rt.waitIdle();
  assert.deepEqual(logLines(h), ['per database', 'install: Ok No, Id 77', 'install: no error without Ok', 'upgrade: Ok No, Id 77', 'upgrade: no error without Ok']);
  assert.equal(events(h, 'sessionStarted', { kind: 'Background' }).length, 0);
  assert.deepEqual(events(h, 'startSessionIgnored').map((e) => e.context), ['Install', 'Install', 'Upgrade', 'Upgrade']);
  // Running an upgrade codeunit from AL is a runtime error (CodeCop AA0243).
  const runner = `codeunit 50232 "Lab Run Upgrade" { trigger OnRun() begin Codeunit.Run(Codeunit::"Lab Upgrade"); end; }`;
  const u = host([LOG_CODEUNIT, napper, upgrade, runner]);
  const ran = await u.runCodeunit(50232);
  assert.match(ran.result.state === 'failed' ? ran.result.error.text : '', /^Running an upgrade codeunit is not allowed/);

  // Tests: a test codeunit run by a TestRunner. With TestIsolation Codeunit or Function StartSession fails with
  // BC's error (with Ok too); with Disabled it starts the session.
  const testCodeunit = `
codeunit 50233 "Lab Session Test"
{
    Subtype = Test;
    [Test]
    procedure StartsABackgroundSession()
    var
        Id: Integer;
        Ok: Boolean;
    begin
        Ok := StartSession(Id, Codeunit::"Lab Napper");
    end;
}`;
  const testRunner = (isolation: string) => `
codeunit 50234 "Lab Test Runner"
{
    Subtype = TestRunner;
    ${isolation ? `TestIsolation = ${isolation};` : ''}
    trigger OnRun()
    begin
        Codeunit.Run(Codeunit::"Lab Session Test");
    end;
    trigger OnAfterTestRun(CodeunitId: Integer; CodeunitName: Text; FunctionName: Text; Permissions: TestPermissions; Success: Boolean)
    var
        Log: Codeunit "Lab Logger";
    begin
        Log.Add(FunctionName + ' ' + Format(Success) + ' ' + GetLastErrorText());
    end;
}`;
  const refused = 'Sessions can only be started in tests that are run by a TestRunner that has TestIsolation set to Disabled.';
  for (const isolation of ['Codeunit', 'Function', 'Disabled', '']) {
    const t = host([LOG_CODEUNIT, napper, testCodeunit, testRunner(isolation)]);
    const { result } = await t.runCodeunit(50234);
    assert.equal(result.state, 'completed', JSON.stringify(result));
    await t.rt.waitIdle();
    const verdict = events(t, 'testResult')[0];
    assert.equal(verdict.function, 'StartsABackgroundSession');
    if (isolation === 'Codeunit' || isolation === 'Function') {
      assert.equal(verdict.success, false, isolation);
      assert.equal((verdict.error as { text: string }).text, refused);
      assert.deepEqual(logLines(t), [`StartsABackgroundSession No ${refused}`], 'OnAfterTestRun runs in its own transaction: its log line stays');
      assert.equal(events(t, 'sessionStarted', { kind: 'Background' }).length, 0);
    } else {
      // Disabled (also BC's default when TestIsolation is not set): the session starts and runs.
      assert.equal(verdict.success, true, isolation || 'default');
      assert.equal(events(t, 'sessionStarted', { kind: 'Background' }).length, 1);
      assert.deepEqual(logLines(t).sort(), ['StartsABackgroundSession Yes ', 'background ran'].sort());
    }
  }
});

test('§2 each session costs as much as a user session ("do not use background sessions for small tasks that occur often")', async () => {
  // A background session is a whole session of the calling user: its own logon and logoff, its own row in
  // Active Session, its own transaction and its own SingleInstance codeunit state (nothing is shared with the
  // caller's session). What that costs in time and memory is measured by `npm run bench:sessions`.
  const counter = `
codeunit 50227 "Lab Counter"
{
    SingleInstance = true;
    var
        N: Integer;
    procedure Next(): Integer
    begin
        N += 1;
        exit(N);
    end;
}`;
  const worker = `
codeunit 50228 "Lab Counting Worker"
{
    trigger OnRun()
    var
        C: Codeunit "Lab Counter";
        Log: Codeunit "Lab Logger";
        Active: Record "Active Session";
    begin
        Active.SetRange("Session ID", SessionId());
        Active.FindFirst();
        Log.Add('worker counter ' + Format(C.Next()) + ' user ' + Active."User ID");
    end;
}`;
  const h = host([LOG_CODEUNIT, counter, worker, caller(`
        Log.Add('caller counter ' + Format(C.Next()) + ' ' + Format(C.Next()));
        Commit();
        StartSession(Id, Codeunit::"Lab Counting Worker");
        Sleep(100);
        Log.Add('caller counter ' + Format(C.Next()));`, 'C: Codeunit "Lab Counter";')]);
  await h.runCodeunit(50210);
  await h.rt.waitIdle();
  assert.deepEqual(logLines(h), ['caller counter 1 2', 'worker counter 1 user USER', 'caller counter 3'], JSON.stringify(events(h, 'sessionEnded')));
  const bg = events(h, 'sessionStarted', { kind: 'Background' })[0].session!;
  assert.deepEqual(h.rt.sessionEvents.filter((e) => e.sessionId === bg).map((e) => `${e.eventType} ${e.clientType} ${e.userId}`), ['Logon Background USER', 'Logoff Background USER']);
});
