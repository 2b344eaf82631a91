// The analysis' own small model of AL code, built from the parser's tree by model/fromTree.ts. Rules and the call
// graph work on this model only, so they do not depend on the details of the syntax tree.
// Offsets are UTF-16 offsets into the file's text; `start`/`end` always cover the construct's source.

export type ObjectKind =
  | 'table'
  | 'tableextension'
  | 'page'
  | 'pageextension'
  | 'codeunit'
  | 'report'
  | 'reportextension'
  | 'query'
  | 'xmlport'
  | 'enum'
  | 'enumextension'
  | 'interface'
  | 'controladdin'
  | 'permissionset'
  | 'permissionsetextension'
  | 'profile'
  | 'pagecustomization'
  | 'entitlement'
  | 'other';

export interface Span {
  start: number;
  end: number;
}

/** A declared type, e.g. `Record "Sales Header" temporary`: `name` is the lower-cased type keyword (`record`). */
export interface TypeRef {
  name: string;
  /** The object name for Record/Codeunit/Page/Report/Interface/Enum types, unquoted; namespace prefix removed. */
  subtype?: string;
  temporary: boolean;
  /** For `Dictionary of [Text, Text]` etc. the source text of the whole type. */
  text: string;
}

export interface VarDecl extends Span {
  name: string;
  type: TypeRef;
}

export interface Param extends VarDecl {
  isVar: boolean;
}

export type Expr =
  | (Span & { k: 'ident'; name: string })
  | (Span & { k: 'literal'; type: 'string' | 'number' | 'boolean' | 'other'; value: string })
  | (Span & { k: 'member'; obj: Expr; name: string; nameStart: number })
  | (Span & { k: 'scope'; left: string; right: string; rest: string[] })
  | (Span & { k: 'call'; callee: Expr; args: Expr[] })
  | (Span & { k: 'index'; obj: Expr; args: Expr[] })
  | (Span & { k: 'unary'; op: string; operand: Expr })
  | (Span & { k: 'binary'; op: string; left: Expr; right: Expr })
  | (Span & { k: 'other'; children: Expr[] });

export interface CaseBranch extends Span {
  values: Expr[];
  body: Stmt;
}

export type Stmt =
  | (Span & { k: 'block'; stmts: Stmt[] })
  | (Span & { k: 'if'; cond: Expr; then?: Stmt; else?: Stmt })
  | (Span & { k: 'case'; expr: Expr; branches: CaseBranch[]; else?: Stmt })
  | (Span & { k: 'while'; cond: Expr; body?: Stmt })
  | (Span & { k: 'repeat'; body: Stmt[]; cond: Expr })
  | (Span & { k: 'for'; variable: Expr; from: Expr; to: Expr; body?: Stmt })
  | (Span & { k: 'foreach'; variable: Expr; collection: Expr; body?: Stmt })
  | (Span & { k: 'with'; expr: Expr; body?: Stmt })
  | (Span & { k: 'assign'; target: Expr; op: string; value: Expr })
  | (Span & { k: 'expr'; expr: Expr })
  | (Span & { k: 'exit'; value?: Expr })
  | (Span & { k: 'break' })
  | (Span & { k: 'empty' });

/** Where a trigger hangs: on the object, or on a page field / action / control add-in / table field. */
export interface TriggerHost {
  /** `dataitem`: a report data item or an XMLport table element, whose OnAfterGetRecord runs once per record. */
  kind: 'field' | 'action' | 'usercontrol' | 'part' | 'tablefield' | 'dataitem' | 'other';
  name: string;
  /** For page fields: the source expression's text, e.g. `Rec."No."` or `before1`. */
  sourceExpr?: string;
}

/** An event: the publishing object (kind lower-cased, name unquoted) and the event's name. */
export interface EventRef {
  objectKind: string;
  object: string;
  event: string;
}

export interface Procedure extends Span {
  name: string;
  isTrigger: boolean;
  host?: TriggerHost;
  params: Param[];
  returnType?: TypeRef;
  /** The named return variable (`procedure IsTestMode() TestMode: Boolean`). */
  returnName?: string;
  locals: VarDecl[];
  nameStart: number;
  nameEnd: number;
  /** The `begin ... end` block; undefined when the procedure has no body (interface methods). */
  body?: Stmt;
  /** Lower-cased attribute names, e.g. eventsubscriber, integrationevent, trycfunction. */
  attributes: string[];
  /** For an [EventSubscriber(ObjectType::X, X::"Name", EventName, ...)]: the publisher and the event. */
  subscribes?: EventRef;
  isLocal: boolean;
}

export interface Property extends Span {
  /** The value's text with surrounding quotes removed for a single quoted identifier. */
  value: string;
}

export interface AlObject extends Span {
  kind: ObjectKind;
  id: number;
  name: string;
  namespace: string;
  file: string;
  nameStart: number;
  nameEnd: number;
  /** For extensions and customizations: the extended object's name (unquoted, namespace removed). */
  extends?: string;
  implements: string[];
  /** Lower-cased property name -> value (object-level properties only). */
  properties: Map<string, Property>;
  globals: VarDecl[];
  procedures: Procedure[];
  /** Offset of the object's closing brace: where a new trigger can be inserted before. */
  closeBrace: number;
  /** Tables and table extensions: their declared fields and keys (for the load checks). */
  tableFields?: TableFieldDecl[];
  tableKeys?: TableKeyDecl[];
}

/** `field(Id; Name; Type)` of a table: `typeName` is the type's first word as written (`Code`, `Enum`, `Text`). */
export interface TableFieldDecl extends Span {
  id: number;
  name: string;
  typeName: string;
  /** Where the type is written. */
  typeStart: number;
  typeEnd: number;
}

/** `key(Name; Field1, Field2)`: each field name where it is written. */
export interface TableKeyDecl extends Span {
  name: string;
  fields: (Span & { name: string })[];
}

export interface PragmaDirective {
  offset: number;
  /** Offset of the end of the directive's line. */
  end: number;
  action: 'disable' | 'restore';
  /** Upper-cased ids; empty means all. */
  ids: string[];
}

export interface AlFileModel {
  path: string;
  text: string;
  objects: AlObject[];
  pragmas: PragmaDirective[];
  syntaxErrors: number;
}
