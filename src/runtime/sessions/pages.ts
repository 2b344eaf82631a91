// Pages as the client drives them: open a page on a record (OnInit, OnOpenPage, OnAfterGetRecord,
// OnAfterGetCurrRecord, the page's triggers before its extensions'), its parts (document lines, FactBoxes: each a
// page instance of its own, filtered by SubPageLink, following the parent's record), list rows, next/previous
// record, actions, field validation then save (Modify as the web client does), new and delete, close
// (OnClosePage); shown field values reported when they change; the two page background task triggers run in the
// page's session with callbacks refused and CurrPage.Update ignored.
import type { AlErrorInfo, FieldValue, PageHandle, PageInstance, PageLayoutPart, TableDef } from '../contracts';
import type { PageErrorData, PageStateData } from '../../protocol/runtimeProtocol';
import type { CallResult, Session } from './session';
import type { SessionRuntime } from './runtime';
import type { PageTask } from './pageTasks';
import { primaryKeyFromJson } from './fieldValues';

export class PageState {
  open = true;
  key: FieldValue[] | undefined;
  shown = new Map<string, string>();
  readonly tasks = new Set<PageTask>();
  /** Completion / error triggers of finished tasks still queued or running on the page's session. */
  settling = 0;
  /** The page's parts (subpages, FactBoxes): each its own page instance, or why it could not open. */
  parts: PartState[] = [];
  /** A list's rows as last shown: key, RecordId text and shown values (OnAfterGetRecord ran for each). */
  rows: { key: FieldValue[]; recordId: string; values: Map<string, string> }[] = [];
  constructor(
    readonly instance: PageInstance,
    readonly session: Session,
    readonly table: TableDef | undefined,
    /** The page this one is a part of. */
    readonly parent?: PageState,
  ) {}
}

export interface PartState {
  def: PageLayoutPart;
  page?: PageState;
  error?: AlErrorInfo;
}

/** A page operation that could not be done (unknown page, no next record...): the scenario step fails. */
export class PageOperationError extends Error {}

export type PageListener = (page: PageState) => void;

export class Pages {
  private readonly byId = new Map<number, PageState>();
  /** Open pages per session: the per-call work must not scan every page of every client. */
  private readonly bySession = new Map<number, Set<PageState>>();
  private readonly listeners = new Set<PageListener>();

  constructor(private readonly rt: SessionRuntime) {}

  byHandle(handle: PageHandle): PageState | undefined {
    return this.byId.get(handle.pageInstanceId);
  }

  get(pageInstanceId: number): PageState | undefined {
    return this.byId.get(pageInstanceId);
  }

  all(): PageState[] {
    return [...this.byId.values()];
  }

  onChange(listener: PageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens a page in a foreground session and runs its opening triggers in the client's order. */
  async open(session: Session, page: number | string, record?: Record<string, unknown>, parent?: { state: PageState; link?: string }): Promise<{ page: PageState; error?: AlErrorInfo }> {
    let instance: PageInstance;
    try {
      instance = this.rt.engine.openPage(this.rt.servicesOf(session), page);
    } catch (err) {
      throw new PageOperationError(`cannot open page ${JSON.stringify(page)}: ${errorText(err)}`);
    }
    const layout = instance.layout;
    const table = layout.sourceTable ? this.rt.engine.tables().find((t) => t.name.toLowerCase() === layout.sourceTable!.toLowerCase()) : undefined;
    const state = new PageState(instance, session, table, parent?.state);
    if (parent?.link) this.linkTo(state, parent.link);
    const r = await this.openState(state, table, record);
    if (!r.error && state.open) {
      const e = await this.openParts(state);
      return { page: state, error: e };
    }
    return r;
  }

  private async openState(state: PageState, table: TableDef | undefined, record?: Record<string, unknown>): Promise<{ page: PageState; error?: AlErrorInfo }> {
    const { instance, session } = state;
    const layout = instance.layout;
    let key: FieldValue[] | undefined;
    if (table) {
      if (record && Object.keys(record).length > 0) {
        try {
          key = primaryKeyFromJson(table, record);
        } catch (err) {
          throw new PageOperationError(`page ${layout.name}: ${errorText(err)}`);
        }
        if (!this.rt.servicesOf(session).transaction().get(table, key)) {
          throw new PageOperationError(`page ${layout.name}: there is no ${table.name} record ${JSON.stringify(record)}`);
        }
      } else {
        key = this.keyAt(state, 0);
      }
    }
    this.byId.set(instance.pageInstanceId, state);
    let mine = this.bySession.get(session.id);
    if (!mine) this.bySession.set(session.id, (mine = new Set()));
    mine.add(state);
    this.rt.timeline.emit('pageOpened', { session: session.id, page: layout.name, pageId: layout.pageId, pageInstance: instance.pageInstanceId });
    // The client's order: OnInit, OnOpenPage, then the record is fetched (a task enqueued in OnOpenPage stored
    // the record ID before that, so it is cancelled now), OnAfterGetRecord per shown row, OnAfterGetCurrRecord.
    let r = await this.trigger(state, 'OnInit');
    if (r.state === 'completed') r = await this.trigger(state, 'OnOpenPage');
    if (r.state === 'failed') {
      // The page does not open when its opening triggers fail; the client shows the error.
      this.discard(state);
      return { page: state, error: r.error };
    }
    if (state.open && table && isListPage(layout.pageType)) {
      const error = await this.loadRows(state, key);
      return { page: state, error };
    }
    this.setRecord(state, key);
    const error = await this.getRecord(state);
    return { page: state, error };
  }

  /**
   * A list shows several rows: OnAfterGetRecord runs for each (a task enqueued there is cancelled as soon as the
   * next row is fetched, as bc-semantics §4 warns) and its values are kept for the row; then the selected row
   * becomes current (OnAfterGetCurrRecord).
   */
  private async loadRows(state: PageState, selected: FieldValue[] | undefined): Promise<AlErrorInfo | undefined> {
    state.rows = [];
    for (const row of this.rows(state).slice(0, LIST_ROWS_SHOWN)) {
      if (!state.open) break;
      this.setRecord(state, row);
      const a = await this.trigger(state, 'OnAfterGetRecord');
      if (a.state === 'failed') return a.error;
      state.rows.push({ key: row, recordId: safe(() => state.instance.currentRecordId()), values: this.valuesOrEmpty(state) });
    }
    this.setRecord(state, selected);
    const b = await this.trigger(state, 'OnAfterGetCurrRecord');
    return b.state === 'failed' ? b.error : undefined;
  }

  /** Opens the page's parts that are visible, in layout order; a part that fails is kept with its error. */
  private async openParts(state: PageState): Promise<AlErrorInfo | undefined> {
    if (state.parent) return undefined; // Parts of parts (a FactBox's own parts) are not shown by the client either.
    const visible = this.controlStates(state);
    for (const def of state.instance.layout.parts) {
      if (def.system || visible.get(def.name.toLowerCase())?.visible === false) {
        state.parts.push({ def });
        continue;
      }
      const part: PartState = { def };
      state.parts.push(part);
      try {
        const r = await this.open(state.session, def.page, undefined, { state, link: def.subPageLink ?? '' });
        part.page = r.page;
        part.error = r.error;
      } catch (err) {
        part.error = { code: '', text: errorText(err), callStack: '' };
      }
    }
    return undefined;
  }

  /** The part follows its parent's record: SubPageLink filters from the parent's current values. */
  private linkTo(state: PageState, link: string): void {
    const parent = state.parent!;
    state.instance.setLinkFilters?.(link, (f) => parent.instance.recordFieldValue?.(f));
  }

  /** After the parent's record changed: each part filters again and shows its first record. */
  private async updateParts(state: PageState): Promise<void> {
    for (const part of state.parts) {
      const p = part.page;
      if (!p || !p.open) continue;
      this.linkTo(p, part.def.subPageLink ?? '');
      const key = p.table ? this.keyAt(p, 0) : undefined;
      const e = isListPage(p.instance.layout.pageType) && p.table ? await this.loadRows(p, key) : (this.setRecord(p, key), await this.getRecord(p));
      part.error = e;
    }
  }

  /** Makes a record current; tasks that stored another record ID are cancelled. */
  private setRecord(state: PageState, key: FieldValue[] | undefined): void {
    state.key = key;
    state.instance.setCurrentRecord(key);
    this.rt.pageTasks.checkRecord(state);
  }

  /** OnAfterGetRecord then OnAfterGetCurrRecord (what the client runs when it shows a record). */
  private async getRecord(state: PageState): Promise<AlErrorInfo | undefined> {
    const a = await this.trigger(state, 'OnAfterGetRecord');
    const b = state.open ? await this.trigger(state, 'OnAfterGetCurrRecord') : a;
    return a.state === 'failed' ? a.error : b.state === 'failed' ? b.error : undefined;
  }

  /**
   * Next/previous record. A new record not saved yet is left as it is (nothing to save until a field was left).
   * At the first or last record the client's buttons do nothing: `quietAtEnd` (the preview) returns without an
   * error; a scenario step that cannot move fails.
   */
  async navigate(state: PageState, direction: 'next' | 'previous', options: { quietAtEnd?: boolean } = {}): Promise<AlErrorInfo | undefined> {
    this.assertOpen(state);
    if (!state.table) throw new PageOperationError(`page ${state.instance.layout.name} has no source table to move through`);
    const rows = this.rows(state);
    const keyText = state.key ? JSON.stringify(state.key) : '';
    const at = rows.findIndex((k) => JSON.stringify(k) === keyText);
    const target = at < 0 && state.instance.isNewRecord ? rows[direction === 'next' ? 0 : rows.length - 1] : rows[direction === 'next' ? at + 1 : at - 1];
    if (!target) {
      if (options.quietAtEnd) return undefined;
      throw new PageOperationError(`page ${state.instance.layout.name}: there is no ${direction} record`);
    }
    return this.moveTo(state, target);
  }

  /** Selects a row of a list (the client's click on a row): that row becomes current. */
  async selectRow(state: PageState, index: number): Promise<AlErrorInfo | undefined> {
    this.assertOpen(state);
    const row = state.rows[index];
    if (!row) throw new PageOperationError(`page ${state.instance.layout.name} has no row ${index}`);
    return this.moveTo(state, row.key);
  }

  private async moveTo(state: PageState, target: FieldValue[]): Promise<AlErrorInfo | undefined> {
    if (state.instance.isNewRecord) state.instance.isNewRecord = false;
    // The tasks enqueued for the old record are cancelled before the new record's triggers run. A list has run
    // OnAfterGetRecord for its shown rows already: selecting one runs OnAfterGetCurrRecord.
    this.setRecord(state, target);
    const list = isListPage(state.instance.layout.pageType) && state.rows.some((r) => JSON.stringify(r.key) === JSON.stringify(target));
    const error = list ? failed(await this.trigger(state, 'OnAfterGetCurrRecord')) : await this.getRecord(state);
    if (!error && state.open) await this.updateParts(state);
    return error;
  }

  /** New: an empty record (InitValue), OnNewRecord, then OnAfterGetCurrRecord; inserted when a field is left. */
  async newRecord(state: PageState): Promise<AlErrorInfo | undefined> {
    this.assertOpen(state);
    if (!state.table) throw new PageOperationError(`page ${state.instance.layout.name} has no source table`);
    this.setRecord(state, undefined);
    const r = await this.recordOp(state, 'new', 'OnNewRecord');
    if (r) return r;
    const e = failed(await this.trigger(state, 'OnAfterGetCurrRecord'));
    if (!e) await this.updateParts(state);
    return e;
  }

  /** Delete (the client asked the user first): OnDeleteRecord, Delete(true); then the next record is shown. */
  async deleteRecord(state: PageState): Promise<AlErrorInfo | undefined> {
    this.assertOpen(state);
    if (!state.table || (!state.key && !state.instance.isNewRecord)) throw new PageOperationError(`page ${state.instance.layout.name} shows no record to delete`);
    const rows = this.rows(state);
    const at = rows.findIndex((k) => JSON.stringify(k) === JSON.stringify(state.key));
    const r = await this.recordOp(state, 'delete', 'OnDeleteRecord');
    if (r) return r;
    const left = this.rows(state);
    const next = left[Math.min(Math.max(at, 0), left.length - 1)];
    if (isListPage(state.instance.layout.pageType)) return this.loadRows(state, next);
    this.setRecord(state, next);
    const e = await this.getRecord(state);
    if (!e) await this.updateParts(state);
    return e;
  }

  private async recordOp(state: PageState, op: 'new' | 'save' | 'delete', label: string): Promise<AlErrorInfo | undefined> {
    this.rt.timeline.emit('trigger', { session: state.session.id, object: pageObject(state), name: label });
    const r = await this.rt.call(state.session, label, () => ({ kind: 'pageRecord', page: state.instance, op }));
    if (r.state === 'failed') return r.error;
    // A record inserted or renamed is now the page's current record.
    const key = state.instance.recordKey?.();
    if (op === 'save' && key) {
      state.key = key;
      const row = state.rows.find((x) => JSON.stringify(x.key) === JSON.stringify(key));
      if (row) row.values = this.valuesOrEmpty(state);
      else if (isListPage(state.instance.layout.pageType)) state.rows.push({ key, recordId: safe(() => state.instance.currentRecordId()), values: this.valuesOrEmpty(state) });
    }
    return undefined;
  }

  async invokeAction(state: PageState, action: string): Promise<AlErrorInfo | undefined> {
    this.assertOpen(state);
    const found = state.instance.layout.actions.find((a) => a.name.toLowerCase() === action.toLowerCase() || a.caption.toLowerCase() === action.toLowerCase());
    if (!found) {
      throw new PageOperationError(`page ${state.instance.layout.name} has no action '${action}' (actions: ${state.instance.layout.actions.map((a) => a.name).join(', ') || 'none'})`);
    }
    this.rt.timeline.emit('trigger', { session: state.session.id, object: pageObject(state), name: `${found.name}.OnAction` });
    const r = await this.rt.call(state.session, `${found.name}.OnAction`, () => ({ kind: 'pageAction', page: state.instance, action: found.name }));
    return r.state === 'failed' ? r.error : undefined;
  }

  async setField(state: PageState, field: string, value: string): Promise<AlErrorInfo | undefined> {
    this.assertOpen(state);
    const all = state.instance.layout.groups.flatMap((g) => g.fields);
    const found = all.find((f) => f.name.toLowerCase() === field.toLowerCase() || f.caption.toLowerCase() === field.toLowerCase());
    if (!found) throw new PageOperationError(`page ${state.instance.layout.name} has no field '${field}'`);
    if (!found.editable) throw new PageOperationError(`field '${found.name}' on page ${state.instance.layout.name} is not editable`);
    this.rt.timeline.emit('trigger', { session: state.session.id, object: pageObject(state), name: `${found.name}.OnValidate` });
    const r = await this.rt.call(state.session, `${found.name}.OnValidate`, () => ({ kind: 'pageFieldValidate', page: state.instance, field: found.name, value }));
    if (r.state === 'failed') return r.error;
    // Leaving the field saves the record, as the web client does: a new record is inserted (OnInsertRecord,
    // Insert(true)), a changed one modified (OnModifyRecord, Modify(true)), so OnModify runs and nothing is lost.
    if (state.table && (state.instance.isNewRecord || state.instance.recordChanged?.())) return this.recordOp(state, 'save', state.instance.isNewRecord ? 'OnInsertRecord' : 'OnModifyRecord');
    return undefined;
  }

  async close(state: PageState): Promise<AlErrorInfo | undefined> {
    this.assertOpen(state);
    for (const p of state.parts) if (p.page?.open) await this.trigger(p.page, 'OnClosePage');
    const r = await this.trigger(state, 'OnClosePage');
    this.discard(state);
    return r.state === 'failed' ? r.error : undefined;
  }

  /** Runs a page trigger (page, then its extensions) in the page's session, if the page or an extension has it. */
  private trigger(state: PageState, name: string): Promise<CallResult> {
    if (!state.open || !state.instance.hasTrigger(name)) return Promise.resolve({ state: 'completed' });
    return this.rt.call(state.session, name, () => ({ kind: 'pageTrigger', page: state.instance, trigger: name }), {
      before: () => this.rt.timeline.emit('trigger', { session: state.session.id, object: pageObject(state), name, declaredIn: state.instance.triggerOwners(name) }),
    });
  }

  /** Queues OnPageBackgroundTaskCompleted / OnPageBackgroundTaskError on the page's session (no waiting). */
  runTaskTrigger(state: PageState, name: string, taskId: number, args: unknown[], after?: (r: CallResult) => void): void {
    if (!state.open || state.session.ended) return;
    if (!state.instance.hasTrigger(name)) {
      after?.({ state: 'completed', value: args });
      return;
    }
    const services = this.rt.servicesOf(state.session);
    state.settling++;
    this.rt.queueCall(state.session, name, () => ({ kind: 'pageTrigger', page: state.instance, trigger: name, args }), {
      before: () => {
        services.inTaskTrigger = name;
        this.rt.timeline.emit('trigger', { session: state.session.id, object: pageObject(state), name, task: taskId, declaredIn: state.instance.triggerOwners(name) });
      },
      after: (r) => {
        services.inTaskTrigger = undefined;
        state.settling--;
        this.tasksChanged(state);
        if (state.instance.updateRequested) {
          // CurrPage.Update is ignored in the two page background task triggers (bc-semantics §4): no refresh,
          // which is also what keeps "enqueue in OnAfterGetCurrRecord" from looping.
          state.instance.updateRequested = false;
          this.rt.timeline.emit('pageUpdate', { session: state.session.id, page: state.instance.layout.name, ignored: true, trigger: name });
        }
        if (r.state === 'completed') after?.(r);
      },
    });
  }

  /** After every call in a foreground session: cancel tasks whose record changed, report changed fields. */
  afterCall(session: Session): void {
    const mine = this.bySession.get(session.id);
    if (!mine) return;
    for (const state of [...mine]) {
      if (!state.open) continue;
      this.rt.pageTasks.checkRecord(state);
      this.refresh(state);
      if (state.instance.updateRequested && !this.rt.servicesOf(session).inTaskTrigger) {
        // CurrPage.Update: the client saves and shows the record again (OnAfterGetRecord, OnAfterGetCurrRecord).
        state.instance.updateRequested = false;
        this.rt.timeline.emit('pageUpdate', { session: session.id, page: state.instance.layout.name, ignored: false });
        void this.getRecord(state);
      }
    }
  }

  /** Emits pageField for each shown value that changed since the last look. */
  refresh(state: PageState): void {
    let values: Map<string, string>;
    try {
      values = this.shownValues(state);
    } catch {
      return;
    }
    let changed = false;
    for (const [field, value] of values) {
      if (state.shown.get(field) === value) continue;
      const first = !state.shown.has(field);
      state.shown.set(field, value);
      if (first && value === '') continue;
      changed = true;
      this.rt.timeline.emit('pageField', { session: state.session.id, page: state.instance.layout.name, pageInstance: state.instance.pageInstanceId, field, value });
    }
    if (changed) for (const l of this.listeners) l(state);
  }

  /** A task of the page finished or was cancelled: a part page may stop showing dashes. */
  tasksChanged(state: PageState): void {
    if (state.open && isPartPage(state.instance.layout.pageType)) this.refresh(state);
  }

  /**
   * What the client shows in the page's fields. Part pages (CardPart, ListPart) show a dash in every field until
   * all their page background tasks finished, completion and error triggers included (bc-semantics §4).
   */
  shownValues(state: PageState): Map<string, string> {
    const values = state.instance.fieldValues();
    if (!isPartPage(state.instance.layout.pageType) || (state.tasks.size === 0 && state.settling === 0)) return values;
    return new Map([...values.keys()].map((k) => [k, PENDING_DASH]));
  }

  sessionEnded(session: Session): void {
    const mine = this.bySession.get(session.id);
    if (!mine) return;
    for (const state of [...mine]) this.discard(state);
    this.bySession.delete(session.id);
  }

  data(state: PageState): PageStateData {
    const layout = state.instance.layout;
    let values = new Map<string, string>();
    try {
      values = this.shownValues(state);
    } catch {
      /* a page whose values cannot be formatted still shows its layout */
    }
    const controls = this.controlStates(state);
    const ctl = (name: string) => controls.get(name.toLowerCase()) ?? { visible: true, enabled: true, editable: true };
    const list = isListPage(layout.pageType) && !!state.table;
    const keyText = JSON.stringify(state.key ?? null);
    const all = state.table && state.open ? safeRows(() => this.rows(state)) : [];
    const at = all.findIndex((k) => JSON.stringify(k) === keyText);
    // The current row of a list shows its values as they are now (after an edit or a task's completion).
    const current = state.rows.find((r) => JSON.stringify(r.key) === keyText);
    if (current && state.open) current.values = values;
    return {
      pageInstanceId: state.instance.pageInstanceId,
      session: state.session.id,
      pageId: layout.pageId,
      name: layout.name,
      caption: layout.caption,
      pageType: layout.pageType,
      ...(layout.sourceTable ? { sourceTable: layout.sourceTable } : {}),
      groups: layout.groups.map((g) => ({
        name: g.name,
        caption: g.caption,
        ...(g.repeater ? { repeater: true } : {}),
        ...(g.cue ? { cue: true } : {}),
        visible: ctl(g.name).visible,
        fields: g.fields.map((f) => {
          const c = ctl(f.name);
          return { ...f, value: values.get(f.name) ?? '', editable: f.editable && c.editable && c.enabled, visible: c.visible, enabled: c.enabled };
        }),
      })),
      actions: layout.actions.map((a) => ({ ...a, visible: ctl(a.name).visible, enabled: ctl(a.name).enabled })),
      parts: state.parts.map((p) => ({
        name: p.def.name,
        caption: p.def.caption || p.page?.instance.layout.caption || p.def.page,
        area: p.def.area,
        system: p.def.system,
        visible: !!p.page || p.def.system || !!p.error,
        ...(p.page ? { page: this.data(p.page) } : {}),
        ...(p.error ? { error: errorData(p.error) } : {}),
      })),
      ...(list ? { rows: state.rows.map((r) => ({ recordId: r.recordId, values: Object.fromEntries(r.values) })), selected: state.rows.findIndex((r) => JSON.stringify(r.key) === keyText) } : {}),
      recordId: state.open ? safe(() => state.instance.currentRecordId()) : '',
      newRecord: !!state.instance.isNewRecord,
      hasPrevious: at > 0 || (at < 0 && !!state.instance.isNewRecord && all.length > 0),
      hasNext: at >= 0 ? at < all.length - 1 : !!state.instance.isNewRecord && all.length > 0,
      open: state.open,
    };
  }

  private controlStates(state: PageState): Map<string, { visible: boolean; enabled: boolean; editable: boolean }> {
    if (!state.open) return new Map();
    try {
      return state.instance.controlStates?.() ?? new Map();
    } catch {
      return new Map();
    }
  }

  private valuesOrEmpty(state: PageState): Map<string, string> {
    try {
      return this.shownValues(state);
    } catch {
      return new Map();
    }
  }

  private discard(state: PageState): void {
    if (!state.open) return;
    for (const p of state.parts) if (p.page) this.discard(p.page);
    state.open = false;
    this.bySession.get(state.session.id)?.delete(state);
    this.rt.pageTasks.pageClosed(state);
    this.rt.timeline.emit('pageClosed', { session: state.session.id, page: state.instance.layout.name, pageInstance: state.instance.pageInstanceId });
    for (const l of this.listeners) l(state);
  }

  private assertOpen(state: PageState): void {
    if (!state.open) throw new PageOperationError(`page ${state.instance.layout.name} (instance ${state.instance.pageInstanceId}) is closed`);
  }

  private rows(state: PageState): FieldValue[][] {
    const table = state.table!;
    const pk = table.keys[0].map((name) => table.fields.find((f) => f.name === name)!);
    // The rows follow Rec's filters (SubPageLink of a part, SetRange in OnOpenPage) in primary key order.
    const filters = state.instance.rowReadOptions?.().filters ?? [];
    const rows = this.rt.servicesOf(state.session).transaction().find(table, { filters, keyFields: pk.map((f) => f.id), ascending: true });
    return rows.map((r) => pk.map((f) => r.row.get(f.id)!));
  }

  private keyAt(state: PageState, index: number): FieldValue[] | undefined {
    return this.rows(state)[index];
  }
}

/** Rows a list page shows at once (each gets OnAfterGetRecord). */
const LIST_ROWS_SHOWN = 20;

/** What a part page shows in a field while its page background tasks run. */
export const PENDING_DASH = '-';

function isPartPage(pageType: string): boolean {
  return ['cardpart', 'listpart'].includes(pageType.toLowerCase());
}

function isListPage(pageType: string): boolean {
  return ['list', 'listpart', 'worksheet', 'listplus'].includes(pageType.toLowerCase());
}

function pageObject(state: PageState): string {
  return `Page ${state.instance.layout.pageId}`;
}

function errorText(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'alError' in err) return (err as { alError: AlErrorInfo }).alError.text;
  return err instanceof Error ? err.message : String(err);
}

function safeRows(f: () => FieldValue[][]): FieldValue[][] {
  try {
    return f();
  } catch {
    return [];
  }
}

function failed(r: CallResult): AlErrorInfo | undefined {
  return r.state === 'failed' ? r.error : undefined;
}

/** An AL error as the preview shows it: BC's text, the call stack and where it happened. */
export function errorData(e: AlErrorInfo): PageErrorData {
  const loc = e.location;
  return { code: e.code, text: e.text, callStack: e.callStack, ...(loc ? { file: loc.file, line: loc.line, character: loc.character } : {}) };
}

function safe(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}
