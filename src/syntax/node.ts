// The lossless syntax tree: one node class for tokens and inner nodes, and the tree that owns the trivia.
import { SyntaxKind, isToken } from './syntaxKind';

const EMPTY: SyntaxNode[] = [];
Object.freeze(EMPTY);

// Node flags (bits of SyntaxNode.flags).
/** The token was not in the source: the parser inserted it (zero width) and reported an error. */
export const FLAG_MISSING = 1;
/** The token is a keyword that the parser accepted as an identifier (its kind was turned into Identifier). */
export const FLAG_KEYWORD_AS_IDENTIFIER = 2;

/**
 * A token or a node. Tokens have no children; their leading trivia occupy [fullStart, start).
 * Inner nodes span their children: start = first child's start, end = last child's end.
 * Invariant: every object has the same shape (fields assigned in the constructor only).
 */
export class SyntaxNode {
  kind: SyntaxKind;
  /** Start of the node's first token text (after its leading trivia). */
  start: number;
  /** End of the node's last token text. */
  end: number;
  /** Start of the node's leading trivia (= start when there is none). */
  fullStart: number;
  parent: SyntaxNode | undefined;
  /** Child nodes and tokens in source order (tokens and trivia concatenated reproduce the text). */
  children: SyntaxNode[];
  /** For tokens: index of the first leading trivia in the tree's trivia arrays; -1 for nodes. */
  triviaIndex: number;
  /** FLAG_* bits. */
  flags: number;

  constructor(kind: SyntaxKind, start: number, end: number, fullStart: number, children: SyntaxNode[], triviaIndex: number, flags: number) {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.fullStart = fullStart;
    this.parent = undefined;
    this.children = children;
    this.triviaIndex = triviaIndex;
    this.flags = flags;
  }

  get isToken(): boolean {
    return isToken(this.kind);
  }
  get isMissing(): boolean {
    return (this.flags & FLAG_MISSING) !== 0;
  }
}

/** Makes a token node. */
export function makeToken(kind: SyntaxKind, fullStart: number, start: number, end: number, triviaIndex: number, flags: number): SyntaxNode {
  return new SyntaxNode(kind, start, end, fullStart, EMPTY, triviaIndex, flags);
}

/** Makes an inner node over its children and sets their parent. A node without children sits at `pos`. */
export function makeNode(kind: SyntaxKind, children: SyntaxNode[], pos: number): SyntaxNode {
  const n = children.length;
  const node =
    n === 0
      ? new SyntaxNode(kind, pos, pos, pos, EMPTY, -1, 0)
      : new SyntaxNode(kind, children[0].start, children[n - 1].end, children[0].fullStart, children, -1, 0);
  for (let i = 0; i < n; i++) children[i].parent = node;
  return node;
}

export interface SyntaxError {
  start: number;
  end: number;
  message: string;
}

/** One trivia piece (comment, whitespace, directive, disabled text) with its span. */
export interface Trivia {
  kind: SyntaxKind;
  start: number;
  end: number;
}
