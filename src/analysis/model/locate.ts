// Finding what is at an offset of a file: the innermost call expression and the procedure around it.
import type { AlFileModel, Expr, Procedure } from './ir';
import { forEachExpr, forEachStmt, stmtExprs } from './visit';
import type { WsObject } from './workspace';

export interface CallAt {
  obj: WsObject;
  proc: Procedure;
  call: Expr & { k: 'call' };
  /** The call is a statement of its own (its return value is not used). */
  isStatement: boolean;
}

/** The innermost call whose span contains the offset. */
export function callAt(file: AlFileModel, offset: number): CallAt | undefined {
  let best: CallAt | undefined;
  for (const obj of file.objects) {
    if (offset < obj.start || offset > obj.end) continue;
    for (const proc of obj.procedures) {
      if (offset < proc.start || offset > proc.end) continue;
      forEachStmt(proc.body, (s) => {
        for (const e of stmtExprs(s)) {
          forEachExpr(e, (x) => {
            if (x.k !== 'call' || offset < x.start || offset > x.end) return;
            if (!best || x.end - x.start <= best.call.end - best.call.start) {
              best = { obj, proc, call: x, isStatement: s.k === 'expr' && s.expr === x };
            }
          });
        }
      });
    }
  }
  return best;
}

/** The procedure or trigger whose name span contains the offset. */
export function procedureNameAt(file: AlFileModel, offset: number): { obj: WsObject; proc: Procedure } | undefined {
  for (const obj of file.objects) for (const proc of obj.procedures) if (offset >= proc.nameStart && offset <= proc.nameEnd) return { obj, proc };
  return undefined;
}
