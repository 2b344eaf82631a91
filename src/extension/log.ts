// The extension's output channel ("AL Session Lab"): one place for activation, runtime and failure messages.
import * as vscode from 'vscode';

/** A LogOutputChannel gives levels and timestamps for free, and users can raise or lower the level. */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('AL Session Lab', { log: true });
}

/**
 * Reports a failure the user should know about: logged with detail, and shown as a notification with a button
 * that opens the log, because a feature that fails silently is worse than one that fails loudly.
 */
export function reportError(log: Log, what: string, err: unknown): void {
  const text = err instanceof Error ? err.message : String(err);
  log.error(`${what}: ${err instanceof Error && err.stack ? err.stack : text}`);
  void vscode.window.showErrorMessage(`AL Session Lab: ${what}: ${text}`, 'Show Log').then((choice) => {
    if (choice === 'Show Log') log.show(true);
  });
}
