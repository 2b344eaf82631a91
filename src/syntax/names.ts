// Name text helpers: identifier text without quotes, case-folded keys for lookups, qualified names, doc comments.
import { SyntaxKind } from './syntaxKind';
import type { SyntaxNode } from './node';
import { getSourceText, getTree } from './parse';
import { firstToken } from './walk';

/** Source text of a node or token (no leading trivia). Empty when the node is detached from its tree. */
export function nodeText(node: SyntaxNode): string {
  const text = getSourceText(node);
  return text !== undefined ? text.slice(node.start, node.end) : '';
}

/**
 * The name a token or name node stands for, without quotes: `"No."` -> `No.`, `Customer` -> `Customer`.
 * For a QualifiedName: the dotted parts unquoted and joined with '.' (`Microsoft.Sales.Sales Header`).
 * For an IdentifierExpression: its token's name. Missing tokens give ''.
 */
export function identifierText(node: SyntaxNode): string {
  if (node.kind === SyntaxKind.QualifiedName) return qualifiedNameParts(node).join('.');
  if (node.kind === SyntaxKind.IdentifierExpression) return identifierText(node.children[0]);
  const text = nodeText(node);
  if (node.kind === SyntaxKind.QuotedIdentifier && text.length >= 2 && text.charCodeAt(0) === 34 && text.charCodeAt(text.length - 1) === 34) {
    const inner = text.slice(1, -1);
    return inner.indexOf('""') >= 0 ? inner.replace(/""/g, '"') : inner;
  }
  if (node.kind === SyntaxKind.QuotedIdentifier && text.charCodeAt(0) === 34) return text.slice(1);
  return text;
}

/** Case-folded identifier text, for comparing names the way AL does (case-insensitively). */
export function identifierKey(node: SyntaxNode): string {
  return identifierText(node).toLowerCase();
}

/** Case-folds a name string the way identifierKey does. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** Unquoted parts of a QualifiedName (or the single part of a name token). */
export function qualifiedNameParts(node: SyntaxNode): string[] {
  if (node.kind !== SyntaxKind.QualifiedName) return [identifierText(node)];
  const out: string[] = [];
  for (const c of node.children) if (c.kind !== SyntaxKind.DotToken) out.push(identifierText(c));
  return out;
}

/** The last part of a possibly qualified name: the object name of `Microsoft.Sales."Sales Header"`. */
export function simpleName(node: SyntaxNode): string {
  const parts = qualifiedNameParts(node);
  return parts[parts.length - 1] ?? '';
}

/**
 * The `///` documentation comment lines directly before a declaration (before its attributes too), with the
 * `///` and one following space removed. Empty when there is none.
 */
export function docComment(decl: SyntaxNode): string[] {
  const tree = getTree(decl);
  const tok = firstToken(decl);
  if (!tree || !tok) return [];
  const trivia = tree.leadingTrivia(tok);
  const lines: string[] = [];
  // Walk backwards over whitespace and line breaks; stop at anything else (a blank line also ends the block).
  let newlines = 0;
  for (let i = trivia.length - 1; i >= 0; i--) {
    const t = trivia[i];
    if (t.kind === SyntaxKind.WhitespaceTrivia) continue;
    if (t.kind === SyntaxKind.EndOfLineTrivia) {
      if (++newlines > 1) break;
      continue;
    }
    if (t.kind !== SyntaxKind.DocCommentTrivia) break;
    newlines = 0;
    let line = tree.text.slice(t.start + 3, t.end);
    if (line.startsWith(' ')) line = line.slice(1);
    lines.push(line.replace(/\s+$/, ''));
  }
  return lines.reverse();
}
