import { cliEnvironment } from './cli.config.js';
import { COMMANDS } from './commands.js';
import { runCli } from './run-cli.js';

/** `jejak`: the command line (bootstrap only; see commands.ts for the commands). */
runCli(
  process.argv.slice(2),
  { env: cliEnvironment(), stdout: process.stdout, stderr: process.stderr },
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
