// The `al-session-lab test` command (docs/cli.md): loads a workspace, runs its test codeunits as BC's test runner
// does (src/runtime/sessions/testRun.ts) and prints a line per test and the closing `N passed, N failed` line;
// --json prints one event per test, --junit writes JUnit XML, --timeline the run's chart. Exit 0 when all passed,
// 1 when a test failed, 2 when the workspace cannot be loaded or the flags are wrong.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { CliError, intFlag, parseArgs, type CommandContext } from '../cliSupport';
import { RuntimeHost, WorkspaceError } from '../../runtime/sessions/host';
import { createEngine } from '../../runtime/sessions/defaultEngine';
import { readDisabledTests, runTests, type TestResultEvent } from '../../runtime/sessions/testRun';
import { renderTimelineHtml, renderTimelineSvg } from '../../timeline';
import type { TimelineEvent } from '../../protocol/runtimeProtocol';
import { settingsFromFlags } from './run';
import { junitXml } from './junit';
import { DEPENDENCY_FLAGS, dependencyFlags, reportFindings } from '../dependencyFlags';
import { seedFromDataFile } from '../dataFile';

function outcomeLine(r: TestResultEvent): string {
  const label = r.outcome === 'passed' ? 'PASS' : r.outcome === 'failed' ? 'FAIL' : 'SKIP';
  const name = `${r.codeunitName}::${r.procedure || 'OnRun'}`;
  if (r.outcome === 'skipped') return `${label}  ${name}${r.disabled ? ' (disabled)' : ''}\n`;
  let s = `${label}  ${name} (${r.ms} ms)\n`;
  if (r.error) {
    const at = r.error.file !== undefined ? ` (${r.error.file}:${(r.error.line ?? 0) + 1})` : '';
    s += `      ${r.error.text.replace(/\r?\n/g, ' ')}${at}\n`;
    for (const f of r.error.callStack) s += `        at ${f.object}.${f.procedure} (${f.file}:${f.line + 1})\n`;
  }
  return s;
}

export async function testCommand(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, {
    values: ['filter', 'runner', 'junit', 'timeline', 'test-timeout', 'set', 'data', ...DEPENDENCY_FLAGS.values],
    booleans: ['json', ...DEPENDENCY_FLAGS.booleans],
    repeated: ['codeunit', 'disabled-tests', ...DEPENDENCY_FLAGS.repeated],
  });
  const repeated = { get: (n: string) => parsed.lists.get(n) ?? [] };
  const [workspace, ...extra] = parsed.positional;
  if (!workspace) throw new CliError('test needs a WORKSPACE folder: al-session-lab test WORKSPACE');
  if (extra.length) throw new CliError(`test takes one WORKSPACE, got also: ${extra.join(' ')}`);
  const st = statSync(workspace, { throwIfNoEntry: false });
  if (!st?.isDirectory()) throw new CliError(`${workspace}: the workspace folder does not exist`);
  const timeoutS = intFlag(parsed, 'test-timeout', 60);
  if (timeoutS === 0) throw new CliError('flag --test-timeout needs a positive number of seconds');
  let disabled: Set<string> | undefined;
  try {
    disabled = repeated.get('disabled-tests').length ? readDisabledTests(repeated.get('disabled-tests')) : undefined;
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const settings = settingsFromFlags(workspace, parsed.values.get('set'));
  const deps = dependencyFlags(parsed);
  const json = parsed.booleans.has('json');
  let host: RuntimeHost;
  try {
    host = new RuntimeHost({ workspace, createEngine, settings, clock: 'virtual', strict: deps.strict,
      dependencies: { sources: deps.sources, packageCaches: deps.packageCaches, preprocessorSymbols: deps.preprocessorSymbols } });
    // The workspace's data is the tests' company data, as BC's tests run on a company with its demo data and as the
    // Test Explorer's runs (serve with the workspace's data file) see it: --data FILE, else the workspace's file.
    const dataFile = parsed.values.get('data') ?? [join(workspace, 'alsessionlab.data.json'), join(workspace, '.al-session-lab', 'data.json')].find((f) => existsSync(f));
    if (dataFile) seedFromDataFile(host, dataFile);
  } catch (err) {
    if (err instanceof WorkspaceError) throw new CliError(err.message);
    throw err;
  }
  reportFindings(host.findings, deps, ctx);
  const loadErrors = host.loadResult.errors.length;
  if (loadErrors > 0) ctx.stderr(`al-session-lab: ${loadErrors} load finding(s): the code they name fails when a test reaches it (first: ${host.loadResult.errors[0].file}:${host.loadResult.errors[0].line + 1}: ${host.loadResult.errors[0].message})\n`);
  host.rt.timeline.retain = false;
  const timelineFile = parsed.values.get('timeline');
  const timeline: TimelineEvent[] = [];
  if (timelineFile !== undefined) host.rt.timeline.on((e) => timeline.push(e));

  // The workspace app's own test codeunits (dependencies' tests do not run).
  const root = resolve(workspace) + sep;
  const ownFile = (f: string) => resolve(f).startsWith(root);
  const codeunits = repeated.get('codeunit');
  const runner = parsed.values.get('runner');
  const summary = await runTests(host, {
    files: ownFile,
    codeunits: codeunits.length ? codeunits.map((c) => (/^\d+$/.test(c) ? Number(c) : c)) : undefined,
    filter: parsed.values.get('filter'),
    runner: runner === undefined ? undefined : /^\d+$/.test(runner) ? Number(runner) : runner,
    disabled,
    testTimeoutMs: timeoutS * 1000,
    onEvent: (e) => {
      if (e.event !== 'testResult') return;
      ctx.stdout(json ? JSON.stringify(oneBased(e)) + '\n' : outcomeLine(e));
    },
  }).catch((err: unknown) => {
    throw new CliError((err as Error).message);
  });
  await host.shutdown();
  if (summary.results.length === 0 && runner === undefined) ctx.stderr('al-session-lab: no test procedures matched (test codeunits have Subtype = Test and [Test] procedures)\n');
  const closing = `${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`;
  if (json) ctx.stdout(JSON.stringify({ event: 'summary', passed: summary.passed, failed: summary.failed, skipped: summary.skipped, disabled: summary.disabled, ms: summary.ms }) + '\n');
  else ctx.stdout(`${closing}\n`);
  const junitFile = parsed.values.get('junit');
  if (junitFile !== undefined) writeOut(junitFile, junitXml(summary.results), 'the JUnit report');
  if (timelineFile !== undefined) {
    const text = timelineFile.toLowerCase().endsWith('.svg') ? renderTimelineSvg(timeline) : renderTimelineHtml(timeline, { title: 'test run: session timeline' });
    writeOut(timelineFile, text, 'the timeline');
  }
  return summary.failed > 0 ? 1 : 0;
}

/** The JSON events carry 1-based lines, as editors and CI systems show them (the runtime counts from 0). */
function oneBased(r: TestResultEvent): TestResultEvent {
  const error = r.error ? { ...r.error, ...(r.error.line !== undefined ? { line: r.error.line + 1 } : {}), callStack: r.error.callStack.map((f) => ({ ...f, line: f.line + 1 })) } : undefined;
  return { ...r, line: r.line + 1, ...(error ? { error } : {}) };
}

function writeOut(file: string, text: string, what: string): void {
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw new CliError(`${file}: cannot write ${what} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
