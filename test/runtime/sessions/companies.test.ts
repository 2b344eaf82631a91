// Companies: StartSession / TaskScheduler.CreateTask in another company run their transaction there (per-company
// tables see that company's rows, DataPerCompany = false tables are shared), CompanyName() says it, the timeline and
// Session Event rows carry it, an unknown company fails; Record.ChangeCompany; scenarios naming companies. Through
// the public runtime API on the virtual clock, and the shipped CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { events, host, insertingItem, itemCard } from './conformance/harness';
import type { RuntimeHost } from '../../../src/runtime/sessions/host';
import { scenarioFromJson } from '../../../src/runtime/sessions/scenario';

const SHARED = `
table 50340 "Lab Shared Log"
{
    DataPerCompany = false;
    fields
    {
        field(1; "Entry No."; Integer) { }
        field(2; Text; Text[250]) { }
    }
    keys { key(PK; "Entry No.") { Clustered = true; } }
}`;

const SHARED_LOGGER = `
codeunit 50341 "Lab Shared Logger"
{
    var
        Lines: Integer;

    // Keyed by session, so sessions running side by side do not collide on the entry number.
    procedure Add(Line: Text)
    var
        L: Record "Lab Shared Log";
    begin
        Lines += 1;
        L.Init();
        L."Entry No." := SessionId() * 100 + Lines;
        L.Text := CopyStr(Line, 1, 250);
        L.Insert();
    end;
}`;

const WORKER = `
codeunit 50342 "Lab Company Worker"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Shared Logger";
        Item: Record "Lab Item";
    begin
        Log.Add('worker in ' + CompanyName() + ' sees ' + Format(Item.Count()) + ' items');
        Item.Init();
        Item."No." := 'NEW' + Format(SessionId());
        Item.Description := 'made in ' + CompanyName();
        Item.Insert();
    end;
}`;

const STARTER = `
codeunit 50343 "Lab Company Starter"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Shared Logger";
        Id: Integer;
    begin
        StartSession(Id, Codeunit::"Lab Company Worker", 'fabrikam');
        if not StartSession(Id, Codeunit::"Lab Company Worker", 'Nowhere Inc.') then
            Log.Add('refused: ' + GetLastErrorText());
        StartSession(Id, Codeunit::"Lab Company Worker");
        TaskScheduler.CreateTask(Codeunit::"Lab Company Worker", 0, true, 'Fabrikam', CurrentDateTime() + 1000);
    end;
}`;

function companyHost(): RuntimeHost {
  const h = host([SHARED, SHARED_LOGGER, WORKER, STARTER], { companies: ['Fabrikam'] });
  h.seedData({ 'Lab Item': [{ 'No.': 'F1', Description: 'Fabrikam item' }] }, '<test>', {}, 'Fabrikam');
  return h;
}

function rows(h: RuntimeHost, table: string, company?: string): string[] {
  const tx = h.db.begin(0, company);
  const out = tx.find(h.db.table(table), { filters: [], keyFields: [], ascending: true }).map((r) => `${String(r.row.get(1))}:${String(r.row.get(2))}`);
  tx.rollback();
  return out;
}

test('StartSession and CreateTask in another company: its rows, CompanyName(), shared tables, timeline and Session Event', async () => {
  const h = companyHost();
  const { result } = await h.runCodeunit(50343);
  assert.equal(result.state, 'completed', JSON.stringify(result));
  await h.rt.waitIdle();
  const log = rows(h, 'Lab Shared Log').map((l) => l.replace(/^\d+:/, ''));
  assert.deepEqual(log, ["refused: The company 'Nowhere Inc.' does not exist in the database.", 'worker in Fabrikam sees 1 items', 'worker in CRONUS International Ltd. sees 3 items', 'worker in Fabrikam sees 2 items']);
  // Per-company data stayed in its company; the shared log is the same table from either company.
  const noIds = (r: string[]) => r.map((x) => x.replace(/^NEW\d+/, 'NEW'));
  assert.deepEqual(noIds(rows(h, 'Lab Item', 'Fabrikam')), ['F1:Fabrikam item', 'NEW:made in Fabrikam', 'NEW:made in Fabrikam']);
  assert.deepEqual(noIds(rows(h, 'Lab Item')).filter((r) => r.startsWith('NEW')), ['NEW:made in CRONUS International Ltd.']);
  assert.deepEqual(rows(h, 'Lab Shared Log', 'Fabrikam'), rows(h, 'Lab Shared Log'));
  // The scheduled task ran one second later in Fabrikam and saw the first worker's item.
  assert.equal(events(h, 'sessionEnded', { outcome: 'error' }).length, 0);
  const started = events(h, 'sessionStarted', { kind: 'Background' });
  assert.deepEqual(started.map((e) => e.company), ['Fabrikam', 'CRONUS International Ltd.', 'Fabrikam']);
  assert.equal(events(h, 'scheduledTask')[0].company, 'Fabrikam');
  const bgIds = started.map((e) => e.session as number);
  const logons = h.rt.sessionEvents.filter((e) => bgIds.includes(e.sessionId) && e.eventType === 'Logon').map((e) => e.company);
  assert.deepEqual(logons, ['Fabrikam', 'CRONUS International Ltd.', 'Fabrikam']);
  assert.equal(h.rt.sessionInfo(h.rt.sessions.get(bgIds[0])!).company, 'Fabrikam');
});

test('without Ok an unknown company is a runtime error; CreateTask too; a session in a company starts its children there', async () => {
  const h = host(
    [
      `codeunit 50344 "Lab Bad Company" { trigger OnRun() var Id: Integer; begin StartSession(Id, Codeunit::"Lab Bad Company", 'Contoso'); end; }`,
      `codeunit 50345 "Lab Bad Task" { trigger OnRun() begin TaskScheduler.CreateTask(Codeunit::"Lab Bad Task", 0, true, 'Contoso', 0DT); end; }`,
      `codeunit 50346 "Lab Inherit" { trigger OnRun() var Id: Integer; begin if CompanyName() = 'Fabrikam' then StartSession(Id, Codeunit::"Lab Inherit"); end; }`,
    ],
    { companies: ['Fabrikam'] },
  );
  const bad = await h.runCodeunit(50344);
  assert.equal(bad.result.state, 'failed');
  assert.equal(bad.result.state === 'failed' && bad.result.error.text, "The company 'Contoso' does not exist in the database.");
  const badTask = await h.runCodeunit(50345);
  assert.equal(badTask.result.state === 'failed' && badTask.result.error.code, 'CompanyNotFound');
  const { session } = await h.runCodeunit(50346, 'FABRIKAM');
  await h.rt.waitIdle();
  assert.equal(session.company, 'Fabrikam', 'the database spelling');
  const child = events(h, 'sessionStarted', { parent: session.id })[0];
  assert.equal(child.company, 'Fabrikam', "BC: by default the session starts in the caller's company");
  await assert.rejects(h.runCodeunit(50346, 'Contoso'), /there is no company "Contoso" in the database/);
});

test('Record.ChangeCompany reads and writes another company in the same transaction; unknown companies; CurrentCompany', async () => {
  const h = host(
    [
      SHARED,
      SHARED_LOGGER,
      `
codeunit 50347 "Lab Change Company"
{
    trigger OnRun()
    var
        Log: Codeunit "Lab Shared Logger";
        Item: Record "Lab Item";
        Other: Record "Lab Item";
    begin
        Other.ChangeCompany('Fabrikam');
        Log.Add(Other.CurrentCompany() + ' ' + Format(Other.Count()) + ' / ' + Item.CurrentCompany() + ' ' + Format(Item.Count()));
        Other.Init();
        Other."No." := 'X1';
        Other.Insert();
        if not Other.ChangeCompany('Nowhere') then Log.Add('no such company: ' + GetLastErrorText());
        Other.Reset();
        Log.Add('after Reset: ' + Other.CurrentCompany() + ' ' + Format(Other.Count()));
        Clear(Other);
        Log.Add('after Clear: ' + Other.CurrentCompany() + ' ' + Format(Other.Count()));
    end;
}`,
      `
codeunit 50348 "Lab Change Company Fails"
{
    trigger OnRun()
    var
        Other: Record "Lab Item";
    begin
        Other.ChangeCompany('Fabrikam');
        Other.Init();
        Other."No." := 'X2';
        Other.Insert();
        Error('roll back both companies');
    end;
}`,
      `codeunit 50349 "Lab Change Unknown" { trigger OnRun() var Other: Record "Lab Item"; begin Other.ChangeCompany('Nowhere'); end; }`,
    ],
    { companies: ['Fabrikam'] },
  );
  const ok = await h.runCodeunit(50347);
  assert.equal(ok.result.state, 'completed', JSON.stringify(ok.result));
  assert.deepEqual(rows(h, 'Lab Shared Log').map((l) => l.replace(/^\d+:/, '')), [
    'Fabrikam 0 / CRONUS International Ltd. 3',
    "no such company: The company 'Nowhere' does not exist in the database.",
    'after Reset: Fabrikam 1',
    'after Clear: CRONUS International Ltd. 3',
  ]);
  assert.deepEqual(rows(h, 'Lab Item', 'Fabrikam'), ['X1:']);
  assert.deepEqual(events(h, 'write', { table: 'Lab Item' }).map((e) => [e.op, e.company]), [['Insert', 'Fabrikam']], 'the write event names the other company');
  const failed = await h.runCodeunit(50348);
  assert.equal(failed.result.state, 'failed');
  assert.deepEqual(rows(h, 'Lab Item', 'Fabrikam'), ['X1:'], "the failed call's insert in Fabrikam rolled back with its transaction");
  const unknown = await h.runCodeunit(50349);
  assert.equal(unknown.result.state === 'failed' && unknown.result.error.text, "The company 'Nowhere' does not exist in the database.");
});

test('scenarios name companies: "companies", "companyData" and runCodeunit "company"; bad shapes are refused with the line', async () => {
  const scenario = scenarioFromJson(
    {
      companies: ['Contoso'],
      companyData: { Fabrikam: { 'Lab Item': [{ 'No.': 'F1' }, { 'No.': 'F2' }] } },
      steps: [{ runCodeunit: 50350, company: 'Fabrikam' }, { runCodeunit: 50350, company: 'Contoso' }, { runCodeunit: 50350 }],
    },
    'companies.json',
  );
  const h = host([SHARED, SHARED_LOGGER, `codeunit 50350 "Lab Count" { trigger OnRun() var Log: Codeunit "Lab Shared Logger"; Item: Record "Lab Item"; begin Log.Add(CompanyName() + ' ' + Format(Item.Count())); end; }`]);
  const r = await h.runScenario(scenario);
  assert.ok(r.ok, r.failed?.message);
  assert.deepEqual(rows(h, 'Lab Shared Log').map((l) => l.replace(/^\d+:/, '')), ['Fabrikam 2', 'Contoso 0', 'CRONUS International Ltd. 3']);
  assert.throws(() => scenarioFromJson({ companies: 'Fabrikam', steps: [] }, 'bad.json'), /bad\.json:1: "companies" must be an array of company names/);
  assert.throws(() => scenarioFromJson({ companyData: { Fabrikam: [] }, steps: [] }, 'bad.json'), /"companyData"\."Fabrikam" must be an object of table name -> array of rows/);
  const missing = await host([`codeunit 50351 "Lab Nothing" { trigger OnRun() begin end; }`]).runScenario(scenarioFromJson({ steps: [{ runCodeunit: 50351, company: 'Fabrikam' }] }, 's.json'));
  assert.match(missing.failed?.message ?? '', /s\.json:1: step 1 \(runCodeunit\) could not be done: there is no company "Fabrikam" in the database/);
});

test('run --json (the shipped CLI): the companies setting and the events say the company', () => {
  const ws = mkdtempSync(join(tmpdir(), 'lab-companies-'));
  mkdirSync(join(ws, 'src'));
  writeFileSync(join(ws, 'src', 'Item.Table.al'), `table 50360 "Lab Item" { fields { field(1; "No."; Code[20]) { } } keys { key(PK; "No.") { } } }`);
  writeFileSync(
    join(ws, 'src', 'Start.Codeunit.al'),
    `codeunit 50361 "Lab Start" { trigger OnRun() var Id: Integer; begin StartSession(Id, Codeunit::"Lab Start Worker", 'Fabrikam'); end; }
codeunit 50362 "Lab Start Worker" { trigger OnRun() var Item: Record "Lab Item"; begin Message('%1 has %2', CompanyName(), Item.Count()); end; }`,
  );
  writeFileSync(join(ws, 'scenario.json'), JSON.stringify({ companyData: { Fabrikam: { 'Lab Item': [{ 'No.': 'A' }] } }, steps: [{ runCodeunit: 50361 }, { waitIdle: true }] }));
  const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
  const json = spawnSync(process.execPath, [cli, 'run', ws, '--scenario', join(ws, 'scenario.json'), '--json', '--set', 'companyName=Main Co.,companies=Other|Third'], { encoding: 'utf8' });
  assert.equal(json.status, 0, json.stderr);
  const evs = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const bg = evs.find((e) => e.event === 'sessionStarted' && e.kind === 'Background')!;
  assert.equal(bg.company, 'Fabrikam');
  assert.equal(evs.find((e) => e.event === 'sessionStarted' && e.kind === 'Foreground')!.company, 'Main Co.');
  assert.equal(evs.find((e) => e.event === 'message' && e.session === bg.session)!.text, 'Fabrikam has 1');
  const human = spawnSync(process.execPath, [cli, 'run', ws, '--scenario', join(ws, 'scenario.json')], { encoding: 'utf8' });
  assert.match(human.stdout, /started Background session running Codeunit 50362 \(parent 1\) in company "Fabrikam"/);
  const bad = spawnSync(process.execPath, [cli, 'run', ws, '--scenario', join(ws, 'scenario.json'), '--set', 'companies='], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /setting 'companies' needs company names/);
});

test('installing the app runs OnInstallAppPerCompany once in every company, OnInstallAppPerDatabase once', async () => {
  const h = host(
    [
      SHARED,
      SHARED_LOGGER,
      `
codeunit 50352 "Lab Install"
{
    Subtype = Install;
    var
        Log: Codeunit "Lab Shared Logger";
    trigger OnInstallAppPerDatabase()
    begin
        Log.Add('per database in ' + CompanyName());
    end;
${insertingItem('trigger OnInstallAppPerCompany()', 'SETUP', "Log.Add('per company in ' + CompanyName() + ': ' + Format(Item.Count()) + ' items');")}
}`,
    ],
    { companies: ['Fabrikam', 'Contoso'] },
  );
  const { result, session } = await h.runCodeunit(50352);
  assert.equal(result.state, 'completed', JSON.stringify(result));
  assert.deepEqual(rows(h, 'Lab Shared Log').map((l) => l.replace(/^\d+:/, '')), [
    'per database in CRONUS International Ltd.',
    'per company in CRONUS International Ltd.: 4 items',
    'per company in Fabrikam: 1 items',
    'per company in Contoso: 1 items',
  ]);
  for (const c of ['Fabrikam', 'Contoso']) assert.deepEqual(rows(h, 'Lab Item', c), ['SETUP:']);
  assert.equal(session.company, 'CRONUS International Ltd.', 'the session is back in its company');
});

test('a page opened in another company shows that company\'s rows; its page background task runs there too', async () => {
  const h = host(
    [
      `
codeunit 50353 "Lab Company Task"
{
    trigger OnRun()
    var
        Results: Dictionary of [Text, Text];
        Item: Record "Lab Item";
    begin
        Results.Add('Where', CompanyName() + ' ' + Format(Item.Count()));
        Page.SetBackgroundTaskResult(Results);
    end;
}`,
      itemCard(50354, 'Lab Company Card', `
    var
        WhereText: Text;
    trigger OnAfterGetCurrRecord()
    var
        Id: Integer;
        Params: Dictionary of [Text, Text];
    begin
        CurrPage.EnqueueBackgroundTask(Id, Codeunit::"Lab Company Task", Params);
    end;
    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        WhereText := Results.Get('Where');
    end;`, 'field(Description; Rec.Description) { } field(Where; WhereText) { }'),
    ],
    { companies: ['Fabrikam'] },
  );
  const scenario = scenarioFromJson(
    {
      companyData: { Fabrikam: { 'Lab Item': [{ 'No.': 'A', Description: 'Fabrikam A' }] } },
      steps: [{ openPage: 'Lab Company Card', record: { 'No.': 'A' }, company: 'Fabrikam' }, { waitIdle: true }, { openPage: 'Lab Company Card', record: { 'No.': 'A' } }, { waitIdle: true }],
    },
    'pages.json',
  );
  const r = await h.runScenario(scenario);
  assert.ok(r.ok, r.failed?.message);
  const shown = events(h, 'pageField').filter((e) => e.field === 'Description' || e.field === 'Where').map((e) => `${String(e.field)}=${String(e.value)}`);
  assert.deepEqual(shown, ['Description=Fabrikam A', 'Where=Fabrikam 1', 'Description=Alpha', 'Where=CRONUS International Ltd. 3']);
  const clients = events(h, 'sessionStarted', { kind: 'Foreground' }).map((e) => e.company);
  assert.deepEqual(clients, ['Fabrikam', 'CRONUS International Ltd.'], 'one client session per company');
  const bad = await h.runScenario(scenarioFromJson({ steps: [{ openPage: 'Lab Company Card', company: 'Nowhere' }] }, 'bad.json'));
  assert.match(bad.failed?.message ?? '', /there is no company "Nowhere" in the database/);
});

test('RecordRef.Open(Table, Temporary, Company) and RecordRef.ChangeCompany reach the other company; unknown ones fail', async () => {
  const h = host(
    [
      `
codeunit 50355 "Lab RecordRef Company"
{
    trigger OnRun()
    var
        RecRef: RecordRef;
        Other: RecordRef;
    begin
        RecRef.Open(Database::"Lab Item", false, 'Fabrikam');
        Message(RecRef.CurrentCompany() + ' ' + Format(RecRef.Count()));
        Other.Open(Database::"Lab Item");
        Message(Other.CurrentCompany() + ' ' + Format(Other.Count()));
        Other.ChangeCompany('Fabrikam');
        Message(Other.CurrentCompany() + ' ' + Format(Other.Count()));
        RecRef.Close();
        RecRef.Open(Database::"Lab Item", false, 'Nowhere');
    end;
}`,
    ],
    { companies: ['Fabrikam'] },
  );
  h.seedData({ 'Lab Item': [{ 'No.': 'F1' }, { 'No.': 'F2' }] }, '<test>', {}, 'Fabrikam');
  const { result } = await h.runCodeunit(50355);
  assert.equal(result.state === 'failed' && result.error.text, "The company 'Nowhere' does not exist in the database.");
  assert.deepEqual(events(h, 'message').map((e) => e.text), ['Fabrikam 2', 'CRONUS International Ltd. 3', 'Fabrikam 2']);
});
