// Extension entry point: activation and deactivation; the features are wired in from this layer's other files.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features register themselves here as they are built (language client, debugger, views).
}

export function deactivate(): void {
  // Nothing to release yet.
}
