import type { CliCommand } from './cli-command.js';
import { auditCommand } from './commands/audit.command.js';
import { projectionsCommand, remindersCommand } from './commands/rebuild-commands.js';
import { tokenCommand } from './commands/token.command.js';

/**
 * Every `jejak` command. To add one (e.g. `projections rebuild`, `reminders rebuild`): write
 * `commands/<name>.command.ts` exporting a `CliCommand` (subcommands are the command's own
 * business: parse `args[0]`), and list it here. See README.md beside this file.
 */
export const COMMANDS: readonly CliCommand[] = [
  tokenCommand,
  auditCommand,
  projectionsCommand,
  remindersCommand,
];
