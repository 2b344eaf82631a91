// .NET regular expressions on JS RegExp: translates a .NET pattern and RegexOptions to a JS source and flags,
// and keeps .NET's group numbering (unnamed groups first, then named ones) so Groups.Item(n) and $n agree with BC.

export interface TranslatedRegex {
  re: RegExp;
  /** .NET group number -> JS group index (0 is the whole match). */
  jsIndex: number[];
  /** .NET group number -> name ("0", "1"... for unnamed groups). */
  names: string[];
}

export const RegexOptions = { IgnoreCase: 1, Multiline: 2, ExplicitCapture: 4, Compiled: 8, Singleline: 16, IgnorePatternWhitespace: 32, RightToLeft: 64, ECMAScript: 256, CultureInvariant: 512 };

export class RegexSyntaxError extends Error {}

export function translate(pattern: string, options: number): TranslatedRegex {
  let flags = 'dg';
  let ignoreCase = (options & RegexOptions.IgnoreCase) !== 0;
  let multiline = (options & RegexOptions.Multiline) !== 0;
  let singleline = (options & RegexOptions.Singleline) !== 0;
  let explicit = (options & RegexOptions.ExplicitCapture) !== 0;
  let freeSpacing = (options & RegexOptions.IgnorePatternWhitespace) !== 0;
  const unicode = /\\[pP]\{/.test(pattern);
  let out = '';
  let inClass = false;
  const groups: { name?: string }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new RegexSyntaxError(`Invalid pattern '${pattern}' at offset ${i + 1}. Illegal \\ at end of pattern.`);
      i++;
      if (!inClass && n === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && n === 'z') out += '(?![\\s\\S])';
      else if (!inClass && n === 'Z') out += '(?=\\n?(?![\\s\\S]))';
      else if (!inClass && n === 'G') out += '';
      else if (n === 'k' && pattern[i + 1] === "'") {
        const end = pattern.indexOf("'", i + 2);
        out += `\\k<${pattern.slice(i + 2, end)}>`;
        i = end;
      } else if (unicode && /[^\w\\^$.*+?()[\]{}|/\-pPdDsSwWbBnrtfv0-9ux]/.test(n)) out += n === '-' && !inClass ? '-' : `\\${n}`;
      else if (unicode && n === '-' && !inClass) out += '-';
      else out += `\\${n}`;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (freeSpacing && /\s/.test(c)) continue;
    if (freeSpacing && c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] !== '?') {
        if (explicit) out += '(?:';
        else {
          groups.push({});
          out += '(';
        }
        continue;
      }
      const rest = pattern.slice(i + 2);
      const named = /^(?:<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)'|P<([A-Za-z_][A-Za-z0-9_]*)>)/.exec(rest);
      if (named) {
        const name = named[1] ?? named[2] ?? named[3];
        groups.push({ name });
        out += `(?<${name}>`;
        i += 1 + named[0].length;
        continue;
      }
      if (rest.startsWith('#')) {
        const end = pattern.indexOf(')', i);
        i = end < 0 ? pattern.length : end;
        continue;
      }
      if (rest.startsWith('>')) {
        out += '(?:';
        i += 2;
        continue;
      }
      const inline = /^([imnsx]*)(?:-([imnsx]*))?(\)|:)/.exec(rest);
      if (inline && (inline[1] || inline[2])) {
        const on = inline[1];
        const off = inline[2] ?? '';
        // Inline options apply to the whole pattern here (JS has no scoped modifiers on this Node version).
        if (on.includes('i')) ignoreCase = true;
        if (on.includes('m')) multiline = true;
        if (on.includes('s')) singleline = true;
        if (on.includes('n')) explicit = true;
        if (on.includes('x')) freeSpacing = true;
        if (off.includes('i')) ignoreCase = false;
        i += 1 + inline[0].length;
        if (inline[3] === ':') out += '(?:';
        continue;
      }
      out += c;
      continue;
    }
    out += c;
  }
  if (ignoreCase) flags += 'i';
  if (multiline) flags += 'm';
  if (singleline) flags += 's';
  if (unicode) flags += 'u';
  let re: RegExp;
  try {
    re = new RegExp(out, flags);
  } catch (e) {
    throw new RegexSyntaxError(`Invalid pattern '${pattern}'. ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  const unnamed: number[] = [];
  const named: { idx: number; name: string }[] = [];
  groups.forEach((g, k) => (g.name === undefined ? unnamed.push(k + 1) : named.push({ idx: k + 1, name: g.name })));
  const jsIndex = [0, ...unnamed, ...named.map((n) => n.idx)];
  const names = ['0', ...unnamed.map((_, k) => String(k + 1)), ...named.map((n) => n.name)];
  return { re, jsIndex, names };
}

/** Expands a .NET replacement pattern ($1, ${name}, $$, $&, $`, $', $+, $_) for one match. */
export function expandReplacement(tpl: string, m: RegExpExecArray, t: TranslatedRegex, input: string): string {
  let out = '';
  for (let i = 0; i < tpl.length; i++) {
    const c = tpl[i];
    if (c !== '$' || i === tpl.length - 1) {
      out += c;
      continue;
    }
    const n = tpl[i + 1];
    if (n === '$') {
      out += '$';
      i++;
    } else if (n === '&') {
      out += m[0];
      i++;
    } else if (n === '`') {
      out += input.slice(0, m.index);
      i++;
    } else if (n === "'") {
      out += input.slice(m.index + m[0].length);
      i++;
    } else if (n === '_') {
      out += input;
      i++;
    } else if (n === '+') {
      out += m[t.jsIndex[t.jsIndex.length - 1]] ?? '';
      i++;
    } else if (n === '{') {
      const end = tpl.indexOf('}', i);
      const key = end < 0 ? '' : tpl.slice(i + 2, end);
      const num = /^\d+$/.test(key) ? Number(key) : t.names.indexOf(key);
      if (end < 0 || num < 0 || num >= t.jsIndex.length) out += c;
      else {
        out += m[t.jsIndex[num]] ?? '';
        i = end;
      }
    } else if (/\d/.test(n)) {
      let j = i + 1;
      while (j < tpl.length && /\d/.test(tpl[j]) && Number(tpl.slice(i + 1, j + 1)) < t.jsIndex.length) j++;
      const num = Number(tpl.slice(i + 1, j));
      if (j === i + 1 || num >= t.jsIndex.length) out += c;
      else {
        out += m[t.jsIndex[num]] ?? '';
        i = j - 1;
      }
    } else out += c;
  }
  return out;
}

/** .NET Regex.Escape: escapes \, *, +, ?, |, {, [, (, ), ^, $, ., #, white space. */
export function regexEscape(s: string): string {
  return s.replace(/[\\*+?|{[()^$.#]/g, '\\$&').replace(/ /g, '\\ ').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\f/g, '\\f');
}

export function regexUnescape(s: string): string {
  return s.replace(/\\(u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|.)/g, (_m, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', a: '\x07', e: '\x1b' }[e] ?? e;
  });
}
