// BG0012: the codeunit passed to StartSession / EnqueueBackgroundTask / CreateTask is missing, has no OnRun, or is a
// bare number.
import type { CallSite } from '../facts';
import { objectLabel } from '../model/resolve';
import { inScope, type Rule, type RuleContext } from './types';

export const BG0012: Rule = {
  meta: { scope: 'local', id: 'BG0012', title: 'Background codeunit missing, without OnRun, or given by number', defaultSeverity: 'warning', quickFix: 'Use Codeunit::"Name"' },
  check(ctx) {
    const f = ctx.facts;
    for (const s of f.enqueueSites) check(ctx, s, 'EnqueueBackgroundTask');
    for (const s of f.startSessionSites) check(ctx, s, 'StartSession');
    for (const s of f.createTaskSites) check(ctx, s, 'TaskScheduler.CreateTask');
  },
};

function check(ctx: RuleContext, s: CallSite, what: string): void {
  const t = s.target;
  const arg = s.targetExpr;
  if (!arg || t.form === 'dynamic' || t.form === 'missing' || !inScope(ctx, s.obj.file)) return;
  const file = s.obj.file;
  if (t.form === 'number' && t.id === 0) {
    // No object has id 0: whatever the workspace holds, nothing runs (a failure codeunit 0, "none", is not a site).
    ctx.report({ file, start: arg.start, end: arg.end, message: `${what} is given codeunit 0 as the codeunit to run: no codeunit has id 0, so nothing runs.` });
    return;
  }
  if (!t.obj) {
    // Without symbol packages a name we cannot find may live in a dependency: only report numbers and names when
    // the workspace can know every codeunit (packages loaded) or the object should be local (same-app id range).
    if (!ctx.ws.hasPackages && t.form === 'name') return;
    if (t.form === 'number' && !ctx.ws.hasPackages) {
      ctx.report({ file, start: arg.start, end: arg.end, severity: 'info', message: `${what} is given codeunit ${t.text} as a bare number, and no codeunit with that id is in the workspace: write Codeunit::"Name" so the compiler checks it.` });
      return;
    }
    ctx.report({ file, start: arg.start, end: arg.end, message: `${what} runs codeunit ${t.form === 'number' ? t.text : `"${t.text}"`}, which does not exist in the workspace or its symbol packages: nothing runs.` });
    return;
  }
  if (!t.obj.external && !t.obj.procedures.some((p) => p.isTrigger && p.name.toLowerCase() === 'onrun')) {
    ctx.report({ file, start: arg.start, end: arg.end, message: `${what} runs codeunit "${t.obj.name}", which has no OnRun trigger: the session or task starts and does nothing.` });
    return;
  }
  if (t.form === 'number') {
    const replacement = `Codeunit::${objectLabel(t.obj)}`;
    ctx.report({
      file,
      start: arg.start,
      end: arg.end,
      severity: 'info',
      message: `${what} is given codeunit ${t.text} (${t.obj.name}) as a bare number: after renumbering it silently runs another object. Write ${replacement}.`,
      fixes: [{ title: `Use ${replacement}`, edits: [{ file, start: arg.start, end: arg.end, newText: replacement }] }],
    });
  }
}
