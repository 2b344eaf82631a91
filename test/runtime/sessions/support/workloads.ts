// AL workloads shared by the session stress tests and the sessions benchmark (scripts/bench-sessions.ts): the two
// tables, a starter launching many StartSession sessions, a card page enqueuing several page background tasks,
// and the driver that opens that page in many client sessions at once.
import type { RuntimeHost } from '../../../../src/runtime/sessions/host';

/** "Lab Log" (one row per write) and "Lab Item" (the pages' source table). */
export const WORKLOAD_TABLES = [
  `table 50201 "Lab Log" { fields { field(1; "Entry No."; Integer) { } field(2; Text; Text[250]) { } } keys { key(PK; "Entry No.") { Clustered = true; } } }`,
  `table 50200 "Lab Item" { fields { field(1; "No."; Code[20]) { } field(2; Description; Text[100]) { } } keys { key(PK; "No.") { Clustered = true; } } }`,
];

/** A codeunit starting `count` sessions of codeunit `worker`; while BC's queue is full (StartSession returns false) it sleeps 1 ms and retries. */
export function starterCodeunit(id: number, name: string, worker: string, count: number): string {
  return `codeunit ${id} "${name}"
   {
       trigger OnRun()
       var
           I: Integer;
           Id: Integer;
       begin
           for I := 1 to ${count} do
               while not StartSession(Id, Codeunit::"${worker}") do
                   Sleep(1);
       end;
   }`;
}

/** Optional parts of the fan-out page: more layout fields, global variables and triggers (AL text). */
export interface FanOutExtras {
  fields?: string;
  vars?: string;
  triggers?: string;
}

/** A card page on "Lab Item" whose OnAfterGetCurrRecord enqueues `tasks` page background tasks of codeunit `task`. */
export function fanOutPage(id: number, name: string, task: string, tasks: number, extras: FanOutExtras = {}): string {
  return `page ${id} "${name}"
   {
       PageType = Card;
       SourceTable = "Lab Item";
       layout { area(Content) { field("No."; Rec."No.") { } ${extras.fields ?? ''} } }
       ${extras.vars ? `var\n           ${extras.vars}` : ''}
       trigger OnAfterGetCurrRecord()
       var
           P: Dictionary of [Text, Text];
           I: Integer;
           Id: Integer;
       begin
           for I := 1 to ${tasks} do
               CurrPage.EnqueueBackgroundTask(Id, Codeunit::"${task}", P);
       end;
       ${extras.triggers ?? ''}
   }`;
}

/** Opens `page` on item A in `count` new client sessions (kept alive, like an open browser tab) and waits until all opened. */
export async function openInClientSessions(h: RuntimeHost, page: string, count: number): Promise<void> {
  const opens = [];
  for (let i = 0; i < count; i++) {
    const s = h.rt.createSession('Foreground', null, 'Client', 'Client', 0);
    s.keepAlive = true;
    h.rt.begin(s);
    opens.push(h.rt.pages.open(s, page, { 'No.': 'A' }));
  }
  await Promise.all(opens);
}
