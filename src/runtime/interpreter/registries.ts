// The built-in method registries the compiler resolves calls against: system methods, the methods every value
// has, and one registry per receiver kind (Record, List, Text, JsonObject...). The one place that imports
// every method library, and where each implementation is matched to its entry in the catalogue of built-ins
// (src/language/builtins): `al-session-lab builtins` and the drift test read `implementedBuiltins()`.
import { findBuiltin, globalBuiltin, type BuiltinEntry } from '../../language/builtins';
import type { Registries } from './engineModel';
import type { Registry } from './methodTypes';
import { systemMethods } from './sysMethods';
import { recordMethods } from './recordMethods';
import { dictionaryMethods, listMethods } from './collections';
import { anyMethods, codeunitMethods, dialogMethods, enumMethods, errorInfoMethods, moduleInfoMethods, textBuilderMethods, textMethods, variantMethods } from './otherMethods';
import { pageMethods } from './page';
import { fieldRefMethods, recordRefMethods } from './recordRef';
import { jsonArrayMethods, jsonObjectMethods, jsonTokenMethods, jsonValueMethods } from './json';
import { blobMethods, inStreamMethods, outStreamMethods } from './streams';
import { testPageMethods } from './testPage';
import { pageVarMethods, reportVarMethods } from './clientObjects';
import { platformSystemMethods } from '../platform/systemMethods';
import { notificationMethods } from './notification';
import { secretTextMethods } from './secretText';
import { platformKinds } from '../platform/kinds';

/** Method registries by the receiver kind the compiler derives from a static type (normType(t).name). */
export const kindRegistries: ReadonlyMap<string, Registry> = new Map<string, Registry>([
  ['Record', recordMethods],
  ['List', listMethods],
  ['Dictionary', dictionaryMethods],
  ['Text', textMethods],
  ['Codeunit', codeunitMethods],
  ['Enum', enumMethods],
  ['Option', enumMethods],
  ['ErrorInfo', errorInfoMethods],
  ['TextBuilder', textBuilderMethods],
  ['Dialog', dialogMethods],
  ['CurrPage', pageMethods],
  ['TestPage', testPageMethods],
  ['Page', pageVarMethods],
  ['Report', reportVarMethods],
  ['Variant', variantMethods],
  ['ModuleInfo', moduleInfoMethods],
  ['RecordRef', recordRefMethods],
  ['FieldRef', fieldRefMethods],
  ['Blob', blobMethods],
  ['InStream', inStreamMethods],
  ['OutStream', outStreamMethods],
  ['JsonObject', jsonObjectMethods],
  ['JsonArray', jsonArrayMethods],
  ['JsonToken', jsonTokenMethods],
  ['JsonValue', jsonValueMethods],
  ['Notification', notificationMethods],
  ['SecretText', secretTextMethods],
  // HttpClient, HttpContent... and the Xml types: the platform layer's (src/runtime/platform).
  ...platformKinds,
]);

// The platform's global methods (IsNull, GetDotNetType: src/runtime/platform) join the system methods.
const system: Registry = new Map([...platformSystemMethods, ...systemMethods]);

/** The registries every engine uses (they hold no state: one set serves all engines). */
export const registries: Registries = { system, any: anyMethods, byKind: (k) => kindRegistries.get(k) };

/** The catalogue entry a registry key implements: `Record` + `insert`, or a system key (`message`, `session.startsession`). */
export function catalogueEntryOf(kind: string | undefined, key: string): BuiltinEntry | undefined {
  if (kind) return findBuiltin(kind === 'Any' ? 'Any' : kind, key);
  const dot = key.indexOf('.');
  return dot >= 0 ? findBuiltin(key.slice(0, dot), key.slice(dot + 1)) : globalBuiltin(key);
}

/** Every implementation the runtime registers: its registry (undefined: system), key, and catalogue entry. */
export function runtimeImplementations(): { kind: string | undefined; key: string; entry: BuiltinEntry | undefined }[] {
  const out: { kind: string | undefined; key: string; entry: BuiltinEntry | undefined }[] = [];
  for (const key of registries.system.keys()) out.push({ kind: undefined, key, entry: catalogueEntryOf(undefined, key) });
  for (const key of registries.any.keys()) out.push({ kind: 'Any', key, entry: catalogueEntryOf('Any', key) });
  for (const [kind, reg] of kindRegistries) for (const key of reg.keys()) out.push({ kind, key, entry: catalogueEntryOf(kind, key) });
  return out;
}

/** The catalogue keys (`record.insert`) the runtime implements. */
export function implementedBuiltins(): Set<string> {
  const out = new Set<string>();
  for (const i of runtimeImplementations()) if (i.entry) out.add(i.entry.key);
  return out;
}
