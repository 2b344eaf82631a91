// Compiles one AL procedure or trigger (the interpreter's AST) into a JS generator function through source
// generation: locals live in one object per frame, each statement starts with a cheap hook
// (`if (--rt.n <= 0 || rt.d ...) yield id`) and AL calls are `yield*`, so Sleep, dialogs, locks and debugger pauses
// suspend deep call stacks while the fast path stays close to plain JS.
import type { Expr, Loc, Stmt, TypeRef } from './ast';
import { AlError, unknownName, unsupported } from './errors';
import { catalogue, findBuiltin, globalBuiltin } from '../../language/builtins';
import type { CallInfo, Builtin } from './methodTypes';
import { T, tBool, tDec, tInt, tText } from './methodTypes';
import type { ObjectModel, ProcFn, ProcInfo, Slot } from './model';
import { toSourceLocation } from './model';
import { isObjectType, isScalarType, normType } from './typeNames';
import type { EngineModel } from './engineModel';

/** A compiled expression: JS source and its static AL type (undefined = only known at run time). */
interface CExpr {
  c: string;
  t?: TypeRef;
}

/** An assignable place: how to read it, how to write a JS value into it (already converted), its type. */
interface LValue {
  get: string;
  set: (v: string) => string;
  t?: TypeRef;
}

type Binding =
  | { kind: 'slot'; slot: Slot; base: string }
  | { kind: 'field'; rec: string; fieldId: number; t: TypeRef }
  | { kind: 'expr'; c: string; t?: TypeRef };

/** Types whose variables are objects the callee mutates in place (never wrapped in a `{ v }` reference). */
const PASSED_AS_OBJECT = new Set(['Record', 'List', 'Dictionary', 'Codeunit', 'ErrorInfo', 'TextBuilder', 'Dialog', 'RecordRef', 'FieldRef', 'TestPage']);

const NAMESPACES = new Set(['system', 'session', 'taskscheduler', 'page', 'codeunit', 'report', 'database', 'dialog', 'xmlport', 'query', 'text', 'format', 'navapp', 'companyproperty', 'debugger', 'isolatedstorage', 'numbersequence', 'sessioninformation', 'productname', 'serviceinstance', 'errorinfo', 'variable', 'enum', 'json', 'recordref', 'clienttype', 'guid', 'date', 'time', 'datetime', 'duration']);

export class ProcCompiler {
  private out: string[] = [];
  private readonly consts: unknown[] = [];
  private tmp = 0;
  private loopDepth = 0;
  /** For each enclosing loop: the label `continue` breaks to (for loops), or '' (JS continue works). */
  private continueLabels: string[] = [];
  private readonly slotsByName = new Map<string, Slot>();
  private readonly retType?: TypeRef;
  /** Unsupported constructs found while compiling (the statement raises its error when reached). */
  readonly errors: { file: string; line: number; character: number; message: string }[] = [];
  /** Compiling a debugger expression: calls to AL code and built-ins with side effects are refused. */
  private evalMode = false;

  constructor(
    private readonly m: EngineModel,
    private readonly pi: ProcInfo,
  ) {
    for (const s of pi.slots) this.slotsByName.set(s.name.toLowerCase(), s);
    this.retType = pi.decl.returnType ? normType(pi.decl.returnType) : undefined;
  }

  private k(value: unknown): string {
    let i = this.consts.indexOf(value);
    if (i < 0) {
      i = this.consts.length;
      this.consts.push(value);
    }
    return `$K[${i}]`;
  }

  private fresh(): string {
    return `$t${this.tmp++}`;
  }

  private emit(line: string): void {
    this.out.push(line);
  }

  private get obj(): ObjectModel {
    return this.pi.obj;
  }

  /** Where a name was looked up, for messages: `Codeunit "Sales Calc" (procedure Post)`. */
  private scopeLabel(): string {
    const type = this.obj.type.replace(/^(\w)/, (c) => c.toUpperCase()).replace('extension', 'Extension');
    return `${type} "${this.obj.name}" (${this.pi.decl.kind === 'trigger' ? 'trigger' : 'procedure'} ${this.pi.decl.name})`;
  }

  compile(): ProcFn {
    const pi = this.pi;
    const d = pi.decl;
    // Frame locals: parameters from args, then declared locals and the named return value with defaults.
    const init: string[] = [];
    pi.slots.forEach((s, i) => {
      if (s.isParam) init.push(`${s.key}: $a.length > ${i} ? $a[${i}] : ${this.defaultValue(s.type)}`);
      else init.push(`${s.key}: ${this.defaultValue(s.type)}`);
    });
    this.emit(`const $L = {${init.join(', ')}};`);
    this.emit(`let $r;`);
    this.emit(`const $G = self.g;`);
    this.emit(`const $f = rt.enter(${this.k(pi)}, self, $L);`);
    this.emit(`try {`);
    for (const s of d.body) this.stmt(s);
    // Falling off the end: the return hook on the `end` lets step over/out stop there, as BC does.
    const endId = this.m.addStmt(d.endLoc, pi);
    this.emit(`$f.s = ${endId}; if (rt.d === 2 || (rt.d === 1 && rt.bf[${endId}] === 1)) yield ${endId};`);
    this.emit(`return ${this.returnValue()};`);
    // The innermost frame sees an error first: it records the AL call stack and may pause (break on error).
    this.emit(`} catch ($e) { $e = rt.fail($e, $f); if (rt.ep) { rt.ep = false; yield -1; } throw $e; } finally { rt.leave($f); }`);
    const body = this.out.join('\n');
    const src = `const $h = $H; return function* ${safeJsName(pi.name)}(rt, self, $a) {\n${body}\n};`;
    try {
        return new Function('$H', '$K', src)(this.m.helpers, this.consts) as ProcFn;
    } catch (e) {
      throw new Error(`internal compile error in ${pi.name}: ${(e as Error).message}\n${src}`, { cause: e });
    }
  }

  /** A side-effect-free expression in this procedure's scope (debugger evaluate, page field values). */
  compileExpression(e: Expr): { fn: (rt: any, self: unknown, L: Record<string, unknown>) => Generator<unknown, unknown, unknown>; type?: TypeRef } {
    this.evalMode = true;
    const c = this.expr(e);
    const src = `const $h = $H; return function* evaluate(rt, self, $L) { const $G = self ? self.g : undefined; let $r; return ${c.c}; };`;
    const fn = new Function('$H', '$K', src)(this.m.helpers, this.consts);
    return { fn, type: c.t };
  }

  /** Assigns a value (already of the place's type) to an assignable expression (page fields on globals). */
  compileSetter(e: Expr): { fn: (rt: any, self: unknown, L: Record<string, unknown>, v: unknown) => Generator<unknown, unknown, unknown>; type?: TypeRef } {
    const lv = this.lval(e);
    const src = `const $h = $H; return function* assign(rt, self, $L, $v) { const $G = self ? self.g : undefined; let $r; ${lv.set(this.convert('$v', undefined, lv.t))}; };`;
    const fn = new Function('$H', '$K', src)(this.m.helpers, this.consts);
    return { fn, type: lv.t };
  }

  private returnValue(): string {
    const d = this.pi.decl;
    if (d.returnName) {
      const s = this.slotsByName.get(d.returnName.toLowerCase());
      if (s) return `$L.${s.key}`;
    }
    if (this.retType) return this.defaultValue(this.retType);
    return 'undefined';
  }

  /** JS source creating an AL type's default value (a fresh object for Records, Lists, arrays...). */
  defaultValue(t: TypeRef): string {
    return `$h.def(rt, ${this.k(this.m.typeDesc(normType(t), this.obj))})`;
  }

  // ------------------------------------------------------------------------------------------------------
  // Statements
  // ------------------------------------------------------------------------------------------------------

  private hook(loc: Loc): void {
    const id = this.m.addStmt(loc, this.pi);
    // rt.d: 0 = no debugging, 1 = breakpoints only (checked inline in the per-statement flag table),
    // 2 = stepping, pause or entry pending (every statement goes to the driver).
    this.emit(`$f.s = ${id}; if (--rt.n <= 0 || (rt.d !== 0 && (rt.d === 2 || rt.bf[${id}] === 1))) yield ${id};`);
  }

  private body(s: Stmt | undefined, loop?: Loc): void {
    // An empty loop body still passes a statement boundary each round, so a slice can end there (the scheduler,
    // time limits and the debugger's pause reach `while true do;`).
    if (loop && (!s || (s.k === 'block' && s.body.length === 0))) {
      this.hook(loop);
      return;
    }
    if (!s) return;
    if (s.k === 'block') {
      for (const x of s.body) this.stmt(x);
    } else this.stmt(s);
  }

  stmt(s: Stmt): void {
    if (s.k === 'block') {
      for (const x of s.body) this.stmt(x);
      return;
    }
    this.hook(s.loc);
    // Compile the statement into a buffer so a construct we do not support only breaks this statement: it
    // raises its error (naming the construct and file:line) when reached, and is listed at load time.
    const mark = this.out.length;
    const loops = this.loopDepth;
    const labels = this.continueLabels.length;
    try {
      this.stmtBody(s);
    } catch (e) {
      if (!(e instanceof AlError)) throw e;
      this.out.length = mark;
      this.loopDepth = loops;
      this.continueLabels.length = labels;
      const l = e.info.location ?? toSourceLocation(s.loc);
      this.errors.push({ file: l.file, line: l.line, character: l.character, message: e.info.text });
      this.emit(`throw $h.unsupportedError(${JSON.stringify(e.info.text)}, ${this.k(s.loc)});`);
    }
  }

  private stmtBody(s: Exclude<Stmt, { k: 'block' }>): void {
    switch (s.k) {
      case 'assign':
        return this.assign(s.target, s.op, s.value, s.loc);
      case 'expr': {
        const e = s.e;
        // A bare name that is a procedure or a parameterless system method is a call (`MyProc;`, `Commit;`).
        const ce = e.k === 'call' ? this.call(e, false) : this.exprAsStatement(e);
        this.emit(`${ce.c};`);
        return;
      }
      case 'if': {
        this.emit(`if (${this.cond(s.cond)}) {`);
        this.body(s.then);
        if (s.else) {
          this.emit(`} else {`);
          this.body(s.else);
        }
        this.emit(`}`);
        return;
      }
      case 'case':
        return this.caseStmt(s);
      case 'while': {
        this.emit(`while (${this.cond(s.cond)}) {`);
        this.loopDepth++;
        this.continueLabels.push('');
        this.body(s.body, s.loc);
        this.continueLabels.pop();
        this.loopDepth--;
        this.emit(`}`);
        return;
      }
      case 'repeat': {
        this.emit(`do {`);
        this.loopDepth++;
        this.continueLabels.push('');
        if (s.body.length === 0) this.hook(s.loc);
        for (const x of s.body) this.stmt(x);
        this.continueLabels.pop();
        this.loopDepth--;
        this.emit(`} while (!(${this.cond(s.cond)}));`);
        return;
      }
      case 'for':
        return this.forStmt(s);
      case 'foreach': {
        const lv = this.lval(s.v);
        const coll = this.expr(s.coll);
        const it = this.fresh();
        this.emit(`for (const ${it} of $h.iter(${coll.c}, ${this.k(s.loc)})) {`);
        this.emit(lv.set(this.convert(it, this.elementType(coll.t), lv.t)) + ';');
        this.loopDepth++;
        this.continueLabels.push('');
        this.body(s.body, s.loc);
        this.continueLabels.pop();
        this.loopDepth--;
        this.emit(`}`);
        return;
      }
      case 'exit': {
        if (s.value) {
          const v = this.expr(s.value);
          const target = this.retType ?? (this.pi.decl.returnName ? this.slotsByName.get(this.pi.decl.returnName.toLowerCase())?.type : undefined);
          this.emit(`return ${target ? this.convert(v.c, v.t, target) : v.c};`);
        } else this.emit(`return ${this.returnValue()};`);
        return;
      }
      case 'break':
        if (this.loopDepth === 0) throw unsupported('`break` outside a loop', s.loc);
        this.emit(`break;`);
        return;
      case 'continue':
        if (this.loopDepth === 0) throw unsupported('`continue` outside a loop', s.loc);
        {
          const label = this.continueLabels[this.continueLabels.length - 1];
          this.emit(label ? `break ${label};` : `continue;`);
        }
        return;
      case 'asserterror': {
        this.emit(`yield* $h.assertError(rt, ${this.k(s.loc)}, function* () {`);
        const saved = this.loopDepth;
        const savedLabels = this.continueLabels;
        this.loopDepth = 0;
        this.continueLabels = [];
        this.body(s.body);
        this.loopDepth = saved;
        this.continueLabels = savedLabels;
        this.emit(`});`);
        return;
      }
      case 'unsupported':
        this.emit(`throw $h.unsupported(${JSON.stringify(s.what)}, ${this.k(s.loc)});`);
        return;
    }
  }

  private exprAsStatement(e: Expr): CExpr {
    // `Proc;` or `Rec.Insert;` or `Commit;` without parentheses: a call with no arguments.
    if (e.k === 'name' || e.k === 'member') return this.call({ k: 'call', loc: e.loc, fn: e, args: [] }, false);
    return this.expr(e);
  }

  private assign(target: Expr, op: string, value: Expr, loc: Loc): void {
    const lv = this.lval(target);
    let v = this.expr(value);
    if (op !== ':=') {
      const bop = op[0] as '+' | '-' | '*' | '/';
      v = this.binary(bop, { c: lv.get, t: lv.t }, v, loc);
    }
    const tt = lv.t ? normType(lv.t) : undefined;
    if (tt && (tt.name === 'Record') && !tt.dims) {
      this.emit(`${lv.get}.assignFrom(${v.c});`);
      return;
    }
    this.emit(lv.set(this.convert(v.c, v.t, lv.t, loc)) + ';');
  }

  private caseStmt(s: Extract<Stmt, { k: 'case' }>): void {
    const subj = this.expr(s.subject);
    const sv = this.fresh();
    this.emit(`{ const ${sv} = ${subj.c};`);
    let first = true;
    for (const br of s.branches) {
      const tests = br.values.map((v) => this.matchTest(sv, subj.t, v));
      this.emit(`${first ? '' : '} else '}if (${tests.join(' || ')}) {`);
      first = false;
      this.body(br.body);
    }
    if (s.else) {
      this.emit(first ? `{` : `} else {`);
      for (const x of s.else) this.stmt(x);
      first = false;
    }
    if (!first) this.emit(`}`);
    this.emit(`}`);
  }

  /** `x in [a, b..c]` and case labels: equality or range membership. */
  private matchTest(sv: string, st: TypeRef | undefined, v: Expr): string {
    if (v.k === 'range') {
      const parts: string[] = [];
      if (v.from) parts.push(this.compare('>=', { c: sv, t: st }, this.expr(v.from)));
      if (v.to) parts.push(this.compare('<=', { c: sv, t: st }, this.expr(v.to)));
      return `(${parts.join(' && ') || 'true'})`;
    }
    return this.compare('=', { c: sv, t: st }, this.exprWithContext(v, st));
  }

  private forStmt(s: Extract<Stmt, { k: 'for' }>): void {
    const lv = this.lval(s.v);
    const from = this.expr(s.from);
    const to = this.expr(s.to);
    const end = this.fresh();
    const numeric = !lv.t || ['Integer', 'BigInteger', 'Date', 'Time', 'Char', 'Option', 'Duration'].includes(normType(lv.t).name);
    if (!numeric) throw unsupported(`a for loop over ${lv.t!.name}`, s.loc);
    const cmp = s.down ? '>=' : '<=';
    const last = s.down ? '<=' : '>=';
    const label = this.fresh();
    this.emit(`{ const ${end} = $h.num(${to.c}); ${lv.set(this.convert(from.c, from.t, lv.t))};`);
    // The end test comes before the step so the variable never runs past the end value (no overflow at the
    // Integer limit); `continue` leaves the labelled body block and still reaches the step.
    this.emit(`if (${lv.get} ${cmp} ${end}) for (;;) { ${label}: {`);
    this.loopDepth++;
    this.continueLabels.push(label);
    this.body(s.body, s.loc);
    this.continueLabels.pop();
    this.loopDepth--;
    this.emit(`} if (${lv.get} ${last} ${end}) break; ${lv.set(`${lv.get} ${s.down ? '-' : '+'} 1`)}; } }`);
  }

  private cond(e: Expr): string {
    const c = this.expr(e);
    if (c.t && normType(c.t).name === 'Boolean') return c.c;
    return `$h.bool(${c.c}, ${this.k(e.loc)})`;
  }

  // ------------------------------------------------------------------------------------------------------
  // Conversions
  // ------------------------------------------------------------------------------------------------------

  /** JS source converting a value of static type `from` for storage in a place of type `to` (AL's implicit conversions). */
  convert(c: string, from: TypeRef | undefined, to: TypeRef | undefined, loc?: Loc): string {
    if (!to) return c;
    const tt = normType(to);
    const ft = from ? normType(from) : undefined;
    if (tt.dims) return `$h.copyArray(${c})`;
    switch (tt.name) {
      case 'Integer':
      case 'Option':
      case 'Byte':
        if (ft && (ft.name === 'Integer' || ft.name === 'Option' || ft.name === 'Byte') && !ft.dims) return c;
        return `$h.toInt(${c}, ${this.k(loc ?? this.pi.decl.loc)})`;
      case 'Enum':
        return `$h.toEnum(${c}, ${this.k(this.m.typeDesc(tt, this.obj))})`;
      case 'BigInteger':
      case 'Duration':
        if (ft && (ft.name === 'Integer' || ft.name === tt.name)) return c;
        return `$h.toBig(${c})`;
      case 'Decimal':
        if (ft && ft.name === 'Decimal') return c;
        return `$h.toDec(${c})`;
      case 'Text':
      case 'Label':
      case 'TextConst':
      case 'BigText':
        if (ft && (ft.name === 'Text' || ft.name === 'Label') && !tt.length) return c;
        return `$h.toText(${c}, ${tt.length ?? 0}, ${this.k(loc ?? this.pi.decl.loc)})`;
      case 'Code':
        return `$h.toCode(${c}, ${tt.length ?? 0}, ${this.k(loc ?? this.pi.decl.loc)})`;
      case 'Char':
        if (ft && ft.name === 'Char') return c;
        return `$h.toChar(${c})`;
      case 'Boolean':
        if (ft && ft.name === 'Boolean') return c;
        return `$h.toBool(${c})`;
      case 'Guid':
        return `$h.toGuid(${c})`;
      case 'Variant':
        return `$h.toVariant(${c}, ${this.k(ft ?? null)})`;
      case 'Interface':
        if (ft && ft.name === 'Enum') return `$h.enumToInterface(rt, ${c}, ${this.k(ft)}, ${JSON.stringify(tt.subtype ?? '')})`;
        return c;
      case 'List':
      case 'Dictionary':
      case 'Codeunit':
        return c;
      default:
        return `$h.unwrap(${c})`;
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Names and places
  // ------------------------------------------------------------------------------------------------------

  private resolve(name: string, loc: Loc): Binding | undefined {
    const lower = name.toLowerCase();
    const slot = this.slotsByName.get(lower);
    if (slot) return { kind: 'slot', slot, base: '$L' };
    // Object globals: the object's own, then (in an extension) the base object's.
    const g = this.obj.globals.find((s) => s.name.toLowerCase() === lower);
    if (g) return { kind: 'slot', slot: g, base: '$G' };
    if (this.obj.base) {
      const bg = this.obj.base.globals.find((s) => s.name.toLowerCase() === lower);
      if (bg) return { kind: 'slot', slot: bg, base: 'self.base.g' };
      for (const ext of this.obj.base.extensions) {
        if (ext === this.obj) continue;
      }
    }
    for (const ext of this.obj.extensions) {
      const eg = ext.globals.find((s) => s.name.toLowerCase() === lower);
      if (eg) return undefined; // extension globals are not visible to the base object
    }
    const table = this.recTable();
    if (lower === 'rec' && table) return { kind: 'expr', c: 'self.rec', t: T('Record', { subtype: table.def.name }) };
    if (lower === 'this' && this.obj.type === 'codeunit') return { kind: 'expr', c: 'self', t: T('Codeunit', { subtype: this.obj.name }) };
    // Codeunits with TableNo see Rec only; their fields are not in scope as bare names.
    if (this.obj.type === 'codeunit') return undefined;
    if (lower === 'xrec' && table) return { kind: 'expr', c: 'self.xrec()', t: T('Record', { subtype: table.def.name }) };
    if (lower === 'currpage' && this.pageModel()) return { kind: 'expr', c: 'self.page', t: T('CurrPage') };
    if (lower === 'this' && table && this.obj.type.startsWith('table')) return { kind: 'expr', c: 'self.rec', t: T('Record', { subtype: table.def.name }) };
    if (table) {
      const fm = table.fieldsByName.get(lower);
      if (fm) return { kind: 'field', rec: 'self.rec', fieldId: fm.def.id, t: fm.type };
    }
    void loc;
    return undefined;
  }

  private recTable() {
    const o = this.obj.base ?? this.obj;
    if (o.type === 'table') return o.table;
    if (o.type === 'page') {
      const st = o.decl.properties.get('sourcetable');
      if (st) return this.m.tableByName(st.text);
    }
    if (o.type === 'codeunit') {
      const tn = o.decl.properties.get('tableno');
      if (tn) return this.m.tableByName(tn.text);
    }
    return undefined;
  }

  private pageModel(): ObjectModel | undefined {
    const o = this.obj.base ?? this.obj;
    return o.type === 'page' ? o : undefined;
  }

  private slotPlace(slot: Slot, base: string): LValue {
    const t = normType(slot.type);
    const ref = slot.byRef && isScalarType(t) && !t.dims;
    const p = `${base}.${slot.key}${ref ? '.v' : ''}`;
    return { get: p, set: (v) => `${p} = ${v}`, t };
  }

  /**
   * `this.X` names a member of the object itself (a global, a procedure, in table code a field or a record method):
   * it compiles as the bare name, unless a variable is named `this`.
   */
  private stripThis(e: Expr): Expr {
    if (e.k === 'member' && e.obj.k === 'name' && e.obj.name.toLowerCase() === 'this' && !this.slotsByName.has('this')) return { k: 'name', loc: e.loc, name: e.name };
    return e;
  }

  lval(e: Expr): LValue {
    e = this.stripThis(e);
    switch (e.k) {
      case 'name': {
        const b = this.resolve(e.name, e.loc);
        if (!b) throw unknownName(e.name, this.scopeLabel(), e.loc);
        if (b.kind === 'slot') return this.slotPlace(b.slot, b.base);
        if (b.kind === 'field') return this.fieldPlace(b.rec, b.fieldId, b.t, e.loc);
        return { get: b.c, set: () => { throw unsupported(`assigning to ${e.name}`, e.loc); }, t: b.t };
      }
      case 'member': {
        const o = this.expr(e.obj);
        const ot = o.t ? normType(o.t) : undefined;
        if (ot && ot.name === 'Record') {
          const tm = this.m.tableByName(ot.subtype ?? '');
          const fm = tm?.fieldsByName.get(e.name.toLowerCase());
          if (fm) return this.fieldPlace(o.c, fm.def.id, fm.type, e.loc);
          if (!recordMethodsHave(this.m, e.name)) throw unsupported(`the field '${e.name}' of ${ot.subtype ?? 'this record'}`, e.loc);
        }
        // `Lib.SetFlag := true` calls the codeunit's one-parameter procedure SetFlag (AL's property-style call).
        if (ot && ot.name === 'Codeunit') {
          const cu = this.m.findObject('codeunit', ot.subtype ?? '');
          const procs = cu ? this.findProcs(cu, e.name.toLowerCase(), true)?.filter((p) => p.decl.params.length === 1) : undefined;
          if (cu && procs && procs.length) {
            const p = procs[0];
            const ci = this.k({ loc: e.loc, argTypes: [], used: false, name: p.name } satisfies CallInfo);
            return {
              get: `undefined`,
              set: (v) => `yield* $h.callProc(rt, ${this.k(p)}, $h.cuInst(rt, ${o.c}, ${this.k(cu)}), [${this.convert(v, undefined, p.decl.params[0].type, e.loc)}], ${ci})`,
              t: p.decl.params[0].type,
            };
          }
        }
        // Property-style assignment (`ErrInfo.Message := x`, `CurrPage.Caption := x`): the one-argument method.
        const reg = ot ? this.m.registries.byKind(receiverKind(ot)) : undefined;
        const b = reg?.get(e.name.toLowerCase());
        if (ot && b && (b.max === undefined || b.max >= 1)) {
          const ci: CallInfo = { loc: e.loc, argTypes: [undefined], used: false, targetType: ot, name: e.name };
          const getCi: CallInfo = { ...ci, argTypes: [], used: true };
          return {
            get: `${this.k(b)}.impl(rt, ${this.k(getCi)}, ${o.c})`,
            set: (v) => `${this.k(b)}.impl(rt, ${this.k(ci)}, ${o.c}, ${v})`,
            t: typeof b.ret === 'function' ? b.ret(getCi) : b.ret,
          };
        }
        throw unsupported(`assigning to '${e.name}' of ${ot ? typeLabel(ot) : 'this value'}`, e.loc);
      }
      case 'index': {
        const o = this.expr(e.obj);
        const ot = o.t ? normType(o.t) : undefined;
        if (ot && ot.dims) {
          const idx = this.arrayIndex(ot, e.idx, e.loc);
          const elem: TypeRef = { ...ot, dims: undefined };
          const arr = this.fresh();
          const i = this.fresh();
          // Evaluate array and index once, then read or write the element.
          return {
            get: `${o.c}[${idx}]`,
            set: (v) => `{ const ${arr} = ${o.c}, ${i} = ${idx}; ${arr}[${i}] = ${v}; }`,
            t: elem,
          };
        }
        if (ot && (ot.name === 'Text' || ot.name === 'Code')) {
          const base = this.lval(e.obj);
          const ix = this.expr(e.idx[0]);
          return {
            get: `$h.charAt(${o.c}, ${ix.c}, ${this.k(e.loc)})`,
            set: (v) => base.set(`$h.setCharAt(${base.get}, ${ix.c}, ${v}, ${this.k(e.loc)})`),
            t: T('Char'),
          };
        }
        throw unsupported('indexing this value', e.loc);
      }
      default:
        throw unsupported(`assigning to this expression`, e.loc);
    }
  }

  private fieldPlace(rec: string, fieldId: number, t: TypeRef, loc: Loc): LValue {
    return { get: `${rec}.f(${fieldId})`, set: (v) => `${rec}.sf(${fieldId}, ${v}, ${this.k(loc)})`, t };
  }

  private arrayIndex(t: TypeRef, idx: Expr[], loc: Loc): string {
    const dims = t.dims ?? [];
    if (idx.length !== dims.length) throw unsupported(`indexing a ${dims.length}-dimensional array with ${idx.length} indexes`, loc);
    const parts = idx.map((x, i) => `$h.ix(${this.expr(x).c}, ${dims[i]}, ${this.k(loc)})`);
    // Row-major flattening: ((i1 * d2) + i2) * d3 + i3 ...
    let acc = parts[0];
    for (let i = 1; i < parts.length; i++) acc = `(${acc}) * ${dims[i]} + ${parts[i]}`;
    return acc;
  }

  // ------------------------------------------------------------------------------------------------------
  // Expressions
  // ------------------------------------------------------------------------------------------------------

  /** Compile an expression where the expected type helps resolve bare enum/option value names (case labels). */
  private exprWithContext(e: Expr, expected: TypeRef | undefined): CExpr {
    if (e.k === 'name' && expected) {
      const et = normType(expected);
      if ((et.name === 'Option' || et.name === 'Enum') && !this.resolve(e.name, e.loc)) {
        const ord = this.m.memberOrdinal(et, e.name, this.obj);
        if (ord !== undefined) return { c: String(ord), t: et };
      }
    }
    return this.expr(e);
  }

  expr(e: Expr): CExpr {
    e = this.stripThis(e);
    switch (e.k) {
      case 'lit':
        return this.literal(e);
      case 'name': {
        const b = this.resolve(e.name, e.loc);
        if (b) {
          if (b.kind === 'slot') return { c: this.slotPlace(b.slot, b.base).get, t: normType(b.slot.type) };
          if (b.kind === 'field') return { c: `self.rec.f(${b.fieldId})`, t: b.t };
          return { c: b.c, t: b.t };
        }
        // A parameterless procedure or system method used as a value (`Today`, `WorkDate`, `MyFunc`).
        return this.call({ k: 'call', loc: e.loc, fn: e, args: [] }, true);
      }
      case 'member':
        return this.member(e);
      case 'scope':
        return this.scope(e);
      case 'call':
        return this.call(e, true);
      case 'index': {
        const o = this.expr(e.obj);
        const ot = o.t ? normType(o.t) : undefined;
        if (ot && ot.dims) return { c: `${o.c}[${this.arrayIndex(ot, e.idx, e.loc)}]`, t: { ...ot, dims: undefined } };
        if (!ot || ot.name === 'Text' || ot.name === 'Code') return { c: `$h.charAt(${o.c}, ${this.expr(e.idx[0]).c}, ${this.k(e.loc)})`, t: T('Char') };
        throw unsupported(`indexing a ${ot.name}`, e.loc);
      }
      case 'unary': {
        if (e.op === 'not') {
          const x = this.expr(e.e);
          if (x.t && normType(x.t).name === 'Boolean') return { c: `!(${x.c})`, t: tBool };
          return { c: `$h.not(${x.c})`, t: x.t && normType(x.t).name !== 'Boolean' ? x.t : tBool };
        }
        const x = this.expr(e.e);
        if (e.op === '+') return x;
        return { c: `$h.neg(${x.c}, ${this.k(e.loc)})`, t: x.t };
      }
      case 'bin': {
        if (e.op === 'in') return this.inExpr(e.l, e.r);
        const l = this.expr(e.l);
        const r = this.exprWithContext(e.r, l.t);
        return this.binary(e.op, l, r, e.loc);
      }
      case 'cond': {
        const a = this.expr(e.then);
        const b = this.expr(e.else);
        return { c: `(${this.cond(e.cond)} ? ${a.c} : ${b.c})`, t: a.t ?? b.t };
      }
      case 'range':
      case 'set':
        throw unsupported(e.k === 'range' ? 'a range outside a set or case label' : 'a set outside `in`', e.loc);
      case 'unsupported':
        throw unsupported(e.what, e.loc);
    }
  }

  private inExpr(l: Expr, r: Expr): CExpr {
    const lv = this.expr(l);
    if (r.k !== 'set') throw unsupported('`in` with something other than a [..] set', r.loc);
    const v = this.fresh();
    const tests = r.items.map((x) => this.matchTest(v, lv.t, x));
    return { c: `((${v}) => ${tests.join(' || ') || 'false'})(${lv.c})`, t: tBool };
  }

  private literal(e: Extract<Expr, { k: 'lit' }>): CExpr {
    switch (e.type) {
      case 'Integer':
        return { c: String(e.value), t: tInt };
      case 'BigInteger':
        return { c: String(e.value), t: T('BigInteger') };
      case 'Decimal':
        return { c: this.k(this.m.helpers.decimalLiteral(String(e.value))), t: tDec };
      case 'Text':
        return { c: JSON.stringify(e.value), t: tText };
      case 'Boolean':
        return { c: e.value ? 'true' : 'false', t: tBool };
      case 'Char':
        return { c: String(e.value), t: T('Char') };
      case 'Date':
        return { c: String(this.m.helpers.dateLiteral(String(e.value), e.loc)), t: T('Date') };
      case 'Time':
        return { c: String(this.m.helpers.timeLiteral(String(e.value), e.loc)), t: T('Time') };
      case 'DateTime':
        return { c: String(this.m.helpers.dateTimeLiteral(String(e.value), e.loc)), t: T('DateTime') };
    }
  }

  binary(op: string, l: CExpr, r: CExpr, loc: Loc): CExpr {
    const lt = l.t ? normType(l.t) : undefined;
    const rt = r.t ? normType(r.t) : undefined;
    const kl = this.k(loc);
    const both = (n: string) => lt?.name === n && rt?.name === n;
    const ints = (lt?.name === 'Integer' || lt?.name === 'Option' || lt?.name === 'Char' || lt?.name === 'Byte') && (rt?.name === 'Integer' || rt?.name === 'Option' || rt?.name === 'Char' || rt?.name === 'Byte');
    switch (op) {
      case 'and':
        return { c: `(${this.boolOf(l, loc)} && ${this.boolOf(r, loc)})`, t: tBool };
      case 'or':
        return { c: `(${this.boolOf(l, loc)} || ${this.boolOf(r, loc)})`, t: tBool };
      case 'xor':
        return { c: `(${this.boolOf(l, loc)} !== ${this.boolOf(r, loc)})`, t: tBool };
      case '=':
      case '<>':
      case '<':
      case '>':
      case '<=':
      case '>=':
        return { c: this.compare(op, l, r), t: tBool };
      case '+':
        if (lt?.name === 'Date' && !lt.dims) return { c: `$h.dateAdd(${l.c}, ${r.c})`, t: lt };
        if (lt?.name === 'Time' && !lt.dims) return { c: `$h.timeAdd(${l.c}, ${r.c})`, t: lt };
        if (lt?.name === 'DateTime' && !lt.dims) return { c: `$h.dtAdd(${l.c}, ${r.c})`, t: lt };
        if (ints) return { c: this.checkedInt(`${l.c} + ${r.c}`, kl), t: tInt };
        if (lt && rt && isTextType(lt) && isTextType(rt)) return { c: `(${l.c} + ${r.c})`, t: tText };
        return { c: `$h.add(${l.c}, ${r.c}, ${kl})`, t: this.arithType('+', lt, rt) };
      case '-':
        if (lt?.name === 'Date' && !lt.dims) return rt?.name === 'Date' ? { c: `$h.dateMinus(${l.c}, ${r.c})`, t: tInt } : { c: `$h.dateSub(${l.c}, ${r.c})`, t: lt };
        if (lt?.name === 'Time' && !lt.dims) return rt?.name === 'Time' ? { c: `$h.timeMinus(${l.c}, ${r.c})`, t: T('Duration') } : { c: `$h.timeSub(${l.c}, ${r.c})`, t: lt };
        if (lt?.name === 'DateTime' && !lt.dims) return rt?.name === 'DateTime' ? { c: `$h.dtMinus(${l.c}, ${r.c})`, t: T('Duration') } : { c: `$h.dtSub(${l.c}, ${r.c})`, t: lt };
        if (ints) return { c: this.checkedInt(`${l.c} - ${r.c}`, kl), t: tInt };
        return { c: `$h.sub(${l.c}, ${r.c}, ${kl})`, t: this.arithType('-', lt, rt) };
      case '*':
        if (ints) return { c: this.checkedInt(`${l.c} * ${r.c}`, kl), t: tInt };
        return { c: `$h.mul(${l.c}, ${r.c}, ${kl})`, t: this.arithType('*', lt, rt) };
      case '/':
        return { c: `$h.div(${l.c}, ${r.c}, ${kl})`, t: tDec };
      case 'div':
        return { c: `$h.idiv(${l.c}, ${r.c}, ${kl})`, t: both('BigInteger') ? T('BigInteger') : tInt };
      case 'mod':
        return { c: `$h.mod(${l.c}, ${r.c}, ${kl})`, t: lt?.name === 'Decimal' ? tDec : tInt };
    }
    throw unsupported(`the operator ${op}`, loc);
  }

  /** Integer arithmetic with the overflow check inline (the hot path of loops); `$r` is a scratch local. */
  private checkedInt(op: string, loc: string): string {
    return `(($r = ${op}) > 2147483647 || $r < -2147483648 ? $h.overflow(${loc}) : $r)`;
  }

  private boolOf(x: CExpr, loc: Loc): string {
    if (x.t && normType(x.t).name === 'Boolean') return x.c;
    return `$h.bool(${x.c}, ${this.k(loc)})`;
  }

  private arithType(op: string, lt?: TypeRef, rt?: TypeRef): TypeRef | undefined {
    if (!lt || !rt) return lt?.name === 'Decimal' || rt?.name === 'Decimal' ? tDec : undefined;
    const a = lt.name, b = rt.name;
    if (a === 'Decimal' || b === 'Decimal') return tDec;
    if (isTextType(lt) || isTextType(rt)) return tText;
    if (a === 'Date' && b === 'Date' && op === '-') return tInt;
    if (a === 'Date') return T('Date');
    if (a === 'Time' && b === 'Time' && op === '-') return T('Duration');
    if (a === 'Time') return T('Time');
    if (a === 'DateTime' && b === 'DateTime' && op === '-') return T('Duration');
    if (a === 'DateTime') return T('DateTime');
    if (a === 'BigInteger' || b === 'BigInteger' || a === 'Duration' || b === 'Duration') return T(a === 'Duration' || b === 'Duration' ? 'Duration' : 'BigInteger');
    return tInt;
  }

  private compare(op: string, l: CExpr, r: CExpr): string {
    const lt = l.t ? normType(l.t) : undefined;
    const rt = r.t ? normType(r.t) : undefined;
    const simple = (t?: TypeRef) => !!t && ['Integer', 'Option', 'Enum', 'Boolean', 'Char', 'Date', 'Time', 'DateTime', 'BigInteger', 'Duration', 'Byte'].includes(t.name) && !t.dims;
    const jsOp = op === '=' ? '===' : op === '<>' ? '!==' : op;
    if (simple(lt) && simple(rt)) return `(${l.c} ${jsOp} ${r.c})`;
    return `($h.cmp(${l.c}, ${r.c}) ${op === '=' ? '=== 0' : op === '<>' ? '!== 0' : `${op} 0`})`;
  }

  private scope(e: Extract<Expr, { k: 'scope' }>): CExpr {
    const left = e.left.toLowerCase();
    // Object ids: Codeunit::"Name", Database::Customer, Page::"Customer Card"...
    const objType = { codeunit: 'codeunit', database: 'table', page: 'page', report: 'report', xmlport: 'xmlport', query: 'query', table: 'table', enum: 'enum' }[left];
    if (objType && !e.leftExpr) {
      const o = this.m.findObject(objType, e.right);
      if (o) return { c: String(o.id), t: tInt };
      if (left !== 'enum') throw unsupported(`${e.left}::${e.right} (no such ${objType} in the workspace)`, e.loc);
    }
    // Enum/option values: "Customer Blocked"::All, Rec.Blocked::All, Blocked::All, PageBackgroundTaskErrorLevel::Warning.
    let t: TypeRef | undefined;
    if (e.leftExpr) {
      const lx = e.leftExpr;
      if (lx.k === 'scope' && lx.left.toLowerCase() === 'enum') t = T('Enum', { subtype: lx.right });
      else {
        try {
          t = this.expr(lx).t;
        } catch {
          t = undefined;
        }
      }
    } else {
      const b = this.resolve(e.left, e.loc);
      if (b) t = b.kind === 'slot' ? b.slot.type : b.t;
      else t = T('Enum', { subtype: e.left });
    }
    if (t) {
      const nt = normType(t);
      const ord = this.m.memberOrdinal(nt, e.right, this.obj);
      if (ord !== undefined) return { c: String(ord), t: nt.name === 'Enum' || nt.name === 'Option' ? nt : T('Enum', { subtype: e.left }) };
    }
    throw unsupported(`the value ${e.left}::${e.right}`, e.loc);
  }

  private member(e: Extract<Expr, { k: 'member' }>): CExpr {
    // Namespaces (`Page.X`, `Session.X`) and methods without parentheses are calls; fields are reads.
    if (e.obj.k === 'name' && !this.resolve(e.obj.name, e.loc) && NAMESPACES.has(e.obj.name.toLowerCase())) {
      return this.call({ k: 'call', loc: e.loc, fn: e, args: [] }, true);
    }
    const o = this.expr(e.obj);
    const ot = o.t ? normType(o.t) : undefined;
    if (ot && ot.name === 'Record' && !ot.dims) {
      const tm = this.m.tableByName(ot.subtype ?? '');
      const fm = tm?.fieldsByName.get(e.name.toLowerCase());
      if (fm) return { c: `${o.c}.f(${fm.def.id})`, t: fm.type };
    }
    return this.call({ k: 'call', loc: e.loc, fn: e, args: [] }, true);
  }

  // ------------------------------------------------------------------------------------------------------
  // Calls
  // ------------------------------------------------------------------------------------------------------

  call(e: Extract<Expr, { k: 'call' }>, used: boolean): CExpr {
    const fn = this.stripThis(e.fn);
    if (fn.k === 'name') {
      const lower = fn.name.toLowerCase();
      // Own procedures first (they shadow system methods), then the base object's (for extensions).
      const own = this.findProcs(this.obj, lower);
      if (own) return this.procCall(own, 'self', e, used);
      // Implicit Rec: in table, page and their extensions' code a record method needs no `Rec.` (nor do the
      // table's procedures, reached through the record so table extensions' procedures are found too).
      if (this.obj.type !== 'codeunit' && this.recTable() && (recordMethodsHave(this.m, lower) || this.tableProcs(lower))) {
        return this.call({ ...e, fn: { k: 'member', loc: fn.loc, obj: { k: 'name', loc: fn.loc, name: 'Rec' }, name: fn.name } }, used);
      }
      const sys = this.m.registries.system.get(lower);
      if (sys) return this.builtin(sys, fn.name, undefined, undefined, e, used);
      if (lower === 'rec' || lower === 'xrec') {
        const st = (this.obj.base ?? this.obj).decl.properties.get(this.obj.type === 'codeunit' ? 'tableno' : 'sourcetable')?.text;
        throw unsupported(st ? `${fn.name} here: the table ${st} is not in the workspace` : `${fn.name} in ${this.obj.name} (it has no source table)`, e.loc);
      }
      // A record method called without `Rec.` in an object with an implicit Rec (a table's `IsTemporary()`).
      if (findBuiltin('record', lower) && this.resolve('Rec', e.loc)) {
        return this.call({ ...e, fn: { k: 'member', loc: fn.loc, obj: { k: 'name', loc: fn.loc, name: 'Rec' }, name: fn.name } }, used);
      }
      // A system method BC has (global, or of a static receiver such as Session or Database, callable without it) and
      // the runtime does not: "does not support", naming it; else the name is simply unknown.
      if (globalBuiltin(lower) || catalogue().entries.some((b) => b.static && b.name.toLowerCase() === lower)) throw unsupported(`the system method '${fn.name}'`, e.loc);
      throw unknownName(fn.name, this.scopeLabel(), e.loc);
    }
    if (fn.k === 'member') {
      const name = fn.name;
      const lower = name.toLowerCase();
      // Namespace calls: Session.StartSession, Page.GetBackgroundParameters, System.Time, Codeunit.Run...
      if (fn.obj.k === 'name' && !this.resolve(fn.obj.name, fn.loc)) {
        const ns = fn.obj.name.toLowerCase();
        const b = this.m.registries.system.get(`${ns}.${lower}`) ?? (ns === 'system' ? this.m.registries.system.get(lower) : undefined);
        if (b) return this.builtin(b, `${fn.obj.name}.${name}`, undefined, undefined, e, used);
        // `Params.Count()` where Params is declared nowhere: the name is unknown, not the method.
        if (!NAMESPACES.has(ns)) throw unknownName(fn.obj.name, this.scopeLabel(), fn.obj.loc);
        throw unsupported(`the method ${fn.obj.name}.${name}`, e.loc);
      }
      // Blob field methods: Rec.Picture.CreateOutStream(OutStr) needs the field itself, not its value.
      const blob = this.blobTarget(fn.obj);
      if (blob) {
        const b = this.m.registries.byKind('Blob')?.get(lower);
        if (!b) throw unsupported(`the method ${name} on a Blob field`, e.loc);
        return this.builtin(b, `Blob.${name}`, { c: blob, t: T('Blob') }, T('Blob'), e, used);
      }
      // Enum type methods: "Auto Format".FromInteger(n), Enum::"X".Names().
      const enumT = this.enumTypeOf(fn.obj);
      if (enumT) {
        const b = this.m.registries.byKind('Enum')?.get(lower);
        if (b) return this.builtin(b, `${enumT.subtype}.${name}`, { c: '0', t: enumT }, enumT, e, used);
      }
      const target = this.expr(fn.obj);
      const tt = target.t ? normType(target.t) : undefined;
      const kind = tt ? receiverKind(tt) : 'Variant';
      if (tt && kind === 'Record') {
        const tm = this.m.tableByName(tt.subtype ?? '');
        if (!tm) throw unsupported(`Record ${tt.subtype} (no such table in the workspace)`, e.loc);
        if (tm) {
          const tableObj = this.m.findObject('table', tm.def.name);
          const procs = tableObj ? this.findProcs(tableObj, lower, true) : undefined;
          if (procs) return this.procCall(procs, `${target.c}.inst(${this.k(procs[0].obj)})`, e, used);
        }
      }
      if (tt && kind === 'Codeunit') {
        const cu = this.m.findObject('codeunit', tt.subtype ?? '');
        const procs = cu ? this.findProcs(cu, lower, true) : undefined;
        if (procs) return this.procCall(procs, `$h.cuInst(rt, ${target.c}, ${this.k(cu)})`, e, used);
      }
      if (tt && kind === 'CurrPage') {
        const pm = this.pageModel();
        const procs = pm ? this.findProcs(pm, lower, true) : undefined;
        if (procs) return this.procCall(procs, `self.page.main`, e, used);
      }
      if (tt && kind === 'Interface') {
        return this.interfaceCall(target, tt, name, e, used);
      }
      const reg = this.m.registries.byKind(kind);
      const b = reg?.get(lower) ?? this.m.registries.any.get(lower);
      if (b) return this.builtin(b, `${tt?.name ?? 'Variant'}.${name}`, target, tt, e, used);
      const special = tt ? this.m.registries.describe?.(tt) : undefined;
      if (special) throw unsupported(reg ? `the member ${name} of ${special}` : special, e.loc);
      throw unsupported(`the method ${name} on ${tt ? typeLabel(tt) : 'a value of unknown type'}`, e.loc);
    }
    throw unsupported('calling this expression', e.loc);
  }

  /** JS source of a BlobRef when the expression is a Blob field of a record (else undefined). */
  private blobTarget(x: Expr): string | undefined {
    if (x.k === 'member') {
      let o: CExpr;
      try {
        o = this.expr(x.obj);
      } catch {
        return undefined;
      }
      const ot = o.t ? normType(o.t) : undefined;
      if (ot?.name !== 'Record' || ot.dims) return undefined;
      const fm = this.m.tableByName(ot.subtype ?? '')?.fieldsByName.get(x.name.toLowerCase());
      return fm && fm.def.type === 'Blob' ? `$h.blobRef(${o.c}, ${fm.def.id})` : undefined;
    }
    if (x.k === 'name') {
      const b = this.resolve(x.name, x.loc);
      if (b?.kind === 'field' && normType(b.t).name === 'Blob') return `$h.blobRef(${b.rec}, ${b.fieldId})`;
    }
    return undefined;
  }

  /** `"Enum Name"` or `Enum::"Enum Name"` used as a type (not a variable). */
  private enumTypeOf(x: Expr): TypeRef | undefined {
    if (x.k === 'name' && !this.resolve(x.name, x.loc) && this.m.findObject('enum', x.name)) return T('Enum', { subtype: x.name });
    if (x.k === 'scope' && !x.leftExpr && x.left.toLowerCase() === 'enum' && this.m.findObject('enum', x.right)) return T('Enum', { subtype: x.right });
    return undefined;
  }

  /** Procedures of the source table (and its extensions) by name, for implicit-Rec calls from pages. */
  private tableProcs(lower: string): ProcInfo[] | undefined {
    const tm = this.recTable();
    const tableObj = tm ? this.m.findObject('table', tm.def.name) : undefined;
    return tableObj && tableObj !== (this.obj.base ?? this.obj) ? this.findProcs(tableObj, lower, true) : undefined;
  }

  private findProcs(o: ObjectModel, lower: string, publicOnly = false): ProcInfo[] | undefined {
    const list = o.procs.get(lower);
    if (list && list.length) return publicOnly ? list.filter((p) => !p.decl.local || p.obj === this.obj) : list;
    // Extensions see their base object's procedures; a record also exposes its table extensions' procedures.
    if (o.base) return this.findProcs(o.base, lower, publicOnly);
    for (const ext of o.extensions) {
      const l = ext.procs.get(lower);
      if (l && l.length) return l;
    }
    return undefined;
  }

  private pickOverload(procs: ProcInfo[], args: Expr[], loc: Loc): ProcInfo {
    const byCount = procs.filter((p) => p.decl.params.length === args.length);
    if (byCount.length === 1) return byCount[0];
    if (byCount.length > 1) {
      // Prefer the overload whose parameter types match the arguments' static types.
      const argTypes = args.map((a) => {
        try {
          return this.expr(a).t;
        } catch {
          return undefined;
        }
      });
      let best = byCount[0];
      let bestScore = -1;
      for (const p of byCount) {
        let score = 0;
        p.decl.params.forEach((par, i) => {
          const at = argTypes[i];
          if (at && normType(at).name === normType(par.type).name) score += 2;
          else if (at && compatible(normType(at), normType(par.type))) score += 1;
        });
        if (score > bestScore) {
          best = p;
          bestScore = score;
        }
      }
      return best;
    }
    throw unsupported(`calling ${procs[0].name} with ${args.length} argument(s) (no such overload)`, loc);
  }

  private procCall(procs: ProcInfo[], self: string, e: Extract<Expr, { k: 'call' }>, used: boolean): CExpr {
    const p = this.pickOverload(procs, e.args, e.loc);
    const denied = this.m.accessProblem?.(p.obj, this.obj, p);
    if (denied) throw new AlError(denied, 'Access', toSourceLocation(e.loc));
    if (this.evalMode) throw new AlError(`Evaluating ${p.name} would run AL code, which may have side effects; evaluate variables and built-in functions only.`);
    const args = p.decl.params.map((par, i) => this.argument(e.args[i], par.type, !!par.byRef));
    const retT = p.decl.returnType ? normType(p.decl.returnType) : undefined;
    const ci = this.k({ loc: e.loc, argTypes: [], used, name: p.name } satisfies CallInfo);
    if (p.tryFunction && used) return { c: `(yield* $h.tryCall(rt, ${this.k(p)}, ${self}, [${args.join(', ')}], ${ci}))`, t: tBool };
    if (p.isEvent) return { c: `(yield* $h.raiseEvent(rt, ${this.k(p)}, ${self}, [${args.join(', ')}]))`, t: undefined };
    return { c: `(yield* $h.callProc(rt, ${this.k(p)}, ${self}, [${args.join(', ')}], ${ci}))`, t: retT };
  }

  private interfaceCall(target: CExpr, tt: TypeRef, name: string, e: Extract<Expr, { k: 'call' }>, used: boolean): CExpr {
    const iface = this.m.findObject('interface', tt.subtype ?? '');
    if (!iface) throw unsupported(`the interface ${tt.subtype}`, e.loc);
    const procs = iface.procs.get(name.toLowerCase());
    if (!procs) throw unsupported(`the method ${name} of interface ${iface.name}`, e.loc);
    const p = this.pickOverload(procs, e.args, e.loc);
    const args = p.decl.params.map((par, i) => this.argument(e.args[i], par.type, !!par.byRef));
    const ci = this.k({ loc: e.loc, argTypes: [], used, name: p.name } satisfies CallInfo);
    return { c: `(yield* $h.interfaceCall(rt, ${target.c}, ${JSON.stringify(name.toLowerCase())}, [${args.join(', ')}], ${ci}))`, t: p.decl.returnType ? normType(p.decl.returnType) : undefined };
  }

  /** An argument for a parameter: by value (converted, records copied) or by reference. */
  private argument(a: Expr | undefined, pt: TypeRef, byRef: boolean): string {
    const t = normType(pt);
    if (!a) return this.defaultValue(t);
    if (byRef) {
      if (isScalarType(t) && !t.dims) return this.refTo(a);
      return this.expr(a).c;
    }
    const v = this.expr(a);
    if (t.dims) return `$h.copyArray(${v.c})`;
    if (t.name === 'Record') return `$h.copyRecord(${v.c})`;
    return this.convert(v.c, v.t, t, a.loc);
  }

  /** A `{ v }` reference object to an assignable place (var parameters of scalar type). */
  private refTo(a: Expr): string {
    const lv = this.lval(a);
    return `{ get v() { return ${lv.get}; }, set v($v) { ${lv.set('$v')}; } }`;
  }

  private builtin(b: Builtin, name: string, target: CExpr | undefined, targetType: TypeRef | undefined, e: Extract<Expr, { k: 'call' }>, used: boolean): CExpr {
    if (this.evalMode && b.effect) throw new AlError(`Evaluating ${name} would have side effects; it is not evaluated.`);
    if (b.min !== undefined && e.args.length < b.min) throw unsupported(`${name} with ${e.args.length} argument(s) (expects at least ${b.min})`, e.loc);
    if (b.max !== undefined && e.args.length > b.max) throw unsupported(`${name} with ${e.args.length} argument(s) (expects at most ${b.max})`, e.loc);
    const argTypes: (TypeRef | undefined)[] = [];
    const args: string[] = [];
    const table = targetType && normType(targetType).name === 'Record' ? this.m.tableByName(normType(targetType).subtype ?? '') : undefined;
    e.args.forEach((a, i) => {
      if (table && b.fieldArgs && (b.fieldArgs === 'all' || b.fieldArgs.includes(i))) {
        const fid = this.fieldIdOf(a, table);
        argTypes.push(fid.t);
        args.push(fid.c);
        return;
      }
      if (b.refArgs?.includes(i)) {
        const lv = this.lval(a);
        argTypes.push(lv.t);
        const lt = lv.t ? normType(lv.t) : undefined;
        // Objects (records, lists, arrays...) are passed as themselves; everything else as a `{ v }` reference.
        if (lt && (lt.dims || PASSED_AS_OBJECT.has(lt.name))) args.push(lv.get);
        else args.push(`{ get v() { return ${lv.get}; }, set v($v) { ${lv.set('$v')}; } }`);
      } else {
        const c = this.expr(a);
        argTypes.push(c.t);
        args.push(c.c);
      }
    });
    const ci: CallInfo = { loc: e.loc, argTypes, used, targetType, name };
    const ret = typeof b.ret === 'function' ? b.ret(ci) : b.ret;
    const all = [`rt`, this.k(ci), ...(target ? [target.c] : []), ...args].join(', ');
    const c = `${this.k(b)}.impl(${all})`;
    return { c: b.gen ? `(yield* ${c})` : c, t: ret };
  }

  /** A field argument (`SetRange("No.", ...)`, `Rec.FieldNo(Name)`): the field id, or a run-time number. */
  private fieldIdOf(a: Expr, table: NonNullable<ReturnType<EngineModel['tableByName']>>): CExpr {
    const name = a.k === 'name' ? a.name : a.k === 'member' ? a.name : undefined;
    if (name !== undefined) {
      const fm = table.fieldsByName.get(name.toLowerCase());
      if (fm) return { c: String(fm.def.id), t: fm.type };
    }
    const c = this.expr(a);
    if (c.t && normType(c.t).name === 'Integer') return { c: c.c, t: undefined };
    throw unsupported(`'${name ?? 'this argument'}' as a field of ${table.def.name}`, a.loc);
  }

  private elementType(t: TypeRef | undefined): TypeRef | undefined {
    if (!t) return undefined;
    const n = normType(t);
    if (n.name === 'List' && n.of) return n.of[0];
    if (n.name === 'Text' || n.name === 'Code') return T('Char');
    return undefined;
  }
}

function recordMethodsHave(m: EngineModel, name: string): boolean {
  return !!m.registries.byKind('Record')?.get(name.toLowerCase());
}

function isTextType(t: TypeRef): boolean {
  return (t.name === 'Text' || t.name === 'Code' || t.name === 'Label' || t.name === 'TextConst' || t.name === 'BigText') && !t.dims;
}

function compatible(a: TypeRef, b: TypeRef): boolean {
  const num = ['Integer', 'BigInteger', 'Decimal', 'Option', 'Char', 'Byte', 'Duration'];
  if (num.includes(a.name) && num.includes(b.name)) return true;
  if (isTextType(a) && isTextType(b)) return true;
  return b.name === 'Variant';
}

/** Which method registry a receiver of this static type uses. */
export function receiverKind(t: TypeRef): string {
  if (t.dims) return 'Array';
  switch (t.name) {
    case 'Text':
    case 'Code':
    case 'Label':
    case 'TextConst':
      return 'Text';
    case 'DotNet':
      return `DotNet:${t.subtype ?? ''}`;
    default:
      return isObjectType(t.name) || t.name === 'CurrPage' ? t.name : t.name;
  }
}

function typeLabel(t: TypeRef): string {
  return t.subtype ? `${t.name} ${t.subtype}` : t.name;
}

function safeJsName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `_${s}`;
}
