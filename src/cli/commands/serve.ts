// The `al-session-lab serve` command (see docs/cli.md).
import { CliError, type CommandContext } from '../cliSupport';

export async function serveCommand(_args: string[], _ctx: CommandContext): Promise<number> {
  throw new CliError('the serve command is not built yet');
}
