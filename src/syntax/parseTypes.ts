// Data types: `Code[20]`, `Record Customer temporary`, `array[10] of Text`, `List of [Text]`,
// `Dictionary of [Code[20], Decimal]`, `Option A,B,"C D"`, `Label 'x', Comment = 'y', Locked = true`,
// `TextConst ENU = 'x'`, `Enum "Sales Document Type"`, `Codeunit Microsoft.Sales."Sales-Post"`.
import { SyntaxKind } from './syntaxKind';
import type { SyntaxNode } from './node';
import { Parser, isNameToken, isWordToken } from './parser';
import { parseExpression } from './parseExpressions';

/** Type names followed by an object reference (`Record Customer`, `Codeunit 80`). */
const subtypeNames = new Set(['record', 'codeunit', 'page', 'report', 'query', 'xmlport', 'enum', 'interface', 'testpage', 'testrequestpage', 'dotnet', 'controladdin']);

/** `A.B."C"` as a QualifiedName node, or the single name token when there is no dot. */
export function parseQualifiedName(p: Parser, what: string): SyntaxNode {
  // Any word may start a qualified name here (`DotNet Array`, a namespace part named like a keyword).
  const first = isWordToken(p.cur()) ? p.takeIdentifier() : p.expectIdentifier(what);
  if (p.cur() !== SyntaxKind.DotToken) return first;
  const children = [first];
  while (p.cur() === SyntaxKind.DotToken && isWordToken(p.peek(1))) {
    children.push(p.take());
    children.push(p.takeIdentifier());
  }
  return p.node(SyntaxKind.QualifiedName, children);
}

export function parseDataType(p: Parser): SyntaxNode {
  if (!p.enter()) return p.depthErrorNode();
  const t = parseDataTypeInner(p);
  p.leave();
  return t;
}

function parseDataTypeInner(p: Parser): SyntaxNode {
  if (p.cur() === SyntaxKind.ArrayKeyword) {
    const children = [p.take(), parseLengths(p), p.expect(SyntaxKind.OfKeyword, "'of'"), parseDataType(p)];
    return p.node(SyntaxKind.ArrayDataType, children);
  }
  if (!isNameToken(p.cur())) {
    p.errorExpected('a data type');
    return p.node(SyntaxKind.DataType, [p.missingToken(SyntaxKind.Identifier)]);
  }
  const name = p.currentTextLower();
  const nameToken = p.takeIdentifier();
  if ((name === 'list' || name === 'dictionary') && p.cur() === SyntaxKind.OfKeyword) {
    const children = [nameToken, p.take(), p.expect(SyntaxKind.OpenBracketToken, "'['"), parseDataType(p)];
    while (p.cur() === SyntaxKind.CommaToken) {
      children.push(p.take());
      children.push(parseDataType(p));
    }
    children.push(p.expect(SyntaxKind.CloseBracketToken, "']'"));
    return p.node(SyntaxKind.GenericDataType, children);
  }
  if (name === 'option') {
    // Members: names (possibly quoted, possibly blank) separated by commas.
    const children = [nameToken];
    while (isNameToken(p.cur()) || p.cur() === SyntaxKind.CommaToken || (isWordToken(p.cur()) && isReservedOptionMember(p.cur()))) {
      children.push(p.cur() === SyntaxKind.CommaToken ? p.take() : p.takeIdentifier());
    }
    return p.node(SyntaxKind.OptionDataType, children);
  }
  if (name === 'label') {
    const children = [nameToken, p.expect(SyntaxKind.StringLiteral, 'a text literal')];
    while (p.cur() === SyntaxKind.CommaToken) {
      children.push(p.take());
      // A trailing comma before ';' is accepted by the compiler: Label 'x',;
      if (p.cur() === SyntaxKind.SemicolonToken) break;
      children.push(parseLabelProperty(p));
    }
    return p.node(SyntaxKind.LabelDataType, children);
  }
  if (name === 'textconst') {
    const children = [nameToken];
    for (;;) {
      children.push(parseLabelProperty(p));
      if (p.cur() !== SyntaxKind.CommaToken) break;
      children.push(p.take());
    }
    return p.node(SyntaxKind.TextConstDataType, children);
  }
  const children = [nameToken];
  if (p.cur() === SyntaxKind.OpenBracketToken) children.push(parseLengths(p));
  if (subtypeNames.has(name)) {
    if (p.cur() === SyntaxKind.IntegerLiteral) children.push(p.take());
    else if (isWordToken(p.cur())) children.push(parseQualifiedName(p, 'an object name'));
  }
  if (p.cur() === SyntaxKind.TemporaryKeyword) children.push(p.take());
  return p.node(SyntaxKind.DataType, children);
}

/** Reserved words that still occur as option members (`Option In,Out`); never block/declaration keywords. */
function isReservedOptionMember(k: SyntaxKind): boolean {
  return k === SyntaxKind.InKeyword || k === SyntaxKind.ToKeyword || k === SyntaxKind.DoKeyword || k === SyntaxKind.OfKeyword || k === SyntaxKind.WithKeyword || k === SyntaxKind.ForKeyword || k === SyntaxKind.IfKeyword || k === SyntaxKind.CaseKeyword || k === SyntaxKind.AndKeyword || k === SyntaxKind.OrKeyword || k === SyntaxKind.NotKeyword || k === SyntaxKind.TrueKeyword || k === SyntaxKind.FalseKeyword;
}

/** `Name = literal` in a Label or TextConst declaration (Comment, Locked, MaxLength, ENU...). */
function parseLabelProperty(p: Parser): SyntaxNode {
  const children = [p.expectIdentifier('a property name'), p.expect(SyntaxKind.EqualsToken, "'='")];
  children.push(parseExpression(p));
  return p.node(SyntaxKind.LabelProperty, children);
}

/** `[n, m]` */
function parseLengths(p: Parser): SyntaxNode {
  const children = [p.expect(SyntaxKind.OpenBracketToken, "'['")];
  if (p.cur() !== SyntaxKind.CloseBracketToken) {
    children.push(parseExpression(p));
    while (p.cur() === SyntaxKind.CommaToken) {
      children.push(p.take());
      children.push(parseExpression(p));
    }
  }
  children.push(p.expect(SyntaxKind.CloseBracketToken, "']'"));
  return p.node(SyntaxKind.TypeLengths, children);
}
