// The timeline chart renderer, shared by the CLI (`run --timeline FILE`) and the extension's Timeline view.
export { buildTimeline, type TimelineModel, type Row, type Mark } from './timelineModel';
export { renderTimelineSvg, renderTimelineModelSvg, formatMs, tickStep, escapeXml, TIMELINE_CSS, type SvgOptions } from './timelineSvg';
export { renderTimelineHtml, summarize, type HtmlOptions } from './timelineHtml';
