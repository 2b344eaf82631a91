// A JSON reader that remembers the line of every object and array, so scenario and settings errors can name
// the file and line of the offending step (JSON.parse only reports a character offset, and only for syntax).

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface JsonDocument {
  value: unknown;
  /** 1-based line where an object or array starts. */
  lineOf(node: object): number | undefined;
}

/** Parses strict JSON (RFC 8259). Throws JsonSyntaxError with a 1-based line. */
export function parseJsonWithLines(text: string): JsonDocument {
  const lines = new WeakMap<object, number>();
  let pos = 0;
  let line = 1;

  const fail = (what: string): never => {
    throw new JsonSyntaxError(what, line);
  };
  const skip = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return;
      pos++;
    }
  };
  const describe = (): string => (pos >= text.length ? 'end of file' : `'${text[pos]}'`);

  const value = (): unknown => {
    skip();
    const c = text[pos];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't' && text.startsWith('true', pos)) return (pos += 4), true;
    if (c === 'f' && text.startsWith('false', pos)) return (pos += 5), false;
    if (c === 'n' && text.startsWith('null', pos)) return (pos += 4), null;
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 64));
    if (m && m[0].length > 0) {
      pos += m[0].length;
      return Number(m[0]);
    }
    return fail(`unexpected ${describe()}, expected a JSON value`);
  };

  const string = (): string => {
    pos++; // opening quote
    let out = '';
    while (pos < text.length) {
      const c = text[pos];
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\n') fail('unterminated string');
      if (c === '\\') {
        const e = text[pos + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape in string');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
          continue;
        }
        if (!(e in map)) fail(`bad escape '\\${e ?? ''}' in string`);
        out += map[e];
        pos += 2;
        continue;
      }
      out += c;
      pos++;
    }
    return fail('unterminated string');
  };

  const object = (): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    lines.set(obj, line);
    pos++;
    skip();
    if (text[pos] === '}') return pos++, obj;
    for (;;) {
      skip();
      if (text[pos] !== '"') fail(`unexpected ${describe()}, expected a property name in double quotes`);
      const key = string();
      skip();
      if (text[pos] !== ':') fail(`unexpected ${describe()}, expected ':' after "${key}"`);
      pos++;
      obj[key] = value();
      skip();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') return pos++, obj;
      fail(`unexpected ${describe()}, expected ',' or '}'`);
    }
  };

  const array = (): unknown[] => {
    const arr: unknown[] = [];
    lines.set(arr, line);
    pos++;
    skip();
    if (text[pos] === ']') return pos++, arr;
    for (;;) {
      arr.push(value());
      skip();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') return pos++, arr;
      fail(`unexpected ${describe()}, expected ',' or ']'`);
    }
  };

  const result = value();
  skip();
  if (pos < text.length) fail(`unexpected ${describe()} after the JSON value`);
  return { value: result, lineOf: (node) => lines.get(node) };
}
