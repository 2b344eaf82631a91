// BG0009: a page enqueues background tasks but has no OnPageBackgroundTaskCompleted trigger.
import type { Fix } from '../diagnostic';
import type { Workspace, WsObject } from '../model/workspace';
import { indentAt, isPage, objectTrigger, pageFamily } from './pageWalk';
import { inScope, type Rule, type RuleContext } from './types';

export const BG0009: Rule = {
  meta: { scope: 'local', id: 'BG0009', title: 'Page enqueues background tasks but has no OnPageBackgroundTaskCompleted', defaultSeverity: 'warning', quickFix: 'Add the trigger skeleton' },
  check(ctx) {
    missingTrigger(ctx, 'OnPageBackgroundTaskCompleted', 'TaskId: Integer; Results: Dictionary of [Text, Text]', (page) =>
      `Page ${page.kind === 'pageextension' ? 'extension ' : ''}"${page.name}" enqueues background tasks but has no OnPageBackgroundTaskCompleted trigger: the tasks' results never reach the page, so each task costs a child session for nothing.`,
    );
  },
};

/** Reports the first enqueue of each page whose family lacks the trigger; shared with BG0018. */
export function missingTrigger(ctx: RuleContext, trigger: string, params: string, message: (page: WsObject) => string): void {
  const { ws } = ctx;
  const done = new Set<WsObject>();
  for (const site of ctx.facts.enqueueSites) {
    const page = site.obj;
    if (!isPage(page) || done.has(page) || !inScope(ctx, page.file)) continue;
    done.add(page);
    const family = pageFamily(ws, page);
    if ([...family].some((o) => objectTrigger(o, trigger))) continue;
    const fix = skeletonFix(ws, page, trigger, params);
    ctx.report({ file: page.file, start: site.call.start, end: site.call.end, message: message(page), fixes: fix ? [fix] : undefined });
  }
}

function skeletonFix(ws: Workspace, page: WsObject, trigger: string, params: string): Fix | undefined {
  const file = ws.files.get(page.file);
  if (!file || !page.closeBrace) return undefined;
  const text = file.text;
  // Indent like the object's existing triggers, or one level inside the object.
  const anyTrigger = page.procedures.find((p) => !p.host);
  const indent = anyTrigger ? indentAt(text, anyTrigger.start) : indentAt(text, page.start) + '    ';
  let ls = page.closeBrace;
  while (ls > 0 && text[ls - 1] !== '\n') ls--;
  const newText = `\n${indent}trigger ${trigger}(${params})\n${indent}begin\n${indent}end;\n`;
  return { title: `Add an ${trigger} trigger`, edits: [{ file: page.file, start: ls, end: ls, newText }] };
}
