// The global system methods (Message, Error, Format, StrSubstNo, date/time, Sleep, Commit, last error...)
// and the namespaced ones (Session.*, TaskScheduler.*, Page.*, Codeunit.Run). Everything whose behaviour
// depends on the session goes through SessionServices.
import type { TypeRef } from './ast';
import { AlError, toAlError } from './errors';
import { registry, T, tBool, tDate, tDateTime, tDec, tGuid, tInt, tText, tTime, type CallInfo } from './methodTypes';
import type { Rt, Signal } from './rt';
import { toSourceLocation } from './model';
import { fmt } from './display';
import * as text from '../values/text';
import { AlDecimal, isAlDecimal } from '../values/decimal';
import { calcDate } from '../values/dateFormula';
import { createDateTime, dt2Date, dt2Time, todayFromClock, timeFromClock, dateTimeFromClock, date2Dmy, dmy2Date, date2Dwy, dwy2Date, normalDate, closingDate } from '../values/datetime';
import { createGuid, isNullGuid } from '../values/guid';
import { evaluateText } from '../values/evaluate';
import { ErrorInfoValue, Variant } from './objects';
import { AlRecord } from './record';
import { AlDictionary, AlList, fromMap } from './collections';
import { normType, SYSTEM_ENUMS } from './typeNames';
import { copyStream } from './streams';
import { clientOnly, clientSystemMethods } from './clientObjects';
import { bindingMethods } from './eventBinding';
import { uiEvent } from './testHandlers';
import { executionContextMethods } from './executionContext';
import { secretSystemMethods } from './secretText';

const where = (ci: CallInfo) => toSourceLocation(ci.loc);


/** StrSubstNo-style substitution with each value formatted by its static type. */
export function substitute(rt: Rt, ci: CallInfo, first: number, format: unknown, args: unknown[]): string {
  const values = args.map((a, i) => fmt(rt, a, ci.argTypes[first + i]));
  return text.strSubstNo(String(unwrapV(format)), values);
}

function unwrapV(v: unknown): unknown {
  return v instanceof Variant ? v.value : v;
}

function str(v: unknown): string {
  v = unwrapV(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String.fromCharCode(v);
  throw new AlError(`A text was expected but the value is ${String(v)}.`);
}

function dec(v: unknown): AlDecimal {
  v = unwrapV(v);
  return AlDecimal.from(v as number);
}

/** Wrap a values-library call so its errors carry the call's location. */
function at<T>(ci: CallInfo, f: () => T): T {
  try {
    return f();
  } catch (e) {
    const err = toAlError(e);
    err.info.location ??= where(ci);
    throw err;
  }
}

function clockNow(rt: Rt): number {
  return rt.services.clock.now();
}

/** BC: "Calls to the COMMIT function during a test that is set to AutoRollback fail with an error." */
function refuseInAutoRollback(rt: Rt, ci: CallInfo): void {
  if (rt.context.transactionModel === 'AutoRollback') throw new AlError('Commit is not allowed in a test function with TransactionModel AutoRollback: its changes are rolled back when it ends.', 'TestTransactionModel', where(ci));
}

function refuseInEval(rt: Rt, what: string): void {
  if (rt.evalMode) throw new AlError(`${what} is not allowed while evaluating an expression in the debugger.`);
}

/** Dictionary of [Text, Text] <-> Map<string, string> at the session boundary. */
function toMap(d: unknown): Map<string, string> {
  const m = new Map<string, string>();
  if (d instanceof AlDictionary) for (const [k, v] of d.map.values()) m.set(String(k), String(unwrapV(v)));
  return m;
}


function* runCodeunit(rt: Rt, ci: CallInfo, id: unknown, rec: unknown): Generator<unknown, boolean, unknown> {
  const obj = rt.engine.findObject('codeunit', String(unwrapV(id)));
  if (!obj) throw new AlError(`Codeunit ${String(id)} does not exist in the workspace.`, '', where(ci));
  if (!ci.used) {
    yield* rt.engine.runCodeunitOnRun(rt, obj, rec instanceof AlRecord ? rec : undefined);
    return true;
  }
  // With a used result: its own transaction scope, errors become false (and the last error), changes roll back.
  const tx = rt.services.transaction();
  if (tx.hasWrites()) {
    throw new AlError("The following AL methods can be used only to a limited degree during write transactions because one or more tables will be locked: Codeunit.Run is allowed in write transactions only if the return value is not used. For example, 'OK := Codeunit.Run()' is not allowed. Use Commit before the call, or do not use its return value.", 'NavCSideException', where(ci));
  }
  rt.tryDepth++;
  try {
    yield* rt.engine.runCodeunitOnRun(rt, obj, rec instanceof AlRecord ? rec : undefined);
  } catch (e) {
    const err = toAlError(e);
    if (err.uncatchable) throw err;
    rt.session.lastError = err;
    rt.services.transaction().rollback();
    return false;
  } finally {
    rt.tryDepth--;
  }
  if (rt.services.transaction().hasWrites()) rt.services.commit();
  return true;
}

function isDurationLike(t: TypeRef | undefined): boolean {
  if (!t) return false;
  const n = normType(t).name;
  return n === 'Duration' || n === 'Integer' || n === 'BigInteger';
}

export const systemMethods = registry({
  // ---- dialogs ----
  // In a test, dialogs go to the test's UI handlers (testHandlers.ts); elsewhere to the session.
  Message: {
    gen: true, min: 1,
    *impl(rt: Rt, ci, f, ...args) {
      const t = substitute(rt, ci, 1, f, args);
      if (!(yield* uiEvent(rt, ci, 'Message', { text: t }))) rt.services.message(t);
    },
  },
  Error: {
    min: 1,
    impl(rt: Rt, ci, f, ...args) {
      if (f instanceof ErrorInfoValue) {
        const e = new AlError(f.message, 'ErrorInfo', where(ci));
        e.details = { title: f.title, detailedMessage: f.detailedMessage, fieldNo: f.fieldNo, tableId: f.tableId };
        throw e;
      }
      throw new AlError(substitute(rt, ci, 1, f, args), '', where(ci));
    },
  },
  // In a test the dialogs go to its UI handlers; with a client that answers dialogs (the page preview) the session
  // waits for the user, as BC's client does.
  Confirm: {
    gen: true, ret: tBool, min: 1, effect: true,
    *impl(rt: Rt, ci, f, def = true, ...args) {
      refuseInEval(rt, 'Confirm');
      const text = substitute(rt, ci, 2, f, args);
      const h = yield* uiEvent(rt, ci, 'Confirm', { text, defaultAnswer: !!def });
      if (h) return !!h.value;
      const ticket = rt.services.askUser?.('Confirm', text, !!def);
      if (!ticket) return rt.services.confirm(text, !!def, rt.currentObjectLabel());
      while (!ticket.answered) yield { kind: 'wait', reason: 'waits for the user to answer a Confirm dialog' } satisfies Signal;
      return ticket.value === true;
    },
  },
  StrMenu: {
    gen: true, ret: tInt, min: 1, max: 3, effect: true,
    *impl(rt: Rt, ci, opts, def = 1, instr = '') {
      refuseInEval(rt, 'StrMenu');
      const h = yield* uiEvent(rt, ci, 'StrMenu', { options: str(opts), defaultAnswer: Number(def), instruction: str(instr) });
      if (h) return Number(h.value);
      const ticket = rt.services.askUser?.('StrMenu', str(instr), Number(def), str(opts).split(','));
      if (!ticket) return rt.services.strMenu(str(opts), Number(def), str(instr));
      while (!ticket.answered) yield { kind: 'wait', reason: 'waits for the user to answer a StrMenu dialog' } satisfies Signal;
      return Number(ticket.value);
    },
  },
  ...clientSystemMethods,

  // ---- text ----
  StrSubstNo: { ret: tText, min: 1, impl: (rt: Rt, ci, f, ...args) => substitute(rt, ci, 1, f, args) },
  Format: { ret: tText, min: 1, max: 3, impl: (rt: Rt, ci, v, len = 0, f = 0) => at(ci, () => fmt(rt, v, ci.argTypes[0], Number(len), typeof f === 'string' ? f : Number(f))) },
  Evaluate: {
    ret: tBool, min: 2, max: 3, refArgs: [0], effect: true,
    impl(rt: Rt, ci, ref: { v: unknown }, s, _n = 0) {
      const t = ci.argTypes[0] ? normType(ci.argTypes[0]) : { name: 'Text' };
      const members = rt.engine.membersOf(t);
      const target = { type: (t.name === 'Label' ? 'Text' : t.name) as never, optionMembers: members, length: t.length };
      const today = todayFromClock(clockNow(rt));
      const r = evaluateText(target, str(s), { today, workDate: rt.engine.workDate(rt) ?? today });
      if (!r.ok) {
        if (ci.used) return false;
        throw new AlError(r.error, 'Evaluate', where(ci));
      }
      ref.v = r.value;
      return true;
    },
  },
  CopyStr: { ret: tText, min: 2, max: 3, impl: (_rt: Rt, ci, s, p, l?) => at(ci, () => text.copyStr(str(s), Number(p), l === undefined ? undefined : Number(l))) },
  StrLen: { ret: tInt, min: 1, max: 1, impl: (_rt: Rt, _ci, s) => str(s).length },
  StrPos: { ret: tInt, min: 2, max: 2, impl: (_rt: Rt, _ci, s, sub) => text.strPos(str(s), str(sub)) },
  UpperCase: { ret: tText, min: 1, max: 1, impl: (_rt: Rt, _ci, s) => text.upperCase(str(s)) },
  LowerCase: { ret: tText, min: 1, max: 1, impl: (_rt: Rt, _ci, s) => text.lowerCase(str(s)) },
  DelChr: { ret: tText, min: 1, max: 3, impl: (_rt: Rt, _ci, s, w = '=', which = ' ') => text.delChr(str(s), str(w), str(which)) },
  PadStr: { ret: tText, min: 2, max: 3, impl: (_rt: Rt, _ci, s, l, c = ' ') => text.padStr(str(s), Number(l), str(c)) },
  SelectStr: { ret: tText, min: 2, max: 2, impl: (_rt: Rt, ci, n, s) => at(ci, () => text.selectStr(Number(n), str(s))) },
  IncStr: { ret: tText, min: 1, max: 2, impl: (_rt: Rt, _ci, s, n = 1) => text.incStr(str(s), Number(n)) },
  ConvertStr: { ret: tText, min: 3, max: 3, impl: (_rt: Rt, ci, s, a, b) => at(ci, () => text.convertStr(str(s), str(a), str(b))) },
  MaxStrLen: { ret: tInt, min: 1, max: 1, impl: (_rt: Rt, ci) => { const t = ci.argTypes[0]; return t?.length && t.length > 0 ? t.length : 2147483647; } },

  // ---- numbers ----
  Round: {
    ret: tDec, min: 1, max: 3,
    impl: (_rt: Rt, ci, x, p?, d = '=') => at(ci, () => dec(x).round(p === undefined ? undefined : dec(p), str(d) as '=' | '<' | '>')),
  },
  Abs: { ret: (ci) => ci.argTypes[0], min: 1, max: 1, impl: (_rt: Rt, _ci, x) => { x = unwrapV(x); return typeof x === 'number' ? Math.abs(x) : dec(x).abs(); } },
  Power: { ret: tDec, min: 2, max: 2, impl: (_rt: Rt, ci, x, y) => at(ci, () => dec(x).power(dec(y))) },
  Random: { ret: tInt, min: 1, max: 1, effect: true, impl: (rt: Rt, _ci, n) => rt.engine.random(Number(n)) },
  Randomize: { max: 1, effect: true, impl: (rt: Rt, _ci, seed?) => rt.engine.randomize(seed === undefined ? undefined : Number(seed)) },

  // ---- dates and times ----
  Today: { ret: tDate, max: 0, impl: (rt: Rt) => todayFromClock(clockNow(rt)) },
  Time: { ret: tTime, max: 0, impl: (rt: Rt) => timeFromClock(clockNow(rt)) },
  CurrentDateTime: { ret: tDateTime, max: 0, impl: (rt: Rt) => dateTimeFromClock(clockNow(rt)) },
  WorkDate: { ret: tDate, max: 1, impl: (rt: Rt, _ci, d?) => { if (d !== undefined) rt.engine.setWorkDate(rt, Number(d)); return rt.engine.workDate(rt) ?? todayFromClock(clockNow(rt)); } },
  CreateDateTime: { ret: tDateTime, min: 2, max: 2, impl: (_rt: Rt, ci, d, t) => at(ci, () => createDateTime(Number(d), Number(t))) },
  DT2Date: { ret: tDate, min: 1, max: 1, impl: (_rt: Rt, _ci, dt) => dt2Date(Number(dt)) },
  DT2Time: { ret: tTime, min: 1, max: 1, impl: (_rt: Rt, _ci, dt) => dt2Time(Number(dt)) },
  CalcDate: { ret: tDate, min: 1, max: 2, impl: (rt: Rt, ci, f, d?) => at(ci, () => calcDate(str(f), d === undefined ? (rt.engine.workDate(rt) ?? todayFromClock(clockNow(rt))) : Number(d))) },
  Date2DMY: { ret: tInt, min: 2, max: 2, impl: (_rt: Rt, ci, d, w) => at(ci, () => date2Dmy(Number(d), Number(w))) },
  DMY2Date: { ret: tDate, min: 1, max: 3, impl: (rt: Rt, ci, d, m?, y?) => at(ci, () => { const now = todayFromClock(clockNow(rt)); return dmy2Date(Number(d), m === undefined ? date2Dmy(now, 2) : Number(m), y === undefined ? date2Dmy(now, 3) : Number(y)); }) },
  Date2DWY: { ret: tInt, min: 2, max: 2, impl: (_rt: Rt, ci, d, w) => at(ci, () => date2Dwy(Number(d), Number(w))) },
  // Week and year default to the work date's ISO week and week-year.
  DWY2Date: { ret: tDate, min: 1, max: 3, impl: (rt: Rt, ci, d, w?, y?) => at(ci, () => { const wd = rt.engine.workDate(rt) ?? todayFromClock(clockNow(rt)); return dwy2Date(Number(d), w === undefined ? date2Dwy(wd, 2) : Number(w), y === undefined ? date2Dwy(wd, 3) : Number(y)); }) },
  NormalDate: { ret: tDate, min: 1, max: 1, impl: (_rt: Rt, _ci, d) => normalDate(Number(d)) },
  ClosingDate: { ret: tDate, min: 1, max: 1, impl: (_rt: Rt, _ci, d) => closingDate(Number(d)) },

  // ---- guids ----
  CreateGuid: { ret: tGuid, max: 0, effect: true, impl: () => createGuid() },
  IsNullGuid: { ret: tBool, min: 1, max: 1, impl: (_rt: Rt, _ci, g) => isNullGuid(str(g)) },

  // ---- session ----
  CopyStream: { ret: tBool, min: 2, max: 3, effect: true, impl: (rt: Rt, ci, o, i, n?) => copyStream(rt, ci, o, i, n) },
  Sleep: {
    gen: true, min: 1, max: 1, effect: true,
    *impl(rt: Rt, _ci, ms) {
      refuseInEval(rt, 'Sleep');
      const n = Number(unwrapV(ms));
      if (n > 0) yield { kind: 'sleep', until: clockNow(rt) + n } satisfies Signal;
    },
  },
  UserId: { ret: tText, max: 0, impl: (rt: Rt) => rt.services.userId },
  UserSecurityId: { ret: tGuid, max: 0, impl: (rt: Rt) => userGuid(rt.services.userId) },
  GlobalLanguage: { ret: tInt, max: 1, impl: () => 1033 },
  WindowsLanguage: { ret: tInt, max: 0, impl: () => 1033 },
  'NavApp.GetCurrentModuleInfo': { refArgs: [0], ret: tBool, min: 1, max: 1, impl: (rt: Rt, _ci, ref: { v: unknown }) => { ref.v = rt.engine.moduleInfo(); return true; } },
  'NavApp.GetCallerModuleInfo': { refArgs: [0], ret: tBool, min: 1, max: 1, impl: (rt: Rt, _ci, ref: { v: unknown }) => { ref.v = rt.engine.moduleInfo(); return true; } },
  'NavApp.GetModuleInfo': { refArgs: [1], ret: tBool, min: 2, max: 2, impl: (rt: Rt, _ci, id, ref: { v: unknown }) => { const m = rt.engine.moduleInfo(); if (String(id).toLowerCase() !== m.id.toLowerCase()) return false; ref.v = m; return true; } },
  CompanyName: { ret: tText, max: 0, impl: (rt: Rt) => rt.services.companyName },
  GuiAllowed: { ret: tBool, max: 0, impl: (rt: Rt) => rt.services.guiAllowed },
  SessionId: { ret: tInt, max: 0, impl: (rt: Rt) => rt.services.sessionId },
  ServiceInstanceId: { ret: tInt, max: 0, impl: () => 1 },
  TenantId: { ret: tText, max: 0, impl: () => 'default' },
  Commit: { max: 0, effect: true, impl: (rt: Rt, ci) => { refuseInEval(rt, 'Commit'); refuseInAutoRollback(rt, ci); rt.services.commit(); } },
  SelectLatestVersion: { max: 1, impl: () => undefined },
  GetLastErrorText: { ret: tText, max: 1, impl: (rt: Rt) => rt.session.lastError?.info.text ?? '' },
  GetLastErrorCode: { ret: tText, max: 0, impl: (rt: Rt) => rt.session.lastError?.info.code ?? '' },
  GetLastErrorCallStack: { ret: tText, max: 0, impl: (rt: Rt) => rt.session.lastError?.info.callStack ?? '' },
  ClearLastError: { max: 0, effect: true, impl: (rt: Rt) => { rt.session.lastError = undefined; } },
  Clear: { refArgs: [0], min: 1, max: 1, effect: true, impl: (rt: Rt, ci, x) => rt.engine.clearValue(rt, x, ci.argTypes[0]) },
  ClearAll: { max: 0, effect: true, impl: (rt: Rt) => rt.engine.clearAll(rt) },
  ClearCollectedErrors: { max: 0, impl: () => undefined },
  HasCollectedErrors: { ret: tBool, max: 0, impl: () => false },
  ArrayLen: { ret: tInt, min: 1, max: 2, impl: (_rt: Rt, ci, a, dim = 1) => { const t = ci.argTypes[0]; if (!t?.dims) throw new AlError('ArrayLen needs an array.', '', where(ci)); return t.dims[Number(dim) - 1] ?? 0; } },

  StartSession: { refArgs: [0], min: 2, max: 5, ret: tBool, effect: true, impl: (rt: Rt, ci, ref, id, ...rest) => startSession(rt, ci, ref, id, rest) },
  'Session.StartSession': { refArgs: [0], min: 2, max: 5, ret: tBool, effect: true, impl: (rt: Rt, ci, ref, id, ...rest) => startSession(rt, ci, ref, id, rest) },
  StopSession: { min: 1, max: 2, effect: true, impl: (rt: Rt, _ci, id, comment = '') => rt.services.stopSession(Number(id), str(comment)) },
  'Session.StopSession': { min: 1, max: 2, effect: true, impl: (rt: Rt, _ci, id, comment = '') => rt.services.stopSession(Number(id), str(comment)) },
  IsSessionActive: { ret: tBool, min: 1, max: 1, impl: (rt: Rt, _ci, id) => rt.services.isSessionActive(Number(id)) },
  'Session.IsSessionActive': { ret: tBool, min: 1, max: 1, impl: (rt: Rt, _ci, id) => rt.services.isSessionActive(Number(id)) },
  'Session.CurrentClientType': { ret: T('ClientType'), max: 0, impl: (rt: Rt) => currentClientType(rt) },
  'Session.DefaultClientType': { ret: T('ClientType'), max: 0, impl: () => 2 },
  'Session.SessionId': { ret: tInt, max: 0, impl: (rt: Rt) => rt.services.sessionId },
  // BC keeps the application areas per session: Application Area Mgmt. sets them at login and pages read them.
  // The call with a value sets them and returns the new value, as the platform does.
  ApplicationArea: { ret: tText, max: 1, impl: (rt: Rt, _ci, v?) => applicationArea(rt, v) },
  'Session.ApplicationArea': { ret: tText, max: 1, impl: (rt: Rt, _ci, v?) => applicationArea(rt, v) },
  'Session.LogMessage': { min: 3, impl: () => undefined },
  'TaskScheduler.CreateTask': {
    ret: tGuid, min: 2, max: 7, effect: true,
    impl(rt: Rt, ci, cu, failCu, isReady = true, company = '', notBefore = 0, recId?: unknown, timeout?: unknown) {
      refuseInEval(rt, 'TaskScheduler.CreateTask');
      return rt.services.createTask({
        codeunitId: Number(cu), failureCodeunitId: Number(failCu), isReady: !!isReady, company: str(company) || undefined,
        notBefore: Number(notBefore) || undefined, record: recId, timeoutMs: timeout === undefined ? undefined : Number(timeout),
      });
      void ci;
    },
  },
  'TaskScheduler.CanCreateTask': { ret: tBool, max: 0, impl: () => true },
  'Page.GetBackgroundParameters': { ret: T('Dictionary', { of: [tText, tText] }), max: 0, impl: (rt: Rt) => fromMap(rt.services.getBackgroundParameters()) },
  'Page.SetBackgroundTaskResult': { min: 1, max: 1, effect: true, impl: (rt: Rt, _ci, d) => rt.services.setBackgroundTaskResult(toMap(d)) },
  'Page.Run': { min: 1, effect: true, impl: (rt: Rt, ci) => clientOnly(rt, ci, 'Page.Run') },
  'Page.RunModal': { min: 1, effect: true, ret: T('Action'), impl: (rt: Rt, ci) => clientOnly(rt, ci, 'Page.RunModal') },
  'Report.Run': { min: 1, effect: true, impl: (rt: Rt, ci) => clientOnly(rt, ci, 'Report.Run') },
  'Report.RunModal': { min: 1, effect: true, impl: (rt: Rt, ci) => clientOnly(rt, ci, 'Report.RunModal') },
  'Codeunit.Run': { gen: true, ret: tBool, min: 1, max: 2, effect: true, impl: (rt: Rt, ci, id, rec?) => runCodeunit(rt, ci, id, rec) },
  'ErrorInfo.Create': {
    ret: T('ErrorInfo'), max: 5,
    impl(_rt: Rt, _ci, msg = '', collectible = false) {
      const e = new ErrorInfoValue();
      e.message = String(unwrapV(msg));
      e.collectible = !!collectible;
      return e;
    },
  },
  'Database.CompanyName': { ret: tText, max: 0, impl: (rt: Rt) => rt.services.companyName },
  'Database.UserId': { ret: tText, max: 0, impl: (rt: Rt) => rt.services.userId },
  'Database.Commit': { max: 0, effect: true, impl: (rt: Rt, ci) => { refuseInAutoRollback(rt, ci); rt.services.commit(); } },
  'Database.SessionId': { ret: tInt, max: 0, impl: (rt: Rt) => rt.services.sessionId },
  'Database.TenantId': { ret: tText, max: 0, impl: () => 'default' },
  'Database.SelectLatestVersion': { max: 1, impl: () => undefined },
  'Database.IsInWriteTransaction': { ret: tBool, max: 0, impl: (rt: Rt) => rt.services.transaction().hasWrites() },
  'Database.LockTimeout': { ret: tBool, max: 1, effect: true, impl: (rt: Rt, ci, on?: unknown) => lockTimeout(rt, ci, on) },
  LockTimeout: { ret: tBool, max: 1, effect: true, impl: (rt: Rt, ci, on?: unknown) => lockTimeout(rt, ci, on) },
  'Database.LockTimeoutDuration': { ret: tInt, max: 1, effect: true, impl: (rt: Rt, ci, sec?: unknown) => lockTimeoutDuration(rt, ci, sec) },
  LockTimeoutDuration: { ret: tInt, max: 1, effect: true, impl: (rt: Rt, ci, sec?: unknown) => lockTimeoutDuration(rt, ci, sec) },
  'Text.StrSubstNo': { ret: tText, min: 1, impl: (rt: Rt, ci, f, ...args) => substitute(rt, ci, 1, f, args) },
  'Text.CopyStr': { ret: tText, min: 2, max: 3, impl: (_rt: Rt, ci, s, p, l?) => at(ci, () => text.copyStr(str(s), Number(p), l === undefined ? undefined : Number(l))) },
  'Text.StrLen': { ret: tInt, min: 1, max: 1, impl: (_rt: Rt, _ci, s) => str(s).length },
  'Text.UpperCase': { ret: tText, min: 1, max: 1, impl: (_rt: Rt, _ci, s) => text.upperCase(str(s)) },
  'Text.LowerCase': { ret: tText, min: 1, max: 1, impl: (_rt: Rt, _ci, s) => text.lowerCase(str(s)) },
  'Text.StrPos': { ret: tInt, min: 2, max: 2, impl: (_rt: Rt, _ci, s, sub) => text.strPos(str(s), str(sub)) },
  'Text.DelChr': { ret: tText, min: 1, max: 3, impl: (_rt: Rt, _ci, s, w = '=', which = ' ') => text.delChr(str(s), str(w), str(which)) },
  'Text.PadStr': { ret: tText, min: 2, max: 3, impl: (_rt: Rt, _ci, s, l, c = ' ') => text.padStr(str(s), Number(l), str(c)) },
  'Text.IncStr': { ret: tText, min: 1, max: 2, impl: (_rt: Rt, _ci, s, n = 1) => text.incStr(str(s), Number(n)) },
  'Text.ConvertStr': { ret: tText, min: 3, max: 3, impl: (_rt: Rt, ci, s, a, b) => at(ci, () => text.convertStr(str(s), str(a), str(b))) },
  'Text.SelectStr': { ret: tText, min: 2, max: 2, impl: (_rt: Rt, ci, n, s) => at(ci, () => text.selectStr(Number(n), str(s))) },
  'Text.MaxStrLen': { ret: tInt, min: 1, max: 1, impl: (_rt: Rt, ci) => { const t = ci.argTypes[0]; return t?.length && t.length > 0 ? t.length : 2147483647; } },
});

/** A stable Guid per user name (UserSecurityId): the same user always gets the same id. */
function userGuid(user: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of user + round) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0').toUpperCase());
  }
  const s = hex.join('');
  return `{${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}}`;
}

function currentClientType(rt: Rt): number {
  const name = rt.services.currentClientType?.();
  const i = name ? SYSTEM_ENUMS.clienttype.indexOf(name) : -1;
  if (i >= 0) return i;
  return rt.services.kind === 'Foreground' ? 2 : rt.services.kind === 'Background' ? 0 : 13;
}

function lockTimeout(rt: Rt, ci: CallInfo, on: unknown): boolean {
  if (!rt.services.lockTimeout) throw new AlError('LockTimeout needs the session runtime.', 'Unsupported', where(ci));
  return rt.services.lockTimeout(on === undefined ? undefined : !!unwrapV(on));
}

function lockTimeoutDuration(rt: Rt, ci: CallInfo, sec: unknown): number {
  if (!rt.services.lockTimeoutDuration) throw new AlError('LockTimeoutDuration needs the session runtime.', 'Unsupported', where(ci));
  return rt.services.lockTimeoutDuration(sec === undefined ? undefined : Number(unwrapV(sec)));
}

function startSession(rt: Rt, ci: CallInfo, ref: { v: unknown }, id: unknown, rest: unknown[]): boolean {
  refuseInEval(rt, 'StartSession');
  // Overloads: (Id, Cu [, Company [, Rec]]), (Id, Cu, Company, Rec, Timeout), (Id, Cu, Timeout [, Company [, Rec]]).
  const types = ci.argTypes.slice(2);
  let company: string | undefined;
  let record: unknown;
  let timeoutMs: number | undefined;
  if (rest.length && isDurationLike(types[0])) {
    timeoutMs = Number(rest[0]);
    if (rest.length > 1) company = str(rest[1]);
    if (rest.length > 2) record = rest[2];
  } else {
    if (rest.length > 0) company = str(rest[0]);
    if (rest.length > 1) record = rest[1];
    if (rest.length > 2) timeoutMs = Number(rest[2]);
  }
  const cx = rt.context;
  const context = cx.app || cx.testDepth > 0 ? { ...(cx.app ? { app: cx.app } : {}), ...(cx.testDepth > 0 ? { testIsolation: cx.runner?.isolation ?? cx.isolation ?? 'Disabled' } : {}) } : undefined;
  const res = rt.services.startSession({
    codeunitId: Number(id), company: company || undefined,
    record: record instanceof AlRecord ? record.copy() : record, timeoutMs,
    ...(context ? { context } : {}),
  });
  if (res.ok) {
    ref.v = res.sessionId;
    return true;
  }
  if (res.ignored) return false;
  const err = new AlError(res.error.text, res.error.code, where(ci));
  if (ci.used) {
    // With Ok the failure is `false` and its error is the last error (GetLastErrorText says why).
    rt.session.lastError = err;
    return false;
  }
  throw err;
}

export { isAlDecimal, AlList };

// BindSubscription / UnbindSubscription live with the subscriber-instance rules (eventBinding.ts).
for (const [name, b] of bindingMethods) systemMethods.set(name, b);
for (const [name, b] of executionContextMethods) systemMethods.set(name, b);
for (const [name, b] of secretSystemMethods) systemMethods.set(name, b);

function applicationArea(rt: Rt, value: unknown): string {
  if (value !== undefined) rt.session.applicationArea = str(value);
  return rt.session.applicationArea ?? '';
}
