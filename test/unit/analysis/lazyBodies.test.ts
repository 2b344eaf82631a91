// Indexing with lazy bodies: the declaration parse skims procedure bodies (same model as a full parse, a body that
// does not close is parsed in full), and built bodies are kept within a budget (evicted ones are rebuilt equal, and
// the rules find the same things).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFileModel, setBodyBudget } from '../../../src/analysis/model/fromTree';
import { parseFile } from '../../../src/syntax/index';
import { Workspace } from '../../../src/analysis/model/workspace';
import { lintWorkspace } from '../../../src/analysis/lint';
import { emptyConfig } from '../../../src/analysis/config/lintConfig';
import { completed, customerTable, page } from './rules/fixtures';

const codeunit = `codeunit 50100 "Skim Me"
{
    var
        Flag: Boolean;

    procedure First(var Cust: Record Customer) Result: Boolean
    var
        I: Integer;
    begin
        case Cust.Name of
            'a':
                begin
                    Result := Cust.Name = '';
                end;
        end;
        for I := 1 to 2 do begin
            Flag := not Flag;
        end;
    end;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::"Skim Me", 'OnX', '', false, false)]
    local procedure Second()
    begin
        if Flag then
            exit;
    end;
}
`;

const strip = (m: ReturnType<typeof buildFileModel>) => JSON.stringify(m.objects, (k, v) => (k === 'body' || k === 'lazy' || k === 'blockStart' ? undefined : v instanceof Map ? [...v] : v));

test('skimmed declarations equal a full parse, bodies built later equal the full ones', () => {
  const lazy = buildFileModel('S.Codeunit.al', codeunit, { lazyBodies: true });
  const full = buildFileModel('S.Codeunit.al', codeunit);
  assert.equal(strip(lazy), strip(full));
  const bodies = (m: ReturnType<typeof buildFileModel>) => JSON.stringify(m.objects[0].procedures.map((p) => p.body));
  assert.equal(bodies(lazy), bodies(full));
  assert.match(bodies(lazy), /"k":"case"/);
  // The skimmed tree holds each body as its begin and end keywords only.
  const skim = parseFile(codeunit, { skimBodies: true });
  assert.equal(skim.errors.length, 0);
});

test('a body that does not close is parsed in full, with its error, and the next procedure is still found', () => {
  const broken = codeunit.replace("                    Result := Cust.Name = '';\n                end;\n", '                    Result := true;\n');
  const full = parseFile(broken);
  const skim = parseFile(broken, { skimBodies: true });
  assert.ok(full.errors.length > 0);
  assert.deepEqual(skim.errors.map((e) => e.message), full.errors.map((e) => e.message));
  const lazy = buildFileModel('S.Codeunit.al', broken, { lazyBodies: true });
  assert.deepEqual(lazy.objects[0].procedures.map((p) => p.name), buildFileModel('S.Codeunit.al', broken).objects[0].procedures.map((p) => p.name));
});

test('bodies over the budget are evicted and rebuilt equal; findings do not change', () => {
  const task = `codeunit 50101 "Write Task"
{
    trigger OnRun()
    var
        Cust: Record Customer;
        Results: Dictionary of [Text, Text];
    begin
        Cust.FindFirst();
        Cust.Touch();
        Page.SetBackgroundTaskResult(Results);
    end;
}
`;
  const enqueuer = page(`    trigger OnAfterGetCurrRecord()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Write Task");
    end;

${completed}`);
  const files: Record<string, string> = { 'C.Table.al': customerTable, 'W.Codeunit.al': task, 'P.Page.al': enqueuer };
  const run = () => {
    const ws = new Workspace();
    for (const [p, t] of Object.entries(files)) ws.setFile(buildFileModel(p, t, { lazyBodies: true }));
    return { ws, findings: lintWorkspace(ws, emptyConfig(), { keepHidden: true }).findings.map((f) => `${f.ruleId} ${f.file}:${f.start} ${f.message}`) };
  };
  const roomy = run().findings;
  const old = setBodyBudget(1);
  try {
    const tight = run();
    assert.deepEqual(tight.findings, roomy);
    assert.ok(roomy.some((f) => f.startsWith('BG0005')));
    // With a budget of one character only the last file read keeps its bodies; reading another file's body rebuilds it.
    const table = tight.ws.files.get('C.Table.al')!.objects[0].procedures.find((p) => p.name === 'Touch')!;
    const task2 = tight.ws.files.get('W.Codeunit.al')!.objects[0].procedures[0];
    const a = table.body;
    void task2.body;
    const b = table.body;
    assert.notEqual(a, b, 'evicted and rebuilt');
    assert.deepEqual(b, a);
  } finally {
    setBodyBudget(old);
  }
});
