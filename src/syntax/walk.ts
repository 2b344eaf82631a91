// Tree navigation: walking, tokens of a node, node/token at an offset, text reconstruction. All iterative,
// so arbitrarily deep trees (long `a + b + c ...` chains) never overflow the stack.
import { SyntaxKind, isToken } from './syntaxKind';
import type { SyntaxNode } from './node';

/**
 * Pre-order walk over a node and its descendants (tokens included). Return false from `visit` to skip the
 * children of that node.
 */
export function walk(node: SyntaxNode, visit: (node: SyntaxNode) => boolean | void): void {
  const stack: SyntaxNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    const c = n.children;
    for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]);
  }
}

/** Calls `visit` for every token of a node in source order (missing tokens included). */
export function forEachToken(node: SyntaxNode, visit: (token: SyntaxNode) => void): void {
  walk(node, (n) => {
    if (n.children.length === 0 && isToken(n.kind)) visit(n);
  });
}

/** The tokens of a node in source order (missing tokens included). */
export function tokensOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  forEachToken(node, (t) => out.push(t));
  return out;
}

/** First token of a node (possibly missing), or undefined for an empty node. */
export function firstToken(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | undefined = node;
  while (n && n.children.length > 0) n = n.children[0];
  return n && isToken(n.kind) ? n : firstTokenSlow(node);
}
function firstTokenSlow(node: SyntaxNode): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  walk(node, (n) => {
    if (found) return false;
    if (isToken(n.kind)) found = n;
  });
  return found;
}

/** Last token of a node, or undefined for an empty node. */
export function lastToken(node: SyntaxNode): SyntaxNode | undefined {
  const all = tokensOf(node);
  return all[all.length - 1];
}

/**
 * The token at an offset: the real (not missing) token whose text contains it (start <= offset < end);
 * if none does, the token ending exactly at offset (a cursor right after an identifier); else undefined.
 */
export function findTokenAt(root: SyntaxNode, offset: number): SyntaxNode | undefined {
  let n = root;
  let touching: SyntaxNode | undefined;
  for (;;) {
    const c = n.children;
    if (c.length === 0) break;
    let next: SyntaxNode | undefined;
    for (let i = 0; i < c.length; i++) {
      const ch = c[i];
      if (ch.fullStart > offset) break;
      if (ch.start <= offset && offset < ch.end) {
        next = ch;
        break;
      }
      if (ch.end === offset && ch.end > ch.start) touching = ch;
    }
    if (!next) break;
    n = next;
  }
  if (isToken(n.kind) && n.start <= offset && offset < n.end) return n;
  if (touching) {
    while (touching.children.length > 0) {
      const c = touching.children;
      let last: SyntaxNode | undefined;
      for (let i = c.length - 1; i >= 0; i--) {
        if (c[i].end === offset && c[i].end > c[i].start) {
          last = c[i];
          break;
        }
      }
      if (!last) break;
      touching = last;
    }
    if (isToken(touching.kind)) return touching;
  }
  return undefined;
}

/** The innermost node (not token) containing offset, optionally the innermost one satisfying `accept`. */
export function findNodeAt(root: SyntaxNode, offset: number, accept?: (node: SyntaxNode) => boolean): SyntaxNode | undefined {
  let best: SyntaxNode | undefined;
  let n: SyntaxNode | undefined = root;
  while (n) {
    if (!isToken(n.kind) && (!accept || accept(n))) best = n;
    const c: SyntaxNode[] = n.children;
    let next: SyntaxNode | undefined;
    for (let i = 0; i < c.length; i++) {
      if (c[i].start <= offset && offset < c[i].end) {
        next = c[i];
        break;
      }
      if (c[i].start > offset) break;
    }
    n = next;
  }
  return best;
}

/** The nearest ancestor (starting with the node itself) of the given kind. */
export function ancestorOfKind(node: SyntaxNode, kind: SyntaxKind): SyntaxNode | undefined {
  let n: SyntaxNode | undefined = node;
  while (n && n.kind !== kind) n = n.parent;
  return n;
}

/** Child nodes and tokens of a given kind. */
export function childrenOfKind(node: SyntaxNode, kind: SyntaxKind): SyntaxNode[] {
  return node.children.filter((c) => c.kind === kind);
}

/** First child of a given kind. */
export function childOfKind(node: SyntaxNode, kind: SyntaxKind): SyntaxNode | undefined {
  return node.children.find((c) => c.kind === kind);
}

/** Rebuilds the source from the tree: every token's leading trivia and text, in order. Equals the parsed text. */
export function reconstructText(root: SyntaxNode, text: string): string {
  const parts: string[] = [];
  forEachToken(root, (t) => {
    if (t.end > t.fullStart) parts.push(text.slice(t.fullStart, t.end));
  });
  return parts.join('');
}

/**
 * Checks the lossless invariant without building a string: the full spans of the real tokens tile the text.
 */
export function isLossless(root: SyntaxNode, text: string): boolean {
  let pos = 0;
  let ok = true;
  forEachToken(root, (t) => {
    if (t.end === t.fullStart) return; // missing tokens (and an empty end-of-file token) occupy nothing
    if (t.fullStart !== pos || t.end < t.start || t.start < t.fullStart) ok = false;
    pos = t.end;
  });
  return ok && pos === text.length;
}
