// The `al-session-lab lint` command (see docs/cli.md): BG diagnostics for a workspace as text, JSON or SARIF.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadFolderConfig, type LintConfig } from '../../analysis/config/lintConfig';
import { RuleSetError } from '../../analysis/config/ruleset';
import { lintWorkspace } from '../../analysis/lint';
import { loadWorkspace } from '../../analysis/project';
import { ruleMetas } from '../../analysis/rules';
import { formatJson, formatSarif, formatText, positionFindings } from '../../ide/lintOutput';
import { CliError, parseArgs, type CommandContext } from '../cliSupport';

const fsAdapter = {
  readFile(path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

export async function lintCommand(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', 'ruleset', 'rules'], booleans: ['timings'] });
  const format = parsed.values.get('format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new CliError(`--format must be text, json or sarif, got '${format}'`);
  const folders = (parsed.positional.length ? parsed.positional : ['.']).map((p) => resolve(ctx.cwd, p));
  for (const f of folders) {
    if (!existsSync(f)) throw new CliError(`path not found: ${f}`);
    if (!statSync(f).isDirectory() && !f.toLowerCase().endsWith('.al')) throw new CliError(`not a folder or .al file: ${f}`);
  }
  let only: Set<string> | undefined;
  const rulesFlag = parsed.values.get('rules');
  if (rulesFlag !== undefined) {
    only = new Set(rulesFlag.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean));
    for (const id of only) if (!ruleMetas.has(id)) throw new CliError(`--rules: unknown rule '${id}' (known: BG0001-BG${String(ruleMetas.size).padStart(4, '0')})`);
  }
  const rulesetFlag = parsed.values.get('ruleset');
  if (rulesetFlag !== undefined && !existsSync(resolve(ctx.cwd, rulesetFlag))) throw new CliError(`--ruleset: file not found: ${rulesetFlag}`);

  const started = Date.now();
  // Configuration comes from the first folder (the workspace root): its app.json and .vscode/settings.json.
  const root = statSync(folders[0]).isDirectory() ? folders[0] : dirname(folders[0]);
  let config: LintConfig;
  try {
    config = loadFolderConfig(root, fsAdapter, rulesetFlag ? resolve(ctx.cwd, rulesetFlag) : undefined, true);
  } catch (err) {
    if (err instanceof RuleSetError) throw new CliError(err.message);
    throw err;
  }
  for (const p of config.problems) ctx.stderr(`al-session-lab: warning: ${p}\n`);
  config.only = only;
  const loadStarted = Date.now();
  const loaded = loadWorkspaceFromPaths(folders);
  const loadMs = Date.now() - loadStarted;
  for (const s of loaded.skipped) ctx.stderr(`al-session-lab: skipped ${s.path}: ${s.reason}\n`);
  const result = lintWorkspace(loaded.ws, config);
  for (const f of result.failures) ctx.stderr(`al-session-lab: rule ${f.ruleId} failed and was skipped: ${f.error.split('\n')[0]}\n`);
  const ms = Date.now() - started;
  if (parsed.booleans.has('timings')) ctx.stderr(`timings (ms): ${JSON.stringify({ load: loadMs, ...result.timings, total: ms })}\n`);
  const items = positionFindings(result.findings, (file) => loaded.ws.files.get(file)?.text, ctx.cwd);
  if (format === 'json') ctx.stdout(formatJson(items, loaded.files, ms));
  else if (format === 'sarif') ctx.stdout(formatSarif(items, docsDir(), version()));
  else ctx.stdout(formatText(items));
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function loadWorkspaceFromPaths(paths: string[]) {
  return loadWorkspace(paths);
}

/** docs/rules next to the installed bundle (dist/cli.js -> ../docs/rules). */
function docsDir(): string | undefined {
  const d = resolve(__dirname, '..', 'docs', 'rules');
  return existsSync(d) ? d : undefined;
}

function version(): string {
  try {
    return JSON.parse(readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
