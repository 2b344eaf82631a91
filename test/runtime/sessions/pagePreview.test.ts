// Pages as the preview shows them: a card with typed editors, Visible/Editable expressions and a FactBox part (its
// own page instance, SubPageLink, its own background task and dashes until it finishes), a list with rows, record
// edits saved with Modify, New/Delete with the page's and table's triggers, errors with their AL location.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { events, host } from './conformance/harness';
import type { PageStateData } from '../../../src/protocol/runtimeProtocol';

const AL = [
  `
enum 50310 "Lab Status"
{
    value(0; Open) { Caption = 'Open (new)'; }
    value(1; Released) { Caption = 'Released'; }
}`,
  `
table 50310 "Lab Order"
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Description; Text[100]) { }
        field(3; Status; Enum "Lab Status") { }
        field(4; Kind; Option) { OptionMembers = Sale,Return; OptionCaption = 'Sales Order,Return Order'; }
        field(5; Blocked; Boolean) { }
        field(6; "Order Date"; Date) { }
        field(7; Amount; Decimal) { }
        field(8; "Item No."; Code[20]) { }
        field(9; "Modify Count"; Integer) { }
    }
    keys { key(PK; "No.") { Clustered = true; } }

    trigger OnInsert()
    begin
        "Order Date" := 20260115D;
    end;

    trigger OnModify()
    begin
        "Modify Count" += 1;
    end;

    trigger OnDelete()
    var
        Item: Record "Lab Item";
    begin
        Item."No." := 'DELETED-' + "No.";
        Item.Insert();
    end;
}`,
  `
codeunit 50311 "Lab Item Facts Task"
{
    trigger OnRun()
    var
        Results: Dictionary of [Text, Text];
    begin
        Sleep(500);
        Results.Add('Facts', 'facts of ' + Page.GetBackgroundParameters().Get('No.'));
        Page.SetBackgroundTaskResult(Results);
    end;
}`,
  `
page 50312 "Lab Item FactBox"
{
    PageType = CardPart;
    SourceTable = "Lab Item";
    layout
    {
        area(Content)
        {
            field("No."; Rec."No.") { }
            field(Facts; FactsText) { Caption = 'Facts'; }
        }
    }
    var
        FactsText: Text;
        TaskId: Integer;

    trigger OnAfterGetCurrRecord()
    var
        Args: Dictionary of [Text, Text];
    begin
        Args.Add('No.', Rec."No.");
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Lab Item Facts Task", Args);
    end;

    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        FactsText := Results.Get('Facts');
    end;
}`,
  `
page 50310 "Lab Order Card"
{
    PageType = Card;
    SourceTable = "Lab Order";
    Caption = 'Lab Order';
    layout
    {
        area(Content)
        {
            group(General)
            {
                field("No."; Rec."No.") { }
                field(Description; Rec.Description) { }
                field(Status; Rec.Status) { }
                field(Kind; Rec.Kind) { }
                field(Blocked; Rec.Blocked) { }
                field("Order Date"; Rec."Order Date") { }
                field(Amount; Rec.Amount) { Editable = not Rec.Blocked; }
                field("Item No."; Rec."Item No.") { }
                field("Modify Count"; Rec."Modify Count") { Editable = false; }
            }
            group(Details)
            {
                Visible = ShowDetails;
                field(Note; NoteText) { }
            }
        }
        area(FactBoxes)
        {
            part(ItemFacts; "Lab Item FactBox") { Caption = 'Item Facts'; SubPageLink = "No." = field("Item No."); }
            systempart(Links; Links) { }
        }
    }
    actions
    {
        area(Processing)
        {
            action(Release) { Caption = 'Release'; trigger OnAction() begin Rec.Status := Rec.Status::Released; Rec.Modify(); end; }
            action(Fail) { Caption = 'Fail'; trigger OnAction() begin Error('Cannot release %1', Rec."No."); end; }
            action(Items) { RunObject = page "Lab Item FactBox"; }
        }
        area(Promoted)
        {
            actionref(Release_Promoted; Release) { }
        }
    }
    var
        ShowDetails: Boolean;
        NoteText: Text;

    trigger OnOpenPage()
    begin
        ShowDetails := false;
    end;

    trigger OnNewRecord(BelowxRec: Boolean)
    begin
        Rec.Description := 'new order';
    end;
}`,
  `
page 50313 "Lab Order List"
{
    PageType = List;
    SourceTable = "Lab Order";
    layout { area(Content) { repeater(Lines) { field("No."; Rec."No.") { } field(Description; Rec.Description) { } field(Status; Rec.Status) { } } } }
}`,
];

function labHost() {
  const h = host(AL);
  h.seedData({
    'Lab Order': [
      { 'No.': 'O1', Description: 'First', 'Item No.': 'A', Amount: 10 },
      { 'No.': 'O2', Description: 'Second', 'Item No.': 'B', Blocked: true },
    ],
  });
  return h;
}

const field = (d: PageStateData, name: string) => d.groups.flatMap((g) => g.fields).find((f) => f.name === name)!;

test('a card: editors by type (Enum/Option captions, Boolean, Date, Decimal), Visible and Editable expressions, promoted actions', async () => {
  const h = labHost();
  const { page, error } = await h.rt.pages.open(h.clientSession(), 'Lab Order Card', { 'No.': 'O1' });
  assert.equal(error, undefined);
  const d = h.rt.pages.data(page);
  assert.deepEqual(field(d, 'Status').options, [{ value: 'Open', caption: 'Open (new)' }, { value: 'Released', caption: 'Released' }]);
  assert.equal(field(d, 'Status').type, 'Enum');
  assert.deepEqual(field(d, 'Kind').options, [{ value: 'Sale', caption: 'Sales Order' }, { value: 'Return', caption: 'Return Order' }]);
  assert.deepEqual(['Blocked', 'Order Date', 'Amount'].map((n) => field(d, n).type), ['Boolean', 'Date', 'Decimal']);
  assert.equal(field(d, 'Amount').editable, true, 'not blocked: Amount is editable');
  assert.equal(field(d, 'Modify Count').editable, false);
  assert.equal(d.groups.find((g) => g.name === 'Details')!.visible, false, 'Visible = ShowDetails, false after OnOpenPage');
  const release = d.actions.find((a) => a.name === 'Release')!;
  assert.deepEqual([release.promoted, release.group], [true, 'Processing']);
  assert.equal(d.actions.find((a) => a.name === 'Items')!.runObject, 'page "Lab Item FactBox"');
  // O2 is blocked: Amount's Editable expression turns it off.
  await h.rt.pages.navigate(page, 'next');
  assert.equal(field(h.rt.pages.data(page), 'Amount').editable, false);
});

test('a FactBox is its own page instance: SubPageLink, its own task, dashes until it finishes; it follows the record', async () => {
  const h = labHost();
  const { page } = await h.rt.pages.open(h.clientSession(), 'Lab Order Card', { 'No.': 'O1' });
  let d = h.rt.pages.data(page);
  const facts = d.parts!.find((p) => p.name === 'ItemFacts')!;
  assert.deepEqual([facts.caption, facts.area, facts.visible], ['Item Facts', 'factboxes', true]);
  assert.equal(facts.page!.recordId, 'Lab Item: A');
  assert.notEqual(facts.page!.pageInstanceId, d.pageInstanceId);
  assert.equal(facts.page!.groups[0].fields.find((f) => f.name === 'Facts')!.value, '-', 'a dash while its task runs');
  assert.ok(d.parts!.find((p) => p.name === 'Links')!.system);
  await h.rt.waitIdle();
  d = h.rt.pages.data(page);
  assert.equal(d.parts![0].page!.groups[0].fields.find((f) => f.name === 'Facts')!.value, 'facts of A');
  const task = events(h, 'taskEnqueued')[0];
  assert.equal(task.session, d.session, "the part's task belongs to the page's session");
  await h.rt.pages.navigate(page, 'next');
  await h.rt.waitIdle();
  d = h.rt.pages.data(page);
  assert.equal(d.parts![0].page!.recordId, 'Lab Item: B');
  assert.equal(d.parts![0].page!.groups[0].fields.find((f) => f.name === 'Facts')!.value, 'facts of B');
});

test('an edit is saved with Modify when the field is left (OnModify runs) and kept across Next/Previous; Previous on the first record is no error', async () => {
  const h = labHost();
  const { page } = await h.rt.pages.open(h.clientSession(), 'Lab Order Card', { 'No.': 'O1' });
  assert.equal(await h.rt.pages.setField(page, 'Description', 'Edited'), undefined);
  assert.equal(await h.rt.pages.setField(page, 'Status', 'Released'), undefined);
  assert.equal(await h.rt.pages.navigate(page, 'previous', { quietAtEnd: true }), undefined);
  assert.equal(h.rt.pages.data(page).hasPrevious, false);
  await h.rt.pages.navigate(page, 'next');
  await h.rt.pages.navigate(page, 'previous');
  const d = h.rt.pages.data(page);
  assert.deepEqual([field(d, 'Description').value, field(d, 'Status').value, field(d, 'Modify Count').value], ['Edited', 'Released', '2']);
  // A value Evaluate refuses is an error and nothing is saved.
  const bad = await h.rt.pages.setField(page, 'Amount', 'abc');
  assert.ok(bad, 'an invalid decimal fails');
  assert.equal(field(h.rt.pages.data(page), 'Modify Count').value, '2');
});

test('New runs OnNewRecord and inserts on the first field left (OnInsert); Delete runs OnDelete and shows the next record', async () => {
  const h = labHost();
  const { page } = await h.rt.pages.open(h.clientSession(), 'Lab Order Card', { 'No.': 'O1' });
  assert.equal(await h.rt.pages.newRecord(page), undefined);
  let d = h.rt.pages.data(page);
  assert.deepEqual([d.newRecord, field(d, 'No.').value, field(d, 'Description').value], [true, '', 'new order']);
  assert.equal(await h.rt.pages.setField(page, 'No.', 'O9'), undefined);
  d = h.rt.pages.data(page);
  assert.deepEqual([d.newRecord, d.recordId, field(d, 'Order Date').value], [false, 'Lab Order: O9', '01/15/26']);
  assert.equal(await h.rt.pages.deleteRecord(page), undefined);
  d = h.rt.pages.data(page);
  assert.equal(d.recordId, 'Lab Order: O2', 'the record after the deleted one');
  const { page: items } = await h.rt.pages.open(h.clientSession(), 'Lab Item FactBox', { 'No.': 'DELETED-O9' });
  assert.equal(items.instance.currentRecordId(), 'Lab Item: DELETED-O9', 'OnDelete ran');
});

test('a list: its rows with their values, the selected row, a row clicked becomes current', async () => {
  const h = labHost();
  const { page } = await h.rt.pages.open(h.clientSession(), 'Lab Order List');
  let d = h.rt.pages.data(page);
  assert.ok(d.groups[0].repeater);
  assert.deepEqual(d.rows!.map((r) => [r.recordId, r.values.Description, r.values.Status]), [['Lab Order: O1', 'First', 'Open (new)'], ['Lab Order: O2', 'Second', 'Open (new)']]);
  assert.equal(d.selected, 0);
  await h.rt.pages.selectRow(page, 1);
  d = h.rt.pages.data(page);
  assert.deepEqual([d.selected, d.recordId], [1, 'Lab Order: O2']);
});

test('an action that fails returns the AL error with its location', async () => {
  const h = labHost();
  const { page } = await h.rt.pages.open(h.clientSession(), 'Lab Order Card', { 'No.': 'O1' });
  const e = await h.rt.pages.invokeAction(page, 'Fail');
  assert.equal(e!.text, 'Cannot release O1');
  assert.match(e!.location!.file, /Object\d+\.al$/);
  assert.ok(e!.location!.line > 0);
});
