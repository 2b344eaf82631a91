// The interpreter's own compact AST: what `lower.ts` builds from the parser's lossless tree and what the
// compiler turns into generator functions. Kept independent of the syntax tree's layout on purpose.

/** A position in a source file (0-based, as in the contract). */
export interface Loc {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** An AL type as declared (`Record Customer temporary`, `Code[20]`, `Dictionary of [Text, Integer]`...). */
export interface TypeRef {
  /** Canonical type name: Integer, Decimal, Text, Code, Record, Codeunit, Page, List, Dictionary, Enum, Option... */
  name: string;
  /** Object name or id for Record/Codeunit/Page/Enum/Interface/Report/Query/XmlPort. */
  subtype?: string;
  /** Declared length for Text/Code. */
  length?: number;
  temporary?: boolean;
  /** Array dimensions (`array[2, 3] of Integer`). */
  dims?: number[];
  /** Element types of List/Dictionary. */
  of?: TypeRef[];
  /** Option members. */
  optionMembers?: string[];
}

export type Expr =
  | { k: 'lit'; loc: Loc; type: 'Integer' | 'BigInteger' | 'Decimal' | 'Text' | 'Boolean' | 'Date' | 'Time' | 'DateTime' | 'Char'; value: string | number | boolean }
  | { k: 'name'; loc: Loc; name: string }
  | { k: 'member'; loc: Loc; obj: Expr; name: string }
  /** `A::B`: enum/option value, object id (`Codeunit::"X"`), `Database::Customer`. */
  | { k: 'scope'; loc: Loc; left: string; right: string; leftExpr?: Expr }
  | { k: 'call'; loc: Loc; fn: Expr; args: Expr[] }
  | { k: 'index'; loc: Loc; obj: Expr; idx: Expr[] }
  | { k: 'unary'; loc: Loc; op: 'not' | '-' | '+'; e: Expr }
  | { k: 'bin'; loc: Loc; op: BinOp; l: Expr; r: Expr }
  | { k: 'range'; loc: Loc; from?: Expr; to?: Expr }
  | { k: 'set'; loc: Loc; items: Expr[] }
  /** `c ? a : b` (AL's conditional expression). */
  | { k: 'cond'; loc: Loc; cond: Expr; then: Expr; else: Expr }
  /** An expression the lowering could not understand; evaluating it raises an unsupported error. */
  | { k: 'unsupported'; loc: Loc; what: string };

export type BinOp = '+' | '-' | '*' | '/' | 'div' | 'mod' | 'and' | 'or' | 'xor' | '=' | '<>' | '<' | '>' | '<=' | '>=' | 'in';

export type Stmt =
  | { k: 'assign'; loc: Loc; target: Expr; op: ':=' | '+=' | '-=' | '*=' | '/='; value: Expr }
  | { k: 'expr'; loc: Loc; e: Expr }
  | { k: 'if'; loc: Loc; cond: Expr; then?: Stmt; else?: Stmt }
  | { k: 'case'; loc: Loc; subject: Expr; branches: { values: Expr[]; body?: Stmt; loc: Loc }[]; else?: Stmt[] }
  | { k: 'while'; loc: Loc; cond: Expr; body?: Stmt }
  | { k: 'repeat'; loc: Loc; body: Stmt[]; cond: Expr }
  | { k: 'for'; loc: Loc; v: Expr; from: Expr; to: Expr; down: boolean; body?: Stmt }
  | { k: 'foreach'; loc: Loc; v: Expr; coll: Expr; body?: Stmt }
  | { k: 'exit'; loc: Loc; value?: Expr }
  | { k: 'break'; loc: Loc }
  | { k: 'continue'; loc: Loc }
  | { k: 'asserterror'; loc: Loc; body?: Stmt }
  | { k: 'block'; loc: Loc; body: Stmt[]; endLoc?: Loc }
  | { k: 'unsupported'; loc: Loc; what: string };

export interface VarDecl {
  name: string;
  type: TypeRef;
  loc: Loc;
  /** `var` parameter. */
  byRef?: boolean;
}

export interface ProcDecl {
  name: string;
  /** 'procedure' or 'trigger' (OnRun, OnInsert, OnValidate of a field, OnAction...). */
  kind: 'procedure' | 'trigger';
  params: VarDecl[];
  returnType?: TypeRef;
  /** Named return value (`procedure X() Result: Integer`). */
  returnName?: string;
  locals: VarDecl[];
  body: Stmt[];
  /** Attributes by lower-case name with their raw argument texts ([TryFunction], [EventSubscriber(...)]). */
  attributes: { name: string; args: Expr[] }[];
  local: boolean;
  /** `internal procedure`: callable only from its own app and the apps in its internalsVisibleTo. */
  internal?: boolean;
  loc: Loc;
  /** Location of the closing `end` (where stepping stops on return). */
  endLoc: Loc;
}

export interface FieldDecl {
  id: number;
  name: string;
  type: TypeRef;
  properties: Map<string, PropValue>;
  triggers: ProcDecl[];
  loc: Loc;
}

/** A property value: the raw text (for captions, options, CalcFormula) plus an expression where it is one. */
export interface PropValue {
  text: string;
  expr?: Expr;
}

export interface KeyDecl {
  name: string;
  fields: string[];
  /** Where each field name is written (same order as `fields`), for load errors naming a field the table lacks. */
  fieldLocs: Loc[];
  loc: Loc;
}

/** A control of a page layout or an action, with the modification that placed it (for extensions). */
export interface PageControl {
  kind: 'area' | 'group' | 'field' | 'part' | 'action' | 'actiongroup' | 'separator' | 'other';
  /** The keyword as written, lower-cased (`repeater`, `cuegroup`, `systempart`, `systemaction`...). */
  keyword?: string;
  name: string;
  /** A part's page (`part(Lines; "Sales Order Subform")`), a systempart's kind (`Links`), an actionref's action. */
  target?: string;
  /** Source expression of a field control. */
  source?: Expr;
  properties: Map<string, PropValue>;
  triggers: ProcDecl[];
  children: PageControl[];
  loc: Loc;
}

/** `addlast(Content) { ... }` and friends in a page extension. */
export interface PageChange {
  verb: 'addfirst' | 'addlast' | 'addafter' | 'addbefore' | 'modify' | 'movefirst' | 'movelast' | 'moveafter' | 'movebefore' | string;
  anchor: string;
  controls: PageControl[];
  loc: Loc;
}

export interface ObjectDecl {
  type: string;
  id: number;
  name: string;
  /** `extends "Customer Card"` for extensions, `implements` list for codeunits/enums. */
  extends?: string;
  implements: string[];
  file: string;
  loc: Loc;
  properties: Map<string, PropValue>;
  globals: VarDecl[];
  procedures: ProcDecl[];
  /** Tables and table extensions. */
  fields: FieldDecl[];
  keys: KeyDecl[];
  /** Enums: values. */
  values: { id: number; name: string; caption?: string; properties: Map<string, PropValue> }[];
  /** Pages: layout and actions (page extensions: their changes). */
  layout: PageControl[];
  actions: PageControl[];
  layoutChanges: PageChange[];
  actionChanges: PageChange[];
  /** Table extensions: `modify(Field) { trigger OnValidate ... }` blocks. */
  fieldModifications: FieldDecl[];
  /** `dotnet` objects: the `type("Full.Name"; Alias)` declarations of each `assembly(...)` (src/runtime/platform). */
  dotnet?: { assembly: string; type: string; alias: string }[];
}
