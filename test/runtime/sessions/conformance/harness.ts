// Shared pieces of the conformance tests: a runtime hosting AL written in the test (the real interpreter and
// store, the virtual clock), and small helpers to read the timeline.
import { RuntimeHost } from '../../../../src/runtime/sessions/host';
import { createEngine } from '../../../../src/runtime/sessions/defaultEngine';
import type { SessionSettings } from '../../../../src/runtime/sessions/settings';
import type { TimelineEvent } from '../../../../src/runtime/sessions/eventLog';

/** A small table every test can use, plus a list page and a card page on it. */
export const ITEM_TABLE = `
table 50200 "Lab Item"
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Description; Text[100]) { }
        field(3; Quantity; Integer) { }
    }
    keys { key(PK; "No.") { Clustered = true; } }
}`;

export const LOG_TABLE = `
table 50201 "Lab Log"
{
    fields
    {
        field(1; "Entry No."; Integer) { }
        field(2; Text; Text[250]) { }
        field(3; "Session"; Integer) { }
    }
    keys { key(PK; "Entry No.") { Clustered = true; } }
}`;

export function host(al: string[], settings: Partial<SessionSettings> = {}, seed = 1): RuntimeHost {
  const files = [ITEM_TABLE, LOG_TABLE, ...al].map((text, i) => ({ path: `/lab/src/Object${i}.al`, text }));
  const h = new RuntimeHost({ files, createEngine, settings, clock: 'virtual', seed, strict: true });
  h.seedData({ 'Lab Item': [{ 'No.': 'A', Description: 'Alpha' }, { 'No.': 'B', Description: 'Beta' }, { 'No.': 'C', Description: 'Gamma' }] });
  return h;
}

export function events(h: RuntimeHost, name: string, where: Partial<TimelineEvent> = {}): TimelineEvent[] {
  return h.rt.timeline.events.filter((e) => e.event === name && Object.entries(where).every(([k, v]) => e[k] === v));
}

export function ended(h: RuntimeHost, session: number): TimelineEvent | undefined {
  return events(h, 'sessionEnded', { session })[0];
}

/** Log lines the AL wrote to "Lab Log" (committed), in entry order. */
export function logLines(h: RuntimeHost): string[] {
  const t = h.db.table('Lab Log');
  const tx = h.db.begin(0);
  const rows = tx.find(t, { filters: [], keyFields: [1], ascending: true });
  tx.rollback();
  return rows.map((r) => String(r.row.get(2)));
}

/** AL for a codeunit that appends a log line: `Log.Add('text')`. */
export const LOG_CODEUNIT = `
codeunit 50290 "Lab Logger"
{
    procedure Add(Line: Text)
    var
        L: Record "Lab Log";
        Last: Record "Lab Log";
        No: Integer;
    begin
        if Last.FindLast() then No := Last."Entry No.";
        L."Entry No." := No + 1;
        L.Text := CopyStr(Line, 1, 250);
        L."Session" := SessionId();
        L.Insert();
    end;
}`;

/** AL for a trigger or procedure (`header`, e.g. `trigger OnRun()`) that inserts item `no`, then runs `after`. */
export function insertingItem(header: string, no: string, after = ''): string {
  return `
    ${header}
    var
        Item: Record "Lab Item";
    begin
        Item."No." := '${no}';
        Item.Insert();${after ? `\n        ${after}` : ''}
    end;`;
}

/** AL for a card page on "Lab Item" showing "No." (and `fields`), with `members` (variables, triggers) in its body. */
export function itemCard(id: number, name: string, members: string, fields = ''): string {
  return `
page ${id} "${name}"
{
    PageType = Card;
    SourceTable = "Lab Item";
    layout { area(Content) { field("No."; Rec."No.") { }${fields ? ` ${fields}` : ''} } }
    ${members.trim()}
}`;
}
