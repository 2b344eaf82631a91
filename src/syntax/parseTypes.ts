// Data types: `Code[20]`, `Record Customer temporary`, `array[10] of Text`, `List of [Text]`,
// `Dictionary of [Code[20], Decimal]`, `Option A,B,"C D"`, `Label 'x', Comment = 'y', Locked = true`,
// `TextConst ENU = 'x'`, `Enum "Sales Document Type"`, `Codeunit Microsoft.Sales."Sales-Post"`.
import { SyntaxKind } from './syntaxKind';
import type { SyntaxNode } from './node';
import { Parser, isNameToken, isWordToken } from './parser';
import { parseExpression } from './parseExpressions';

/** Type names followed by an object reference (`Record Customer`, `Codeunit 80`). */
const subtypeNames = ['record', 'codeunit', 'page', 'report', 'query', 'xmlport', 'enum', 'interface', 'testpage', 'testrequestpage', 'dotnet', 'controladdin'];

const TYPE_PLAIN = 0;
const TYPE_GENERIC = 1;
const TYPE_OPTION = 2;
const TYPE_LABEL = 3;
const TYPE_TEXTCONST = 4;
const TYPE_SUBTYPE = 5;

/** Classifies the type name at the current token without allocating (most types are plain: Integer, Code...). */
function typeCategory(p: Parser): number {
  const k = p.cur();
  if (k >= SyntaxKind.FirstKeyword && k <= SyntaxKind.LastObjectKeyword) return TYPE_SUBTYPE; // Record is not a keyword; Page, Codeunit... are
  if (k !== SyntaxKind.Identifier) return TYPE_PLAIN;
  if (p.currentIs('record')) return TYPE_SUBTYPE;
  if (p.currentIs('list') || p.currentIs('dictionary')) return TYPE_GENERIC;
  if (p.currentIs('option')) return TYPE_OPTION;
  if (p.currentIs('label')) return TYPE_LABEL;
  if (p.currentIs('textconst')) return TYPE_TEXTCONST;
  for (let i = 0; i < subtypeNames.length; i++) if (p.currentIs(subtypeNames[i])) return TYPE_SUBTYPE;
  return TYPE_PLAIN;
}

/** `A.B."C"` as a QualifiedName node, or the single name token when there is no dot. */
export function parseQualifiedName(p: Parser, what: string): SyntaxNode {
  // Any word may start a qualified name here (`DotNet Array`, a namespace part named like a keyword).
  const first = isWordToken(p.cur()) ? p.takeIdentifier() : p.expectIdentifier(what);
  if (p.cur() !== SyntaxKind.DotToken) return first;
  const childrenM = p.mark();
  p.push(first);
  while (p.cur() === SyntaxKind.DotToken && isWordToken(p.peek(1))) {
    p.push(p.take());
    p.push(p.takeIdentifier());
  }
  return p.finish(SyntaxKind.QualifiedName, childrenM);
}

export function parseDataType(p: Parser): SyntaxNode {
  if (!p.enter()) return p.depthErrorNode();
  const t = parseDataTypeInner(p);
  p.leave();
  return t;
}

function parseDataTypeInner(p: Parser): SyntaxNode {
  if (p.cur() === SyntaxKind.ArrayKeyword) {
    const childrenM = p.mark();
    p.push(p.take());
    p.push(parseLengths(p));
    p.push(p.expect(SyntaxKind.OfKeyword, "'of'"));
    p.push(parseDataType(p));
    return p.finish(SyntaxKind.ArrayDataType, childrenM);
  }
  if (!isNameToken(p.cur())) {
    p.errorExpected('a data type');
    return p.node(SyntaxKind.DataType, [p.missingToken(SyntaxKind.Identifier)]);
  }
  const category = typeCategory(p);
  const nameToken = p.takeIdentifier();
  if (category === TYPE_GENERIC && p.cur() === SyntaxKind.OfKeyword) {
    const childrenM = p.mark();
    p.push(nameToken);
    p.push(p.take());
    p.push(p.expect(SyntaxKind.OpenBracketToken, "'['"));
    p.push(parseDataType(p));
    while (p.cur() === SyntaxKind.CommaToken) {
      p.push(p.take());
      p.push(parseDataType(p));
    }
    p.push(p.expect(SyntaxKind.CloseBracketToken, "']'"));
    return p.finish(SyntaxKind.GenericDataType, childrenM);
  }
  if (category === TYPE_OPTION) {
    // Members: names (possibly quoted, possibly blank) separated by commas.
    const childrenM = p.mark();
    p.push(nameToken);
    while (isNameToken(p.cur()) || p.cur() === SyntaxKind.CommaToken || (isWordToken(p.cur()) && isReservedOptionMember(p.cur()))) {
      p.push(p.cur() === SyntaxKind.CommaToken ? p.take() : p.takeIdentifier());
    }
    return p.finish(SyntaxKind.OptionDataType, childrenM);
  }
  if (category === TYPE_LABEL) {
    const childrenM = p.mark();
    p.push(nameToken);
    p.push(p.expect(SyntaxKind.StringLiteral, 'a text literal'));
    while (p.cur() === SyntaxKind.CommaToken) {
      p.push(p.take());
      // A trailing comma before ';' is accepted by the compiler: Label 'x',;
      if (p.cur() === SyntaxKind.SemicolonToken) break;
      p.push(parseLabelProperty(p));
    }
    return p.finish(SyntaxKind.LabelDataType, childrenM);
  }
  if (category === TYPE_TEXTCONST) {
    const childrenM = p.mark();
    p.push(nameToken);
    for (;;) {
      p.push(parseLabelProperty(p));
      if (p.cur() !== SyntaxKind.CommaToken) break;
      p.push(p.take());
    }
    return p.finish(SyntaxKind.TextConstDataType, childrenM);
  }
  const childrenM = p.mark();
  p.push(nameToken);
  if (p.cur() === SyntaxKind.OpenBracketToken) p.push(parseLengths(p));
  if (category === TYPE_SUBTYPE) {
    if (p.cur() === SyntaxKind.IntegerLiteral) p.push(p.take());
    else if (isWordToken(p.cur())) p.push(parseQualifiedName(p, 'an object name'));
  }
  if (p.cur() === SyntaxKind.TemporaryKeyword) p.push(p.take());
  return p.finish(SyntaxKind.DataType, childrenM);
}

/** Reserved words that still occur as option members (`Option In,Out`); never block/declaration keywords. */
function isReservedOptionMember(k: SyntaxKind): boolean {
  return k === SyntaxKind.InKeyword || k === SyntaxKind.ToKeyword || k === SyntaxKind.DoKeyword || k === SyntaxKind.OfKeyword || k === SyntaxKind.WithKeyword || k === SyntaxKind.ForKeyword || k === SyntaxKind.IfKeyword || k === SyntaxKind.CaseKeyword || k === SyntaxKind.AndKeyword || k === SyntaxKind.OrKeyword || k === SyntaxKind.NotKeyword || k === SyntaxKind.TrueKeyword || k === SyntaxKind.FalseKeyword;
}

/** `Name = literal` in a Label or TextConst declaration (Comment, Locked, MaxLength, ENU...). */
function parseLabelProperty(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.expectIdentifier('a property name'));
  p.push(p.expect(SyntaxKind.EqualsToken, "'='"));
  p.push(parseExpression(p));
  return p.finish(SyntaxKind.LabelProperty, childrenM);
}

/** `[n, m]` */
function parseLengths(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.expect(SyntaxKind.OpenBracketToken, "'['"));
  if (p.cur() !== SyntaxKind.CloseBracketToken) {
    p.push(parseExpression(p));
    while (p.cur() === SyntaxKind.CommaToken) {
      p.push(p.take());
      p.push(parseExpression(p));
    }
  }
  p.push(p.expect(SyntaxKind.CloseBracketToken, "']'"));
  return p.finish(SyntaxKind.TypeLengths, childrenM);
}
