// The AL scanner: turns source text into flat token and trivia arrays, evaluating preprocessor directives so that
// inactive `#if` branches become DisabledText trivia. Works on charCodeAt numbers; allocates no per-token strings.
import { SyntaxKind } from './syntaxKind';
import { hashStep, lookupKeyword } from './keywords';
import { evaluateCondition } from './preprocessor';

export interface ScanError {
  start: number;
  end: number;
  message: string;
}

/**
 * Scanner output. Token i spans [starts[i], ends(i)) with its leading trivia in [fullStarts[i], starts[i]);
 * ends(i) = fullStarts[i + 1] for i < count - 1, and text.length for the last (end-of-file) token.
 * Invariant: the token full spans tile the text: fullStarts[0] = 0 and fullStarts[i+1] = end of token i.
 * Leading trivia of token i are trivia triviaIdx[i] .. triviaIdx[i+1]-1 (triviaIdx has count+1 entries).
 */
export interface ScanResult {
  count: number;
  kinds: Uint16Array;
  fullStarts: Int32Array;
  starts: Int32Array;
  triviaIdx: Int32Array;
  triviaCount: number;
  triviaKinds: Uint16Array;
  triviaStarts: Int32Array;
  errors: ScanError[];
}

// Reused buffers: a parse is synchronous, so one set serves every parse in turn (trees copy what they keep).
let cap = 0;
let kinds = new Uint16Array(0);
let fullStarts = new Int32Array(0);
let starts = new Int32Array(0);
let triviaIdx = new Int32Array(0);
let tcap = 0;
let triviaKinds = new Uint16Array(0);
let triviaStarts = new Int32Array(0);

function ensureTokens(n: number): void {
  if (n < cap) return;
  const c = Math.max(1024, cap * 2, n + 1);
  const k = new Uint16Array(c);
  k.set(kinds);
  kinds = k;
  const f = new Int32Array(c);
  f.set(fullStarts);
  fullStarts = f;
  const s = new Int32Array(c);
  s.set(starts);
  starts = s;
  const t = new Int32Array(c + 1);
  t.set(triviaIdx);
  triviaIdx = t;
  cap = c;
}
function ensureTrivia(n: number): void {
  if (n < tcap) return;
  const c = Math.max(1024, tcap * 2, n + 1);
  const k = new Uint16Array(c);
  k.set(triviaKinds);
  triviaKinds = k;
  const s = new Int32Array(c);
  s.set(triviaStarts);
  triviaStarts = s;
  tcap = c;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 128 && c !== 0xa0 && c !== 0xfeff && c !== 0x2028 && c !== 0x2029);
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const DIRECTIVE_IF = 1;
const DIRECTIVE_ELIF = 2;
const DIRECTIVE_ELSE = 3;
const DIRECTIVE_ENDIF = 4;
const DIRECTIVE_DEFINE = 5;
const DIRECTIVE_UNDEF = 6;
const DIRECTIVE_REGION = 7;
const DIRECTIVE_ENDREGION = 8;
const DIRECTIVE_PRAGMA = 9;
const directiveWords: Record<string, number> = {
  if: DIRECTIVE_IF,
  elif: DIRECTIVE_ELIF,
  else: DIRECTIVE_ELSE,
  endif: DIRECTIVE_ENDIF,
  define: DIRECTIVE_DEFINE,
  undef: DIRECTIVE_UNDEF,
  region: DIRECTIVE_REGION,
  endregion: DIRECTIVE_ENDREGION,
  pragma: DIRECTIVE_PRAGMA,
};

/** Scans the whole text. `symbols` are the preprocessor symbols defined before the file starts. */
export function scan(text: string, symbols: ReadonlySet<string>): ScanResult {
  const len = text.length;
  const errors: ScanError[] = [];
  let defined: Set<string> | undefined; // copied on the first #define/#undef
  let count = 0;
  let tcount = 0;
  let pos = 0;
  let lineStart = true;
  // Conditional-compilation nesting depth (each open #if that has not seen its #endif).
  let ifDepth = 0;

  function addTrivia(kind: SyntaxKind, start: number): void {
    ensureTrivia(tcount + 1);
    triviaKinds[tcount] = kind;
    triviaStarts[tcount] = start;
    tcount++;
  }

  function lineEnd(p: number): number {
    while (p < len) {
      const c = text.charCodeAt(p);
      if (c === 10 || c === 13) break;
      p++;
    }
    return p;
  }

  /** The directive word at `#` position p (0 when the text there is not a directive). */
  function directiveAt(p: number): { id: number; wordEnd: number } {
    let q = p + 1;
    while (q < len && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
    const ws = q;
    while (q < len) {
      const c = text.charCodeAt(q);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
      q++;
    }
    if (q === ws || q - ws > 9) return { id: 0, wordEnd: q };
    const id = directiveWords[text.slice(ws, q).toLowerCase()] ?? 0;
    return { id, wordEnd: q };
  }

  function condition(from: number, to: number): boolean {
    const r = evaluateCondition(text, from, to, defined ?? symbols);
    if (r.error) errors.push({ start: from, end: to, message: r.error });
    return r.value;
  }

  const SEEK_BRANCH = 0;
  const SEEK_END = 1;
  /**
   * Skips an inactive region starting at `pos` (the start of a line). Emits DisabledText up to the directive
   * that ends the region, then that directive; returns with pos after the directive line. In SEEK_BRANCH mode
   * an #elif whose condition holds or an #else re-activates the text; in SEEK_END mode only #endif ends it.
   */
  function skipInactive(mode: number): void {
    for (;;) {
      let depth = 0;
      const regionStart = pos;
      let p = pos;
      let found = -1;
      let foundId = 0;
      let foundWordEnd = 0;
      while (p < len) {
        // p is at a line start: look at the first non-blank character.
        let q = p;
        while (q < len && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
        if (q < len && text.charCodeAt(q) === 35) {
          const d = directiveAt(q);
          if (d.id === DIRECTIVE_IF) depth++;
          else if (d.id === DIRECTIVE_ENDIF) {
            if (depth === 0) {
              found = q;
              foundId = d.id;
              foundWordEnd = d.wordEnd;
              break;
            }
            depth--;
          } else if ((d.id === DIRECTIVE_ELSE || d.id === DIRECTIVE_ELIF) && depth === 0 && mode === SEEK_BRANCH) {
            found = q;
            foundId = d.id;
            foundWordEnd = d.wordEnd;
            break;
          }
        }
        p = lineEnd(q);
        if (p < len && text.charCodeAt(p) === 13) p++;
        if (p < len && text.charCodeAt(p) === 10) p++;
      }
      if (found < 0) {
        if (len > regionStart) addTrivia(SyntaxKind.DisabledTextTrivia, regionStart);
        errors.push({ start: len, end: len, message: "missing '#endif'" });
        pos = len;
        ifDepth = 0;
        return;
      }
      if (found > regionStart) addTrivia(SyntaxKind.DisabledTextTrivia, regionStart);
      addTrivia(SyntaxKind.DirectiveTrivia, found);
      const end = lineEnd(found);
      pos = end;
      if (foundId === DIRECTIVE_ENDIF) {
        ifDepth--;
        return;
      }
      if (foundId === DIRECTIVE_ELSE) return;
      // #elif while still seeking a branch
      if (condition(foundWordEnd, end)) return;
      // Not taken: continue skipping from the next line.
      const nl = pos;
      if (pos < len) {
        if (text.charCodeAt(pos) === 13) pos++;
        if (pos < len && text.charCodeAt(pos) === 10) pos++;
        addTrivia(SyntaxKind.EndOfLineTrivia, nl);
      }
      if (pos >= len) {
        errors.push({ start: len, end: len, message: "missing '#endif'" });
        ifDepth = 0;
        return;
      }
    }
  }

  /** Handles the directive at pos ('#'); returns false when the text is not a directive. */
  function directive(): boolean {
    const d = directiveAt(pos);
    if (d.id === 0) return false;
    const start = pos;
    const end = lineEnd(pos);
    addTrivia(SyntaxKind.DirectiveTrivia, start);
    pos = end;
    switch (d.id) {
      case DIRECTIVE_IF: {
        ifDepth++;
        const v = condition(d.wordEnd, end);
        if (!v) skipToNextLineThen(SEEK_BRANCH);
        break;
      }
      case DIRECTIVE_ELIF:
      case DIRECTIVE_ELSE:
        if (ifDepth === 0) errors.push({ start, end, message: `'#${d.id === DIRECTIVE_ELSE ? 'else' : 'elif'}' without '#if'` });
        else skipToNextLineThen(SEEK_END);
        break;
      case DIRECTIVE_ENDIF:
        if (ifDepth === 0) errors.push({ start, end, message: "'#endif' without '#if'" });
        else ifDepth--;
        break;
      case DIRECTIVE_DEFINE:
      case DIRECTIVE_UNDEF: {
        let q = d.wordEnd;
        while (q < end && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
        const s = q;
        while (q < end && isIdentPart(text.charCodeAt(q))) q++;
        if (q === s) errors.push({ start, end, message: 'expected a symbol name' });
        else {
          defined ??= new Set(symbols);
          if (d.id === DIRECTIVE_DEFINE) defined.add(text.slice(s, q));
          else defined.delete(text.slice(s, q));
        }
        break;
      }
      default:
        break;
    }
    return true;
  }

  /** Emits the end of the directive line, then skips the inactive region that follows. */
  function skipToNextLineThen(mode: number): void {
    if (pos < len) {
      const nl = pos;
      if (text.charCodeAt(pos) === 13) pos++;
      if (pos < len && text.charCodeAt(pos) === 10) pos++;
      addTrivia(SyntaxKind.EndOfLineTrivia, nl);
    }
    skipInactive(mode);
    lineStart = false;
  }

  for (;;) {
    ensureTokens(count + 1);
    fullStarts[count] = pos;
    triviaIdx[count] = tcount;
    // ---- trivia ----
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 11 || c === 12) {
        const s = pos++;
        for (;;) {
          const d = text.charCodeAt(pos);
          if (d === 32 || d === 9 || d === 0xa0 || d === 0xfeff || d === 11 || d === 12) pos++;
          else break;
        }
        addTrivia(SyntaxKind.WhitespaceTrivia, s);
      } else if (c === 10 || c === 13) {
        addTrivia(SyntaxKind.EndOfLineTrivia, pos);
        pos++;
        if (c === 13 && text.charCodeAt(pos) === 10) pos++;
        lineStart = true;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 47) {
        const doc = text.charCodeAt(pos + 2) === 47 && text.charCodeAt(pos + 3) !== 47;
        addTrivia(doc ? SyntaxKind.DocCommentTrivia : SyntaxKind.LineCommentTrivia, pos);
        pos = lineEnd(pos + 2);
        lineStart = false;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 42) {
        addTrivia(SyntaxKind.BlockCommentTrivia, pos);
        const close = text.indexOf('*/', pos + 2);
        if (close < 0) {
          errors.push({ start: pos, end: len, message: "unterminated comment: missing '*/'" });
          pos = len;
        } else pos = close + 2;
        lineStart = false;
      } else if (c === 35 && lineStart && directive()) {
        // directive() consumed the line (and any inactive region after it).
      } else break;
    }
    // ---- token ----
    starts[count] = pos;
    lineStart = false;
    if (pos >= len) {
      kinds[count++] = SyntaxKind.EndOfFileToken;
      break;
    }
    const c = text.charCodeAt(pos);
    let kind: SyntaxKind;
    if (isIdentStart(c)) {
      const s = pos;
      let h = hashStep(0, c);
      pos++;
      for (;;) {
        const d = text.charCodeAt(pos);
        if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95) {
          h = hashStep(h, d);
          pos++;
        } else if (d >= 128 && isIdentPart(d)) {
          h = hashStep(h, d);
          pos++;
        } else break;
      }
      kind = lookupKeyword(text, s, pos - s, h);
    } else if (isDigit(c)) {
      pos++;
      while (isDigit(text.charCodeAt(pos))) pos++;
      kind = SyntaxKind.IntegerLiteral;
      if (text.charCodeAt(pos) === 46 && isDigit(text.charCodeAt(pos + 1))) {
        pos += 2;
        while (isDigit(text.charCodeAt(pos))) pos++;
        kind = SyntaxKind.DecimalLiteral;
      }
      const d = text.charCodeAt(pos) | 32;
      if (d === 100 /* d */) {
        if ((text.charCodeAt(pos + 1) | 32) === 116 /* t */ && !isIdentPart(text.charCodeAt(pos + 2))) {
          pos += 2;
          kind = SyntaxKind.DateTimeLiteral;
        } else if (!isIdentPart(text.charCodeAt(pos + 1))) {
          pos++;
          kind = SyntaxKind.DateLiteral;
        }
      } else if (d === 116 /* t */ && !isIdentPart(text.charCodeAt(pos + 1))) {
        pos++;
        kind = SyntaxKind.TimeLiteral;
      } else if (d === 108 /* l: BigInteger suffix */ && !isIdentPart(text.charCodeAt(pos + 1)) && kind === SyntaxKind.IntegerLiteral) {
        pos++;
      }
    } else if (c === 39 || (c === 64 && text.charCodeAt(pos + 1) === 39)) {
      // 'text' with '' as an escaped quote; @'verbatim' may span lines.
      const verbatim = c === 64;
      const s = pos;
      pos += verbatim ? 2 : 1;
      kind = SyntaxKind.StringLiteral;
      for (;;) {
        if (pos >= len) {
          errors.push({ start: s, end: len, message: 'unterminated text literal' });
          break;
        }
        const d = text.charCodeAt(pos);
        if (d === 39) {
          if (text.charCodeAt(pos + 1) === 39) pos += 2;
          else {
            pos++;
            break;
          }
        } else if ((d === 10 || d === 13) && !verbatim) {
          errors.push({ start: s, end: pos, message: 'unterminated text literal' });
          break;
        } else pos++;
      }
    } else if (c === 34) {
      const s = pos++;
      kind = SyntaxKind.QuotedIdentifier;
      for (;;) {
        if (pos >= len) {
          errors.push({ start: s, end: len, message: 'unterminated quoted identifier' });
          break;
        }
        const d = text.charCodeAt(pos);
        if (d === 34) {
          // `""` inside a quoted identifier is an escaped quote: "BankAcc.""Net Change (LCY)"""
          if (text.charCodeAt(pos + 1) === 34) {
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        if (d === 10 || d === 13) {
          errors.push({ start: s, end: pos, message: 'unterminated quoted identifier' });
          break;
        }
        pos++;
      }
    } else {
      const d = text.charCodeAt(pos + 1);
      pos++;
      switch (c) {
        case 40: kind = SyntaxKind.OpenParenToken; break;
        case 41: kind = SyntaxKind.CloseParenToken; break;
        case 91: kind = SyntaxKind.OpenBracketToken; break;
        case 93: kind = SyntaxKind.CloseBracketToken; break;
        case 123: kind = SyntaxKind.OpenBraceToken; break;
        case 125: kind = SyntaxKind.CloseBraceToken; break;
        case 59: kind = SyntaxKind.SemicolonToken; break;
        case 44: kind = SyntaxKind.CommaToken; break;
        case 58:
          if (d === 61) { pos++; kind = SyntaxKind.AssignToken; }
          else if (d === 58) { pos++; kind = SyntaxKind.ColonColonToken; }
          else kind = SyntaxKind.ColonToken;
          break;
        case 46:
          if (d === 46) { pos++; kind = SyntaxKind.DotDotToken; }
          else kind = SyntaxKind.DotToken;
          break;
        case 43:
          if (d === 61) { pos++; kind = SyntaxKind.PlusAssignToken; }
          else kind = SyntaxKind.PlusToken;
          break;
        case 45:
          if (d === 61) { pos++; kind = SyntaxKind.MinusAssignToken; }
          else kind = SyntaxKind.MinusToken;
          break;
        case 42:
          if (d === 61) { pos++; kind = SyntaxKind.StarAssignToken; }
          else kind = SyntaxKind.StarToken;
          break;
        case 47:
          if (d === 61) { pos++; kind = SyntaxKind.SlashAssignToken; }
          else kind = SyntaxKind.SlashToken;
          break;
        case 61: kind = SyntaxKind.EqualsToken; break;
        case 60:
          if (d === 62) { pos++; kind = SyntaxKind.NotEqualsToken; }
          else if (d === 61) { pos++; kind = SyntaxKind.LessEqualsToken; }
          else kind = SyntaxKind.LessToken;
          break;
        case 62:
          if (d === 61) { pos++; kind = SyntaxKind.GreaterEqualsToken; }
          else kind = SyntaxKind.GreaterToken;
          break;
        case 35: kind = SyntaxKind.HashToken; break;
        case 38: kind = SyntaxKind.AmpersandToken; break;
        case 124: kind = SyntaxKind.PipeToken; break;
        case 64: kind = SyntaxKind.AtToken; break;
        case 63: kind = SyntaxKind.QuestionToken; break;
        case 37: kind = SyntaxKind.PercentToken; break;
        default:
          // Keep a surrogate pair together so the token never splits a character.
          if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) pos++;
          kind = SyntaxKind.BadToken;
      }
    }
    kinds[count++] = kind;
  }
  if (ifDepth > 0) errors.push({ start: len, end: len, message: "missing '#endif'" });
  triviaIdx[count] = tcount;
  return { count, kinds, fullStarts, starts, triviaIdx, triviaCount: tcount, triviaKinds, triviaStarts, errors };
}
