// Lowers the parser's lossless syntax tree (src/syntax) into the interpreter's compact AST (ast.ts):
// objects with properties, variables, procedures and triggers, table fields and keys, enum values, page
// layouts and extension changes. Constructs it does not understand become `unsupported` nodes, which raise a
// clear error naming them and their file:line when executed (the rest of the file still runs).
import { SyntaxKind, type SyntaxNode, type LineMap } from '../../syntax';
import type { BinOp, Expr, FieldDecl, KeyDecl, Loc, ObjectDecl, PageChange, PageControl, ProcDecl, PropValue, Stmt, TypeRef, VarDecl } from './ast';
import { canonicalTypeName } from './typeNames';

const K = SyntaxKind;

export class Lowerer {
  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly lines: LineMap,
  ) {}

  loc(n: SyntaxNode): Loc {
    const a = this.lines.position(n.start);
    const b = this.lines.position(n.end);
    return { file: this.file, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
  }

  textOf(n: SyntaxNode): string {
    return this.text.slice(n.start, n.end);
  }

  /** The name a token stands for: quoted identifiers without quotes, string literals unescaped. */
  nameOf(n: SyntaxNode): string {
    const t = this.textOf(n);
    if (n.kind === K.QuotedIdentifier || (t.startsWith('"') && t.endsWith('"') && t.length >= 2)) return t.slice(1, -1);
    if (n.kind === K.StringLiteral) return unquote(t);
    if (n.kind === K.QualifiedName) {
      // `Microsoft.Sales.Customer`: the object is the last part.
      const parts = n.children.filter((c) => c.kind !== K.DotToken);
      return this.nameOf(parts[parts.length - 1]);
    }
    return t;
  }

  // ------------------------------------------------------------------------------------------------------
  // Objects
  // ------------------------------------------------------------------------------------------------------

  objects(root: SyntaxNode): ObjectDecl[] {
    return root.children.filter((c) => c.kind === K.ObjectDeclaration).map((o) => this.object(o));
  }

  object(n: SyntaxNode): ObjectDecl {
    const kw = n.children[0];
    const type = this.textOf(kw).toLowerCase();
    let id = 0;
    let name = '';
    let ext: string | undefined;
    const impl: string[] = [];
    let body: SyntaxNode | undefined;
    for (const c of n.children.slice(1)) {
      if (c.kind === K.IntegerLiteral) id = parseInt(this.textOf(c), 10);
      else if (c.kind === K.ExtendsClause) ext = this.nameOf(c.children[1]);
      else if (c.kind === K.ImplementsClause) {
        for (const x of c.children.slice(1)) if (x.kind !== K.CommaToken) impl.push(this.nameOf(x));
      } else if (c.kind === K.Body) body = c;
      else if (c.isToken && !name) name = this.nameOf(c);
    }
    const o: ObjectDecl = {
      type, id, name, extends: ext, implements: impl, file: this.file, loc: this.loc(n), properties: new Map(), globals: [], procedures: [],
      fields: [], keys: [], values: [], layout: [], actions: [], layoutChanges: [], actionChanges: [], fieldModifications: [],
    };
    if (body) this.objectBody(o, body);
    return o;
  }

  private members(body: SyntaxNode | undefined): SyntaxNode[] {
    if (!body) return [];
    return body.children.filter((c) => !c.isToken);
  }

  private objectBody(o: ObjectDecl, body: SyntaxNode): void {
    for (const m of this.members(body)) {
      switch (m.kind) {
        case K.Property:
          this.property(o.properties, m);
          break;
        case K.VarSection:
          o.globals.push(...this.varSection(m));
          break;
        case K.TriggerDeclaration:
        case K.ProcedureDeclaration:
          o.procedures.push(this.proc(m));
          break;
        case K.Section:
          this.section(o, m);
          break;
        case K.Element:
          if (o.type === 'enum' || o.type === 'enumextension') this.enumValue(o, m);
          else if (o.type === 'dotnet') this.dotnetAssembly(o, m);
          break;
      }
    }
  }

  /** `assembly("X") { type("Full.Name"; Alias) { } ... }`: the aliases AL code declares DotNet variables with. */
  private dotnetAssembly(o: ObjectDecl, n: SyntaxNode): void {
    if (this.textOf(n.children[0]).toLowerCase() !== 'assembly') return;
    const args = (a: SyntaxNode | undefined) => (a?.children ?? []).filter((c) => !c.isToken).map((c) => this.nameOf(c.children.length === 1 ? c.children[0] : c));
    const assembly = args(n.children[1])[0] ?? '';
    for (const t of this.members(n.children.find((c) => c.kind === K.Body))) {
      if (t.kind !== K.Element || this.textOf(t.children[0]).toLowerCase() !== 'type') continue;
      const [type, alias] = args(t.children[1]);
      if (type) (o.dotnet ??= []).push({ assembly, type, alias: alias ?? type });
    }
  }

  property(into: Map<string, PropValue>, n: SyntaxNode): void {
    const name = this.textOf(n.children[0]).toLowerCase();
    const v = n.children[2];
    into.set(name, this.propValue(v));
  }

  private propValue(v: SyntaxNode): PropValue {
    const toks = v.children;
    if (toks.length === 1) return { text: this.nameOf(toks[0]) };
    if (toks.length === 0) return { text: '' };
    // A text property with modifiers (`Caption = 'Open', Locked = true, Comment = '...'`): the text is the literal.
    if (toks[0].kind === K.StringLiteral && toks[1].kind === K.CommaToken) return { text: this.nameOf(toks[0]) };
    return { text: this.text.slice(toks[0].start, toks[toks.length - 1].end) };
  }

  private section(o: ObjectDecl, n: SyntaxNode): void {
    const name = this.textOf(n.children[0]).toLowerCase();
    const elements = this.members(n.children[1]);
    if (name === 'fields') {
      for (const e of elements) {
        if (e.kind !== K.Element) continue;
        const kw = this.textOf(e.children[0]).toLowerCase();
        if (kw === 'field') o.fields.push(this.field(e));
        else if (kw === 'modify') o.fieldModifications.push(this.fieldModify(e));
      }
    } else if (name === 'keys') {
      for (const e of elements) if (e.kind === K.Element && this.textOf(e.children[0]).toLowerCase() === 'key') o.keys.push(this.key(e));
    } else if (name === 'layout' || name === 'actions') {
      const isExt = o.type === 'pageextension';
      for (const e of elements) {
        if (e.kind !== K.Element) continue;
        if (isExt) (name === 'layout' ? o.layoutChanges : o.actionChanges).push(this.pageChange(e));
        else (name === 'layout' ? o.layout : o.actions).push(this.control(e));
      }
    }
  }

  private elementArgs(e: SyntaxNode): SyntaxNode[] {
    const args = e.children[1];
    return args ? args.children.filter((c) => c.kind === K.ElementArgument) : [];
  }

  private field(e: SyntaxNode): FieldDecl {
    const args = this.elementArgs(e);
    const id = args[0] ? parseInt(this.textOf(args[0]), 10) : 0;
    const name = args[1] ? this.exprName(args[1].children[0]) : '';
    const type = args[2] ? this.dataType(args[2].children[0]) : { name: 'Integer' };
    const properties = new Map<string, PropValue>();
    const triggers: ProcDecl[] = [];
    for (const m of this.members(e.children[2])) {
      if (m.kind === K.Property) this.property(properties, m);
      else if (m.kind === K.TriggerDeclaration) triggers.push(this.proc(m));
    }
    // OptionMembers live in a property for Option fields.
    const om = properties.get('optionmembers');
    if (om && type.name === 'Option') type.optionMembers = splitOptionMembers(om.text);
    return { id, name, type, properties, triggers, loc: this.loc(e) };
  }

  private fieldModify(e: SyntaxNode): FieldDecl {
    const args = this.elementArgs(e);
    const name = args[0] ? this.exprName(args[0].children[0]) : '';
    const properties = new Map<string, PropValue>();
    const triggers: ProcDecl[] = [];
    for (const m of this.members(e.children[2])) {
      if (m.kind === K.Property) this.property(properties, m);
      else if (m.kind === K.TriggerDeclaration) triggers.push(this.proc(m));
    }
    return { id: 0, name, type: { name: 'Integer' }, properties, triggers, loc: this.loc(e) };
  }

  private key(e: SyntaxNode): KeyDecl {
    const args = this.elementArgs(e);
    const name = args[0] ? this.exprName(args[0].children[0]) : '';
    const fieldNodes = args[1] ? args[1].children.filter((c) => c.kind !== K.CommaToken) : [];
    return { name, fields: fieldNodes.map((c) => this.exprName(c)), fieldLocs: fieldNodes.map((c) => this.loc(c)), loc: this.loc(e) };
  }

  private enumValue(o: ObjectDecl, e: SyntaxNode): void {
    const args = this.elementArgs(e);
    const id = args[0] ? parseInt(this.textOf(args[0]), 10) : 0;
    const name = args[1] ? this.exprName(args[1].children[0]) : '';
    const properties = new Map<string, PropValue>();
    for (const m of this.members(e.children[2])) if (m.kind === K.Property) this.property(properties, m);
    o.values.push({ id, name, caption: properties.get('caption')?.text, properties });
  }

  private control(e: SyntaxNode): PageControl {
    const kw = this.textOf(e.children[0]).toLowerCase();
    const args = this.elementArgs(e);
    const name = args[0] ? this.exprName(args[0].children[0]) : '';
    const kind: PageControl['kind'] = (['area', 'group', 'field', 'part', 'action', 'actiongroup', 'separator'] as const).find((k) => k === kw) ?? (kw === 'repeater' || kw === 'cuegroup' || kw === 'fixed' || kw === 'grid' ? 'group' : kw === 'systempart' || kw === 'usercontrol' ? 'part' : kw === 'systemaction' || kw === 'customaction' ? 'action' : 'other');
    const c: PageControl = { kind, keyword: kw, name, properties: new Map(), triggers: [], children: [], loc: this.loc(e) };
    if (kind === 'field' && args[1]) c.source = this.expr(args[1].children[0]);
    if ((kind === 'part' || kw === 'actionref') && args[1]) c.target = this.exprName(args[1].children[0]);
    for (const m of this.members(e.children[2])) {
      if (m.kind === K.Property) this.property(c.properties, m);
      else if (m.kind === K.TriggerDeclaration) c.triggers.push(this.proc(m));
      else if (m.kind === K.Element) c.children.push(this.control(m));
    }
    return c;
  }

  private pageChange(e: SyntaxNode): PageChange {
    const verb = this.textOf(e.children[0]).toLowerCase();
    const args = this.elementArgs(e);
    const anchor = args[0] ? this.exprName(args[0].children[0]) : '';
    const controls: PageControl[] = [];
    const props = new Map<string, PropValue>();
    const triggers: ProcDecl[] = [];
    for (const m of this.members(e.children[2])) {
      if (m.kind === K.Element) controls.push(this.control(m));
      else if (m.kind === K.Property) this.property(props, m);
      else if (m.kind === K.TriggerDeclaration) triggers.push(this.proc(m));
    }
    // `modify(Control) { trigger OnAfterValidate ... }` keeps its triggers on a pseudo control.
    if (verb === 'modify' && (triggers.length || props.size)) controls.push({ kind: 'other', name: anchor, properties: props, triggers, children: [], loc: this.loc(e) });
    return { verb, anchor, controls, loc: this.loc(e) };
  }

  /** The name an element argument stands for: `"No."`, `Name`, `Rec."No."` (last part). */
  private exprName(n: SyntaxNode): string {
    if (n.kind === K.IdentifierExpression || n.kind === K.LiteralExpression) return this.nameOf(n.children[0]);
    if (n.kind === K.MemberAccessExpression) return this.nameOf(n.children[2]);
    if (n.isToken) return this.nameOf(n);
    return this.textOf(n);
  }

  // ------------------------------------------------------------------------------------------------------
  // Declarations
  // ------------------------------------------------------------------------------------------------------

  varSection(n: SyntaxNode): VarDecl[] {
    const out: VarDecl[] = [];
    for (const d of n.children) {
      if (d.kind !== K.VariableDeclaration) continue;
      const names: SyntaxNode[] = [];
      let type: TypeRef = { name: 'Variant' };
      for (const c of d.children) {
        if (c.kind === K.Identifier || c.kind === K.QuotedIdentifier || (c.isToken && c.kind >= K.FirstKeyword && c.kind <= K.LastKeyword)) names.push(c);
        else if (isTypeNode(c.kind)) type = this.dataType(c);
      }
      for (const nm of names) out.push({ name: this.nameOf(nm), type, loc: this.loc(nm) });
    }
    return out;
  }

  dataType(n: SyntaxNode): TypeRef {
    switch (n.kind) {
      case K.ArrayDataType: {
        const dims = this.lengths(n.children[1]);
        const inner = this.dataType(n.children[3]);
        return { ...inner, dims };
      }
      case K.GenericDataType: {
        const of = n.children.filter((c) => isTypeNode(c.kind)).map((c) => this.dataType(c));
        return { name: canonicalTypeName(this.textOf(n.children[0])), of };
      }
      case K.OptionDataType: {
        const text = this.text.slice(n.children[0].end, n.end);
        return { name: 'Option', optionMembers: splitOptionMembers(text) };
      }
      case K.LabelDataType:
        return { name: 'Label', subtype: unquote(this.textOf(n.children[1])) };
      case K.TextConstDataType: {
        const prop = n.children.find((c) => c.kind === K.LabelProperty);
        const v = prop ? this.textOf(prop.children[2]) : "''";
        return { name: 'Label', subtype: unquote(v) };
      }
      case K.DataType: {
        const name = canonicalTypeName(this.textOf(n.children[0]));
        const t: TypeRef = { name };
        for (const c of n.children.slice(1)) {
          if (c.kind === K.TypeLengths) {
            const l = this.lengths(c);
            t.length = l[0];
          } else if (c.kind === K.TemporaryKeyword || (c.isToken && this.textOf(c).toLowerCase() === 'temporary')) t.temporary = true;
          else if (c.kind === K.IntegerLiteral || c.kind === K.Identifier || c.kind === K.QuotedIdentifier || c.kind === K.QualifiedName || c.isToken) t.subtype = this.nameOf(c);
        }
        return t;
      }
      default:
        return { name: 'Variant' };
    }
  }

  private lengths(n: SyntaxNode): number[] {
    return n.children.filter((c) => !c.isToken).map((c) => parseInt(this.textOf(c), 10) || 0);
  }

  proc(n: SyntaxNode): ProcDecl {
    const attributes: { name: string; args: Expr[] }[] = [];
    let kind: 'procedure' | 'trigger' = n.kind === K.TriggerDeclaration ? 'trigger' : 'procedure';
    let name = '';
    let local = false;
    let internal = false;
    let params: VarDecl[] = [];
    let returnType: TypeRef | undefined;
    let returnName: string | undefined;
    const locals: VarDecl[] = [];
    let body: Stmt[] = [];
    let endLoc: Loc = this.loc(n);
    let sawKeyword = false;
    for (const c of n.children) {
      switch (c.kind) {
        case K.Attribute: {
          const an = this.textOf(c.children[1]).toLowerCase();
          const al = c.children.find((x) => x.kind === K.ArgumentList);
          attributes.push({ name: an, args: al ? this.args(al) : [] });
          break;
        }
        case K.LocalKeyword:
        case K.InternalKeyword:
        case K.ProtectedKeyword:
          if (c.kind === K.LocalKeyword) local = true;
          if (c.kind === K.InternalKeyword) internal = true;
          break;
        case K.TriggerKeyword:
          kind = 'trigger';
          sawKeyword = true;
          break;
        case K.ProcedureKeyword:
        case K.EventKeyword:
          sawKeyword = true;
          break;
        case K.ParameterList:
          params = this.params(c);
          break;
        case K.ReturnValue: {
          const tn = c.children.find((x) => isTypeNode(x.kind));
          if (tn) returnType = this.dataType(tn);
          if (c.children[0].kind !== K.ColonToken) returnName = this.nameOf(c.children[0]);
          break;
        }
        case K.VarSection:
          locals.push(...this.varSection(c));
          break;
        case K.Block:
          body = this.blockStatements(c);
          endLoc = this.loc(c.children[c.children.length - 1]);
          break;
        default:
          if (c.isToken && sawKeyword && !name && c.kind !== K.SemicolonToken) name = this.nameOf(c);
      }
    }
    return { name, kind, params, returnType, returnName, locals, body, attributes, local, internal, loc: this.loc(n), endLoc };
  }

  private params(n: SyntaxNode): VarDecl[] {
    const out: VarDecl[] = [];
    for (const p of n.children) {
      if (p.kind !== K.Parameter) continue;
      let byRef = false;
      let name = '';
      let type: TypeRef = { name: 'Variant' };
      let nameNode = p;
      for (const c of p.children) {
        if (c.kind === K.VarKeyword && !name) byRef = true;
        else if (isTypeNode(c.kind)) type = this.dataType(c);
        else if (c.isToken && c.kind !== K.ColonToken && !name) {
          name = this.nameOf(c);
          nameNode = c;
        }
      }
      out.push({ name, type, byRef, loc: this.loc(nameNode) });
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------------
  // Statements
  // ------------------------------------------------------------------------------------------------------

  blockStatements(n: SyntaxNode): Stmt[] {
    const out: Stmt[] = [];
    for (const c of n.children) {
      if (c.isToken) continue;
      const s = this.stmt(c);
      if (s) out.push(s);
    }
    return out;
  }

  stmt(n: SyntaxNode): Stmt | undefined {
    const loc = this.loc(n);
    const ch = n.children;
    switch (n.kind) {
      case K.EmptyStatement:
        return undefined;
      case K.Block:
        return { k: 'block', loc, body: this.blockStatements(n), endLoc: this.loc(ch[ch.length - 1]) };
      case K.AssignmentStatement: {
        const op = this.textOf(ch[1]) as ':=' | '+=' | '-=' | '*=' | '/=';
        return { k: 'assign', loc, target: this.expr(ch[0]), op, value: this.expr(ch[2]) };
      }
      case K.ExpressionStatement:
        return { k: 'expr', loc, e: this.expr(ch[0]) };
      case K.IfStatement: {
        const cond = this.expr(ch[1]);
        const elseAt = ch.findIndex((c) => c.kind === K.ElseKeyword);
        const thenNode = ch[3];
        return { k: 'if', loc, cond, then: thenNode ? this.stmt(thenNode) : undefined, else: elseAt >= 0 && ch[elseAt + 1] ? this.stmt(ch[elseAt + 1]) : undefined };
      }
      case K.CaseStatement: {
        const subject = this.expr(ch[1]);
        const branches: { values: Expr[]; body?: Stmt; loc: Loc }[] = [];
        let elseBody: Stmt[] | undefined;
        for (const c of ch.slice(3)) {
          if (c.kind === K.CaseBranch) {
            const colon = c.children.findIndex((x) => x.kind === K.ColonToken);
            const values = c.children.slice(0, colon).filter((x) => x.kind !== K.CommaToken).map((x) => this.expr(x));
            const bodyNode = c.children[colon + 1];
            branches.push({ values, body: bodyNode ? this.stmt(bodyNode) : undefined, loc: this.loc(c) });
          } else if (c.kind === K.CaseElse) {
            elseBody = [];
            for (const x of c.children) if (!x.isToken) {
              const s = this.stmt(x);
              if (s) elseBody.push(s);
            }
          }
        }
        return { k: 'case', loc, subject, branches, else: elseBody };
      }
      case K.WhileStatement:
        return { k: 'while', loc, cond: this.expr(ch[1]), body: ch[3] ? this.stmt(ch[3]) : undefined };
      case K.RepeatStatement: {
        const untilAt = ch.findIndex((c) => c.kind === K.UntilKeyword);
        const body: Stmt[] = [];
        for (const c of ch.slice(1, untilAt)) if (!c.isToken) {
          const s = this.stmt(c);
          if (s) body.push(s);
        }
        return { k: 'repeat', loc, body, cond: this.expr(ch[untilAt + 1]) };
      }
      case K.ForStatement: {
        const down = ch[4] && ch[4].kind === K.DownToKeyword;
        return { k: 'for', loc, v: this.expr(ch[1]), from: this.expr(ch[3]), to: this.expr(ch[5]), down: !!down, body: ch[7] ? this.stmt(ch[7]) : undefined };
      }
      case K.ForEachStatement:
        return { k: 'foreach', loc, v: this.expr(ch[1]), coll: this.expr(ch[3]), body: ch[5] ? this.stmt(ch[5]) : undefined };
      case K.WithStatement:
        return { k: 'unsupported', loc, what: "the obsolete `with` statement (qualify the record's members instead)" };
      case K.ExitStatement: {
        const e = ch.find((c) => !c.isToken);
        return { k: 'exit', loc, value: e ? this.expr(e) : undefined };
      }
      case K.BreakStatement:
        return { k: 'break', loc };
      case K.ContinueStatement:
        return { k: 'continue', loc };
      case K.AssertErrorStatement:
        return { k: 'asserterror', loc, body: ch[1] ? this.stmt(ch[1]) : undefined };
      default:
        return { k: 'unsupported', loc, what: `this statement (${this.textOf(n).slice(0, 40)}), which has syntax errors` };
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Expressions
  // ------------------------------------------------------------------------------------------------------

  private args(al: SyntaxNode): Expr[] {
    return al.children.filter((c) => !c.isToken).map((c) => this.expr(c));
  }

  expr(n: SyntaxNode): Expr {
    const loc = this.loc(n);
    const ch = n.children;
    switch (n.kind) {
      case K.LiteralExpression:
        return this.literal(ch[0], loc);
      case K.IdentifierExpression:
        if (ch[0].isMissing) return { k: 'unsupported', loc, what: 'an expression with syntax errors' };
        return { k: 'name', loc, name: this.nameOf(ch[0]) };
      case K.ThisExpression:
        return { k: 'name', loc, name: 'this' };
      case K.ParenthesizedExpression:
        return this.expr(ch[1]);
      case K.UnaryExpression: {
        const op = this.textOf(ch[0]).toLowerCase() as 'not' | '-' | '+';
        return { k: 'unary', loc, op, e: this.expr(ch[1]) };
      }
      case K.BinaryExpression: {
        const op = this.textOf(ch[1]).toLowerCase() as BinOp;
        return { k: 'bin', loc, op, l: this.expr(ch[0]), r: this.expr(ch[2]) };
      }
      case K.MemberAccessExpression:
        return { k: 'member', loc, obj: this.expr(ch[0]), name: this.nameOf(ch[2]) };
      case K.ScopeExpression: {
        const left = ch[0];
        const right = this.nameOf(ch[2]);
        if (left.kind === K.IdentifierExpression) return { k: 'scope', loc, left: this.nameOf(left.children[0]), right };
        const le = this.expr(left);
        const leftName = le.k === 'member' ? le.name : le.k === 'scope' ? le.right : this.textOf(left);
        return { k: 'scope', loc, left: leftName, right, leftExpr: le };
      }
      case K.CallExpression:
        return { k: 'call', loc, fn: this.expr(ch[0]), args: this.args(ch[1]) };
      case K.IndexExpression:
        return { k: 'index', loc, obj: this.expr(ch[0]), idx: ch.slice(1).filter((c) => !c.isToken).map((c) => this.expr(c)) };
      case K.SetExpression:
        return { k: 'set', loc, items: ch.filter((c) => !c.isToken).map((c) => this.expr(c)) };
      case K.ConditionalExpression: {
        const parts = ch.filter((c) => !c.isToken);
        return { k: 'cond', loc, cond: this.expr(parts[0]), then: this.expr(parts[1]), else: this.expr(parts[2]) };
      }
      case K.RangeExpression: {
        const dots = ch.findIndex((c) => c.kind === K.DotDotToken);
        const from = dots > 0 ? this.expr(ch[0]) : undefined;
        const to = ch[dots + 1] ? this.expr(ch[dots + 1]) : undefined;
        return { k: 'range', loc, from, to };
      }
      default:
        return { k: 'unsupported', loc, what: `the expression '${this.textOf(n).slice(0, 40)}' (syntax error)` };
    }
  }

  private literal(t: SyntaxNode, loc: Loc): Expr {
    const text = this.textOf(t);
    switch (t.kind) {
      case K.IntegerLiteral: {
        const v = Number(text);
        return { k: 'lit', loc, type: Math.abs(v) > 2147483647 ? 'BigInteger' : 'Integer', value: v };
      }
      case K.DecimalLiteral:
        return { k: 'lit', loc, type: 'Decimal', value: text };
      case K.StringLiteral: {
        const s = unquote(text);
        return { k: 'lit', loc, type: 'Text', value: s };
      }
      case K.DateLiteral:
        return { k: 'lit', loc, type: 'Date', value: text };
      case K.TimeLiteral:
        return { k: 'lit', loc, type: 'Time', value: text };
      case K.DateTimeLiteral:
        return { k: 'lit', loc, type: 'DateTime', value: text };
      case K.TrueKeyword:
        return { k: 'lit', loc, type: 'Boolean', value: true };
      case K.FalseKeyword:
        return { k: 'lit', loc, type: 'Boolean', value: false };
      default:
        return { k: 'unsupported', loc, what: `the literal ${text}` };
    }
  }
}

function isTypeNode(k: SyntaxKind): boolean {
  return k === K.DataType || k === K.ArrayDataType || k === K.GenericDataType || k === K.OptionDataType || k === K.LabelDataType || k === K.TextConstDataType;
}

/** `'it''s'` -> `it's` */
export function unquote(t: string): string {
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

/** `A,B,"C D", ` -> ['A', 'B', 'C D', ''] (option members may be blank). */
export function splitOptionMembers(text: string): string[] {
  let s = text.trim();
  if (s.startsWith("'") && s.endsWith("'")) s = unquote(s);
  return s.split(',').map((x) => x.trim().replace(/^"(.*)"$/, '$1'));
}
