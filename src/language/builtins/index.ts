// The catalogue of AL built-ins: every system method, data-type method and property the project knows, with its
// receiver, overloads and facts. The analysis reads facts from it and the runtime registers its implementations
// against its keys; neither keeps a list of method names of its own (test/unit/builtinsCatalogue.test.ts checks).
import { buildReceiver, type BuiltinEntry, type BuiltinFact, type ReceiverSpec } from './types';
import { systemReceivers } from './system';
import { recordReceivers } from './records';
import { textReceivers } from './text';
import { collectionReceivers } from './collections';
import { jsonReceivers } from './json';
import { xmlHttpReceivers } from './xmlHttp';
import { objectReceivers } from './objects';

export type { BuiltinEntry, BuiltinFact, BuiltinOverload, BuiltinParam } from './types';
export { signatureText } from './types';

/** Receivers that are other names of a catalogue receiver (CurrPage is the page's own Page; Code is a Text). */
const receiverAliases: Record<string, string> = {
  currpage: 'page',
  currreport: 'report',
  currxmlport: 'xmlport',
  option: 'enum',
  code: 'text',
  label: 'text',
  textconst: 'text',
};

export interface Catalogue {
  readonly entries: readonly BuiltinEntry[];
  /** By `receiver.name` in lower case. */
  readonly byKey: ReadonlyMap<string, BuiltinEntry>;
  /** Global methods (callable without a receiver) by lower-case name. */
  readonly globals: ReadonlyMap<string, BuiltinEntry>;
  /** Lower-case receivers with static methods (`Session`, `Page`, `TaskScheduler`...). */
  readonly staticReceivers: ReadonlySet<string>;
  /** Lower-case receiver names. */
  readonly receivers: ReadonlySet<string>;
}

export const receiverSpecs: readonly ReceiverSpec[] = [
  ...systemReceivers,
  ...recordReceivers,
  ...textReceivers,
  ...collectionReceivers,
  ...jsonReceivers,
  ...xmlHttpReceivers,
  ...objectReceivers,
];

let built: Catalogue | undefined;

/** The catalogue, parsed on first use (a few hundred signatures: well under a millisecond each). */
export function catalogue(): Catalogue {
  if (built) return built;
  const entries: BuiltinEntry[] = [];
  const byKey = new Map<string, BuiltinEntry>();
  const globals = new Map<string, BuiltinEntry>();
  const staticReceivers = new Set<string>();
  const receivers = new Set<string>();
  for (const spec of receiverSpecs) {
    receivers.add(spec.receiver.toLowerCase());
    for (const e of buildReceiver(spec)) {
      const existing = byKey.get(e.key);
      if (existing) throw new Error(`built-in ${e.receiver}.${e.name} is in the catalogue twice`);
      entries.push(e);
      byKey.set(e.key, e);
      if (e.static) staticReceivers.add(e.receiver.toLowerCase());
      if (e.global) {
        const g = globals.get(e.name.toLowerCase());
        if (g) throw new Error(`global built-in ${e.name} is declared by ${g.receiver} and ${e.receiver}`);
        globals.set(e.name.toLowerCase(), e);
      }
    }
  }
  built = { entries, byKey, globals, staticReceivers, receivers };
  return built;
}

/** The catalogue receiver a receiver name stands for (`CurrPage` -> `page`, `Code` -> `text`), lower case. */
export function canonicalReceiver(receiver: string): string {
  const r = receiver.toLowerCase();
  return receiverAliases[r] ?? r;
}

/** The entry of `receiver.name` (any case; aliases such as `currpage.update` resolve to `page.update`). */
export function findBuiltin(receiver: string, name: string): BuiltinEntry | undefined {
  return catalogue().byKey.get(`${canonicalReceiver(receiver)}.${name.toLowerCase()}`);
}

/** The entry of a `receiver.name` key as the analysis writes it (`record.insert`, `currpage.enqueuebackgroundtask`). */
export function builtinByKey(key: string): BuiltinEntry | undefined {
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  return findBuiltin(key.slice(0, dot), key.slice(dot + 1));
}

/** The global method called without a receiver (`Message`, `StartSession`, `Commit`). */
export function globalBuiltin(name: string): BuiltinEntry | undefined {
  return catalogue().globals.get(name.toLowerCase());
}

/** Whether the built-in named by a key has a fact. */
export function builtinHas(key: string, fact: BuiltinFact): boolean {
  return builtinByKey(key)?.facts.has(fact) ?? false;
}

/** Every entry with a fact. */
export function builtinsWith(fact: BuiltinFact): BuiltinEntry[] {
  return catalogue().entries.filter((e) => e.facts.has(fact));
}

/** The entries of one receiver (any case, aliases resolved). */
export function builtinsOf(receiver: string): BuiltinEntry[] {
  const r = canonicalReceiver(receiver);
  return catalogue().entries.filter((e) => e.receiver.toLowerCase() === r);
}

/** The one entry with a fact (StartSession starts sessions, EnqueueBackgroundTask enqueues page tasks). */
export function theBuiltinWith(fact: BuiltinFact): BuiltinEntry {
  const all = builtinsWith(fact);
  if (all.length !== 1) throw new Error(`expected one built-in with ${fact}, the catalogue has ${all.length}`);
  return all[0];
}

/** A case-insensitive test for source text that may call a built-in with a fact (a cheap pre-filter by name). */
export function factKeyword(fact: BuiltinFact): RegExp {
  const names = [...new Set(builtinsWith(fact).map((e) => e.name.toLowerCase()))];
  return new RegExp(names.join('|'), 'i');
}

/** `key -> label` of the entries with a fact (how rules name them in messages). */
export function labelsWith(fact: BuiltinFact): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of builtinsWith(fact)) out[e.key] = e.label;
  return out;
}
