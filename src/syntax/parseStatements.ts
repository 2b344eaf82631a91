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
  if (p.skimBodies && p.cur() === SyntaxKind.BeginKeyword) {
    const end = p.matchingEnd();
    if (end > 0) {
      const begin = p.take();
      p.jumpTo(end);
      return p.node(SyntaxKind.Block, [begin, p.take()]);
    }
  }
  const childrenM = p.mark();
  p.push(p.expect(SyntaxKind.BeginKeyword, "'begin'"));
  parseStatementListInto(p, false);
  p.push(p.expect(SyntaxKind.EndKeyword, "'end'"));
  return p.finish(SyntaxKind.Block, childrenM);
}

/**
 * Appends statements and their `;` separators until `end` (or `until` when stopAtUntil), or until a member
 * recovery point (the caller then reports the missing `end`).
 */
export function parseStatementListInto(p: Parser, stopAtUntil: boolean): void {
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.EndKeyword || k === SyntaxKind.EndOfFileToken) return;
    if (k === SyntaxKind.UntilKeyword && stopAtUntil) return;
    if (k === SyntaxKind.SemicolonToken) {
      p.push(p.take());
      continue;
    }
    if (isMemberRecoveryPoint(p)) return;
    const before = p.pos;
    const s = parseStatement(p);
    if (p.pos === before) {
      // No progress: the token cannot start a statement here.
      p.push(p.skipUnexpected('in a statement list'));
      continue;
    }
    p.push(s);
    const n = p.cur();
    if (n === SyntaxKind.SemicolonToken) p.push(p.take());
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
      const childrenM = p.mark();
      p.push(p.take());
      p.push(parseExpression(p));
      p.push(p.expect(SyntaxKind.ThenKeyword, "'then'"));
      p.push(parseEmbeddedStatement(p));
      if (p.cur() === SyntaxKind.ElseKeyword) {
        p.push(p.take());
        p.push(parseEmbeddedStatement(p));
      }
      return p.finish(SyntaxKind.IfStatement, childrenM);
    }
    case SyntaxKind.CaseKeyword:
      return parseCase(p);
    case SyntaxKind.WhileKeyword: {
      const childrenM = p.mark();
      p.push(p.take());
      p.push(parseExpression(p));
      p.push(p.expect(SyntaxKind.DoKeyword, "'do'"));
      p.push(parseEmbeddedStatement(p));
      return p.finish(SyntaxKind.WhileStatement, childrenM);
    }
    case SyntaxKind.RepeatKeyword: {
      const childrenM = p.mark();
      p.push(p.take());
      parseStatementListInto(p, true);
      p.push(p.expect(SyntaxKind.UntilKeyword, "'until'"));
      p.push(parseExpression(p));
      return p.finish(SyntaxKind.RepeatStatement, childrenM);
    }
    case SyntaxKind.ForKeyword: {
      const childrenM = p.mark();
      p.push(p.take());
      p.push(parseExpression(p));
      p.push(p.expect(SyntaxKind.AssignToken, "':='"));
      p.push(parseExpression(p));
      if (p.cur() === SyntaxKind.ToKeyword || p.cur() === SyntaxKind.DownToKeyword) p.push(p.take());
      else {
        p.errorExpected("'to' or 'downto'");
        p.push(p.missingToken(SyntaxKind.ToKeyword));
      }
      {
        p.push(parseExpression(p));
        p.push(p.expect(SyntaxKind.DoKeyword, "'do'"));
      }
      p.push(parseEmbeddedStatement(p));
      return p.finish(SyntaxKind.ForStatement, childrenM);
    }
    case SyntaxKind.ForEachKeyword: {
      const childrenM = p.mark();
      p.push(p.take());
      p.push(parseUnaryExpression(p));
      p.push(p.expect(SyntaxKind.InKeyword, "'in'"));
      p.push(parseExpression(p));
      p.push(p.expect(SyntaxKind.DoKeyword, "'do'"));
      p.push(parseEmbeddedStatement(p));
      return p.finish(SyntaxKind.ForEachStatement, childrenM);
    }
    case SyntaxKind.WithKeyword: {
      const childrenM = p.mark();
      p.push(p.take());
      p.push(parseExpression(p));
      p.push(p.expect(SyntaxKind.DoKeyword, "'do'"));
      p.push(parseEmbeddedStatement(p));
      return p.finish(SyntaxKind.WithStatement, childrenM);
    }
    case SyntaxKind.ExitKeyword: {
      const childrenM = p.mark();
      p.push(p.take());
      if (p.cur() === SyntaxKind.OpenParenToken) {
        p.push(p.take());
        if (p.cur() !== SyntaxKind.CloseParenToken) p.push(parseExpression(p));
        p.push(p.expect(SyntaxKind.CloseParenToken, "')'"));
      }
      return p.finish(SyntaxKind.ExitStatement, childrenM);
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
  const childrenM = p.mark();
  p.push(p.take());
  p.push(parseExpression(p));
  p.push(p.expect(SyntaxKind.OfKeyword, "'of'"));
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.EndKeyword || k === SyntaxKind.EndOfFileToken) break;
    if (k === SyntaxKind.SemicolonToken) {
      p.push(p.take());
      continue;
    }
    if (k === SyntaxKind.ElseKeyword) {
      const elseChildrenM = p.mark();
      p.push(p.take());
      parseStatementListInto(p, false);
      p.push(p.finish(SyntaxKind.CaseElse, elseChildrenM));
      break;
    }
    if (isMemberRecoveryPoint(p)) break;
    if (!canStartExpression(k) && k !== SyntaxKind.DotDotToken) {
      p.push(p.skipUnexpected('in a case statement'));
      continue;
    }
    const branchM = p.mark();
    p.push(parseRangeOrExpression(p));
    while (p.cur() === SyntaxKind.CommaToken) {
      p.push(p.take());
      p.push(parseRangeOrExpression(p));
    }
    p.push(p.expect(SyntaxKind.ColonToken, "':'"));
    p.push(parseEmbeddedStatement(p));
    p.push(p.finish(SyntaxKind.CaseBranch, branchM));
    const n = p.cur();
    if (n === SyntaxKind.SemicolonToken) p.push(p.take());
    else if (n !== SyntaxKind.EndKeyword && n !== SyntaxKind.ElseKeyword && n !== SyntaxKind.EndOfFileToken && !isMemberRecoveryPoint(p)) p.errorExpected("';'");
  }
  p.push(p.expect(SyntaxKind.EndKeyword, "'end'"));
  return p.finish(SyntaxKind.CaseStatement, childrenM);
}
