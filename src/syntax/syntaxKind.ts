// Every token, keyword, trivia and node kind of the AL syntax tree, as one plain numeric enum in ordered ranges.
// Invariant: ranges are contiguous so classification is a comparison (see isToken/isKeyword/isNode below).

export enum SyntaxKind {
  Unknown = 0,

  // ---- Tokens: punctuation, literals, identifiers (FirstToken..LastToken) ----
  EndOfFileToken = 1,
  /** A character that starts no AL token (reported as an error where the grammar meets it). */
  BadToken,
  Identifier,
  QuotedIdentifier,
  IntegerLiteral,
  DecimalLiteral,
  StringLiteral,
  DateLiteral,
  TimeLiteral,
  DateTimeLiteral,
  OpenParenToken,
  CloseParenToken,
  OpenBracketToken,
  CloseBracketToken,
  OpenBraceToken,
  CloseBraceToken,
  SemicolonToken,
  CommaToken,
  ColonToken,
  ColonColonToken,
  DotToken,
  DotDotToken,
  AssignToken,
  PlusAssignToken,
  MinusAssignToken,
  StarAssignToken,
  SlashAssignToken,
  PlusToken,
  MinusToken,
  StarToken,
  SlashToken,
  EqualsToken,
  NotEqualsToken,
  LessToken,
  LessEqualsToken,
  GreaterToken,
  GreaterEqualsToken,
  HashToken,
  AmpersandToken,
  PipeToken,
  AtToken,
  QuestionToken,
  PercentToken,
  LastPunctuation = PercentToken,

  // ---- Keywords (FirstKeyword..LastKeyword). Most are contextual: the parser accepts them as identifiers. ----
  FirstKeyword = 100,
  // Object types and file-level words
  TableKeyword = FirstKeyword,
  TableExtensionKeyword,
  PageKeyword,
  PageExtensionKeyword,
  PageCustomizationKeyword,
  PageViewKeyword,
  CodeunitKeyword,
  ReportKeyword,
  ReportExtensionKeyword,
  XmlPortKeyword,
  QueryKeyword,
  EnumKeyword,
  EnumExtensionKeyword,
  InterfaceKeyword,
  PermissionSetKeyword,
  PermissionSetExtensionKeyword,
  ProfileKeyword,
  ProfileExtensionKeyword,
  ControlAddInKeyword,
  EntitlementKeyword,
  DotNetKeyword,
  LastObjectKeyword = DotNetKeyword,
  NamespaceKeyword,
  UsingKeyword,
  ExtendsKeyword,
  ImplementsKeyword,
  CustomizesKeyword,
  // Declarations
  TriggerKeyword,
  ProcedureKeyword,
  LocalKeyword,
  InternalKeyword,
  ProtectedKeyword,
  VarKeyword,
  EventKeyword,
  ArrayKeyword,
  OfKeyword,
  TemporaryKeyword,
  // Statements
  BeginKeyword,
  EndKeyword,
  IfKeyword,
  ThenKeyword,
  ElseKeyword,
  CaseKeyword,
  WhileKeyword,
  DoKeyword,
  RepeatKeyword,
  UntilKeyword,
  ForKeyword,
  ForEachKeyword,
  ToKeyword,
  DownToKeyword,
  WithKeyword,
  ExitKeyword,
  AssertErrorKeyword,
  BreakKeyword,
  ContinueKeyword,
  // Operators and literal words
  AndKeyword,
  OrKeyword,
  XorKeyword,
  NotKeyword,
  DivKeyword,
  ModKeyword,
  InKeyword,
  IsKeyword,
  AsKeyword,
  TrueKeyword,
  FalseKeyword,
  ThisKeyword,
  LastKeyword = ThisKeyword,

  // ---- Trivia (never tokens of the tree; see SyntaxTree trivia arrays) ----
  FirstTrivia = 200,
  WhitespaceTrivia = FirstTrivia,
  EndOfLineTrivia,
  LineCommentTrivia,
  /** A `///` line comment (documentation). */
  DocCommentTrivia,
  BlockCommentTrivia,
  /** A whole preprocessor directive line: `#if X`, `#endregion`, `#pragma warning disable AA0001`... */
  DirectiveTrivia,
  /** Source text in an inactive `#if` branch: kept verbatim, never parsed. */
  DisabledTextTrivia,
  LastTrivia = DisabledTextTrivia,

  // ---- Nodes (FirstNode..LastNode) ----
  FirstNode = 300,
  SourceFile = FirstNode,
  /** Tokens the parser could not place, kept so the tree stays lossless. */
  ErrorNode,
  NamespaceDeclaration,
  UsingDirective,
  /** A dotted name: `Microsoft.Sales.Customer`, `Microsoft.Sales."Sales Header"`. */
  QualifiedName,
  ObjectDeclaration,
  ExtendsClause,
  ImplementsClause,
  CustomizesClause,
  /** `{ members }` of an object, a section or an element. */
  Body,
  /** `Name = value;` */
  Property,
  /** The tokens of a property value, kept flat (see README: property values). */
  PropertyValue,
  /** `keyword { members }`: fields, keys, layout, actions, dataset, requestpage, views, labels... */
  Section,
  /** `keyword(args) { members }` or `keyword(args)`: field, key, group, action, value, dataitem, column, addafter... */
  Element,
  /** `(arg; arg; ...)` of an Element. */
  ElementArguments,
  /** One `;`-separated argument of an Element: an expression list or a data type. */
  ElementArgument,
  TriggerDeclaration,
  ProcedureDeclaration,
  /** `event Name(params);` in a control add-in. */
  EventDeclaration,
  ParameterList,
  Parameter,
  /** `: Type` or `Name: Type` after a parameter list. */
  ReturnValue,
  Attribute,
  VarSection,
  VariableDeclaration,
  // Data types
  DataType,
  ArrayDataType,
  GenericDataType,
  OptionDataType,
  LabelDataType,
  LabelProperty,
  TextConstDataType,
  /** `[20]` of Code[20], `[10, 2]` of array dimensions. */
  TypeLengths,
  // Statements
  Block,
  EmptyStatement,
  AssignmentStatement,
  ExpressionStatement,
  IfStatement,
  CaseStatement,
  CaseBranch,
  CaseElse,
  WhileStatement,
  RepeatStatement,
  ForStatement,
  ForEachStatement,
  WithStatement,
  ExitStatement,
  BreakStatement,
  ContinueStatement,
  AssertErrorStatement,
  // Expressions
  LiteralExpression,
  IdentifierExpression,
  ThisExpression,
  ParenthesizedExpression,
  UnaryExpression,
  BinaryExpression,
  MemberAccessExpression,
  ScopeExpression,
  CallExpression,
  IndexExpression,
  ArgumentList,
  SetExpression,
  RangeExpression,
  /** `condition ? whenTrue : whenFalse` */
  ConditionalExpression,
  /** `value is Interface` */
  IsExpression,
  /** `value as Interface` */
  AsExpression,
  LastNode = AsExpression,
}

export function isToken(kind: SyntaxKind): boolean {
  return kind > SyntaxKind.Unknown && kind <= SyntaxKind.LastKeyword;
}
export function isKeyword(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstKeyword && kind <= SyntaxKind.LastKeyword;
}
export function isTrivia(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstTrivia && kind <= SyntaxKind.LastTrivia;
}
export function isNode(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstNode && kind <= SyntaxKind.LastNode;
}
export function isObjectKeyword(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstKeyword && kind <= SyntaxKind.LastObjectKeyword;
}
export function isLiteralToken(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.IntegerLiteral && kind <= SyntaxKind.DateTimeLiteral;
}
export function isStatementKind(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.Block && kind <= SyntaxKind.AssertErrorStatement && kind !== SyntaxKind.CaseBranch && kind !== SyntaxKind.CaseElse;
}
export function isExpressionKind(kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.LiteralExpression && kind <= SyntaxKind.AsExpression && kind !== SyntaxKind.ArgumentList;
}

// Range markers (FirstX/LastX) alias real members; the name table skips them so dumps show the real name.
const names: string[] = [];
for (const [name, value] of Object.entries(SyntaxKind)) {
  if (typeof value === 'number' && !/^(First|Last)[A-Z]/.test(name)) names[value] = name;
}

/** The enum member name of a kind, e.g. `IfStatement` (for dumps and messages). */
export function kindName(kind: SyntaxKind): string {
  return names[kind] ?? `Kind${kind}`;
}
