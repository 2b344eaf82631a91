// The standalone timeline document the CLI writes (`al-session-lab run ... --timeline FILE`): the SVG chart, a
// summary and the event list, in one self-contained HTML file with no script and no external resource.
import type { TimelineEvent } from '../protocol/runtimeProtocol';
import { buildTimeline } from './timelineModel';
import { escapeXml, formatMs, renderTimelineModelSvg, type SvgOptions } from './timelineSvg';

export interface HtmlOptions extends SvgOptions {
  title?: string;
}

/** Counts of sessions by outcome, e.g. "3 sessions: 2 completed, 1 cancelled". */
export function summarize(events: readonly TimelineEvent[]): string {
  const model = buildTimeline(events);
  const sessions = model.rows.filter((r) => r.kind !== 'Queued');
  const counts = new Map<string, number>();
  for (const r of model.rows) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} ${k}`);
  return `${sessions.length} session${sessions.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}; ${formatMs(model.end - model.start)} of clock time; ${model.events} events`;
}

export function renderTimelineHtml(events: readonly TimelineEvent[], opts: HtmlOptions = {}): string {
  const title = opts.title ?? 'AL Session Lab timeline';
  const model = buildTimeline(events);
  const rows = events.map((e) => {
    const { event, t, session, ...rest } = e;
    return `<tr><td>${escapeXml(formatMs(t))}</td><td>${session ?? ''}</td><td>${escapeXml(event)}</td><td>${escapeXml(Object.keys(rest).length ? JSON.stringify(rest) : '')}</td></tr>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeXml(title)}</title>
<style>
body{font:14px system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328}
h1{font-size:18px;margin:0 0 4px}
.summary{color:#57606a;margin:0 0 16px}
.chart{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px;padding:8px 0}
details{margin-top:16px}
table{border-collapse:collapse;font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
td{padding:2px 10px 2px 0;vertical-align:top;border-bottom:1px solid #eaeef2}
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p class="summary">${escapeXml(summarize(events))}. Hover a bar or mark for details.</p>
<div class="chart">
${renderTimelineModelSvg(model, opts)}
</div>
<details><summary>Events (${events.length})</summary>
<table><tbody>
${rows.join('\n')}
</tbody></table>
</details>
</body>
</html>
`;
}
