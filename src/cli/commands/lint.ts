// The `al-session-lab lint` command (see docs/cli.md).
import { CliError, type CommandContext } from '../cliSupport';

export async function lintCommand(_args: string[], _ctx: CommandContext): Promise<number> {
  throw new CliError('the lint command is not built yet');
}
