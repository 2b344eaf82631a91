// Typed views of the tree for the analysis and runtime layers: objects, members, properties, elements,
// procedures/triggers, variables, data types, statements and expressions. Pure functions over nodes; they
// tolerate error trees (missing parts come back undefined or as missing tokens).
import { SyntaxKind, isExpressionKind, isStatementKind, isToken, isObjectKeyword, kindName } from './syntaxKind';
import type { SyntaxNode } from './node';
import { identifierText, nodeText, qualifiedNameParts } from './names';
import { parseExpressionText, type ExpressionParseResult } from './parse';

const nonTokens = (n: SyntaxNode) => n.children.filter((c) => !isToken(c.kind));

// ---------------------------------------------------------------- objects

/** Lower-case AL object type words, e.g. 'table', 'pageextension', 'codeunit'. */
export type ObjectType =
  | 'table' | 'tableextension' | 'page' | 'pageextension' | 'pagecustomization' | 'pageview' | 'codeunit' | 'report'
  | 'reportextension' | 'xmlport' | 'query' | 'enum' | 'enumextension' | 'interface' | 'permissionset'
  | 'permissionsetextension' | 'profile' | 'profileextension' | 'controladdin' | 'entitlement' | 'dotnet';

export interface ObjectInfo {
  node: SyntaxNode;
  objectType: ObjectType;
  /** The object keyword token. */
  keyword: SyntaxNode;
  /** Object id (undefined for objects without one: interface, profile, controladdin, ...). */
  id: number | undefined;
  idToken: SyntaxNode | undefined;
  /** Unquoted name ('' when absent, e.g. dotnet). */
  name: string;
  nameToken: SyntaxNode | undefined;
  /** Target of `extends` (unquoted, qualified parts joined by '.'), for extensions. */
  extends: string | undefined;
  extendsNode: SyntaxNode | undefined;
  /** Names after `implements` (and after an interface's `extends` list: see extendsList). */
  implements: string[];
  /** All names after `extends` (an interface may extend several). */
  extendsList: string[];
  /** Target of `customizes` (page customizations). */
  customizes: string | undefined;
  body: SyntaxNode | undefined;
}

/** Object declarations of a source file (or []). */
export function getObjects(root: SyntaxNode): SyntaxNode[] {
  return root.children.filter((c) => c.kind === SyntaxKind.ObjectDeclaration);
}

/** The namespace of a source file ('' when none), e.g. 'Microsoft.Sales.Customer'. */
export function getNamespace(root: SyntaxNode): string {
  const ns = root.children.find((c) => c.kind === SyntaxKind.NamespaceDeclaration);
  return ns ? qualifiedNameParts(ns.children[1]).join('.') : '';
}

/** The namespaces named by `using` directives of a source file. */
export function getUsings(root: SyntaxNode): string[] {
  return root.children.filter((c) => c.kind === SyntaxKind.UsingDirective).map((u) => qualifiedNameParts(u.children[1]).join('.'));
}

export function getObjectInfo(node: SyntaxNode): ObjectInfo {
  const keyword = node.children[0];
  let idToken: SyntaxNode | undefined;
  let nameToken: SyntaxNode | undefined;
  let extendsNode: SyntaxNode | undefined;
  const extendsList: string[] = [];
  const implementsList: string[] = [];
  let customizes: string | undefined;
  let body: SyntaxNode | undefined;
  for (let i = 1; i < node.children.length; i++) {
    const c = node.children[i];
    switch (c.kind) {
      case SyntaxKind.IntegerLiteral:
        idToken = c;
        break;
      case SyntaxKind.Identifier:
      case SyntaxKind.QuotedIdentifier:
        nameToken = c;
        break;
      case SyntaxKind.ExtendsClause:
        for (const n of c.children.slice(1)) if (n.kind !== SyntaxKind.CommaToken) {
          extendsNode ??= n;
          extendsList.push(identifierText(n));
        }
        break;
      case SyntaxKind.ImplementsClause:
        for (const n of c.children.slice(1)) if (n.kind !== SyntaxKind.CommaToken) implementsList.push(identifierText(n));
        break;
      case SyntaxKind.CustomizesClause:
        customizes = identifierText(c.children[1]);
        break;
      case SyntaxKind.Body:
        body = c;
        break;
    }
  }
  return {
    node,
    objectType: (isObjectKeyword(keyword.kind) ? nodeText(keyword).toLowerCase() : kindName(keyword.kind)) as ObjectType,
    keyword,
    id: idToken ? Number(nodeText(idToken)) : undefined,
    idToken,
    name: nameToken ? identifierText(nameToken) : '',
    nameToken,
    extends: extendsNode ? identifierText(extendsNode) : undefined,
    extendsNode,
    implements: implementsList,
    extendsList,
    customizes,
    body,
  };
}

// ---------------------------------------------------------------- bodies, properties, sections, elements

/** The Body child of an object, section or element (undefined when it has none, e.g. `moveafter(A; B)`). */
export function getBody(node: SyntaxNode): SyntaxNode | undefined {
  if (node.kind === SyntaxKind.Body) return node;
  return node.children.find((c) => c.kind === SyntaxKind.Body);
}

/**
 * Members of an object/section/element body (or of the node's Body): Property, Section, Element,
 * TriggerDeclaration, ProcedureDeclaration, EventDeclaration, VarSection and ErrorNode nodes, in order.
 */
export function getMembers(node: SyntaxNode): SyntaxNode[] {
  const body = getBody(node);
  return body ? nonTokens(body) : [];
}

export function getProperties(node: SyntaxNode): SyntaxNode[] {
  return getMembers(node).filter((m) => m.kind === SyntaxKind.Property);
}

/** The property named `name` (case-insensitive) of an object, section or element. */
export function getProperty(node: SyntaxNode, name: string): SyntaxNode | undefined {
  const key = name.toLowerCase();
  return getProperties(node).find((p) => propertyName(p).toLowerCase() === key);
}

/** Name of a Property node, unquoted. */
export function propertyName(prop: SyntaxNode): string {
  return identifierText(prop.children[0]);
}

/** The tokens of a property's value (between `=` and `;`). */
export function propertyValueTokens(prop: SyntaxNode): SyntaxNode[] {
  const v = prop.children.find((c) => c.kind === SyntaxKind.PropertyValue);
  return v ? v.children : [];
}

/** The source text of a property's value, e.g. `'Customer Card', Comment = 'x'` or `Customer."No." where(...)`. */
export function propertyValueText(prop: SyntaxNode): string {
  const v = prop.children.find((c) => c.kind === SyntaxKind.PropertyValue);
  return v && v.children.length > 0 ? nodeText(v) : '';
}

/**
 * Parses a property's value as an AL expression (Visible/Enabled/Editable/StyleExpr/InitValue/CaptionClass...).
 * Offsets in the result are relative to the value: add `offset` (the value's start in the file) to map them.
 * Values that are not expressions (TableRelation, CalcFormula, Permissions...) come back with errors.
 */
export function propertyValueExpression(prop: SyntaxNode): ExpressionParseResult & { offset: number } {
  const v = prop.children.find((c) => c.kind === SyntaxKind.PropertyValue);
  const offset = v && v.children.length > 0 ? v.start : prop.end;
  return { ...parseExpressionText(v && v.children.length > 0 ? nodeText(v) : ''), offset };
}

/** Property value as one name (unquoted) when it is a single identifier/quoted identifier/keyword token. */
export function propertyValueName(prop: SyntaxNode): string | undefined {
  const t = propertyValueTokens(prop);
  if (t.length === 1 && (t[0].kind === SyntaxKind.Identifier || t[0].kind === SyntaxKind.QuotedIdentifier || (t[0].kind >= SyntaxKind.FirstKeyword && t[0].kind <= SyntaxKind.LastKeyword))) {
    return identifierText(t[0].kind === SyntaxKind.QuotedIdentifier ? t[0] : t[0]);
  }
  return undefined;
}

/** Sections (`fields`, `keys`, `layout`, `actions`, `dataset`, `requestpage`...) of a body. */
export function getSections(node: SyntaxNode): SyntaxNode[] {
  return getMembers(node).filter((m) => m.kind === SyntaxKind.Section);
}

/** The section named `name` (case-insensitive), e.g. getSection(obj, 'fields'). */
export function getSection(node: SyntaxNode, name: string): SyntaxNode | undefined {
  const key = name.toLowerCase();
  return getSections(node).find((s) => nodeText(s.children[0]).toLowerCase() === key);
}

/** Lower-case keyword of a Section or Element: 'fields', 'field', 'key', 'group', 'action', 'addafter'... */
export function memberKeyword(node: SyntaxNode): string {
  return nodeText(node.children[0]).toLowerCase();
}

/** Elements of a body, optionally only those with the given keyword ('field', 'action', 'value', ...). */
export function getElements(node: SyntaxNode, keyword?: string): SyntaxNode[] {
  const key = keyword?.toLowerCase();
  return getMembers(node).filter((m) => m.kind === SyntaxKind.Element && (!key || memberKeyword(m) === key));
}

/** Every Element under a node at any depth (e.g. all page controls inside layout), in source order. */
export function getElementsDeep(node: SyntaxNode, keyword?: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const key = keyword?.toLowerCase();
  const visit = (n: SyntaxNode) => {
    for (const m of getMembers(n)) {
      if (m.kind === SyntaxKind.Element) {
        if (!key || memberKeyword(m) === key) out.push(m);
        visit(m);
      } else if (m.kind === SyntaxKind.Section) visit(m);
    }
  };
  visit(node);
  return out;
}

/**
 * The `;`-separated arguments of an Element as ElementArgument nodes. Each holds either one DataType node
 * (a table field's type) or expressions separated by commas (use argumentExpressions).
 */
export function getElementArguments(el: SyntaxNode): SyntaxNode[] {
  const args = el.children.find((c) => c.kind === SyntaxKind.ElementArguments);
  return args ? args.children.filter((c) => c.kind === SyntaxKind.ElementArgument) : [];
}

/** The expressions (or the DataType) of one ElementArgument, without commas. */
export function argumentExpressions(arg: SyntaxNode): SyntaxNode[] {
  return arg.children.filter((c) => c.kind !== SyntaxKind.CommaToken);
}

export interface ElementInfo {
  node: SyntaxNode;
  /** Lower-case element keyword: 'field', 'key', 'group', 'action', 'value', 'dataitem', 'addafter'... */
  keyword: string;
  args: SyntaxNode[];
  /** Unquoted text of the first argument when it is a plain name (the control/action/key/value name). */
  name: string;
  body: SyntaxNode | undefined;
}

export function getElementInfo(el: SyntaxNode): ElementInfo {
  const args = getElementArguments(el);
  return { node: el, keyword: memberKeyword(el), args, name: args.length > 0 ? argumentName(args[0]) : '', body: getBody(el) };
}

/** Unquoted name held by an argument made of one name expression; '' otherwise. */
export function argumentName(arg: SyntaxNode): string {
  const e = argumentExpressions(arg);
  if (e.length !== 1) return '';
  return e[0].kind === SyntaxKind.IdentifierExpression ? identifierText(e[0].children[0]) : '';
}

export interface TableFieldInfo {
  node: SyntaxNode;
  id: number | undefined;
  name: string;
  nameNode: SyntaxNode | undefined;
  /** The DataType node (DataType/OptionDataType/...) of `field(1; Name; Type)`. */
  dataType: SyntaxNode | undefined;
  body: SyntaxNode | undefined;
}

/** A table (or table extension) field element `field(Id; Name; Type) { ... }`. */
export function getTableFieldInfo(el: SyntaxNode): TableFieldInfo {
  const args = getElementArguments(el);
  const idExpr = args[0] ? argumentExpressions(args[0])[0] : undefined;
  const nameExpr = args[1] ? argumentExpressions(args[1])[0] : undefined;
  const typeNode = args[2] ? args[2].children[0] : undefined;
  return {
    node: el,
    id: idExpr && idExpr.kind === SyntaxKind.LiteralExpression ? Number(nodeText(idExpr)) : undefined,
    name: nameExpr && nameExpr.kind === SyntaxKind.IdentifierExpression ? identifierText(nameExpr.children[0]) : '',
    nameNode: nameExpr,
    dataType: typeNode,
    body: getBody(el),
  };
}

export interface PageFieldInfo {
  node: SyntaxNode;
  name: string;
  /** The source expression (`Rec."No."`, `Total`) of `field(Name; Expression)`. */
  source: SyntaxNode | undefined;
  body: SyntaxNode | undefined;
}

/** A page/report/request page control `field(Name; SourceExpression)` or report `column(Name; Expr)`. */
export function getPageFieldInfo(el: SyntaxNode): PageFieldInfo {
  const args = getElementArguments(el);
  return { node: el, name: args[0] ? argumentName(args[0]) : '', source: args[1] ? argumentExpressions(args[1])[0] : undefined, body: getBody(el) };
}

// ---------------------------------------------------------------- triggers, procedures, variables

export interface AttributeInfo {
  node: SyntaxNode;
  name: string;
  /** Argument expressions (empty without parentheses). */
  args: SyntaxNode[];
}

export interface ParameterInfo {
  node: SyntaxNode;
  name: string;
  nameToken: SyntaxNode;
  byRef: boolean;
  dataType: SyntaxNode;
}

export interface VariableInfo {
  /** The VariableDeclaration node (one may declare several names). */
  node: SyntaxNode;
  name: string;
  nameToken: SyntaxNode;
  dataType: SyntaxNode;
  attributes: AttributeInfo[];
  /** Declared in a `protected var` section. */
  isProtected: boolean;
}

export interface ProcedureInfo {
  node: SyntaxNode;
  kind: 'procedure' | 'trigger' | 'event';
  name: string;
  nameToken: SyntaxNode;
  /** 'public' unless `local`, `internal` or `protected` is written. */
  access: 'public' | 'local' | 'internal' | 'protected';
  attributes: AttributeInfo[];
  parameters: ParameterInfo[];
  /** The declared return value (`: Type` or `Name: Type`). */
  returnType: SyntaxNode | undefined;
  returnName: string | undefined;
  variables: VariableInfo[];
  /** The `begin ... end` Block; undefined for declarations without a body (interfaces, control add-ins). */
  body: SyntaxNode | undefined;
}

export function getAttributeInfo(attr: SyntaxNode): AttributeInfo {
  const args = attr.children.find((c) => c.kind === SyntaxKind.ArgumentList);
  return { node: attr, name: identifierText(attr.children[1]), args: args ? getArgumentExpressions(args) : [] };
}

/** Procedures, triggers and events of an object (or section/element), in order. */
export function getProcedures(node: SyntaxNode): SyntaxNode[] {
  return getMembers(node).filter((m) => m.kind === SyntaxKind.ProcedureDeclaration || m.kind === SyntaxKind.EventDeclaration);
}
export function getTriggers(node: SyntaxNode): SyntaxNode[] {
  return getMembers(node).filter((m) => m.kind === SyntaxKind.TriggerDeclaration);
}
/** The trigger named `name` (case-insensitive), e.g. getTrigger(obj, 'OnRun'). */
export function getTrigger(node: SyntaxNode, name: string): SyntaxNode | undefined {
  const key = name.toLowerCase();
  return getTriggers(node).find((t) => identifierText(t.children[1]).toLowerCase() === key);
}

/** Global variables of an object (all its var sections). */
export function getGlobalVariables(node: SyntaxNode): VariableInfo[] {
  return getMembers(node)
    .filter((m) => m.kind === SyntaxKind.VarSection)
    .flatMap(getVariables);
}

/** The variables a VarSection declares, one entry per name. */
export function getVariables(section: SyntaxNode): VariableInfo[] {
  const isProtected = section.children[0]?.kind === SyntaxKind.ProtectedKeyword;
  const out: VariableInfo[] = [];
  for (const decl of section.children) {
    if (decl.kind !== SyntaxKind.VariableDeclaration) continue;
    const attributes = decl.children.filter((c) => c.kind === SyntaxKind.Attribute).map(getAttributeInfo);
    const dataType = decl.children.find((c) => isDataTypeKind(c.kind) || c.kind === SyntaxKind.ErrorNode)!;
    for (const c of decl.children) {
      if (c.kind === SyntaxKind.Identifier || c.kind === SyntaxKind.QuotedIdentifier) {
        out.push({ node: decl, name: identifierText(c), nameToken: c, dataType, attributes, isProtected });
      }
    }
  }
  return out;
}

export function getProcedureInfo(node: SyntaxNode): ProcedureInfo {
  let access: ProcedureInfo['access'] = 'public';
  const attributes: AttributeInfo[] = [];
  const parameters: ParameterInfo[] = [];
  const variables: VariableInfo[] = [];
  let nameToken: SyntaxNode | undefined;
  let returnType: SyntaxNode | undefined;
  let returnName: string | undefined;
  let body: SyntaxNode | undefined;
  let kind: ProcedureInfo['kind'] = node.kind === SyntaxKind.TriggerDeclaration ? 'trigger' : node.kind === SyntaxKind.EventDeclaration ? 'event' : 'procedure';
  for (const c of node.children) {
    switch (c.kind) {
      case SyntaxKind.Attribute:
        attributes.push(getAttributeInfo(c));
        break;
      case SyntaxKind.LocalKeyword:
        access = 'local';
        break;
      case SyntaxKind.InternalKeyword:
        access = 'internal';
        break;
      case SyntaxKind.ProtectedKeyword:
        access = 'protected';
        break;
      case SyntaxKind.TriggerKeyword:
        kind = 'trigger';
        break;
      case SyntaxKind.Identifier:
      case SyntaxKind.QuotedIdentifier:
        nameToken ??= c;
        break;
      case SyntaxKind.ParameterList:
        for (const prm of c.children) {
          if (prm.kind !== SyntaxKind.Parameter) continue;
          const byRef = prm.children[0].kind === SyntaxKind.VarKeyword;
          const nt = prm.children[byRef ? 1 : 0];
          parameters.push({ node: prm, name: identifierText(nt), nameToken: nt, byRef, dataType: prm.children[prm.children.length - 1] });
        }
        break;
      case SyntaxKind.ReturnValue:
        returnType = c.children[c.children.length - 1];
        if (c.children.length === 3) returnName = identifierText(c.children[0]);
        break;
      case SyntaxKind.VarSection:
        variables.push(...getVariables(c));
        break;
      case SyntaxKind.Block:
        body = c;
        break;
    }
  }
  // `trigger Control::Event(...)`: the name is written with its scope.
  const scope = nameToken ? node.children.indexOf(nameToken) : -1;
  let name = nameToken ? identifierText(nameToken) : '';
  if (scope >= 0 && node.children[scope + 1]?.kind === SyntaxKind.ColonColonToken) name += '::' + identifierText(node.children[scope + 2]);
  return {
    node,
    kind,
    name,
    nameToken: nameToken ?? node.children[0],
    access,
    attributes,
    parameters,
    returnType,
    returnName,
    variables,
    body,
  };
}

// ---------------------------------------------------------------- data types

export function isDataTypeKind(k: SyntaxKind): boolean {
  return k >= SyntaxKind.DataType && k <= SyntaxKind.TextConstDataType && k !== SyntaxKind.LabelProperty;
}

export interface DataTypeInfo {
  node: SyntaxNode;
  /** Lower-case type name: 'integer', 'code', 'record', 'array', 'list', 'dictionary', 'option', 'label'... */
  name: string;
  /** Object name for Record/Codeunit/Page/Enum/Interface/... types (unquoted, qualified parts joined by '.'). */
  subtype: string | undefined;
  /** Object id when the subtype is written as a number (`Record 18`). */
  subtypeId: number | undefined;
  temporary: boolean;
  /** Length/dimension expressions: Code[20] -> [20], array[2, 3] -> [2, 3]. */
  lengths: SyntaxNode[];
  /** Element type of an array; element types of List/Dictionary (key, value). */
  elementTypes: SyntaxNode[];
  /** Option members (unquoted), for `Option A,B,"C D"`. */
  optionMembers: string[];
  /** Label text (without quotes, '' unescaped) and its properties (Comment, Locked, MaxLength...). */
  labelText: string | undefined;
  labelProperties: { name: string; value: SyntaxNode }[];
}

/** Value of an AL text literal token: quotes removed and doubled quotes unescaped. */
export function stringLiteralValue(token: SyntaxNode): string {
  let t = nodeText(token);
  if (t.startsWith('@')) t = t.slice(1);
  if (t.length >= 2 && t.endsWith("'")) t = t.slice(1, -1);
  else t = t.slice(1);
  return t.replace(/''/g, "'");
}

export function getDataTypeInfo(node: SyntaxNode): DataTypeInfo {
  const info: DataTypeInfo = {
    node,
    name: '',
    subtype: undefined,
    subtypeId: undefined,
    temporary: false,
    lengths: [],
    elementTypes: [],
    optionMembers: [],
    labelText: undefined,
    labelProperties: [],
  };
  const c = node.children;
  if (c.length === 0) return info;
  info.name = nodeText(c[0]).toLowerCase();
  for (let i = 1; i < c.length; i++) {
    const ch = c[i];
    switch (ch.kind) {
      case SyntaxKind.TypeLengths:
        info.lengths = ch.children.filter((x) => !isToken(x.kind));
        break;
      case SyntaxKind.IntegerLiteral:
        info.subtypeId = Number(nodeText(ch));
        break;
      case SyntaxKind.Identifier:
      case SyntaxKind.QuotedIdentifier:
      case SyntaxKind.QualifiedName:
        if (node.kind === SyntaxKind.OptionDataType) info.optionMembers.push(identifierText(ch));
        else info.subtype = identifierText(ch);
        break;
      case SyntaxKind.TemporaryKeyword:
        info.temporary = true;
        break;
      case SyntaxKind.StringLiteral:
        info.labelText = stringLiteralValue(ch);
        break;
      case SyntaxKind.LabelProperty:
        info.labelProperties.push({ name: identifierText(ch.children[0]), value: ch.children[2] });
        break;
      default:
        if (isDataTypeKind(ch.kind)) info.elementTypes.push(ch);
    }
  }
  if (node.kind === SyntaxKind.OptionDataType) {
    // Blank members (`Option ,A`) count as '' members, as AL does.
    info.optionMembers = [];
    let pending = true;
    for (let i = 1; i < c.length; i++) {
      if (c[i].kind === SyntaxKind.CommaToken) {
        if (pending) info.optionMembers.push('');
        pending = true;
      } else {
        info.optionMembers.push(identifierText(c[i]));
        pending = false;
      }
    }
    if (pending && c.length > 1) info.optionMembers.push('');
  }
  return info;
}

// ---------------------------------------------------------------- statements

/** Statements of a Block, RepeatStatement or CaseElse (no separators, no keywords). */
export function getStatements(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const c = node.children;
  // A repeat's condition follows `until`: stop there.
  for (let i = 0; i < c.length; i++) {
    const ch = c[i];
    if (ch.kind === SyntaxKind.UntilKeyword) break;
    if (isStatementKind(ch.kind) || ch.kind === SyntaxKind.ErrorNode) out.push(ch);
  }
  return out;
}

export interface IfParts { condition: SyntaxNode; then: SyntaxNode; else: SyntaxNode | undefined }
export function getIfParts(n: SyntaxNode): IfParts {
  const c = n.children;
  return { condition: c[1], then: c[3], else: c.length > 5 ? c[5] : undefined };
}

export interface LoopParts { condition: SyntaxNode; body: SyntaxNode }
/** while cond do body */
export function getWhileParts(n: SyntaxNode): LoopParts {
  return { condition: n.children[1], body: n.children[3] };
}
/** repeat statements until cond: body statements via getStatements(n). */
export function getRepeatCondition(n: SyntaxNode): SyntaxNode {
  return n.children[n.children.length - 1];
}

export interface ForParts { variable: SyntaxNode; from: SyntaxNode; to: SyntaxNode; downTo: boolean; body: SyntaxNode }
/** for v := a to|downto b do body */
export function getForParts(n: SyntaxNode): ForParts {
  const c = n.children;
  return { variable: c[1], from: c[3], downTo: c[4].kind === SyntaxKind.DownToKeyword, to: c[5], body: c[7] };
}

export interface ForEachParts { variable: SyntaxNode; collection: SyntaxNode; body: SyntaxNode }
/** foreach v in collection do body */
export function getForEachParts(n: SyntaxNode): ForEachParts {
  const c = n.children;
  return { variable: c[1], collection: c[3], body: c[5] };
}

/** with record do body */
export function getWithParts(n: SyntaxNode): { record: SyntaxNode; body: SyntaxNode } {
  return { record: n.children[1], body: n.children[3] };
}

export interface AssignmentParts {
  target: SyntaxNode;
  /** AssignToken, PlusAssignToken, MinusAssignToken, StarAssignToken or SlashAssignToken. */
  operator: SyntaxKind;
  value: SyntaxNode;
}
export function getAssignmentParts(n: SyntaxNode): AssignmentParts {
  return { target: n.children[0], operator: n.children[1].kind, value: n.children[2] };
}

/** The expression of `exit(expr)`, if any. */
export function getExitValue(n: SyntaxNode): SyntaxNode | undefined {
  return n.children.find((c) => isExpressionKind(c.kind));
}

export interface CaseParts {
  selector: SyntaxNode;
  branches: { node: SyntaxNode; values: SyntaxNode[]; body: SyntaxNode }[];
  /** The CaseElse node (its statements via getStatements). */
  else: SyntaxNode | undefined;
}
export function getCaseParts(n: SyntaxNode): CaseParts {
  const branches: CaseParts['branches'] = [];
  let elseNode: SyntaxNode | undefined;
  for (const c of n.children) {
    if (c.kind === SyntaxKind.CaseBranch) {
      const colon = c.children.findIndex((x) => x.kind === SyntaxKind.ColonToken);
      branches.push({ node: c, values: c.children.slice(0, colon).filter((x) => x.kind !== SyntaxKind.CommaToken), body: c.children[c.children.length - 1] });
    } else if (c.kind === SyntaxKind.CaseElse) elseNode = c;
  }
  return { selector: n.children[1], branches, else: elseNode };
}

/** The statement after `asserterror`. */
export function getAssertErrorStatement(n: SyntaxNode): SyntaxNode {
  return n.children[1];
}

// ---------------------------------------------------------------- expressions

export interface BinaryParts {
  left: SyntaxNode;
  /** Operator token kind: PlusToken, AndKeyword, InKeyword, EqualsToken... */
  operator: SyntaxKind;
  operatorToken: SyntaxNode;
  right: SyntaxNode;
}
export function getBinaryParts(n: SyntaxNode): BinaryParts {
  return { left: n.children[0], operator: n.children[1].kind, operatorToken: n.children[1], right: n.children[2] };
}

/** not x, -x, +x */
export function getUnaryParts(n: SyntaxNode): { operator: SyntaxKind; operand: SyntaxNode } {
  return { operator: n.children[0].kind, operand: n.children[1] };
}

/** a.b: target a, member name token b (use identifierText). Also ScopeExpression a::b. */
export function getMemberParts(n: SyntaxNode): { target: SyntaxNode; name: SyntaxNode; memberName: string } {
  return { target: n.children[0], name: n.children[2], memberName: identifierText(n.children[2]) };
}

/** f(a, b): callee f and the argument expressions. */
export function getCallParts(n: SyntaxNode): { callee: SyntaxNode; args: SyntaxNode[] } {
  return { callee: n.children[0], args: getArgumentExpressions(n.children[1]) };
}

/** Expressions of an ArgumentList. */
export function getArgumentExpressions(list: SyntaxNode): SyntaxNode[] {
  return list.children.filter((c) => !isToken(c.kind));
}

/** a[i, j]: target and index expressions. */
export function getIndexParts(n: SyntaxNode): { target: SyntaxNode; indexes: SyntaxNode[] } {
  return { target: n.children[0], indexes: n.children.slice(1).filter((c) => !isToken(c.kind)) };
}

/** Elements of a set literal `[1, 3..5]`: expressions and RangeExpressions. */
export function getSetElements(n: SyntaxNode): SyntaxNode[] {
  return n.children.filter((c) => !isToken(c.kind));
}

/** a..b, a.., ..b */
export function getRangeParts(n: SyntaxNode): { from: SyntaxNode | undefined; to: SyntaxNode | undefined } {
  const c = n.children;
  const dots = c.findIndex((x) => x.kind === SyntaxKind.DotDotToken);
  return { from: dots > 0 ? c[0] : undefined, to: dots < c.length - 1 ? c[c.length - 1] : undefined };
}

/** (e) -> e */
export function getParenthesizedInner(n: SyntaxNode): SyntaxNode {
  return n.children[1];
}

/** The literal token of a LiteralExpression (IntegerLiteral, StringLiteral, TrueKeyword...). */
export function getLiteralToken(n: SyntaxNode): SyntaxNode {
  return n.children[0];
}

/** c ? a : b */
export function getConditionalParts(n: SyntaxNode): { condition: SyntaxNode; whenTrue: SyntaxNode; whenFalse: SyntaxNode } {
  return { condition: n.children[0], whenTrue: n.children[2], whenFalse: n.children[4] };
}

/** `value is T` / `value as T`: the value and the type name node (see identifierText). */
export function getTypeTestParts(n: SyntaxNode): { value: SyntaxNode; typeName: SyntaxNode } {
  return { value: n.children[0], typeName: n.children[2] };
}
