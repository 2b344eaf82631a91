// Markdown built from what AL and the runtime say (object names, user ids, task parameters, error texts): every such
// text is escaped, so a name like `[x](command:...)` or `![i](https://...)` shows as written and never becomes a
// link, an image, an icon or HTML in a tooltip. vscode-free, so it is tested directly.
import type { SessionInfo } from '../protocol/runtimeProtocol';

/**
 * Escapes a text for Markdown: every ASCII punctuation character gets a backslash (CommonMark lets any of them be
 * escaped), line breaks become spaces (a text is one item), and `$(` cannot start a theme icon.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~$&"':;=?@^,%/]/g, (c) => `\\${c}`);
}

/** The Sessions view's tooltip of a session, as Markdown (the view wraps it in a MarkdownString). */
export function sessionTooltipMarkdown(s: SessionInfo, kindLabel: string, state: string, elapsed: string, timeout: string | undefined): string {
  const e = escapeMarkdown;
  let md = `**Session ${s.id}** · ${e(kindLabel)}\n\n`;
  md += `- object: ${e(s.object)}${s.objectName ? ` (${e(s.objectName)})` : ''}\n`;
  md += `- parent: ${s.parent ?? 'none'}${s.taskId !== undefined ? `, task ${s.taskId}` : ''}\n`;
  md += `- state: ${e(state)}\n- user: ${e(s.userId)}\n- elapsed: ${e(elapsed)}\n`;
  if (timeout !== undefined) md += `- timeout: ${e(timeout)}\n`;
  if (s.parameters && Object.keys(s.parameters).length) md += `- parameters: ${Object.entries(s.parameters).map(([k, v]) => `${e(k)}=${e(v)}`).join(', ')}\n`;
  if (s.company) md += `- company: ${e(s.company)}\n`;
  return md;
}
