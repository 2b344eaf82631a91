// The debug API of one execution (ExecutionDebug): frames with locations, scopes (Locals, Parameters,
// Globals, Rec), expandable variables (records, lists, dictionaries, arrays), side-effect-free evaluate
// and setVariable for simple types. Variable references are valid until the execution resumes.
import type { AlErrorInfo, ExecutionDebug, FieldValue, FrameInfo, VariableInfo } from '../contracts';
import type { TypeRef } from './ast';
import type { Frame, Rt } from './rt';
import { toSourceLocation, type Slot } from './model';
import { displayValue } from './display';
import { AlRecord } from './record';
import { AlDictionary, AlList } from './collections';
import { CodeunitVar, Instance, Variant } from './objects';
import { normType, isScalarType } from './typeNames';
import { toAlError } from './errors';
import { evaluateText } from '../values/evaluate';
import { getFiltersText } from '../store';
import { isAlDecimal } from '../values/decimal';

interface Entry {
  name: string;
  value: unknown;
  type?: TypeRef;
  set?: (v: unknown) => void;
}

export class DebugView implements ExecutionDebug {
  private refs = new Map<number, () => Entry[]>();
  private nextRef = 1;

  constructor(private readonly rt: Rt) {}

  pause(): void {
    this.rt.requestPause();
  }

  resume(mode: 'continue' | 'stepIn' | 'stepOver' | 'stepOut'): void {
    this.refs.clear();
    this.nextRef = 1;
    this.rt.resumeWith(mode);
  }

  private frame(index: number): Frame {
    const fs = this.rt.frames;
    const f = fs[fs.length - 1 - index];
    if (!f) throw new Error(`There is no frame ${index} (the stack has ${fs.length}).`);
    return f;
  }

  frames(): FrameInfo[] {
    const out: FrameInfo[] = [];
    const fs = this.rt.frames;
    for (let i = fs.length - 1; i >= 0; i--) {
      const f = fs[i];
      const o = f.pi.obj;
      const st = this.rt.engine.stmts[f.s];
      out.push({
        index: fs.length - 1 - i,
        name: `${o.name}.${f.pi.name}`,
        objectType: o.type,
        objectId: o.id,
        objectName: o.name,
        location: toSourceLocation(st ? st.loc : f.pi.decl.loc),
      });
    }
    return out;
  }

  private ref(fn: () => Entry[]): number {
    const id = this.nextRef++;
    this.refs.set(id, fn);
    return id;
  }

  scopes(frameIndex: number): { name: string; reference: number }[] {
    const f = this.frame(frameIndex);
    const out: { name: string; reference: number }[] = [];
    const slotEntries = (slots: Slot[], base: Record<string, unknown>) => slots.map((s) => this.slotEntry(s, base));
    out.push({ name: 'Locals', reference: this.ref(() => slotEntries(f.pi.slots.filter((s) => !s.isParam), f.L)) });
    const params = f.pi.slots.filter((s) => s.isParam);
    if (params.length) out.push({ name: 'Parameters', reference: this.ref(() => slotEntries(params, f.L)) });
    const self = f.self as Instance | undefined;
    if (self instanceof Instance) {
      const globals = self.obj.globals;
      if (globals.length || self.base) {
        out.push({
          name: 'Globals',
          reference: this.ref(() => [
            ...slotEntries(globals, self.g),
            ...(self.base ? slotEntries(self.base.obj.globals, self.base.g) : []),
          ]),
        });
      }
      const rec = self.rec ?? self.base?.rec;
      if (rec) out.push({ name: 'Rec', reference: this.ref(() => this.recordEntries(rec)) });
    }
    return out;
  }

  private slotEntry(s: Slot, base: Record<string, unknown>): Entry {
    const t = normType(s.type);
    const byRefScalar = s.byRef && isScalarType(t) && !t.dims;
    const get = () => (byRefScalar ? (base[s.key] as { v: unknown }).v : base[s.key]);
    return {
      name: s.name,
      value: get(),
      type: t,
      set: isScalarType(t) && !t.dims ? (v) => (byRefScalar ? ((base[s.key] as { v: unknown }).v = v) : (base[s.key] = v)) : undefined,
    };
  }

  private recordEntries(rec: AlRecord): Entry[] {
    const out: Entry[] = [];
    for (const fm of rec.table.fieldsById.values()) {
      out.push({ name: fm.def.name, value: rec.f(fm.def.id), type: fm.type, set: (v) => rec.values.set(fm.def.id, v as FieldValue) });
    }
    const filters = getFiltersText(rec.def, rec.filters());
    if (filters) out.push({ name: '<filters>', value: filters, type: { name: 'Text' } });
    return out;
  }

  private children(v: unknown, t: TypeRef | undefined): (() => Entry[]) | undefined {
    const inner = v instanceof Variant ? v.value : v;
    if (inner instanceof AlRecord) return () => this.recordEntries(inner);
    if (inner instanceof AlList) {
      const et = t?.of?.[0] ?? inner.elemType;
      return () => inner.items.map((x, i) => ({ name: `[${i + 1}]`, value: x, type: et, set: (nv) => (inner.items[i] = nv) }));
    }
    if (inner instanceof AlDictionary) {
      const vt = t?.of?.[1] ?? inner.valueType;
      return () => [...inner.map.entries()].map(([k, [key, val]]) => ({ name: typeof key === 'string' ? `'${key}'` : String(key), value: val, type: vt, set: (nv) => inner.map.set(k, [key, nv]) }));
    }
    if (Array.isArray(inner)) {
      const et = t ? { ...normType(t), dims: undefined } : undefined;
      return () => inner.map((x, i) => ({ name: `[${i + 1}]`, value: x, type: et, set: (nv) => (inner[i] = nv) }));
    }
    if (inner instanceof CodeunitVar && inner.inst) {
      const inst = inner.inst;
      return () => inst.obj.globals.map((s) => this.slotEntry(s, inst.g));
    }
    return undefined;
  }

  private info(e: Entry): VariableInfo {
    const members = (t: TypeRef) => this.rt.engine.membersOf(t);
    const kids = this.children(e.value, e.type);
    return {
      name: e.name,
      value: displayValue(e.value, e.type, members),
      type: e.type ? typeText(e.type) : typeOfValue(e.value),
      reference: kids ? this.ref(kids) : 0,
      editable: !!e.set && !kids,
    };
  }

  variables(reference: number): VariableInfo[] {
    const fn = this.refs.get(reference);
    if (!fn) return [];
    return fn().map((e) => this.info(e));
  }

  evaluate(frameIndex: number, expression: string): VariableInfo {
    const f = this.frame(frameIndex);
    const { value, type } = this.rt.engine.evaluateInFrame(this.rt, f, expression);
    return this.info({ name: expression, value, type });
  }

  setVariable(reference: number, name: string, value: string): VariableInfo {
    const fn = this.refs.get(reference);
    if (!fn) throw new Error('The variable reference is no longer valid.');
    const e = fn().find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!e) throw new Error(`There is no variable ${name} here.`);
    if (!e.set) throw new Error(`${name} cannot be changed here (only simple values can).`);
    const parsed = this.parseFor(e, value);
    e.set(parsed);
    return this.info({ ...e, value: parsed });
  }

  private parseFor(e: Entry, text: string): unknown {
    const t = e.type ? normType(e.type) : undefined;
    const name = t?.name ?? (typeof e.value === 'number' ? 'Integer' : typeof e.value === 'boolean' ? 'Boolean' : isAlDecimal(e.value) ? 'Decimal' : 'Text');
    let s = text.trim();
    if ((name === 'Text' || name === 'Code' || name === 'Label') && s.length >= 2 && s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
    if (name === 'Text' || name === 'Label') return s;
    if (name === 'Code') return s.toUpperCase().trim();
    if (name === 'Enum' || name === 'Option') {
      const members = this.rt.engine.membersOf(t!) ?? [];
      const i = members.findIndex((m) => m.toLowerCase() === s.toLowerCase());
      if (i >= 0) return i;
    }
    const r = evaluateText({ type: name as never, optionMembers: t ? this.rt.engine.membersOf(t) : undefined }, s);
    if (!r.ok) throw toAlError(new Error(r.error));
    return r.value;
  }

  exception(): AlErrorInfo | undefined {
    return this.rt.exceptionInfo;
  }

  hitBreakpointIds(): number[] {
    return this.rt.hitBreakpointIds.slice();
  }
}

export function typeText(t: TypeRef): string {
  const n = normType(t);
  let s = n.name;
  if (n.length) s += `[${n.length}]`;
  if (n.subtype) s += ` ${/[^A-Za-z0-9_]/.test(n.subtype) ? `"${n.subtype}"` : n.subtype}`;
  if (n.temporary) s += ' temporary';
  if (n.of) s += ` of [${n.of.map(typeText).join(', ')}]`;
  if (n.dims) s = `array[${n.dims.join(', ')}] of ${s}`;
  return s;
}

function typeOfValue(v: unknown): string {
  if (typeof v === 'number') return 'Integer';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return 'Text';
  if (isAlDecimal(v)) return 'Decimal';
  if (v instanceof AlRecord) return `Record ${v.def.name}`;
  if (v instanceof AlList) return 'List';
  if (v instanceof AlDictionary) return 'Dictionary';
  return 'Variant';
}
