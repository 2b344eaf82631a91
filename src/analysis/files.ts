// Reading workspace files safely: encodings (UTF-8 with or without BOM, UTF-16 with BOM, legacy 8-bit), binary
// detection and a size limit, so no file can crash or stall the analysis.
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** Files larger than this are not analysed (the largest real AL file, a test codeunit, is under 1 MB). */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'latin1' }
  | { ok: false; reason: string };

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** Decodes an .al file's bytes; returns a reason instead of text for binary or oversized files. */
export function decodeAlFile(buf: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): DecodeResult {
  if (buf.length > maxBytes) {
    return { ok: false, reason: `file is ${(buf.length / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit` };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf16be' };
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = bom ? buf.subarray(3) : buf;
  // A NUL byte never occurs in AL source text; it marks a binary file (or UTF-16 without BOM, which AL does not use).
  const probe = Math.min(body.length, 65536);
  for (let i = 0; i < probe; i++) if (body[i] === 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: utf8Fatal.decode(body), encoding: bom ? 'utf8bom' : 'utf8' };
  } catch {
    // Old AL files saved by other editors are Windows-1252; latin1 keeps every byte and never fails.
    return { ok: true, text: new TextDecoder('latin1').decode(body), encoding: 'latin1' };
  }
}

/** A text's decoded form checked the same way as files (for editor buffers): very large texts are refused. */
export function checkText(text: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string | undefined {
  if (text.length > maxBytes) return `document has ${(text.length / 1048576).toFixed(1)} M characters, over the ${(maxBytes / 1048576).toFixed(0)} MB limit`;
  if (text.indexOf('\0') >= 0) return 'binary content (contains NUL characters)';
  return undefined;
}

export interface WorkspaceFiles {
  alFiles: string[];
  appPackages: string[];
}

/** Lists .al files under the folders (recursively, symlinks not followed) and .app files in `.alpackages` folders. */
export function findWorkspaceFiles(folders: string[]): WorkspaceFiles {
  const out: WorkspaceFiles = { alFiles: [], appPackages: [] };
  const walk = (dir: string, inPackages: boolean) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name === '.git') continue;
        walk(full, inPackages || e.name.toLowerCase() === '.alpackages');
      } else if (e.isFile()) {
        const lower = e.name.toLowerCase();
        if (lower.endsWith('.al')) out.alFiles.push(full);
        else if (inPackages && lower.endsWith('.app')) out.appPackages.push(full);
      }
    }
  };
  for (const f of folders) {
    if (f.toLowerCase().endsWith('.al')) out.alFiles.push(f);
    else walk(f, false);
  }
  return out;
}
