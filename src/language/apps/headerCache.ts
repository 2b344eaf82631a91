// The persistent header-scan cache: per app folder, each file's object headers with the file's size and
// modification time, so a second start reads no source file at all (a changed file is scanned again). One JSON
// file per app under the cache folder (AL_SESSION_LAB_CACHE, else the user's cache folder); a cache that cannot
// be read or written is ignored, never an error.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectHeader } from './headerScan';

// Bump whenever the header scan changes what it reads (2: `dotnet { }` objects are indexed).
const VERSION = 2;

interface CachedFile {
  size: number;
  mtimeMs: number;
  headers: ObjectHeader[];
}

export function defaultCacheDir(): string {
  if (process.env.AL_SESSION_LAB_CACHE) return process.env.AL_SESSION_LAB_CACHE;
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'al-session-lab');
}

export class HeaderCache {
  private files: Record<string, CachedFile> = {};
  private dirty = false;
  private readonly path: string | undefined;

  /** `key` names the app and the symbols its files are scanned with (a symbol change is another cache). */
  constructor(dir: string | false, key: string) {
    if (dir === false) return;
    this.path = join(dir, `headers-v${VERSION}-${createHash('sha1').update(key).digest('hex').slice(0, 16)}.json`);
    try {
      const json = JSON.parse(readFileSync(this.path, 'utf8')) as { version: number; files: Record<string, CachedFile> };
      if (json.version === VERSION && json.files && typeof json.files === 'object') this.files = json.files;
    } catch {
      // No cache yet, or an unreadable one: scan.
    }
  }

  get(file: string, size: number, mtimeMs: number): ObjectHeader[] | undefined {
    const c = this.files[file];
    return c && c.size === size && c.mtimeMs === mtimeMs ? c.headers : undefined;
  }

  set(file: string, size: number, mtimeMs: number, headers: ObjectHeader[]): void {
    this.files[file] = { size, mtimeMs, headers };
    this.dirty = true;
  }

  /** Keeps only the files seen in this load and writes the cache when something changed. */
  save(seen: Set<string>): void {
    if (!this.path) return;
    for (const f of Object.keys(this.files)) if (!seen.has(f)) {
      delete this.files[f];
      this.dirty = true;
    }
    if (!this.dirty) return;
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: VERSION, files: this.files }));
      renameSync(tmp, this.path);
    } catch {
      // A read-only or full disk only costs the next start its speed.
    }
  }
}
