// An app's manifest (app.json, or the NavxManifest.xml of a symbol package) in one shape, and the app.json reader:
// bad input is an AppJsonError naming the file, the line and what is wrong.
import { readFileSync } from 'node:fs';

/** A dependency as app.json writes it: by id, with name/publisher/version as fallback and for messages. */
export interface AppDependency {
  id: string;
  name: string;
  publisher: string;
  version: string;
}

export interface AppManifest {
  /** Lower-case GUID without braces ('' when the app has none). */
  id: string;
  name: string;
  publisher: string;
  version: string;
  dependencies: AppDependency[];
  /** `application` (the Microsoft application apps) and `platform` versions, '' when not set. */
  application: string;
  platform: string;
  preprocessorSymbols: string[];
  internalsVisibleTo: AppDependency[];
}

export class AppJsonError extends Error {}

/** The well-known Microsoft apps `application` brings in (the AL compiler's "Application" app depends on them). */
export const MICROSOFT_APPS = {
  application: 'c1335042-3002-4257-bf8a-75c898ccb1b8',
  baseApplication: '437dbf0e-84ff-417a-965d-ed2bb9650972',
  systemApplication: '63ca2fa4-4f03-4f2b-a480-172fef340d3f',
  businessFoundation: 'f3552374-a1f2-4356-848e-196002525837',
} as const;

export function normalizeId(id: string): string {
  return id.replace(/[{}]/g, '').trim().toLowerCase();
}

/** Reads and checks an app.json file. */
export function readAppJson(path: string): AppManifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppJsonError(`${path}: cannot read app.json (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseAppJson(text, path);
}

/** Parses app.json text (comments allowed, as the AL tools accept them). */
export function parseAppJson(text: string, path: string): AppManifest {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(stripComments(text));
  } catch (err) {
    throw new AppJsonError(`${path}:${jsonErrorLine(text, (err as Error).message)}: app.json is not valid JSON (${(err as Error).message})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new AppJsonError(`${path}:1: app.json must hold a JSON object`);
  const o = json as Record<string, unknown>;
  const where = (key: string) => `${path}:${lineOfKey(text, key)}`;
  const str = (key: string, required: boolean): string => {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) throw new AppJsonError(`${path}:1: app.json has no "${key}"`);
      return '';
    }
    if (typeof v !== 'string') throw new AppJsonError(`${where(key)}: app.json "${key}" must be a string`);
    return v;
  };
  const version = str('version', false) || '1.0.0.0';
  if (!isVersion(version)) throw new AppJsonError(`${where('version')}: app.json "version" must look like 1.0.0.0, got "${version}"`);
  const manifest: AppManifest = {
    id: normalizeId(str('id', false)),
    name: str('name', true),
    publisher: str('publisher', false),
    version,
    dependencies: deps(o, 'dependencies', where),
    application: str('application', false),
    platform: str('platform', false),
    preprocessorSymbols: [],
    internalsVisibleTo: deps(o, 'internalsVisibleTo', where),
  };
  if (manifest.id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(manifest.id)) {
    throw new AppJsonError(`${where('id')}: app.json "id" must be a GUID, got "${o.id}"`);
  }
  const symbols = o.preprocessorSymbols;
  if (symbols !== undefined) {
    if (!Array.isArray(symbols) || symbols.some((s) => typeof s !== 'string')) throw new AppJsonError(`${where('preprocessorSymbols')}: app.json "preprocessorSymbols" must be an array of strings`);
    manifest.preprocessorSymbols = symbols as string[];
  }
  return manifest;
}

function deps(o: Record<string, unknown>, key: string, where: (k: string) => string): AppDependency[] {
  const raw = o[key];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new AppJsonError(`${where(key)}: app.json "${key}" must be an array`);
  return raw.map((d, i) => {
    if (!d || typeof d !== 'object') throw new AppJsonError(`${where(key)}: app.json "${key}"[${i}] must be an object`);
    const r = d as Record<string, unknown>;
    const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : typeof r[k.toLowerCase()] === 'string' ? (r[k.toLowerCase()] as string) : '');
    const dep: AppDependency = { id: normalizeId(s('id') || s('appId')), name: s('name'), publisher: s('publisher'), version: s('version') };
    if (!dep.id && !dep.name) throw new AppJsonError(`${where(key)}: app.json "${key}"[${i}] has neither "id" nor "name"`);
    if (key === 'dependencies' && dep.version && !isVersion(dep.version)) throw new AppJsonError(`${where(key)}: app.json "${key}"[${i}] "version" must look like 1.0.0.0, got "${dep.version}"`);
    return dep;
  });
}

export function isVersion(v: string): boolean {
  return /^\d+(\.\d+){0,3}$/.test(v);
}

/** Compares dotted versions numerically (missing parts are 0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Removes // and /* *\/ comments outside strings (app.json written by hand sometimes has them). */
function stripComments(text: string): string {
  if (text.indexOf('/') < 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function jsonErrorLine(text: string, message: string): number {
  const m = /position (\d+)/.exec(message);
  if (m) return text.slice(0, parseInt(m[1], 10)).split('\n').length;
  const l = /line (\d+)/.exec(message);
  return l ? parseInt(l[1], 10) : 1;
}

function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
