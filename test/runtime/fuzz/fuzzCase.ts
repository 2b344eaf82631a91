// One load-fuzz case: a generated workspace through the runtime's loader (serve's non-strict load), `lint` (every
// rule and the LOAD checks) and a scenario step (runCodeunit of the entry codeunit, opening the page). Returns the
// internal errors found: an exception out of the loader, the lint engine or the runtime, a rule that failed, or an
// AL call that ended with the runtime's internal-error code. AL errors (Error(), a missing record) are fine.
import { emptyConfig } from '../../../src/analysis/config/lintConfig';
import { lintWorkspace } from '../../../src/analysis/lint';
import { buildFileModel } from '../../../src/analysis/model/fromTree';
import { Workspace } from '../../../src/analysis/model/workspace';
import { createEngine } from '../../../src/runtime/sessions/defaultEngine';
import { RuntimeHost } from '../../../src/runtime/sessions/host';
import { generateWorkspace } from './workspaceGen';

export interface FuzzOutcome {
  seed: number;
  internal: string[];
  loadErrors: number;
  lintFindings: number;
  callState: string;
}

export async function runFuzzCase(seed: number): Promise<FuzzOutcome> {
  const { files, entry } = generateWorkspace(seed);
  const internal: string[] = [];
  const out: FuzzOutcome = { seed, internal, loadErrors: 0, lintFindings: 0, callState: 'not run' };
  const where = (what: string, err: unknown) => internal.push(`${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  try {
    const ws = new Workspace();
    for (const f of files) ws.setFile(buildFileModel(f.path, f.text));
    const r = lintWorkspace(ws, emptyConfig());
    out.lintFindings = r.findings.length;
    for (const f of r.failures) internal.push(`lint rule ${f.ruleId} failed: ${f.error}`);
  } catch (err) {
    where('lint', err);
  }
  let host: RuntimeHost | undefined;
  try {
    host = new RuntimeHost({ files, createEngine, strict: false, clock: 'virtual', settings: { maxCallTime: 20_000 } });
    out.loadErrors = host.loadResult.errors.length;
  } catch (err) {
    where('load', err);
  }
  if (host) {
    try {
      if (host.codeunitId(entry) !== undefined) {
        const { result } = await host.runCodeunit(entry);
        out.callState = result.state;
        if (result.state === 'failed' && result.error.code === 'InternalError') internal.push(`runCodeunit: ${result.error.text}\n${result.error.callStack}`);
      }
      const session = host.clientSession();
      try {
        await host.rt.pages.open(session, 'Fuzz Page', undefined);
      } catch (err) {
        // A page that cannot open is the scenario's error (a missing page or table), not an internal one.
        if (!(err instanceof Error) || !/page|table|record|field/i.test(err.message) || err.name === 'TypeError') where('openPage', err);
      }
      await host.shutdown();
      for (const e of host.rt.timeline.since(0).events) {
        const err = e.error as { code?: string; text?: string } | undefined;
        if ((e.event === 'error' && e.code === 'InternalError') || err?.code === 'InternalError') internal.push(`timeline ${e.event}: ${String(e.text ?? err?.text)}`);
      }
    } catch (err) {
      where('scenario', err);
    }
  }
  return out;
}
