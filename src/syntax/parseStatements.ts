// Statement grammar: blocks, if/case/while/repeat/for/foreach/with/exit/break/continue/asserterror,
// assignments (:= += -= *= /=) and expression statements. `;` separators are children of the enclosing list.
import { SyntaxKind } from './syntaxKind';
import type { SyntaxNode } from './node';
import { Parser } from './parser';
import { canStartExpression, parseExpression, parseRangeOrExpression, parseUnaryExpression } from './parseExpressions';

function isAssignOp(k: SyntaxKind): boolean {
  return k >= SyntaxKind.AssignToken && k <= SyntaxKind.SlashAssignToken;
}

/** Tokens that end a statement without being part of it. */
function endsStatement(k: SyntaxKind): boolean {
  return (
    k === SyntaxKind.SemicolonToken ||
    k === SyntaxKind.EndKeyword ||
    k === SyntaxKind.UntilKeyword ||
    k === SyntaxKind.ElseKeyword ||
    k === SyntaxKind.EndOfFileToken
  );
}

/**
 * Tokens at which a statement list gives up (its `end` is missing) so that the enclosing object can go on:
 * the start of the next procedure or trigger, or the `}` of the object. This is what keeps garbage in one
 * procedure from swallowing the procedures after it.
 */
export function isMemberRecoveryPoint(p: Parser): boolean {
  const k = p.cur();
  if (k === SyntaxKind.ProcedureKeyword || k === SyntaxKind.TriggerKeyword || k === SyntaxKind.CloseBraceToken || k === SyntaxKind.EndOfFileToken) return true;
  if (k === SyntaxKind.LocalKeyword || k === SyntaxKind.InternalKeyword || k === SyntaxKind.ProtectedKeyword) {
    const n = p.peek(1);
    return n === SyntaxKind.ProcedureKeyword || n === SyntaxKind.VarKeyword;
  }
  // `[Attribute...]` at the start of a line followed by a procedure: an attribute of the next member.
  if (k === SyntaxKind.OpenBracketToken && p.newlineBefore) {
    const n = p.peek(1);
    return (n === SyntaxKind.Identifier) && looksLikeAttributedMember(p);
  }
  return false;
}

/** Looks ahead over `[...]` groups for a following procedure/trigger keyword (bounded lookahead). */
function looksLikeAttributedMember(p: Parser): boolean {
  let i = 0;
  let depth = 0;
  for (let steps = 0; steps < 200; steps++, i++) {
    const k = p.peek(i);
    if (k === SyntaxKind.EndOfFileToken) return false;
    if (k === SyntaxKind.OpenBracketToken) depth++;
    else if (k === SyntaxKind.CloseBracketToken) {
      depth--;
      if (depth === 0) {
        const n = p.peek(i + 1);
        if (n === SyntaxKind.OpenBracketToken) continue;
        return n === SyntaxKind.ProcedureKeyword || n === SyntaxKind.LocalKeyword || n === SyntaxKind.InternalKeyword || n === SyntaxKind.ProtectedKeyword || n === SyntaxKind.TriggerKeyword;
      }
    } else if (k === SyntaxKind.SemicolonToken && depth <= 1) return false;
  }
  return false;
}

/** `begin` statements `end` */
export function parseBlock(p: Parser): SyntaxNode {
  const children = [p.expect(SyntaxKind.BeginKeyword, "'begin'")];
  parseStatementListInto(p, children, false);
  children.push(p.expect(SyntaxKind.EndKeyword, "'end'"));
  return p.node(SyntaxKind.Block, children);
}

/**
 * Appends statements and their `;` separators until `end` (or `until` when stopAtUntil), or until a member
 * recovery point (the caller then reports the missing `end`).
 */
export function parseStatementListInto(p: Parser, children: SyntaxNode[], stopAtUntil: boolean): void {
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.EndKeyword || k === SyntaxKind.EndOfFileToken) return;
    if (k === SyntaxKind.UntilKeyword && stopAtUntil) return;
    if (k === SyntaxKind.SemicolonToken) {
      children.push(p.take());
      continue;
    }
    if (isMemberRecoveryPoint(p)) return;
    const before = p.pos;
    const s = parseStatement(p);
    if (p.pos === before) {
      // No progress: the token cannot start a statement here.
      children.push(p.skipUnexpected('in a statement list'));
      continue;
    }
    children.push(s);
    const n = p.cur();
    if (n === SyntaxKind.SemicolonToken) children.push(p.take());
    else if (n === SyntaxKind.EndKeyword || n === SyntaxKind.EndOfFileToken || (n === SyntaxKind.UntilKeyword && stopAtUntil)) return;
    else if (isMemberRecoveryPoint(p)) return;
    else p.errorExpected("';'");
  }
}

export function parseStatement(p: Parser): SyntaxNode {
  if (!p.enter()) return p.depthErrorNode();
  const s = parseStatementInner(p);
  p.leave();
  return s;
}

function parseStatementInner(p: Parser): SyntaxNode {
  switch (p.cur()) {
    case SyntaxKind.BeginKeyword:
      return parseBlock(p);
    case SyntaxKind.IfKeyword: {
      const children = [p.take(), parseExpression(p), p.expect(SyntaxKind.ThenKeyword, "'then'")];
      children.push(parseEmbeddedStatement(p));
      if (p.cur() === SyntaxKind.ElseKeyword) {
        children.push(p.take());
        children.push(parseEmbeddedStatement(p));
      }
      return p.node(SyntaxKind.IfStatement, children);
    }
    case SyntaxKind.CaseKeyword:
      return parseCase(p);
    case SyntaxKind.WhileKeyword: {
      const children = [p.take(), parseExpression(p), p.expect(SyntaxKind.DoKeyword, "'do'")];
      children.push(parseEmbeddedStatement(p));
      return p.node(SyntaxKind.WhileStatement, children);
    }
    case SyntaxKind.RepeatKeyword: {
      const children = [p.take()];
      parseStatementListInto(p, children, true);
      children.push(p.expect(SyntaxKind.UntilKeyword, "'until'"));
      children.push(parseExpression(p));
      return p.node(SyntaxKind.RepeatStatement, children);
    }
    case SyntaxKind.ForKeyword: {
      const children = [p.take(), parseExpression(p), p.expect(SyntaxKind.AssignToken, "':='"), parseExpression(p)];
      if (p.cur() === SyntaxKind.ToKeyword || p.cur() === SyntaxKind.DownToKeyword) children.push(p.take());
      else {
        p.errorExpected("'to' or 'downto'");
        children.push(p.missingToken(SyntaxKind.ToKeyword));
      }
      children.push(parseExpression(p), p.expect(SyntaxKind.DoKeyword, "'do'"));
      children.push(parseEmbeddedStatement(p));
      return p.node(SyntaxKind.ForStatement, children);
    }
    case SyntaxKind.ForEachKeyword: {
      const children = [p.take(), parseUnaryExpression(p), p.expect(SyntaxKind.InKeyword, "'in'"), parseExpression(p), p.expect(SyntaxKind.DoKeyword, "'do'")];
      children.push(parseEmbeddedStatement(p));
      return p.node(SyntaxKind.ForEachStatement, children);
    }
    case SyntaxKind.WithKeyword: {
      const children = [p.take(), parseExpression(p), p.expect(SyntaxKind.DoKeyword, "'do'")];
      children.push(parseEmbeddedStatement(p));
      return p.node(SyntaxKind.WithStatement, children);
    }
    case SyntaxKind.ExitKeyword: {
      const children = [p.take()];
      if (p.cur() === SyntaxKind.OpenParenToken) {
        children.push(p.take());
        if (p.cur() !== SyntaxKind.CloseParenToken) children.push(parseExpression(p));
        children.push(p.expect(SyntaxKind.CloseParenToken, "')'"));
      }
      return p.node(SyntaxKind.ExitStatement, children);
    }
    case SyntaxKind.AssertErrorKeyword: {
      const kw = p.take();
      return p.node(SyntaxKind.AssertErrorStatement, [kw, parseEmbeddedStatement(p)]);
    }
    case SyntaxKind.BreakKeyword:
    case SyntaxKind.ContinueKeyword:
      // `break;` / `continue;` are statements; otherwise the word is a name (a variable called Continue).
      if (endsStatement(p.peek(1))) {
        return p.node(p.cur() === SyntaxKind.BreakKeyword ? SyntaxKind.BreakStatement : SyntaxKind.ContinueStatement, [p.take()]);
      }
      break;
    default:
      break;
  }
  if (!canStartExpression(p.cur())) {
    // Nothing consumed: the caller reports and wraps the token (it sees no progress).
    return p.node(SyntaxKind.EmptyStatement, []);
  }
  const target = parseExpression(p);
  if (isAssignOp(p.cur())) {
    const op = p.take();
    return p.node(SyntaxKind.AssignmentStatement, [target, op, parseExpression(p)]);
  }
  return p.node(SyntaxKind.ExpressionStatement, [target]);
}

/** The statement after then/else/do: may be empty (`if x then;`). */
function parseEmbeddedStatement(p: Parser): SyntaxNode {
  if (endsStatement(p.cur())) return p.node(SyntaxKind.EmptyStatement, []);
  const before = p.pos;
  const s = parseStatement(p);
  if (p.pos === before && !endsStatement(p.cur()) && !isMemberRecoveryPoint(p)) {
    // Keep the stray token inside the statement it broke.
    return p.node(SyntaxKind.ErrorNode, [p.skipUnexpected('where a statement was expected')]);
  }
  return s;
}

/** case expr of  value, value..value: statement; ...  [else statements]  end */
function parseCase(p: Parser): SyntaxNode {
  const children = [p.take(), parseExpression(p), p.expect(SyntaxKind.OfKeyword, "'of'")];
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.EndKeyword || k === SyntaxKind.EndOfFileToken) break;
    if (k === SyntaxKind.SemicolonToken) {
      children.push(p.take());
      continue;
    }
    if (k === SyntaxKind.ElseKeyword) {
      const elseChildren = [p.take()];
      parseStatementListInto(p, elseChildren, false);
      children.push(p.node(SyntaxKind.CaseElse, elseChildren));
      break;
    }
    if (isMemberRecoveryPoint(p)) break;
    if (!canStartExpression(k) && k !== SyntaxKind.DotDotToken) {
      children.push(p.skipUnexpected('in a case statement'));
      continue;
    }
    const branch = [parseRangeOrExpression(p)];
    while (p.cur() === SyntaxKind.CommaToken) {
      branch.push(p.take());
      branch.push(parseRangeOrExpression(p));
    }
    branch.push(p.expect(SyntaxKind.ColonToken, "':'"));
    branch.push(parseEmbeddedStatement(p));
    children.push(p.node(SyntaxKind.CaseBranch, branch));
    const n = p.cur();
    if (n === SyntaxKind.SemicolonToken) children.push(p.take());
    else if (n !== SyntaxKind.EndKeyword && n !== SyntaxKind.ElseKeyword && n !== SyntaxKind.EndOfFileToken && !isMemberRecoveryPoint(p)) p.errorExpected("';'");
  }
  children.push(p.expect(SyntaxKind.EndKeyword, "'end'"));
  return p.node(SyntaxKind.CaseStatement, children);
}
