// The example workspace (examples/customer-card) through the Engine: codeunit 50100's OnRun with page task
// parameters, the page extension's triggers (enqueue, completion, error), the action's StartSession, and
// codeunit 50101 blocking every customer through the real store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineImpl } from '../../../src/runtime/interpreter/engine';
import { Database } from '../../../src/runtime/store';
import { TestServices, detached, drive } from './support';

const dir = join(__dirname, '..', '..', '..', 'examples', 'customer-card');

function load() {
  const engine = new EngineImpl();
  const files = [join(dir, 'app.json'), ...readdirSync(join(dir, 'src')).map((f) => join(dir, 'src', f))].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const res = engine.load(files);
  assert.deepEqual(res.errors, []);
  const db = new Database(engine.tables());
  const services = new TestServices(db.begin(1));
  const cust = engine.tables().find((t) => t.name === 'Customer')!;
  services.tx.insert(cust, new Map<number, never>([[1, '10000' as never], [2, 'Adatum' as never]]));
  services.tx.insert(cust, new Map<number, never>([[1, '20000' as never], [2, 'Trey' as never]]));
  services.tx.commit();
  return { engine, db, services, cust };
}

test('the workspace loads with every object', () => {
  const { engine } = load();
  assert.equal(engine.tables().find((t) => t.id === 18)?.name, 'Customer');
});

test('codeunit 50100 reads Wait, sleeps on the session clock and returns started/waited/finished', () => {
  const { engine, services } = load();
  services.backgroundParameters = new Map([['Wait', '1500']]);
  const exec = engine.start(services, { kind: 'codeunitRun', codeunit: 50100 }, detached);
  const first = exec.run(1000);
  assert.equal(first.state, 'sleeping');
  assert.equal(first.state === 'sleeping' && first.until, services.clock.now() + 1500);
  services.clock.t += 1500;
  assert.equal(exec.run(1000).state, 'completed');
  assert.deepEqual([...services.backgroundResult!.entries()], [['started', '9:30:00 AM'], ['waited', '1500'], ['finished', '9:30:01.5 AM']]);
});

test('codeunit 50100 fails with its own error when Wait is not a number', () => {
  const { engine, services } = load();
  services.backgroundParameters = new Map([['Wait', 'soon']]);
  const r = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50100 }, detached), services);
  assert.equal(r.state, 'failed');
  assert.equal(r.state === 'failed' && r.error.text, 'Could not parse the Wait parameter.');
  assert.match(r.state === 'failed' ? r.error.callStack : '', /"PBTWaitCodeunit"\(CodeUnit 50100\)\.OnRun line \d+ - Customer Card Background Tasks/);
});

test('the page extension enqueues in OnAfterGetRecord and fills its fields when the task completes', () => {
  const { engine, services } = load();
  const page = engine.openPage(services, 'Customer Card');
  assert.deepEqual(page.layout.groups.map((g) => g.name), ['General', 'BackgroundTask']);
  assert.deepEqual(page.layout.actions.map((a) => a.name), ['BlockAllCustomers']);
  page.setCurrentRecord(['10000']);
  assert.equal(page.currentRecordId(), 'Customer: 10000');
  assert.equal(drive(engine.start(services, { kind: 'pageTrigger', page, trigger: 'OnAfterGetRecord' }, detached), services).state, 'completed');
  assert.equal(services.enqueued.length, 1);
  assert.deepEqual({ ...services.enqueued[0], parameters: [...services.enqueued[0].parameters] }, { codeunitId: 50100, parameters: [['Wait', '1000']], timeoutMs: 10000, errorLevel: 'Warning' });
  const results = new Map([['started', '9:30:00 AM'], ['waited', '1,000'], ['finished', '9:30:01 AM']]);
  drive(engine.start(services, { kind: 'pageTrigger', page, trigger: 'OnPageBackgroundTaskCompleted', args: [1, results] }, detached), services);
  const values = page.fieldValues();
  assert.equal(values.get('Name'), 'Adatum');
  assert.equal(values.get('Before1'), '9:30:00 AM');
  assert.equal(values.get('Duration1'), '1,000');
  // A stale task id is ignored.
  drive(engine.start(services, { kind: 'pageTrigger', page, trigger: 'OnPageBackgroundTaskCompleted', args: [7, new Map([['started', 'x'], ['waited', 'y'], ['finished', 'z']])] }, detached), services);
  assert.equal(page.fieldValues().get('Before1'), '9:30:00 AM');
});

test('OnPageBackgroundTaskError reads back var IsHandled and writes the field', () => {
  const { engine, services } = load();
  const page = engine.openPage(services, 21);
  page.setCurrentRecord(['20000']);
  drive(engine.start(services, { kind: 'pageTrigger', page, trigger: 'OnAfterGetRecord' }, detached), services);
  const r = drive(engine.start(services, { kind: 'pageTrigger', page, trigger: 'OnPageBackgroundTaskError', args: [1, 'ChildSessionTaskTimeout', 'timeout', '', false] }, detached), services);
  assert.equal(r.state, 'completed');
  assert.deepEqual(r.state === 'completed' && r.value, [1, 'ChildSessionTaskTimeout', 'timeout', '', false]);
  assert.equal(page.fieldValues().get('Before1'), 'Task failed: ChildSessionTaskTimeout');
});

test('the action starts codeunit 50101 in a background session; the codeunit blocks every customer', () => {
  const { engine, services, cust } = load();
  const page = engine.openPage(services, 21);
  page.setCurrentRecord(['10000']);
  assert.equal(drive(engine.start(services, { kind: 'pageAction', page, action: 'BlockAllCustomers' }, detached), services).state, 'completed');
  assert.equal(services.started[0].codeunitId, 50101);
  assert.deepEqual(services.messages, ['Blocking customers in background session 101.']);
  const r = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50101 }, detached), services);
  assert.equal(r.state, 'completed');
  const rows = services.tx.find(cust, { filters: [], keyFields: [1], ascending: true });
  assert.deepEqual(rows.map((x) => x.row.get(39)), [3, 3]);
});

test('a failed StartSession without Ok is an error; the action reports it', () => {
  const { engine, services } = load();
  services.startFails = { code: 'X', text: 'too many sessions', callStack: '' };
  const page = engine.openPage(services, 21);
  const r = drive(engine.start(services, { kind: 'pageAction', page, action: 'BlockAllCustomers' }, detached), services);
  assert.equal(r.state === 'failed' && r.error.text, 'The background session could not be started.');
});

test('a value typed into a page field runs the table field OnValidate, then the page field OnValidate', () => {
  const engine = new EngineImpl();
  const table = readFileSync(join(dir, 'src', 'Customer.Table.al'), 'utf8').replace("field(2; Name; Text[100])\n        {\n            Caption = 'Name';", "field(2; Name; Text[100])\n        {\n            Caption = 'Name';\n            trigger OnValidate()\n            begin\n                City := 'from table';\n            end;");
  const res = engine.load([
    { path: '/ws/Customer.Table.al', text: table },
    { path: '/ws/Enum.al', text: readFileSync(join(dir, 'src', 'CustomerBlocked.Enum.al'), 'utf8') },
    { path: '/ws/Page.al', text: `page 21 "Customer Card"
{
    SourceTable = Customer;
    layout
    {
        area(Content)
        {
            field(Name; Rec.Name)
            {
                trigger OnValidate()
                begin
                    Rec.City += ' then page';
                    Note := 'validated ' + Rec.Name;
                end;
            }
            field(Note; Note) { }
            field(Count; Counter) { }
        }
    }
    var
        Note: Text;
        Counter: Integer;
}` },
  ]);
  assert.deepEqual(res.errors, []);
  const services = new TestServices(new Database(engine.tables()).begin(1));
  const page = engine.openPage(services, 21);
  assert.equal(drive(engine.start(services, { kind: 'pageFieldValidate', page, field: 'Name', value: 'Fabrikam' }, detached), services).state, 'completed');
  assert.equal(drive(engine.start(services, { kind: 'pageFieldValidate', page, field: 'Count', value: '42' }, detached), services).state, 'completed');
  const v = page.fieldValues();
  assert.equal(v.get('Name'), 'Fabrikam');
  assert.equal(v.get('Note'), 'validated Fabrikam');
  assert.equal(v.get('Count'), '42');
  const r = drive(engine.start(services, { kind: 'pageFieldValidate', page, field: 'Count', value: 'many' }, detached), services);
  assert.match(r.state === 'failed' ? r.error.text : '', /not a valid Integer/);
  const city = (page as unknown as { rec: { f(id: number): unknown } }).rec.f(7);
  assert.equal(city, 'from table then page');
});
