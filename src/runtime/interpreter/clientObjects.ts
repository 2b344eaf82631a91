// What only a client can do: run another page or a report's request page, open a hyperlink, upload or download a
// file. Where there is no UI (background sessions, page background tasks, web-service clients) these are client
// callbacks and fail as BC fails them ("Callback functions are not allowed."), through the session services'
// clientCallback; in a session with a UI the runtime has no second page or report to show and says so by name
// and place. Page and Report variables keep what is set on them (SetRecord, SetTableView, LookupMode...), which
// only matters once they run.
import { AlError } from './errors';
import type { ObjectModel } from './model';
import { toSourceLocation } from './model';
import type { Rt } from './rt';
import { registry, T, tBool, type CallInfo } from './methodTypes';

/** A `Page "X"` or `Report "X"` variable. */
export class ClientObjectVar {
  lookupMode = false;
  editable = true;
  useRequestPage = true;
  constructor(
    readonly kind: 'Page' | 'Report',
    readonly obj: ObjectModel | undefined,
    readonly typeName: string,
  ) {}
}

/** Throws: BC's callback error where there is no UI, else the runtime's "does not support" error. */
export function clientOnly(rt: Rt, ci: CallInfo, what: string): never {
  if (rt.evalMode) throw new AlError(`${what} is not allowed while evaluating an expression in the debugger.`);
  rt.services.clientCallback?.(what);
  throw new AlError(`AL Session Lab does not support ${what} (${ci.loc.file}:${ci.loc.line + 1}): only the page opened by the session runtime is shown.`, 'Unsupported', toSourceLocation(ci.loc));
}

function target(v: unknown, ci: CallInfo): ClientObjectVar {
  if (v instanceof ClientObjectVar) return v;
  throw new AlError('A Page or Report variable was expected.', '', toSourceLocation(ci.loc));
}

const label = (v: ClientObjectVar) => `${v.kind}.`;

export const pageVarMethods = registry({
  Run: { max: 0, effect: true, impl: (rt: Rt, ci, v) => clientOnly(rt, ci, `${label(target(v, ci))}Run`) },
  RunModal: { max: 0, effect: true, ret: T('Action'), impl: (rt: Rt, ci, v) => clientOnly(rt, ci, `${label(target(v, ci))}RunModal`) },
  SetRecord: { min: 1, max: 1, effect: true, impl: (_rt: Rt, ci, v) => void target(v, ci) },
  SetTableView: { min: 1, max: 1, effect: true, impl: (_rt: Rt, ci, v) => void target(v, ci) },
  LookupMode: { ret: tBool, max: 1, impl: (_rt: Rt, ci, v, on?: unknown) => { const p = target(v, ci); if (on !== undefined) p.lookupMode = !!on; return p.lookupMode; } },
  Editable: { ret: tBool, max: 1, impl: (_rt: Rt, ci, v, on?: unknown) => { const p = target(v, ci); if (on !== undefined) p.editable = !!on; return p.editable; } },
});

export const reportVarMethods = registry({
  Run: { max: 0, effect: true, impl: (rt: Rt, ci, v) => clientOnly(rt, ci, `${label(target(v, ci))}Run`) },
  RunModal: { max: 0, effect: true, impl: (rt: Rt, ci, v) => clientOnly(rt, ci, `${label(target(v, ci))}RunModal`) },
  SetTableView: { min: 1, max: 1, effect: true, impl: (_rt: Rt, ci, v) => void target(v, ci) },
  UseRequestPage: { max: 1, effect: true, impl: (_rt: Rt, ci, v, on?: unknown) => { target(v, ci).useRequestPage = on === undefined ? true : !!on; } },
});

/** Global and namespaced client-only methods (file transfer, hyperlinks). */
export const clientSystemMethods = {
  Hyperlink: { min: 1, max: 1, effect: true, impl: (rt: Rt, ci: CallInfo) => clientOnly(rt, ci, 'Hyperlink') },
  UploadIntoStream: { min: 2, max: 5, refArgs: [3, 4], effect: true, ret: tBool, impl: (rt: Rt, ci: CallInfo) => clientOnly(rt, ci, 'UploadIntoStream') },
  DownloadFromStream: { min: 5, max: 5, refArgs: [4], effect: true, ret: tBool, impl: (rt: Rt, ci: CallInfo) => clientOnly(rt, ci, 'DownloadFromStream') },
  'File.Upload': { min: 5, max: 5, refArgs: [4], effect: true, ret: tBool, impl: (rt: Rt, ci: CallInfo) => clientOnly(rt, ci, 'File.Upload') },
  'File.Download': { min: 5, max: 5, refArgs: [4], effect: true, ret: tBool, impl: (rt: Rt, ci: CallInfo) => clientOnly(rt, ci, 'File.Download') },
  'File.UploadIntoStream': { min: 2, max: 5, refArgs: [3, 4], effect: true, ret: tBool, impl: (rt: Rt, ci: CallInfo) => clientOnly(rt, ci, 'File.UploadIntoStream') },
  'File.DownloadFromStream': { min: 5, max: 5, refArgs: [4], effect: true, ret: tBool, impl: (rt: Rt, ci: CallInfo) => clientOnly(rt, ci, 'File.DownloadFromStream') },
  'File.ViewFromStream': { min: 2, max: 3, effect: true, ret: tBool, impl: (rt: Rt, ci: CallInfo) => clientOnly(rt, ci, 'File.ViewFromStream') },
};
