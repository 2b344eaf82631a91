// Runtime settings: Business Central's server limits with their defaults, read from the workspace's
// `.al-session-lab/settings.json` (or `alsessionlab.json`) and overridden by CLI flags.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonSyntaxError, parseJsonWithLines } from './jsonWithLines';

export interface SessionSettings {
  /** Concurrent background sessions (StartSession, TaskScheduler) on the server; further ones queue. */
  backgroundSessionsMaxConcurrency: number;
  /** Queued background sessions beyond which StartSession fails. */
  backgroundSessionsMaxQueueLength: number;
  /** BC's `BackgroundSessionsDefaultTimeout` (8 h on-premises): StartSession without a timeout. */
  backgroundSessionsDefaultTimeout: number;
  /** BC's `ChildSessionsMaxConcurrency`: page background tasks running at once per parent session. */
  childSessionsMaxConcurrency: number;
  /** BC's `ChildSessionsMaxQueueLength`: waiting page background tasks per parent before the enqueue fails. */
  childSessionsMaxQueueLength: number;
  /** BC's `PageBackgroundTaskDefaultTimeout` (2 min). */
  pageBackgroundTaskDefaultTimeout: number;
  /** BC's `PageBackgroundTaskMaxTimeout` (10 min): caps any larger timeout. */
  pageBackgroundTaskMaxTimeout: number;
  /** Depth of sessions started from sessions beyond which creation fails ("Excessive recursive session creation"). */
  sessionRecursionDepth: number;
  userId: string;
  /** The company sessions start in (CompanyName()); client sessions and codeunits run here unless told otherwise. */
  companyName: string;
  /**
   * The other companies of the database (StartSession / TaskScheduler.CreateTask / ChangeCompany can name them;
   * `companyName` always exists). In settings.json an array; with `--set`, names separated by `|`.
   */
  companies: string[];
  /** Statements per scheduler slice. */
  sliceBudget: number;
  /** BC's lock timeout (10 s): a session waiting longer for a row lock fails with the lock timeout error. */
  lockTimeout: number;
  /** Virtual clock: after this many back-to-back computing slices (nobody waits) time jumps to the next timer. */
  busySlicesPerTimeJump: number;
  /** Timeline events kept in memory (the latest ones; `serve`'s `timeline` request says when older ones are gone). */
  eventHistoryLimit: number;
  /**
   * The longest a foreground call (a page trigger, an action, runCodeunit's OnRun) may compute, in ms (default 10 min;
   * `run`/`serve --max-call-time SECONDS`, a scenario's `maxCallTime`): then it fails with an error naming where it was.
   * Background sessions have their own timeouts. Time stopped in the debugger or waiting does not count.
   */
  maxCallTime: number;
  /** A session holding more than this many MB of AL values (texts, lists, dictionaries, blobs, temporary rows) is ended. */
  maxSessionMemoryMB: number;
}

export const DEFAULT_SETTINGS: Readonly<SessionSettings> = Object.freeze({
  backgroundSessionsMaxConcurrency: 10,
  backgroundSessionsMaxQueueLength: 100,
  backgroundSessionsDefaultTimeout: 8 * 3600_000,
  childSessionsMaxConcurrency: 5,
  childSessionsMaxQueueLength: 100,
  pageBackgroundTaskDefaultTimeout: 120_000,
  pageBackgroundTaskMaxTimeout: 600_000,
  sessionRecursionDepth: 14,
  userId: 'USER',
  companyName: 'CRONUS International Ltd.',
  companies: [],
  sliceBudget: 500,
  lockTimeout: 10_000,
  busySlicesPerTimeJump: 2000,
  eventHistoryLimit: 200_000,
  maxCallTime: 600_000,
  maxSessionMemoryMB: 1024,
});

/** Bad settings input: names the file and line (the CLI reports it with exit 2). */
export class SettingsError extends Error {}

const durationKeys = new Set(['maxCallTime', 'lockTimeout', 'backgroundSessionsDefaultTimeout', 'pageBackgroundTaskDefaultTimeout', 'pageBackgroundTaskMaxTimeout']);
const textKeys = new Set(['userId', 'companyName']);

/** A duration: milliseconds, or BC's server-setting form `hh:mm:ss` (e.g. "00:02:00"). */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const m = /^(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/.exec(value.trim());
    if (m) return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number((m[4] ?? '0').padEnd(3, '0'));
    if (/^\d+$/.test(value.trim())) return Number(value.trim());
  }
  return undefined;
}

/** Applies one `key = value` to the settings; returns an error message or undefined. */
export function applySetting(settings: SessionSettings, key: string, value: unknown): string | undefined {
  const known = Object.keys(DEFAULT_SETTINGS).find((k) => k.toLowerCase() === key.toLowerCase()) as keyof SessionSettings | undefined;
  if (!known) return `unknown setting '${key}' (known: ${Object.keys(DEFAULT_SETTINGS).join(', ')})`;
  if (known === 'companies') {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split('|').map((x) => x.trim()) : undefined;
    if (!list || list.some((x) => typeof x !== 'string' || x.trim() === '')) return `setting 'companies' needs company names (an array of texts, or names separated by '|'), got ${JSON.stringify(value)}`;
    settings.companies = (list as string[]).map((x) => x.trim());
    return undefined;
  }
  if (textKeys.has(known)) {
    if (typeof value !== 'string' || value === '') return `setting '${known}' needs a non-empty text`;
    (settings as unknown as Record<string, unknown>)[known] = value;
    return undefined;
  }
  const n = durationKeys.has(known) ? parseDuration(value) : typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (n === undefined || !Number.isInteger(n) || n < (known === 'sliceBudget' || known === 'busySlicesPerTimeJump' || known === 'eventHistoryLimit' || known.endsWith('Concurrency') ? 1 : 0)) {
    return `setting '${known}' needs ${durationKeys.has(known) ? 'a duration (ms or hh:mm:ss)' : 'a positive integer'}, got ${JSON.stringify(value)}`;
  }
  (settings as unknown as Record<string, unknown>)[known] = n;
  return undefined;
}

/** The settings files looked for in a workspace, in order. */
export const SETTINGS_FILES = [join('.al-session-lab', 'settings.json'), 'alsessionlab.json'];

/** Defaults, then the workspace's settings file (if any). Throws SettingsError naming file and line. */
export function loadSettings(workspace: string): SessionSettings {
  const settings: SessionSettings = { ...DEFAULT_SETTINGS };
  for (const rel of SETTINGS_FILES) {
    const file = join(workspace, rel);
    if (!existsSync(file)) continue;
    let doc;
    try {
      doc = parseJsonWithLines(readFileSync(file, 'utf8'));
    } catch (err) {
      if (err instanceof JsonSyntaxError) throw new SettingsError(`${file}:${err.line}: ${err.message}`);
      throw new SettingsError(`${file}: cannot read: ${(err as Error).message}`);
    }
    const root = doc.value;
    if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new SettingsError(`${file}:1: the settings file must hold a JSON object`);
    const text = readFileSync(file, 'utf8').split('\n');
    for (const [key, value] of Object.entries(root)) {
      const problem = applySetting(settings, key, value);
      if (problem) {
        const line = text.findIndex((l) => l.includes(`"${key}"`)) + 1 || 1;
        throw new SettingsError(`${file}:${line}: ${problem}`);
      }
    }
    break;
  }
  return settings;
}
