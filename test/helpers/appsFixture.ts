// A small multi-app workspace written to a temp folder for the app-model tests: a workspace app depending on
// "Lab Base" (lower version than required), which depends on "Lab Foundation"; Lab Base keeps a Moved copy of
// table "Lab Reason Code" (the live one is Lab Foundation's), holds a nested module app "Lab Helper", a
// subscriber to its own table's OnBeforeModifyEvent, and unused codeunits (to see that loading is lazy).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const IDS = {
  ws: '0a000000-0000-4000-8000-000000000001',
  base: '0b000000-0000-4000-8000-000000000002',
  foundation: '0f000000-0000-4000-8000-000000000003',
  helper: '0c000000-0000-4000-8000-000000000004',
};

function write(root: string, rel: string, text: string): void {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
}

const appJson = (id: string, name: string, version: string, deps: { id: string; name: string; version: string }[] = [], extra: object = {}) =>
  JSON.stringify({ id, name, publisher: 'Lab', version, dependencies: deps.map((d) => ({ ...d, publisher: 'Lab' })), ...extra }, null, 2);

export const UNUSED_CODEUNITS = 12;

/** Writes the fixture; returns the workspace folder and the dependency source folder. */
export function writeAppsFixture(): { root: string; ws: string; deps: string } {
  const root = mkdtempSync(join(tmpdir(), 'apps-fixture-'));
  const ws = join(root, 'ws');
  const deps = join(root, 'deps');
  write(ws, 'app.json', appJson(IDS.ws, 'Lab Extension', '1.0.0.0', [{ id: IDS.base, name: 'Lab Base', version: '2.0.0.0' }]));
  write(ws, 'src/CardExt.PageExt.al', `pageextension 50100 "Lab Card Ext" extends "Lab Customer Card"
{
    trigger OnAfterGetRecord()
    begin
        Message('ext opened on %1', Rec."No.");
    end;
}
`);
  write(ws, 'src/Runner.Codeunit.al', `codeunit 50101 "Lab Runner"
{
    trigger OnRun()
    var
        LabCustomer: Record "Lab Customer";
        ReasonCode: Record "Lab Reason Code";
    begin
        LabCustomer.Get('C1');
        LabCustomer.Validate(Name, 'New Name');
        LabCustomer.Modify(true);
        ReasonCode.Init();
        ReasonCode.Code := 'R1';
        ReasonCode.Description := 'from the moved-to app';
        ReasonCode.Insert();
    end;
}
`);
  write(deps, 'base/app.json', appJson(IDS.base, 'Lab Base', '1.5.0.0', [{ id: IDS.foundation, name: 'Lab Foundation', version: '1.0.0.0' }], { preprocessorSymbols: ['LABBASE'] }));
  write(deps, 'base/src/LabCustomer.Table.al', `namespace Lab.Sales;

table 70000 "Lab Customer"
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Name; Text[100])
        {
            trigger OnValidate()
            begin
#if LABBASE
                "Search Name" := UpperCase(Name);
#else
                "Search Name" := 'symbols of the app were not applied';
#endif
            end;
        }
        field(3; "Search Name"; Code[100]) { }
        field(4; "Modified By Trigger"; Boolean) { }
        field(5; "Subscriber Mark"; Text[30]) { }
    }
    keys { key(PK; "No.") { Clustered = true; } }

    trigger OnModify()
    begin
        "Modified By Trigger" := true;
    end;
}
`);
  write(deps, 'base/src/LabCustomerCard.Page.al', `page 70001 "Lab Customer Card"
{
    PageType = Card;
    SourceTable = "Lab Customer";

    layout
    {
        area(Content)
        {
            field("No."; Rec."No.") { }
            field(Name; Rec.Name) { }
        }
    }
}
`);
  write(deps, 'base/src/LabCustomerSubscriber.Codeunit.al', `codeunit 70002 "Lab Customer Subscriber"
{
    [EventSubscriber(ObjectType::Table, Database::"Lab Customer", 'OnBeforeModifyEvent', '', false, false)]
    local procedure MarkOnBeforeModify(var Rec: Record "Lab Customer"; var xRec: Record "Lab Customer"; RunTrigger: Boolean)
    begin
        Rec."Subscriber Mark" := 'base subscriber';
    end;
}
`);
  write(deps, 'base/src/ReasonCode.Table.al', `#if not CLEANSCHEMA27
table 70231 "Lab Reason Code"
{
    ObsoleteState = Moved;
    MovedTo = '${IDS.foundation}';

    fields
    {
        field(1; Code; Code[10]) { }
    }
}
#endif
`);
  for (let i = 0; i < UNUSED_CODEUNITS; i++) {
    write(deps, `base/src/Unused${i}.Codeunit.al`, `codeunit ${70100 + i} "Lab Unused ${i}"\n{\n    procedure Nothing${i}()\n    begin\n    end;\n}\n`);
  }
  write(deps, 'base/Modules/Helper/app.json', appJson(IDS.helper, 'Lab Helper', '1.5.0.0'));
  write(deps, 'base/Modules/Helper/Helper.Codeunit.al', `codeunit 70050 "Lab Helper"\n{\n    procedure Twice(X: Integer): Integer\n    begin\n        exit(2 * X);\n    end;\n}\n`);
  write(deps, 'foundation/app.json', appJson(IDS.foundation, 'Lab Foundation', '1.0.0.0'));
  write(deps, 'foundation/src/ReasonCode.Table.al', `table 70231 "Lab Reason Code"
{
    MovedFrom = '${IDS.base}';

    fields
    {
        field(1; Code; Code[10]) { }
        field(2; Description; Text[100]) { }
    }
    keys { key(PK; Code) { Clustered = true; } }
}
`);
  write(deps, 'broken/app.json', '{ "name": "Broken", "id": 12 ');
  return { root, ws, deps };
}
