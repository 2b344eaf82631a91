// Session.GetExecutionContext / GetModuleExecutionContext / GetCurrentModuleExecutionContext: Normal, or Install /
// Upgrade while an Install or Upgrade codeunit's app triggers run (codeunitSubtypes.ts sets the context). The
// workspace is one module, so the module's context is the session's.
import { registry, T, type CallInfo } from './methodTypes';
import type { Rt } from './rt';

/** ExecutionContext members as BC numbers them: Normal, Install, Uninstall, Upgrade. */
export const EXECUTION_CONTEXT = ['Normal', 'Install', 'Uninstall', 'Upgrade'];

const tContext = T('Enum', { subtype: 'ExecutionContext' });

function context(rt: Rt, _ci: CallInfo): number {
  const app = rt.context.app;
  return app === 'Install' ? 1 : app === 'Upgrade' ? 3 : 0;
}

export const executionContextMethods = registry({
  GetExecutionContext: { ret: tContext, max: 0, impl: context },
  'Session.GetExecutionContext': { ret: tContext, max: 0, impl: context },
  GetModuleExecutionContext: { ret: tContext, min: 1, max: 1, impl: (rt: Rt, ci) => context(rt, ci) },
  'Session.GetModuleExecutionContext': { ret: tContext, min: 1, max: 1, impl: (rt: Rt, ci) => context(rt, ci) },
  GetCurrentModuleExecutionContext: { ret: tContext, max: 0, impl: context },
  'Session.GetCurrentModuleExecutionContext': { ret: tContext, max: 0, impl: context },
});
