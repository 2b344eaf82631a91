// What AL names in the Sessions view's tooltip stays text: object names, user ids and task parameters that look like
// links, images, HTML or theme icons are shown as written. Rendered with markdown-it, the renderer VS Code uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, sessionTooltipMarkdown } from '../../src/extension/markdownText';
import type { SessionInfo } from '../../src/protocol/runtimeProtocol';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (o?: object) => { render(md: string): string; renderInline(md: string): string };
const md = new MarkdownIt({ html: false, linkify: true });

const hostile = [
  '[open a terminal](command:workbench.action.terminal.new)',
  '![tracker](https://example.com/pixel.png)',
  '<img src=x onerror=alert(1)>',
  '$(alert) **bold** _em_ `code`',
  'https://example.com/linkified',
  'line one\n# heading\n- item',
];

test('escapeMarkdown: hostile texts render as the same text, with no link, image, HTML, emphasis or heading', () => {
  for (const text of hostile) {
    const html = md.renderInline(escapeMarkdown(text));
    assert.doesNotMatch(html, /<a |<img|<em>|<strong>|<code>|<h1>|<li>/, `${text} -> ${html}`);
    // What is shown is the text itself (HTML-entity encoded by the renderer, line breaks as spaces).
    const shown = html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    assert.equal(shown, text.replace(/\n/g, ' '));
  }
});

test('the session tooltip escapes the object name, user id, company and task parameters', () => {
  const s: SessionInfo = {
    id: 7, kind: 'PageBackgroundTask', parent: 3, object: 'Codeunit 50100', objectName: hostile[0], state: 'running', taskId: 2,
    userId: hostile[2], startedAt: 0, parameters: { [hostile[1]]: hostile[3], Wait: '1000' }, company: hostile[4],
  };
  const html = md.render(sessionTooltipMarkdown(s, 'Page background task', 'running', '1.5 s', undefined));
  assert.doesNotMatch(html, /<a |<img|<em>|<code>/, html);
  assert.match(html, /<strong>Session 7<\/strong>/);
  assert.match(html, /command:workbench\.action\.terminal\.new/);
  assert.match(html, /Wait=1000/);
});
