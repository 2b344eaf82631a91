// File-level grammar: namespace, using directives and object declarations of every AL object type.
import { SyntaxKind, isObjectKeyword } from './syntaxKind';
import type { SyntaxNode } from './node';
import { Parser, isNameToken } from './parser';
import { parseBody } from './parseMembers';
import { parseQualifiedName } from './parseTypes';

export function parseSourceFile(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.EndOfFileToken) break;
    if (k === SyntaxKind.NamespaceKeyword || k === SyntaxKind.UsingKeyword) {
      const kw = p.take();
      const name = parseQualifiedName(p, 'a namespace name');
      p.push(p.node(k === SyntaxKind.NamespaceKeyword ? SyntaxKind.NamespaceDeclaration : SyntaxKind.UsingDirective, [kw, name, p.expect(SyntaxKind.SemicolonToken, "';'")]));
    } else if (isObjectKeyword(k)) {
      p.push(parseObject(p));
    } else {
      p.push(p.skipUnexpected('at file level: expected an object declaration'));
    }
  }
  p.push(p.takeEndOfFile());
  return p.finish(SyntaxKind.SourceFile, childrenM);
}

/** `kind [id] [name] [extends X] [implements A, B] [customizes X] { members }` */
function parseObject(p: Parser): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.take());
  if (p.cur() === SyntaxKind.IntegerLiteral) p.push(p.take());
  if (isNameToken(p.cur()) && !isClauseStart(p)) p.push(p.takeIdentifier());
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.ExtendsKeyword) {
      p.push(qualifiedNameList(p, SyntaxKind.ExtendsClause));
    } else if (k === SyntaxKind.ImplementsKeyword) {
      p.push(qualifiedNameList(p, SyntaxKind.ImplementsClause));
    } else if (k === SyntaxKind.CustomizesKeyword) {
      p.push(p.node(SyntaxKind.CustomizesClause, [p.take(), parseQualifiedName(p, 'a page name')]));
    } else break;
  }
  p.push(parseBody(p));
  return p.finish(SyntaxKind.ObjectDeclaration, childrenM);
}

/** The clause keyword and `Name (, Name)*` (interfaces may extend several interfaces). */
function qualifiedNameList(p: Parser, kind: SyntaxKind): SyntaxNode {
  const childrenM = p.mark();
  p.push(p.take());
  p.push(parseQualifiedName(p, 'a name'));
  while (p.cur() === SyntaxKind.CommaToken) {
    p.push(p.take());
    p.push(parseQualifiedName(p, 'a name'));
  }
  return p.finish(kind, childrenM);
}

/** `extends`/`implements`/`customizes` followed by a name: a clause, not an object named Extends. */
function isClauseStart(p: Parser): boolean {
  const k = p.cur();
  return (k === SyntaxKind.ExtendsKeyword || k === SyntaxKind.ImplementsKeyword || k === SyntaxKind.CustomizesKeyword) && isNameToken(p.peek(1));
}
