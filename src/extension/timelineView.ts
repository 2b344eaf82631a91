// The Timeline view: a webview with the Gantt chart of the hosted runtime's sessions (src/timeline renders it),
// fed with every timeline event so far and then live, re-rendered at most a few times a second.
import * as vscode from 'vscode';
import type { TimelineEvent } from '../protocol/runtimeProtocol';
import { renderTimelineSvg, summarize, TIMELINE_CSS } from '../timeline';
import type { RuntimeConnection, RuntimeHost } from './runtimeHost';
import type { LiveSessions } from './liveSessions';
import { webviewHtml } from './webviewHtml';
import type { Log } from './log';

/** Theme the chart with the editor's colours (the renderer's CSS variables). */
const THEME_CSS = `
.tl text{fill:var(--vscode-foreground)}
.tl .muted{fill:var(--vscode-descriptionForeground)}
.tl .grid{stroke:var(--vscode-panel-border)}
.tl .rowbg{fill:var(--vscode-list-hoverBackground);fill-opacity:.5}
`;

export class TimelineView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private events: TimelineEvent[] = [];
  private ready = false;
  private width = 900;
  private labelWidth = 280;
  private renderTimer: NodeJS.Timeout | undefined;
  private liveTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** The SVG last posted (for tests). */
  lastSvg = '';

  constructor(private readonly context: vscode.ExtensionContext, private readonly host: RuntimeHost, private readonly live: LiveSessions, private readonly log: Log) {
    this.disposables.push(host.onDidConnect((c) => { if (this.panel) void this.connect(c); }));
  }

  async show(): Promise<void> {
    const c = await this.host.ensureStarted();
    if (this.panel) { this.panel.reveal(); return; }
    const panel = vscode.window.createWebviewPanel('alSessionLab.timeline', 'Session Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')],
    });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = webviewHtml(panel.webview, this.context.extensionUri, {
      title: 'Session Timeline',
      styles: ['timeline.css'],
      scripts: ['timeline.js'],
      inlineStyle: TIMELINE_CSS + THEME_CSS,
      body: '<header><h1>Session timeline</h1><p id="summary" class="muted"></p></header><div id="chart" class="chart"></div>',
    });
    panel.webview.onDidReceiveMessage((m: { type: string; width?: number; object?: string }) => {
      if (m.type === 'openObject' && typeof m.object === 'string') {
        void vscode.commands.executeCommand('alSessionLab.goToObject', m.object);
        return;
      }
      // The chart is drawn for the panel's width (the webview reports it on load and on resize).
      if (typeof m.width === 'number' && m.width > 0) {
        // Labels take at most a third of a narrow panel; the time axis gets the rest.
        this.labelWidth = Math.round(Math.min(280, Math.max(150, m.width / 3)));
        this.width = Math.max(200, Math.floor(m.width) - this.labelWidth - 30);
      }
      if (m.type === 'ready') this.ready = true;
      this.render();
    }, undefined, this.disposables);
    panel.onDidDispose(() => {
      this.panel = undefined;
      for (const u of this.unsubscribe) u();
      this.unsubscribe = [];
      clearInterval(this.liveTimer);
      this.liveTimer = undefined;
    }, undefined, this.disposables);
    await this.connect(c);
  }

  private async connect(c: RuntimeConnection | undefined): Promise<void> {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    if (!c) return;
    this.unsubscribe.push(c.client.on('timeline', (e) => { this.events.push(e); this.scheduleRender(); }));
    try {
      // Everything so far. Events reach this connection in order, so the ones that arrived before this answer
      // are already in it; later ones are appended by the subscription.
      const r = await c.client.request('timeline', {});
      this.events = r.events;
      // The runtime keeps only its latest events: say so instead of drawing a silently shortened history.
      if (r.truncated) this.log.warn(`timeline: ${r.truncated}; the chart starts at event ${r.from}`);
    } catch (err) {
      this.log.warn(`timeline: ${err instanceof Error ? err.message : err}`);
    }
    this.render();
    // Running sessions grow with the clock: redraw twice a second while any is alive.
    clearInterval(this.liveTimer);
    this.liveTimer = setInterval(() => { if (this.live.liveSessions.length) this.render(); }, 500);
  }

  private scheduleRender(): void {
    if (this.renderTimer) return;
    this.renderTimer = setTimeout(() => { this.renderTimer = undefined; this.render(); }, 150);
  }

  private render(): void {
    if (!this.panel || !this.ready) return;
    const now = this.live.liveSessions.length ? this.live.timelineNow() : undefined;
    this.lastSvg = renderTimelineSvg(this.events, { now, embedStyle: false, width: this.width, labelWidth: this.labelWidth });
    void this.panel.webview.postMessage({ type: 'chart', svg: this.lastSvg, summary: summarize(this.events) });
  }

  get eventCount(): number {
    return this.events.length;
  }

  dispose(): void {
    clearTimeout(this.renderTimer);
    clearInterval(this.liveTimer);
    for (const u of this.unsubscribe) u();
    for (const d of this.disposables) d.dispose();
    this.panel?.dispose();
  }
}
