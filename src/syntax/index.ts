// Public API of the syntax layer (see README.md): parse, tree types, navigation, names and typed accessors.
export { SyntaxKind, isToken, isKeyword, isTrivia, isNode, isObjectKeyword, isLiteralToken, isStatementKind, isExpressionKind, kindName } from './syntaxKind';
export { SyntaxNode, FLAG_MISSING, FLAG_KEYWORD_AS_IDENTIFIER, type SyntaxError, type Trivia } from './node';
export { parseFile, parseExpressionText, getTree, getSourceText, SyntaxTree, type ParseOptions, type ParseResult, type ExpressionParseResult } from './parse';
export { LineMap, type LineCharacter } from './lineMap';
export { decode, detectEncoding, type Encoding } from './decode';
export * from './walk';
export * from './names';
export * from './accessors';
export { dumpTree } from './dump';
export * from './propertyValues';
