// The cheap header scan: the objects a file declares (type, id, name, extends), the properties that decide how the
// object loads (ObsoleteState, MovedTo/MovedFrom, Access) and the events its procedures subscribe to, read without
// parsing: one pass over the characters tracking strings, comments, brace depth and `#if` regions (evaluated with
// the app's preprocessor symbols, as BCApps wraps whole objects in `#if not CLEANSCHEMA..`).
import { evaluateCondition } from '../../syntax/preprocessor';

export interface ObjectHeader {
  /** Lower-case object keyword: table, pageextension, codeunit... */
  type: string;
  id: number;
  name: string;
  extends?: string;
  /** 0-based line of the object keyword. */
  line: number;
  obsoleteState?: string;
  movedTo?: string;
  movedFrom?: string;
  access?: string;
  /** Events the object's procedures subscribe to: `table:customer:onaftermodifyevent` (publisher by name or id). */
  subscribes: string[];
}

const OBJECT_KEYWORDS = new Set([
  'table', 'tableextension', 'page', 'pageextension', 'pagecustomization', 'codeunit', 'report', 'reportextension', 'query', 'xmlport',
  'enum', 'enumextension', 'interface', 'permissionset', 'permissionsetextension', 'profile', 'profileextension', 'controladdin', 'entitlement', 'dotnet',
]);

// The name is optional in the pattern because a `dotnet` object has none (checked after the match).
const HEADER = /\s*([A-Za-z]+)(?:\s+(?:(\d+)\s+)?("(?:[^"]|"")*"|[A-Za-z_][\w]*)(?:\s+extends\s+("(?:[^"]|"")*"|[A-Za-z_]\w*(?:\.(?:[A-Za-z_]\w*|"[^"]*"))*))?)?/y;
const PROPERTY = /\s*(ObsoleteState|MovedTo|MovedFrom|Access)\s*=\s*('(?:[^']|'')*'|[A-Za-z]+)\s*;/iy;
/** Members that end an object's property region. */
const BODY_START = /(?:var|procedure|local|internal|protected|trigger)\b/iy;
const SUBSCRIBER = /EventSubscriber\s*\(\s*ObjectType\s*::\s*(\w+)\s*,\s*([^,]+?)\s*,\s*'((?:[^']|'')*)'/iy;

/**
 * Scans a file's text for its object headers; never throws. Characters are walked only between objects and in an
 * object's property region (up to its first block, `var`, trigger or procedure); an object's body is skipped with
 * native searches (its end is the next `}` at the start of a line, its subscribers the `[EventSubscriber(` in it),
 * which is what keeps the scan of Base Application's 110 MB well under a second.
 */
export function scanHeaders(text: string, symbols: ReadonlySet<string>): ObjectHeader[] {
  const out: ObjectHeader[] = [];
  const n = text.length;
  let depth = 0;
  let line = 0;
  let lineStart = true;
  let current: ObjectHeader | undefined;
  // #if stack: each level is [active, anyBranchTaken, parentActive].
  const stack: [boolean, boolean, boolean][] = [];
  let active = true;
  let i = 0;
  /** Where newlines have not been counted yet (-1: all counted). */
  let linesFrom = -1;
  let linesTo = -1;
  const skipBody = (from: number): number => {
    // The object's body: from the end of its properties to its closing brace at the start of a line.
    let end = text.indexOf('\n}', from);
    if (end < 0) end = n;
    if (current) {
      let at = text.indexOf('EventSubscriber', from);
      while (at >= 0 && at < end) {
        let b = at - 1;
        while (b > from && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
        if (text.charCodeAt(b) === 91 /* [ */) {
          SUBSCRIBER.lastIndex = at;
          const m = SUBSCRIBER.exec(text);
          if (m) current.subscribes.push(`${m[1].toLowerCase()}:${publisherKey(m[2])}:${m[3].toLowerCase().replace(/''/g, "'")}`);
        }
        at = text.indexOf('EventSubscriber', at + 15);
      }
    }
    // Lines of the body are counted only when another object follows (rare), not for every body.
    linesFrom = from;
    linesTo = Math.min(end + 2, n);
    depth = 0;
    current = undefined;
    lineStart = false;
    return end >= n ? n : end + 2;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) {
      i++;
      continue;
    }
    if (lineStart && c === 35 /* # */) {
      let e = text.indexOf('\n', i);
      if (e < 0) e = n;
      const m = /^#\s*(\w+)/.exec(text.slice(i, Math.min(e, i + 24)));
      const word = m ? m[1].toLowerCase() : '';
      const condStart = i + (m ? m[0].length : 1);
      if (word === 'if') {
        const v = evaluateCondition(text, condStart, e, symbols).value;
        stack.push([active && v, v, active]);
        active = active && v;
      } else if (word === 'elif') {
        const top = stack[stack.length - 1];
        if (top) {
          const v = !top[1] && evaluateCondition(text, condStart, e, symbols).value;
          top[0] = top[2] && v;
          top[1] = top[1] || v;
          active = top[0];
        }
      } else if (word === 'else') {
        const top = stack[stack.length - 1];
        if (top) {
          top[0] = top[2] && !top[1];
          top[1] = true;
          active = top[0];
        }
      } else if (word === 'endif') {
        const top = stack.pop();
        active = top ? top[2] : true;
      }
      i = e;
      continue;
    }
    const wasLineStart = lineStart;
    lineStart = false;
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      const stop = e < 0 ? n : e + 2;
      for (let k = i; k < stop; k++) if (text.charCodeAt(k) === 10) line++;
      i = stop;
      continue;
    }
    if (!active) {
      // Inactive region: skip to the end of the line (directives are only recognised at line start).
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === 39 /* ' */ || c === 34 /* " */) {
      let k = i + 1;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === c) {
          if (text.charCodeAt(k + 1) === c) k += 2;
          else break;
        } else if (d === 10) break;
        else k++;
      }
      i = k < n && text.charCodeAt(k) === 10 ? k : k + 1;
      continue;
    }
    if (c === 123) {
      depth++;
      i++;
      // A block inside the object (fields, layout, a procedure's begin...): the properties are behind us.
      if (depth === 2 && current) i = skipBody(i);
      continue;
    }
    if (c === 125) {
      if (depth > 0) depth--;
      if (depth === 0) current = undefined;
      i++;
      continue;
    }
    if (depth === 0 && wasLineStart && isLetter(c)) {
      HEADER.lastIndex = i;
      const m = HEADER.exec(text);
      // Every object but `dotnet { ... }` has a name; a keyword without one is not a header.
      if (m && OBJECT_KEYWORDS.has(m[1].toLowerCase()) && (m[3] !== undefined || m[1].toLowerCase() === 'dotnet')) {
        if (linesFrom >= 0) {
          for (let k = text.indexOf('\n', linesFrom); k >= 0 && k < linesTo; k = text.indexOf('\n', k + 1)) line++;
          linesFrom = -1;
        }
        current = { type: m[1].toLowerCase(), id: m[2] ? parseInt(m[2], 10) : 0, name: m[3] === undefined ? '' : unquote(m[3]), line, subscribes: [] };
        if (m[4]) current.extends = unquote(lastSegment(m[4]));
        out.push(current);
        i = HEADER.lastIndex;
        continue;
      }
    }
    if (current && depth === 1 && wasLineStart && isLetter(c)) {
      PROPERTY.lastIndex = i;
      const m = PROPERTY.exec(text);
      if (m) {
        const key = m[1].toLowerCase();
        const value = m[2].startsWith("'") ? m[2].slice(1, -1).replace(/''/g, "'") : m[2];
        if (key === 'obsoletestate') current.obsoleteState = value.toLowerCase();
        else if (key === 'movedto') current.movedTo = value.toLowerCase();
        else if (key === 'movedfrom') current.movedFrom = value.toLowerCase();
        else current.access = value.toLowerCase();
        i = PROPERTY.lastIndex;
        continue;
      }
      BODY_START.lastIndex = i;
      if (BODY_START.test(text)) {
        i = skipBody(i);
        continue;
      }
    }
    if (current && depth === 1 && c === 91 /* [ */) {
      i = skipBody(i);
      continue;
    }
    i++;
  }
  return out;
}

/** `Database::"Sales Header"` / `Codeunit::Microsoft.Sales."Sales-Post"` / `18` -> `sales header` / `sales-post` / `18`. */
export function publisherKey(ref: string): string {
  const r = ref.trim();
  const at = r.lastIndexOf('::');
  const name = at >= 0 ? r.slice(at + 2) : r;
  return unquote(lastSegment(name.trim())).toLowerCase();
}

function lastSegment(name: string): string {
  if (name.endsWith('"')) {
    const open = name.lastIndexOf('"', name.length - 2);
    return open >= 0 ? name.slice(open) : name;
  }
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1) : name;
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') && s.length >= 2 ? s.slice(1, -1).replace(/""/g, '"') : s;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
