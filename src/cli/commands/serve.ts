// The `al-session-lab serve` command (see docs/cli.md): hosts the session runtime for debuggers and the editor.
// Prints `{ "port", "token" }` when ready; listens on 127.0.0.1 only; with --scenario, plays it once the first
// debugger attached. Runs until SIGINT/SIGTERM (or the process is killed).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEPENDENCY_FLAGS, dependencyFlags, reportFindings } from '../dependencyFlags';
import { CliError, intFlag, parseArgs, type CommandContext } from '../cliSupport';
import { RuntimeHost, WorkspaceError } from '../../runtime/sessions/host';
import { parseScenario, ScenarioError, type Scenario } from '../../runtime/sessions/scenario';
import { ControlServer } from '../../runtime/sessions/control/controlServer';
import { createEngine } from '../../runtime/sessions/defaultEngine';
import { clockFlag, maxCallTimeFlag, settingsFromFlags } from './run';
import { seedFromDataFile } from '../dataFile';

export async function serveCommand(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, { values: ['port', 'scenario', 'seed', 'clock', 'set', 'token', 'data', 'max-message-mb', 'max-call-time', ...DEPENDENCY_FLAGS.values], booleans: [...DEPENDENCY_FLAGS.booleans], repeated: DEPENDENCY_FLAGS.repeated });
  const [workspace, ...extra] = parsed.positional;
  if (!workspace) throw new CliError('serve needs a WORKSPACE folder: al-session-lab serve WORKSPACE [--port N] [--scenario FILE]');
  if (extra.length) throw new CliError(`serve takes one WORKSPACE, got also: ${extra.join(' ')}`);
  if (!statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${workspace}: the workspace folder does not exist`);
  const port = intFlag(parsed, 'port', 0);
  if (port > 65535) throw new CliError(`flag --port needs a port number (0-65535), got ${port}`);
  const token = parsed.values.get('token');
  // An empty token would mean no authentication at all.
  if (token !== undefined && token.trim().length === 0) throw new CliError('flag --token needs a non-empty token (leave the flag out for a random one)');
  const maxMessageMb = intFlag(parsed, 'max-message-mb', 64);
  if (maxMessageMb < 1) throw new CliError(`flag --max-message-mb needs a size of 1 MB or more, got ${maxMessageMb}`);
  const settings = settingsFromFlags(workspace, parsed.values.get('set'));
  maxCallTimeFlag(parsed, settings);
  const deps = dependencyFlags(parsed);
  let scenario: Scenario | undefined;
  const scenarioFile = parsed.values.get('scenario');
  let host: RuntimeHost;
  try {
    if (scenarioFile) {
      let text: string;
      try {
        text = readFileSync(scenarioFile, 'utf8');
      } catch {
        throw new CliError(`${scenarioFile}: cannot read the scenario file`);
      }
      scenario = parseScenario(text, scenarioFile);
    }
    // The editor keeps working with a workspace that has errors: what loaded runs, errors are reported by reload.
    host = new RuntimeHost({ workspace, createEngine, settings, clock: clockFlag(parsed.values.get('clock'), 'real'), seed: intFlag(parsed, 'seed', 1), freeRun: true,
      strict: deps.strict, dependencies: { sources: deps.sources, packageCaches: deps.packageCaches, preprocessorSymbols: deps.preprocessorSymbols } });
    reportFindings(host.findings, deps, ctx);
    // A runtime that keeps running forgets the oldest ended sessions (the timeline is bounded by its setting).
    host.rt.endedSessionLimit = 10_000;
    // Data for pages to show before any scenario runs: --data FILE (a scenario file's "data", or table -> rows),
    // else the workspace's .al-session-lab/data.json.
    const dataFile = parsed.values.get('data') ?? [join(workspace, '.al-session-lab', 'data.json')].find((f) => existsSync(f));
    if (dataFile) seedFromDataFile(host, dataFile);
  } catch (err) {
    if (err instanceof ScenarioError || err instanceof WorkspaceError) throw new CliError(err.message);
    throw err;
  }
  const server = new ControlServer(host, {
    port,
    token,
    maxMessageBytes: maxMessageMb * 1024 * 1024,
    onFirstAttach: () => {
      if (!scenario) return;
      const s = scenario;
      // Let the attach response reach the debugger before the first session starts.
      setImmediate(() => {
        host.runScenario(s).then(
          (r) => {
            if (!r.ok) ctx.stderr(`al-session-lab: ${r.failed!.message}\n`);
          },
          (err: unknown) => ctx.stderr(`al-session-lab: the scenario failed: ${err instanceof Error ? err.message : String(err)}\n`),
        );
      });
    },
  });
  try {
    await server.listen();
  } catch (err) {
    throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(err as Error).message}`);
  }
  host.rt.poke();
  ctx.stdout(JSON.stringify({ port: server.port, token: server.token }) + '\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
