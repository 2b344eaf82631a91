// Starts the AL Session Lab language server (dist/server.js) as a child process and keeps its settings in sync.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { readServerSettings, SECTION } from './settings';
import type { Log } from './log';

export function createLanguageClient(context: vscode.ExtensionContext, log: Log): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'al' }],
    // The server reads app.json and rulesets as well as .al files, so it hears about changes to all three.
    synchronize: {
      configurationSection: [SECTION, 'al'],
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.al,app.json,*.ruleset.json}'),
    },
    initializationOptions: () => readServerSettings(),
    // The client id below makes `alSessionLab.trace.server` the trace setting.
  };
  log.info(`language server: ${module}`);
  return new LanguageClient(SECTION, 'AL Session Lab Language Server', serverOptions, clientOptions);
}
