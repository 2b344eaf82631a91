// The page preview: a webview that renders a page of the workspace as BC's web client lays it out (action bar,
// typed editors, list rows, parts and the FactBox pane) and drives the hosted runtime with it. Errors of triggers,
// actions and edits show BC's error dialog in the page and a notification with the AL location; page background
// task errors arrive per ErrorLevel; field values update live as tasks complete.
import * as vscode from 'vscode';
import type { DialogRequest, PageStateData, SessionInfo, TimelineEvent } from '../protocol/runtimeProtocol';
import { openAlLocation, surfaceAlError } from './alErrors';
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
  | { type: 'pageRecord'; op: 'new' | 'delete' | 'select'; row?: number }
  | { type: 'dialogAnswer'; id: number; answer: boolean | number }
  | { type: 'openLocation'; file: string; line: number; character?: number }
  | { type: 'close' }
  | {
      type: 'rendered'; fields: Record<string, string>; recordId: string; tasks: string[]; banner: string;
      parts?: Record<string, Record<string, string>>; rows?: string[][]; dialog?: string; actions?: string[]; fieldError?: string;
    };

/** Messages to the webview. */
export type ToWebview =
  /** `fromOperation`: the answer to the user's own click (its error opens BC's error dialog). */
  | { type: 'state'; state: PageStateData; fromOperation?: boolean }
  | { type: 'dialog'; dialog: { id: number; kind: string; text: string; options?: string[]; default?: boolean | number } }
  | { type: 'dialogClosed'; id: number }
  | { type: 'answerDialog'; answer: boolean | number }
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

  private setState(s: PageStateData, fromOperation = false): void {
    this.state = s;
    this.panel.title = s.caption || s.name;
    this.post({ type: 'state', state: s, fromOperation });
  }

  /** The answer to an operation: shown, and its AL error surfaced (dialog in the page, notification, log). */
  private answered(s: PageStateData, what: string): void {
    this.setState(s, true);
    if (s.error) surfaceAlError(this.log, `${s.caption || s.name}: ${what}`, s.error);
  }

  /** Posts to the webview (dialogs the page's session waits on; test-only answers). */
  postToWebview(m: ToWebview): void {
    this.post(m);
  }

  private post(m: ToWebview): void {
    // Messages posted before the webview is ready would be lost: queue them until it says "ready".
    if (!this.ready) { this.queue.push(m); return; }
    void this.panel.webview.postMessage(m);
  }

  private tasksOfPage(): SessionInfo[] {
    return this.live.liveSessions.filter((s) => s.parent === this.state.session && s.kind === 'PageBackgroundTask');
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
    } else if (e.event === 'error') {
      // The user's own operations surface their errors with the AL location (answered); the log keeps every one.
      // Messages arrive as dialogs in the page (PagePreviews.showDialog).
      this.log.warn(`${this.state.caption}: ${String(e.text ?? '')}`);
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
          this.answered(await client.request('navigate', { pageInstanceId: id, direction: m.direction }), m.direction === 'next' ? 'Next' : 'Previous');
          return;
        case 'invokeAction':
          this.answered(await client.request('invokeAction', { pageInstanceId: id, action: m.action }), `action ${m.action}`);
          return;
        case 'setField':
          this.answered(await client.request('setField', { pageInstanceId: id, field: m.field, value: m.value }), `field ${m.field}`);
          return;
        case 'pageRecord':
          this.answered(await client.request('pageRecord', { pageInstanceId: id, op: m.op, ...(m.row !== undefined ? { row: m.row } : {}) }), m.op === 'new' ? 'New' : m.op === 'delete' ? 'Delete' : 'select');
          return;
        case 'dialogAnswer':
          await client.request('answerDialog', { dialog: m.id, answer: m.answer });
          return;
        case 'openLocation':
          await openAlLocation(m.file, m.line, m.character ?? 0);
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

/**
 * Opens pages in previews and keeps track of them. It also shows the foreground sessions' dialogs: the runtime
 * asks this connection (handleDialogs); a Confirm or StrMenu of a page's session appears in its preview, of
 * another session (Run Codeunit) as a modal VS Code dialog; the session waits for the answer.
 */
export class PagePreviews implements vscode.Disposable {
  private readonly open = new Set<PagePreview>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private unsubscribeDialogs: (() => void) | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly host: RuntimeHost, private readonly live: LiveSessions, private readonly log: Log) {
    this.subscriptions.push(host.onDidConnect((c) => this.connected(c)));
    if (host.current) this.connected(host.current);
  }

  private connected(c: RuntimeConnection | undefined): void {
    this.unsubscribeDialogs?.();
    this.unsubscribeDialogs = undefined;
    if (!c) return;
    this.unsubscribeDialogs = c.client.on('dialog', (d) => void this.showDialog(c, d));
    c.client.request('handleDialogs', { enabled: true }).catch((err) => this.log.warn(`the runtime does not take dialog answers: ${err instanceof Error ? err.message : err}`));
  }

  private async showDialog(c: RuntimeConnection, d: DialogRequest): Promise<void> {
    this.log.info(`session ${d.session}: ${d.kind}: ${d.text}`);
    const preview = this.ofSession(d.session);
    if (preview) {
      preview.postToWebview({ type: 'dialog', dialog: d });
      preview.reveal();
      return;
    }
    let answer: boolean | number;
    if (d.kind === 'Message') {
      void vscode.window.showInformationMessage(d.text);
      return;
    } else if (d.kind === 'Confirm') {
      const pick = await vscode.window.showInformationMessage(d.text, { modal: true, detail: `Confirm in session ${d.session}` }, 'Yes', 'No');
      answer = pick === 'Yes' ? true : pick === 'No' ? false : false;
    } else {
      const items = (d.options ?? []).map((label, i) => ({ label, n: i + 1 }));
      const pick = await vscode.window.showQuickPick(items, { title: d.text || 'Choose one of the following options', placeHolder: `StrMenu in session ${d.session}` });
      answer = pick ? pick.n : 0;
    }
    await c.client.request('answerDialog', { dialog: d.id, answer }).catch((err) => this.log.warn(`answering dialog ${d.id}: ${err instanceof Error ? err.message : err}`));
  }

  async openPage(page: string | number, record?: Record<string, string>): Promise<PagePreview> {
    const connection = await this.host.ensureStarted();
    const state = await connection.client.request('openPage', { page, ...(record && Object.keys(record).length ? { record } : {}) });
    this.log.info(`page preview: opened ${state.name} (instance ${state.pageInstanceId}, session ${state.session}) on ${state.recordId || 'no record'}`);
    const p = new PagePreview(this.context, connection, this.live, this.log, state, (x) => this.open.delete(x));
    this.open.add(p);
    // An opening trigger that failed (OnOpenPage, OnAfterGetCurrRecord...): BC's error dialog, a notification, the log.
    if (state.error) {
      p.postToWebview({ type: 'state', state, fromOperation: true });
      surfaceAlError(this.log, `${state.caption || state.name}: opening the page`, state.error);
    }
    return p;
  }

  /** The open preview of a page session, if any (dialogs of that session are shown in it). */
  ofSession(session: number): PagePreview | undefined {
    return [...this.open].reverse().find((p) => p.current.session === session);
  }

  /** The most recently opened preview still open. */
  get latest(): PagePreview | undefined {
    return [...this.open].pop();
  }

  dispose(): void {
    this.unsubscribeDialogs?.();
    for (const d of this.subscriptions) d.dispose();
    for (const p of [...this.open]) p.dispose();
  }
}
