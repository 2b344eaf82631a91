// The dependency flags every command that loads AL shares (docs/cli.md "Dependencies"): --dependency-source DIR
// (repeatable), --package-cache DIR (repeatable), --preprocessor-symbols A,B, --strict and --findings FILE; and
// the one summary line of load findings on stderr.
import { statSync, writeFileSync } from 'node:fs';
import { summarizeFindings, type LoadFinding } from '../language/apps/findings';
import { CliError, type CommandContext, type ParsedArgs } from './cliSupport';

export const DEPENDENCY_FLAGS = { values: ['preprocessor-symbols', 'findings'], booleans: ['strict'], repeated: ['dependency-source', 'package-cache'] };

export interface DependencyFlags {
  sources: string[];
  packageCaches?: string[];
  preprocessorSymbols: string[];
  strict: boolean;
  findingsFile?: string;
}

export function dependencyFlags(parsed: ParsedArgs): DependencyFlags {
  const sources = parsed.lists.get('dependency-source') ?? [];
  const caches = parsed.lists.get('package-cache');
  for (const dir of [...sources, ...(caches ?? [])]) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${dir}: the dependency folder does not exist`);
  }
  const symbols = (parsed.values.get('preprocessor-symbols') ?? '').split(',').map((s) => s.trim()).filter((s) => s);
  for (const s of symbols) if (!/^[A-Za-z_]\w*$/.test(s)) throw new CliError(`--preprocessor-symbols: '${s}' is not a symbol name`);
  return { sources, packageCaches: caches, preprocessorSymbols: symbols, strict: parsed.booleans.has('strict'), findingsFile: parsed.values.get('findings') };
}

/** One line on stderr when there are findings; all of them as JSON in --findings FILE. */
export function reportFindings(findings: readonly LoadFinding[], flags: DependencyFlags, ctx: CommandContext): void {
  if (flags.findingsFile !== undefined) {
    try {
      writeFileSync(flags.findingsFile, JSON.stringify({ findings }, null, 1) + '\n');
    } catch (err) {
      throw new CliError(`${flags.findingsFile}: cannot write the findings (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  if (findings.length === 0) return;
  const where = flags.findingsFile !== undefined ? `listed in ${flags.findingsFile}` : 'list them with --findings FILE';
  ctx.stderr(`al-session-lab: ${findings.length} load finding${findings.length === 1 ? '' : 's'} (${summarizeFindings(findings)}); loaded what could be loaded, ${where}\n`);
}
