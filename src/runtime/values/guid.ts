// AL Guid values: kept as `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` upper case (contracts.ts); the null Guid is all zeros.
import { randomUUID } from 'node:crypto';

export const NULL_GUID = '{00000000-0000-0000-0000-000000000000}';

export function createGuid(): string {
  return `{${randomUUID().toUpperCase()}}`;
}

export function isNullGuid(g: string): boolean {
  return g === '' || g === NULL_GUID;
}

/**
 * Parses the forms Evaluate and Guid fields accept: with or without braces, with or without hyphens
 * (32 hex digits), any case. Returns the canonical form, or undefined.
 */
export function parseGuid(text: string): string | undefined {
  let s = text.trim();
  if (s === '') return NULL_GUID;
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  let hex: string;
  if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s)) hex = s.replace(/-/g, '');
  else if (/^[0-9a-fA-F]{32}$/.test(s)) hex = s;
  else return undefined;
  hex = hex.toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/**
 * Format(Guid [, 0, FormatNumber]): 0..3 the braced upper-case form; 4 the bare 36-character form
 * (no braces, upper case), as BC code uses `Format(Guid, 0, 4)` for identifiers.
 */
export function formatGuid(g: string, formatNumber = 0): string {
  const canonical = g === '' ? NULL_GUID : g;
  return formatNumber === 4 ? canonical.slice(1, -1) : canonical;
}
