// Tests of the timeline chart: events -> model (rows, waits, marks) and the SVG/HTML renderings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, formatMs, renderTimelineHtml, renderTimelineSvg, tickStep } from '../../src/timeline';
import type { TimelineEvent } from '../../src/protocol/runtimeProtocol';

/** The Customer Card run: page session 1 enqueues task 1, moves on (task cancelled), task 2 runs and completes. */
const run: TimelineEvent[] = [
  { event: 'sessionStarted', t: 0, session: 1, kind: 'Foreground', parent: null, object: 'Page 21' },
  { event: 'trigger', t: 0, session: 1, object: 'Page 21', name: 'OnAfterGetRecord' },
  { event: 'taskEnqueued', t: 0, session: 1, task: 1, codeunit: 'Codeunit 50100', timeoutMs: 10000, errorLevel: 'Warning' },
  { event: 'sessionStarted', t: 0, session: 2, kind: 'PageBackgroundTask', parent: 1, object: 'Codeunit 50100', task: 1 },
  { event: 'taskCancelled', t: 300, session: 1, task: 1, reason: 'recordChanged' },
  { event: 'sessionEnded', t: 300, session: 2, outcome: 'cancelled' },
  { event: 'taskEnqueued', t: 300, session: 1, task: 2, codeunit: 'Codeunit 50100', timeoutMs: 10000, errorLevel: 'Warning' },
  { event: 'taskWaiting', t: 300, session: 1, task: 2 },
  { event: 'sessionStarted', t: 500, session: 3, kind: 'PageBackgroundTask', parent: 1, object: 'Codeunit 50100', task: 2 },
  { event: 'sessionEnded', t: 1500, session: 3, outcome: 'completed' },
  { event: 'trigger', t: 1500, session: 1, object: 'Page 21', name: 'OnPageBackgroundTaskCompleted', task: 2 },
  { event: 'pageField', t: 1500, session: 1, page: 'Customer Card', field: 'Before1', value: '10:00:00' },
  { event: 'sessionStarted', t: 1600, session: 4, kind: 'Background', parent: 1, object: 'Codeunit 50101' },
  { event: 'write', t: 1600, session: 4, table: 'Customer', op: 'Modify' },
  { event: 'sessionEnded', t: 2000, session: 4, outcome: 'error', error: { code: 'Dialog', text: 'Boom <&>' } },
  { event: 'notification', t: 2000, session: 1, text: 'Task <failed>', level: 'warning' },
];

test('every session becomes a row, in start order, with kind, parent, span and outcome', () => {
  const m = buildTimeline(run);
  assert.deepEqual(m.rows.map((r) => [r.id, r.kind, r.parent, r.start, r.end, r.outcome]), [
    [1, 'Foreground', null, 0, undefined, 'running'],
    [2, 'PageBackgroundTask', 1, 0, 300, 'cancelled'],
    [3, 'PageBackgroundTask', 1, 500, 1500, 'completed'],
    [4, 'Background', 1, 1600, 2000, 'error'],
  ]);
  assert.equal(m.start, 0);
  assert.equal(m.end, 2000);
});

test('a session started in another company says so in its row and hover title', () => {
  const withCompany = run.map((e) => (e.event === 'sessionStarted' && e.session === 4 ? { ...e, company: 'Fabrikam' } : e));
  const m = buildTimeline(withCompany);
  assert.deepEqual(m.rows.map((r) => r.company), [undefined, undefined, undefined, 'Fabrikam']);
  assert.match(renderTimelineSvg(withCompany, { width: 600 }), /kind: Background, parent session 1, company Fabrikam/);
});

test('queue waits, cancellations, triggers, notifications and errors are marked on the right rows', () => {
  const m = buildTimeline(run);
  const byId = new Map(m.rows.map((r) => [r.id, r]));
  assert.deepEqual(byId.get(3)!.waits, [{ from: 300, to: 500, label: 'task 2 waited for a free child session slot' }]);
  assert.ok(byId.get(2)!.marks.some((k) => k.kind === 'cancelled' && k.t === 300 && /recordChanged/.test(k.label)));
  const page = byId.get(1)!.marks.map((k) => k.kind);
  assert.deepEqual(page, ['trigger', 'trigger', 'notification']);
  assert.ok(byId.get(4)!.marks.some((k) => k.kind === 'error' && /Dialog: Boom/.test(k.label)));
  assert.ok(byId.get(4)!.marks.some((k) => k.kind === 'write'));
  assert.ok(byId.get(3)!.marks.some((k) => k.kind === 'enqueued' && /timeout 10000 ms, ErrorLevel Warning/.test(k.label)));
});

test('a task cancelled while it waited gets a row of its own showing the wait', () => {
  const m = buildTimeline([
    { event: 'sessionStarted', t: 0, session: 1, kind: 'Foreground', parent: null, object: 'Page 21' },
    { event: 'taskEnqueued', t: 10, session: 1, task: 7, codeunit: 'Codeunit 50100', timeoutMs: 1000 },
    { event: 'taskWaiting', t: 10, session: 1, task: 7 },
    { event: 'taskCancelled', t: 50, session: 1, task: 7, reason: 'pageClosed' },
  ]);
  const q = m.rows.find((r) => r.kind === 'Queued')!;
  assert.equal(q.task, 7);
  assert.equal(q.outcome, 'cancelled');
  assert.deepEqual(q.waits.map((w) => [w.from, w.to]), [[10, 50]]);
});

test('timeouts are marked; unknown events and events without a time are ignored', () => {
  const m = buildTimeline([
    { event: 'sessionStarted', t: 0, session: 5, kind: 'PageBackgroundTask', parent: null, object: 'Codeunit 1' },
    { event: 'somethingNew', t: 10, session: 5 } as unknown as TimelineEvent,
    { event: 'sessionEnded', t: 600000, session: 5, outcome: 'timeout', error: { code: 'ChildSessionTaskTimeout', text: 'Child Session task was terminated because of a timeout.' } },
    { event: 'broken' } as unknown as TimelineEvent,
  ]);
  assert.equal(m.rows[0].outcome, 'timeout');
  assert.ok(m.rows[0].marks.some((k) => k.kind === 'timeout'));
  assert.equal(m.end, 600000);
});

test('the SVG has a bar per session coloured by kind and outcome, escaped hover titles and a legend', () => {
  const svg = renderTimelineSvg(run, { width: 600 });
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((svg.match(/<rect class="bar hit /g) ?? []).length, 4);
  assert.match(svg, /class="bar hit kind-PageBackgroundTask outcome-cancelled"/);
  assert.match(svg, /class="bar hit kind-Background outcome-error"/);
  assert.match(svg, /class="bar hit kind-Foreground outcome-running"/);
  assert.match(svg, /class="wait"/);
  assert.match(svg, /Boom &lt;&amp;&gt;/);
  assert.match(svg, /Task &lt;failed&gt;/);
  assert.doesNotMatch(svg, /<failed>/);
  assert.match(svg, /class="legend"/);
  // Bars sit on the time scale: session 3 runs from 500 to 1500 ms of a 0..2000 ms run, 600 px wide.
  const bar = /<rect class="bar hit kind-PageBackgroundTask outcome-completed" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
  assert.equal(Number(bar[1]), 280 + 150);
  assert.equal(Number(bar[2]), 300);
});

test('a live chart extends running sessions to now; an empty run says so', () => {
  const svg = renderTimelineSvg(run.slice(0, 2), { now: 1000, width: 500 });
  assert.match(svg, /class="bar hit kind-Foreground outcome-running" x="280.0" y="[\d.]+" width="500.0"/);
  assert.match(renderTimelineSvg([]), /No sessions yet\./);
});

test('renderTimelineHtml is a self-contained document with a summary, the chart and the events', () => {
  const html = renderTimelineHtml(run, { title: 'open-customer-card' });
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<title>open-customer-card<\/title>/);
  assert.match(html, /4 sessions: 1 running, 1 cancelled, 1 completed, 1 error; 2 s of clock time; 16 events/);
  assert.match(html, /<svg /);
  assert.doesNotMatch(html, /<script|src=|href=/);
  assert.match(html, /Events \(16\)/);
});

test('time formatting and tick steps', () => {
  assert.equal(formatMs(250), '250 ms');
  assert.equal(formatMs(1500), '1.5 s');
  assert.equal(formatMs(2000), '2 s');
  assert.equal(formatMs(125000), '2:05');
  assert.equal(tickStep(2000), 500);
  assert.equal(tickStep(600000), 100000);
  assert.equal(tickStep(0), 1);
});
