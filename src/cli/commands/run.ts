// The `al-session-lab run` command (see docs/cli.md).
import { CliError, type CommandContext } from '../cliSupport';

export async function runCommand(_args: string[], _ctx: CommandContext): Promise<number> {
  throw new CliError('the run command is not built yet');
}
