// The Sessions view: a tree of the hosted runtime's live sessions (children under the session that started them)
// and queued tasks, with kind, id, object, state, elapsed time and time left before the timeout, updating live.
import * as vscode from 'vscode';
import type { QueuedTaskInfo, SessionInfo } from '../protocol/runtimeProtocol';
import { formatMs } from '../timeline';
import type { LiveSessions } from './liveSessions';
import { escapeMarkdown, sessionTooltipMarkdown } from './markdownText';

export type SessionNode = { type: 'session'; info: SessionInfo } | { type: 'task'; info: QueuedTaskInfo };

const KIND_LABEL: Record<string, string> = { Foreground: 'Foreground', Background: 'Background', PageBackgroundTask: 'Page background task' };

/** What a person calls the state: running, waiting (and for what), stopped in the debugger. */
export function stateLabel(s: SessionInfo): string {
  // A session paused by a debugger keeps its scheduler state; stoppedReason says it is stopped.
  if (s.stoppedReason && s.state !== 'ended') return `stopped in debugger (${s.stoppedReason})`;
  switch (s.state) {
    case 'running': return 'running';
    case 'sleeping': return 'waiting (Sleep)';
    case 'blocked': return 'waiting (lock)';
    case 'waiting': return 'waiting (a page background task or the user)';
    case 'queued': return 'queued';
    case 'stopped': return `stopped in debugger${s.stoppedReason ? ` (${s.stoppedReason})` : ''}`;
    case 'ended': return 'ended';
  }
}

function stateIcon(s: SessionInfo): vscode.ThemeIcon {
  if (s.stoppedReason && s.state !== 'ended') return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('debugIcon.pauseForeground'));
  switch (s.state) {
    case 'running': return new vscode.ThemeIcon('debug-start', new vscode.ThemeColor('debugIcon.startForeground'));
    case 'sleeping': return new vscode.ThemeIcon('watch');
    case 'blocked': return new vscode.ThemeIcon('lock');
    case 'waiting': return new vscode.ThemeIcon('watch');
    case 'queued': return new vscode.ThemeIcon('clock');
    case 'stopped': return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('debugIcon.pauseForeground'));
    case 'ended': return new vscode.ThemeIcon('circle-slash');
  }
}

export class SessionsView implements vscode.TreeDataProvider<SessionNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SessionNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly live: LiveSessions) {
    this.subscription = live.onDidChange(() => this.changed());
  }

  private changed(): void {
    this.emitter.fire(undefined);
    // Elapsed and time-left change every second while anything is alive.
    const alive = this.live.liveSessions.length > 0 || this.live.current.queued.length > 0;
    if (alive && !this.ticker) this.ticker = setInterval(() => this.emitter.fire(undefined), 1000);
    if (!alive && this.ticker) { clearInterval(this.ticker); this.ticker = undefined; }
  }

  getChildren(element?: SessionNode): SessionNode[] {
    const { sessions, queued } = this.live.current;
    const ids = new Set(sessions.map((s) => s.id));
    if (!element) {
      return [
        ...sessions.filter((s) => s.parent === null || !ids.has(s.parent)).map((info) => ({ type: 'session' as const, info })),
        ...queued.filter((q) => !ids.has(q.parentSession)).map((info) => ({ type: 'task' as const, info })),
      ];
    }
    if (element.type === 'task') return [];
    const id = element.info.id;
    return [
      ...sessions.filter((s) => s.parent === id).map((info) => ({ type: 'session' as const, info })),
      ...queued.filter((q) => q.parentSession === id).map((info) => ({ type: 'task' as const, info })),
    ];
  }

  getTreeItem(node: SessionNode): vscode.TreeItem {
    const now = this.live.sessionClockNow();
    if (node.type === 'task') {
      const q = node.info;
      const item = new vscode.TreeItem(`task ${q.task} · ${q.codeunit}`, vscode.TreeItemCollapsibleState.None);
      item.description = `queued · waiting ${formatMs(Math.max(0, now - q.enqueuedAt))}`;
      item.tooltip = `Page background task ${q.task} of session ${q.parentSession}: ${q.codeunit}, waiting for a free child session slot.`;
      item.iconPath = new vscode.ThemeIcon('clock');
      item.contextValue = 'task';
      item.id = `task-${q.task}`;
      return item;
    }
    const s = node.info;
    const hasChildren = this.live.current.sessions.some((c) => c.parent === s.id) || this.live.current.queued.some((q) => q.parentSession === s.id);
    const item = new vscode.TreeItem(`#${s.id} ${KIND_LABEL[s.kind] ?? s.kind} · ${s.objectName || s.object}`,
      hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const ended = s.state === 'ended' ? this.live.endedInfo(s.id) : undefined;
    const elapsed = formatMs(Math.max(0, (ended ? ended.endedAt : now) - s.startedAt));
    const left = s.deadline !== undefined && !ended ? ` · ${formatMs(Math.max(0, s.deadline - now))} left` : '';
    // An ended session stays, greyed, with how it ended (and its error) until Clear Ended Sessions.
    item.description = ended ? `ended: ${ended.outcome}${ended.error ? ` · ${ended.error.text}` : ''} · ran ${elapsed}` : `${stateLabel(s)} · ${elapsed}${left}`;
    // Theme icons stay on for our own text; what comes from AL is escaped (markdownText.ts).
    const md = new vscode.MarkdownString(
      sessionTooltipMarkdown(s, KIND_LABEL[s.kind] ?? s.kind, stateLabel(s), elapsed, s.timeoutMs !== undefined ? `${formatMs(s.timeoutMs)}${left ? ` (${left.slice(3)})` : ''}` : undefined),
      true,
    );
    if (ended?.error) md.appendMarkdown(`\n\n**Error:** ${escapeMarkdown(ended.error.text)}`);
    item.tooltip = md;
    item.iconPath = ended
      ? new vscode.ThemeIcon(ended.outcome === 'completed' ? 'pass' : ended.outcome === 'error' || ended.outcome === 'timeout' ? 'error' : 'circle-slash', new vscode.ThemeColor(ended.outcome === 'error' || ended.outcome === 'timeout' ? 'errorForeground' : 'disabledForeground'))
      : stateIcon(s);
    item.contextValue = ended ? 'ended-session' : `session-${s.state}`;
    item.id = `session-${s.id}`;
    return item;
  }

  /** The rows as text, in tree order (for tests and the log). */
  describe(): string[] {
    const out: string[] = [];
    const walk = (nodes: SessionNode[], depth: number) => {
      for (const n of nodes) {
        const item = this.getTreeItem(n);
        out.push(`${'  '.repeat(depth)}${typeof item.label === 'string' ? item.label : item.label?.label} | ${item.description}`);
        walk(this.getChildren(n), depth + 1);
      }
    };
    walk(this.getChildren(), 0);
    return out;
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
