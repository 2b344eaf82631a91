// Entry point of the syntax layer: parseFile(text) scans and parses one AL file into a lossless tree.
import { SyntaxKind } from './syntaxKind';
import { SyntaxNode, type SyntaxError, type Trivia } from './node';
import { scan } from './scanner';
import { Parser } from './parser';
import { parseSourceFile } from './parseObjects';
import { LineMap } from './lineMap';

export interface ParseOptions {
  /** Preprocessor symbols defined for the whole file (app.json `preprocessorSymbols`). */
  preprocessorSymbols?: Iterable<string>;
}

/** The result of parsing one file. Never thrown from; `errors` lists every syntax error. */
export interface ParseResult {
  root: SyntaxNode;
  errors: SyntaxError[];
  lineMap: LineMap;
  tree: SyntaxTree;
}

/** Owns the text and the trivia of a parsed file; tokens point into the trivia arrays by index. */
export class SyntaxTree {
  readonly text: string;
  readonly root: SyntaxNode;
  readonly triviaKinds: Uint16Array;
  readonly triviaStarts: Int32Array;
  private lineMapCache: LineMap | undefined;

  constructor(text: string, root: SyntaxNode, triviaKinds: Uint16Array, triviaStarts: Int32Array) {
    this.text = text;
    this.root = root;
    this.triviaKinds = triviaKinds;
    this.triviaStarts = triviaStarts;
  }

  get lineMap(): LineMap {
    return (this.lineMapCache ??= new LineMap(this.text));
  }

  /** The leading trivia of a token (comments, whitespace, directives, disabled text before it). */
  leadingTrivia(token: SyntaxNode): Trivia[] {
    const out: Trivia[] = [];
    if (token.triviaIndex < 0) return out;
    const kinds = this.triviaKinds;
    const starts = this.triviaStarts;
    for (let i = token.triviaIndex; i < kinds.length && starts[i] < token.start; i++) {
      const end = i + 1 < kinds.length && starts[i + 1] < token.start ? starts[i + 1] : token.start;
      out.push({ kind: kinds[i] as SyntaxKind, start: starts[i], end });
    }
    return out;
  }

  /** Source text of a node or token (without leading trivia). */
  textOf(node: SyntaxNode): string {
    return this.text.slice(node.start, node.end);
  }
}

const emptySymbols: ReadonlySet<string> = new Set();

/** Parses one file. Never throws; always returns a tree whose tokens and trivia reproduce `text` exactly. */
export function parseFile(text: string, options: ParseOptions = {}): ParseResult {
  const symbols = options.preprocessorSymbols ? new Set(options.preprocessorSymbols) : emptySymbols;
  const s = scan(text, symbols);
  const p = new Parser(text, s);
  const root = parseSourceFile(p);
  const errors = [...s.errors, ...p.errors].sort((a, b) => a.start - b.start);
  const tree = new SyntaxTree(text, root, s.triviaKinds.slice(0, s.triviaCount), s.triviaStarts.slice(0, s.triviaCount));
  treeOf.set(root, tree);
  return {
    root,
    errors,
    get lineMap() {
      return tree.lineMap;
    },
    tree,
  };
}

// Roots know their tree through a weak map so nodes keep one shape (no tree field on every node).
const treeOf = new WeakMap<SyntaxNode, SyntaxTree>();

/** The SyntaxTree owning a node (walks up to the root). */
export function getTree(node: SyntaxNode): SyntaxTree | undefined {
  let n = node;
  while (n.parent) n = n.parent;
  return treeOf.get(n);
}

