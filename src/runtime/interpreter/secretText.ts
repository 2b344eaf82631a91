// SecretText: a text the debugger must not show. Its value is kept as a plain string (so Text converts to it);
// the methods are IsEmpty and Unwrap, and SecretStrSubstNo builds one from secret arguments.
import { registry, T, tBool, tText, type CallInfo } from './methodTypes';
import type { Rt } from './rt';
import { Variant } from './objects';
import { strSubstNo } from '../values/text';

const s = (v: unknown) => String(v instanceof Variant ? v.value : (v ?? ''));

export const secretTextMethods = registry({
  IsEmpty: { ret: tBool, max: 0, impl: (_rt: Rt, _ci, v) => s(v) === '' },
  Unwrap: { ret: tText, max: 0, impl: (_rt: Rt, _ci, v) => s(v) },
});

export const secretSystemMethods = registry({
  SecretStrSubstNo: { ret: T('SecretText'), min: 1, impl: (_rt: Rt, _ci: CallInfo, f, ...args) => strSubstNo(s(f), args.map(s)) },
});
