// What the execution (rt.ts), the debugger view and the method libraries need from the engine at run time.
// They hold this interface, never the concrete EngineImpl, so engine.ts is the only file that imports every
// library and the interpreter's import graph has no value cycle (engineModel.ts does the same for the compiler).
import type { PageInstance, SessionServices } from '../contracts';
import type { TypeRef } from './ast';
import type { BreakpointEntry } from './breakpoints';
import type { EngineModel } from './engineModel';
import type { ObjectModel, ProcFn, ProcInfo, StmtInfo, TableModel } from './model';
import type { Instance, ModuleInfoValue } from './objects';
import type { AlRecord } from './record';
import type { Frame, Rt, SessionState } from './rt';

export interface RuntimeEngine extends EngineModel {
  /** The statement table (append-only): statement ids in frames and yields index it. */
  readonly stmts: readonly StmtInfo[];
  /** 1 at the statement ids that have a breakpoint (replaced when it grows: read it again per slice). */
  readonly breakpointFlags: Uint8Array;
  /** Hit counts by statement id while statement coverage is on (every statement hook then reaches the driver). */
  readonly coverageCounts: Uint32Array | undefined;
  /** `Name by Publisher` of the workspace app, as BC's call stacks name it. */
  readonly appName: string;

  // Code
  compileProc(p: ProcInfo): ProcFn;
  subscribersOf(publisher: ProcInfo): ProcInfo[];
  tableEventSubscribers(tableId: number, event: string): ProcInfo[];
  tableTriggers(t: TableModel, name: string): ProcInfo[];
  /** Option/enum display names by ordinal (captions for enums, as Format shows them). */
  membersOf(t: TypeRef): string[] | undefined;
  enumEntries(t: TypeRef | undefined): { ordinal: number; name: string }[];

  // Instances and sessions
  newInstance(obj: ObjectModel): Instance;
  sessionState(s: SessionServices): SessionState & { workDate?: number };
  workDate(rt: Rt): number | undefined;
  setWorkDate(rt: Rt, d: number): void;
  moduleInfo(): ModuleInfoValue;
  random(max: number): number;
  randomize(seed?: number): void;
  newGuid(): string;
  clearValue(rt: Rt, x: unknown, t: TypeRef | undefined): void;
  clearAll(rt: Rt): void;

  // Running objects
  runCodeunitOnRun(rt: Rt, obj: ObjectModel, rec: AlRecord | undefined): Generator<unknown, void, unknown>;
  runOnRunOf(rt: Rt, inst: Instance, rec: AlRecord | undefined): Generator<unknown, void, unknown>;
  openPage(services: SessionServices, page: number | string): PageInstance;
  /** A detached execution context (page field values): no frames of its own, never pauses. */
  detachedRt(services: SessionServices): Rt;

  // Breakpoints and evaluation
  hasBreakpoints(): boolean;
  breakpointsAt(stmt: number): BreakpointEntry[] | undefined;
  breakpointHit(bp: BreakpointEntry, rt: Rt, stmt: number): boolean;
  evaluateInFrame(rt: Rt, frame: Frame, text: string): { value: unknown; type?: TypeRef };
}
