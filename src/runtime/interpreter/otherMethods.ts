// Methods on Text values, Codeunit variables, Enum values, ErrorInfo, TextBuilder and Dialog variables, and the
// methods every value has (ToText), plus Variant and ModuleInfo. CurrPage's methods live in page.ts (pageMethods), Record's in recordMethods.ts.
import { AlError } from './errors';
import { registry, T, tBool, tInt, tText, type CallInfo } from './methodTypes';
import type { Rt } from './rt';
import * as text from '../values/text';
import { AlList } from './collections';
import { CodeunitVar, ErrorInfoValue, ModuleInfoValue, TextBuilderValue, Variant } from './objects';
import { toSourceLocation } from './model';
import { fmt } from './display';
import { AlRecord } from './record';
import { normType } from './typeNames';

const where = (ci: CallInfo) => toSourceLocation(ci.loc);

function s(v: unknown): string {
  if (v instanceof Variant) v = v.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String.fromCharCode(v);
  throw new AlError(`A text was expected but the value is ${String(v)}.`);
}

function listOf(items: string[]): AlList {
  const l = new AlList(tText);
  l.items = items;
  return l;
}

function at<T>(ci: CallInfo, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && 'info' in e) {
      const info = (e as { info: { location?: unknown } }).info;
      info.location ??= where(ci);
    }
    throw e;
  }
}

export const textMethods = registry({
  Contains: { ret: tBool, min: 1, max: 1, impl: (_rt, _ci, t, v) => text.contains(s(t), s(v)) },
  StartsWith: { ret: tBool, min: 1, max: 1, impl: (_rt, _ci, t, v) => text.startsWith(s(t), s(v)) },
  EndsWith: { ret: tBool, min: 1, max: 1, impl: (_rt, _ci, t, v) => text.endsWith(s(t), s(v)) },
  IndexOf: { ret: tInt, min: 1, max: 2, impl: (_rt, _ci, t, v, i = 1) => text.indexOf(s(t), s(v), Number(i)) },
  IndexOfAny: { ret: tInt, min: 1, max: 2, impl: (_rt, _ci, t, chars, i = 1) => { const str = s(t); const set = chars instanceof AlList ? chars.items.map((c) => s(c)).join('') : s(chars); for (let k = Number(i) - 1; k < str.length; k++) if (set.includes(str[k])) return k + 1; return 0; } },
  LastIndexOf: { ret: tInt, min: 1, max: 2, impl: (_rt, _ci, t, v, i?) => text.lastIndexOf(s(t), s(v), i === undefined ? undefined : Number(i)) },
  Replace: { ret: tText, min: 2, max: 2, impl: (_rt, _ci, t, a, b) => text.replace(s(t), s(a), s(b)) },
  Split: { ret: T('List', { of: [tText] }), max: 100, impl: (_rt, _ci, t, ...seps) => listOf(text.split(s(t), seps.length === 0 ? undefined : seps.length === 1 && seps[0] instanceof AlList ? seps[0].items.map((x) => s(x)) : seps.length === 1 ? s(seps[0]) : seps.map((x) => s(x)))) },
  Substring: { ret: tText, min: 1, max: 2, impl: (_rt, ci, t, i, n?) => at(ci, () => text.substring(s(t), Number(i), n === undefined ? undefined : Number(n))) },
  ToUpper: { ret: tText, max: 0, impl: (_rt, _ci, t) => text.toUpper(s(t)) },
  ToLower: { ret: tText, max: 0, impl: (_rt, _ci, t) => text.toLower(s(t)) },
  Trim: { ret: tText, max: 0, impl: (_rt, _ci, t) => text.trim(s(t)) },
  TrimStart: { ret: tText, max: 1, impl: (_rt, _ci, t, c?) => text.trimStart(s(t), c === undefined ? undefined : s(c)) },
  TrimEnd: { ret: tText, max: 1, impl: (_rt, _ci, t, c?) => text.trimEnd(s(t), c === undefined ? undefined : s(c)) },
  PadLeft: { ret: tText, min: 1, max: 2, impl: (_rt, _ci, t, n, c = ' ') => text.padLeft(s(t), Number(n), s(c)) },
  PadRight: { ret: tText, min: 1, max: 2, impl: (_rt, _ci, t, n, c = ' ') => text.padRight(s(t), Number(n), s(c)) },
  Remove: { ret: tText, min: 1, max: 2, impl: (_rt, ci, t, i, n?) => at(ci, () => text.remove(s(t), Number(i), n === undefined ? undefined : Number(n))) },
  Insert: { ret: tText, min: 2, max: 2, impl: (_rt, ci, t, i, v) => at(ci, () => text.insert(s(t), Number(i), s(v))) },
  Length: { ret: tInt, max: 0, impl: (_rt, _ci, t) => s(t).length },
});

export const codeunitMethods = registry({
  Run: {
    gen: true, ret: tBool, max: 1, effect: true,
    *impl(rt: Rt, ci, cu: CodeunitVar, rec?: unknown) {
      const inst = rt.cuInstance(cu);
      if (!ci.used) {
        yield* rt.engine.runOnRunOf(rt, inst, rec instanceof AlRecord ? rec : undefined);
        return true;
      }
      rt.tryDepth++;
      try {
        yield* rt.engine.runOnRunOf(rt, inst, rec instanceof AlRecord ? rec : undefined);
        return true;
      } catch (e) {
        const err = e instanceof AlError ? e : undefined;
        if (!err || err.uncatchable) throw e;
        rt.session.lastError = err;
        return false;
      } finally {
        rt.tryDepth--;
      }
    },
  },
});

export const enumMethods = registry({
  AsInteger: { ret: tInt, max: 0, impl: (_rt, _ci, v) => Number(v instanceof Variant ? v.value : v) },
  Names: { ret: T('List', { of: [tText] }), max: 0, impl: (rt: Rt, ci) => listOf(rt.engine.enumEntries(ci.targetType).map((e) => e.name)) },
  Ordinals: { ret: T('List', { of: [tInt] }), max: 0, impl: (rt: Rt, ci) => { const l = new AlList(tInt); l.items = rt.engine.enumEntries(ci.targetType).map((e) => e.ordinal); return l; } },
  FromInteger: { ret: (ci) => ci.targetType, min: 1, max: 1, impl: (rt: Rt, ci, _v, n) => { const o = Number(n); if (!rt.engine.enumEntries(ci.targetType).some((e) => e.ordinal === o)) throw new AlError(`The value ${o} is not a valid ordinal of enum ${ci.targetType?.subtype}.`, '', where(ci)); return o; } },
});

function prop<K extends keyof ErrorInfoValue>(key: K, ret = tText) {
  return { ret, max: 1, impl: (_rt: unknown, _ci: unknown, e: ErrorInfoValue, v?: unknown) => { if (v !== undefined) (e as unknown as Record<string, unknown>)[key] = v instanceof Variant ? v.value : v; return e[key]; } };
}

export const errorInfoMethods = registry({
  Message: prop('message'),
  Title: prop('title'),
  DetailedMessage: prop('detailedMessage'),
  ErrorType: prop('errorType', T('ErrorType')),
  Verbosity: prop('verbosity', T('Verbosity')),
  DataClassification: prop('dataClassification', T('DataClassification')),
  Collectible: prop('collectible', tBool),
  FieldNo: prop('fieldNo', tInt),
  TableId: prop('tableId', tInt),
  Callstack: { ret: tText, max: 0, impl: (_rt, _ci, e: ErrorInfoValue) => e.callstack },
  CustomDimensions: { max: 1, impl: (_rt, _ci, e: ErrorInfoValue) => e.customDimensions },
  AddAction: { min: 3, max: 4, impl: (_rt, _ci, e: ErrorInfoValue, caption, cu, method, desc = '') => void e.actions.push({ caption: String(caption), codeunitId: Number(cu), method: String(method), description: String(desc) }) },
  AddNavigationAction: { max: 2, impl: () => undefined },
  RecordId: { max: 1, impl: () => undefined },
  SystemId: { max: 1, impl: () => undefined },
  PageNo: { ret: tInt, max: 1, impl: () => 0 },
  ControlName: { ret: tText, max: 1, impl: () => '' },
});

export const textBuilderMethods = registry({
  Append: { min: 1, max: 1, impl: (_rt, _ci, b: TextBuilderValue, v) => void b.parts.push(s(v)) },
  AppendLine: { max: 1, impl: (_rt, _ci, b: TextBuilderValue, v = '') => void b.parts.push(s(v) + '\r\n') },
  ToText: { ret: tText, max: 2, impl: (_rt, _ci, b: TextBuilderValue) => b.toText() },
  Clear: { max: 0, impl: (_rt, _ci, b: TextBuilderValue) => void (b.parts = []) },
  Length: { ret: tInt, max: 0, impl: (_rt, _ci, b: TextBuilderValue) => b.toText().length },
  Capacity: { ret: tInt, max: 1, impl: () => 0 },
  Replace: { min: 2, max: 4, impl: (_rt, _ci, b: TextBuilderValue, a, c) => void (b.parts = [b.toText().split(s(a)).join(s(c))]) },
  Remove: { min: 2, max: 2, impl: (_rt, ci, b: TextBuilderValue, i, n) => void (b.parts = [at(ci, () => text.remove(b.toText(), Number(i), Number(n)))]) },
  Insert: { min: 2, max: 2, impl: (_rt, ci, b: TextBuilderValue, i, v) => void (b.parts = [at(ci, () => text.insert(b.toText(), Number(i), s(v)))]) },
});

/** Dialog variables: shown in the foreground through the session (when it offers dialogs), ignored in the background. */
export const dialogMethods = registry({
  Open: { min: 1, impl: (rt: Rt, ci, _d, f, ...args) => { if (rt.services.guiAllowed) rt.services.dialog?.('open', fmtDialog(rt, ci, f, args)); } },
  Update: { max: 2, impl: (rt: Rt, ci, _d, _n?, v?) => { if (rt.services.guiAllowed) rt.services.dialog?.('update', v === undefined ? '' : fmt(rt, v, ci.argTypes[1])); } },
  Close: { max: 0, impl: (rt: Rt) => { if (rt.services.guiAllowed) rt.services.dialog?.('close', ''); } },
  HideSubsequentDialogs: { max: 1, impl: () => undefined },
  LogInternalError: { min: 1, impl: () => undefined },
});

function fmtDialog(rt: Rt, ci: CallInfo, f: unknown, args: unknown[]): string {
  return text.strSubstNo(s(f), args.map((a, i) => fmt(rt, a, ci.argTypes[i + 1])));
}

export const anyMethods = registry({
  ToText: { ret: tText, max: 1, impl: (rt: Rt, ci, v) => fmt(rt, v, ci.targetType) },
});

/** Variant's Is* checks. */
export const variantMethods = registry(Object.fromEntries(
  ['Integer', 'Decimal', 'Text', 'Code', 'Boolean', 'Date', 'Time', 'DateTime', 'Record', 'Guid', 'Option', 'Char', 'BigInteger', 'Duration', 'List', 'Dictionary',
    // The other type tests answer from the static type the value was assigned from (Library Assert asks IsByte...).
    'Byte', 'RecordRef', 'FieldRef', 'RecordId', 'JsonObject', 'JsonArray', 'JsonToken', 'JsonValue', 'Notification', 'InStream', 'OutStream',
    'TextBuilder', 'DateFormula', 'Codeunit', 'Action', 'DotNet', 'ObjectType', 'TextEncoding', 'ClientType', 'ExecutionMode', 'TransactionType', 'DataClassification',
    'TextConstant', 'WideChar', 'Binary', 'Automation', 'File', 'FilterPageBuilder', 'TestPermissions', 'DataClassificationType',
    'DefaultLayout', 'ReportFormat', 'SecurityFiltering', 'TableConnectionType'].map((n) => [
    `Is${n}`,
    {
      ret: tBool, max: 0,
      impl: (_rt: unknown, _ci: unknown, v: unknown) => {
        const t = v instanceof Variant ? v.type : undefined;
        const inner = v instanceof Variant ? v.value : v;
        if (t) return n === 'TextConstant' ? ['Label', 'TextConst'].includes(normType(t).name) : normType(t).name === n;
        if (n === 'Record') return inner instanceof AlRecord;
        if (n === 'Integer') return typeof inner === 'number';
        if (n === 'Text') return typeof inner === 'string';
        if (n === 'Boolean') return typeof inner === 'boolean';
        return false;
      },
    },
  ]),
));

export const moduleInfoMethods = registry({
  Id: { ret: T('Guid'), max: 0, impl: (_rt, _ci, m: ModuleInfoValue) => m.id },
  Name: { ret: tText, max: 0, impl: (_rt, _ci, m: ModuleInfoValue) => m.name },
  Publisher: { ret: tText, max: 0, impl: (_rt, _ci, m: ModuleInfoValue) => m.publisher },
  AppVersion: { ret: tText, max: 0, impl: (_rt, _ci, m: ModuleInfoValue) => m.version },
  DataVersion: { ret: tText, max: 0, impl: (_rt, _ci, m: ModuleInfoValue) => m.version },
  PackageId: { ret: T('Guid'), max: 0, impl: (_rt, _ci, m: ModuleInfoValue) => m.id },
});
