// Test runners and test codeunits on the session runtime: [Test] procedures run after OnRun, a failing test does
// not stop the others, OnBeforeTestRun can skip a test, OnBeforeTestRun / OnAfterTestRun keep their writes (own
// transactions), and TestIsolation decides what the tests' writes leave behind (Commit inside is ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_CODEUNIT, events, host, insertingItem, logLines } from './conformance/harness';

const TESTS = `
codeunit 50301 "Lab Item Tests"
{
    Subtype = Test;
${insertingItem('trigger OnRun()', 'ONRUN')}

    [Test]${insertingItem('procedure InsertsAndCommits()', 'T1', 'Commit();')}

    [Test]${insertingItem('procedure Fails()', 'T2', "Error('expected failure');")}

    [Test]${insertingItem('procedure Skipped()', 'T3')}

    [Test]${insertingItem('procedure InsertsAgain()', 'T4')}

    procedure NotATest()
    begin
        Error('helpers do not run');
    end;
}`;

const runner = (isolation: string) => `
codeunit 50300 "Lab Runner"
{
    Subtype = TestRunner;
    TestIsolation = ${isolation};
    trigger OnRun()
    begin
        Codeunit.Run(Codeunit::"Lab Item Tests");
    end;
    trigger OnBeforeTestRun(CodeunitId: Integer; CodeunitName: Text; FunctionName: Text; Permissions: TestPermissions): Boolean
    begin
        exit(FunctionName <> 'Skipped');
    end;
    trigger OnAfterTestRun(CodeunitId: Integer; CodeunitName: Text; FunctionName: Text; Permissions: TestPermissions; Success: Boolean)
    var
        Log: Codeunit "Lab Logger";
    begin
        Log.Add(CodeunitName + '.' + FunctionName + ' ' + Format(Success));
    end;
}`;

function items(h: ReturnType<typeof host>): string[] {
  const tx = h.db.begin(0);
  const rows = tx.find(h.db.table('Lab Item'), { filters: [], keyFields: [1], ascending: true });
  tx.rollback();
  return rows.map((r) => String(r.row.get(1))).filter((k) => !['A', 'B', 'C'].includes(k));
}

for (const [isolation, left] of [
  ['Disabled', ['ONRUN', 'T1', 'T4']],
  ['Codeunit', []],
  ['Function', []],
] as const) {
  test(`TestIsolation ${isolation}: tests run in order, a failure does not stop the others, the runner's triggers keep their writes`, async () => {
    const h = host([LOG_CODEUNIT, TESTS, runner(isolation)]);
    const { result } = await h.runCodeunit(50300);
    assert.equal(result.state, 'completed', JSON.stringify(result));
    assert.deepEqual(
      events(h, 'testResult').map((e) => `${e.function || 'OnRun'} ${e.success}`),
      ['OnRun true', 'InsertsAndCommits true', 'Fails false', 'InsertsAgain true'],
    );
    assert.equal((events(h, 'testResult', { function: 'Fails' })[0].error as { text: string }).text, 'expected failure');
    assert.deepEqual(logLines(h), ['Lab Item Tests. Yes', 'Lab Item Tests.InsertsAndCommits Yes', 'Lab Item Tests.Fails No', 'Lab Item Tests.InsertsAgain Yes']);
    assert.deepEqual(items(h), [...left]);
    if (isolation !== 'Disabled') assert.equal(events(h, 'commit', { ignored: true }).length, 1, 'Commit inside the isolated scope is ignored');
  });
}

test('a test codeunit run without a test runner runs its tests as with TestIsolation Disabled', async () => {
  const h = host([LOG_CODEUNIT, TESTS]);
  const { result } = await h.runCodeunit(50301);
  assert.equal(result.state, 'completed');
  assert.deepEqual(events(h, 'testResult').map((e) => `${e.function || 'OnRun'} ${e.success}`), ['OnRun true', 'InsertsAndCommits true', 'Fails false', 'Skipped true', 'InsertsAgain true']);
  assert.deepEqual(items(h), ['ONRUN', 'T1', 'T3', 'T4']);
});

