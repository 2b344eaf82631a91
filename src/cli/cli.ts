// Entry of the `al-session-lab` command line: dispatches to one module per command (parse, lint, run, serve, builtins).
import { CliError, escapeControls, type CommandContext } from './cliSupport';
import { parseCommand } from './commands/parse';
import { lintCommand } from './commands/lint';
import { runCommand } from './commands/run';
import { serveCommand } from './commands/serve';
import { testCommand } from './commands/test';
import { builtinsCommand } from './commands/builtins';

type Command = (args: string[], ctx: CommandContext) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  parse: { run: parseCommand, summary: 'parse [PATH ...] [--stats] [--errors N]   parse AL files, report syntax errors' },
  lint: { run: lintCommand, summary: 'lint [PATH ...] [--format text|json|sarif] [--ruleset FILE] [--rules IDS]   BG diagnostics' },
  run: { run: runCommand, summary: 'run WORKSPACE --scenario FILE [--json] [--seed N] [--clock virtual|real]   play a scenario' },
  serve: { run: serveCommand, summary: 'serve WORKSPACE [--port N] [--scenario FILE]   host the session runtime for a debugger' },
  test: { run: testCommand, summary: 'test WORKSPACE [--codeunit ID|NAME]... [--filter PATTERN] [--runner ID] [--json] [--junit FILE] [--timeline FILE] [--test-timeout S] [--disabled-tests FILE]   run the test codeunits' },
  builtins: { run: builtinsCommand, summary: 'builtins [--unimplemented] [--json]   the catalogue of AL built-ins and what the runtime implements' },
};

function usage(): string {
  return ['usage: al-session-lab <command> [options]', '', 'commands:', ...Object.values(commands).map((c) => `  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`al-session-lab: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  // `run ... | head`: the reader went away; stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // Every text the commands print passes escapeControls: a crafted .al file or name cannot drive the terminal.
  const ctx: CommandContext = { cwd: process.cwd(), stdout: (s) => process.stdout.write(escapeControls(s)), stderr: (s) => process.stderr.write(escapeControls(s)) };
  return command.run(rest, ctx);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Bad input is reported as one line with exit 2; anything else is a bug and keeps its stack for the report.
    if (err instanceof CliError) {
      process.stderr.write(`al-session-lab: ${escapeControls(err.message)}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`al-session-lab: internal error: ${escapeControls(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
      process.exitCode = 3;
    }
  },
);
