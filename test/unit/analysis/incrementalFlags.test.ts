// The BG0006/BG0007 walk reads code it does not walk into: subscribers of codeunits bound on the path, table triggers
// run by Validate, setters summarised through var parameters. An edit of such a body must invalidate the reused walk:
// after every edit the incremental workspace reports exactly what a fresh one reports, and the edit changes the findings.
import assert from 'node:assert/strict';
import test from 'node:test';
import { emptyConfig } from '../../../src/analysis/config/lintConfig';
import { lintWorkspace } from '../../../src/analysis/lint';
import { buildFileModel } from '../../../src/analysis/model/fromTree';
import type { Workspace } from '../../../src/analysis/model/workspace';
import { workspaceOf } from '../../helpers/ruleHarness';

const files: Record<string, string> = {
  'Root.Codeunit.al': `codeunit 50300 Root
{
    TableNo = "Job Queue Entry";

    trigger OnRun()
    var
        Sub: Codeunit "Quiet Subscriber";
        Doc: Record "Flag Doc";
        Poster: Codeunit "Flag Poster";
    begin
        BindSubscription(Sub);
        Poster.Run();
        UnbindSubscription(Sub);
        Doc.Validate("No.", 'X');
        Doc.Ask();
    end;
}
`,
  'Sub.Codeunit.al': `codeunit 50301 "Quiet Subscriber"
{
    EventSubscriberInstance = Manual;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::"Flag Poster", OnBeforeAsk, '', false, false)]
    local procedure Quiet(var HideDialog: Boolean)
    begin
        HideDialog := true;
    end;
}
`,
  'Poster.Codeunit.al': `codeunit 50302 "Flag Poster"
{
    trigger OnRun()
    var
        HideDialog: Boolean;
    begin
        OnBeforeAsk(HideDialog);
        if not HideDialog then
            Confirm('Post?');
    end;

    [IntegrationEvent(false, false)]
    local procedure OnBeforeAsk(var HideDialog: Boolean)
    begin
    end;
}
`,
  'Doc.Table.al': `table 50303 "Flag Doc"
{
    fields
    {
        field(1; "No."; Code[20])
        {
            trigger OnValidate()
            begin
                Quiet := true;
            end;
        }
    }

    procedure Ask()
    begin
        if not Quiet then
            StrMenu('a,b');
    end;

    var
        Quiet: Boolean;
}
`,
};

const edits: { what: string; file: string; from: string; to: string }[] = [
  { what: 'the bound subscriber stops hiding the dialog', file: 'Sub.Codeunit.al', from: 'HideDialog := true;', to: 'HideDialog := false;' },
  { what: 'and hides it again', file: 'Sub.Codeunit.al', from: 'HideDialog := false;', to: 'HideDialog := true;' },
  { what: 'the field trigger Validate runs stops setting the flag', file: 'Doc.Table.al', from: 'Quiet := true;', to: 'Quiet := false;' },
  { what: 'and sets it again', file: 'Doc.Table.al', from: 'Quiet := false;', to: 'Quiet := true;' },
];

function snapshot(ws: Workspace): string[] {
  const r = lintWorkspace(ws, emptyConfig(), { keepHidden: true });
  assert.deepEqual(r.failures, []);
  return r.findings.map((f) => JSON.stringify(f));
}

test('incremental BG0006 walk: bodies it only reads (bound subscribers, Validate triggers) invalidate it', () => {
  const current = { ...files };
  const ws = workspaceOf(current);
  let previous = snapshot(ws);
  assert.equal(previous.filter((f) => f.includes('BG0006')).length, 0, 'both dialogs are decided at the start');
  for (const e of edits) {
    const next = current[e.file].replace(e.from, e.to);
    assert.notEqual(next, current[e.file], `edit "${e.what}" applies`);
    current[e.file] = next;
    ws.setFile(buildFileModel(e.file, next));
    const incremental = snapshot(ws);
    assert.deepEqual(incremental, snapshot(workspaceOf(current)), `after "${e.what}" the incremental pass equals a fresh one`);
    assert.notDeepEqual(incremental, previous, `"${e.what}" changes the findings`);
    previous = incremental;
  }
});
