// The parser core: a cursor over the scanner's token arrays, token/missing-token/error-node construction,
// error reporting and the recursion guard. The grammar lives in parseObjects/parseMembers/parseTypes/
// parseStatements/parseExpressions, each a set of functions over this Parser.
import { SyntaxKind } from './syntaxKind';
import { FLAG_KEYWORD_AS_IDENTIFIER, FLAG_MISSING, SyntaxNode, makeNode, makeToken, type SyntaxError } from './node';
import type { ScanResult } from './scanner';

/** Deepest nesting of statements/expressions/members before the parser yields an error node instead of recursing. */
export const MAX_DEPTH = 250;

export class Parser {
  readonly text: string;
  readonly errors: SyntaxError[] = [];
  /** Index of the current token. */
  pos = 0;
  /** Kind of the current token (cached kinds[pos]). A method, not a field, so TypeScript does not narrow it across take(). */
  private kind: SyntaxKind;
  depth = 0;
  private readonly count: number;
  private readonly kinds: Uint16Array;
  private readonly fullStarts: Int32Array;
  private readonly starts: Int32Array;
  private readonly triviaIdx: Int32Array;
  /** Offset of the last reported error, to report one error per position (cascades add noise, not help). */
  private lastErrorAt = -1;

  /**
   * Skim procedure bodies: a well-formed `begin ... end` becomes a Block of its two keywords (see parseBlock). For
   * indexing declarations only; such a tree is not lossless and reports no errors inside skimmed bodies.
   */
  skimBodies = false;

  constructor(text: string, scan: ScanResult) {
    this.text = text;
    this.count = scan.count;
    this.kinds = scan.kinds;
    this.fullStarts = scan.fullStarts;
    this.starts = scan.starts;
    this.triviaIdx = scan.triviaIdx;
    this.kind = this.kinds[0];
  }

  cur(): SyntaxKind {
    return this.kind;
  }

  peek(n: number): SyntaxKind {
    const i = this.pos + n;
    return i < this.count ? this.kinds[i] : SyntaxKind.EndOfFileToken;
  }

  /** Start offset of the current token's text. */
  get tokenStart(): number {
    return this.starts[this.pos];
  }
  /** End offset of token i's text. */
  tokenEnd(i: number): number {
    return i + 1 < this.count ? this.fullStarts[i + 1] : this.text.length;
  }
  /** End of the previous token's text (where a missing token is placed). */
  get prevEnd(): number {
    return this.pos > 0 ? this.fullStarts[this.pos] : 0;
  }
  /** True when a line break separates the previous token from the current one. */
  get newlineBefore(): boolean {
    const t = this.text;
    for (let i = this.fullStarts[this.pos]; i < this.starts[this.pos]; i++) {
      const c = t.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return false;
  }

  /** Lower-case text of the current token (only for rare contextual decisions; allocates). */
  currentTextLower(): string {
    return this.text.slice(this.starts[this.pos], this.tokenEnd(this.pos)).toLowerCase();
  }
  /** Whether the current token's text equals `lower` ignoring ASCII case (no allocation). */
  currentIs(lower: string): boolean {
    const s = this.starts[this.pos];
    if (this.tokenEnd(this.pos) - s !== lower.length) return false;
    for (let i = 0; i < lower.length; i++) if ((this.text.charCodeAt(s + i) | 32) !== lower.charCodeAt(i)) return false;
    return true;
  }

  /**
   * From a `begin`, the index of its matching `end` when the tokens up to it nest (begin/case ... end), or -1 when the
   * body does not close before a `procedure`/`trigger` keyword or the end of the file (then it is parsed in full, with
   * its errors). `.End` (a member named so) does not count.
   */
  matchingEnd(): number {
    const kinds = this.kinds;
    let depth = 0;
    for (let i = this.pos; i < this.count; i++) {
      const k = kinds[i];
      if (i > this.pos && kinds[i - 1] === SyntaxKind.DotToken) continue;
      if (k === SyntaxKind.BeginKeyword || k === SyntaxKind.CaseKeyword) depth++;
      else if (k === SyntaxKind.EndKeyword) {
        if (--depth === 0) return i;
      } else if (k === SyntaxKind.ProcedureKeyword || k === SyntaxKind.TriggerKeyword || k === SyntaxKind.EndOfFileToken) return -1;
    }
    return -1;
  }

  /** Moves to token i without building nodes for the tokens passed (skimmed bodies). */
  jumpTo(i: number): void {
    this.pos = i;
    this.kind = this.kinds[i];
  }

  /** Consumes the current token as is. Never consumes the end-of-file token (returns a missing one instead). */
  take(): SyntaxNode {
    return this.takeAs(this.kind, 0);
  }

  /** Consumes the current token giving it `kind` (used to turn a contextual keyword into an Identifier). */
  takeAs(kind: SyntaxKind, flags: number): SyntaxNode {
    const i = this.pos;
    if (this.kinds[i] === SyntaxKind.EndOfFileToken) return this.missingToken(kind);
    const t = makeToken(kind, this.fullStarts[i], this.starts[i], this.tokenEnd(i), this.triviaIdx[i], flags);
    this.pos = i + 1;
    this.kind = this.kinds[i + 1];
    return t;
  }

  /** Consumes the current (keyword or identifier) token as an Identifier. */
  takeIdentifier(): SyntaxNode {
    const k = this.kind;
    if (k === SyntaxKind.Identifier || k === SyntaxKind.QuotedIdentifier) return this.takeAs(k, 0);
    return this.takeAs(SyntaxKind.Identifier, FLAG_KEYWORD_AS_IDENTIFIER);
  }

  /** The end-of-file token (only the source file takes it). */
  takeEndOfFile(): SyntaxNode {
    const i = this.count - 1;
    return makeToken(SyntaxKind.EndOfFileToken, this.fullStarts[i], this.starts[i], this.text.length, this.triviaIdx[i], 0);
  }

  /** A zero-width token that is not in the source, placed at the end of the previous token. */
  missingToken(kind: SyntaxKind): SyntaxNode {
    const p = this.prevEnd;
    return makeToken(kind, p, p, p, -1, FLAG_MISSING);
  }

  /** Consumes a token of `kind`, or reports `expected ...` and returns a missing token. */
  expect(kind: SyntaxKind, what: string): SyntaxNode {
    if (this.kind === kind) return this.take();
    this.errorExpected(what);
    return this.missingToken(kind);
  }

  /** Consumes an identifier (or a keyword allowed as a name), or reports and returns a missing Identifier. */
  expectIdentifier(what: string): SyntaxNode {
    if (isNameToken(this.kind)) return this.takeIdentifier();
    this.errorExpected(what);
    return this.missingToken(SyntaxKind.Identifier);
  }

  errorExpected(what: string): void {
    const k = this.kind;
    const found = k === SyntaxKind.EndOfFileToken ? 'end of file' : `'${this.text.slice(this.starts[this.pos], Math.min(this.tokenEnd(this.pos), this.starts[this.pos] + 40))}'`;
    // Report at the end of the previous token when the current token is on a later line (a missing ';' belongs there).
    if (this.pos > 0 && this.newlineBefore) {
      const p = this.prevEnd;
      this.error(p, p, `expected ${what}`);
    } else this.error(this.starts[this.pos], this.tokenEnd(this.pos), `expected ${what}, found ${found}`);
  }

  error(start: number, end: number, message: string): void {
    if (start === this.lastErrorAt) return;
    this.lastErrorAt = start;
    this.errors.push({ start, end, message });
  }

  /** Wraps the current token in an ErrorNode (reporting `message`) and consumes it. */
  skipToken(message: string): SyntaxNode {
    this.error(this.starts[this.pos], this.tokenEnd(this.pos), message);
    const t = this.take();
    return makeNode(SyntaxKind.ErrorNode, [t], t.start);
  }

  /** Wraps the current token in an ErrorNode reporting "unexpected 'x'". */
  skipUnexpected(where: string): SyntaxNode {
    const text = this.text.slice(this.starts[this.pos], Math.min(this.tokenEnd(this.pos), this.starts[this.pos] + 40));
    return this.skipToken(`unexpected '${text}' ${where}`);
  }

  node(kind: SyntaxKind, children: SyntaxNode[]): SyntaxNode {
    return makeNode(kind, children, this.prevEnd);
  }

  // A scratch stack for building variable-length child lists: children are pushed, then copied out with
  // slice() into an exactly sized array. Growing arrays with push() would leave ~17-slot backing stores on
  // every node (memory and GC time); the scratch stack dies with the parser, so no tree outlives a parse.
  private readonly stack: SyntaxNode[] = [];
  private top = 0;

  /** Start of a child list on the scratch stack. */
  mark(): number {
    return this.top;
  }
  push(n: SyntaxNode): void {
    this.stack[this.top++] = n;
  }
  /** Number of children pushed since `mark`. */
  pushedSince(mark: number): number {
    return this.top - mark;
  }
  /** Pops the children pushed since `mark` into a new node of `kind`. */
  finish(kind: SyntaxKind, mark: number): SyntaxNode {
    const children = this.stack.slice(mark, this.top);
    this.top = mark;
    return makeNode(kind, children, this.prevEnd);
  }

  /** Enters one level of nesting; false (and an error) when the depth limit is reached. */
  enter(): boolean {
    if (this.depth >= MAX_DEPTH) {
      this.error(this.starts[this.pos], this.tokenEnd(this.pos), 'nesting too deep');
      return false;
    }
    this.depth++;
    return true;
  }
  leave(): void {
    this.depth--;
  }
  /** The error node returned when the depth limit is reached: it consumes one token so parsing progresses. */
  depthErrorNode(): SyntaxNode {
    if (this.kind === SyntaxKind.EndOfFileToken) return makeNode(SyntaxKind.ErrorNode, [], this.prevEnd);
    const t = this.take();
    return makeNode(SyntaxKind.ErrorNode, [t], t.start);
  }
}

/**
 * Keywords that are reserved: never names. Every other keyword (object types, `local`, `internal`, `event`,
 * `temporary`, `break`, ...) is contextual and may name a field, variable or member.
 */
const reserved = new Uint8Array(SyntaxKind.LastKeyword + 1);
for (const k of [
  SyntaxKind.BeginKeyword, SyntaxKind.EndKeyword, SyntaxKind.IfKeyword, SyntaxKind.ThenKeyword, SyntaxKind.ElseKeyword,
  SyntaxKind.CaseKeyword, SyntaxKind.WhileKeyword, SyntaxKind.DoKeyword, SyntaxKind.RepeatKeyword, SyntaxKind.UntilKeyword,
  SyntaxKind.ForKeyword, SyntaxKind.ForEachKeyword, SyntaxKind.ToKeyword, SyntaxKind.DownToKeyword, SyntaxKind.WithKeyword,
  SyntaxKind.ExitKeyword, SyntaxKind.AssertErrorKeyword, SyntaxKind.AndKeyword, SyntaxKind.OrKeyword, SyntaxKind.XorKeyword,
  SyntaxKind.NotKeyword, SyntaxKind.DivKeyword, SyntaxKind.ModKeyword, SyntaxKind.InKeyword, SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword, SyntaxKind.VarKeyword, SyntaxKind.ProcedureKeyword, SyntaxKind.TriggerKeyword,
  SyntaxKind.OfKeyword, SyntaxKind.ThisKeyword,
]) reserved[k] = 1;

/** Whether a token of this kind can be a name (identifier, quoted identifier or contextual keyword). */
export function isNameToken(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.Identifier || kind === SyntaxKind.QuotedIdentifier || (kind >= SyntaxKind.FirstKeyword && kind <= SyntaxKind.LastKeyword && reserved[kind] === 0);
}

/** Whether a token is any word (identifier or any keyword): member names after '.' and namespace parts. */
export function isWordToken(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.Identifier || kind === SyntaxKind.QuotedIdentifier || (kind >= SyntaxKind.FirstKeyword && kind <= SyntaxKind.LastKeyword);
}
