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
  const children = [p.expect(SyntaxKind.OpenBraceToken, "'{'")];
  if (!p.enter()) {
    children.push(p.depthErrorNode());
    return p.node(SyntaxKind.Body, children);
  }
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.EndOfFileToken) break;
    // An object header here means this body lost its `}`: let the file level take the next object.
    if (isObjectKeyword(k) && (p.peek(1) === SyntaxKind.IntegerLiteral || (p.peek(1) !== SyntaxKind.EqualsToken && p.peek(1) !== SyntaxKind.OpenParenToken && p.peek(1) !== SyntaxKind.OpenBraceToken))) break;
    if (k === SyntaxKind.SemicolonToken) {
      // Empty members (a stray `;` after a property) are accepted by the compiler.
      children.push(p.take());
      continue;
    }
    const before = p.pos;
    const m = parseMember(p);
    if (m) children.push(m);
    else if (k === SyntaxKind.OpenBraceToken) {
      // A stray `{ ... }` (after a broken element header): keep it balanced so its `}` does not close us.
      p.error(p.tokenStart, p.tokenStart + 1, "unexpected '{' in a body");
      children.push(p.node(SyntaxKind.ErrorNode, [parseBody(p)]));
    }
    if (p.pos === before) children.push(p.skipUnexpected('in a body'));
  }
  p.leave();
  children.push(p.expect(SyntaxKind.CloseBraceToken, "'}'"));
  return p.node(SyntaxKind.Body, children);
}

/** One member, or undefined when the current token starts none (the caller skips it). */
function parseMember(p: Parser): SyntaxNode | undefined {
  const k = p.cur();
  if (k === SyntaxKind.OpenBracketToken) {
    const attributes: SyntaxNode[] = [];
    while (p.cur() === SyntaxKind.OpenBracketToken) attributes.push(parseAttribute(p));
    return parseProcedureLike(p, attributes);
  }
  if (k === SyntaxKind.TriggerKeyword) return parseTrigger(p);
  if (k === SyntaxKind.ProcedureKeyword) return parseProcedureLike(p, []);
  if (k === SyntaxKind.VarKeyword) return parseVarSection(p);
  if (k === SyntaxKind.LocalKeyword || k === SyntaxKind.InternalKeyword || k === SyntaxKind.ProtectedKeyword) {
    const n = p.peek(1);
    if (n === SyntaxKind.ProcedureKeyword || n === SyntaxKind.LocalKeyword || n === SyntaxKind.InternalKeyword) return parseProcedureLike(p, []);
    if (n === SyntaxKind.VarKeyword) return parseVarSection(p);
  }
  if (k === SyntaxKind.EventKeyword && isNameToken(p.peek(1)) && p.peek(2) === SyntaxKind.OpenParenToken) return parseProcedureLike(p, []);
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
  const children = [p.takeIdentifier(), p.take()];
  const value: SyntaxNode[] = [];
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
    value.push(p.take());
  }
  // An empty value (`Permissions =;`) is accepted by the compiler; keep the empty PropertyValue.
  children.push(p.node(SyntaxKind.PropertyValue, value));
  children.push(p.expect(SyntaxKind.SemicolonToken, "';'"));
  return p.node(SyntaxKind.Property, children);
}

/** `keyword(arg; arg; ...)` optionally followed by a body. */
function parseElement(p: Parser): SyntaxNode {
  const isField = p.currentIs('field');
  const children = [p.takeIdentifier()];
  const args = [p.take()];
  let index = 0;
  if (p.cur() !== SyntaxKind.CloseParenToken) {
    for (;;) {
      // A table field's third argument is its data type: field(1; "No."; Code[20]).
      args.push(parseElementArgument(p, isField && index === 2));
      index++;
      if (p.cur() !== SyntaxKind.SemicolonToken) break;
      args.push(p.take());
    }
  }
  args.push(p.expect(SyntaxKind.CloseParenToken, "')'"));
  children.push(p.node(SyntaxKind.ElementArguments, args));
  if (p.cur() === SyntaxKind.OpenBraceToken) children.push(parseBody(p));
  return p.node(SyntaxKind.Element, children);
}

function parseElementArgument(p: Parser, isType: boolean): SyntaxNode {
  if (isType) return p.node(SyntaxKind.ElementArgument, [parseDataType(p)]);
  // A lone reserved word names something here: `value(0; and)`.
  const n = p.peek(1);
  if (isWordToken(p.cur()) && !isNameToken(p.cur()) && (n === SyntaxKind.SemicolonToken || n === SyntaxKind.CloseParenToken)) {
    return p.node(SyntaxKind.ElementArgument, [p.node(SyntaxKind.IdentifierExpression, [p.takeIdentifier()])]);
  }
  const children = [parseExpression(p)];
  while (p.cur() === SyntaxKind.CommaToken) {
    children.push(p.take());
    children.push(parseExpression(p));
  }
  return p.node(SyntaxKind.ElementArgument, children);
}

/** `[Name]` or `[Name(args)]` */
export function parseAttribute(p: Parser): SyntaxNode {
  const children = [p.take(), p.expectIdentifier('an attribute name')];
  if (p.cur() === SyntaxKind.OpenParenToken) children.push(parseArgumentList(p));
  children.push(p.expect(SyntaxKind.CloseBracketToken, "']'"));
  return p.node(SyntaxKind.Attribute, children);
}

/** `(` param; param `)` — `[var] Name: Type` */
function parseParameterList(p: Parser): SyntaxNode {
  const children = [p.expect(SyntaxKind.OpenParenToken, "'('")];
  if (p.cur() !== SyntaxKind.CloseParenToken && children[0].isMissing === false) {
    for (;;) {
      const param: SyntaxNode[] = [];
      if (p.cur() === SyntaxKind.VarKeyword) param.push(p.take());
      param.push(p.expectIdentifier('a parameter name'), p.expect(SyntaxKind.ColonToken, "':'"), parseDataType(p));
      children.push(p.node(SyntaxKind.Parameter, param));
      if (p.cur() !== SyntaxKind.SemicolonToken) break;
      children.push(p.take());
    }
  }
  children.push(p.expect(SyntaxKind.CloseParenToken, "')'"));
  return p.node(SyntaxKind.ParameterList, children);
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
function parseCodeBodyInto(p: Parser, children: SyntaxNode[]): void {
  while (p.cur() === SyntaxKind.VarKeyword) children.push(parseVarSection(p));
  children.push(parseBlock(p));
  children.push(p.expect(SyntaxKind.SemicolonToken, "';'"));
}

/** `trigger Name(params) [: Type] [var ...] begin ... end;` */
function parseTrigger(p: Parser): SyntaxNode {
  const children = [p.take(), p.expectIdentifier('a trigger name')];
  // Event triggers of control add-ins and WithEvents variables: `trigger Control::EventName(...)`.
  if (p.cur() === SyntaxKind.ColonColonToken) children.push(p.take(), p.expectIdentifier('an event name'));
  children.push(parseParameterList(p));
  const ret = parseReturnValue(p);
  if (ret) children.push(ret);
  if (p.cur() === SyntaxKind.SemicolonToken) children.push(p.take());
  parseCodeBodyInto(p, children);
  return p.node(SyntaxKind.TriggerDeclaration, children);
}

/**
 * `[attributes] [local|internal|protected] procedure Name(params) [ret] [;] [var ...] begin ... end;`
 * or a declaration without body (interfaces, control add-ins) ending at `;`; also `event Name(params);`.
 */
function parseProcedureLike(p: Parser, children: SyntaxNode[]): SyntaxNode {
  while (p.cur() === SyntaxKind.LocalKeyword || p.cur() === SyntaxKind.InternalKeyword || p.cur() === SyntaxKind.ProtectedKeyword) children.push(p.take());
  let kind = SyntaxKind.ProcedureDeclaration;
  if (p.cur() === SyntaxKind.EventKeyword) {
    kind = SyntaxKind.EventDeclaration;
    children.push(p.take());
  } else if (p.cur() === SyntaxKind.TriggerKeyword && children.length > 0) {
    // Attributes before a trigger (rare, but keep them with it).
    const t = parseTrigger(p);
    return p.node(SyntaxKind.TriggerDeclaration, [...children, ...t.children]);
  } else children.push(p.expect(SyntaxKind.ProcedureKeyword, "'procedure'"));
  children.push(p.expectIdentifier('a procedure name'), parseParameterList(p));
  const ret = parseReturnValue(p);
  if (ret) children.push(ret);
  if (p.cur() === SyntaxKind.SemicolonToken) {
    children.push(p.take());
    if (kind === SyntaxKind.ProcedureDeclaration && (p.cur() === SyntaxKind.VarKeyword || p.cur() === SyntaxKind.BeginKeyword)) parseCodeBodyInto(p, children);
  } else if (kind === SyntaxKind.ProcedureDeclaration && (p.cur() === SyntaxKind.VarKeyword || p.cur() === SyntaxKind.BeginKeyword)) {
    parseCodeBodyInto(p, children);
  } else if (!endsDeclaration(p)) children.push(p.expect(SyntaxKind.SemicolonToken, "';'"));
  return p.node(kind, children);
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
  const children: SyntaxNode[] = [];
  if (p.cur() === SyntaxKind.ProtectedKeyword) children.push(p.take());
  children.push(p.expect(SyntaxKind.VarKeyword, "'var'"));
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.OpenBracketToken) {
      // Attributes of a variable ([WithEvents], [SecurityFiltering(...)]) unless they belong to the next member.
      if (isMemberRecoveryPoint(p)) break;
    } else if (!isNameToken(k) || (p.peek(1) !== SyntaxKind.ColonToken && p.peek(1) !== SyntaxKind.CommaToken)) break;
    if (isNameToken(k) && isMemberStartKeyword(p)) break;
    children.push(parseVariableDeclaration(p));
  }
  return p.node(SyntaxKind.VarSection, children);
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
  const children: SyntaxNode[] = [];
  while (p.cur() === SyntaxKind.OpenBracketToken) children.push(parseAttribute(p));
  children.push(p.expectIdentifier('a variable name'));
  while (p.cur() === SyntaxKind.CommaToken) {
    children.push(p.take());
    children.push(p.expectIdentifier('a variable name'));
  }
  children.push(p.expect(SyntaxKind.ColonToken, "':'"), parseDataType(p), p.expect(SyntaxKind.SemicolonToken, "';'"));
  return p.node(SyntaxKind.VariableDeclaration, children);
}
