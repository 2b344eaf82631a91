// Entry point of the syntax layer: parseFile(text) scans and parses one AL file into a lossless tree.
import { SyntaxKind } from './syntaxKind';
import { SyntaxNode, type SyntaxError, type Trivia } from './node';
import { scan } from './scanner';
import { Parser } from './parser';
import { parseSourceFile } from './parseObjects';
import { parseExpression } from './parseExpressions';
import { makeNode } from './node';
import { LineMap } from './lineMap';

export interface ParseOptions {
  /** Preprocessor symbols defined for the whole file (app.json `preprocessorSymbols`). */
  preprocessorSymbols?: Iterable<string>;
  /**
   * Skim procedure and trigger bodies (`begin ... end` kept as a Block of its two keywords): for indexing declarations,
   * where the statements are built later from a full parse. The tree is then not lossless, and errors inside
   * well-formed bodies are not reported (a body that does not close is parsed in full).
   */
  skimBodies?: boolean;
}

/** The result of parsing one file. Never thrown from; `errors` lists every syntax error. */
export interface ParseResult {
  root: SyntaxNode;
  errors: SyntaxError[];
  lineMap: LineMap;
  tree: SyntaxTree;
}

/** What a tree owns besides its nodes: the text, the trivia arrays and a lazily built line map. */
interface TreeData {
  readonly text: string;
  readonly triviaKinds: Uint16Array;
  readonly triviaStarts: Int32Array;
  lineMap: LineMap | undefined;
}

/** The text and trivia of a parsed file; tokens point into the trivia arrays by index. */
export class SyntaxTree {
  readonly root: SyntaxNode;
  private readonly data: TreeData;

  constructor(root: SyntaxNode, data: TreeData) {
    this.root = root;
    this.data = data;
  }

  get text(): string {
    return this.data.text;
  }
  get triviaKinds(): Uint16Array {
    return this.data.triviaKinds;
  }
  get triviaStarts(): Int32Array {
    return this.data.triviaStarts;
  }
  get lineMap(): LineMap {
    return (this.data.lineMap ??= new LineMap(this.data.text));
  }

  /** The leading trivia of a token (comments, whitespace, directives, disabled text before it). */
  leadingTrivia(token: SyntaxNode): Trivia[] {
    const out: Trivia[] = [];
    if (token.triviaIndex < 0) return out;
    const kinds = this.data.triviaKinds;
    const starts = this.data.triviaStarts;
    for (let i = token.triviaIndex; i < kinds.length && starts[i] < token.start; i++) {
      const end = i + 1 < kinds.length && starts[i + 1] < token.start ? starts[i + 1] : token.start;
      out.push({ kind: kinds[i] as SyntaxKind, start: starts[i], end });
    }
    return out;
  }

  /** Source text of a node or token (without leading trivia). */
  textOf(node: SyntaxNode): string {
    return this.data.text.slice(node.start, node.end);
  }
}

const emptySymbols: ReadonlySet<string> = new Set();

/** Parses one file. Never throws; always returns a tree whose tokens and trivia reproduce `text` exactly. */
export function parseFile(text: string, options: ParseOptions = {}): ParseResult {
  const symbols = options.preprocessorSymbols ? new Set(options.preprocessorSymbols) : emptySymbols;
  const s = scan(text, symbols);
  const p = new Parser(text, s);
  p.skimBodies = options.skimBodies === true;
  const root = parseSourceFile(p);
  const errors = [...s.errors, ...p.errors].sort((a, b) => a.start - b.start);
  const data: TreeData = { text, triviaKinds: s.triviaKinds.slice(0, s.triviaCount), triviaStarts: s.triviaStarts.slice(0, s.triviaCount), lineMap: undefined };
  dataOf.set(root, data);
  const tree = new SyntaxTree(root, data);
  return new ParseResultImpl(root, errors, tree);
}

/** The result of parsing a standalone expression (see parseExpressionText). */
export interface ExpressionParseResult {
  /** The expression node; its offsets are relative to the parsed text. */
  expression: SyntaxNode;
  errors: SyntaxError[];
  tree: SyntaxTree;
}

/**
 * Parses `text` as one AL expression (e.g. a property value such as `IsEditable and not Blocked`).
 * Never throws. `tree.root` is a SourceFile node holding the expression, an ErrorNode per token left after it
 * (each reported), and the end-of-file token, so the tree stays lossless.
 */
export function parseExpressionText(text: string, options: ParseOptions = {}): ExpressionParseResult {
  const symbols = options.preprocessorSymbols ? new Set(options.preprocessorSymbols) : emptySymbols;
  const s = scan(text, symbols);
  const p = new Parser(text, s);
  const expression = parseExpression(p);
  const children = [expression];
  while (p.cur() !== SyntaxKind.EndOfFileToken) children.push(p.skipUnexpected('after the expression'));
  children.push(p.takeEndOfFile());
  const root = makeNode(SyntaxKind.SourceFile, children, 0);
  const errors = [...s.errors, ...p.errors].sort((a, b) => a.start - b.start);
  const data: TreeData = { text, triviaKinds: s.triviaKinds.slice(0, s.triviaCount), triviaStarts: s.triviaStarts.slice(0, s.triviaCount), lineMap: undefined };
  dataOf.set(root, data);
  return { expression, errors, tree: new SyntaxTree(root, data) };
}

// A class rather than an object literal with a `get lineMap()` closure: closures created per parse are reachable
// from V8's feedback structures in old space, which made young GCs keep every parsed tree alive (measured: all
// 200 MB of trees promoted per 12 MB of source, GC pauses 20x longer).
class ParseResultImpl implements ParseResult {
  readonly root: SyntaxNode;
  readonly errors: SyntaxError[];
  readonly tree: SyntaxTree;
  constructor(root: SyntaxNode, errors: SyntaxError[], tree: SyntaxTree) {
    this.root = root;
    this.errors = errors;
    this.tree = tree;
  }
  get lineMap(): LineMap {
    return this.tree.lineMap;
  }
}

// Roots find their text and trivia through a weak map so nodes keep one shape (no tree field on every node).
// Invariant: the map's values never reference the root (no SyntaxTree, no node): an entry whose value points
// back at its key makes V8's young-generation GC keep every tree alive until a full GC (measured: all trees were
// promoted, GC time doubled).
const dataOf = new WeakMap<SyntaxNode, TreeData>();

function rootOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** The SyntaxTree owning a node (a small view object; cheap to create). */
export function getTree(node: SyntaxNode): SyntaxTree | undefined {
  const root = rootOf(node);
  const data = dataOf.get(root);
  return data ? new SyntaxTree(root, data) : undefined;
}

/** The source text a node was parsed from (undefined for detached nodes). */
export function getSourceText(node: SyntaxNode): string | undefined {
  return dataOf.get(rootOf(node))?.text;
}
