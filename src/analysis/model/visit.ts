// Plain traversals of a procedure's statements and expressions (no flow tracking), for indexing calls.
import type { Expr, Stmt } from './ir';

export function forEachStmt(s: Stmt | undefined, fn: (s: Stmt, loops: Stmt[]) => void, loops: Stmt[] = []): void {
  if (!s) return;
  fn(s, loops);
  switch (s.k) {
    case 'block':
      for (const c of s.stmts) forEachStmt(c, fn, loops);
      break;
    case 'if':
      forEachStmt(s.then, fn, loops);
      forEachStmt(s.else, fn, loops);
      break;
    case 'case':
      for (const b of s.branches) forEachStmt(b.body, fn, loops);
      forEachStmt(s.else, fn, loops);
      break;
    case 'while':
    case 'for':
    case 'foreach':
      forEachStmt(s.body, fn, [...loops, s]);
      break;
    case 'repeat': {
      const inner = [...loops, s];
      for (const c of s.body) forEachStmt(c, fn, inner);
      break;
    }
    case 'with':
      forEachStmt(s.body, fn, loops);
      break;
  }
}

/** The expressions directly held by a statement (not those of nested statements). */
export function stmtExprs(s: Stmt): Expr[] {
  switch (s.k) {
    case 'if':
      return [s.cond];
    case 'case':
      return [s.expr, ...s.branches.flatMap((b) => b.values)];
    case 'while':
      return [s.cond];
    case 'repeat':
      return [s.cond];
    case 'for':
      return [s.variable, s.from, s.to];
    case 'foreach':
      return [s.variable, s.collection];
    case 'with':
      return [s.expr];
    case 'assign':
      return [s.target, s.value];
    case 'expr':
      return [s.expr];
    case 'exit':
      return s.value ? [s.value] : [];
    default:
      return [];
  }
}

export function forEachExpr(e: Expr, fn: (e: Expr) => void): void {
  fn(e);
  switch (e.k) {
    case 'call':
      forEachExpr(e.callee, fn);
      for (const a of e.args) forEachExpr(a, fn);
      break;
    case 'member':
      forEachExpr(e.obj, fn);
      break;
    case 'index':
      forEachExpr(e.obj, fn);
      for (const a of e.args) forEachExpr(a, fn);
      break;
    case 'unary':
      forEachExpr(e.operand, fn);
      break;
    case 'binary':
      forEachExpr(e.left, fn);
      forEachExpr(e.right, fn);
      break;
    case 'other':
      for (const c of e.children) forEachExpr(c, fn);
      break;
  }
}

/** Every call expression in a statement tree, with the loops around it. */
export function forEachCall(body: Stmt | undefined, fn: (call: Expr & { k: 'call' }, loops: Stmt[]) => void): void {
  forEachStmt(body, (s, loops) => {
    for (const e of stmtExprs(s)) forEachExpr(e, (x) => x.k === 'call' && fn(x, loops));
  });
}

/** Whether any identifier with this (lower-cased) name occurs in the statement tree. */
export function mentionsIdent(body: Stmt | undefined, lowerName: string): boolean {
  let found = false;
  forEachStmt(body, (s) => {
    if (found) return;
    for (const e of stmtExprs(s)) forEachExpr(e, (x) => {
      if (x.k === 'ident' && x.name.toLowerCase() === lowerName) found = true;
    });
  });
  return found;
}
