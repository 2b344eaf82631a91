// The status bar item: the hosted runtime's state and how many sessions are active; a click shows the Sessions view.
import * as vscode from 'vscode';

export type RuntimeState = 'stopped' | 'starting' | 'running' | 'crashed' | 'disabled';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('alSessionLab.status', vscode.StatusBarAlignment.Left, 50);
  private state: RuntimeState = 'stopped';
  private sessions = 0;

  constructor() {
    this.item.name = 'AL Session Lab';
    this.item.command = 'alSessionLab.sessions.focus';
    this.render();
    this.item.show();
  }

  setState(state: RuntimeState): void {
    this.state = state;
    if (state !== 'running') this.sessions = 0;
    this.render();
  }

  setSessions(count: number): void {
    this.sessions = count;
    this.render();
  }

  /** The text shown, for tests and the log. */
  get text(): string {
    return this.item.text;
  }

  private render(): void {
    const icon = { stopped: '$(circle-outline)', starting: '$(sync~spin)', running: '$(vm-running)', crashed: '$(error)', disabled: '$(shield)' }[this.state];
    const label = this.state === 'running' ? `AL runtime: ${this.sessions} session${this.sessions === 1 ? '' : 's'}` : `AL runtime: ${this.state}`;
    this.item.text = `${icon} ${label}`;
    this.item.tooltip = {
      stopped: 'AL Session Lab: the local session runtime starts when a page, codeunit or debugger first needs it.',
      starting: 'AL Session Lab: starting the local session runtime…',
      running: `AL Session Lab: local session runtime running, ${this.sessions} active session(s). Click for the Sessions view.`,
      crashed: 'AL Session Lab: the local session runtime stopped unexpectedly; it restarts when next needed. See the output channel.',
      disabled: 'AL Session Lab: the local session runtime is disabled in untrusted workspaces.',
    }[this.state];
    this.item.backgroundColor = this.state === 'crashed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
