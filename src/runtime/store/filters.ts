// AL filter expressions (SetFilter text and SetRange ranges) parsed once and compiled to predicates on a
// field's values: `=`, `<>`, `<`, `<=`, `>`, `>=`, `a..b` with open ends, `|`, `&`, parentheses, `*` and
// `?` wildcards, `@` (case-insensitive), `''` (empty), quoted literals, and `%1` substitution.
import { AlRuntimeError, type FieldDef, type FieldFilter, type FieldValue } from '../contracts';
import { compareValues } from '../values/compare';
import { evaluateText, type EvaluateContext } from '../values/evaluate';

export type FilterNode =
  | { kind: 'or'; items: FilterNode[] }
  | { kind: 'and'; items: FilterNode[] }
  | { kind: 'cmp'; op: '=' | '<>' | '<' | '<=' | '>' | '>='; value: string; quoted: boolean; ci: boolean }
  | { kind: 'range'; from?: string; to?: string; ci: boolean };

export interface FilterOptions extends EvaluateContext {
  /**
   * Text collation. false (the default, as BC's SQL collation Latin1_General_100_CI_AS): comparisons are
   * case-insensitive and `@` changes nothing. true: case-sensitive, and `@` makes one term case-insensitive.
   */
  caseSensitive?: boolean;
}

function filterError(expression: string, why: string): AlRuntimeError {
  return new AlRuntimeError(`The filter '${expression}' is not valid: ${why}`);
}

// ---------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------

class FilterParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): FilterNode {
    const node = this.parseOr();
    this.skipSpaces();
    if (this.i < this.s.length) throw filterError(this.s, `unexpected '${this.s[this.i]}' at position ${this.i + 1}.`);
    return node;
  }

  private skipSpaces(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  private parseOr(): FilterNode {
    const items = [this.parseAnd()];
    while (this.peek() === '|') { this.i++; items.push(this.parseAnd()); }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private parseAnd(): FilterNode {
    const items = [this.parseUnary()];
    while (this.peek() === '&') { this.i++; items.push(this.parseUnary()); }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private peek(): string | undefined {
    this.skipSpaces();
    return this.s[this.i];
  }

  private parseUnary(): FilterNode {
    if (this.peek() === '(') {
      this.i++;
      const inner = this.parseOr();
      if (this.peek() !== ')') throw filterError(this.s, 'a closing parenthesis is missing.');
      this.i++;
      return inner;
    }
    return this.parseTerm();
  }

  private parseTerm(): FilterNode {
    this.skipSpaces();
    let ci = false;
    if (this.s[this.i] === '@') { ci = true; this.i++; }
    this.skipSpaces();
    const two = this.s.slice(this.i, this.i + 2);
    let op: '=' | '<>' | '<' | '<=' | '>' | '>=' | undefined;
    if (two === '<>' || two === '<=' || two === '>=') { op = two; this.i += 2; }
    else if (this.s[this.i] === '<' || this.s[this.i] === '>' || this.s[this.i] === '=') { op = this.s[this.i] as '<' | '>' | '='; this.i++; }
    if (!ci && this.peek() === '@') { ci = true; this.i++; }
    if (op) {
      const v = this.readValue();
      return { kind: 'cmp', op, value: v.text, quoted: v.quoted, ci };
    }
    const from = this.readValue();
    if (this.s.startsWith('..', this.i)) {
      this.i += 2;
      const to = this.readValue();
      return { kind: 'range', from: from.empty ? undefined : from.text, to: to.empty ? undefined : to.text, ci };
    }
    if (from.empty) throw filterError(this.s, `a value is missing at position ${this.i + 1}.`);
    return { kind: 'cmp', op: '=', value: from.text, quoted: from.quoted, ci };
  }

  /** A quoted literal ('it''s', '' = empty) or the raw text up to the next operator; `empty` when nothing was there. */
  private readValue(): { text: string; quoted: boolean; empty: boolean } {
    this.skipSpaces();
    if (this.s[this.i] === "'") {
      let out = '';
      this.i++;
      while (this.i < this.s.length) {
        if (this.s[this.i] === "'") {
          if (this.s[this.i + 1] === "'") { out += "'"; this.i += 2; continue; }
          break;
        }
        out += this.s[this.i++];
      }
      if (this.s[this.i] !== "'") throw filterError(this.s, 'a closing quote is missing.');
      this.i++;
      this.skipSpaces();
      return { text: out, quoted: true, empty: false };
    }
    const start = this.i;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '|' || c === '&' || c === '(' || c === ')' || c === '<' || c === '>' || c === '=') break;
      if (c === '.' && this.s[this.i + 1] === '.') break;
      this.i++;
    }
    const text = this.s.slice(start, this.i).trim();
    return { text, quoted: false, empty: text === '' };
  }
}

const parseCache = new Map<string, FilterNode>();

/** Parses a filter expression (cached); throws an AL error naming the expression when it is malformed. */
export function parseFilter(expression: string): FilterNode {
  let node = parseCache.get(expression);
  if (!node) {
    node = new FilterParser(expression).parse();
    if (parseCache.size > 5000) parseCache.clear();
    parseCache.set(expression, node);
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------------
// Compiling against a typed field
// ---------------------------------------------------------------------------------------------------------

export type Predicate = (v: FieldValue) => boolean;

function isTextType(field: FieldDef): boolean {
  return field.type === 'Text' || field.type === 'Code';
}

/** A wildcard match; the common shapes `abc*`, `*abc` and `*abc*` avoid a regular expression. */
function wildcardPredicate(pattern: string, ci: boolean): Predicate {
  const body = pattern.replace(/^\*+|\*+$/g, '');
  if (!/[*?]/.test(body) && body !== '') {
    const lead = pattern.startsWith('*');
    const trail = pattern.endsWith('*');
    const needle = ci ? body.toLowerCase() : body;
    const norm = ci ? (v: FieldValue) => String(v).toLowerCase() : (v: FieldValue) => String(v);
    if (lead && trail) return (v) => norm(v).includes(needle);
    if (trail) return (v) => norm(v).startsWith(needle);
    if (lead) return (v) => norm(v).endsWith(needle);
  }
  const re = wildcardRegex(pattern, ci);
  return (v) => re.test(String(v));
}

function wildcardRegex(pattern: string, ci: boolean): RegExp {
  let re = '^';
  for (const c of pattern) {
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(re + '$', ci ? 'i' : '');
}

/** Converts filter text to a value of the field's type, with BC-like errors naming the field. */
export function filterValue(field: FieldDef, text: string, options: FilterOptions = {}, tableName = ''): FieldValue {
  if (field.type === 'Code') return text.toUpperCase();
  if (field.type === 'Text') return text;
  const r = evaluateText({ type: field.type, optionMembers: field.optionMembers }, text, options);
  if (!r.ok) {
    throw new AlRuntimeError(`The filter "${text}" is not valid for the ${field.name} field${tableName ? ` on the ${tableName} table` : ''}. ${r.error}`);
  }
  return r.value;
}

function textCompare(a: string, b: string, ci: boolean): number {
  const x = ci ? a.toLowerCase() : a;
  const y = ci ? b.toLowerCase() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compileNode(node: FilterNode, field: FieldDef, options: FilterOptions, tableName: string): Predicate {
  switch (node.kind) {
    case 'or': {
      const ps = node.items.map((n) => compileNode(n, field, options, tableName));
      return (v) => ps.some((p) => p(v));
    }
    case 'and': {
      const ps = node.items.map((n) => compileNode(n, field, options, tableName));
      return (v) => ps.every((p) => p(v));
    }
    case 'range': {
      if (isTextType(field)) {
        // Code values are upper case and sort by code point: compare them as they are (after upper-casing the filter).
        const ci = field.type === 'Text' && (!options.caseSensitive || node.ci);
        const from = node.from === undefined ? undefined : field.type === 'Code' ? node.from.toUpperCase() : node.from;
        const to = node.to === undefined ? undefined : field.type === 'Code' ? node.to.toUpperCase() : node.to;
        return (v) => {
          const s = String(v);
          return (from === undefined || textCompare(s, from, ci) >= 0) && (to === undefined || textCompare(s, to, ci) <= 0);
        };
      }
      const from = node.from === undefined ? undefined : filterValue(field, node.from, options, tableName);
      const to = node.to === undefined ? undefined : filterValue(field, node.to, options, tableName);
      return (v) => (from === undefined || compareValues(field.type, v, from) >= 0) && (to === undefined || compareValues(field.type, v, to) <= 0);
    }
    case 'cmp': {
      if (isTextType(field)) {
        const ci = field.type === 'Text' && (!options.caseSensitive || node.ci);
        const value = field.type === 'Code' ? node.value.toUpperCase() : node.value;
        const wild = !node.quoted && /[*?]/.test(value);
        if (node.op === '=' || node.op === '<>') {
          let eq: Predicate;
          if (wild) {
            eq = wildcardPredicate(value, ci);
          } else {
            eq = (v) => textCompare(String(v), value, ci) === 0;
          }
          return node.op === '=' ? eq : (v) => !eq(v);
        }
        return cmpPredicate(node.op, (v) => textCompare(String(v), value, ci));
      }
      if (!node.quoted && /[*?]/.test(node.value)) {
        throw new AlRuntimeError(`The filter "${node.value}" is not valid for the ${field.name} field${tableName ? ` on the ${tableName} table` : ''}: wildcards apply to Text and Code fields only.`);
      }
      const value = filterValue(field, node.value, options, tableName);
      return cmpPredicate(node.op, (v) => compareValues(field.type, v, value));
    }
  }
}

function cmpPredicate(op: '=' | '<>' | '<' | '<=' | '>' | '>=', cmp: (v: FieldValue) => number): Predicate {
  switch (op) {
    case '=': return (v) => cmp(v) === 0;
    case '<>': return (v) => cmp(v) !== 0;
    case '<': return (v) => cmp(v) < 0;
    case '<=': return (v) => cmp(v) <= 0;
    case '>': return (v) => cmp(v) > 0;
    case '>=': return (v) => cmp(v) >= 0;
  }
}

/** A SetRange range: equality (to undefined) or an inclusive range; no wildcard or operator meaning. */
function compileRange(field: FieldDef, range: { from: FieldValue; to?: FieldValue }, options: FilterOptions): Predicate {
  if (isTextType(field)) {
    const ci = field.type === 'Text' && !options.caseSensitive;
    const up = (v: FieldValue) => (field.type === 'Code' ? String(v).toUpperCase() : String(v));
    const from = up(range.from);
    if (range.to === undefined) return (v) => textCompare(String(v), from, ci) === 0;
    const to = up(range.to);
    return (v) => textCompare(String(v), from, ci) >= 0 && textCompare(String(v), to, ci) <= 0;
  }
  if (range.to === undefined) return (v) => compareValues(field.type, v, range.from) === 0;
  const to = range.to;
  return (v) => compareValues(field.type, v, range.from) >= 0 && compareValues(field.type, v, to) <= 0;
}

/** The collation order a range filter on the field uses (for binary searches over key-ordered rows). */
export function rangeCompare(field: FieldDef, options: FilterOptions): (a: FieldValue, b: FieldValue) => number {
  if (field.type === 'Text') {
    const ci = !options.caseSensitive;
    return (a, b) => textCompare(String(a), String(b), ci);
  }
  if (field.type === 'Code') return (a, b) => textCompare(String(a), String(b).toUpperCase(), false);
  return (a, b) => compareValues(field.type, a, b);
}

/** Compiles one FieldFilter (range or expression) for a field; throws an AL error for malformed filters. */
export function compileFieldFilter(field: FieldDef, filter: FieldFilter, options: FilterOptions = {}, tableName = ''): Predicate {
  if (filter.range) return compileRange(field, filter.range, options);
  if (filter.expression === undefined || filter.expression === '') return () => true;
  return compileNode(parseFilter(filter.expression), field, options, tableName);
}

// ---------------------------------------------------------------------------------------------------------
// Substitution and quoting
// ---------------------------------------------------------------------------------------------------------

/** Quotes a literal value for a filter text when it holds characters with a filter meaning (or is empty). */
export function quoteFilterValue(text: string): string {
  if (text === '') return "''";
  if (/[&|()<>=*?@']|\.\./.test(text) || text !== text.trim()) {
    return `'${text.replace(/'/g, "''")}'`;
  }
  return text;
}

/**
 * SetFilter(Field, String, Value1, ...): replaces `%1`..`%n` with the formatted values as literals
 * (quoted when they contain filter characters, so 'A&B' matches the text A&B, as in BC).
 */
export function substituteFilter(expression: string, values: string[]): string {
  return expression.replace(/%(\d+)/g, (whole, n: string) => {
    const v = values[parseInt(n, 10) - 1];
    return v === undefined ? whole : quoteFilterValue(v);
  });
}
