// The virtual system tables the session layer serves to AL through the record store: 2000000110 Active Session
// (sessions running now; Client Type Background / Child Session / Web Client) and 2000000111 Session Event
// (logons and logoffs; a failed background session's error is in the Comment).
import type { FieldDef, FieldValue, Row, TableDef } from '../contracts';
import type { SessionRuntime } from './runtime';

const clientTypes = ['Windows Client', 'SharePoint Client', 'Web Service', 'Client Service', 'NAS', 'Background', 'Management Client', 'Web Client', 'Unknown', 'Tablet', 'Phone', 'Desktop', 'Teams', 'Child Session'];
const eventTypes = ['Logon', 'Logoff', 'Start', 'Stop', 'Close'];

const f = (id: number, name: string, type: FieldDef['type'], length = 0, optionMembers?: string[]): FieldDef => ({ id, name, type, length, fieldClass: 'Normal', ...(optionMembers ? { optionMembers } : {}) });

export const ACTIVE_SESSION: TableDef = {
  id: 2000000110,
  name: 'Active Session',
  fields: [
    f(1, 'User SID', 'Guid'),
    f(2, 'Server Instance ID', 'Integer'),
    f(3, 'Session ID', 'Integer'),
    f(4, 'Server Instance Name', 'Text', 250),
    f(5, 'Server Computer Name', 'Text', 250),
    f(6, 'User ID', 'Text', 132),
    f(7, 'Client Type', 'Option', 0, clientTypes),
    f(8, 'Client Computer Name', 'Text', 250),
    f(9, 'Login Datetime', 'DateTime'),
    f(10, 'Database Name', 'Text', 250),
    f(11, 'Session Unique ID', 'Guid'),
  ],
  keys: [['Server Instance ID', 'Session ID']],
  temporaryOnly: true,
};

export const SESSION_EVENT: TableDef = {
  id: 2000000111,
  name: 'Session Event',
  fields: [
    f(1, 'User SID', 'Guid'),
    f(2, 'Server Instance ID', 'Integer'),
    f(3, 'Session ID', 'Integer'),
    f(4, 'Event Type', 'Option', 0, eventTypes),
    f(5, 'Event Datetime', 'DateTime'),
    f(6, 'Client Type', 'Option', 0, clientTypes),
    f(7, 'Database Name', 'Text', 250),
    f(8, 'Client Computer Name', 'Text', 250),
    f(9, 'User ID', 'Text', 132),
    f(10, 'Comment', 'Text', 250),
    f(11, 'Session Unique ID', 'Guid'),
    f(12, 'Entry No.', 'Integer'),
  ],
  // BC's key is (User SID, Server Instance ID, Session ID, Event Type, Event Datetime); events of one session
  // in the same virtual millisecond would collide, so an entry number ends the key.
  keys: [['Session ID', 'Event Type', 'Event Datetime', 'Entry No.']],
  temporaryOnly: true,
};

const NULL_GUID = '{00000000-0000-0000-0000-000000000000}';
const SERVER = 'AL Session Lab';

function guidFor(sessionId: number): string {
  return `{00000000-0000-4000-8000-${sessionId.toString(16).toUpperCase().padStart(12, '0')}}`;
}

function clientTypeIndex(clientType: string): number {
  const i = clientTypes.indexOf(clientType);
  return i < 0 ? 8 : i;
}

export function activeSessionRows(rt: SessionRuntime): Iterable<Row> {
  const rows: Row[] = [];
  for (const s of rt.sessions.values()) {
    if (s.ended) continue;
    rows.push(
      new Map<number, FieldValue>([
        [1, NULL_GUID],
        [2, 1],
        [3, s.id],
        [4, SERVER],
        [5, 'localhost'],
        [6, s.userId],
        [7, clientTypeIndex(s.clientType)],
        [8, 'localhost'],
        [9, s.startedAt || rt.clock.now()],
        [10, 'default'],
        [11, guidFor(s.id)],
      ]),
    );
  }
  return rows;
}

export function sessionEventRows(rt: SessionRuntime): Iterable<Row> {
  return rt.sessionEvents.map(
    (e, i) =>
      new Map<number, FieldValue>([
        [1, NULL_GUID],
        [2, 1],
        [3, e.sessionId],
        [4, eventTypes.indexOf(e.eventType)],
        [5, e.time],
        [6, clientTypeIndex(e.clientType)],
        [7, 'default'],
        [8, 'localhost'],
        [9, e.userId],
        [10, e.comment.slice(0, 250)],
        [11, guidFor(e.sessionId)],
        [12, i + 1],
      ]),
  );
}

/**
 * The two tables as AL source, loaded into the engine with the workspace so AL code can declare
 * `Record "Active Session"` / `Record "Session Event"`; the store then serves their rows from the runtime.
 */
export function systemTablesAl(): { path: string; text: string }[] {
  return [ACTIVE_SESSION, SESSION_EVENT].map((t) => ({ path: `<system>/${t.name.replace(/ /g, '')}.Table.al`, text: tableAl(t) }));
}

function tableAl(t: TableDef): string {
  const q = (s: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `"${s}"`);
  const type = (fd: FieldDef) => (fd.type === 'Text' || fd.type === 'Code' ? `${fd.type}[${fd.length}]` : fd.type);
  const fields = t.fields
    .map((fd) => `        field(${fd.id}; ${q(fd.name)}; ${type(fd)})${fd.optionMembers ? ` { OptionMembers = ${fd.optionMembers.map((m) => (/^[A-Za-z0-9_]+$/.test(m) ? m : `"${m}"`)).join(',')}; }` : ' { }'}`)
    .join('\n');
  return `// Virtual system table served by the AL Session Lab session runtime.\ntable ${t.id} ${q(t.name)}\n{\n    DataPerCompany = false;\n    fields\n    {\n${fields}\n    }\n    keys\n    {\n        key(PK; ${t.keys[0].map(q).join(', ')}) { Clustered = true; }\n    }\n}\n`;
}
