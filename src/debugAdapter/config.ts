// Validation of the attach and launch configurations (the AL extension's attach vocabulary plus port/token or
// workspace/scenario). Every problem is reported with the name of the offending field.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AttachArguments } from '../protocol/runtimeProtocol';

export type BreakOnNext = NonNullable<AttachArguments['breakOnNext']>;
export type BreakOnError = NonNullable<AttachArguments['breakOnError']>;
export type BreakOnRecordWrite = NonNullable<AttachArguments['breakOnRecordWrite']>;

/** What the runtime is told when the debugger attaches (after defaults and legacy forms are applied). */
export interface DebugOptions {
  breakOnNext: BreakOnNext;
  sessionId?: number;
  userId?: string;
  breakOnError: BreakOnError;
  breakOnRecordWrite: BreakOnRecordWrite;
  stopOnEntry: boolean;
  /** Which of breakOnError / breakOnRecordWrite the user wrote down (they win over the editor's first filter set). */
  explicit: { breakOnError: boolean; breakOnRecordWrite: boolean };
}

export interface AttachConfig extends DebugOptions {
  port: number;
  token: string;
}

export interface LaunchConfig extends DebugOptions {
  workspace: string;
  scenario?: string;
  clock?: 'real' | 'virtual';
}

export class ConfigError extends Error {}

/** The configuration fields this adapter reads; the manifest's schemas declare exactly these (a test checks). */
export const ATTACH_FIELDS = ['port', 'token', 'breakOnNext', 'sessionId', 'userId', 'breakOnError', 'breakOnRecordWrite', 'stopOnEntry'] as const;
export const LAUNCH_FIELDS = ['workspace', 'scenario', 'clock', 'breakOnNext', 'userId', 'breakOnError', 'breakOnRecordWrite', 'stopOnEntry'] as const;

const BREAK_ON_NEXT: readonly BreakOnNext[] = ['WebClient', 'Background', 'PageBackgroundTask', 'Any'];
const BREAK_ON_ERROR: readonly BreakOnError[] = ['None', 'All', 'ExcludeTry'];
const BREAK_ON_RECORD_WRITE: readonly BreakOnRecordWrite[] = ['None', 'All', 'ExcludeTemporary'];
/** Values the AL extension accepts but this runtime cannot honour: say why instead of "not one of". */
const UNSUPPORTED_BREAK_ON_NEXT: Record<string, string> = {
  webserviceclient: 'the local runtime has no web service endpoint',
  agent: 'the local runtime does not run agent sessions',
};

function fail(kind: string, field: string, problem: string): never {
  throw new ConfigError(`Invalid ${kind} configuration: '${field}' ${problem}`);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Accepts an enum value in any letter case (people type `background`); returns the canonical spelling. */
function pickEnum<T extends string>(kind: string, field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string') {
    const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (found) return found;
  }
  return fail(kind, field, `must be one of ${allowed.join(', ')} (got ${show(value)})`);
}

function readDebugOptions(kind: string, raw: Record<string, unknown>): DebugOptions {
  let breakOnNext: BreakOnNext = 'Background';
  if (raw.breakOnNext !== undefined) {
    const why = typeof raw.breakOnNext === 'string' ? UNSUPPORTED_BREAK_ON_NEXT[raw.breakOnNext.toLowerCase()] : undefined;
    if (why) fail(kind, 'breakOnNext', `value '${String(raw.breakOnNext)}' is not supported here: ${why}; use one of ${BREAK_ON_NEXT.join(', ')}`);
    breakOnNext = pickEnum(kind, 'breakOnNext', raw.breakOnNext, BREAK_ON_NEXT);
  }
  let sessionId: number | undefined;
  if (raw.sessionId !== undefined) {
    // launch.json snippets and input variables can give numbers as strings; accept a plain decimal string.
    const n = typeof raw.sessionId === 'string' && /^\d+$/.test(raw.sessionId.trim()) ? Number(raw.sessionId) : raw.sessionId;
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) fail(kind, 'sessionId', `must be a positive whole number (got ${show(raw.sessionId)})`);
    sessionId = n;
  }
  let userId: string | undefined;
  if (raw.userId !== undefined) {
    if (typeof raw.userId !== 'string' || raw.userId.trim() === '') fail(kind, 'userId', `must be a non-empty user name (got ${show(raw.userId)})`);
    userId = raw.userId;
  }
  let breakOnError: BreakOnError = 'All';
  if (raw.breakOnError !== undefined) {
    // true/false are the AL extension's legacy forms of All/None.
    if (raw.breakOnError === true) breakOnError = 'All';
    else if (raw.breakOnError === false) breakOnError = 'None';
    else breakOnError = pickEnum(kind, 'breakOnError', raw.breakOnError, BREAK_ON_ERROR);
  }
  let breakOnRecordWrite: BreakOnRecordWrite = 'None';
  if (raw.breakOnRecordWrite !== undefined) {
    // Older AL configurations used a boolean here too.
    if (raw.breakOnRecordWrite === true) breakOnRecordWrite = 'All';
    else if (raw.breakOnRecordWrite === false) breakOnRecordWrite = 'None';
    else breakOnRecordWrite = pickEnum(kind, 'breakOnRecordWrite', raw.breakOnRecordWrite, BREAK_ON_RECORD_WRITE);
  }
  let stopOnEntry = false;
  if (raw.stopOnEntry !== undefined) {
    if (typeof raw.stopOnEntry !== 'boolean') fail(kind, 'stopOnEntry', `must be true or false (got ${show(raw.stopOnEntry)})`);
    stopOnEntry = raw.stopOnEntry;
  }
  return {
    breakOnNext,
    sessionId,
    userId,
    breakOnError,
    breakOnRecordWrite,
    stopOnEntry,
    explicit: { breakOnError: raw.breakOnError !== undefined, breakOnRecordWrite: raw.breakOnRecordWrite !== undefined },
  };
}

/** Validates an attach configuration. Unknown properties (name, type, editor internals) are ignored. */
export function parseAttachConfig(raw: unknown): AttachConfig {
  if (typeof raw !== 'object' || raw === null) throw new ConfigError('Invalid attach configuration: expected an object');
  const r = raw as Record<string, unknown>;
  if (r.port === undefined) {
    fail('attach', 'port', 'is missing: give the port printed by `al-session-lab serve` (inside VS Code the extension fills it in for the runtime it hosts)');
  }
  const port = typeof r.port === 'string' && /^\d+$/.test(r.port.trim()) ? Number(r.port) : r.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail('attach', 'port', `must be a TCP port number between 1 and 65535 (got ${show(r.port)})`);
  }
  if (r.token === undefined) fail('attach', 'token', 'is missing: give the token printed by `al-session-lab serve`');
  if (typeof r.token !== 'string' || r.token === '') fail('attach', 'token', `must be a non-empty string (got ${show(r.token)})`);
  return { ...readDebugOptions('attach', r), port, token: r.token };
}

/** Validates a launch configuration; paths are resolved against `cwd` and must exist. */
export function parseLaunchConfig(raw: unknown, cwd = process.cwd()): LaunchConfig {
  if (typeof raw !== 'object' || raw === null) throw new ConfigError('Invalid launch configuration: expected an object');
  const r = raw as Record<string, unknown>;
  if (r.workspace === undefined) fail('launch', 'workspace', 'is missing: give the folder of the AL workspace to run');
  if (typeof r.workspace !== 'string' || r.workspace === '') fail('launch', 'workspace', `must be a folder path (got ${show(r.workspace)})`);
  const workspace = path.resolve(cwd, r.workspace);
  if (!isDirectory(workspace)) fail('launch', 'workspace', `is not a folder: ${workspace}`);
  let scenario: string | undefined;
  if (r.scenario !== undefined) {
    if (typeof r.scenario !== 'string' || r.scenario === '') fail('launch', 'scenario', `must be a file path (got ${show(r.scenario)})`);
    scenario = path.resolve(cwd, r.scenario);
    if (!isFile(scenario)) fail('launch', 'scenario', `is not a file: ${scenario}`);
  }
  if (r.sessionId !== undefined) fail('launch', 'sessionId', 'applies to attach only: a launched runtime has no sessions yet');
  let clock: 'real' | 'virtual' | undefined;
  if (r.clock !== undefined) clock = pickEnum('launch', 'clock', r.clock, ['real', 'virtual'] as const);
  return { ...readDebugOptions('launch', r), workspace, scenario, clock };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The protocol's attach arguments for these options. */
export function toAttachArguments(o: DebugOptions): AttachArguments {
  const args: AttachArguments = {
    breakOnNext: o.breakOnNext,
    breakOnError: o.breakOnError,
    breakOnRecordWrite: o.breakOnRecordWrite,
    stopOnEntry: o.stopOnEntry,
  };
  if (o.sessionId !== undefined) args.sessionId = o.sessionId;
  if (o.userId !== undefined) args.userId = o.userId;
  return args;
}
