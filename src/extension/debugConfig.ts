// Debugging: F5 with no launch.json offers attach configurations, and attach configurations get the hosted
// runtime's port and token filled in; the adapter runs as a Node child process (dist/debugAdapter.js).
import * as vscode from 'vscode';
import type { RuntimeHost } from './runtimeHost';
import type { Log } from './log';

export const DEBUG_TYPE = 'al-session-lab';

type BreakOnNext = 'WebClient' | 'Background' | 'PageBackgroundTask' | 'Any';

export function attachConfiguration(breakOnNext: BreakOnNext, extra: Partial<vscode.DebugConfiguration> = {}): vscode.DebugConfiguration {
  const names: Record<BreakOnNext, string> = {
    Background: 'AL Session Lab: attach to next background session',
    PageBackgroundTask: 'AL Session Lab: attach to next page background task',
    WebClient: 'AL Session Lab: attach to next foreground session',
    Any: 'AL Session Lab: attach to next session',
  };
  return { type: DEBUG_TYPE, request: 'attach', name: names[breakOnNext], breakOnNext, breakOnError: 'All', breakOnRecordWrite: 'None', ...extra };
}

class ConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly host: RuntimeHost, private readonly log: Log) {}

  /**
   * "Create a launch.json": one configuration (package.json has no initialConfigurations, so it is not written
   * twice). The Run and Debug picker's dynamic list offers the kinds (dynamicConfigurations).
   */
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [attachConfiguration('Any')];
  }

  dynamicConfigurations(): vscode.DebugConfiguration[] {
    return [attachConfiguration('Any'), attachConfiguration('Background'), attachConfiguration('PageBackgroundTask'), attachConfiguration('WebClient')];
  }

  /**
   * F5 with no launch.json (from an AL file, app.json or anything else in an AL workspace) arrives here with an empty
   * configuration: attach at once to every session of the hosted runtime; after attach a notification says what
   * the debugger waits for and offers to start something.
   */
  async resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (!config.type && !config.request && !config.name) return attachConfiguration('Any', { name: 'AL Session Lab' });
    return config;
  }

  /** After variables are substituted: an attach without a port attaches to the runtime this extension hosts. */
  async resolveDebugConfigurationWithSubstitutedVariables(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (config.request !== 'attach' || config.port !== undefined) return config;
    try {
      const c = await this.host.ensureStarted();
      this.log.info(`debug: attaching "${config.name}" to the hosted runtime on port ${c.port}`);
      return { ...config, port: c.port, token: c.token };
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      this.log.error(`debug: cannot attach: ${text}`);
      void vscode.window.showErrorMessage(`AL Session Lab: cannot attach the debugger: ${text}`);
      return undefined;
    }
  }
}

/** Runs the adapter with this editor's own Node (Electron as Node in desktop VS Code). */
class AdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly context: vscode.ExtensionContext) {}
  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    return new vscode.DebugAdapterExecutable(process.execPath, [this.context.asAbsolutePath('dist/debugAdapter.js')], { env: { ELECTRON_RUN_AS_NODE: '1' } });
  }
}

export function registerDebugging(context: vscode.ExtensionContext, host: RuntimeHost, log: Log): void {
  const provider = new ConfigurationProvider(host, log);
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, provider, vscode.DebugConfigurationProviderTriggerKind.Initial),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, { provideDebugConfigurations: () => provider.dynamicConfigurations() }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new AdapterFactory(context)),
    vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
      if (e.session.type === DEBUG_TYPE && e.event === 'alSessionLab.attached') guideAfterAttach(e.session, log);
    }),
  );
  // The debugger is offered for JSON files (app.json) only in AL workspaces: F5 there attaches, no "JSON debugger" prompt.
  void vscode.commands.executeCommand('setContext', 'alSessionLab.alWorkspace', true);
}

/** What the debugger waits for, said right after attach, with the ways to start a session. */
export function attachedMessage(config: vscode.DebugConfiguration): string {
  const kind: Record<string, string> = {
    Any: 'the next session of any kind',
    Background: 'the next background session (StartSession, TaskScheduler)',
    PageBackgroundTask: 'the next page background task',
    WebClient: 'the next foreground session (a page, Run Codeunit)',
  };
  if (typeof config.sessionId === 'number') return `Debugging session ${config.sessionId}: it stops at breakpoints and errors.`;
  return `Debugger attached: it stops at breakpoints and errors in ${kind[String(config.breakOnNext ?? 'Any')] ?? 'the next session'}. Start one:`;
}

function guideAfterAttach(session: vscode.DebugSession, log: Log): void {
  const text = attachedMessage(session.configuration);
  log.info(`debug: ${text}`);
  vscode.window.setStatusBarMessage(`$(debug) AL Session Lab: waiting for ${String(session.configuration.breakOnNext ?? 'Any') === 'Any' ? 'a session' : String(session.configuration.breakOnNext)} — open a page, run a codeunit or a scenario`, 15000);
  if (typeof session.configuration.sessionId === 'number') return;
  void vscode.window.showInformationMessage(`AL Session Lab: ${text}`, 'Open Page', 'Run Codeunit', 'Run Scenario').then((pick) => {
    const command = pick === 'Open Page' ? 'alSessionLab.openPage' : pick === 'Run Codeunit' ? 'alSessionLab.runCodeunit' : pick === 'Run Scenario' ? 'alSessionLab.runScenario' : undefined;
    if (command) void vscode.commands.executeCommand(command);
  });
}
