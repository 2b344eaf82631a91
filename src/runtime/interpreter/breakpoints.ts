// The statement table, breakpoints and evaluation in a frame: breakpoints resolve to statements once (the
// statement hook's check is a flag lookup), conditions, hit conditions and log messages are evaluated here,
// and debugger expressions compile in the frame's scope with side effects refused.
import { parseExpressionText } from './expressionText';
import type { BreakpointSpec, ResolvedBreakpoint } from '../contracts';
import type { Loc, TypeRef } from './ast';
import { AlError, toAlError } from './errors';
import type { ProcInfo, StmtInfo } from './model';
import { toSourceLocation } from './model';
import { ProcCompiler } from './compiler';
import type { EngineModel } from './engineModel';
import { Variant } from './objects';
import { displayValue, formatAny } from './display';
import type { Frame, Rt } from './rt';

export interface BreakpointEntry {
  id: number;
  spec: BreakpointSpec;
  hits: number;
  stmt?: number;
}

type EvalFn = (rt: Rt, self: unknown, L: Record<string, unknown>) => Generator<unknown, unknown, unknown>;

let nextBreakpointId = 1;

export class Breakpoints {
  /** Append-only: executions started before a reload keep pointing at their statements. */
  readonly stmts: StmtInfo[] = [];
  private stmtsByFile = new Map<string, StmtInfo[]>();
  private bpSpecs = new Map<string, BreakpointEntry[]>();
  /** Breakpoints by resolved statement (several lines can resolve to the same statement). */
  private bpByStmt = new Map<number, BreakpointEntry[]>();
  /** 1 at the statement ids that have a breakpoint: the statement hook's inline check. Grows with stmts. */
  flags = new Uint8Array(1024);
  /** The first statement of the current load (older ones belong to code replaced by a reload). */
  loadStmtStart = 0;
  private evalCache = new Map<string, EvalFn>();

  constructor(private readonly engine: EngineModel & { membersOf(t: TypeRef): string[] | undefined }) {}

  addStmt(loc: Loc, pi: ProcInfo): number {
    const st: StmtInfo = { id: this.stmts.length, loc, proc: pi };
    if (st.id >= this.flags.length) {
      const bigger = new Uint8Array(this.flags.length * 2);
      bigger.set(this.flags);
      this.flags = bigger;
    }
    this.stmts.push(st);
    let l = this.stmtsByFile.get(loc.file);
    if (!l) this.stmtsByFile.set(loc.file, (l = []));
    l.push(st);
    return st.id;
  }

  /** A load begins: its statements are the ones breakpoints resolve to from now on. */
  beginLoad(): void {
    this.loadStmtStart = this.stmts.length;
  }

  /** A load ended: compiled expressions are stale and every breakpoint resolves again. */
  endLoad(): void {
    this.evalCache.clear();
    this.bpByStmt.clear();
    this.flags.fill(0);
    for (const [file, entries] of this.bpSpecs) for (const b of entries) this.resolve(file, b);
  }

  setBreakpoints(file: string, specs: BreakpointSpec[]): ResolvedBreakpoint[] {
    const old = this.bpSpecs.get(file) ?? [];
    for (const b of old) if (b.stmt !== undefined) {
      const rest = (this.bpByStmt.get(b.stmt) ?? []).filter((x) => x !== b);
      if (rest.length) this.bpByStmt.set(b.stmt, rest);
      else {
        this.bpByStmt.delete(b.stmt);
        this.flags[b.stmt] = 0;
      }
    }
    const entries = specs.map((spec) => {
      // Keep hit counts of unchanged breakpoints (same line and conditions) across updates.
      const prev = old.find((b) => b.spec.line === spec.line && b.spec.condition === spec.condition && b.spec.hitCondition === spec.hitCondition);
      return { id: prev?.id ?? nextBreakpointId++, spec, hits: prev?.hits ?? 0 } as BreakpointEntry;
    });
    this.bpSpecs.set(file, entries);
    return entries.map((b) => this.resolve(file, b));
  }

  private resolve(file: string, b: BreakpointEntry): ResolvedBreakpoint {
    b.stmt = undefined;
    const stmts = this.stmtsByFile.get(file) ?? [];
    // Only statements of the current load count (older ones belong to code replaced by a reload).
    let best: StmtInfo | undefined;
    for (const s of stmts) {
      if (s.loc.line < b.spec.line || s.id < this.loadStmtStart) continue;
      if (!best || s.loc.line < best.loc.line || (s.loc.line === best.loc.line && s.id < best.id)) best = s;
    }
    if (!best || best.loc.line > b.spec.line + 20) return { id: b.id, verified: false, line: b.spec.line, message: 'No executable AL statement at or after this line.' };
    b.stmt = best.id;
    const here = this.bpByStmt.get(best.id);
    if (here) here.push(b);
    else this.bpByStmt.set(best.id, [b]);
    this.flags[best.id] = 1;
    return { id: b.id, verified: true, line: best.loc.line };
  }

  hasBreakpoints(): boolean {
    return this.bpByStmt.size > 0;
  }

  breakpointsAt(stmt: number): BreakpointEntry[] | undefined {
    return this.bpByStmt.get(stmt);
  }

  /** Conditions, hit counts and log messages are evaluated here, in the innermost frame. */
  breakpointHit(bp: BreakpointEntry, rt: Rt): boolean {
    const frame = rt.frames[rt.frames.length - 1];
    if (bp.spec.condition) {
      try {
        const r = this.evaluateInFrame(rt, frame, bp.spec.condition);
        const v = r.value instanceof Variant ? r.value.value : r.value;
        if (v !== true) return false;
      } catch {
        // A condition that cannot be evaluated stops (so the user sees why).
      }
    }
    bp.hits++;
    if (bp.spec.hitCondition && !hitConditionMet(bp.spec.hitCondition, bp.hits)) return false;
    if (bp.spec.logMessage !== undefined) {
      const text = bp.spec.logMessage.replace(/\{([^}]+)\}/g, (_m, expr: string) => {
        try {
          const r = this.evaluateInFrame(rt, frame, expr);
          return this.displayOf(r.value, r.type);
        } catch (e) {
          return `<${toAlError(e).info.text}>`;
        }
      });
      const st = this.stmts[frame.s];
      rt.policy.log?.(text, toSourceLocation(st ? st.loc : frame.pi.decl.loc));
      return false;
    }
    return true;
  }

  /** Evaluates an AL expression in a frame's scope with side effects refused (debugger evaluate, conditions). */
  evaluateInFrame(rt: Rt, frame: Frame, text: string): { value: unknown; type?: TypeRef } {
    const key = `${frame.pi.id}\u0000${text}`;
    let fn = this.evalCache.get(key);
    let type: TypeRef | undefined;
    if (!fn) {
      const expr = parseExpressionText(text);
      const c = new ProcCompiler(this.engine, frame.pi);
      const compiled = c.compileExpression(expr);
      fn = compiled.fn;
      type = compiled.type;
      (fn as unknown as { type?: TypeRef }).type = type;
      this.evalCache.set(key, fn);
    } else type = (fn as unknown as { type?: TypeRef }).type;
    const saved = { n: rt.n, d: rt.d, ep: rt.ep, evalMode: rt.evalMode };
    rt.d = 0;
    rt.evalMode = true;
    try {
      const g = fn(rt, frame.self, frame.L);
      const r = g.next();
      if (!r.done) throw new AlError('This expression cannot be evaluated here: it would have to wait or run AL code.');
      return { value: r.value, type };
    } finally {
      rt.n = saved.n;
      rt.d = saved.d;
      rt.ep = saved.ep;
      rt.evalMode = saved.evalMode;
    }
  }

  /** A log point's `{expr}` value: Format of the value (texts unquoted). */
  private displayOf(v: unknown, t: TypeRef | undefined): string {
    const inner = v instanceof Variant ? v.value : v;
    if (typeof inner === 'string') return inner;
    try {
      return formatAny(v, t, (x) => this.engine.membersOf(x));
    } catch {
      return displayValue(v, t, (x) => this.engine.membersOf(x));
    }
  }
}

function hitConditionMet(cond: string, hits: number): boolean {
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(cond);
  if (!m) return true;
  const n = parseInt(m[2], 10);
  switch (m[1]) {
    case '>=': return hits >= n;
    case '<=': return hits <= n;
    case '>': return hits > n;
    case '<': return hits < n;
    case '%': return n > 0 && hits % n === 0;
    default: return hits === n;
  }
}

