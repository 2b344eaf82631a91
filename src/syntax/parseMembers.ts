// Members of object, section and element bodies, parsed generically so every object type shares them:
// properties (`Name = value;`), sections (`fields { }`), elements (`field(1; "No."; Code[20]) { }`),
// triggers, procedures, events, var sections and attributes.
import { SyntaxKind } from './syntaxKind';
import type { SyntaxNode } from './node';
import { Parser, isNameToken, isWordToken } from './parser';
import { parseExpression, parseArgumentList } from './parseExpressions';
import { parseBlock, isMemberRecoveryPoint } from './parseStatements';
import { parseDataType } from './parseTypes';
import { isObjectKeyword } from './syntaxKind';

/** `{` members `}` */
export function parseBody(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.expect(SyntaxKind.OpenBraceToken, "'{'"));
  if (!p.enter()) {
    p.push(p.depthErrorNode());
    return p.finish(SyntaxKind.Body, childrenM);
  }
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.EndOfFileToken) break;
    // An object header here means this body lost its `}`: let the file level take the next object.
    if (isObjectKeyword(k) && (p.peek(1) === SyntaxKind.IntegerLiteral || (p.peek(1) !== SyntaxKind.EqualsToken && p.peek(1) !== SyntaxKind.OpenParenToken && p.peek(1) !== SyntaxKind.OpenBraceToken))) break;
    if (k === SyntaxKind.SemicolonToken) {
      // Empty members (a stray `;` after a property) are accepted by the compiler.
      p.push(p.take());
      continue;
    }
    const before = p.pos;
    const m = parseMember(p);
    if (m) p.push(m);
    else if (k === SyntaxKind.OpenBraceToken) {
      // A stray `{ ... }` (after a broken element header): keep it balanced so its `}` does not close us.
      p.error(p.tokenStart, p.tokenStart + 1, "unexpected '{' in a body");
      p.push(p.node(SyntaxKind.ErrorNode, [parseBody(p)]));
    }
    if (p.pos === before) p.push(p.skipUnexpected('in a body'));
  }
  p.leave();
  p.push(p.expect(SyntaxKind.CloseBraceToken, "'}'"));
  return p.finish(SyntaxKind.Body, childrenM);
}

/** One member, or undefined when the current token starts none (the caller skips it). */
function parseMember(p: Parser): SyntaxNode | undefined {
  const k = p.cur();
  if (k === SyntaxKind.OpenBracketToken) {
    const m = p.mark();
    while (p.cur() === SyntaxKind.OpenBracketToken) p.push(parseAttribute(p));
    return parseProcedureLike(p, m);
  }
  if (k === SyntaxKind.TriggerKeyword) return parseTrigger(p);
  if (k === SyntaxKind.ProcedureKeyword) return parseProcedureLike(p, p.mark());
  if (k === SyntaxKind.VarKeyword) return parseVarSection(p);
  if (k === SyntaxKind.LocalKeyword || k === SyntaxKind.InternalKeyword || k === SyntaxKind.ProtectedKeyword) {
    const n = p.peek(1);
    if (n === SyntaxKind.ProcedureKeyword || n === SyntaxKind.LocalKeyword || n === SyntaxKind.InternalKeyword) return parseProcedureLike(p, p.mark());
    if (n === SyntaxKind.VarKeyword) return parseVarSection(p);
  }
  if (k === SyntaxKind.EventKeyword && isNameToken(p.peek(1)) && p.peek(2) === SyntaxKind.OpenParenToken) return parseProcedureLike(p, p.mark());
  if (isNameToken(k)) {
    const n = p.peek(1);
    if (n === SyntaxKind.EqualsToken) return parseProperty(p);
    if (n === SyntaxKind.OpenBraceToken) return p.node(SyntaxKind.Section, [p.takeIdentifier(), parseBody(p)]);
    if (n === SyntaxKind.OpenParenToken) return parseElement(p);
  }
  return undefined;
}

/** `Name = value-tokens ;` — the value is kept as flat tokens (see README: property values). */
function parseProperty(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.takeIdentifier());
  p.push(p.take());
  const valueM = p.mark();
  for (;;) {
    const k = p.cur();
    if (
      k === SyntaxKind.SemicolonToken ||
      k === SyntaxKind.CloseBraceToken ||
      k === SyntaxKind.OpenBraceToken ||
      k === SyntaxKind.EndOfFileToken ||
      k === SyntaxKind.TriggerKeyword ||
      k === SyntaxKind.ProcedureKeyword ||
      k === SyntaxKind.BeginKeyword ||
      k === SyntaxKind.VarKeyword
    ) break;
    p.push(p.take());
  }
  // An empty value (`Permissions =;`) is accepted by the compiler; keep the empty PropertyValue.
  p.push(p.finish(SyntaxKind.PropertyValue, valueM));
  p.push(p.expect(SyntaxKind.SemicolonToken, "';'"));
  return p.finish(SyntaxKind.Property, childrenM);
}

/** `keyword(arg; arg; ...)` optionally followed by a body. */
function parseElement(p: Parser): SyntaxNode {
  const isField = p.currentIs('field');
  const childrenM = p.mark();
  p.push(p.takeIdentifier());
  const argsM = p.mark();
  p.push(p.take());
  let index = 0;
  if (p.cur() !== SyntaxKind.CloseParenToken) {
    for (;;) {
      // A table field's third argument is its data type: field(1; "No."; Code[20]).
      p.push(parseElementArgument(p, isField && index === 2));
      index++;
      if (p.cur() !== SyntaxKind.SemicolonToken) break;
      p.push(p.take());
    }
  }
  p.push(p.expect(SyntaxKind.CloseParenToken, "')'"));
  p.push(p.finish(SyntaxKind.ElementArguments, argsM));
  if (p.cur() === SyntaxKind.OpenBraceToken) p.push(parseBody(p));
  return p.finish(SyntaxKind.Element, childrenM);
}

function parseElementArgument(p: Parser, isType: boolean): SyntaxNode {
  if (isType) return p.node(SyntaxKind.ElementArgument, [parseDataType(p)]);
  // A lone reserved word names something here: `value(0; and)`.
  const n = p.peek(1);
  if (isWordToken(p.cur()) && !isNameToken(p.cur()) && (n === SyntaxKind.SemicolonToken || n === SyntaxKind.CloseParenToken)) {
    return p.node(SyntaxKind.ElementArgument, [p.node(SyntaxKind.IdentifierExpression, [p.takeIdentifier()])]);
  }
  const childrenM = p.mark();
  p.push(parseExpression(p));
  while (p.cur() === SyntaxKind.CommaToken) {
    p.push(p.take());
    p.push(parseExpression(p));
  }
  return p.finish(SyntaxKind.ElementArgument, childrenM);
}

/** `[Name]` or `[Name(args)]` */
export function parseAttribute(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.take());
  p.push(p.expectIdentifier('an attribute name'));
  if (p.cur() === SyntaxKind.OpenParenToken) p.push(parseArgumentList(p));
  p.push(p.expect(SyntaxKind.CloseBracketToken, "']'"));
  return p.finish(SyntaxKind.Attribute, childrenM);
}

/** `(` param; param `)` — `[var] Name: Type` */
function parseParameterList(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  const open = p.expect(SyntaxKind.OpenParenToken, "'('");
  p.push(open);
  if (p.cur() !== SyntaxKind.CloseParenToken && !open.isMissing) {
    for (;;) {
      const paramM = p.mark();
      if (p.cur() === SyntaxKind.VarKeyword) p.push(p.take());
      {
        p.push(p.expectIdentifier('a parameter name'));
        p.push(p.expect(SyntaxKind.ColonToken, "':'"));
        p.push(parseDataType(p));
      }
      p.push(p.finish(SyntaxKind.Parameter, paramM));
      if (p.cur() !== SyntaxKind.SemicolonToken) break;
      p.push(p.take());
    }
  }
  p.push(p.expect(SyntaxKind.CloseParenToken, "')'"));
  return p.finish(SyntaxKind.ParameterList, childrenM);
}

/** `: Type` or `Name: Type` after the parameters, when present. */
function parseReturnValue(p: Parser): SyntaxNode | undefined {
  if (p.cur() === SyntaxKind.ColonToken) {
    const colon = p.take();
    return p.node(SyntaxKind.ReturnValue, [colon, parseDataType(p)]);
  }
  if (isNameToken(p.cur()) && p.peek(1) === SyntaxKind.ColonToken) {
    const name = p.takeIdentifier();
    const colon = p.take();
    return p.node(SyntaxKind.ReturnValue, [name, colon, parseDataType(p)]);
  }
  return undefined;
}

/** Var sections then `begin ... end`, then `;`: the body shared by triggers and procedures. */
function parseCodeBodyInto(p: Parser): void {
  while (p.cur() === SyntaxKind.VarKeyword) p.push(parseVarSection(p));
  p.push(parseBlock(p));
  p.push(p.expect(SyntaxKind.SemicolonToken, "';'"));
}

/** `trigger Name(params) [: Type] [var ...] begin ... end;` */
function parseTrigger(p: Parser, childrenM = p.mark()): SyntaxNode {
  p.push(p.take());
  p.push(p.expectIdentifier('a trigger name'));
  // Event triggers of control add-ins and WithEvents variables: `trigger Control::EventName(...)`.
  if (p.cur() === SyntaxKind.ColonColonToken) {
    p.push(p.take());
    p.push(p.expectIdentifier('an event name'));
  }
  p.push(parseParameterList(p));
  const ret = parseReturnValue(p);
  if (ret) p.push(ret);
  if (p.cur() === SyntaxKind.SemicolonToken) p.push(p.take());
  parseCodeBodyInto(p);
  return p.finish(SyntaxKind.TriggerDeclaration, childrenM);
}

/**
 * `[attributes] [local|internal|protected] procedure Name(params) [ret] [;] [var ...] begin ... end;`
 * or a declaration without body (interfaces, control add-ins) ending at `;`; also `event Name(params);`.
 */
function parseProcedureLike(p: Parser, childrenM: number): SyntaxNode {
  const attributeCount = p.pushedSince(childrenM);
  while (p.cur() === SyntaxKind.LocalKeyword || p.cur() === SyntaxKind.InternalKeyword || p.cur() === SyntaxKind.ProtectedKeyword) p.push(p.take());
  let kind = SyntaxKind.ProcedureDeclaration;
  if (p.cur() === SyntaxKind.EventKeyword) {
    kind = SyntaxKind.EventDeclaration;
    p.push(p.take());
  } else if (p.cur() === SyntaxKind.TriggerKeyword && attributeCount > 0 && p.pushedSince(childrenM) === attributeCount) {
    // Attributes before a trigger (rare, but keep them with it).
    return parseTrigger(p, childrenM);
  } else p.push(p.expect(SyntaxKind.ProcedureKeyword, "'procedure'"));
  {
    p.push(p.expectIdentifier('a procedure name'));
    p.push(parseParameterList(p));
  }
  const ret = parseReturnValue(p);
  if (ret) p.push(ret);
  if (p.cur() === SyntaxKind.SemicolonToken) {
    p.push(p.take());
    if (kind === SyntaxKind.ProcedureDeclaration && (p.cur() === SyntaxKind.VarKeyword || p.cur() === SyntaxKind.BeginKeyword)) parseCodeBodyInto(p);
  } else if (kind === SyntaxKind.ProcedureDeclaration && (p.cur() === SyntaxKind.VarKeyword || p.cur() === SyntaxKind.BeginKeyword)) {
    parseCodeBodyInto(p);
  } else if (!endsDeclaration(p)) p.push(p.expect(SyntaxKind.SemicolonToken, "';'"));
  return p.finish(kind, childrenM);
}

/**
 * A body-less declaration (interface or control add-in procedure, event) may omit its `;` when the next
 * member or the closing `}` follows.
 */
function endsDeclaration(p: Parser): boolean {
  const k = p.cur();
  return (
    k === SyntaxKind.CloseBraceToken ||
    k === SyntaxKind.ProcedureKeyword ||
    k === SyntaxKind.EventKeyword ||
    k === SyntaxKind.OpenBracketToken ||
    ((k === SyntaxKind.LocalKeyword || k === SyntaxKind.InternalKeyword) && p.peek(1) === SyntaxKind.ProcedureKeyword) ||
    (isNameToken(k) && p.peek(1) === SyntaxKind.EqualsToken)
  );
}

/** `[protected] var` declarations, up to the first token that starts no declaration. */
export function parseVarSection(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  if (p.cur() === SyntaxKind.ProtectedKeyword) p.push(p.take());
  p.push(p.expect(SyntaxKind.VarKeyword, "'var'"));
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.OpenBracketToken) {
      // Attributes of a variable ([WithEvents], [SecurityFiltering(...)]) unless they belong to the next member.
      if (isMemberRecoveryPoint(p)) break;
    } else if (!isNameToken(k) || (p.peek(1) !== SyntaxKind.ColonToken && p.peek(1) !== SyntaxKind.CommaToken)) break;
    if (isNameToken(k) && isMemberStartKeyword(p)) break;
    p.push(parseVariableDeclaration(p));
  }
  return p.finish(SyntaxKind.VarSection, childrenM);
}

/** `local procedure` / `protected var` / `internal procedure` ahead: not a variable named Local. */
function isMemberStartKeyword(p: Parser): boolean {
  const k = p.cur();
  if (k !== SyntaxKind.LocalKeyword && k !== SyntaxKind.InternalKeyword && k !== SyntaxKind.ProtectedKeyword) return false;
  const n = p.peek(1);
  return n === SyntaxKind.ProcedureKeyword || n === SyntaxKind.VarKeyword;
}

/** `[attrs] A, B: Type;` */
function parseVariableDeclaration(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  while (p.cur() === SyntaxKind.OpenBracketToken) p.push(parseAttribute(p));
  p.push(p.expectIdentifier('a variable name'));
  while (p.cur() === SyntaxKind.CommaToken) {
    p.push(p.take());
    p.push(p.expectIdentifier('a variable name'));
  }
  {
    p.push(p.expect(SyntaxKind.ColonToken, "':'"));
    p.push(parseDataType(p));
    p.push(p.expect(SyntaxKind.SemicolonToken, "';'"));
  }
  return p.finish(SyntaxKind.VariableDeclaration, childrenM);
}
