// The page preview: a webview that renders a page of the workspace (groups and fields with captions, actions,
// record navigation) and drives the hosted runtime with it. Page background task errors arrive as notifications
// per ErrorLevel, Message calls as information messages; field values update live as tasks complete.
import * as vscode from 'vscode';
import type { PageStateData, SessionInfo, TimelineEvent } from '../protocol/runtimeProtocol';
import type { RuntimeConnection, RuntimeHost } from './runtimeHost';
import type { LiveSessions } from './liveSessions';
import { webviewHtml } from './webviewHtml';
import { stateLabel } from './sessionsView';
export { parseRecordKey } from './recordKey';
import type { Log } from './log';

/** Messages from the webview (media/pagePreview.js). */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'navigate'; direction: 'next' | 'previous' }
  | { type: 'invokeAction'; action: string }
  | { type: 'setField'; field: string; value: string }
  | { type: 'close' }
  | { type: 'rendered'; fields: Record<string, string>; recordId: string; tasks: string[]; banner: string };

/** Messages to the webview. */
export type ToWebview =
  | { type: 'state'; state: PageStateData }
  | { type: 'tasks'; tasks: { id: number; task?: number; object: string; state: string }[] }
  | { type: 'banner'; level: 'error' | 'warning' | 'info'; text: string }
  | { type: 'busy'; busy: boolean };

export class PagePreview implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private state: PageStateData;
  private ready = false;
  private readonly queue: ToWebview[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly unsubscribe: (() => void)[] = [];
  /** What the webview last reported it shows (for tests: the DOM is out of reach of the extension host). */
  lastRendered: Extract<FromWebview, { type: 'rendered' }> | undefined;
  private disposed = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connection: RuntimeConnection,
    private readonly live: LiveSessions,
    private readonly log: Log,
    initial: PageStateData,
    private readonly onDisposed: (p: PagePreview) => void,
  ) {
    this.state = initial;
    this.panel = vscode.window.createWebviewPanel('alSessionLab.pagePreview', initial.caption || initial.name, vscode.ViewColumn.Beside, {
      enableScripts: true,
      // A page keeps its state (scroll, focus, typed values) while another editor covers it, as a real client does.
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    });
    this.panel.webview.html = webviewHtml(this.panel.webview, context.extensionUri, {
      title: initial.caption,
      styles: ['pagePreview.css'],
      scripts: ['pagePreview.js'],
      body: '<main id="app" aria-live="polite"><p class="loading">Opening the page…</p></main>',
    });
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      this.panel.onDidDispose(() => this.dispose()),
      live.onDidChange(() => this.postTasks()),
    );
    const client = connection.client;
    this.unsubscribe.push(
      client.on('pageChanged', (s) => { if (s.pageInstanceId === this.state.pageInstanceId) this.setState(s); }),
      client.on('timeline', (e) => this.onTimeline(e)),
      client.onClose(() => this.post({ type: 'banner', level: 'error', text: 'The session runtime stopped; this page is closed.' })),
    );
  }

  get pageInstanceId(): number {
    return this.state.pageInstanceId;
  }

  get current(): PageStateData {
    return this.state;
  }

  reveal(): void {
    this.panel.reveal();
  }

  private setState(s: PageStateData): void {
    this.state = s;
    this.panel.title = s.caption || s.name;
    this.post({ type: 'state', state: s });
  }

  private post(m: ToWebview): void {
    // Messages posted before the webview is ready would be lost: queue them until it says "ready".
    if (!this.ready) { this.queue.push(m); return; }
    void this.panel.webview.postMessage(m);
  }

  private tasksOfPage(): SessionInfo[] {
    return this.live.current.sessions.filter((s) => s.parent === this.state.session && s.kind === 'PageBackgroundTask');
  }

  private postTasks(): void {
    this.post({ type: 'tasks', tasks: this.tasksOfPage().map((s) => ({ id: s.id, task: s.taskId, object: s.objectName || s.object, state: stateLabel(s) })) });
  }

  /** Task errors as the client shows them (per ErrorLevel), and Message calls of the page's session. */
  private onTimeline(e: TimelineEvent): void {
    if (e.session !== this.state.session) return;
    if (e.event === 'notification') {
      const level = e.level === 'error' ? 'error' : e.level === 'warning' ? 'warning' : 'info';
      const text = String(e.text ?? '');
      this.post({ type: 'banner', level, text });
      const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(`${this.state.caption}: ${text}`);
    } else if (e.event === 'message' && !e.suppressed) {
      void vscode.window.showInformationMessage(`${this.state.caption}: ${String(e.text ?? '')}`);
    } else if (e.event === 'error') {
      void vscode.window.showErrorMessage(`${this.state.caption}: ${String(e.text ?? '')}`);
    }
  }

  /** Handles a webview message (also used by the test-only command that stands in for clicks). */
  async onMessage(m: FromWebview): Promise<void> {
    const client = this.connection.client;
    const id = this.state.pageInstanceId;
    try {
      switch (m.type) {
        case 'ready':
          this.ready = true;
          this.post({ type: 'state', state: this.state });
          this.postTasks();
          for (const q of this.queue.splice(0)) void this.panel.webview.postMessage(q);
          return;
        case 'rendered':
          this.lastRendered = m;
          return;
        case 'navigate':
          this.setState(await client.request('navigate', { pageInstanceId: id, direction: m.direction }));
          return;
        case 'invokeAction':
          this.setState(await client.request('invokeAction', { pageInstanceId: id, action: m.action }));
          return;
        case 'setField':
          this.setState(await client.request('setField', { pageInstanceId: id, field: m.field, value: m.value }));
          return;
        case 'close':
          this.panel.dispose();
          return;
      }
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      this.log.warn(`page ${this.state.name}: ${m.type}: ${text}`);
      this.post({ type: 'banner', level: 'error', text });
      void vscode.window.showErrorMessage(`${this.state.caption}: ${text}`);
      // An error (e.g. a failed validation) leaves the page as the runtime has it: show that again.
      client.request('pageState', { pageInstanceId: id }).then((s) => this.setState(s), () => undefined);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const u of this.unsubscribe) u();
    for (const d of this.disposables) d.dispose();
    const client = this.connection.client;
    if (!client.closed && this.state.open) {
      client.request('closePage', { pageInstanceId: this.state.pageInstanceId }).catch((err) => this.log.warn(`closing page: ${err instanceof Error ? err.message : err}`));
    }
    this.panel.dispose();
    this.onDisposed(this);
  }
}

/** Opens pages in previews and keeps track of them. */
export class PagePreviews implements vscode.Disposable {
  private readonly open = new Set<PagePreview>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly host: RuntimeHost, private readonly live: LiveSessions, private readonly log: Log) {}

  async openPage(page: string | number, record?: Record<string, string>): Promise<PagePreview> {
    const connection = await this.host.ensureStarted();
    const state = await connection.client.request('openPage', { page, ...(record && Object.keys(record).length ? { record } : {}) });
    this.log.info(`page preview: opened ${state.name} (instance ${state.pageInstanceId}, session ${state.session}) on ${state.recordId || 'no record'}`);
    const p = new PagePreview(this.context, connection, this.live, this.log, state, (x) => this.open.delete(x));
    this.open.add(p);
    return p;
  }

  /** The most recently opened preview still open. */
  get latest(): PagePreview | undefined {
    return [...this.open].pop();
  }

  dispose(): void {
    for (const p of [...this.open]) p.dispose();
  }
}
