// Expression grammar with AL's precedence (lowest first):
//   relational  = <> < <= > >= in
//   additive    + - or xor
//   multiplicative  * / div mod and
//   unary       not - +
//   postfix     .member  (args)  [index]  ::value  is T  as T
// Ranges (a..b) appear only in set literals and case labels (parseRangeOrExpression).
import { SyntaxKind } from './syntaxKind';
import type { SyntaxNode } from './node';
import { Parser, isNameToken, isWordToken } from './parser';
import { parseQualifiedName } from './parseTypes';

function isRelational(k: SyntaxKind): boolean {
  return (k >= SyntaxKind.EqualsToken && k <= SyntaxKind.GreaterEqualsToken) || k === SyntaxKind.InKeyword;
}
function isAdditive(k: SyntaxKind): boolean {
  return k === SyntaxKind.PlusToken || k === SyntaxKind.MinusToken || k === SyntaxKind.OrKeyword || k === SyntaxKind.XorKeyword;
}
function isMultiplicative(k: SyntaxKind): boolean {
  return k === SyntaxKind.StarToken || k === SyntaxKind.SlashToken || k === SyntaxKind.DivKeyword || k === SyntaxKind.ModKeyword || k === SyntaxKind.AndKeyword;
}

/** Whether the current token can start an expression. */
export function canStartExpression(k: SyntaxKind): boolean {
  return (
    isNameToken(k) ||
    (k >= SyntaxKind.IntegerLiteral && k <= SyntaxKind.DateTimeLiteral) ||
    k === SyntaxKind.OpenParenToken ||
    k === SyntaxKind.OpenBracketToken ||
    k === SyntaxKind.NotKeyword ||
    k === SyntaxKind.MinusToken ||
    k === SyntaxKind.PlusToken ||
    k === SyntaxKind.TrueKeyword ||
    k === SyntaxKind.FalseKeyword ||
    k === SyntaxKind.ThisKeyword
  );
}

/** A full expression, including the conditional `c ? a : b` (lowest precedence, right-associative). */
export function parseExpression(p: Parser): SyntaxNode {
  if (!p.enter()) return p.depthErrorNode();
  let left = parseAdditive(p);
  while (isRelational(p.cur())) {
    const op = p.take();
    const right = parseAdditive(p);
    left = p.node(SyntaxKind.BinaryExpression, [left, op, right]);
  }
  if (p.cur() === SyntaxKind.QuestionToken) {
    const q = p.take();
    const whenTrue = parseExpression(p);
    const colon = p.expect(SyntaxKind.ColonToken, "':'");
    left = p.node(SyntaxKind.ConditionalExpression, [left, q, whenTrue, colon, parseExpression(p)]);
  }
  p.leave();
  return left;
}

/** A unary-level expression (no binary operators): the variable of `foreach v in list`. */
export function parseUnaryExpression(p: Parser): SyntaxNode {
  if (!p.enter()) return p.depthErrorNode();
  const e = parseUnary(p);
  p.leave();
  return e;
}

function parseAdditive(p: Parser): SyntaxNode {
  let left = parseMultiplicative(p);
  while (isAdditive(p.cur())) {
    const op = p.take();
    const right = parseMultiplicative(p);
    left = p.node(SyntaxKind.BinaryExpression, [left, op, right]);
  }
  return left;
}

function parseMultiplicative(p: Parser): SyntaxNode {
  let left = parseUnary(p);
  while (isMultiplicative(p.cur())) {
    const op = p.take();
    const right = parseUnary(p);
    left = p.node(SyntaxKind.BinaryExpression, [left, op, right]);
  }
  return left;
}

function parseUnary(p: Parser): SyntaxNode {
  const k = p.cur();
  if (k === SyntaxKind.NotKeyword || k === SyntaxKind.MinusToken || k === SyntaxKind.PlusToken) {
    if (!p.enter()) return p.depthErrorNode();
    const op = p.take();
    const operand = parseUnary(p);
    p.leave();
    return p.node(SyntaxKind.UnaryExpression, [op, operand]);
  }
  return parsePostfix(p);
}

function parsePostfix(p: Parser): SyntaxNode {
  let e = parsePrimary(p);
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.DotToken) {
      const dot = p.take();
      const name = parseMemberName(p);
      e = p.node(SyntaxKind.MemberAccessExpression, [e, dot, name]);
    } else if (k === SyntaxKind.OpenParenToken) {
      e = p.node(SyntaxKind.CallExpression, [e, parseArgumentList(p)]);
    } else if (k === SyntaxKind.OpenBracketToken) {
      const childrenM = p.mark();
      p.push(e);
      p.push(p.take());
      parseExpressionListInto(p, SyntaxKind.CloseBracketToken);
      p.push(p.expect(SyntaxKind.CloseBracketToken, "']'"));
      e = p.finish(SyntaxKind.IndexExpression, childrenM);
    } else if ((k === SyntaxKind.IsKeyword || k === SyntaxKind.AsKeyword) && isWordToken(p.peek(1))) {
      // Interface type test and cast bind tighter than `or`/`and`: `A is "I1" or B is "I2"`.
      const op = p.take();
      e = p.node(k === SyntaxKind.IsKeyword ? SyntaxKind.IsExpression : SyntaxKind.AsExpression, [e, op, parseQualifiedName(p, 'a type name')]);
    } else if (k === SyntaxKind.ColonColonToken) {
      const op = p.take();
      const name = parseMemberName(p);
      e = p.node(SyntaxKind.ScopeExpression, [e, op, name]);
    } else return e;
  }
}

/** A name after '.' or '::': any word except the statement keywords that would break recovery. */
function parseMemberName(p: Parser): SyntaxNode {
  const k = p.cur();
  if (isNameToken(k) || (isWordToken(k) && k !== SyntaxKind.EndKeyword && k !== SyntaxKind.BeginKeyword && k !== SyntaxKind.ThenKeyword && k !== SyntaxKind.DoKeyword && k !== SyntaxKind.ElseKeyword && k !== SyntaxKind.UntilKeyword && k !== SyntaxKind.OfKeyword)) {
    return p.takeIdentifier();
  }
  p.errorExpected('a member name');
  return p.missingToken(SyntaxKind.Identifier);
}

/** `(` expr, expr, ... `)` */
export function parseArgumentList(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.expect(SyntaxKind.OpenParenToken, "'('"));
  parseExpressionListInto(p, SyntaxKind.CloseParenToken);
  p.push(p.expect(SyntaxKind.CloseParenToken, "')'"));
  return p.finish(SyntaxKind.ArgumentList, childrenM);
}

/** Pushes `expr (, expr)*` on the parser stack, unless the list is empty (current token is `close`). */
function parseExpressionListInto(p: Parser, close: SyntaxKind): void {
  if (p.cur() === close) return;
  p.push(parseExpression(p));
  while (p.cur() === SyntaxKind.CommaToken) {
    p.push(p.take());
    p.push(parseExpression(p));
  }
}

function parsePrimary(p: Parser): SyntaxNode {
  const k = p.cur();
  if (k >= SyntaxKind.IntegerLiteral && k <= SyntaxKind.DateTimeLiteral) return p.node(SyntaxKind.LiteralExpression, [p.take()]);
  if (k === SyntaxKind.Identifier || k === SyntaxKind.QuotedIdentifier) return p.node(SyntaxKind.IdentifierExpression, [p.take()]);
  if (k === SyntaxKind.TrueKeyword || k === SyntaxKind.FalseKeyword) return p.node(SyntaxKind.LiteralExpression, [p.take()]);
  if (k === SyntaxKind.ThisKeyword) return p.node(SyntaxKind.ThisExpression, [p.take()]);
  if (k === SyntaxKind.OpenParenToken) {
    const open = p.take();
    const inner = parseExpression(p);
    return p.node(SyntaxKind.ParenthesizedExpression, [open, inner, p.expect(SyntaxKind.CloseParenToken, "')'")]);
  }
  if (k === SyntaxKind.OpenBracketToken) return parseSetExpression(p);
  if (isNameToken(k)) return p.node(SyntaxKind.IdentifierExpression, [p.takeIdentifier()]);
  p.errorExpected('an expression');
  return p.node(SyntaxKind.IdentifierExpression, [p.missingToken(SyntaxKind.Identifier)]);
}

/** `[` element, element `]` where an element is an expression or a range `a..b`. */
function parseSetExpression(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.take());
  if (p.cur() !== SyntaxKind.CloseBracketToken) {
    p.push(parseRangeOrExpression(p));
    while (p.cur() === SyntaxKind.CommaToken) {
      p.push(p.take());
      p.push(parseRangeOrExpression(p));
    }
  }
  p.push(p.expect(SyntaxKind.CloseBracketToken, "']'"));
  return p.finish(SyntaxKind.SetExpression, childrenM);
}

/** An expression, or a range `a..b`, `a..`, `..b` (RangeExpression with the absent bound left out). */
export function parseRangeOrExpression(p: Parser): SyntaxNode {
  if (p.cur() === SyntaxKind.DotDotToken) {
    const dots = p.take();
    return p.node(SyntaxKind.RangeExpression, canStartExpression(p.cur()) ? [dots, parseExpression(p)] : [dots]);
  }
  const e = parseExpression(p);
  if (p.cur() !== SyntaxKind.DotDotToken) return e;
  const dots = p.take();
  return p.node(SyntaxKind.RangeExpression, canStartExpression(p.cur()) ? [e, dots, parseExpression(p)] : [e, dots]);
}
