// Name handling shared by the model: AL names are case-insensitive and may be quoted or namespace-qualified.

/** `"Sales Header"` -> `sales header`; `Microsoft.Sales."Sales Header"` -> `sales header`. */
export function nameKey(raw: string): string {
  return lastSegment(raw).toLowerCase();
}

/**
 * Removes quotes and any namespace prefix: the object's own name as written. Once a name is unquoted its dots are
 * part of the name (`Purch.-Post (Yes/No)`); only an unquoted dotted path of plain identifiers
 * (`Microsoft.Sales.Customer`) is a namespace-qualified name.
 */
export function lastSegment(raw: string): string {
  const s = raw.trim();
  if (!s.includes('"')) return /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(s) ? s.slice(s.lastIndexOf('.') + 1) : s;
  // Split on dots outside quotes; the last part is the object name.
  let last = '';
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === '.' && !inQuote) {
      last = cur;
      cur = '';
      continue;
    } else cur += c;
  }
  const result = cur.trim() || last.trim();
  return result;
}

export function unquote(raw: string): string {
  const s = raw.trim();
  return s.length >= 2 && s[0] === '"' && s[s.length - 1] === '"' ? s.slice(1, -1) : s;
}
