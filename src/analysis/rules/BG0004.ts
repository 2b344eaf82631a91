// BG0004: a constant EnqueueBackgroundTask timeout above 600000 ms or not positive.
import type { Expr } from '../model/ir';
import { isPage } from './pageWalk';
import { inScope, type Rule } from './types';

export const MAX_TIMEOUT_MS = 600000;

export const BG0004: Rule = {
  meta: { scope: 'local', id: 'BG0004', title: 'Page background task timeout out of range', defaultSeverity: 'warning', quickFix: 'Use 600000' },
  check(ctx) {
    for (const site of ctx.facts.enqueueSites) {
      if (!isPage(site.obj) || !inScope(ctx, site.obj.file)) continue;
      const arg = site.call.args[3];
      const value = arg && constantNumber(arg);
      if (value === undefined) continue;
      if (value > MAX_TIMEOUT_MS) {
        ctx.report({
          file: site.obj.file,
          start: arg.start,
          end: arg.end,
          message: `Timeout ${value} ms is above PageBackgroundTaskMaxTimeout (600000 ms, 10 minutes): BC silently caps it at 600000 ms, so the task is stopped with ChildSessionTaskTimeout after 10 minutes.`,
          fixes: [{ title: 'Use 600000', edits: [{ file: site.obj.file, start: arg.start, end: arg.end, newText: '600000' }] }],
        });
      } else if (value <= 0) {
        ctx.report({
          file: site.obj.file,
          start: arg.start,
          end: arg.end,
          message: `Timeout ${value} ms is not positive: give a wait in milliseconds (at most 600000), or leave the argument out for the default of 2 minutes.`,
        });
      }
    }
  },
};

/** A numeric literal, possibly negated. */
export function constantNumber(e: Expr): number | undefined {
  if (e.k === 'literal' && e.type === 'number') {
    const n = Number(e.value);
    return Number.isFinite(n) ? n : undefined;
  }
  if (e.k === 'unary' && e.op === '-') {
    const n = constantNumber(e.operand);
    return n === undefined ? undefined : -n;
  }
  if (e.k === 'other' && e.children.length === 1) return constantNumber(e.children[0]);
  return undefined;
}
