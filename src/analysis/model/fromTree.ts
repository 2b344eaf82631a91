// Builds the analysis model (model/ir.ts) of one file from the parser's lossless tree: objects, properties,
// variables, procedures and triggers (page field/action triggers with their host), statements and expressions,
// and the `#pragma warning` directives found in the trivia.
import { parseFile, SyntaxKind, type SyntaxNode, type SyntaxTree } from '../../syntax';
import { parsePragma } from '../pragmas';
import type { AlFileModel, AlObject, EventRef, PragmaDirective, CaseBranch, Expr, ObjectKind, Param, Procedure, Property, Stmt, TriggerHost, TypeRef, VarDecl } from './ir';
import { lastSegment, unquote } from './names';

export interface BuildOptions {
  preprocessorSymbols?: ReadonlySet<string>;
  /**
   * Build procedure bodies only when first read (the file is parsed again then). Indexing a large workspace keeps
   * object headers, variables and signatures of every file, and statements only of the files an analysis reaches.
   */
  lazyBodies?: boolean;
}

const noSymbols: ReadonlySet<string> = new Set();

export function buildFileModel(path: string, text: string, options: BuildOptions = {}): AlFileModel {
  const symbols = options.preprocessorSymbols ?? noSymbols;
  // With lazy bodies the statements are built from a second, full parse when first read: skim them here (most of a
  // file's tokens are statements; not building their nodes halves the indexing parse).
  const result = parseFile(text, { preprocessorSymbols: symbols, skimBodies: options.lazyBodies === true });
  let lazy: LazyBodies | undefined;
  if (options.lazyBodies) lazy = new LazyBodies(path, text, symbols);
  return modelFromTree(path, text, result.tree, result.errors.length, lazy);
}

/**
 * The files whose bodies are built, least recently used first, with their text lengths: bodies weigh about as much
 * as their source, and a whole-workspace walk reaches most of a large workspace, so only a budget of them is kept
 * (W1: the walks' working set is a small part of the 270 M characters; the rest is rebuilt by a re-parse if read
 * again). Invariant: a body object stays valid after eviction (nothing is mutated); a later read may return a new,
 * equal one, so code must not compare bodies of different reads by identity.
 */
const builtBodies = new Map<LazyBodies, number>();
let builtChars = 0;
let bodyBudgetChars = 64 * 1024 * 1024;

/** Sets the budget of source characters whose bodies stay built (tests and benchmarks); returns the old one. */
export function setBodyBudget(chars: number): number {
  const old = bodyBudgetChars;
  bodyBudgetChars = chars;
  return old;
}

/** Re-parses a file on first demand and builds all its procedure bodies, keyed by the offset of their block. */
class LazyBodies {
  private bodies: Map<number, Stmt> | undefined;
  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly symbols: ReadonlySet<string>,
  ) {}
  get(blockStart: number): Stmt | undefined {
    if (this.bodies) {
      // Most recently used last.
      builtBodies.delete(this);
      builtBodies.set(this, this.text.length);
    } else {
      const bodies = new Map<number, Stmt>();
      const b = new Builder(this.path, this.text);
      const visit = (n: SyntaxNode) => {
        if (n.kind === SyntaxKind.TriggerDeclaration || n.kind === SyntaxKind.ProcedureDeclaration) {
          for (const c of n.children) if (c.kind === SyntaxKind.Block) bodies.set(c.start, b.stmt(c));
          return;
        }
        if (n.kind === SyntaxKind.Block || isExprNode(n)) return;
        for (const c of n.children) if (c.children.length) visit(c);
      };
      visit(parseFile(this.text, { preprocessorSymbols: this.symbols }).root);
      this.bodies = bodies;
      builtBodies.set(this, this.text.length);
      builtChars += this.text.length;
      for (const [old, chars] of builtBodies) {
        if (builtChars <= bodyBudgetChars || old === this) break;
        old.bodies = undefined;
        builtBodies.delete(old);
        builtChars -= chars;
      }
    }
    return this.bodies.get(blockStart);
  }
}

/** A procedure whose body is built on first access. */
/** `[EventSubscriber(ObjectType::Codeunit, Codeunit::"Sales-Post", OnBeforePost, '', false, false)]` */
function eventRef(text: string): EventRef | undefined {
  const m = /ObjectType\s*::\s*("?)([A-Za-z]+)\1\s*,\s*(?:[A-Za-z]+\s*::\s*)?("[^"]*"|[A-Za-z_][A-Za-z0-9_]*|\d+)\s*,\s*('[^']*'|"[^"]*"|[A-Za-z_][A-Za-z0-9_]*)/i.exec(text);
  if (!m) return undefined;
  return { objectKind: m[2].toLowerCase(), object: m[3].replace(/^"|"$/g, ''), event: m[4].replace(/^['"]|['"]$/g, '') };
}

class LazyProcedure {
  constructor(
    fields: Omit<Procedure, 'body'>,
    private readonly lazy: LazyBodies,
    private readonly blockStart: number,
  ) {
    Object.assign(this, fields);
  }
  get body(): Stmt | undefined {
    return this.lazy.get(this.blockStart);
  }
}

export function modelFromTree(path: string, text: string, tree: SyntaxTree, syntaxErrors: number, lazy?: LazyBodies): AlFileModel {
  const b = new Builder(path, text, lazy);
  const objects: AlObject[] = [];
  let namespace = '';
  for (const c of tree.root.children) {
    if (c.kind === SyntaxKind.NamespaceDeclaration) {
      const q = c.children.find((x) => x.kind === SyntaxKind.QualifiedName || x.kind === SyntaxKind.Identifier || x.kind === SyntaxKind.QuotedIdentifier);
      namespace = q ? b.text.slice(q.start, q.end).replace(/"/g, '') : '';
    } else if (c.kind === SyntaxKind.ObjectDeclaration) {
      try {
        objects.push(b.object(c, namespace));
      } catch (err) {
        // The builder must never take the file down: an object it cannot model is left out, and said so.
        if (!(err instanceof ModelError)) throw err;
      }
    }
  }
  return { path, text, objects, pragmas: pragmas(tree, text), syntaxErrors };
}

class ModelError extends Error {}

/** `#pragma warning` directives, from the directive trivia the scanner keeps (never from a text search). */
function pragmas(tree: SyntaxTree, text: string): PragmaDirective[] {
  const out: PragmaDirective[] = [];
  const kinds = tree.triviaKinds;
  const starts = tree.triviaStarts;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== SyntaxKind.DirectiveTrivia) continue;
    const start = starts[i];
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const d = parsePragma(text.slice(start, end).trimEnd(), start, end);
    if (d) out.push(d);
  }
  return out;
}

const objectKinds: Partial<Record<number, ObjectKind>> = {
  [SyntaxKind.TableKeyword]: 'table',
  [SyntaxKind.TableExtensionKeyword]: 'tableextension',
  [SyntaxKind.PageKeyword]: 'page',
  [SyntaxKind.PageExtensionKeyword]: 'pageextension',
  [SyntaxKind.PageCustomizationKeyword]: 'pagecustomization',
  [SyntaxKind.CodeunitKeyword]: 'codeunit',
  [SyntaxKind.ReportKeyword]: 'report',
  [SyntaxKind.ReportExtensionKeyword]: 'reportextension',
  [SyntaxKind.XmlPortKeyword]: 'xmlport',
  [SyntaxKind.QueryKeyword]: 'query',
  [SyntaxKind.EnumKeyword]: 'enum',
  [SyntaxKind.EnumExtensionKeyword]: 'enumextension',
  [SyntaxKind.InterfaceKeyword]: 'interface',
  [SyntaxKind.PermissionSetKeyword]: 'permissionset',
  [SyntaxKind.PermissionSetExtensionKeyword]: 'permissionsetextension',
  [SyntaxKind.ProfileKeyword]: 'profile',
  [SyntaxKind.ControlAddInKeyword]: 'controladdin',
  [SyntaxKind.EntitlementKeyword]: 'entitlement',
};

function isNameTok(n: SyntaxNode): boolean {
  return n.kind === SyntaxKind.Identifier || n.kind === SyntaxKind.QuotedIdentifier || n.kind === SyntaxKind.QualifiedName;
}

function isStmtNode(n: SyntaxNode): boolean {
  return n.kind >= SyntaxKind.Block && n.kind <= SyntaxKind.AssertErrorStatement && n.kind !== SyntaxKind.CaseBranch && n.kind !== SyntaxKind.CaseElse;
}

function isExprNode(n: SyntaxNode): boolean {
  return n.kind >= SyntaxKind.LiteralExpression && n.kind <= SyntaxKind.RangeExpression && n.kind !== SyntaxKind.ArgumentList;
}

class Builder {
  constructor(
    readonly path: string,
    readonly text: string,
    private readonly lazy?: LazyBodies,
  ) {}

  t(n: SyntaxNode): string {
    return this.text.slice(n.start, n.end);
  }

  object(n: SyntaxNode, namespace: string): AlObject {
    const kw = n.children[0];
    const kind = (kw && objectKinds[kw.kind]) ?? 'other';
    let id = 0;
    let nameNode: SyntaxNode | undefined;
    let ext: string | undefined;
    const implementsList: string[] = [];
    let body: SyntaxNode | undefined;
    for (const c of n.children.slice(1)) {
      if (c.kind === SyntaxKind.IntegerLiteral && !nameNode) id = Number(this.t(c));
      else if (isNameTok(c) && !nameNode) nameNode = c;
      else if (c.kind === SyntaxKind.ExtendsClause || c.kind === SyntaxKind.CustomizesClause) {
        const q = c.children.find(isNameTok);
        if (q) ext = lastSegment(this.t(q));
      } else if (c.kind === SyntaxKind.ImplementsClause) {
        for (const q of c.children) if (isNameTok(q)) implementsList.push(lastSegment(this.t(q)));
      } else if (c.kind === SyntaxKind.Body) body = c;
    }
    const obj: AlObject = {
      kind,
      id,
      name: nameNode ? lastSegment(this.t(nameNode)) : '',
      namespace,
      file: this.path,
      start: n.start,
      end: n.end,
      nameStart: nameNode?.start ?? n.start,
      nameEnd: nameNode?.end ?? n.start,
      extends: ext,
      implements: implementsList,
      properties: new Map(),
      globals: [],
      procedures: [],
      closeBrace: body ? closeBraceOf(body) : n.end,
    };
    if (body) this.members(body, obj, undefined, true);
    return obj;
  }

  /** Walks a Body: properties (object level only), variables, procedures, triggers, sections and elements. */
  members(body: SyntaxNode, obj: AlObject, host: TriggerHost | undefined, objectLevel: boolean): void {
    let attrs: string[] = [];
    let subscribes: EventRef | undefined;
    for (const m of body.children) {
      switch (m.kind) {
        case SyntaxKind.Property:
          if (objectLevel) {
            const p = this.property(m);
            if (p) obj.properties.set(p[0], p[1]);
          }
          break;
        case SyntaxKind.VarSection:
          if (objectLevel) obj.globals.push(...this.vars(m));
          break;
        case SyntaxKind.Attribute: {
          const name = this.attrName(m);
          attrs.push(name);
          if (name === 'eventsubscriber') subscribes = eventRef(this.t(m));
          break;
        }
        case SyntaxKind.TriggerDeclaration:
        case SyntaxKind.ProcedureDeclaration: {
          const proc = this.procedure(m, attrs, objectLevel ? undefined : host);
          if (subscribes) proc.subscribes = subscribes;
          obj.procedures.push(proc);
          attrs = [];
          subscribes = undefined;
          break;
        }
        case SyntaxKind.Section: {
          const inner = m.children.find((c) => c.kind === SyntaxKind.Body);
          if (inner) this.members(inner, obj, host, false);
          break;
        }
        case SyntaxKind.Element:
          this.element(m, obj);
          break;
      }
    }
  }

  element(m: SyntaxNode, obj: AlObject): void {
    const kw = m.children[0] ? this.t(m.children[0]).toLowerCase() : '';
    const argsNode = m.children.find((c) => c.kind === SyntaxKind.ElementArguments);
    const args = argsNode ? argsNode.children.filter((c) => c.kind === SyntaxKind.ElementArgument) : [];
    const argText = (i: number) => (args[i] ? this.t(args[i]).trim() : undefined);
    let host: TriggerHost;
    const inTable = obj.kind === 'table' || obj.kind === 'tableextension';
    if (inTable && kw === 'field') this.tableField(m, args, obj);
    else if (inTable && kw === 'key') this.tableKey(m, args, obj);
    if (kw === 'field' && inTable) host = { kind: 'tablefield', name: unquote(argText(1) ?? '') };
    else if (kw === 'field') host = { kind: 'field', name: unquote(argText(0) ?? ''), sourceExpr: argText(1) };
    else if (kw === 'action' || kw === 'customaction' || kw === 'fileuploadaction' || kw === 'systemaction') host = { kind: 'action', name: unquote(argText(0) ?? '') };
    else if (kw === 'usercontrol') host = { kind: 'usercontrol', name: unquote(argText(0) ?? '') };
    else if (kw === 'part' || kw === 'systempart') host = { kind: 'part', name: unquote(argText(0) ?? '') };
    else if (kw === 'dataitem' || kw === 'tableelement') {
      host = { kind: 'dataitem', name: unquote(argText(0) ?? '') };
      // A data item is a record variable of the report (or XMLport) named after it: `WorkEntry.Post()` in its triggers.
      const table = argText(1);
      if (host.name && table && args[0]) {
        const text = `Record ${table}`;
        obj.globals.push({ name: host.name, type: { name: 'record', subtype: lastSegment(table), temporary: false, text }, start: args[0].start, end: args[0].end });
      }
    }
    else host = { kind: 'other', name: unquote(argText(0) ?? kw) };
    const inner = m.children.find((c) => c.kind === SyntaxKind.Body);
    if (inner) this.members(inner, obj, host, false);
  }

  tableField(m: SyntaxNode, args: SyntaxNode[], obj: AlObject): void {
    const typeArg = args[2];
    const typeText = typeArg ? this.t(typeArg).trim() : '';
    (obj.tableFields ??= []).push({
      id: Number(args[0] ? this.t(args[0]).trim() : NaN),
      name: unquote(args[1] ? this.t(args[1]).trim() : ''),
      typeName: /^[A-Za-z_][A-Za-z0-9_]*/.exec(typeText)?.[0] ?? '',
      typeStart: typeArg?.start ?? m.start,
      typeEnd: typeArg?.end ?? m.end,
      start: m.start,
      end: m.end,
    });
  }

  tableKey(m: SyntaxNode, args: SyntaxNode[], obj: AlObject): void {
    const names = args[1] ? args[1].children.filter((c) => c.kind !== SyntaxKind.CommaToken && c.end > c.start) : [];
    (obj.tableKeys ??= []).push({
      name: unquote(args[0] ? this.t(args[0]).trim() : ''),
      fields: names.map((c) => ({ name: unquote(this.t(c).trim()), start: c.start, end: c.end })),
      start: m.start,
      end: m.end,
    });
  }

  property(m: SyntaxNode): [string, Property] | undefined {
    const nameTok = m.children[0];
    const value = m.children.find((c) => c.kind === SyntaxKind.PropertyValue);
    if (!nameTok || !value) return undefined;
    let v = this.t(value).trim();
    if (/^"[^"]*"$/.test(v)) v = v.slice(1, -1);
    return [this.t(nameTok).toLowerCase(), { value: v, start: value.start, end: value.end }];
  }

  attrName(m: SyntaxNode): string {
    const id = m.children.find((c) => c.kind === SyntaxKind.Identifier || c.kind === SyntaxKind.QuotedIdentifier || isExprNode(c));
    const s = id ? this.t(id) : this.t(m);
    return (/[A-Za-z_][A-Za-z0-9_]*/.exec(s)?.[0] ?? '').toLowerCase();
  }

  vars(section: SyntaxNode): VarDecl[] {
    const out: VarDecl[] = [];
    for (const d of section.children) {
      if (d.kind !== SyntaxKind.VariableDeclaration) continue;
      const typeNode = d.children.find(isTypeNode);
      const type = typeNode ? this.type(typeNode) : { name: '', temporary: false, text: '' };
      // `a, b: Integer` declares several names; `temporary` may follow the type as a sibling token.
      if (d.children.some((c) => c.kind === SyntaxKind.TemporaryKeyword)) type.temporary = true;
      for (const c of d.children) {
        if (c === typeNode) break;
        if (c.kind === SyntaxKind.Identifier || c.kind === SyntaxKind.QuotedIdentifier) out.push({ name: unquote(this.t(c)), type, start: c.start, end: c.end });
      }
    }
    return out;
  }

  type(n: SyntaxNode): TypeRef {
    const text = this.t(n);
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
    const name = (m?.[1] ?? '').toLowerCase();
    let subtype: string | undefined;
    if (['record', 'codeunit', 'page', 'report', 'interface', 'enum', 'query', 'xmlport', 'testpage', 'testrequestpage'].includes(name)) {
      const rest = text.slice(m![0].length).replace(/\btemporary\s*$/i, '').trim();
      if (rest) subtype = lastSegment(rest);
    }
    const temporary = /\btemporary\s*$/i.test(text);
    return { name, subtype, temporary, text };
  }

  procedure(n: SyntaxNode, outerAttrs: string[], host: TriggerHost | undefined): Procedure {
    const isTrigger = n.kind === SyntaxKind.TriggerDeclaration;
    const attributes = [...outerAttrs];
    let subscribes: EventRef | undefined;
    let nameNode: SyntaxNode | undefined;
    let params: Param[] = [];
    let returnType: TypeRef | undefined;
    let returnName: string | undefined;
    let locals: VarDecl[] = [];
    let body: Stmt | undefined;
    let blockStart = -1;
    let isLocal = false;
    for (const c of n.children) {
      if (c.kind === SyntaxKind.Attribute) {
        const name = this.attrName(c);
        attributes.push(name);
        if (name === 'eventsubscriber') subscribes = eventRef(this.t(c));
      }
      else if (c.kind === SyntaxKind.LocalKeyword) isLocal = true;
      else if (isNameTok(c) && !nameNode) nameNode = c;
      else if (c.kind === SyntaxKind.ParameterList) params = this.params(c);
      else if (c.kind === SyntaxKind.ReturnValue) {
        const t = c.children.find(isTypeNode);
        if (t) returnType = this.type(t);
        const named = c.children.find((x) => x.kind === SyntaxKind.Identifier || x.kind === SyntaxKind.QuotedIdentifier);
        if (named) returnName = unquote(this.t(named));
      } else if (c.kind === SyntaxKind.VarSection) locals = this.vars(c);
      else if (c.kind === SyntaxKind.Block) {
        blockStart = c.start;
        if (!this.lazy) body = this.stmt(c);
      }
    }
    const fields = {
      name: nameNode ? unquote(this.t(nameNode)) : '',
      isTrigger,
      host,
      params,
      returnType,
      locals,
      nameStart: nameNode?.start ?? n.start,
      nameEnd: nameNode?.end ?? n.start,
      attributes,
      ...(subscribes ? { subscribes } : {}),
      ...(returnName ? { returnName } : {}),
      isLocal,
      start: n.start,
      end: n.end,
    };
    if (this.lazy && blockStart >= 0) return new LazyProcedure(fields, this.lazy, blockStart) as unknown as Procedure;
    return { ...fields, body };
  }

  params(list: SyntaxNode): Param[] {
    const out: Param[] = [];
    for (const p of list.children) {
      if (p.kind !== SyntaxKind.Parameter) continue;
      const isVar = p.children.some((c) => c.kind === SyntaxKind.VarKeyword);
      const nameNode = p.children.find((c) => c.kind === SyntaxKind.Identifier || c.kind === SyntaxKind.QuotedIdentifier);
      const typeNode = p.children.find(isTypeNode);
      const type = typeNode ? this.type(typeNode) : { name: '', temporary: false, text: '' };
      if (p.children.some((c) => c.kind === SyntaxKind.TemporaryKeyword)) type.temporary = true;
      out.push({ name: nameNode ? unquote(this.t(nameNode)) : '', type, isVar, start: p.start, end: p.end });
    }
    return out;
  }

  stmt(n: SyntaxNode): Stmt {
    const span = { start: n.start, end: n.end };
    const kids = n.children;
    switch (n.kind) {
      case SyntaxKind.Block:
        return { k: 'block', stmts: kids.filter(isStmtNode).map((c) => this.stmt(c)), ...span };
      case SyntaxKind.IfStatement: {
        const cond = kids.find(isExprNode);
        const thenIdx = kids.findIndex((c) => c.kind === SyntaxKind.ThenKeyword);
        const elseIdx = kids.findIndex((c) => c.kind === SyntaxKind.ElseKeyword);
        const thenNode = kids.find((c, i) => i > thenIdx && (elseIdx < 0 || i < elseIdx) && isStmtNode(c));
        const elseNode = elseIdx >= 0 ? kids.find((c, i) => i > elseIdx && isStmtNode(c)) : undefined;
        return { k: 'if', cond: cond ? this.expr(cond) : missing(n), then: thenNode && this.stmt(thenNode), else: elseNode && this.stmt(elseNode), ...span };
      }
      case SyntaxKind.CaseStatement: {
        const e = kids.find(isExprNode);
        const branches: CaseBranch[] = [];
        let elseStmt: Stmt | undefined;
        for (const c of kids) {
          if (c.kind === SyntaxKind.CaseBranch) {
            const colon = c.children.findIndex((x) => x.kind === SyntaxKind.ColonToken);
            const values = c.children.filter((x, i) => (colon < 0 || i < colon) && isExprNode(x)).map((x) => this.expr(x));
            const body = c.children.find((x, i) => i > colon && isStmtNode(x));
            branches.push({ values, body: body ? this.stmt(body) : { k: 'empty', start: c.end, end: c.end }, start: c.start, end: c.end });
          } else if (c.kind === SyntaxKind.CaseElse) {
            elseStmt = { k: 'block', stmts: c.children.filter(isStmtNode).map((x) => this.stmt(x)), start: c.start, end: c.end };
          }
        }
        return { k: 'case', expr: e ? this.expr(e) : missing(n), branches, else: elseStmt, ...span };
      }
      case SyntaxKind.WhileStatement: {
        const cond = kids.find(isExprNode);
        const body = kids.find(isStmtNode);
        return { k: 'while', cond: cond ? this.expr(cond) : missing(n), body: body && this.stmt(body), ...span };
      }
      case SyntaxKind.RepeatStatement: {
        const untilIdx = kids.findIndex((c) => c.kind === SyntaxKind.UntilKeyword);
        const body = kids.filter((c, i) => (untilIdx < 0 || i < untilIdx) && isStmtNode(c)).map((c) => this.stmt(c));
        const cond = kids.find((c, i) => i > untilIdx && isExprNode(c));
        return { k: 'repeat', body, cond: cond ? this.expr(cond) : missing(n), ...span };
      }
      case SyntaxKind.ForStatement: {
        const es = kids.filter(isExprNode).map((c) => this.expr(c));
        const body = kids.find(isStmtNode);
        return { k: 'for', variable: es[0] ?? missing(n), from: es[1] ?? missing(n), to: es[2] ?? missing(n), body: body && this.stmt(body), ...span };
      }
      case SyntaxKind.ForEachStatement: {
        const es = kids.filter(isExprNode).map((c) => this.expr(c));
        const body = kids.find(isStmtNode);
        return { k: 'foreach', variable: es[0] ?? missing(n), collection: es[1] ?? missing(n), body: body && this.stmt(body), ...span };
      }
      case SyntaxKind.WithStatement: {
        const e = kids.find(isExprNode);
        const body = kids.find(isStmtNode);
        return { k: 'with', expr: e ? this.expr(e) : missing(n), body: body && this.stmt(body), ...span };
      }
      case SyntaxKind.AssignmentStatement: {
        const es = kids.filter(isExprNode);
        const op = kids.find((c) => c.kind >= SyntaxKind.AssignToken && c.kind <= SyntaxKind.SlashAssignToken);
        return { k: 'assign', target: es[0] ? this.expr(es[0]) : missing(n), op: op ? this.t(op) : ':=', value: es[1] ? this.expr(es[1]) : missing(n), ...span };
      }
      case SyntaxKind.ExpressionStatement: {
        const e = kids.find(isExprNode);
        if (!e) return { k: 'empty', ...span };
        const x = this.expr(e);
        // A name as a statement is a call without parentheses (`Modify;`, `Cust.LogVisit;`, `InitWindow;`), which
        // AL allows: the rules see it as the call it is.
        if (x.k === 'ident' || x.k === 'member') return { k: 'expr', expr: { k: 'call', callee: x, args: [], start: x.start, end: x.end }, ...span };
        return { k: 'expr', expr: x, ...span };
      }
      case SyntaxKind.ExitStatement: {
        const e = kids.find(isExprNode);
        return { k: 'exit', value: e && this.expr(e), ...span };
      }
      case SyntaxKind.BreakStatement:
        return { k: 'break', ...span };
      case SyntaxKind.AssertErrorStatement: {
        const inner = kids.find(isStmtNode);
        return { k: 'block', stmts: inner ? [this.stmt(inner)] : [], ...span };
      }
      default:
        return { k: 'empty', ...span };
    }
  }

  expr(n: SyntaxNode): Expr {
    const span = { start: n.start, end: n.end };
    const kids = n.children;
    switch (n.kind) {
      case SyntaxKind.LiteralExpression: {
        const tok = kids[0];
        const raw = tok ? this.t(tok) : '';
        if (tok?.kind === SyntaxKind.StringLiteral) return { k: 'literal', type: 'string', value: raw.slice(1, -1).replace(/''/g, "'"), ...span };
        if (tok?.kind === SyntaxKind.IntegerLiteral || tok?.kind === SyntaxKind.DecimalLiteral) return { k: 'literal', type: 'number', value: raw, ...span };
        if (tok?.kind === SyntaxKind.TrueKeyword || tok?.kind === SyntaxKind.FalseKeyword) return { k: 'literal', type: 'boolean', value: raw.toLowerCase(), ...span };
        return { k: 'literal', type: 'other', value: raw, ...span };
      }
      case SyntaxKind.IdentifierExpression:
        return { k: 'ident', name: kids[0] ? unquote(this.t(kids[0])) : '', ...span };
      case SyntaxKind.ThisExpression:
        return { k: 'ident', name: 'this', ...span };
      case SyntaxKind.ParenthesizedExpression: {
        const inner = kids.find(isExprNode);
        return { k: 'other', children: inner ? [this.expr(inner)] : [], ...span };
      }
      case SyntaxKind.UnaryExpression: {
        const op = kids[0] ? this.t(kids[0]).toLowerCase() : '';
        const operand = kids.find(isExprNode);
        return { k: 'unary', op, operand: operand ? this.expr(operand) : missing(n), ...span };
      }
      case SyntaxKind.BinaryExpression: {
        const es = kids.filter(isExprNode);
        const op = kids.find((c) => !isExprNode(c));
        return { k: 'binary', op: op ? this.t(op).toLowerCase() : '', left: es[0] ? this.expr(es[0]) : missing(n), right: es[1] ? this.expr(es[1]) : missing(n), ...span };
      }
      case SyntaxKind.MemberAccessExpression: {
        const o = kids[0];
        const name = kids[kids.length - 1];
        return { k: 'member', obj: o ? this.expr(o) : missing(n), name: name ? unquote(this.t(name)) : '', nameStart: name?.start ?? n.end, ...span };
      }
      case SyntaxKind.ScopeExpression: {
        const left = kids[0];
        const right = kids[kids.length - 1];
        const chain = left ? this.scopeChain(left) : [];
        const rightName = right ? unquote(this.t(right)) : '';
        return { k: 'scope', left: chain[0] ?? '', right: chain.length > 1 ? chain[1] : rightName, rest: chain.length > 1 ? [...chain.slice(2), rightName] : [], ...span };
      }
      case SyntaxKind.CallExpression: {
        const callee = kids[0];
        const argList = kids.find((c) => c.kind === SyntaxKind.ArgumentList);
        const args = argList ? argList.children.filter(isExprNode).map((c) => this.expr(c)) : [];
        return { k: 'call', callee: callee ? this.expr(callee) : missing(n), args, ...span };
      }
      case SyntaxKind.IndexExpression: {
        const es = kids.filter(isExprNode).map((c) => this.expr(c));
        return { k: 'index', obj: es[0] ?? missing(n), args: es.slice(1), ...span };
      }
      default:
        return { k: 'other', children: kids.filter(isExprNode).map((c) => this.expr(c)), ...span };
    }
  }

  /** `Enum::"X"::Y` flattened to names. */
  scopeChain(n: SyntaxNode): string[] {
    if (n.kind === SyntaxKind.ScopeExpression) {
      const l = n.children[0];
      const r = n.children[n.children.length - 1];
      return [...(l ? this.scopeChain(l) : []), r ? unquote(this.t(r)) : ''];
    }
    if (n.kind === SyntaxKind.IdentifierExpression) return [n.children[0] ? unquote(this.t(n.children[0])) : ''];
    return [this.t(n)];
  }
}

function isTypeNode(n: SyntaxNode): boolean {
  return (
    n.kind === SyntaxKind.DataType ||
    n.kind === SyntaxKind.ArrayDataType ||
    n.kind === SyntaxKind.GenericDataType ||
    n.kind === SyntaxKind.OptionDataType ||
    n.kind === SyntaxKind.LabelDataType ||
    n.kind === SyntaxKind.TextConstDataType
  );
}

function closeBraceOf(body: SyntaxNode): number {
  const last = body.children[body.children.length - 1];
  return last && last.kind === SyntaxKind.CloseBraceToken ? last.start : body.end;
}

function missing(n: SyntaxNode): Expr {
  return { k: 'other', children: [], start: n.end, end: n.end };
}
