// `#pragma warning disable/restore` regions: which rule ids are suppressed at an offset of a file.
import type { PragmaDirective } from './model/ir';

/** Whether `id` is suppressed at `offset` given the file's directives (in source order). */
export function isSuppressed(pragmas: PragmaDirective[], id: string, offset: number): boolean {
  let suppressed = false;
  for (const p of pragmas) {
    if (p.offset > offset) break;
    if (p.ids.length === 0 || p.ids.includes(id)) suppressed = p.action === 'disable';
  }
  return suppressed;
}

/**
 * Reads a `#pragma warning ...` directive's text (the parser hands over the directive trivia).
 * Returns undefined for other pragmas (e.g. `#pragma implicitwith`).
 */
export function parsePragma(text: string, offset: number, end: number): PragmaDirective | undefined {
  const m = /^#pragma\s+warning\s+(disable|restore)\b([^\r\n]*)/i.exec(text);
  if (!m) return undefined;
  const rest = m[2].replace(/\/\/.*$/, '');
  const ids = rest
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s.length > 0);
  return { offset, end, action: m[1].toLowerCase() === 'disable' ? 'disable' : 'restore', ids };
}
