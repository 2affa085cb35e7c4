import type { Env } from './cli.config.js';

/** What a command gets from the process: the environment and the two output streams. */
export type CliIo = {
  env: Env;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
};

/**
 * One `jejak <name> ...` command. `run` gets the arguments after the name and returns the exit
 * code: 0 done, 1 failed (e.g. a verification found a broken chain), 2 wrong command line or
 * configuration. Register it in `commands.ts`.
 */
export type CliCommand = {
  name: string;
  /** One line for `jejak --help`. */
  summary: string;
  /** The full usage, printed for `jejak <name> --help` and after a usage error. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
};

/** A wrong command line: the router prints the message and the command's usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
