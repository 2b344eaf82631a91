// Test support for interpreter tests: an in-test SessionServices (virtual clock, recorded messages and
// session calls, scripted confirm answers) over a transaction, and a driver that runs an execution to its end.
import type { AlErrorInfo, CreateTaskRequest, DebugPolicy, EnqueueRequest, Execution, PageHandle, SessionKind, SessionServices, StartSessionRequest, StepResult, TableDef, Transaction, WriteOp } from '../../../src/runtime/contracts';
import { EngineImpl } from '../../../src/runtime/interpreter/engine';

export class TestClock {
  constructor(public t = Date.UTC(2026, 0, 15, 9, 30, 0)) {}
  now(): number {
    return this.t;
  }
}

export class TestServices implements SessionServices {
  sessionId = 1;
  kind: SessionKind = 'Foreground';
  guiAllowed = true;
  readOnly = false;
  userId = 'TESTUSER';
  companyName = 'CRONUS';
  clock = new TestClock();
  messages: string[] = [];
  confirms: { question: string; default: boolean }[] = [];
  confirmAnswers: boolean[] = [];
  writes: { table: string; op: WriteOp; temporary: boolean }[] = [];
  started: StartSessionRequest[] = [];
  stopped: { id: number; comment: string }[] = [];
  tasks: CreateTaskRequest[] = [];
  enqueued: EnqueueRequest[] = [];
  cancelled: number[] = [];
  backgroundParameters = new Map<string, string>();
  backgroundResult?: Map<string, string>;
  commits = 0;
  startFails?: AlErrorInfo;
  dialogs: string[] = [];

  constructor(public tx: Transaction) {}

  transaction(): Transaction {
    return this.tx;
  }
  commit(): void {
    this.commits++;
    this.tx.commit();
  }
  message(text: string): void {
    this.messages.push(text);
  }
  confirm(question: string, defaultAnswer: boolean): boolean {
    this.confirms.push({ question, default: defaultAnswer });
    return this.confirmAnswers.length ? this.confirmAnswers.shift()! : defaultAnswer;
  }
  strMenu(_options: string, defaultNumber: number): number {
    return defaultNumber;
  }
  beforeWrite(table: TableDef, op: WriteOp, temporary: boolean): void {
    if (this.readOnly && !temporary) throw Object.assign(new Error(`You don't have the following permissions on TableData ${table.name}: ${op}`), { info: { code: 'Permission', text: `You don't have the following permissions on TableData ${table.name}: ${op}`, callStack: '' } });
    this.writes.push({ table: table.name, op, temporary });
  }
  startSession(request: StartSessionRequest): { ok: true; sessionId: number } | { ok: false; error: AlErrorInfo } {
    if (this.startFails) return { ok: false, error: this.startFails };
    this.started.push(request);
    return { ok: true, sessionId: 100 + this.started.length };
  }
  stopSession(sessionId: number, comment: string): void {
    this.stopped.push({ id: sessionId, comment });
  }
  isSessionActive(sessionId: number): boolean {
    return sessionId > 100 && sessionId <= 100 + this.started.length;
  }
  createTask(request: CreateTaskRequest): string {
    this.tasks.push(request);
    return '{00000000-0000-0000-0000-00000000000' + this.tasks.length + '}';
  }
  enqueueBackgroundTask(_page: PageHandle, request: EnqueueRequest): { ok: true; taskId: number } | { ok: false; error: AlErrorInfo } {
    this.enqueued.push(request);
    return { ok: true, taskId: this.enqueued.length };
  }
  cancelBackgroundTask(_page: PageHandle, taskId: number): void {
    this.cancelled.push(taskId);
  }
  getBackgroundParameters(): Map<string, string> {
    return this.backgroundParameters;
  }
  setBackgroundTaskResult(results: Map<string, string>): void {
    this.backgroundResult = results;
  }
  dialog(action: string, text: string): void {
    this.dialogs.push(`${action}:${text}`);
  }
}

export const detached: DebugPolicy = { attached: false, stopOnEntry: false, breakOnError: 'None', breakOnRecordWrite: 'None' };

/** Runs until completed, failed or paused; sleeping advances the virtual clock. */
export function drive(exec: Execution, services: TestServices, budget = 10_000): StepResult {
  for (let i = 0; i < 1_000_000; i++) {
    const r = exec.run(budget);
    if (r.state === 'yielded') continue;
    if (r.state === 'sleeping') {
      services.clock.t = Math.max(services.clock.t, r.until);
      continue;
    }
    return r;
  }
  throw new Error('execution did not finish');
}

export function engineWith(files: Record<string, string>): EngineImpl {
  const e = new EngineImpl();
  const res = e.load(Object.entries(files).map(([path, text]) => ({ path, text })));
  if (res.errors.length) throw new Error('load errors: ' + res.errors.map((x) => `${x.file}:${x.line + 1} ${x.message}`).join('\n'));
  return e;
}

import { Database } from '../../../src/runtime/store';

/** A customer table and enum used by many tests. */
export const CUSTOMER_AL = `
table 18 Customer
{
    Caption = 'Customer';
    fields
    {
        field(1; "No."; Code[20]) { Caption = 'No.'; }
        field(2; Name; Text[50])
        {
            Caption = 'Name';
            trigger OnValidate()
            begin
                "Search Name" := UpperCase(Name);
            end;
        }
        field(3; "Search Name"; Code[50]) { }
        field(7; City; Text[30]) { }
        field(39; Blocked; Enum "Customer Blocked") { }
        field(59; "Credit Limit"; Decimal) { }
        field(60; Balance; Decimal)
        {
            FieldClass = FlowField;
            CalcFormula = sum("Cust. Entry".Amount where("Customer No." = field("No.")));
        }
        field(61; "Entry Count"; Integer)
        {
            FieldClass = FlowField;
            CalcFormula = count("Cust. Entry" where("Customer No." = field("No.")));
        }
    }
    keys
    {
        key(PK; "No.") { Clustered = true; }
        key(Name; Name) { }
    }
    var
        InsertCount: Integer;

    trigger OnInsert()
    begin
        if "No." = '' then
            Error('Customer No. must have a value.');
        InsertCount += 1;
        City := 'Inserted';
    end;

    trigger OnModify()
    begin
        "Search Name" := UpperCase(Name);
    end;

    trigger OnDelete()
    begin
        if Blocked = Blocked::All then
            Error('Blocked customers cannot be deleted.');
    end;

    procedure DisplayName(): Text
    begin
        exit("No." + ' ' + Name);
    end;
}

table 21 "Cust. Entry"
{
    fields
    {
        field(1; "Entry No."; Integer) { }
        field(2; "Customer No."; Code[20]) { }
        field(3; Amount; Decimal) { }
    }
    keys
    {
        key(PK; "Entry No.") { }
    }
}

enum 18 "Customer Blocked"
{
    Extensible = true;
    value(0; " ") { Caption = ' '; }
    value(1; Ship) { Caption = 'Ship'; }
    value(2; Invoice) { Caption = 'Invoice'; }
    value(3; All) { Caption = 'All'; }
}
`;

export interface RunResult {
  result: StepResult;
  messages: string[];
  services: TestServices;
  engine: EngineImpl;
  db: Database;
}

/**
 * Loads `codeunit 50000 Test` (plus the customer table and extra objects) and runs its OnRun with the real
 * store; returns the outcome and the messages shown.
 */
export function runAl(codeunitBody: string, extra = '', setup?: (db: Database, engine: EngineImpl) => void): RunResult {
  const engine = engineWith({ 'test.al': `codeunit 50000 Test\n{\n${codeunitBody}\n}\n`, 'customer.al': CUSTOMER_AL, ...(extra ? { 'extra.al': extra } : {}) });
  const db = new Database(engine.tables());
  setup?.(db, engine);
  const services = new TestServices(db.begin(1));
  const result = drive(engine.start(services, { kind: 'codeunitRun', codeunit: 50000 }, detached), services);
  return { result, messages: services.messages, services, engine, db };
}

/** Runs an OnRun body (with `var` declarations) and returns the messages; fails the test on an AL error. */
export function messagesOf(vars: string, body: string, extra = ''): string[] {
  const r = runAl(`trigger OnRun()\n${vars ? `var\n${vars}\n` : ''}begin\n${body}\nend;`, extra);
  if (r.result.state !== 'completed') throw new Error(`AL failed: ${JSON.stringify(r.result)}`);
  return r.messages;
}

/** Runs an OnRun body and returns the AL error text it fails with. */
export function errorOf(vars: string, body: string, extra = ''): string {
  const r = runAl(`trigger OnRun()\n${vars ? `var\n${vars}\n` : ''}begin\n${body}\nend;`, extra);
  if (r.result.state !== 'failed') throw new Error(`expected an AL error, got ${JSON.stringify(r.result)} with messages ${JSON.stringify(r.messages)}`);
  return r.result.error.text;
}
