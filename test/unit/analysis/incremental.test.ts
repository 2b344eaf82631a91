// The whole-workspace rules reuse results across edits (walk and per-file memos, StartSession reachers, the
// declaration epoch): after every edit of a scripted session, the incremental workspace must report exactly what a
// workspace built from scratch reports. Each edit is also checked to change the findings where the script says so,
// so a memo that wrongly holds cannot pass.
import assert from 'node:assert/strict';
import test from 'node:test';
import { emptyConfig } from '../../../src/analysis/config/lintConfig';
import { lintWorkspace } from '../../../src/analysis/lint';
import { declarationEpoch } from '../../../src/analysis/model/declarations';
import { buildFileModel } from '../../../src/analysis/model/fromTree';
import { Workspace } from '../../../src/analysis/model/workspace';
import { workspaceOf } from '../../helpers/ruleHarness';

const files: Record<string, string> = {
  'Customer.Table.al': `table 18 Customer
{
    fields
    {
        field(1; Name; Text[100]) { }
    }
}
`,
  'CustCard.Page.al': `page 50100 "Cust Card"
{
    PageType = Card;
    SourceTable = Customer;

    layout
    {
        area(Content)
        {
            field(Name; Rec.Name) { }
        }
    }

    var
        TaskId: Integer;

    trigger OnAfterGetCurrRecord()
    var
        Args: Dictionary of [Text, Text];
    begin
        Args.Add('k', 'v');
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Task", Args);
    end;

    trigger OnPageBackgroundTaskCompleted(Id: Integer; Results: Dictionary of [Text, Text])
    begin
        Message(Results.Get('a'));
    end;
}
`,
  'Task.Codeunit.al': `codeunit 50101 "Task"
{
    trigger OnRun()
    var
        Helper: Codeunit Helper;
        R: Dictionary of [Text, Text];
    begin
        Helper.DoIt();
        R.Add('a', '1');
        Page.SetBackgroundTaskResult(R);
    end;
}
`,
  'Helper.Codeunit.al': `codeunit 50102 Helper
{
    procedure DoIt()
    begin
        Message('x');
    end;
}
`,
  'Starter.Codeunit.al': `codeunit 50103 Starter
{
    procedure StartIt()
    var
        Id: Integer;
    begin
        StartSession(Id, Codeunit::Worker);
    end;
}
`,
  'Looper.Codeunit.al': `codeunit 50104 Looper
{
    procedure Go()
    var
        S: Codeunit Starter;
        i: Integer;
    begin
        for i := 1 to 3 do
            S.StartIt();
    end;
}
`,
  'Worker.Codeunit.al': `codeunit 50105 Worker
{
    trigger OnRun()
    begin
    end;
}
`,
  'Unrelated.Codeunit.al': `codeunit 50106 Unrelated
{
    procedure X()
    begin
    end;
}
`,
  'Inst.Codeunit.al': `codeunit 50107 Inst
{
    Subtype = Install;

    trigger OnInstallAppPerCompany()
    var
        L: Codeunit Looper;
    begin
    end;
}
`,
};

interface Edit {
  what: string;
  file: string;
  /** Replace the first occurrence of `from` by `to`; `remove` deletes the file, `text` sets it whole. */
  from?: string;
  to?: string;
  remove?: boolean;
  text?: string;
  /** Whether the findings must differ from the previous step's. */
  changes: boolean;
}

const edits: Edit[] = [
  { what: 'a body nobody walks', file: 'Unrelated.Codeunit.al', from: 'begin\n    end;', to: "begin\n        Message('hi');\n    end;", changes: false },
  { what: 'a body the task walk enters: Message becomes Confirm', file: 'Helper.Codeunit.al', from: "Message('x')", to: "Confirm('x')", changes: true },
  { what: 'a new procedure (declarations change)', file: 'Unrelated.Codeunit.al', from: 'procedure X()', to: "procedure Y()\n    begin\n        StrMenu('a,b');\n    end;\n\n    procedure X()", changes: false },
  { what: 'the task calls the new procedure', file: 'Task.Codeunit.al', from: 'Helper.DoIt();', to: 'Helper.DoIt();\n        U.Y();', changes: false },
  { what: 'the task declares the variable', file: 'Task.Codeunit.al', from: 'Helper: Codeunit Helper;', to: 'Helper: Codeunit Helper;\n        U: Codeunit Unrelated;', changes: true },
  { what: 'the newly reached body changes', file: 'Unrelated.Codeunit.al', from: "StrMenu('a,b')", to: "Hyperlink('x')", changes: true },
  { what: 'install code starts calling the loop', file: 'Inst.Codeunit.al', from: 'begin\n    end;', to: 'begin\n        L.Go();\n    end;', changes: true },
  { what: 'an unrelated body again', file: 'Worker.Codeunit.al', from: 'begin\n    end;', to: "begin\n        Message('w');\n    end;", changes: true },
  { what: 'StartSession removed from the helper', file: 'Starter.Codeunit.al', from: 'StartSession(Id, Codeunit::Worker);', to: 'Id := 1;', changes: true },
  { what: 'StartSession back', file: 'Starter.Codeunit.al', from: 'Id := 1;', to: 'StartSession(Id, Codeunit::Worker);', changes: true },
  { what: 'the page shifts its code down', file: 'CustCard.Page.al', from: '    var\n        TaskId', to: '    // a comment that moves every offset below\n    var\n        TaskId', changes: true },
  { what: 'the result key the page reads changes', file: 'CustCard.Page.al', from: "Results.Get('a')", to: "Results.Get('b')", changes: true },
  { what: 'the page enqueues another codeunit', file: 'CustCard.Page.al', from: 'Codeunit::"Task"', to: 'Codeunit::Helper', changes: true },
  { what: 'the helper file is deleted', file: 'Helper.Codeunit.al', remove: true, changes: true },
  { what: 'and comes back with a write', file: 'Helper.Codeunit.al', text: "codeunit 50102 Helper\n{\n    trigger OnRun()\n    var\n        C: Record Customer;\n    begin\n        C.Insert();\n    end;\n}\n", changes: true },
];

function snapshot(ws: Workspace): string[] {
  const r = lintWorkspace(ws, emptyConfig(), { keepHidden: true });
  assert.deepEqual(r.failures, []);
  return r.findings.map((f) => JSON.stringify(f));
}

test('incremental whole-workspace pass: after every edit the findings equal a fresh workspace', () => {
  const current = { ...files };
  const ws = workspaceOf(current);
  let previous = snapshot(ws);
  assert.ok(previous.length > 0, 'the starting workspace has findings');
  for (const e of edits) {
    if (e.remove) {
      delete current[e.file];
      ws.removeFile(e.file);
    } else {
      const before = current[e.file];
      const next = e.text ?? before.replace(e.from!, e.to!);
      assert.notEqual(next, before, `edit "${e.what}" applies`);
      current[e.file] = next;
      const model = buildFileModel(e.file, next);
      assert.equal(model.syntaxErrors, 0, `${e.what}: ${e.file} parses`);
      ws.setFile(model);
    }
    const incremental = snapshot(ws);
    assert.deepEqual(incremental, snapshot(workspaceOf(current)), `after "${e.what}" the incremental pass equals a fresh one`);
    if (e.changes) assert.notDeepEqual(incremental, previous, `"${e.what}" changes the findings`);
    else assert.deepEqual(incremental, previous, `"${e.what}" leaves the findings`);
    previous = incremental;
  }
});

test('changesSince lists the edits after a version and gives up past its window', () => {
  const ws = new Workspace();
  ws.setFile(buildFileModel('a.al', 'codeunit 1 A { }'));
  const v = ws.version;
  ws.setFile(buildFileModel('b.al', 'codeunit 2 B { }'));
  ws.removeFile('a.al');
  assert.deepEqual(ws.changesSince(v)?.map((c) => [c.path, !!c.old, !!c.now]), [['b.al', false, true], ['a.al', true, false]]);
  assert.deepEqual(ws.changesSince(ws.version), []);
  for (let i = 0; i < 300; i++) ws.setFile(buildFileModel(`f${i}.al`, `codeunit ${100 + i} F${i} { }`));
  assert.equal(ws.changesSince(v), undefined, 'the log keeps a bounded window');
});

test('the declaration epoch moves on a signature change, not on a body edit', () => {
  const ws = new Workspace();
  ws.setFile(buildFileModel('a.al', 'codeunit 1 A\n{\n    procedure P()\n    begin\n    end;\n}\n'));
  const e0 = declarationEpoch(ws);
  ws.setFile(buildFileModel('a.al', "codeunit 1 A\n{\n    procedure P()\n    begin\n        Message('x');\n    end;\n}\n"));
  assert.equal(declarationEpoch(ws), e0, 'a body edit keeps the epoch');
  ws.setFile(buildFileModel('a.al', "codeunit 1 A\n{\n    procedure P(x: Integer)\n    begin\n        Message('x');\n    end;\n}\n"));
  assert.notEqual(declarationEpoch(ws), e0, 'a parameter added moves it');
});
