// Helpers for the page rules: a page's triggers, the objects whose procedures count as "the page's own", and a walk
// that stays inside them (CurrPage calls can only happen in the page and its extensions).
import type { Procedure, Stmt } from '../model/ir';
import type { ProcRef } from '../model/resolve';
import { walk, type Visit } from '../model/walk';
import { resolveCall } from '../model/resolve';
import { forEachCall } from '../model/visit';
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
export function statementLines(text: string, s: { start: number; end: number }): { start: number; end: number; text: string } {
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
    return { start: lineStart, end: lineEnd, text: text.slice(s.start, end) };
  }
  return { start: s.start, end, text: text.slice(s.start, end) };
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
 * the object's closing brace when missing).
 */
export function moveToAfterGetCurrRecordFix(ws: Workspace, page: WsObject, from: Procedure, callOffset: number): Fix | undefined {
  const file = ws.files.get(page.file);
  if (!file) return undefined;
  const text = file.text;
  const stmt = topStatement(from, callOffset);
  if (!stmt) return undefined;
  const cut = statementLines(text, stmt);
  const target = objectTrigger(page, 'OnAfterGetCurrRecord');
  const edits = [{ file: page.file, start: cut.start, end: cut.end, newText: '' }];
  const triggerIndent = indentAt(text, from.start);
  const stmtIndent = triggerIndent + '    ';
  // Keep the moved code's own line structure, re-indented under the new trigger.
  const moved = reindent(cut.text, indentAt(text, stmt.start), stmtIndent);
  if (target && target.body) {
    const endKw = bodyEndKeyword(text, target);
    if (endKw === undefined) return undefined;
    let ls = endKw;
    while (ls > 0 && text[ls - 1] !== '\n') ls--;
    edits.push({ file: page.file, start: ls, end: ls, newText: `${moved}\n` });
  } else {
    let ls = page.closeBrace;
    while (ls > 0 && text[ls - 1] !== '\n') ls--;
    const skeleton = `\n${triggerIndent}trigger OnAfterGetCurrRecord()\n${triggerIndent}begin\n${moved}\n${triggerIndent}end;\n`;
    edits.push({ file: page.file, start: ls, end: ls, newText: skeleton });
  }
  edits.sort((a, b) => b.start - a.start);
  return { title: 'Move the call to OnAfterGetCurrRecord', edits };
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
