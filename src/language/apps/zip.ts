// Zip archives (the body of a .app symbol package, and the outer zip of a ready-to-run package), read with fflate.
import { unzipSync } from 'fflate';

export class ZipFormatError extends Error {}

/** Entry names as the archive writes them, normalised to forward slashes. */
export type ZipEntries = Map<string, Uint8Array>;

/**
 * Unzips the entries `want` accepts (all by default). `data` must start with the zip's first local header; the
 * central directory is what fflate reads, so a truncated or foreign file is a ZipFormatError.
 */
export function readZip(data: Uint8Array, want: (name: string) => boolean = () => true): ZipEntries {
  const out: ZipEntries = new Map();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (f) => want(f.name.replace(/\\/g, '/')) });
  } catch (err) {
    throw new ZipFormatError(`not a readable zip archive (${(err as Error).message})`);
  }
  for (const [name, bytes] of Object.entries(files)) out.set(name.replace(/\\/g, '/'), bytes);
  return out;
}

/** True when the bytes start with a zip local file header ("PK\x03\x04"). */
export function isZip(data: Uint8Array, at = 0): boolean {
  return data.length >= at + 4 && data[at] === 0x50 && data[at + 1] === 0x4b && data[at + 2] === 3 && data[at + 3] === 4;
}
