// BC's test UI handlers: while a [Test] procedure runs, every UI interaction (Message, Confirm, StrMenu, a page run,
// a modal page, a report, a request page, a notification sent or recalled, a hyperlink, session settings, a filter
// page) goes to a handler procedure the test names in [HandlerFunctions('A,B')]: the handler of that kind (for pages
// and reports, the one whose TestPage / Report parameter is of that object). Without one the test fails with BC's
// "Unhandled UI: ..." error at the interaction; a listed handler that never ran fails the test afterwards with
// "The following UI handlers were not executed: ...".
import { AlError } from './errors';
import type { ObjectModel, ProcInfo } from './model';
import { toSourceLocation } from './model';
import type { CallInfo } from './methodTypes';
import type { Instance } from './objects';
import type { Rt } from './rt';
import { isScalarType, normType } from './typeNames';
import type { TypeRef } from './ast';

export type UiKind =
  | 'Message' | 'Confirm' | 'StrMenu' | 'Page' | 'ModalPage' | 'Report' | 'RequestPage' | 'SendNotification'
  | 'RecallNotification' | 'Hyperlink' | 'SessionSettings' | 'FilterPage';

const KIND_BY_ATTRIBUTE: Record<string, UiKind> = {
  messagehandler: 'Message', confirmhandler: 'Confirm', strmenuhandler: 'StrMenu', pagehandler: 'Page',
  modalpagehandler: 'ModalPage', reporthandler: 'Report', requestpagehandler: 'RequestPage',
  sendnotificationhandler: 'SendNotification', recallnotificationhandler: 'RecallNotification',
  hyperlinkhandler: 'Hyperlink', sessionsettingshandler: 'SessionSettings', filterpagehandler: 'FilterPage',
};

/** The UI handlers of the test procedure running now (set per test by the test runner). */
export interface TestUi {
  inst: Instance;
  handlers: { proc: ProcInfo; kind: UiKind; object?: ObjectModel }[];
  called: Set<ProcInfo>;
}

export function handlerKind(p: ProcInfo): UiKind | undefined {
  for (const a of p.decl.attributes) {
    const k = KIND_BY_ATTRIBUTE[a.name.toLowerCase()];
    if (k) return k;
  }
  return undefined;
}

export function testUiOf(rt: Rt): TestUi | undefined {
  return (rt.session as { testUi?: TestUi }).testUi;
}

export function setTestUi(rt: Rt, ui: TestUi | undefined): void {
  (rt.session as { testUi?: TestUi }).testUi = ui;
}

/** The handlers a test names in [HandlerFunctions('A,B')], resolved against its codeunit (errors name the missing one). */
export function testUiFor(rt: Rt, test: ProcInfo, inst: Instance): TestUi {
  const ui: TestUi = { inst, handlers: [], called: new Set() };
  const attr = test.decl.attributes.find((a) => a.name.toLowerCase() === 'handlerfunctions');
  if (!attr) return ui;
  const names = attr.args.flatMap((x) => (x.k === 'lit' ? String(x.value).split(',') : [])).map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    const proc = test.obj.procs.get(name.toLowerCase())?.[0];
    if (!proc) throw new AlError(`The handler function ${name} of test ${test.name} does not exist in codeunit ${test.obj.name}.`, 'TestHandler', toSourceLocation(test.decl.loc));
    const kind = handlerKind(proc);
    if (!kind) throw new AlError(`The function ${name} named in [HandlerFunctions] of test ${test.name} is not a handler function.`, 'TestHandler', toSourceLocation(proc.decl.loc));
    ui.handlers.push({ proc, kind, object: handledObject(rt, proc, kind) });
  }
  return ui;
}

/** The page or report a page/report handler is for: its first parameter's TestPage / Report / TestRequestPage type. */
function handledObject(rt: Rt, p: ProcInfo, kind: UiKind): ObjectModel | undefined {
  if (kind !== 'Page' && kind !== 'ModalPage' && kind !== 'Report' && kind !== 'RequestPage') return undefined;
  const t = p.decl.params[0] ? normType(p.decl.params[0].type) : undefined;
  if (!t?.subtype) return undefined;
  const type = kind === 'Page' || kind === 'ModalPage' ? 'page' : 'report';
  return rt.engine.findObject(type, t.subtype);
}

/** The error for handlers listed but never run (undefined when all ran). */
export function notExecutedError(ui: TestUi): AlError | undefined {
  const missing = ui.handlers.filter((h) => !ui.called.has(h.proc)).map((h) => h.proc.name);
  if (missing.length === 0) return undefined;
  return new AlError(`The following UI handlers were not executed: ${missing.join(',')}`, 'TestHandler');
}

export interface UiPayload {
  text?: string;
  options?: string;
  instruction?: string;
  defaultAnswer?: boolean | number;
  object?: ObjectModel;
  /** Values handed to the handler in its parameter order (TestPage, Notification, Report variables...). */
  args?: unknown[];
  notification?: unknown;
}

function describe(kind: UiKind, p: UiPayload): string {
  switch (kind) {
    case 'Message':
    case 'Confirm':
    case 'Hyperlink':
      return `${kind} ${JSON.stringify(p.text ?? '')}`;
    case 'StrMenu':
      return `StrMenu ${JSON.stringify(p.options ?? '')}`;
    case 'Page':
    case 'ModalPage':
    case 'Report':
    case 'RequestPage':
      return `${kind} ${p.object ? `${p.object.id} ${p.object.name}` : ''}`.trim();
    default:
      return kind;
  }
}

/**
 * A UI interaction. Outside a test: `undefined` (the caller does what the session does). In a test: the handler's
 * answer (`{ value }`: the reply, the choice, the handler's return value), or BC's "Unhandled UI" error.
 */
export function* uiEvent(rt: Rt, ci: CallInfo, kind: UiKind, p: UiPayload): Generator<unknown, { value: unknown } | undefined, unknown> {
  const ui = testUiOf(rt);
  if (!ui) return undefined;
  const h = ui.handlers.find((x) => x.kind === kind && (!p.object || !x.object || x.object === p.object));
  if (!h) throw new AlError(`Unhandled UI: ${describe(kind, p)}`, 'UnhandledUI', toSourceLocation(ci.loc));
  ui.called.add(h.proc);
  const fn = h.proc.fn ?? rt.engine.compileProc(h.proc);
  const params = h.proc.decl.params;
  const ref = (i: number, v: unknown) => (params[i]?.byRef && isRefParam(params[i].type) ? { v } : v);
  let args: unknown[];
  switch (kind) {
    case 'Message':
    case 'Hyperlink':
      args = [p.text ?? ''];
      break;
    case 'Confirm':
      args = [p.text ?? '', ref(1, p.defaultAnswer ?? true)];
      break;
    case 'StrMenu':
      args = [p.options ?? '', ref(1, p.defaultAnswer ?? 1), p.instruction ?? ''];
      break;
    case 'SendNotification':
    case 'RecallNotification':
      args = [ref(0, p.notification)];
      break;
    default:
      args = (p.args ?? []).map((v, i) => ref(i, v));
  }
  const ret = yield* fn(rt, ui.inst, args.slice(0, params.length));
  switch (kind) {
    case 'Confirm':
    case 'StrMenu':
      return { value: unref(args[1]) };
    case 'ModalPage':
      // A ModalPageHandler's second parameter (older signature) is the page's response.
      return { value: params.length > 1 ? unref(args[1]) : undefined };
    default:
      return { value: ret };
  }
}

function isRefParam(t: TypeRef): boolean {
  return isScalarType(normType(t)) && !t.dims;
}

function unref(v: unknown): unknown {
  return v && typeof v === 'object' && 'v' in v ? (v as { v: unknown }).v : v;
}
