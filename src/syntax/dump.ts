// A readable, stable text dump of a tree (for golden tests and debugging): one line per node or token,
// comments/directives/disabled text shown as `~` lines before the token they precede.
import { SyntaxKind, isToken, kindName } from './syntaxKind';
import type { SyntaxNode } from './node';
import { getTree } from './parse';

export function dumpTree(root: SyntaxNode): string {
  const tree = getTree(root);
  const text = tree?.text ?? '';
  const lines: string[] = [];
  const stack: { node: SyntaxNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const indent = '  '.repeat(depth);
    if (isToken(node.kind)) {
      if (tree) {
        for (const t of tree.leadingTrivia(node)) {
          if (t.kind === SyntaxKind.WhitespaceTrivia || t.kind === SyntaxKind.EndOfLineTrivia) continue;
          lines.push(`${indent}~ ${kindName(t.kind)} ${JSON.stringify(text.slice(t.start, t.end))}`);
        }
      }
      const missing = node.isMissing ? ' (missing)' : '';
      const tokenText = node.kind === SyntaxKind.EndOfFileToken ? '' : ` ${JSON.stringify(text.slice(node.start, node.end))}`;
      lines.push(`${indent}${kindName(node.kind)}${tokenText}${missing}`);
    } else {
      lines.push(`${indent}${kindName(node.kind)}`);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], depth: depth + 1 });
    }
  }
  return lines.join('\n') + '\n';
}
