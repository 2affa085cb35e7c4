import { ConfigValidationError } from './cli.config.js';
import { UsageError, type CliCommand, type CliIo } from './cli-command.js';

function help(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: npx jejak <command> [options]   (or: npm run jejak -- <command> [options])',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    "Run a command with --help for its options. Configuration: the API's variables (.env.example).",
  ].join('\n');
}

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/**
 * Routes `jejak <command> ...` to its command and turns the ways a command line can be wrong
 * into exit code 2 with a message (usage errors, invalid configuration). Other errors propagate.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  commands: readonly CliCommand[],
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${help(commands)}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr.write(`Unknown command ${JSON.stringify(name)}.\n\n${help(commands)}\n`);
    return 2;
  }
  if (wantsHelp(args) && args.length === 1) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof ConfigValidationError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
