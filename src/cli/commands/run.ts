// The `al-session-lab run` command (see docs/cli.md): loads a workspace into the local session runtime, plays a
// scenario and prints the timeline (JSON lines with --json, one line per event for people otherwise);
// --timeline FILE also writes the run's Gantt chart (HTML, or SVG for a .svg file).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CliError, intFlag, parseArgs, type CommandContext, type ParsedArgs } from '../cliSupport';
import { RuntimeHost, WorkspaceError } from '../../runtime/sessions/host';
import { parseScenario, ScenarioError } from '../../runtime/sessions/scenario';
import { applySetting, loadSettings, SettingsError, type SessionSettings } from '../../runtime/sessions/settings';
import { formatEvent } from '../../runtime/sessions/eventLog';
import { createEngine } from '../../runtime/sessions/defaultEngine';
import { renderTimelineHtml, renderTimelineSvg } from '../../timeline';
import type { TimelineEvent } from '../../protocol/runtimeProtocol';
import { DEPENDENCY_FLAGS, dependencyFlags, reportFindings } from '../dependencyFlags';

/** Settings from the workspace file, then `--set key=value[,key=value]`. Bad input is a CliError. */
export function settingsFromFlags(workspace: string, set: string | undefined): SessionSettings {
  let settings: SessionSettings;
  try {
    settings = loadSettings(workspace);
  } catch (err) {
    if (err instanceof SettingsError) throw new CliError(err.message);
    throw err;
  }
  for (const pair of (set ?? '').split(',').filter((p) => p.trim() !== '')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--set needs key=value pairs, got '${pair}'`);
    const problem = applySetting(settings, pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    if (problem) throw new CliError(`--set: ${problem}`);
  }
  return settings;
}

/** `--max-call-time SECONDS`: the longest a foreground call may compute (0: no limit). */
export function maxCallTimeFlag(parsed: ParsedArgs, settings: SessionSettings): void {
  if (parsed.values.has('max-call-time')) settings.maxCallTime = intFlag(parsed, 'max-call-time', 600) * 1000;
}

export function clockFlag(value: string | undefined, fallback: 'virtual' | 'real'): 'virtual' | 'real' {
  if (value === undefined) return fallback;
  if (value !== 'virtual' && value !== 'real') throw new CliError(`flag --clock needs 'virtual' or 'real', got '${value}'`);
  return value;
}

export async function runCommand(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, { values: ['scenario', 'seed', 'clock', 'set', 'timeline', 'max-call-time', ...DEPENDENCY_FLAGS.values], booleans: ['json', ...DEPENDENCY_FLAGS.booleans], repeated: DEPENDENCY_FLAGS.repeated });
  const [workspace, ...extra] = parsed.positional;
  if (!workspace) throw new CliError('run needs a WORKSPACE folder: al-session-lab run WORKSPACE --scenario FILE');
  if (extra.length) throw new CliError(`run takes one WORKSPACE, got also: ${extra.join(' ')}`);
  const scenarioFile = parsed.values.get('scenario');
  if (!scenarioFile) throw new CliError('run needs --scenario FILE');
  const st = statSync(workspace, { throwIfNoEntry: false });
  if (!st?.isDirectory()) throw new CliError(`${workspace}: the workspace folder does not exist`);
  let text: string;
  try {
    text = readFileSync(scenarioFile, 'utf8');
  } catch {
    throw new CliError(`${scenarioFile}: cannot read the scenario file`);
  }
  const settings = settingsFromFlags(workspace, parsed.values.get('set'));
  maxCallTimeFlag(parsed, settings);
  const deps = dependencyFlags(parsed);
  const json = parsed.booleans.has('json');
  let scenario;
  let host: RuntimeHost;
  try {
    scenario = parseScenario(text, scenarioFile);
    host = new RuntimeHost({ workspace, createEngine, settings, clock: clockFlag(parsed.values.get('clock'), 'virtual'), seed: intFlag(parsed, 'seed', 1),
      strict: deps.strict, dependencies: { sources: deps.sources, packageCaches: deps.packageCaches, preprocessorSymbols: deps.preprocessorSymbols } });
  } catch (err) {
    if (err instanceof ScenarioError || err instanceof WorkspaceError) throw new CliError(err.message);
    throw err;
  }
  reportFindings(host.findings, deps, ctx);
  const kinds = new Map<number, string>();
  host.rt.timeline.retain = false;
  // --timeline FILE: the run's chart (src/timeline), standalone HTML, or SVG when FILE ends in .svg.
  const timelineFile = parsed.values.get('timeline');
  const events: TimelineEvent[] = [];
  host.rt.timeline.on((e) => {
    if (timelineFile !== undefined) events.push(e);
    if (e.event === 'sessionStarted' && typeof e.session === 'number') kinds.set(e.session, String(e.kind));
    ctx.stdout((json ? JSON.stringify(e) : formatEvent(e, kinds)) + '\n');
  });
  if (!json && scenario.description) ctx.stdout(`# ${scenario.description}\n`);
  let result;
  try {
    result = await host.runScenario(scenario);
  } catch (err) {
    if (err instanceof ScenarioError) throw new CliError(err.message);
    throw err;
  }
  await host.shutdown();
  if (timelineFile !== undefined) writeTimeline(timelineFile, events, basename(scenarioFile));
  if (!result.ok) {
    ctx.stderr(`al-session-lab: ${result.failed!.message}\n`);
    return 1;
  }
  return 0;
}

function writeTimeline(file: string, events: TimelineEvent[], title: string): void {
  const text = extname(file).toLowerCase() === '.svg'
    ? renderTimelineSvg(events)
    : renderTimelineHtml(events, { title: `${title}: session timeline` });
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw new CliError(`${file}: cannot write the timeline (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
