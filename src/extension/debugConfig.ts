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

  /** Initial configurations for a new launch.json and the dynamic list in the Run and Debug picker. */
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [attachConfiguration('Background'), attachConfiguration('PageBackgroundTask')];
  }

  /** F5 with no launch.json arrives here with an empty configuration: offer the two attach kinds. */
  async resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (!config.type && !config.request && !config.name) {
      const items = [
        { label: 'Attach to the next background session', description: 'StartSession, TaskScheduler', breakOnNext: 'Background' as const },
        { label: 'Attach to the next page background task', description: 'CurrPage.EnqueueBackgroundTask', breakOnNext: 'PageBackgroundTask' as const },
        { label: 'Attach to the next session of any kind', breakOnNext: 'Any' as const },
      ];
      const pick = await vscode.window.showQuickPick(items, { title: 'AL Session Lab: debug', placeHolder: 'Which session should the debugger break in?' });
      if (!pick) return undefined;
      return attachConfiguration(pick.breakOnNext);
    }
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
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, { provideDebugConfigurations: () => provider.provideDebugConfigurations() }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new AdapterFactory(context)),
  );
}
