// Cross-checks the TextMate grammar against the parser (src/syntax): for every token and comment the parser
// finds, the grammar must give a matching scope (strings are strings, keywords keywords, comments comments...).
// Used by grammar.test.ts on our own AL and by scripts/bench-grammar.ts over a corpus.
import * as vsctm from 'vscode-textmate';
import { parseFile, walk, ancestorOfKind, SyntaxKind, isToken, isKeyword, isTrivia, FLAG_KEYWORD_AS_IDENTIFIER, FLAG_MISSING, kindName } from '../../src/syntax';

export interface Mismatch {
  /** A stable category, e.g. "StringLiteral: expected string.quoted". */
  category: string;
  line: number;
  column: number;
  text: string;
  scopes: string;
}

type Rule = { expect: (scopes: string[]) => boolean; want: string };
const has = (prefix: string) => (scopes: string[]) => scopes.some((s) => s.startsWith(prefix));
const none = (...prefixes: string[]) => (scopes: string[]) => !scopes.some((s) => prefixes.some((p) => s.startsWith(p)));

const literal: Rule = { expect: has('constant.numeric'), want: 'constant.numeric' };
const control: Rule = { expect: (s) => has('keyword.control')(s) || has('keyword.other.of')(s), want: 'keyword.control' };

function ruleFor(kind: SyntaxKind, flags: number): Rule | undefined {
  if (flags & FLAG_MISSING) return undefined;
  if (flags & FLAG_KEYWORD_AS_IDENTIFIER || kind === SyntaxKind.Identifier) {
    return { expect: none('keyword.control', 'keyword.operator.word', 'string', 'comment', 'constant.numeric'), want: 'no keyword/string/comment scope' };
  }
  switch (kind) {
    case SyntaxKind.StringLiteral: return { expect: has('string.quoted'), want: 'string.quoted' };
    case SyntaxKind.IntegerLiteral: case SyntaxKind.DecimalLiteral: case SyntaxKind.DateLiteral:
    case SyntaxKind.TimeLiteral: case SyntaxKind.DateTimeLiteral: return literal;
    case SyntaxKind.QuotedIdentifier: return { expect: none('string', 'comment', 'keyword'), want: 'no string/comment/keyword scope' };
    case SyntaxKind.TrueKeyword: case SyntaxKind.FalseKeyword: return { expect: has('constant.language.boolean'), want: 'constant.language.boolean' };
    case SyntaxKind.ProcedureKeyword: case SyntaxKind.TriggerKeyword: case SyntaxKind.EventKeyword:
      return { expect: has('storage.type.function'), want: 'storage.type.function' };
    case SyntaxKind.LocalKeyword: case SyntaxKind.InternalKeyword: case SyntaxKind.ProtectedKeyword: case SyntaxKind.TemporaryKeyword:
      return { expect: has('storage.modifier'), want: 'storage.modifier' };
    case SyntaxKind.VarKeyword: return { expect: has('keyword.other.var'), want: 'keyword.other.var' };
    case SyntaxKind.NamespaceKeyword: case SyntaxKind.UsingKeyword: return { expect: has('keyword.other.namespace'), want: 'keyword.other.namespace' };
    case SyntaxKind.ExtendsKeyword: case SyntaxKind.CustomizesKeyword: case SyntaxKind.ImplementsKeyword:
      return { expect: (s) => has('keyword.other.extends')(s) || has('keyword.other.implements')(s), want: 'keyword.other.extends/implements' };
    case SyntaxKind.AndKeyword: case SyntaxKind.OrKeyword: case SyntaxKind.XorKeyword: case SyntaxKind.NotKeyword:
    case SyntaxKind.DivKeyword: case SyntaxKind.ModKeyword: case SyntaxKind.InKeyword: case SyntaxKind.IsKeyword: case SyntaxKind.AsKeyword:
      return { expect: has('keyword.operator.word'), want: 'keyword.operator.word' };
    case SyntaxKind.OfKeyword: return { expect: (s) => has('keyword.other.of')(s) || has('keyword.control')(s), want: 'keyword.other.of or keyword.control' };
    case SyntaxKind.ArrayKeyword: return { expect: has('storage.type'), want: 'storage.type' };
    default:
      if (kind >= SyntaxKind.BeginKeyword && kind <= SyntaxKind.ContinueKeyword) return control;
      // An object word is a type (table 18, Record Customer, Codeunit::X), a name (tabledata Entitlement)
      // or an option value (ObjectType::Table, const(Table)).
      if (kind >= SyntaxKind.TableKeyword && kind <= SyntaxKind.LastObjectKeyword) {
        return { expect: (s) => has('storage.type')(s) || has('entity.name')(s) || has('variable.other.enummember')(s), want: 'storage.type, entity.name or variable.other.enummember' };
      }
      if (isKeyword(kind)) return { expect: none('string', 'comment'), want: 'no string/comment scope' };
      return undefined;
  }
}

function triviaRule(kind: SyntaxKind): Rule | undefined {
  switch (kind) {
    case SyntaxKind.LineCommentTrivia: return { expect: has('comment.line'), want: 'comment.line' };
    case SyntaxKind.DocCommentTrivia: return { expect: has('comment.block.documentation'), want: 'comment.block.documentation' };
    case SyntaxKind.BlockCommentTrivia: return { expect: has('comment.block'), want: 'comment.block' };
    case SyntaxKind.DirectiveTrivia: return { expect: has('meta.preprocessor'), want: 'meta.preprocessor' };
    default: return undefined;
  }
}

/** Tokenizes `text` with the grammar and compares it with the parser's tokens and trivia. */
export function crossCheck(grammar: vsctm.IGrammar, text: string): Mismatch[] {
  const lines = text.split(/\r?\n/);
  const lineStarts: number[] = [];
  let offset = 0;
  const eols = text.match(/\r?\n/g) ?? [];
  lines.forEach((l, i) => {
    lineStarts.push(offset);
    offset += l.length + (eols[i]?.length ?? 0);
  });
  let stack = vsctm.INITIAL;
  const lineTokens = lines.map((l) => {
    const r = grammar.tokenizeLine(l, stack);
    stack = r.ruleStack;
    return r.tokens;
  });
  const locate = (at: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: at - lineStarts[lo] };
  };
  const scopesAt = (at: number): string[] => {
    const { line, column } = locate(at);
    const tokens = lineTokens[line];
    for (const t of tokens) if (column >= t.startIndex && column < t.endIndex) return t.scopes;
    return tokens.length ? tokens[tokens.length - 1].scopes : [];
  };

  const out: Mismatch[] = [];
  const check = (label: string, rule: Rule, start: number, end: number): void => {
    if (end <= start) return;
    // The first and the last character must both carry the scope: a token split in two is a mismatch too.
    for (const at of end - start > 1 ? [start, end - 1] : [start]) {
      const scopes = scopesAt(at);
      if (!rule.expect(scopes)) {
        const { line, column } = locate(at);
        out.push({ category: `${label}: expected ${rule.want}`, line: line + 1, column: column + 1, text: text.slice(start, end).slice(0, 80), scopes: scopes.slice(1).join(' ') });
        return;
      }
    }
  };

  const { root, tree } = parseFile(text);
  walk(root, (n) => {
    if (n.children.length === 0 && isToken(n.kind)) {
      let rule = ruleFor(n.kind, n.flags);
      if (rule && isKeyword(n.kind) && !(n.flags & FLAG_KEYWORD_AS_IDENTIFIER)) {
        // A keyword spelled as an option value (Status::Internal, const(Table), OptionMembers = Pending,Continue)
        // is a plain word there: the grammar may scope it as an enum member or leave it unscoped in a property.
        const strict = rule;
        const inProperty = ancestorOfKind(n, SyntaxKind.Property) !== undefined;
        rule = {
          expect: (s) => strict.expect(s) || has('variable.other.enummember')(s) || (inProperty && none('string', 'comment')(s)),
          want: strict.want,
        };
      }
      if (rule) check(kindName(n.kind), rule, n.start, n.end);
      for (const trivia of tree.leadingTrivia(n)) {
        if (!isTrivia(trivia.kind)) continue;
        const tr = triviaRule(trivia.kind);
        // Trailing line breaks belong to the trivia in some parsers: compare the visible text only.
        let end = trivia.end;
        while (end > trivia.start && /[\r\n]/.test(text[end - 1])) end--;
        // A directive line may end in a // comment: only its start must be preprocessor.
        if (tr) check(kindName(trivia.kind), tr, trivia.start, trivia.kind === SyntaxKind.DirectiveTrivia ? trivia.start + 1 : end);
      }
    }
  });
  return out;
}
