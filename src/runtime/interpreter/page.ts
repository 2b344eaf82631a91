// A page instance in a session: the page's and each page extension's globals (separate scopes), Rec and xRec,
// CurrPage, the layout after applying the extensions' add*/move* changes, field values evaluated from their
// source expressions, and the triggers, actions and field validation the session layer runs.
import type { ControlState, FieldFilter, FieldValue, PageInstance, PageLayout, PageLayoutField, ReadOptions, SessionServices } from '../contracts';
import type { Expr, PageControl, ProcDecl, PropValue, TypeRef } from './ast';
import { AlError } from './errors';
import type { RuntimeEngine } from './runtimeEngine';
import type { ObjectModel, ProcInfo } from './model';
import { toSourceLocation } from './model';
import { Instance, Variant } from './objects';
import { AlRecord, convertForField } from './record';
import type { Rt } from './rt';
import { registry, tBool, tInt, tText, type CallInfo } from './methodTypes';
import { AlDictionary, fromMap } from './collections';
import { formatAny } from './display';
import { evaluateText } from '../values/evaluate';
import { isScalarType, normType } from './typeNames';
import { recordIdText, recordMethods } from './recordMethods';
import { ProcCompiler } from './compiler';
import { splitOptionMembers } from './lower';
import { parseExpressionText } from './expressionText';
import { runTaskTriggers, waitForTask } from './testPage';

let nextPageInstanceId = 1;

interface ControlEntry {
  control: PageControl;
  owner: Instance;
  /** The enclosing group's name (its Visible/Editable apply to the control too). */
  parent?: string;
}

interface FieldControl {
  control: PageControl;
  owner: Instance;
  caption: string;
  editable: boolean;
}

export class PageRuntime implements PageInstance {
  readonly pageInstanceId = nextPageInstanceId++;
  readonly layout: PageLayout;
  readonly main: Instance;
  readonly exts: Instance[];
  readonly rec?: AlRecord;
  private readonly fields: FieldControl[] = [];
  private readonly actions = new Map<string, Instance>();
  /** Every named control of the layout and the actions, in order, with the object that declares it. */
  private readonly controls: ControlEntry[] = [];
  private readonly propGetters = new Map<PropValue, (rt: Rt, self: unknown, L: Record<string, unknown>) => Generator<unknown, unknown, unknown>>();
  private readonly getters = new Map<PageControl, { fn: (rt: Rt, self: unknown, L: Record<string, unknown>) => Generator<unknown, unknown, unknown>; type?: TypeRef }>();
  /** CurrPage.Update requests since the session layer last looked (it may ignore them). */
  updateRequested = false;
  closeRequested = false;
  /** Opened through a TestPage: its page background tasks run synchronously (PageHandle.testPage). */
  testPage = false;
  caption: string;
  editable = true;

  constructor(
    private readonly engine: RuntimeEngine,
    private readonly services: SessionServices,
    readonly obj: ObjectModel,
  ) {
    const st = obj.decl.properties.get('sourcetable')?.text;
    const table = st ? engine.tableByName(st) : undefined;
    if (st && !table) throw new AlError(`Page ${obj.name}: its SourceTable ${st} is not in the workspace.`);
    if (table) this.rec = new AlRecord(table, /^true$/i.test(obj.decl.properties.get('sourcetabletemporary')?.text ?? ''));
    this.main = engine.newInstance(obj);
    this.main.page = this;
    this.main.rec = this.rec;
    this.exts = obj.extensions.map((e) => {
      const i = engine.newInstance(e);
      i.base = this.main;
      i.page = this;
      i.rec = this.rec;
      return i;
    });
    this.caption = obj.decl.properties.get('caption')?.text ?? obj.name;
    this.layout = this.buildLayout();
  }

  // ------------------------------------------------------------------------------------------------------
  // Layout
  // ------------------------------------------------------------------------------------------------------

  private buildLayout(): PageLayout {
    // Work on copies of the control trees, then apply each extension's changes in load order.
    const owners = new Map<PageControl, Instance>();
    const clone = (c: PageControl, owner: Instance): PageControl => {
      const n = { ...c, children: c.children.map((x) => clone(x, owner)) };
      owners.set(n, owner);
      return n;
    };
    const layout = this.obj.decl.layout.map((c) => clone(c, this.main));
    const actions = this.obj.decl.actions.map((c) => clone(c, this.main));
    this.exts.forEach((ext) => {
      for (const ch of ext.obj.decl.layoutChanges) applyChange(layout, ch.verb, ch.anchor, ch.controls.map((c) => clone(c, ext)));
      for (const ch of ext.obj.decl.actionChanges) applyChange(actions, ch.verb, ch.anchor, ch.controls.map((c) => clone(c, ext)));
    });
    const groups: PageLayout['groups'] = [];
    const pageEditable = !/^false$/i.test(this.obj.decl.properties.get('editable')?.text ?? '');
    this.editable = pageEditable;
    const parts: PageLayout['parts'] = [];
    const walk = (c: PageControl, group: PageLayout['groups'][number] | undefined, area: string) => {
      this.controls.push({ control: c, owner: owners.get(c) ?? this.main, parent: group?.name });
      if (c.kind === 'field') {
        const owner = owners.get(c) ?? this.main;
        const fc: FieldControl = { control: c, owner, caption: this.captionOf(c), editable: pageEditable && !/^false$/i.test(c.properties.get('editable')?.text ?? '') && !this.isFlowField(c) };
        this.fields.push(fc);
        if (!group) {
          group = { name: '', caption: '', fields: [] };
          groups.push(group);
        }
        group.fields.push({ name: c.name, caption: fc.caption, editable: fc.editable, ...this.editorOf(c, owner) });
        return;
      }
      if (c.kind === 'part') {
        if (c.keyword === 'usercontrol') return; // A control add-in: JavaScript in the browser, nothing to show here.
        const system = c.keyword === 'systempart';
        parts.push({
          name: c.name,
          caption: c.properties.get('caption')?.text ?? '',
          page: c.target ?? c.name,
          area: area === 'factboxes' ? 'factboxes' : 'content',
          system,
          ...(c.properties.get('subpagelink') ? { subPageLink: c.properties.get('subpagelink')!.text } : {}),
        });
        return;
      }
      if (c.kind === 'group' || c.kind === 'area') {
        const g: PageLayout['groups'][number] = { name: c.name, caption: c.properties.get('caption')?.text ?? c.name, fields: [] };
        if (c.keyword === 'repeater') g.repeater = true;
        if (c.keyword === 'cuegroup') g.cue = true;
        groups.push(g);
        for (const ch of c.children) walk(ch, g, c.kind === 'area' ? c.name.toLowerCase() : area);
        return;
      }
      for (const ch of c.children) walk(ch, group, area);
    };
    for (const c of layout) walk(c, undefined, '');
    const acts: PageLayout['actions'] = [];
    const promotedRefs = new Set<string>();
    const walkActions = (c: PageControl, group: string, inPromoted: boolean) => {
      this.controls.push({ control: c, owner: owners.get(c) ?? this.main });
      if (c.keyword === 'actionref' && c.target) promotedRefs.add(c.target.toLowerCase());
      if (c.kind === 'action') {
        const runObject = c.properties.get('runobject')?.text;
        const runPageLink = c.properties.get('runpagelink')?.text;
        acts.push({
          name: c.name,
          caption: c.properties.get('caption')?.text ?? c.name,
          promoted: inPromoted || /^true$/i.test(c.properties.get('promoted')?.text ?? ''),
          group,
          ...(runObject ? { runObject } : {}),
          ...(runPageLink ? { runPageLink } : {}),
        });
        this.actions.set(c.name.toLowerCase(), owners.get(c) ?? this.main);
      }
      const inner = c.kind === 'area' || c.kind === 'group' || c.kind === 'actiongroup' ? c.properties.get('caption')?.text ?? c.name : group;
      for (const ch of c.children) walkActions(ch, inner, inPromoted || (c.kind === 'area' && c.name.toLowerCase() === 'promoted'));
    };
    for (const c of actions) walkActions(c, '', false);
    for (const a of acts) if (promotedRefs.has(a.name.toLowerCase())) a.promoted = true;
    return {
      pageId: this.obj.id,
      name: this.obj.name,
      caption: this.caption,
      pageType: this.obj.decl.properties.get('pagetype')?.text ?? 'Card',
      sourceTable: this.rec?.def.name,
      groups: groups.filter((g) => g.fields.length > 0),
      actions: acts,
      parts,
    };
  }

  private isFlowField(c: PageControl): boolean {
    const f = this.sourceField(c.source);
    return f !== undefined && this.rec!.table.fieldsById.get(f)!.def.fieldClass !== 'Normal';
  }

  /** The editor a field gets: its AL type and, for Option/Enum, the members with their captions. */
  private editorOf(c: PageControl, owner: Instance): Pick<PageLayoutField, 'type' | 'options'> {
    const fid = this.sourceField(c.source);
    let t: TypeRef | undefined;
    let optionCaption = c.properties.get('optioncaption')?.text;
    if (fid !== undefined) {
      const fm = this.rec!.table.fieldsById.get(fid)!;
      t = fm.type;
      optionCaption ??= fm.decl.properties.get('optioncaption')?.text;
    } else if (c.source) {
      try {
        t = this.getter(c, owner).type;
      } catch {
        return { type: 'Text' };
      }
    }
    const n = t ? normType(t) : undefined;
    if (!n) return { type: 'Text' };
    if (n.name === 'Option') {
      const names = n.optionMembers ?? [];
      const caps = optionCaption ? splitOptionMembers(optionCaption) : names;
      return { type: 'Option', options: names.map((v, i) => ({ value: v, caption: caps[i] ?? v })).filter((o) => o.value.trim() !== '' || o.caption.trim() !== '') };
    }
    if (n.name === 'Enum') {
      const captions = this.engine.membersOf(n) ?? [];
      return { type: 'Enum', options: this.engine.enumEntries(n).map((e) => ({ value: e.name, caption: captions[e.ordinal] ?? e.name })) };
    }
    return { type: n.name === 'Label' ? 'Text' : n.name };
  }

  /**
   * Visible, Enabled and Editable of every control that declares one, evaluated now (on the current record and the
   * page's variables), plus the fields' effective Editable: the page's (CurrPage.Editable), the enclosing groups'
   * and the field's own. A property that cannot be evaluated counts as true (the client would show the control).
   */
  controlStates(): Map<string, ControlState> {
    const out = new Map<string, ControlState>();
    const rt = this.engine.detachedRt(this.services);
    const evalProp = (c: ControlEntry, prop: string): boolean => {
      const pv = c.control.properties.get(prop);
      if (!pv) return true;
      if (/^\s*true\s*$/i.test(pv.text)) return true;
      if (/^\s*false\s*$/i.test(pv.text)) return false;
      try {
        let g = this.propGetters.get(pv);
        if (!g) {
          const pi = syntheticProc(c.owner.obj, `${c.control.name} (${prop})`);
          g = new ProcCompiler(this.engine, pi).compileExpression(pv.expr ?? parseExpressionText(pv.text)).fn;
          this.propGetters.set(pv, g);
        }
        rt.evalMode = true;
        const r = g(rt, c.owner, {}).next();
        return r.done ? r.value !== false : true;
      } catch {
        return true;
      } finally {
        rt.evalMode = false;
      }
    };
    for (const c of this.controls) {
      if (!c.control.name) continue;
      const own: ControlState = { visible: evalProp(c, 'visible'), enabled: evalProp(c, 'enabled'), editable: evalProp(c, 'editable') };
      const parent = c.parent ? out.get(c.parent.toLowerCase()) : undefined;
      if (parent) {
        own.visible &&= parent.visible;
        own.editable &&= parent.editable;
      }
      if (c.control.kind === 'field') own.editable &&= this.editable && !this.isFlowField(c.control) && !!c.control.source;
      out.set(c.control.name.toLowerCase(), own);
    }
    return out;
  }

  private captionOf(c: PageControl): string {
    const cap = c.properties.get('caption')?.text;
    if (cap !== undefined) return cap;
    const f = this.sourceField(c.source);
    return f ? this.rec!.table.fieldsById.get(f)!.caption : c.name;
  }

  /** The source table field a control shows (`Rec."No."` or a bare field name), if any. */
  private sourceField(e: Expr | undefined): number | undefined {
    if (!e || !this.rec) return undefined;
    let name: string | undefined;
    if (e.k === 'member' && e.obj.k === 'name' && e.obj.name.toLowerCase() === 'rec') name = e.name;
    else if (e.k === 'name') {
      const isGlobal = [this.obj, ...this.exts.map((x) => x.obj)].some((o) => o.globals.some((g) => g.name.toLowerCase() === e.name.toLowerCase()));
      if (!isGlobal) name = e.name;
    }
    return name ? this.rec.table.fieldsByName.get(name.toLowerCase())?.def.id : undefined;
  }

  // ------------------------------------------------------------------------------------------------------
  // PageInstance
  // ------------------------------------------------------------------------------------------------------

  setCurrentRecord(primaryKey: FieldValue[] | undefined): void {
    if (!this.rec) return;
    this.main.setXrec(this.rec.copy());
    if (!primaryKey) {
      this.rec.values = new AlRecord(this.rec.table, this.rec.temporary).values;
      this.rec.version = 0;
      return;
    }
    const be = this.rec.backend(() => this.services.transaction());
    const r = be.get(this.rec.def, primaryKey.map((v, i) => convertForField(this.rec!.table.fieldsById.get(this.rec!.table.pkFieldIds[i])!.def, v)));
    if (!r) throw new AlError(`The ${this.rec.table.caption} does not exist. Identification fields and values: ${primaryKey.map(String).join(',')}`, 'DB:RecordNotFound');
    this.rec.load(r);
    this.main.setXrec(this.rec.copy());
  }

  recordFieldValue(field: string): FieldValue | undefined {
    const fm = this.rec?.table.fieldsByName.get(unquoteName(field).toLowerCase());
    return fm ? this.rec!.f(fm.def.id) : undefined;
  }

  /**
   * SubPageLink (`"No." = field("No."), "Date Filter" = field("Date Filter"), Type = const(Item)`): filters in
   * filter group 4 (BC's link group). A field() link takes the parent's current value; a FlowFilter field is
   * filtered the same way (it parameterizes the part's FlowFields, as in BC).
   */
  setLinkFilters(link: string, parentValue: (field: string) => FieldValue | undefined): void {
    if (!this.rec) return;
    const group = new Map<number, FieldFilter>();
    for (const m of link.matchAll(/("[^"]+"|[A-Za-z_][\w]*)\s*=\s*(field|const|filter)\s*\(((?:"[^"]*"|'[^']*'|[^)])*)\)/gi)) {
      const fm = this.rec.table.fieldsByName.get(unquoteName(m[1]).toLowerCase());
      if (!fm) continue;
      const kind = m[2].toLowerCase();
      const arg = m[3].trim();
      if (kind === 'field') {
        const v = parentValue(arg);
        if (v !== undefined) group.set(fm.def.id, { fieldId: fm.def.id, range: { from: convertForField(fm.def, v) } });
      } else if (kind === 'const') {
        const r = evaluateText({ type: fm.def.type, optionMembers: fm.def.optionMembers ?? this.engine.membersOf(fm.type), length: fm.def.length }, unquoteName(arg.replace(/^'(.*)'$/, '$1')));
        if (r.ok) group.set(fm.def.id, { fieldId: fm.def.id, range: { from: r.value as FieldValue } });
      } else {
        group.set(fm.def.id, { fieldId: fm.def.id, expression: arg.replace(/^'(.*)'$/, '$1') });
      }
    }
    if (group.size) this.rec.filterGroups.set(4, group);
    else this.rec.filterGroups.delete(4);
  }

  recordKey(): FieldValue[] | undefined {
    if (!this.rec || this.isNewRecord) return undefined;
    return this.rec.pkValues();
  }

  recordChanged(): boolean {
    if (!this.rec) return false;
    const stored = this.rec.backend(() => this.services.transaction()).get(this.rec.def, this.rec.pkValues());
    if (!stored) return true;
    for (const [id, v] of this.rec.values) {
      if (this.rec.table.fieldsById.get(id)?.def.fieldClass !== 'Normal') continue;
      if (String(stored.row.get(id)) !== String(v)) return true;
    }
    return false;
  }

  rowReadOptions(): ReadOptions {
    return this.rec!.readOptions();
  }

  /** A new record shown and not inserted yet (New, then the first field left inserts it, as the web client does). */
  isNewRecord = false;

  /** New, save (insert or modify) and delete of the page's record, with the page's and the table's triggers. */
  *recordOp(rt: Rt, op: 'new' | 'save' | 'delete'): Generator<unknown, void, unknown> {
    const rec = this.rec;
    if (!rec) throw new AlError(`Page ${this.obj.name} has no source table.`);
    const ci = (name: string): CallInfo => ({ loc: this.obj.decl.loc, argTypes: [], used: false, name });
    const pageTrigger = function* (self: PageRuntime, name: string, args: unknown[]): Generator<unknown, boolean, unknown> {
      // OnNewRecord(BelowxRec), OnInsertRecord(BelowxRec): Boolean, OnModifyRecord(): Boolean, OnDeleteRecord(): Boolean:
      // a trigger answering false tells the client not to write.
      let go = true;
      for (const inst of [self.main, ...self.exts]) {
        const p = inst.obj.triggers.get(name);
        if (!p) continue;
        const fn = p.fn ?? self.engine.compileProc(p);
        const r = yield* fn(rt, inst, args.slice(0, p.decl.params.length));
        if (r === false) go = false;
      }
      return go;
    };
    switch (op) {
      case 'new': {
        // The client's new record: every field at its InitValue, the primary key blank; xRec is the record left.
        this.main.setXrec(rec.copy());
        rec.values = new AlRecord(rec.table, rec.temporary).values;
        rec.version = 0;
        this.isNewRecord = true;
        yield* pageTrigger(this, 'onnewrecord', [false]);
        return;
      }
      case 'save': {
        if (this.isNewRecord) {
          if (!(yield* pageTrigger(this, 'oninsertrecord', [false]))) return;
          yield* (recordMethods.get('insert')!.impl(rt, ci('Insert'), rec, true) as Generator<unknown, void, unknown>);
          this.isNewRecord = false;
        } else {
          if (!(yield* pageTrigger(this, 'onmodifyrecord', []))) return;
          yield* (recordMethods.get('modify')!.impl(rt, ci('Modify'), rec, true) as Generator<unknown, void, unknown>);
        }
        this.main.setXrec(rec.copy());
        return;
      }
      case 'delete': {
        if (this.isNewRecord) {
          this.isNewRecord = false;
          return;
        }
        if (!(yield* pageTrigger(this, 'ondeleterecord', []))) return;
        yield* (recordMethods.get('delete')!.impl(rt, ci('Delete'), rec, true) as Generator<unknown, void, unknown>);
        return;
      }
    }
  }

  currentRecordId(): string {
    if (!this.rec) return '';
    const rt = this.engine.detachedRt(this.services);
    return recordIdText(this.rec, rt);
  }

  fieldValues(): Map<string, string> {
    const out = new Map<string, string>();
    const rt = this.engine.detachedRt(this.services);
    for (const f of this.fields) {
      const c = f.control;
      if (!c.source) continue;
      let text: string;
      try {
        const g = this.getter(c, f.owner);
        const it = g.fn(rt, f.owner, {});
        rt.evalMode = true;
        const r = it.next();
        if (!r.done) throw new AlError(`The value of field ${c.name} cannot be computed without running AL code that waits.`);
        text = formatAny(r.value, g.type, (t) => this.engine.membersOf(t));
      } catch (e) {
        text = `#error: ${(e as Error).message}`;
      } finally {
        rt.evalMode = false;
      }
      out.set(c.name, text);
    }
    return out;
  }

  private getter(c: PageControl, owner: Instance) {
    let g = this.getters.get(c);
    if (!g) {
      const pi = syntheticProc(owner.obj, `${c.name} (source)`);
      const compiled = new ProcCompiler(this.engine, pi).compileExpression(c.source!);
      g = { fn: compiled.fn, type: compiled.type };
      this.getters.set(c, g);
    }
    return g;
  }

  hasTrigger(name: string): boolean {
    return this.triggerOwners(name).length > 0;
  }

  /** The objects that declare the trigger, in running order (the page, then its extensions), e.g. `PageExtension 50100`. */
  triggerOwners(name: string): string[] {
    const n = name.toLowerCase();
    return [this.main, ...this.exts].filter((i) => i.obj.triggers.has(n)).map((i) => `${i.obj.type === 'pageextension' ? 'PageExtension' : 'Page'} ${i.obj.id}`);
  }

  // ------------------------------------------------------------------------------------------------------
  // Running code
  // ------------------------------------------------------------------------------------------------------

  /**
   * Runs the page's trigger, then each extension's. Arguments: Map<string,string> becomes a Dictionary of
   * [Text, Text]; `var` parameters are passed by reference. The completed value is the argument list after the
   * calls (so the session layer reads back `var IsHandled`).
   */
  *runTrigger(rt: Rt, name: string, args: unknown[]): Generator<unknown, unknown[], unknown> {
    const n = name.toLowerCase();
    const values = args.map((a) => (a instanceof Map ? fromMap(a as Map<string, string>) : a));
    for (const inst of [this.main, ...this.exts]) {
      const p = inst.obj.triggers.get(n);
      if (!p) continue;
      const refs = values.map((v, i) => {
        const par = p.decl.params[i];
        return par?.byRef && isScalarType(normType(par.type)) ? { v } : v;
      });
      const fn = p.fn ?? this.engine.compileProc(p);
      yield* fn(rt, inst, refs);
      refs.forEach((r, i) => {
        const par = p.decl.params[i];
        if (par?.byRef && isScalarType(normType(par.type))) values[i] = (r as { v: unknown }).v;
      });
    }
    return values.map((v) => (v instanceof AlDictionary ? new Map([...v.map.values()].map(([k, x]) => [String(k), String(x instanceof Variant ? x.value : x)])) : v));
  }

  *runAction(rt: Rt, action: string): Generator<unknown, void, unknown> {
    const owner = this.actions.get(action.toLowerCase());
    if (!owner) throw new AlError(`Page ${this.obj.name} has no action ${action}.`);
    const p = owner.obj.controlTriggers.get(action.toLowerCase())?.get('onaction');
    if (!p) return;
    const fn = p.fn ?? this.engine.compileProc(p);
    yield* fn(rt, owner, []);
  }

  /** A value typed into a field: the table field's OnValidate (through Validate), then the page field's. */
  *validateField(rt: Rt, field: string, value: string): Generator<unknown, void, unknown> {
    const fc = this.fields.find((f) => f.control.name.toLowerCase() === field.toLowerCase());
    if (!fc) throw new AlError(`Page ${this.obj.name} has no field ${field}.`);
    if (!fc.editable) throw new AlError(`The field ${fc.caption} on page ${this.caption} is not editable.`);
    const fid = this.sourceField(fc.control.source);
    if (fid !== undefined && this.rec) {
      const fm = this.rec.table.fieldsById.get(fid)!;
      const r = evaluateText({ type: fm.def.type, optionMembers: fm.def.optionMembers ?? this.engine.membersOf(fm.type), length: fm.def.length }, value);
      if (!r.ok) throw new AlError(r.error, 'Evaluate');
      const ci: CallInfo = { loc: fc.control.loc, argTypes: [undefined, fm.type], used: false, name: 'Validate' };
      yield* (recordMethods.get('validate')!.impl(rt, ci, this.rec, fid, r.value) as Generator<unknown, void, unknown>);
    } else if (fc.control.source) {
      const pi = syntheticProc(fc.owner.obj, `${fc.control.name} (validate)`);
      const setter = new ProcCompiler(this.engine, pi).compileSetter(fc.control.source);
      const t = setter.type ? normType(setter.type) : { name: 'Text' };
      const r = evaluateText({ type: (t.name === 'Label' ? 'Text' : t.name) as never, optionMembers: this.engine.membersOf(t), length: t.length }, value);
      if (!r.ok) throw new AlError(r.error, 'Evaluate');
      yield* setter.fn(rt, fc.owner, {}, r.value);
    }
    const p = fc.owner.obj.controlTriggers.get(fc.control.name.toLowerCase())?.get('onvalidate');
    if (p) {
      const fn = p.fn ?? this.engine.compileProc(p);
      yield* fn(rt, fc.owner, []);
    }
  }
}

/** `"No."` -> `No.`; `Name` -> `Name`. */
function unquoteName(s: string): string {
  const t = s.trim();
  return t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

function applyChange(tree: PageControl[], verb: string, anchor: string, controls: PageControl[]): void {
  const a = anchor.toLowerCase();
  const find = (list: PageControl[]): { list: PageControl[]; index: number } | undefined => {
    for (let i = 0; i < list.length; i++) {
      if (list[i].name.toLowerCase() === a) return { list, index: i };
      const inner = find(list[i].children);
      if (inner) return inner;
    }
    return undefined;
  };
  let at = find(tree);
  if (!at && (verb === 'addfirst' || verb === 'addlast') && AREAS.has(a)) {
    // The extended page has no such area yet (our stand-in pages are smaller than the base app's): create it.
    tree.push({ kind: 'area', name: anchor, properties: new Map(), triggers: [], children: [], loc: controls[0]?.loc ?? ({} as PageControl['loc']) });
    at = { list: tree, index: tree.length - 1 };
  }
  if (!at) return; // An anchor that does not exist: BC refuses it at compile time; nothing to place here.
  switch (verb) {
    case 'addfirst':
      at.list[at.index].children.unshift(...controls);
      break;
    case 'addlast':
      at.list[at.index].children.push(...controls);
      break;
    case 'addafter':
      at.list.splice(at.index + 1, 0, ...controls);
      break;
    case 'addbefore':
      at.list.splice(at.index, 0, ...controls);
      break;
    case 'modify': {
      const target = at.list[at.index];
      for (const c of controls) for (const [k, v] of c.properties) target.properties.set(k, v);
      break;
    }
    default:
      break;
  }
}

const AREAS = new Set(['content', 'factboxes', 'processing', 'navigation', 'reporting', 'creation', 'promoted', 'sections', 'embedding', 'rolecenter']);

const synthetic = new Map<ObjectModel, Map<string, ProcInfo>>();

/** A procedure-less context for compiling a page control's expression in its object's scope. */
export function syntheticProc(obj: ObjectModel, name: string): ProcInfo {
  let m = synthetic.get(obj);
  if (!m) synthetic.set(obj, (m = new Map()));
  let p = m.get(name);
  if (!p) {
    const decl: ProcDecl = { name, kind: 'procedure', params: [], locals: [], body: [], attributes: [], local: true, loc: obj.decl.loc, endLoc: obj.decl.loc };
    p = { id: -1, obj, decl, name, slots: [], tryFunction: false, isEvent: false };
    m.set(name, p);
  }
  return p;
}

function pageOf(v: unknown, ci: CallInfo): PageRuntime {
  if (v instanceof PageRuntime) return v;
  throw new AlError('CurrPage is not available here.', '', toSourceLocation(ci.loc));
}

/** CurrPage's methods. */
export const pageMethods = registry({
  Update: {
    max: 1,
    impl: (rt: Rt, ci, p, save = true) => {
      const pg = pageOf(p, ci);
      // The session layer may ignore it (inside the page background task triggers, as BC does).
      if (rt.services.updatePage?.(pg, !!save) !== false) pg.updateRequested = true;
    },
  },
  Close: { max: 0, impl: (_rt: Rt, ci, p) => { pageOf(p, ci).closeRequested = true; } },
  SaveRecord: { max: 0, impl: () => undefined },
  // The page is already the active one in the client; where there is no client it is a callback (refused).
  Activate: { max: 1, impl: (rt: Rt) => rt.services.clientCallback?.('CurrPage.Activate') },
  Caption: { ret: tText, max: 1, impl: (_rt: Rt, ci, p, c?) => { const pg = pageOf(p, ci); if (c !== undefined) pg.caption = String(c); return pg.caption; } },
  Editable: { ret: tBool, max: 1, impl: (_rt: Rt, ci, p, e?) => { const pg = pageOf(p, ci); if (e !== undefined) pg.editable = !!e; return pg.editable; } },
  LookupMode: { ret: tBool, max: 1, impl: () => false },
  ObjectId: { ret: tText, max: 1, impl: (_rt: Rt, ci, p) => `Page ${pageOf(p, ci).obj.id}` },
  SetSelectionFilter: {
    min: 1, max: 1, effect: true,
    impl(_rt: Rt, ci, p, rec: AlRecord) {
      const pg = pageOf(p, ci);
      if (pg.rec) {
        rec.filterGroups = new Map([...pg.rec.filterGroups].map(([g, m]) => [g, new Map(m)]));
        rec.marks.add(rec.table.info.keyOfValues(pg.rec.pkValues()));
      }
    },
  },
  EnqueueBackgroundTask: {
    gen: true, refArgs: [0], min: 2, max: 5, ret: tBool, effect: true,
    *impl(rt: Rt, ci, p, ref: { v: unknown }, cu, params?: unknown, timeout?: unknown, level?: unknown) {
      const pg = pageOf(p, ci);
      const parameters = new Map<string, string>();
      if (params instanceof AlDictionary) for (const [k, v] of params.map.values()) parameters.set(String(k), String(v instanceof Variant ? v.value : v));
      const levels = ['Ignore', 'Warning', 'Error'] as const;
      const res = rt.services.enqueueBackgroundTask(pg, {
        codeunitId: Number(cu),
        parameters,
        timeoutMs: timeout === undefined ? undefined : Number(timeout),
        errorLevel: level === undefined ? 'Error' : levels[Number(level)] ?? 'Error',
      });
      if (!res.ok) {
        if (ci.used) return false;
        throw new AlError(res.error.text, res.error.code, toSourceLocation(ci.loc));
      }
      ref.v = res.taskId;
      if (res.run) {
        // A web-service or test page: the task runs to completion, triggers included, before the call returns.
        const outcome = yield* waitForTask(res.run);
        const handled = yield* runTaskTriggers(rt, pg, res.run, outcome);
        if (!handled && outcome.state === 'failed') res.run.unhandled(outcome.error);
      }
      return true;
    },
  },
  CancelBackgroundTask: { min: 1, max: 1, ret: tBool, effect: true, impl: (rt: Rt, ci, p, id) => { rt.services.cancelBackgroundTask(pageOf(p, ci), Number(id)); return true; } },
  GetRecord: { min: 1, max: 1, effect: true, impl: (_rt: Rt, ci, p, rec: AlRecord) => { const pg = pageOf(p, ci); if (pg.rec) rec.assignFrom(pg.rec); } },
  PageId: { ret: tInt, max: 0, impl: (_rt: Rt, ci, p) => pageOf(p, ci).obj.id },
});
