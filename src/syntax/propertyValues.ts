// Structured readings of the property values the runtime and the rules need, over the flat PropertyValue
// tokens: table filters (`Field = const(X)`, `field(Y)`, `filter(<>'')`), links (SubPageLink, RunPageLink,
// DataItemLink), table views (`sorting(...) order(...) where(...)`), CalcFormula and TableRelation.
// Tolerant: malformed values give partial results, never exceptions.
import { SyntaxKind } from './syntaxKind';
import type { SyntaxNode } from './node';
import { identifierText, nodeText } from './names';
import { getSourceText } from './parse';

/** One condition of a where clause or a link: `Field = const(Value)`, `Field = field(Other)`, `Field = filter(...)`. */
export interface TableFilter {
  /** The filtered field (unquoted). */
  field: string;
  /** 'const', 'filter' or 'field' (lower case), or 'value' when written without a function. */
  kind: string;
  /** Source text between the parentheses, trimmed (`<>''`, `Item`, `"No."`). */
  text: string;
  /** The value unquoted when it is one name or text literal (`Item`, `No.`); otherwise the same as `text`. */
  value: string;
  /** For `field(upperlimit(X))` / `filter(upperlimit(...))`-style modifiers: 'upperlimit' or 'lowerlimit'. */
  modifier: string | undefined;
}

export interface TableView {
  /** Fields of `sorting(...)`, unquoted. */
  sorting: string[];
  order: 'ascending' | 'descending' | undefined;
  where: TableFilter[];
}

export interface CalcFormula {
  /** 'sum', 'count', 'lookup', 'exist', 'average', 'min' or 'max' (lower case). */
  method: string;
  /** `-sum(...)`: the result is negated. */
  negate: boolean;
  table: string;
  /** The summed/looked-up field (undefined for count/exist). */
  field: string | undefined;
  where: TableFilter[];
}

export interface TableRelationTarget {
  /** Conditions of the `if (...)` guarding this target (empty for the unconditional/else target). */
  condition: TableFilter[];
  table: string;
  field: string | undefined;
  where: TableFilter[];
}

/** A cursor over a property's value tokens. */
class Cursor {
  i = 0;
  constructor(readonly t: SyntaxNode[]) {}
  k(): SyntaxKind {
    return this.i < this.t.length ? this.t[this.i].kind : SyntaxKind.EndOfFileToken;
  }
  is(word: string): boolean {
    const n = this.t[this.i];
    return !!n && nodeText(n).toLowerCase() === word;
  }
  /** Skips a balanced `( ... )` group starting at the current `(`; returns the index after it. */
  skipGroup(): number {
    let depth = 0;
    for (; this.i < this.t.length; this.i++) {
      const k = this.t[this.i].kind;
      if (k === SyntaxKind.OpenParenToken) depth++;
      else if (k === SyntaxKind.CloseParenToken && --depth === 0) return ++this.i;
    }
    return this.i;
  }
}

function valueTokens(prop: SyntaxNode): SyntaxNode[] {
  const v = prop.kind === SyntaxKind.PropertyValue ? prop : prop.children.find((c) => c.kind === SyntaxKind.PropertyValue);
  return v ? v.children : [];
}

function textBetween(tokens: SyntaxNode[], from: number, to: number): string {
  if (to <= from) return '';
  const text = getSourceText(tokens[from]) ?? '';
  return text.slice(tokens[from].start, tokens[to - 1].end).trim();
}

function unquoteValue(tokens: SyntaxNode[], from: number, to: number): string {
  if (to - from === 1) {
    const t = tokens[from];
    if (t.kind === SyntaxKind.StringLiteral) {
      const s = nodeText(t);
      return s.length >= 2 ? s.slice(1, -1).replace(/''/g, "'") : s;
    }
    if (t.kind === SyntaxKind.QuotedIdentifier || t.kind === SyntaxKind.Identifier || (t.kind >= SyntaxKind.FirstKeyword && t.kind <= SyntaxKind.LastKeyword)) return identifierText(t);
  }
  return textBetween(tokens, from, to);
}

/** A (possibly dotted) name at the cursor, unquoted parts joined by '.'; stops before `(`, `=`, `,`, keywords. */
function readName(c: Cursor): string {
  const parts: string[] = [];
  while (c.k() === SyntaxKind.Identifier || c.k() === SyntaxKind.QuotedIdentifier || (c.k() >= SyntaxKind.FirstKeyword && c.k() <= SyntaxKind.LastKeyword)) {
    if (parts.length > 0 && (c.is('where') || c.is('sorting') || c.is('order') || c.is('else'))) break;
    parts.push(identifierText(c.t[c.i++]));
    if (c.k() !== SyntaxKind.DotToken) break;
    c.i++;
  }
  return parts.join('.');
}

/** Filters `Field = kind(value), ...` up to the closing `)` of the enclosing group (or the end). */
function readFilters(c: Cursor): TableFilter[] {
  const out: TableFilter[] = [];
  while (c.i < c.t.length && c.k() !== SyntaxKind.CloseParenToken) {
    if (c.k() === SyntaxKind.CommaToken) {
      c.i++;
      continue;
    }
    const field = readName(c);
    if (c.k() !== SyntaxKind.EqualsToken) {
      // Not a filter: skip to the next comma at this level.
      while (c.i < c.t.length && c.k() !== SyntaxKind.CommaToken && c.k() !== SyntaxKind.CloseParenToken) {
        if (c.k() === SyntaxKind.OpenParenToken) c.skipGroup();
        else c.i++;
      }
      continue;
    }
    c.i++;
    let kind = 'value';
    let modifier: string | undefined;
    let from = c.i;
    let to: number;
    if ((c.is('const') || c.is('filter') || c.is('field')) && c.t[c.i + 1]?.kind === SyntaxKind.OpenParenToken) {
      kind = nodeText(c.t[c.i]).toLowerCase();
      c.i++;
      const open = c.i;
      c.skipGroup();
      from = open + 1;
      to = c.i - 1;
      // field(upperlimit("Date Filter")) / filter(lowerlimit(...))
      const first = c.t[from];
      if (first && (nodeText(first).toLowerCase() === 'upperlimit' || nodeText(first).toLowerCase() === 'lowerlimit') && c.t[from + 1]?.kind === SyntaxKind.OpenParenToken && c.t[to - 1]?.kind === SyntaxKind.CloseParenToken) {
        modifier = nodeText(first).toLowerCase();
        from += 2;
        to -= 1;
      }
    } else {
      while (c.i < c.t.length && c.k() !== SyntaxKind.CommaToken && c.k() !== SyntaxKind.CloseParenToken) {
        if (c.k() === SyntaxKind.OpenParenToken) c.skipGroup();
        else c.i++;
      }
      to = c.i;
    }
    out.push({ field, kind, text: textBetween(c.t, from, to), value: unquoteValue(c.t, from, to), modifier });
  }
  return out;
}

/** Reads `where(...)` at the cursor (if present). */
function readWhere(c: Cursor): TableFilter[] {
  if (!c.is('where') || c.t[c.i + 1]?.kind !== SyntaxKind.OpenParenToken) return [];
  c.i += 2;
  const filters = readFilters(c);
  if (c.k() === SyntaxKind.CloseParenToken) c.i++;
  return filters;
}

/** SubPageLink / RunPageLink / DataItemLink: `"Field" = field("Other"), X = const(Y)`. */
export function getPropertyLinks(prop: SyntaxNode): TableFilter[] {
  return readFilters(new Cursor(valueTokens(prop)));
}

/** SourceTableView / DataItemTableView / SubPageView / RunPageView: `sorting(A, B) order(descending) where(...)`. */
export function getTableView(prop: SyntaxNode): TableView {
  const c = new Cursor(valueTokens(prop));
  const view: TableView = { sorting: [], order: undefined, where: [] };
  while (c.i < c.t.length) {
    if (c.is('sorting') && c.t[c.i + 1]?.kind === SyntaxKind.OpenParenToken) {
      c.i += 2;
      while (c.i < c.t.length && c.k() !== SyntaxKind.CloseParenToken) {
        if (c.k() === SyntaxKind.CommaToken) c.i++;
        else {
          const before = c.i;
          const name = readName(c);
          if (name) view.sorting.push(name);
          if (c.i === before) c.i++;
        }
      }
      c.i++;
    } else if (c.is('order') && c.t[c.i + 1]?.kind === SyntaxKind.OpenParenToken) {
      const dir = c.t[c.i + 2] ? nodeText(c.t[c.i + 2]).toLowerCase() : '';
      if (dir === 'ascending' || dir === 'descending') view.order = dir;
      c.i += 1;
      c.skipGroup();
    } else if (c.is('where')) {
      const before = c.i;
      view.where.push(...readWhere(c));
      if (c.i === before) c.i++;
    } else c.i++;
  }
  return view;
}

/** CalcFormula: `[-]sum("Cust. Ledger Entry".Amount where(...))`, `count(X where(...))`, `exist(...)`, `lookup(...)`. */
export function getCalcFormula(prop: SyntaxNode): CalcFormula | undefined {
  const c = new Cursor(valueTokens(prop));
  const negate = c.k() === SyntaxKind.MinusToken;
  const m = negate ? 1 : 0;
  if (c.t.length < m + 3 || c.t[m + 1].kind !== SyntaxKind.OpenParenToken) return undefined;
  const method = nodeText(c.t[m]).toLowerCase();
  c.i = m + 2;
  const target = readTarget(c);
  const where = readWhere(c);
  return { method, negate, table: target.table, field: target.field, where };
}

/** `Table` or `Table.Field` (names may be quoted; the table may be namespace-qualified). */
function readTarget(c: Cursor): { table: string; field: string | undefined } {
  const parts: string[] = [];
  while (c.k() === SyntaxKind.Identifier || c.k() === SyntaxKind.QuotedIdentifier || (c.k() >= SyntaxKind.FirstKeyword && c.k() <= SyntaxKind.LastKeyword)) {
    if (c.is('where') || c.is('else')) break;
    parts.push(identifierText(c.t[c.i++]));
    if (c.k() !== SyntaxKind.DotToken) break;
    c.i++;
  }
  if (parts.length <= 1) return { table: parts[0] ?? '', field: undefined };
  // A quoted or plain last part after the table is the field; namespaces only qualify tables.
  return { table: parts.slice(0, -1).join('.'), field: parts[parts.length - 1] };
}

/**
 * TableRelation: `Customer."No." where(...)`, or `if (Type = const(Item)) Item else if (...) Resource else "G/L Account"`.
 * For `Table.Field` the split is: everything before the last part is the table.
 */
export function getTableRelation(prop: SyntaxNode): TableRelationTarget[] {
  const c = new Cursor(valueTokens(prop));
  const out: TableRelationTarget[] = [];
  while (c.i < c.t.length) {
    let condition: TableFilter[] = [];
    if (c.is('if') && c.t[c.i + 1]?.kind === SyntaxKind.OpenParenToken) {
      c.i += 2;
      condition = readFilters(c);
      if (c.k() === SyntaxKind.CloseParenToken) c.i++;
    }
    const before = c.i;
    const target = readTarget(c);
    const where = readWhere(c);
    if (target.table) out.push({ condition, table: target.table, field: target.field, where });
    if (c.is('else')) c.i++;
    else if (c.i === before) c.i++;
    else if (c.i < c.t.length && !c.is('if')) c.i++;
  }
  return out;
}

/**
 * A comma-separated list value as unquoted items: OptionMembers (`A,B,"C D"` and blank members),
 * RequestFilterFields, IncludedPermissionSets, Scripts ('a.js', 'b.js')...
 */
export function getPropertyList(prop: SyntaxNode): string[] {
  const t = valueTokens(prop);
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i].kind === SyntaxKind.CommaToken) {
      out.push(from < i ? unquoteValue(t, from, i) : '');
      from = i + 1;
    }
  }
  return t.length === 0 ? [] : out;
}
