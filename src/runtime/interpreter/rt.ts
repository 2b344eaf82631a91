// One running AL call (an Execution): drives the compiled generator in budgeted slices, keeps the AL frame
// stack, turns statement-boundary yields into breakpoints, steps and pauses, and signal yields (Sleep, a
// blocked lock, a record-write break) into the StepResult the scheduler expects.
import type { AlErrorInfo, AlStackFrame, DebugPolicy, Execution, ExecutionDebug, PauseReason, SessionServices, StepResult } from '../contracts';
import { AlError, toAlError } from './errors';
import type { ObjectModel, ProcInfo } from './model';
import { toSourceLocation } from './model';
import { CodeunitVar, Instance } from './objects';
import type { RuntimeEngine } from './runtimeEngine';
import { DebugView } from './debugView';
import type { RunContext } from './codeunitSubtypes';

export interface Frame {
  pi: ProcInfo;
  self: unknown;
  L: Record<string, unknown>;
  /** Current statement id (index into the engine's statement table). */
  s: number;
  depth: number;
  /** Work to do when the frame is left (BindSubscription of a local codeunit variable ends there). */
  cleanup: (() => void)[] | undefined;
}

/** Signals a compiled body or a built-in yields to the driver (numbers are statement boundaries). */
export type Signal =
  | { kind: 'sleep'; until: number }
  | { kind: 'blocked'; reason: string }
  | { kind: 'wait'; reason: string }
  | { kind: 'pause'; reason: PauseReason };

/** Per-session state the interpreter keeps (last error, single-instance codeunits). */
export interface SessionState {
  lastError?: AlError;
  singleInstances: Map<ObjectModel, Instance>;
  /** The session's application areas (`ApplicationArea(Text)` sets them; BC keeps them per session, empty at login). */
  applicationArea?: string;
}

type StepMode = 'none' | 'stepIn' | 'stepOver' | 'stepOut';

/** The maximum AL call depth; deeper recursion fails with BC-style error instead of overflowing the JS stack. */
export const MAX_CALL_DEPTH = 400;

export class Rt implements Execution {
  /** Statements left in this slice (decremented by every statement hook). */
  n = 0;
  /**
   * Debug machinery state read by every statement hook: 0 off; 1 breakpoints exist (the hook checks `bf`, the
   * engine's per-statement breakpoint flags, inline); 2 stepping, pause or stop-on-entry (every hook yields).
   */
  d = 0;
  /** The engine's breakpoint flags by statement id (1 = a breakpoint is set there). */
  bf: Uint8Array;
  /** Set by `fail` when the error must pause the execution (break on error) before unwinding. */
  ep = false;
  readonly frames: Frame[] = [];
  tryDepth = 0;
  /** Side-effect-free evaluation in progress (debugger evaluate): effectful built-ins refuse to run. */
  evalMode = false;
  /** Install/upgrade context and the test run in progress (codeunitSubtypes.ts). */
  readonly context: RunContext = { testDepth: 0 };
  private gen?: Generator<unknown, unknown, unknown>;
  private final?: StepResult;
  private pendingThrow?: AlError;
  private pauseRequested = false;
  private stepMode: StepMode = 'none';
  private stepDepth = 0;
  private entryPending: boolean;
  exceptionInfo?: AlErrorInfo;
  /** The breakpoints that stopped the execution last (set with the `breakpoint` pause reason). */
  hitBreakpointIds: number[] = [];
  readonly debug: ExecutionDebug;
  /** Log-point output (the session layer reads it through the optional DebugPolicy.log hook). */
  readonly session: SessionState;

  constructor(
    readonly engine: RuntimeEngine,
    readonly services: SessionServices,
    readonly policy: DebugPolicy,
    body: (rt: Rt) => Generator<unknown, unknown, unknown>,
  ) {
    this.session = engine.sessionState(services);
    this.bf = engine.breakpointFlags;
    this.entryPending = policy.stopOnEntry;
    this.gen = body(this);
    this.debug = new DebugView(this);
  }

  // ------------------------------------------------------------------------------------------------------
  // Frames (called by compiled code)
  // ------------------------------------------------------------------------------------------------------

  enter(pi: ProcInfo, self: unknown, L: Record<string, unknown>): Frame {
    const depth = this.frames.length;
    if (depth >= MAX_CALL_DEPTH) {
      throw new AlError(`The maximum call depth (${MAX_CALL_DEPTH}) was exceeded: ${pi.obj.name}.${pi.name} calls itself without end, or the call chain is too deep.`, 'StackOverflow', toSourceLocation(pi.decl.loc));
    }
    const f: Frame = { pi, self, L, s: -1, depth, cleanup: undefined };
    this.frames.push(f);
    return f;
  }

  leave(f: Frame): void {
    const i = this.frames.lastIndexOf(f);
    if (i >= 0) this.frames.length = i;
    if (f.cleanup) {
      const work = f.cleanup;
      f.cleanup = undefined;
      for (const w of work) w();
    }
  }

  /** Runs `work` when the frame is left (normally or by an error). */
  onLeave(f: Frame, work: () => void): void {
    (f.cleanup ??= []).push(work);
  }

  /**
   * An error crosses a frame. The innermost frame sees it first: the AL call stack and location are captured
   * there, the error becomes the exception shown by the debugger, and break-on-error may pause.
   */
  fail(e: unknown, f: Frame): AlError {
    const err = toAlError(e);
    if (!err.seen) {
      err.seen = true;
      const st = this.engine.stmts[f.s];
      if (!err.info.location && st) err.info.location = toSourceLocation(st.loc);
      err.info.callStack = this.callStack();
      err.info.frames = this.stackFrames();
      err.info.stackLocations = this.stackLocations();
      if (!err.uncatchable && this.policy.attached && !this.evalMode) {
        const mode = this.policy.breakOnError;
        if (mode === 'All' || (mode === 'ExcludeTry' && this.tryDepth === 0)) {
          this.ep = true;
          this.exceptionInfo = { ...err.info };
        }
      }
    }
    return err;
  }

  /** BC's call stack text, innermost first: `"Name"(CodeUnit 50100).OnRun line 12 - App by Publisher`. */
  callStack(): string {
    const lines: string[] = [];
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      const o = f.pi.obj;
      const st = this.engine.stmts[f.s];
      // BC numbers lines from the procedure's declaration line (0).
      const line = st ? st.loc.line - f.pi.decl.loc.line : 0;
      lines.push(`"${o.name}"(${objectTypeLabel(o.type)} ${o.id}).${f.pi.name} line ${line} - ${this.engine.appName}`);
    }
    return lines.join('\n');
  }

  /** The call stack as frames with file and line (innermost first), for test results and tools. */
  stackFrames(): AlStackFrame[] {
    const out: AlStackFrame[] = [];
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      const o = f.pi.obj;
      const st = this.engine.stmts[f.s];
      const loc = st ? st.loc : f.pi.decl.loc;
      out.push({ object: `${objectTypeLabel(o.type).replace('CodeUnit', 'Codeunit')} ${o.id} "${o.name}"`, procedure: f.pi.name, file: loc.file, line: loc.line });
    }
    return out;
  }

  /** The source position of each call stack line (same order): for editors that link the stack to the code. */
  stackLocations(): { file: string; line: number }[] {
    const out: { file: string; line: number }[] = [];
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      const st = this.engine.stmts[f.s];
      out.push({ file: st?.loc.file ?? f.pi.decl.loc.file, line: st ? st.loc.line : f.pi.decl.loc.line });
    }
    return out;
  }

  /** The innermost frame's object as BC names it in callback errors: `CodeUnit 50100 Lab Posting`. */
  currentObjectLabel(): string | undefined {
    const f = this.frames[this.frames.length - 1];
    if (!f) return undefined;
    const o = f.pi.obj;
    return `${objectTypeLabel(o.type)} ${o.id} ${o.name}`;
  }

  codeunitInstanceFor(obj: ObjectModel): Instance {
    if (obj.singleInstance) {
      let i = this.session.singleInstances.get(obj);
      if (!i) {
        i = this.engine.newInstance(obj);
        this.session.singleInstances.set(obj, i);
      }
      return i;
    }
    return this.engine.newInstance(obj);
  }

  cuInstance(v: CodeunitVar): Instance {
    if (v.obj.singleInstance) return this.codeunitInstanceFor(v.obj);
    v.inst ??= this.engine.newInstance(v.obj);
    return v.inst;
  }

  // ------------------------------------------------------------------------------------------------------
  // The driver
  // ------------------------------------------------------------------------------------------------------

  private refreshDebug(): void {
    this.bf = this.engine.breakpointFlags;
    // Coverage: every statement hook reaches the driver, which counts it.
    if (this.engine.coverageCounts) this.d = 2;
    else if (!this.policy.attached) this.d = 0;
    else if (this.stepMode !== 'none' || this.pauseRequested || this.entryPending) this.d = 2;
    else this.d = this.engine.hasBreakpoints() ? 1 : 0;
  }

  run(budget: number): StepResult {
    if (this.final) return this.final;
    this.n = budget > 0 ? budget : 1;
    this.refreshDebug();
    const gen = this.gen!;
    for (;;) {
      let r: IteratorResult<unknown, unknown>;
      try {
        if (this.pendingThrow) {
          const e = this.pendingThrow;
          this.pendingThrow = undefined;
          r = gen.throw(e);
        } else r = gen.next();
      } catch (e) {
        const err = toAlError(e);
        if (!err.info.callStack) {
          err.info.callStack = this.callStack();
          err.info.stackLocations = this.stackLocations();
        }
        this.session.lastError = err;
        this.frames.length = 0;
        this.final = { state: 'failed', error: { ...err.info } };
        return this.final;
      }
      if (r.done) {
        this.final = { state: 'completed', value: r.value };
        this.frames.length = 0;
        return this.final;
      }
      const y = r.value;
      if (typeof y === 'number') {
        if (y === -1) {
          // Break on error: the innermost frame is still on the stack.
          this.stepMode = 'none';
          return { state: 'paused', reason: 'exception' };
        }
        if (this.d !== 0) {
          const cov = this.engine.coverageCounts;
          if (cov && y < cov.length) cov[y]++;
          const reason = this.checkStop(y);
          if (reason) {
            this.refreshDebug();
            return { state: 'paused', reason };
          }
        }
        if (this.n <= 0) return { state: 'yielded' };
        continue;
      }
      const s = y as Signal;
      if (s.kind === 'sleep') return { state: 'sleeping', until: s.until };
      if (s.kind === 'blocked') return { state: 'blocked', reason: s.reason };
      if (s.kind === 'wait') return { state: 'waiting', reason: s.reason };
      if (s.kind === 'pause') {
        this.stepMode = 'none';
        return { state: 'paused', reason: s.reason };
      }
    }
  }

  /** At a statement boundary with the debug machinery on: should the execution stop here? */
  private checkStop(stmtId: number): PauseReason | undefined {
    if (this.pendingThrow) return undefined;
    const depth = this.frames.length;
    if (this.entryPending) {
      this.entryPending = false;
      this.exceptionInfo = undefined;
      return 'entry';
    }
    if (this.pauseRequested) {
      this.pauseRequested = false;
      this.stepMode = 'none';
      return 'pause';
    }
    const bps = this.engine.breakpointsAt(stmtId);
    if (bps && this.policy.attached) {
      // Every breakpoint on the statement counts its hit (and logs); the ids of those that stop are reported.
      const hit: number[] = [];
      for (const bp of bps) if (this.engine.breakpointHit(bp, this, stmtId)) hit.push(bp.id);
      if (hit.length) {
        this.stepMode = 'none';
        this.hitBreakpointIds = hit;
        return 'breakpoint';
      }
    }
    switch (this.stepMode) {
      case 'stepIn':
        this.stepMode = 'none';
        return 'step';
      case 'stepOver':
        if (depth <= this.stepDepth) {
          this.stepMode = 'none';
          return 'step';
        }
        break;
      case 'stepOut':
        if (depth < this.stepDepth) {
          this.stepMode = 'none';
          return 'step';
        }
        break;
    }
    return undefined;
  }

  abort(error: AlErrorInfo): void {
    if (this.final) return;
    const e = new AlError(error.text, error.code, error.location, true);
    e.info.callStack = error.callStack;
    this.pendingThrow = e;
  }

  // Debug control (used by DebugView)
  requestPause(): void {
    this.pauseRequested = true;
    if (this.policy.attached) this.d = 2;
  }

  resumeWith(mode: 'continue' | 'stepIn' | 'stepOver' | 'stepOut'): void {
    this.exceptionInfo = undefined;
    this.stepMode = mode === 'continue' ? 'none' : mode;
    this.stepDepth = this.frames.length;
    this.refreshDebug();
  }

  get finished(): boolean {
    return !!this.final;
  }

  /** A record write is about to happen: break before it when the policy asks (yield* from record methods). */
  *beforeRecordWrite(temporary: boolean): Generator<unknown, void, unknown> {
    const p = this.policy;
    if (!p.attached || this.evalMode) return;
    if (p.breakOnRecordWrite === 'All' || (p.breakOnRecordWrite === 'ExcludeTemporary' && !temporary)) {
      yield { kind: 'pause', reason: 'recordWrite' } satisfies Signal;
    }
  }
}

export function objectTypeLabel(type: string): string {
  switch (type) {
    case 'codeunit': return 'CodeUnit';
    case 'table': return 'Table';
    case 'tableextension': return 'TableExtension';
    case 'page': return 'Page';
    case 'pageextension': return 'PageExtension';
    case 'report': return 'Report';
    default: return type.charAt(0).toUpperCase() + type.slice(1);
  }
}
