import { Logger } from '@nestjs/common';
import { cliEnvironment } from './cli.config.js';
import { CliLogger } from './cli-logger.js';
import { COMMANDS } from './commands.js';
import { runCli } from './run-cli.js';

/** `jejak`: the command line (bootstrap only; see commands.ts for the commands). */
Logger.overrideLogger(new CliLogger(process.stderr));
const { env, note } = cliEnvironment();
if (note !== undefined) process.stderr.write(`${note}\n`);
runCli(
  process.argv.slice(2),
  { env, stdout: process.stdout, stderr: process.stderr },
  COMMANDS,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
