// Draws a timeline model as a Gantt-style SVG: a row per session coloured by kind and outcome, hatched queue
// waits, marks for cancellations, timeouts, triggers, notifications and errors, links from parent to child
// sessions, and hover details as SVG <title>s (so a standalone file needs no script). Pure string building.
import type { TimelineEvent } from '../protocol/runtimeProtocol';
import { buildTimeline, type Mark, type Row, type TimelineModel } from './timelineModel';

export interface SvgOptions {
  /** Width of the time area in px (default 900). */
  width?: number;
  /** For a live chart: the current clock time, so running sessions extend to it. */
  now?: number;
  /** Width of the label column in px (default 280). */
  labelWidth?: number;
  /** Put the chart's <style> inside the SVG (default). A webview with a strict CSP loads TIMELINE_CSS itself. */
  embedStyle?: boolean;
}

const DEFAULT_LABEL_W = 280;
const AXIS_H = 30;
const ROW_H = 26;
const BAR_H = 14;
const LEGEND_LINE_H = 22;
const LEGEND_TOP = (rows: number) => AXIS_H + Math.max(1, rows) * ROW_H + 18;
const PAD = 12;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A readable time: "250 ms", "1.5 s", "2:05". */
export function formatMs(ms: number): string {
  const a = Math.abs(ms);
  if (a < 1000) return `${Math.round(ms)} ms`;
  if (a < 60_000) return `${(ms / 1000).toFixed(a < 10_000 ? 2 : 1).replace(/\.?0+$/, '')} s`;
  const m = Math.floor(a / 60_000), s = Math.floor((a % 60_000) / 1000);
  return `${ms < 0 ? '-' : ''}${m}:${String(s).padStart(2, '0')}`;
}

/** A tick step of 1, 2 or 5 times a power of ten giving about `target` ticks. */
export function tickStep(range: number, target = 8): number {
  if (!(range > 0)) return 1;
  const raw = range / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

const KIND_SHORT: Record<string, string> = { Foreground: 'fg', Background: 'bg', PageBackgroundTask: 'task', Queued: 'queued' };

/** The chart's stylesheet; colours are CSS variables with light defaults, so a host can theme them. */
export const TIMELINE_CSS = `
.tl text{font:12px system-ui,-apple-system,"Segoe UI",sans-serif;fill:var(--tl-text,#1f2328)}
.tl .muted{fill:var(--tl-muted,#6e7781)}
.tl .grid{stroke:var(--tl-grid,#d0d7de);stroke-width:1}
.tl .rowbg{fill:var(--tl-rowbg,#f6f8fa)}
.tl .bar{stroke-width:1.5}
.tl .kind-Foreground{fill:var(--tl-fg,#4f8fe8);stroke:var(--tl-fg-stroke,#1f5fbf)}
.tl .kind-Background{fill:var(--tl-bg,#9b6ee0);stroke:var(--tl-bg-stroke,#6a3fb0)}
.tl .kind-PageBackgroundTask{fill:var(--tl-task,#2fb5a0);stroke:var(--tl-task-stroke,#137a6a)}
.tl .kind-Queued{fill:none;stroke:none}
.tl .outcome-error{stroke:var(--tl-error,#d1242f);stroke-width:2.5}
.tl .outcome-timeout{stroke:var(--tl-timeout,#e08600);stroke-width:2.5}
.tl .outcome-cancelled,.tl .outcome-stopped{fill-opacity:.35;stroke-dasharray:4 2}
.tl .outcome-running{fill-opacity:.75;stroke-dasharray:2 2}
.tl .wait{fill:url(#tl-hatch);stroke:var(--tl-muted,#6e7781);stroke-width:1;stroke-dasharray:2 2}
.tl .link{stroke:var(--tl-muted,#6e7781);stroke-width:1;stroke-dasharray:3 3;fill:none}
.tl .m-cancelled{stroke:var(--tl-muted-strong,#57606a);stroke-width:2.5}
.tl .m-timeout{fill:var(--tl-timeout,#e08600)}
.tl .m-error{fill:var(--tl-error,#d1242f)}
.tl .m-trigger{fill:var(--tl-trigger,#f2c744);stroke:#7a5c00;stroke-width:1}
.tl .m-notification{fill:var(--tl-notify,#e08600);stroke:#fff;stroke-width:1}
.tl .m-notification.level-error{fill:var(--tl-error,#d1242f)}
.tl .m-message{fill:var(--tl-message,#57606a)}
.tl .m-commit{stroke:var(--tl-commit,#1a7f37);stroke-width:2}
.tl .m-rollback{stroke:var(--tl-error,#d1242f);stroke-width:2}
.tl .m-write{fill:var(--tl-muted,#6e7781)}
.tl .m-enqueued{fill:none;stroke:var(--tl-task-stroke,#137a6a);stroke-width:1.5}
.tl .m-enqueueFailed{fill:var(--tl-error,#d1242f)}
.tl .hit:hover{stroke:var(--tl-focus,#0969da);stroke-width:3}
`;

function markShape(m: Mark, x: number, cy: number): string {
  const title = `<title>${escapeXml(`${formatMs(m.t)}  ${m.label}`)}</title>`;
  const cls = `mark m-${m.kind}${m.level ? ` level-${escapeXml(m.level)}` : ''}`;
  const r = 5;
  switch (m.kind) {
    case 'cancelled':
      return `<g class="${cls}">${title}<line x1="${x - r}" y1="${cy - r}" x2="${x + r}" y2="${cy + r}"/><line x1="${x - r}" y1="${cy + r}" x2="${x + r}" y2="${cy - r}"/><rect x="${x - r}" y="${cy - r}" width="${2 * r}" height="${2 * r}" fill="transparent" stroke="none"/></g>`;
    case 'timeout':
      return `<path class="${cls}" d="M${x} ${cy - r - 1}L${x + r + 1} ${cy + r}L${x - r - 1} ${cy + r}Z">${title}</path>`;
    case 'trigger':
      return `<path class="${cls}" d="M${x} ${cy - r}L${x + r} ${cy}L${x} ${cy + r}L${x - r} ${cy}Z">${title}</path>`;
    case 'notification':
    case 'error':
    case 'enqueueFailed':
      return `<circle class="${cls}" cx="${x}" cy="${cy}" r="${r}">${title}</circle>`;
    case 'enqueued':
      return `<circle class="${cls}" cx="${x}" cy="${cy}" r="${r - 1}">${title}</circle>`;
    case 'message':
      return `<rect class="${cls}" x="${x - 3.5}" y="${cy - 3.5}" width="7" height="7">${title}</rect>`;
    case 'commit':
    case 'rollback':
      return `<g class="${cls}">${title}<line x1="${x}" y1="${cy - BAR_H / 2 - 3}" x2="${x}" y2="${cy + BAR_H / 2 + 3}"/></g>`;
    case 'write':
      return `<circle class="${cls}" cx="${x}" cy="${cy + BAR_H / 2 + 4}" r="2">${title}</circle>`;
  }
}

const LEGEND: [string, string][] = [
  ['<rect class="bar kind-Foreground" x="0" y="-6" width="14" height="12" rx="2"/>', 'foreground'],
  ['<rect class="bar kind-Background" x="0" y="-6" width="14" height="12" rx="2"/>', 'background session'],
  ['<rect class="bar kind-PageBackgroundTask" x="0" y="-6" width="14" height="12" rx="2"/>', 'page background task'],
  ['<rect class="wait" x="0" y="-6" width="14" height="12"/>', 'queue wait'],
  ...(['cancelled', 'timeout', 'error', 'trigger', 'notification', 'message', 'commit'] as const).map((k): [string, string] => [markShape({ t: 0, kind: k, label: k }, 7, 0), k]),
];

/** Lays the legend out in lines that fit the width: [x, line] per item. */
function legendLayout(totalW: number): [number, number][] {
  const out: [number, number][] = [];
  let x = PAD, line = 0;
  for (const [, label] of LEGEND) {
    const w = 30 + label.length * 7;
    if (x + w > totalW - PAD && x > PAD) { x = PAD; line++; }
    out.push([x, line]);
    x += w;
  }
  return out;
}

function legendLines(totalW: number): number {
  return legendLayout(totalW).reduce((n, [, l]) => Math.max(n, l + 1), 1);
}

function legendSvg(top: number, totalW: number): string {
  const pos = legendLayout(totalW);
  return `<g class="legend">${LEGEND.map(([shape, label], i) => `<g transform="translate(${pos[i][0]},${top + pos[i][1] * LEGEND_LINE_H})">${shape}<text x="18" y="4">${label}</text></g>`).join('')}</g>`;
}

/** Shortens a label to n characters with an ellipsis (the full text is in the hover). */
function fit(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, Math.max(1, n - 1))}…`;
}

function rowLabel(r: Row): string {
  if (r.kind === 'Queued') return `task ${r.task} (never started) ${r.object}`;
  return `#${r.id} ${KIND_SHORT[r.kind] ?? r.kind} ${r.objectName ? `${r.objectName} (${r.object})` : r.object}${r.task !== undefined ? ` (task ${r.task})` : ''}`;
}

function rowTitle(r: Row, end: number): string {
  const lines = [
    rowLabel(r),
    `kind: ${r.kind}${r.parent !== null ? `, parent session ${r.parent}` : ''}${r.company ? `, company ${r.company}` : ''}`,
    `started ${formatMs(r.start)}${r.end !== undefined ? `, ended ${formatMs(r.end)} (${formatMs(r.end - r.start)})` : `, running for ${formatMs(end - r.start)}`}`,
    `outcome: ${r.outcome}`,
  ];
  if (r.error) lines.push(`error: ${r.error.code ? `${r.error.code}: ` : ''}${r.error.text ?? ''}`);
  for (const w of r.waits) lines.push(`${w.label}: ${formatMs(w.to - w.from)}`);
  return lines.join('\n');
}

export function renderTimelineModelSvg(model: TimelineModel, opts: SvgOptions = {}): string {
  const width = Math.max(200, opts.width ?? 900);
  const LABEL_W = Math.max(120, opts.labelWidth ?? DEFAULT_LABEL_W);
  const t0 = model.start;
  const t1 = Math.max(model.end, opts.now ?? model.end, t0 + 1);
  const x = (t: number) => LABEL_W + ((t - t0) / (t1 - t0)) * width;
  const rows = model.rows;
  const totalW = LABEL_W + width + PAD * 2;
  const height = LEGEND_TOP(rows.length) + legendLines(totalW) * LEGEND_LINE_H + PAD;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="tl" width="${totalW}" height="${height}" viewBox="0 0 ${totalW} ${height}" role="img" aria-label="Session timeline">`);
  if (opts.embedStyle !== false) out.push(`<style>${TIMELINE_CSS}</style>`);
  out.push('<defs><pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="transparent"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c959f" stroke-width="2"/></pattern></defs>');

  // Axis with ticks and vertical grid lines.
  const step = tickStep(t1 - t0);
  out.push('<g class="axis">');
  for (let t = Math.ceil(t0 / step) * step; t <= t1 + 1e-9; t += step) {
    const xx = x(t).toFixed(1);
    out.push(`<line class="grid" x1="${xx}" y1="${AXIS_H - 6}" x2="${xx}" y2="${AXIS_H + rows.length * ROW_H}"/>`);
    out.push(`<text class="muted" x="${xx}" y="${AXIS_H - 10}" text-anchor="middle">${escapeXml(formatMs(t))}</text>`);
  }
  out.push('</g>');
  if (!rows.length) out.push(`<text class="muted" x="${LABEL_W}" y="${AXIS_H + 17}">No sessions yet.</text>`);

  const yOf = new Map<number, number>();
  rows.forEach((r, i) => yOf.set(r.id, AXIS_H + i * ROW_H + ROW_H / 2));
  rows.forEach((r, i) => {
    const y = AXIS_H + i * ROW_H;
    const cy = y + ROW_H / 2;
    const end = r.end ?? t1;
    out.push(`<g class="row" data-session="${r.id}" data-kind="${r.kind}" data-outcome="${r.outcome}" data-object="${escapeXml(r.object)}">`);
    if (i % 2 === 0) out.push(`<rect class="rowbg" x="0" y="${y}" width="${totalW}" height="${ROW_H}"/>`);
    out.push(`<text x="${PAD}" y="${cy + 4}">${escapeXml(fit(rowLabel(r), Math.floor((LABEL_W - PAD) / 6.6)))}<title>${escapeXml(rowTitle(r, t1))}</title></text>`);
    for (const w of r.waits) {
      out.push(`<rect class="wait" x="${x(w.from).toFixed(1)}" y="${cy - BAR_H / 2}" width="${Math.max(1, x(w.to) - x(w.from)).toFixed(1)}" height="${BAR_H}"><title>${escapeXml(`${w.label}: ${formatMs(w.to - w.from)}`)}</title></rect>`);
    }
    if (r.kind !== 'Queued') {
      out.push(`<rect class="bar hit kind-${r.kind} outcome-${r.outcome}" x="${x(r.start).toFixed(1)}" y="${cy - BAR_H / 2}" width="${Math.max(2, x(end) - x(r.start)).toFixed(1)}" height="${BAR_H}" rx="3"><title>${escapeXml(rowTitle(r, t1))}</title></rect>`);
    }
    // Parent to child link: where the child was started from.
    const py = r.parent !== null ? yOf.get(r.parent) : undefined;
    if (py !== undefined) {
      const lx = x(r.waits[0]?.from ?? r.start).toFixed(1);
      out.push(`<path class="link" d="M${lx} ${py}V${cy}"/>`);
    }
    for (const m of r.marks) out.push(markShape(m, +x(m.t).toFixed(1), cy));
    out.push('</g>');
  });

  out.push(legendSvg(LEGEND_TOP(rows.length), totalW));
  out.push('</svg>');
  return out.join('\n');
}

/** The chart of a run's events as an SVG document fragment (embeddable in HTML, or saved as .svg). */
export function renderTimelineSvg(events: readonly TimelineEvent[], opts: SvgOptions = {}): string {
  return renderTimelineModelSvg(buildTimeline(events), opts);
}
