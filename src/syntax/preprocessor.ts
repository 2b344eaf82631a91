// Evaluation of preprocessor conditions (`#if NOT CLEAN24 AND (X OR Y)`) over a set of defined symbols.
// Undefined symbols are false. Works on a slice of the source text; never throws.

/** Result of evaluating a condition: its value, or an error message when it is malformed. */
export interface ConditionResult {
  value: boolean;
  error: string | undefined;
}

function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128;
}

/** Evaluates text[start, end) as a condition. Comments (`//`) end the condition. */
export function evaluateCondition(text: string, start: number, end: number, symbols: ReadonlySet<string>): ConditionResult {
  let pos = start;
  let error: string | undefined;
  // Tokens: identifiers, '(' and ')'; and/or/not are identifiers compared case-insensitively.
  let tok = '';
  function next(): void {
    while (pos < end && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
    if (pos >= end || (text.charCodeAt(pos) === 47 && text.charCodeAt(pos + 1) === 47)) {
      tok = '';
      pos = end;
      return;
    }
    const c = text.charCodeAt(pos);
    if (c === 40 || c === 41 || c === 33) {
      tok = text[pos++];
      return;
    }
    if (c === 38 && text.charCodeAt(pos + 1) === 38) {
      tok = 'and';
      pos += 2;
      return;
    }
    if (c === 124 && text.charCodeAt(pos + 1) === 124) {
      tok = 'or';
      pos += 2;
      return;
    }
    const s = pos;
    while (pos < end && isIdentChar(text.charCodeAt(pos))) pos++;
    if (pos === s) {
      error ??= `unexpected character '${text[pos]}' in preprocessor condition`;
      tok = '';
      pos = end;
      return;
    }
    tok = text.slice(s, pos);
  }
  function isWord(w: string): boolean {
    return tok.length === w.length && tok.toLowerCase() === w;
  }
  let depth = 0;
  function primary(): boolean {
    if (isWord('not') || tok === '!') {
      next();
      return !primary();
    }
    if (tok === '(') {
      next();
      if (++depth > 100) {
        error ??= 'preprocessor condition nested too deeply';
        pos = end;
        tok = '';
        return false;
      }
      const v = orExpr();
      depth--;
      if ((tok as string) !== ')') error ??= "expected ')' in preprocessor condition";
      else next();
      return v;
    }
    if (tok === '' || tok === ')' || isWord('and') || isWord('or')) {
      error ??= 'expected a symbol in preprocessor condition';
      return false;
    }
    const v = isWord('true') ? true : isWord('false') ? false : symbols.has(tok);
    next();
    return v;
  }
  function andExpr(): boolean {
    let v = primary();
    while (isWord('and')) {
      next();
      v = primary() && v;
    }
    return v;
  }
  function orExpr(): boolean {
    let v = andExpr();
    while (isWord('or')) {
      next();
      v = andExpr() || v;
    }
    return v;
  }
  next();
  const value = orExpr();
  if (tok !== '') error ??= `unexpected '${tok}' in preprocessor condition`;
  return { value, error };
}
