// Event subscriber instances: which codeunit instance a subscriber runs on. StaticAutomatic codeunits (the default)
// get a fresh instance per event (single-instance codeunits: the session's one); codeunits with
// EventSubscriberInstance = Manual run only while an instance is bound with BindSubscription, on that instance.
// A binding ends with UnbindSubscription or when the bound variable goes out of scope (a local: its procedure
// returns; BC: "the binding is removed when the codeunit instance goes out of scope").
import { AlError } from './errors';
import type { ObjectModel, ProcInfo } from './model';
import { toSourceLocation } from './model';
import { registry, tBool, type CallInfo } from './methodTypes';
import { CodeunitVar, Instance } from './objects';
import type { Frame, Rt } from './rt';

interface Binding {
  inst: Instance;
  /** The frame whose local variable holds the instance (the binding ends when the frame is left). */
  frame?: Frame;
}

/** Bindings per session (kept on the session state the engine keeps per SessionServices). */
export function bindingsOf(rt: Rt): Binding[] {
  const st = rt.session as { bindings?: Binding[] };
  return (st.bindings ??= []);
}

export function isManualSubscriber(obj: ObjectModel): boolean {
  return /^manual$/i.test(obj.decl.properties.get('eventsubscriberinstance')?.text ?? '');
}

/** The instances one subscriber runs on for an event: none, one, or (Manual, bound several times) each bound one. */
export function subscriberInstances(rt: Rt, sub: ProcInfo): Instance[] {
  if (!isManualSubscriber(sub.obj)) return [rt.codeunitInstanceFor(sub.obj)];
  const list = (rt.session as { bindings?: Binding[] }).bindings;
  if (!list || list.length === 0) return [];
  const out: Instance[] = [];
  for (const b of list) if (b.inst.obj === sub.obj) out.push(b.inst);
  return out;
}

/** Leaving a frame ends the bindings of its local codeunit variables. */
export function endFrameBindings(rt: Rt, f: Frame): void {
  const list = (rt.session as { bindings?: Binding[] }).bindings;
  if (!list || list.length === 0) return;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].frame === f) list.splice(i, 1);
}

/** Ends every binding made after `mark` entries (a test codeunit's globals go out of scope at its end). */
export function truncateBindings(rt: Rt, mark: number): void {
  const list = bindingsOf(rt);
  if (list.length > mark) list.length = mark;
}

function instanceOf(rt: Rt, v: unknown, ci: CallInfo): Instance {
  if (v instanceof CodeunitVar) return rt.cuInstance(v);
  if (v instanceof Instance && v.obj.type === 'codeunit') return v;
  throw new AlError(`${ci.name} needs a codeunit variable.`, '', toSourceLocation(ci.loc));
}

function ownerFrame(rt: Rt, v: unknown): Frame | undefined {
  // A codeunit variable declared as a local (or parameter) of the calling procedure.
  const f = rt.frames[rt.frames.length - 1];
  if (!f || !(v instanceof CodeunitVar)) return undefined;
  for (const k in f.L) if (f.L[k] === v) return f;
  return undefined;
}

function bind(rt: Rt, ci: CallInfo, v: unknown): boolean {
  const inst = instanceOf(rt, v, ci);
  const list = bindingsOf(rt);
  // Binding an instance that is already bound keeps the one binding (its subscribers still run once per event).
  if (list.some((b) => b.inst === inst)) return true;
  const frame = ownerFrame(rt, v);
  list.push({ inst, frame });
  if (frame) rt.onLeave(frame, () => endFrameBindings(rt, frame));
  return true;
}

function unbind(rt: Rt, ci: CallInfo, v: unknown): boolean {
  const inst = instanceOf(rt, v, ci);
  const list = bindingsOf(rt);
  const i = list.findIndex((b) => b.inst === inst);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

export const bindingMethods = registry({
  BindSubscription: { ret: tBool, min: 1, max: 1, effect: true, impl: (rt: Rt, ci, v) => bind(rt, ci, v) },
  UnbindSubscription: { ret: tBool, min: 1, max: 1, effect: true, impl: (rt: Rt, ci, v) => unbind(rt, ci, v) },
  'Session.BindSubscription': { ret: tBool, min: 1, max: 1, effect: true, impl: (rt: Rt, ci, v) => bind(rt, ci, v) },
  'Session.UnbindSubscription': { ret: tBool, min: 1, max: 1, effect: true, impl: (rt: Rt, ci, v) => unbind(rt, ci, v) },
});
