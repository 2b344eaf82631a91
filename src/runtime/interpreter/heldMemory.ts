// How much memory a session holds in AL values: texts, lists, dictionaries, blobs (texts in record fields), records'
// values and temporary records' rows, JSON values, text builders, arrays, codeunit variables' globals. Estimated by
// walking what the session's frames and single-instance codeunits reach, entering only AL value classes (never the
// engine, the database or the page runtime), each object once. The session layer ends a session over its limit.
import { AlDictionary, AlList } from './collections';
import { JsonArrayValue, JsonObjectValue, JsonTokenValue, JsonValueValue } from './json';
import { CodeunitVar, Instance, TextBuilderValue, Variant } from './objects';
import { InStreamValue } from './streams';
import { AlRecord } from './record';
import { TemporaryTransaction } from '../store/temporaryTransaction';
import { LazyCopy, TableStore } from '../store/tableStore';

/** Keys that lead out of the session's own values (shared models, the database, the page runtime). */
const SKIP = new Set(['obj', 'table', 'def', 'info', 'cursor', 'page', 'base', 'flowTx', 'lookup', 'sink', 'decl', 'pi', 'elemType', 'keyType', 'valueType', 'services', 'engine', 'rt']);

const OBJECT_BYTES = 48;
const ENTRY_BYTES = 16;

export interface HeldMeasure {
  bytes: number;
  /** Objects visited: the walk's cost (the caller spaces its measurements by it). */
  nodes: number;
}

/** Bytes held by the values reachable from `roots` (each object counted once across the roots). */
export function heldBytes(roots: Iterable<unknown>): HeldMeasure {
  const seen = new Set<object>();
  let bytes = 0;
  const stack: unknown[] = [...roots];
  while (stack.length) {
    const v = stack.pop();
    switch (typeof v) {
      case 'string':
        bytes += 16 + v.length * 2;
        continue;
      case 'number':
      case 'boolean':
      case 'bigint':
        bytes += 8;
        continue;
      case 'object':
        break;
      default:
        continue;
    }
    if (v === null || seen.has(v as object)) continue;
    const o = v as object;
    seen.add(o);
    bytes += OBJECT_BYTES;
    if (Array.isArray(o)) {
      bytes += o.length * 8;
      for (const x of o) stack.push(x);
    } else if (o instanceof Map) {
      bytes += o.size * ENTRY_BYTES;
      // An object key (a record's trigger instances are keyed by their object's model) is not the session's value.
      for (const [k, x] of o) {
        if (typeof k !== 'object') stack.push(k);
        stack.push(x);
      }
    } else if (o instanceof Set) {
      bytes += o.size * ENTRY_BYTES;
      for (const x of o) stack.push(x);
    } else if (ArrayBuffer.isView(o)) {
      bytes += o.byteLength;
    } else if (o instanceof TemporaryTransaction) {
      // Its rows: one store per table (the lookup and the FlowField transaction are the session's, not its own).
      stack.push((o as unknown as { stores: Map<number, TableStore> }).stores);
    } else if (o instanceof TableStore) {
      stack.push(o.rows);
    } else if (isValueObject(o)) {
      for (const k of Object.keys(o)) if (!SKIP.has(k)) stack.push((o as Record<string, unknown>)[k]);
    }
    // Any other object (a model, a page, a stream's sink) is counted as itself only.
  }
  return { bytes, nodes: seen.size };
}

function isValueObject(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return (
    proto === Object.prototype ||
    proto === null ||
    o instanceof AlList ||
    o instanceof AlDictionary ||
    o instanceof AlRecord ||
    o instanceof Instance ||
    o instanceof TextBuilderValue ||
    o instanceof JsonObjectValue ||
    o instanceof JsonArrayValue ||
    o instanceof JsonValueValue ||
    o instanceof JsonTokenValue ||
    o instanceof Variant ||
    o instanceof CodeunitVar ||
    o instanceof InStreamValue ||
    o instanceof LazyCopy
  );
}
