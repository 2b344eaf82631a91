// Expands a VS Code snippet body to the text the editor inserts when every placeholder keeps its default:
// ${1:default} -> default (nested placeholders expanded), ${1|a,b|} -> a, $1/${1}/$0 -> nothing, \$ \} \\ -> literal.
// It also records each tab stop's defaults so tests can check that repeated tab stops agree.

export interface Expansion {
  text: string;
  /** Tab stop number -> the default text of each of its occurrences (empty for bare $1). */
  tabStops: Map<number, string[]>;
}

export class SnippetSyntaxError extends Error {}

export function expandSnippet(body: string | string[]): Expansion {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const tabStops = new Map<number, string[]>();
  let pos = 0;

  const fail = (what: string): never => {
    throw new SnippetSyntaxError(`${what} at offset ${pos} in snippet body: ${JSON.stringify(source.slice(Math.max(0, pos - 20), pos + 20))}`);
  };
  const record = (n: number, text: string): void => {
    const list = tabStops.get(n) ?? [];
    list.push(text);
    tabStops.set(n, list);
  };

  /** Reads text until one of `stops` (unescaped) or the end; `inChoice` also honours \, and \| escapes. */
  function parseText(stops: string, inChoice = false): string {
    let out = '';
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\') {
        const next = source[pos + 1];
        if (next === '$' || next === '}' || next === '\\' || (inChoice && (next === ',' || next === '|'))) {
          out += next;
          pos += 2;
          continue;
        }
        out += ch;
        pos++;
        continue;
      }
      if (stops.includes(ch)) return out;
      if (ch === '$' && !inChoice) {
        out += parseDollar();
        continue;
      }
      out += ch;
      pos++;
    }
    return out;
  }

  function parseDollar(): string {
    pos++; // the $
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(pos));
    if (simple) {
      pos += simple[0].length;
      if (/^\d/.test(simple[0])) record(Number(simple[0]), '');
      return /^\d/.test(simple[0]) ? '' : variable(simple[0], undefined);
    }
    if (source[pos] !== '{') return '$'; // a lone $ is literal text in VS Code snippets
    pos++;
    const head = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(pos));
    if (!head) return fail('expected a tab stop number or variable name after ${');
    pos += head[0].length;
    const isTabStop = /^\d/.test(head[0]);
    const sep = source[pos];
    if (sep === '}') {
      pos++;
      if (isTabStop) record(Number(head[0]), '');
      return isTabStop ? '' : variable(head[0], undefined);
    }
    if (sep === ':') {
      pos++;
      const inner = parseText('}');
      if (source[pos] !== '}') fail('unclosed ${');
      pos++;
      if (isTabStop) record(Number(head[0]), inner);
      return isTabStop ? inner : variable(head[0], inner);
    }
    if (sep === '|' && isTabStop) {
      pos++;
      const options: string[] = [];
      for (;;) {
        options.push(parseText(',|', true));
        const c = source[pos];
        pos++;
        if (c === ',') continue;
        if (c === '|' && source[pos] === '}') break;
        fail('malformed choice');
      }
      pos++;
      record(Number(head[0]), options[0]);
      return options[0];
    }
    return fail(`unexpected ${JSON.stringify(sep)} in \${${head[0]}`);
  }

  function variable(name: string, fallback: string | undefined): string {
    // Our snippets use no variables; an unknown one would be inserted as a placeholder named after it.
    return fallback ?? name;
  }

  // At the top level a lone } is text, as in VS Code (AL object bodies end with one).
  const text = parseText('');
  return { text, tabStops };
}
