// The shape of the catalogue of AL built-ins: one entry per method or property of a receiver (a data type such as
// Record or JsonObject, or a static class such as Session or Dialog), with its overloads and the facts the rules
// and the runtime need. Entries are written as compact signatures (`Insert([RunTrigger: Boolean]): Boolean`) and
// parsed once here, so the data files read like BC's method reference.

/** What a built-in does beyond computing its result; the rules read these, never a list of method names. */
export type BuiltinFact =
  /** Writes to the database (Insert, Modify, Delete, ...). */
  | 'writesDatabase'
  /** Reads the database. */
  | 'readsDatabase'
  /** Locks the table explicitly (LockTable). */
  | 'locks'
  /** May run AL triggers or event subscribers of the record's table (Insert(true), Validate, ...). */
  | 'runsTriggers'
  /** Fails in a session without a client (a background session or page task): BG0006. */
  | 'needsClient'
  /** Does nothing visible in a session without a client (Message goes to the event log): BG0007. */
  | 'ignoredWithoutClient'
  /** Asks the client and waits for the user (a client callback: refused during write transactions in some cases). */
  | 'clientCallback'
  /** Starts a background session (StartSession). */
  | 'startsSession'
  /** Enqueues a page background task. */
  | 'enqueuesTask'
  /** Schedules a task (TaskScheduler.CreateTask). */
  | 'schedulesTask'
  /** Commits the transaction. */
  | 'commits'
  /** Runs another object's code (Codeunit.Run, Report.Run, Page.Run). */
  | 'runsObject';

export interface BuiltinParam {
  name: string;
  /** The AL type as BC's reference writes it (`Boolean`, `Any`, `Record`, `Text`, `Joker`...). */
  type: string;
  /** Passed by reference (`var`). */
  byRef: boolean;
  optional: boolean;
}

export interface BuiltinOverload {
  params: BuiltinParam[];
  /** Undefined for a method without a return value. */
  returns?: string;
  /** The signature as written in the catalogue. */
  text: string;
}

export interface BuiltinEntry {
  /** The receiver as BC's reference names it: `Record`, `Dialog`, `Session`, `JsonObject`, ... */
  receiver: string;
  /** The method or property name as BC writes it. */
  name: string;
  /** `receiver.name` in lower case: the key the analysis and the runtime use. */
  key: string;
  kind: 'method' | 'property';
  /** Called on the type itself (`Session.StartSession`, `Page.Run(...)`) rather than on a variable. */
  static: boolean;
  /** Also callable without a receiver (`Message(...)`, `StartSession(...)`, `Commit()`). */
  global: boolean;
  /** How messages name it (`Confirm`, `Page.RunModal`). */
  label: string;
  overloads: BuiltinOverload[];
  facts: ReadonlySet<BuiltinFact>;
}

/** One line of a data file: a signature, or a signature with facts and options. */
export type EntrySpec = string | [signature: string, facts?: BuiltinFact[], options?: EntryOptions];

export interface EntryOptions {
  /** Callable on the type itself. */
  static?: boolean;
  /** Callable without a receiver. */
  global?: boolean;
  property?: boolean;
  label?: string;
}

export interface ReceiverSpec {
  receiver: string;
  /** Every entry of the receiver is static (a class of system methods such as Session). */
  static?: boolean;
  /** Every entry of the receiver is also a global method (System, Dialog's Message/Error/Confirm...). */
  global?: boolean;
  entries: EntrySpec[];
}

/** Splits `a; [b: T]; var c: U` at top-level semicolons (brackets may nest). */
function splitParams(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    if (ch === ';' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/** Parses `Name(var A: T; [B: U]): R`; throws on a malformed signature (the catalogue test loads every entry). */
export function parseSignature(sig: string): { name: string; overload: BuiltinOverload } {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*(?::\s*(.+?))?\s*$/.exec(sig);
  if (!m) throw new Error(`malformed built-in signature: ${sig}`);
  const params: BuiltinParam[] = [];
  for (const raw of splitParams(m[2] ?? '')) {
    let p = raw.trim();
    let optional = false;
    // `[B: U]` and `[B: U; C: V]` (optional from here on).
    while (p.startsWith('[')) {
      optional = true;
      p = p.slice(1).trim();
    }
    p = p.replace(/\]+$/, '').trim();
    const byRef = /^var\s+/i.test(p);
    if (byRef) p = p.replace(/^var\s+/i, '');
    const pm = /^([A-Za-z_][A-Za-z0-9_.]*)\s*:\s*(.+)$/.exec(p);
    if (!pm) throw new Error(`malformed parameter '${raw}' in built-in signature: ${sig}`);
    params.push({ name: pm[1], type: pm[2].trim(), byRef, optional });
  }
  // A parameter after an optional one is optional too (BC's `[A: T] [; B: U]`).
  for (let i = 1; i < params.length; i++) if (params[i - 1].optional) params[i].optional = true;
  return { name: m[1], overload: { params, returns: m[3]?.trim(), text: sig.trim() } };
}

/** Builds the entries of one receiver; overloads of one name merge into one entry. */
export function buildReceiver(spec: ReceiverSpec): BuiltinEntry[] {
  const byName = new Map<string, BuiltinEntry>();
  for (const e of spec.entries) {
    const [sig, facts, opts] = typeof e === 'string' ? [e, undefined, undefined] : e;
    const { name, overload } = parseSignature(sig);
    const key = `${spec.receiver}.${name}`.toLowerCase();
    let entry = byName.get(key);
    if (!entry) {
      const isStatic = opts?.static ?? spec.static ?? false;
      const isGlobal = opts?.global ?? spec.global ?? false;
      entry = {
        receiver: spec.receiver,
        name,
        key,
        kind: opts?.property ? 'property' : 'method',
        static: isStatic,
        global: isGlobal,
        label: opts?.label ?? (isGlobal ? name : `${spec.receiver}.${name}`),
        overloads: [],
        facts: new Set<BuiltinFact>(),
      };
      byName.set(key, entry);
    }
    entry.overloads.push(overload);
    for (const f of facts ?? []) (entry.facts as Set<BuiltinFact>).add(f);
  }
  return [...byName.values()];
}

/** The signature text of an entry (its overloads, one per line). */
export function signatureText(e: BuiltinEntry): string {
  return e.overloads.map((o) => `${e.static ? `${e.receiver}.` : ''}${o.text}`).join('\n');
}
