// The arguments each control-protocol request takes (runtimeProtocol.ts's Requests), as data the server checks before
// it acts on or stores anything: one schema per request. A message from a client that breaks its request's schema
// gets a one-line error naming the argument, and nothing else happens (no other client or session sees it).
// A small checker of our own: the shapes are few and flat, and the answer must read like the protocol's types.
import type { RequestName } from './runtimeProtocol';

export type Schema =
  | { t: 'string'; optional?: boolean; maxLength?: number }
  | { t: 'integer'; optional?: boolean; min?: number; what?: string }
  | { t: 'boolean'; optional?: boolean }
  | { t: 'enum'; values: readonly string[]; optional?: boolean }
  | { t: 'object'; fields: Readonly<Record<string, Schema>>; optional?: boolean }
  | { t: 'array'; of: Schema; optional?: boolean; maxItems?: number }
  /** An object used as a map: any keys, each value of `of`. */
  | { t: 'map'; of: Schema; optional?: boolean }
  /** The first alternative that fits; `what` names them in the error. */
  | { t: 'oneOf'; of: readonly Schema[]; what: string; optional?: boolean }
  /** A scalar a client may send as text, a number or a boolean; the server gets its text. */
  | { t: 'text'; optional?: boolean }
  /** Anything JSON (checked by its own parser, e.g. a scenario). */
  | { t: 'json'; optional?: boolean };

const str = (maxLength?: number): Schema => ({ t: 'string', ...(maxLength ? { maxLength } : {}) });
const int = (min?: number): Schema => ({ t: 'integer', ...(min !== undefined ? { min } : {}) });
const bool = (): Schema => ({ t: 'boolean' });
const oneOf = (values: readonly string[]): Schema => ({ t: 'enum', values });
const obj = (fields: Record<string, Schema> = {}): Schema => ({ t: 'object', fields });
const opt = (s: Schema): Schema => ({ ...s, optional: true });
const nameOrId = (what: string): Schema => ({ t: 'oneOf', of: [str(), int()], what });

const session = { session: int() };
const breakOnError = ['None', 'All', 'ExcludeTry'] as const;
const breakOnRecordWrite = ['None', 'All', 'ExcludeTemporary'] as const;

/** Every request's arguments. Typed by RequestName: a request added to the protocol without a schema does not compile. */
export const REQUEST_SCHEMAS: Readonly<Record<RequestName, Schema>> = {
  hello: obj({ token: str(), client: opt(str(200)) }),
  attach: obj({
    breakOnNext: opt(oneOf(['WebClient', 'Background', 'PageBackgroundTask', 'Any'])),
    sessionId: opt(int()),
    userId: opt(str()),
    breakOnError: opt(oneOf(breakOnError)),
    breakOnRecordWrite: opt(oneOf(breakOnRecordWrite)),
    stopOnEntry: opt(bool()),
  }),
  debugSession: obj(session),
  detach: obj(),
  sessions: obj(),
  setBreakpoints: obj({
    file: str(),
    breakpoints: { t: 'array', maxItems: 100_000, of: obj({ line: int(0), condition: opt(str()), hitCondition: opt(str()), logMessage: opt(str()) }) },
  }),
  setExceptionBreakpoints: obj({ breakOnError: oneOf(breakOnError), breakOnRecordWrite: oneOf(breakOnRecordWrite) }),
  continue: obj(session),
  next: obj(session),
  stepIn: obj(session),
  stepOut: obj(session),
  pause: obj(session),
  stackTrace: obj(session),
  scopes: obj({ ...session, frame: int() }),
  variables: obj({ ...session, reference: int() }),
  evaluate: obj({ ...session, frame: int(), expression: str() }),
  setVariable: obj({ ...session, reference: int(), name: str(), value: { t: 'text' } }),
  exceptionInfo: obj(session),
  stopSession: obj({ ...session, comment: opt(str()) }),
  restartServer: obj(),
  openPage: obj({ page: nameOrId('a page name or id'), record: opt({ t: 'map', of: { t: 'text' } }), client: opt(str()), company: opt(str()) }),
  pageState: obj({ pageInstanceId: int() }),
  navigate: obj({ pageInstanceId: int(), direction: oneOf(['next', 'previous']) }),
  invokeAction: obj({ pageInstanceId: int(), action: str() }),
  setField: obj({ pageInstanceId: int(), field: str(), value: { t: 'text' } }),
  closePage: obj({ pageInstanceId: int() }),
  pageRecord: obj({ pageInstanceId: int(), op: oneOf(['new', 'delete', 'select']), row: opt(int(0)) }),
  handleDialogs: obj({ enabled: bool() }),
  answerDialog: obj({ dialog: int(), answer: { t: 'oneOf', of: [bool(), int(0)], what: 'true/false (Confirm) or an option number (StrMenu)' } }),
  runCodeunit: obj({ codeunit: nameOrId('a codeunit name or id'), company: opt(str()) }),
  runScenario: obj({ scenario: { t: 'json' } }),
  reload: obj(),
  timeline: obj({ from: opt({ t: 'integer', min: 0, what: 'an event number (0 or more)' }) }),
  runTests: obj({
    tests: { t: 'array', maxItems: 100_000, of: obj({ codeunit: int(), tests: opt({ t: 'array', maxItems: 100_000, of: str(1000) }) }) },
    reload: opt(bool()),
    coverage: opt(bool()),
  }),
  cancelTests: obj({ run: int() }),
};

export class ArgumentError extends Error {}

/**
 * Checks a request's arguments against its schema. Returns a copy holding only the arguments the schema names
 * (texts as strings), or throws an ArgumentError whose message names the argument, e.g. `'userId' must be a string`.
 */
export function checkArguments(command: RequestName, args: unknown): Record<string, unknown> {
  return check(REQUEST_SCHEMAS[command], args ?? {}, 'arguments') as Record<string, unknown>;
}

export function isRequestName(command: string): command is RequestName {
  return Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, command);
}

function check(s: Schema, v: unknown, path: string): unknown {
  const fail = (what: string): never => {
    throw new ArgumentError(`'${path}' must be ${what}`);
  };
  switch (s.t) {
    case 'string':
      if (typeof v !== 'string') fail('a string');
      if (s.maxLength !== undefined && (v as string).length > s.maxLength) fail(`at most ${s.maxLength} characters`);
      return v;
    case 'integer':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(s.what ?? 'an integer');
      if (s.min !== undefined && (v as number) < s.min) fail(s.what ?? `an integer of ${s.min} or more`);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') fail('true or false');
      return v;
    case 'enum':
      if (typeof v !== 'string' || !s.values.includes(v)) fail(`one of ${s.values.join(', ')}`);
      return v;
    case 'text':
      if (typeof v === 'string') return v;
      if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
      return fail('a text');
    case 'json':
      return v;
    case 'oneOf':
      for (const alt of s.of) {
        try {
          return check(alt, v, path);
        } catch (err) {
          if (!(err instanceof ArgumentError)) throw err;
        }
      }
      return fail(s.what);
    case 'array': {
      if (!Array.isArray(v)) return fail('a list');
      if (s.maxItems !== undefined && v.length > s.maxItems) fail(`a list of at most ${s.maxItems} items`);
      return v.map((x, i) => check(s.of, x, `${path}[${i}]`));
    }
    case 'map': {
      if (!isPlainObject(v)) return fail('an object');
      const out: Record<string, unknown> = {};
      // defineProperty: a key named __proto__ stays a key.
      for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: check(s.of, x, `${path}.${k}`), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'object': {
      if (!isPlainObject(v)) return fail('an object');
      const out: Record<string, unknown> = {};
      for (const [k, fs] of Object.entries(s.fields)) {
        const x = (v as Record<string, unknown>)[k];
        // A top-level argument is named alone ('userId'); a nested one with its path ('breakpoints[0].line').
        const at = path === 'arguments' ? k : `${path}.${k}`;
        if (x === undefined || x === null) {
          if (fs.optional) continue;
          throw new ArgumentError(`'${at}' is missing`);
        }
        out[k] = check(fs, x, at);
      }
      return out;
    }
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
