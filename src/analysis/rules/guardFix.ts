// The "wrap in if GuiAllowed() then" quick fix shared by BG0006 and BG0007.
import type { Fix } from '../diagnostic';
import type { Expr, Stmt } from '../model/ir';
import { forEachStmt } from '../model/visit';
import type { Workspace } from '../model/workspace';
import { indentAt, statementLines } from './pageWalk';

/** Wraps the statement holding the call in `if GuiAllowed() then` (the statement must be a call or assignment). */
export function guardFix(ws: Workspace, file: string, call: Expr): Fix | undefined {
  const model = ws.files.get(file);
  if (!model) return undefined;
  let best: Stmt | undefined;
  for (const o of model.objects) {
    for (const p of o.procedures) {
      if (p.start > call.start || p.end < call.end) continue;
      forEachStmt(p.body, (s) => {
        if ((s.k === 'expr' || s.k === 'assign' || s.k === 'if' || s.k === 'exit') && s.start <= call.start && call.end <= s.end) {
          if (!best || s.end - s.start < best.end - best.start) best = s;
        }
      });
    }
  }
  if (!best) return undefined;
  // An `if Confirm(...) then` statement is wrapped whole, so the guarded branch keeps its meaning.
  const text = model.text;
  const lines = statementLines(text, best);
  const indent = indentAt(text, best.start);
  const body = lines.text
    .split('\n')
    .map((l, i) => (i === 0 ? `${indent}    ${l.trimStart()}` : `    ${l}`))
    .join('\n');
  // `if A then Confirm(x) else ...`: wrapping would make the else bind to the new if; no fix there.
  if (/^\s*else\b/i.test(text.slice(lines.end, lines.end + 40))) return undefined;
  const wholeLine = lines.start !== best.start;
  const newText = wholeLine ? `${indent}if GuiAllowed() then\n${body}\n` : `if GuiAllowed() then ${lines.text}`;
  return { title: 'Wrap in if GuiAllowed() then', edits: [{ file, start: lines.start, end: lines.end, newText }] };
}
