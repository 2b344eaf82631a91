// File-level grammar: namespace, using directives and object declarations of every AL object type.
import { SyntaxKind, isObjectKeyword } from './syntaxKind';
import type { SyntaxNode } from './node';
import { Parser, isNameToken } from './parser';
import { parseBody } from './parseMembers';
import { parseQualifiedName } from './parseTypes';

export function parseSourceFile(p: Parser): SyntaxNode {
  const children: SyntaxNode[] = [];
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.EndOfFileToken) break;
    if (k === SyntaxKind.NamespaceKeyword || k === SyntaxKind.UsingKeyword) {
      const kw = p.take();
      const name = parseQualifiedName(p, 'a namespace name');
      children.push(p.node(k === SyntaxKind.NamespaceKeyword ? SyntaxKind.NamespaceDeclaration : SyntaxKind.UsingDirective, [kw, name, p.expect(SyntaxKind.SemicolonToken, "';'")]));
    } else if (isObjectKeyword(k)) {
      children.push(parseObject(p));
    } else {
      children.push(p.skipUnexpected('at file level: expected an object declaration'));
    }
  }
  children.push(p.takeEndOfFile());
  return p.node(SyntaxKind.SourceFile, children);
}

/** `kind [id] [name] [extends X] [implements A, B] [customizes X] { members }` */
function parseObject(p: Parser): SyntaxNode {
  const children = [p.take()];
  if (p.cur() === SyntaxKind.IntegerLiteral) children.push(p.take());
  if (isNameToken(p.cur()) && !isClauseStart(p)) children.push(p.takeIdentifier());
  for (;;) {
    const k = p.cur();
    if (k === SyntaxKind.ExtendsKeyword) {
      children.push(p.node(SyntaxKind.ExtendsClause, qualifiedNameList(p)));
    } else if (k === SyntaxKind.ImplementsKeyword) {
      children.push(p.node(SyntaxKind.ImplementsClause, qualifiedNameList(p)));
    } else if (k === SyntaxKind.CustomizesKeyword) {
      children.push(p.node(SyntaxKind.CustomizesClause, [p.take(), parseQualifiedName(p, 'a page name')]));
    } else break;
  }
  children.push(parseBody(p));
  return p.node(SyntaxKind.ObjectDeclaration, children);
}

/** The clause keyword and `Name (, Name)*` (interfaces may extend several interfaces). */
function qualifiedNameList(p: Parser): SyntaxNode[] {
  const children = [p.take(), parseQualifiedName(p, 'a name')];
  while (p.cur() === SyntaxKind.CommaToken) {
    children.push(p.take());
    children.push(parseQualifiedName(p, 'a name'));
  }
  return children;
}

/** `extends`/`implements`/`customizes` followed by a name: a clause, not an object named Extends. */
function isClauseStart(p: Parser): boolean {
  const k = p.cur();
  return (k === SyntaxKind.ExtendsKeyword || k === SyntaxKind.ImplementsKeyword || k === SyntaxKind.CustomizesKeyword) && isNameToken(p.peek(1));
}
