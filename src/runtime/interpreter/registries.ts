// The built-in method registries the compiler resolves calls against: system methods, the methods every value
// has, and one registry per receiver kind (Record, List, Text, JsonObject...). The one place that imports
// every method library.
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
]);

// The platform's global methods (IsNull, GetDotNetType: src/runtime/platform) join the system methods.
const system: Registry = new Map([...platformSystemMethods, ...systemMethods]);

/** The registries every engine uses (they hold no state: one set serves all engines). */
export const registries: Registries = { system, any: anyMethods, byKind: (k) => kindRegistries.get(k) };
