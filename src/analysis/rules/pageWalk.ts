// Helpers for the page rules: a page's triggers, the objects whose procedures count as "the page's own", and a walk
// that stays inside them (CurrPage calls can only happen in the page and its extensions).
import type { Procedure, Stmt, VarDecl } from '../model/ir';
import type { ProcRef } from '../model/resolve';
import { walk, type Visit } from '../model/walk';
import { resolveCall } from '../model/resolve';
import { forEachCall, forEachExpr, forEachStmt, stmtExprs } from '../model/visit';
import type { Workspace, WsObject } from '../model/workspace';
import type { Fix } from '../diagnostic';
import type { Facts } from '../facts';

/** Pages and page extensions that enqueue background tasks; computed once per facts and shared by the page rules. */
const enqueuingPagesCache = new WeakMap<Facts, Set<WsObject>>();
export function enqueuingPages(facts: Facts): Set<WsObject> {
  let pages = enqueuingPagesCache.get(facts);
  if (!pages) {
    pages = new Set(facts.enqueueSites.map((s) => s.obj).filter(isPage));
    enqueuingPagesCache.set(facts, pages);
  }
  return pages;
}

export function isPage(o: WsObject): boolean {
  return o.kind === 'page' || o.kind === 'pageextension';
}

/** The object-level trigger of that name (not a field/action trigger). */
export function objectTrigger(o: WsObject, name: string): Procedure | undefined {
  const key = name.toLowerCase();
  return o.procedures.find((p) => p.isTrigger && !p.host && p.name.toLowerCase() === key);
}

/** The page and its base page (for an extension) and the base page's extensions: one logical page. */
export function pageFamily(ws: Workspace, o: WsObject): Set<WsObject> {
  const base = ws.baseObject(o) ?? o;
  const fam = new Set<WsObject>([o, base]);
  for (const e of ws.extensionsOf(base)) fam.add(e);
  return fam;
}

/** Walks from a page trigger following only the page's own procedures; one visited set per root. */
export function walkPage(ws: Workspace, page: WsObject, root: Procedure, onCall: (v: Visit) => void): void {
  const family = pageFamily(ws, page);
  walk(ws, { obj: page, proc: root }, {
    visited: new Set(),
    onCall(v) {
      onCall(v);
      return v.res.kind === 'proc' && v.res.targets.every((t) => family.has(t.obj));
    },
  });
}

const enqueueMemo = new WeakMap<Workspace, { version: number; map: Map<Procedure, boolean> }>();

/**
 * Whether a page procedure can reach CurrPage.EnqueueBackgroundTask through the page's own procedures. Memoized per
 * workspace version, so checking every trigger of a large page costs one pass over its procedures; rules that walk
 * every trigger (BG0015, BG0017) skip the triggers that cannot enqueue.
 */
export function reachesEnqueue(ws: Workspace, page: WsObject, proc: Procedure): boolean {
  let memo = enqueueMemo.get(ws);
  if (!memo || memo.version !== ws.version) {
    memo = { version: ws.version, map: new Map() };
    enqueueMemo.set(ws, memo);
  }
  const map = memo.map;
  const family = pageFamily(ws, page);
  const visit = (obj: WsObject, p: Procedure, stack: Set<Procedure>): boolean => {
    const known = map.get(p);
    if (known !== undefined) return known;
    if (stack.has(p)) return false;
    stack.add(p);
    let found = false;
    forEachCall(p.body, (call) => {
      if (found) return;
      const r = resolveCall(ws, obj, p, call);
      if (r.kind === 'builtin' && r.name === 'currpage.enqueuebackgroundtask') found = true;
      else if (r.kind === 'proc') for (const t of r.targets) if (family.has(t.obj) && visit(t.obj, t.proc, stack)) found = true;
    });
    stack.delete(p);
    map.set(p, found);
    return found;
  };
  return visit(page, proc, new Set());
}

/** The top-level statement of `proc`'s body that contains the offset. */
export function topStatement(proc: Procedure, offset: number): Stmt | undefined {
  if (!proc.body || proc.body.k !== 'block') return undefined;
  return proc.body.stmts.find((s) => s.start <= offset && offset < s.end);
}

/** Line-aware span of a statement: whole lines when the statement is alone on its lines, with the trailing `;`. */
export function statementLines(text: string, s: { start: number; end: number }): { start: number; end: number; text: string; wholeLines: boolean } {
  let end = s.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === ';') end++;
  let lineStart = s.start;
  // Whitespace and block comments (`/* ... */`) before the statement on its line belong to it.
  for (;;) {
    while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
    if (lineStart >= 2 && text[lineStart - 1] === '/' && text[lineStart - 2] === '*') {
      const open = text.lastIndexOf('/*', lineStart - 2);
      if (open < 0 || text.slice(open, lineStart).includes('\n')) break;
      lineStart = open;
    } else break;
  }
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  const wholeLines = (lineStart === 0 || text[lineStart - 1] === '\n') && (lineEnd >= text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r');
  if (wholeLines) {
    if (text[lineEnd] === '\r') lineEnd++;
    if (text[lineEnd] === '\n') lineEnd++;
    return { start: lineStart, end: lineEnd, text: text.slice(s.start, end), wholeLines: true };
  }
  return { start: s.start, end, text: text.slice(s.start, end), wholeLines: false };
}

/** Indentation of the line that holds the offset. */
export function indentAt(text: string, offset: number): string {
  let ls = offset;
  while (ls > 0 && text[ls - 1] !== '\n') ls--;
  let i = ls;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text.slice(ls, i);
}

/** The offset of the `end` keyword closing a procedure body (the last `end` inside the body span). */
export function bodyEndKeyword(text: string, proc: Procedure): number | undefined {
  if (!proc.body) return undefined;
  const slice = text.slice(proc.body.start, proc.body.end);
  const m = /end\s*;?\s*$/i.exec(slice);
  return m ? proc.body.start + m.index : undefined;
}

/**
 * A fix that moves a top-level statement of a trigger into the page's OnAfterGetCurrRecord trigger (created before
 * the object's closing brace when missing), with what it needs: the trigger's local variables the statement uses
 * (declared in the target) and the earlier top-level statements that use those locals (the Dictionary filled before
 * the enqueue), so the result compiles. A local the source trigger still uses stays declared there too, and a
 * statement setting it is copied rather than moved, so the code left behind behaves as before.
 * No fix when that cannot be done safely (a name clash in the target, locals declared together on one line).
 */
export function moveToAfterGetCurrRecordFix(ws: Workspace, page: WsObject, from: Procedure, callOffset: number): Fix | undefined {
  const file = ws.files.get(page.file);
  if (!file) return undefined;
  const text = file.text;
  const stmt = topStatement(from, callOffset);
  if (!stmt || !from.body || from.body.k !== 'block') return undefined;
  const target = objectTrigger(page, 'OnAfterGetCurrRecord');
  const localsByName = new Map(from.locals.map((l) => [l.name.toLowerCase(), l]));
  // Walk back from the enqueue: an earlier statement that uses a needed local moves too (and needs its locals).
  const stmts = from.body.stmts;
  const at = stmts.indexOf(stmt);
  const needed = new Set([...identsOf(stmt)].filter((n) => localsByName.has(n)));
  const moving = new Set<Stmt>([stmt]);
  for (let i = at - 1; i >= 0; i--) {
    const used = identsOf(stmts[i]);
    if (![...used].some((n) => needed.has(n))) continue;
    moving.add(stmts[i]);
    for (const n of used) if (localsByName.has(n)) needed.add(n);
  }
  // A statement the source trigger still needs (it sets a local that code staying there uses) is copied, not moved.
  const stayingUse = new Set(stmts.filter((s) => !moving.has(s)).flatMap((s) => [...identsOf(s)]).filter((n) => localsByName.has(n)));
  const copied = new Set([...moving].filter((s) => s !== stmt && stayingUse.has(writtenLocal(s) ?? '')));
  const staying = stmts.filter((s) => !moving.has(s) || copied.has(s));
  for (const s of staying) for (const n of identsOf(s)) if (localsByName.has(n)) stayingUse.add(n);
  const triggerIndent = indentAt(text, from.start);
  const stmtIndent = triggerIndent + '    ';
  const edits: Fix['edits'] = [];
  const movedParts: string[] = [];
  for (const s of stmts) {
    if (!moving.has(s)) continue;
    const cut = statementLines(text, s);
    if (!copied.has(s)) edits.push({ file: page.file, start: cut.start, end: cut.end, newText: '' });
    // Keep the moved code's own line structure, re-indented under the new trigger.
    movedParts.push(reindent(cut.text, indentAt(text, s.start), stmtIndent));
  }
  const moved = movedParts.join('\n');
  // The locals: declared in the target; removed from the source when nothing left there uses them.
  const decls: string[] = [];
  const removed: VarDecl[] = [];
  for (const n of needed) {
    const decl = localsByName.get(n)!;
    const clash = target?.locals.find((l) => l.name.toLowerCase() === n) ?? page.globals.find((g) => g.name.toLowerCase() === n);
    if (clash) return undefined;
    const line = declarationLines(text, decl);
    if (!line) return undefined;
    decls.push(`${stmtIndent}${line.text}`);
    if (!stayingUse.has(n)) removed.push(decl);
  }
  for (const decl of removed) {
    const line = declarationLines(text, decl)!;
    edits.push({ file: page.file, start: line.start, end: line.end, newText: '' });
  }
  if (removed.length > 0 && removed.length === from.locals.length) {
    // Every local moved: the `var` keyword goes too (on its own line before the first local).
    const first = Math.min(...from.locals.map((l) => l.start));
    const m = /(^|\n)([ \t]*var[ \t]*\r?\n)[\s]*$/i.exec(text.slice(from.start, first));
    if (m) {
      const s = from.start + m.index + m[1].length;
      edits.push({ file: page.file, start: s, end: s + m[2].length, newText: '' });
    }
  }
  const varBlock = decls.length ? decls.map((d) => (d.endsWith(';') ? d : `${d};`)).join('\n') : '';
  if (target && target.body) {
    const endKw = bodyEndKeyword(text, target);
    if (endKw === undefined) return undefined;
    let ls = endKw;
    while (ls > 0 && text[ls - 1] !== '\n') ls--;
    edits.push({ file: page.file, start: ls, end: ls, newText: `${moved}\n` });
    if (varBlock) {
      let bs = target.body.start;
      while (bs > 0 && text[bs - 1] !== '\n') bs--;
      edits.push({ file: page.file, start: bs, end: bs, newText: target.locals.length ? `${varBlock}\n` : `${indentAt(text, target.start)}var\n${varBlock}\n` });
    }
  } else {
    let ls = page.closeBrace;
    while (ls > 0 && text[ls - 1] !== '\n') ls--;
    const vars = varBlock ? `${triggerIndent}var\n${varBlock}\n` : '';
    const skeleton = `\n${triggerIndent}trigger OnAfterGetCurrRecord()\n${vars}${triggerIndent}begin\n${moved}\n${triggerIndent}end;\n`;
    edits.push({ file: page.file, start: ls, end: ls, newText: skeleton });
  }
  edits.sort((a, b) => b.start - a.start);
  return { title: 'Move the call to OnAfterGetCurrRecord', edits };
}

/**
 * The whole lines of a local's declaration (`Args: Dictionary of [Text, Text];` alone on its line), from the
 * name to its `;`. Undefined when the line holds more (`A, B: Integer;`, two declarations on a line).
 */
function declarationLines(text: string, decl: VarDecl): { start: number; end: number; text: string } | undefined {
  let ls = decl.start;
  while (ls > 0 && (text[ls - 1] === ' ' || text[ls - 1] === '\t')) ls--;
  if (ls > 0 && text[ls - 1] !== '\n') return undefined;
  let i = decl.end;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== ':') return undefined;
  let depth = 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if ((ch === ';' && depth === 0) || ch === '\n') break;
  }
  if (text[i] !== ';') return undefined;
  const declText = text.slice(decl.start, i + 1);
  let e = i + 1;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  if (text[e] === '\r') e++;
  if (e < text.length && text[e] !== '\n') return undefined;
  return { start: ls, end: e + 1, text: declText };
}

/** The (lower-cased) variable a statement sets: `X := ...`, `X += ...`, `X.Add(...)`; undefined for anything else. */
function writtenLocal(s: Stmt): string | undefined {
  let e = s.k === 'assign' ? s.target : s.k === 'expr' && s.expr.k === 'call' ? s.expr.callee : undefined;
  if (s.k === 'expr' && e?.k === 'member') e = e.obj;
  while (e && (e.k === 'member' || e.k === 'index')) e = e.obj;
  return e?.k === 'ident' ? e.name.toLowerCase() : undefined;
}

/** Lower-cased identifiers a statement (and the statements inside it) mentions. */
function identsOf(s: Stmt): Set<string> {
  const out = new Set<string>();
  forEachStmt(s, (x) => {
    for (const e of stmtExprs(x)) forEachExpr(e, (y) => { if (y.k === 'ident') out.add(y.name.toLowerCase()); });
  });
  return out;
}

function reindent(code: string, fromIndent: string, toIndent: string): string {
  return code
    .split('\n')
    .map((line, i) => (i === 0 ? toIndent + line.trimStart() : line.startsWith(fromIndent) ? toIndent + line.slice(fromIndent.length) : line))
    .join('\n');
}

export function refOf(obj: WsObject, proc: Procedure): ProcRef {
  return { obj, proc };
}
