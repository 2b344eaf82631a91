// The `al-session-lab parse` command (see docs/cli.md).
import { CliError, type CommandContext } from '../cliSupport';

export async function parseCommand(_args: string[], _ctx: CommandContext): Promise<number> {
  throw new CliError('the parse command is not built yet');
}
