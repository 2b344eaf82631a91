// A scripted stand-in for the interpreter (contracts' Engine/Execution) and a tiny in-memory store, so the
// scheduler and session bookkeeping can be tested without AL. Conformance tests use the real engine.
import type {
  AlErrorInfo,
  BreakpointSpec,
  DebugPolicy,
  Engine,
  EntryPoint,
  Execution,
  ExecutionDebug,
  FieldValue,
  LoadResult,
  PageInstance,
  PageLayout,
  ReadOptions,
  Row,
  SessionServices,
  StepResult,
  TableDef,
  Transaction,
  VersionedRow,
} from '../../../../src/runtime/contracts';
import { isAlErrorCarrier } from '../../../../src/runtime/contracts';

/** One step of a script: `n` statements of work, a sleep, a call into services, an error, or forever. */
export type Op =
  | { work: number }
  | { sleep: number }
  | { call: (services: SessionServices, ctx: ScriptContext) => void }
  | { fail: string; code?: string }
  | { forever: true };

export interface ScriptContext {
  args: unknown[];
  page?: PageInstance;
}

export type Script = Op[] | ((ctx: ScriptContext) => Op[]);

const noDebug: ExecutionDebug = {
  pause() {},
  resume() {},
  frames: () => [],
  scopes: () => [],
  variables: () => [],
  evaluate: () => ({ name: '', value: '', type: '', reference: 0, editable: false }),
  setVariable: () => ({ name: '', value: '', type: '', reference: 0, editable: false }),
  exception: () => undefined,
};

export class ScriptExecution implements Execution {
  private pc = 0;
  private remaining = -1;
  private aborted: AlErrorInfo | undefined;
  private pauseNext = false;
  readonly debug: ExecutionDebug;
  statements = 0;

  constructor(
    private readonly ops: Op[],
    private readonly services: SessionServices,
    private readonly ctx: ScriptContext,
    private readonly policy?: DebugPolicy,
  ) {
    this.debug = { ...noDebug, pause: () => (this.pauseNext = true), resume: () => {} };
    if (policy?.attached && policy.stopOnEntry) this.pauseNext = true;
  }

  abort(error: AlErrorInfo): void {
    this.aborted = error;
  }

  run(budget: number): StepResult {
    let spent = 0;
    for (;;) {
      if (this.aborted) return { state: 'failed', error: this.aborted };
      if (this.pauseNext && this.policy?.attached) {
        this.pauseNext = false;
        return { state: 'paused', reason: 'pause' };
      }
      if (spent >= budget) return { state: 'yielded' };
      const op = this.ops[this.pc];
      if (!op) return { state: 'completed', value: this.ctx.args };
      spent++;
      this.statements++;
      if ('work' in op) {
        if (this.remaining < 0) this.remaining = op.work;
        const n = Math.min(this.remaining, budget - spent + 1);
        this.remaining -= n;
        spent += n - 1;
        this.statements += n - 1;
        if (this.remaining <= 0) {
          this.remaining = -1;
          this.pc++;
        }
      } else if ('sleep' in op) {
        this.pc++;
        return { state: 'sleeping', until: this.services.clock.now() + op.sleep };
      } else if ('call' in op) {
        this.pc++;
        try {
          op.call(this.services, this.ctx);
        } catch (err) {
          if (isAlErrorCarrier(err)) return { state: 'failed', error: err.alError };
          throw err;
        }
      } else if ('fail' in op) {
        return { state: 'failed', error: { code: op.code ?? '', text: op.fail, callStack: 'Script line ' + this.pc } };
      } else {
        /* forever: the pc never moves */
      }
    }
  }
}

export class FakePage implements PageInstance {
  readonly vars = new Map<string, string>();
  key: FieldValue[] | undefined;
  constructor(
    readonly pageInstanceId: number,
    readonly layout: PageLayout,
    private readonly triggers: Record<string, Script>,
  ) {}
  setCurrentRecord(primaryKey: FieldValue[] | undefined): void {
    this.key = primaryKey;
  }
  currentRecordId(): string {
    return this.key ? `${this.layout.sourceTable}: ${this.key.join(',')}` : '';
  }
  fieldValues(): Map<string, string> {
    const m = new Map<string, string>();
    for (const g of this.layout.groups) for (const f of g.fields) m.set(f.name, f.name === 'No.' ? String(this.key?.[0] ?? '') : (this.vars.get(f.name) ?? ''));
    return m;
  }
  hasTrigger(name: string): boolean {
    return name in this.triggers || this.layout.actions.some((a) => `${a.name}.OnAction` === name);
  }
  triggerOwners(name: string): string[] {
    return this.hasTrigger(name) ? [`Page ${this.layout.pageId}`] : [];
  }
  script(name: string): Script | undefined {
    return this.triggers[name];
  }
}

export class FakeEngine implements Engine {
  codeunits = new Map<number, Script>();
  pages = new Map<string, { layout: PageLayout; triggers: Record<string, Script> }>();
  private pageSeq = 0;
  executions: ScriptExecution[] = [];
  tableDefs: TableDef[] = [customerTable];

  load(): LoadResult {
    return { objects: [], errors: [] };
  }
  tables(): TableDef[] {
    return this.tableDefs;
  }
  openPage(_services: SessionServices, page: number | string): PageInstance {
    const def = [...this.pages.values()].find((p) => p.layout.name === page || p.layout.pageId === page);
    if (!def) throw new Error(`no page ${page}`);
    return new FakePage(++this.pageSeq, def.layout, def.triggers);
  }
  start(services: SessionServices, entry: EntryPoint, debug: DebugPolicy): Execution {
    let script: Script | undefined;
    const ctx: ScriptContext = { args: [] };
    if (entry.kind === 'codeunitRun') {
      script = this.codeunits.get(Number(entry.codeunit));
      if (!script) throw new Error(`no codeunit ${entry.codeunit}`);
    } else if (entry.kind === 'pageTrigger') {
      script = (entry.page as FakePage).script(entry.trigger);
      ctx.args = entry.args ?? [];
      ctx.page = entry.page;
    } else if (entry.kind === 'pageAction') {
      script = (entry.page as FakePage).script(`${entry.action}.OnAction`);
      ctx.page = entry.page;
    } else {
      script = [];
    }
    const ops = typeof script === 'function' ? script(ctx) : (script ?? []);
    const e = new ScriptExecution(ops, services, ctx, debug);
    this.executions.push(e);
    return e;
  }
  setBreakpoints(_file: string, specs: BreakpointSpec[]) {
    return specs.map((s, i) => ({ id: i + 1, verified: true, line: s.line }));
  }
}

export const customerTable: TableDef = {
  id: 18,
  name: 'Customer',
  fields: [
    { id: 1, name: 'No.', type: 'Code', length: 20, fieldClass: 'Normal' },
    { id: 2, name: 'Name', type: 'Text', length: 100, fieldClass: 'Normal' },
  ],
  keys: [['No.']],
};

/** Committed rows per table; each transaction keeps its own inserts until commit. Enough for bookkeeping tests. */
export class FakeDb {
  committed = new Map<string, Map<string, Row>>();
  commits = 0;
  begin(sessionId: number): Transaction {
    const pending: { table: TableDef; row: Row }[] = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const db = this;
    const rows = (t: TableDef) => {
      let m = db.committed.get(t.name);
      if (!m) db.committed.set(t.name, (m = new Map()));
      return m;
    };
    const keyOf = (t: TableDef, r: Row) => t.keys[0].map((n) => r.get(t.fields.find((f) => f.name === n)!.id)).join('|');
    return {
      sessionId,
      table: (name) => db.tableDef(name),
      tableById: (id) => customerTable.id === id ? customerTable : db.tableDef(String(id)),
      find(t: TableDef, _o: ReadOptions): VersionedRow[] {
        return [...rows(t).values()].sort((a, b) => (keyOf(t, a) < keyOf(t, b) ? -1 : 1)).map((r) => ({ row: new Map(r), version: 1 }));
      },
      get(t, pk) {
        const r = rows(t).get(pk.join('|'));
        return r ? { row: new Map(r), version: 1 } : undefined;
      },
      count: (t) => rows(t).size,
      insert(t, r) {
        pending.push({ table: t, row: r });
        return { row: r, version: 0 };
      },
      modify: (_t, r) => r,
      delete() {},
      rename: (_t, r) => r,
      lockTable() {},
      hasWrites: () => pending.length > 0,
      commit() {
        for (const p of pending) rows(p.table).set(keyOf(p.table, p.row), p.row);
        pending.length = 0;
        db.commits++;
      },
      rollback() {
        pending.length = 0;
      },
    };
  }
  tableDef(name: string): TableDef {
    if (name === 'Customer') return customerTable;
    throw new Error(`no table ${name}`);
  }
  seed(table: TableDef, keys: string[]): void {
    const tx = this.begin(0);
    for (const k of keys) tx.insert(table, new Map<number, FieldValue>([[1, k], [2, `Customer ${k}`]]));
    tx.commit();
  }
}

export function cardLayout(extraFields: string[] = [], actions: string[] = []): PageLayout {
  return {
    pageId: 21,
    name: 'Customer Card',
    caption: 'Customer Card',
    pageType: 'Card',
    sourceTable: 'Customer',
    groups: [{ name: 'General', caption: 'General', fields: [{ name: 'No.', caption: 'No.', editable: true, type: 'Code' }, ...extraFields.map((f) => ({ name: f, caption: f, editable: false, type: 'Text' }))] }],
    actions: actions.map((a) => ({ name: a, caption: a, promoted: false, group: '' })),
    parts: [],
  };
}
