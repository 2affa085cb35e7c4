import { parseArgs } from 'node:util';
import { createEventStore } from '@jejak/event-store';
import { rebuildRemindersOnce } from '@jejak/reminders';
import { rebuildProjections } from '@jejak/selections';
import { procedures } from '@jejak/workflows';
import { remindersConfigOf } from '../../../api/src/reminders/reminders-api.module.js';
import { loadCliConfig } from '../cli.config.js';
import { UsageError, type CliCommand, type CliIo } from '../cli-command.js';

function subcommandOf(name: string, args: string[]): string[] {
  if (args[0] !== 'rebuild') {
    throw new UsageError(
      args[0] === undefined ? 'missing subcommand' : `unknown subcommand ${JSON.stringify(args[0])}`,
    );
  }
  return args.slice(1);
}

const PROJECTIONS_USAGE = `jejak projections rebuild

Clears the selection read models (summaries) and replays the whole event store into them.
Prints {"events": n} on stdout.`;

/** `jejak projections rebuild`: the selections lib's `rebuildProjections` on the configured store. */
export const projectionsCommand: CliCommand = {
  name: 'projections',
  summary: 'rebuild the selection read models from the event store',
  usage: PROJECTIONS_USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const rest = subcommandOf('projections', args);
    if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
    const config = loadCliConfig(io.env);
    const store = await createEventStore(config.eventStore);
    try {
      const result = await rebuildProjections(store, procedures);
      io.stdout.write(`${JSON.stringify(result)}\n`);
      io.stderr.write(`projections rebuilt from ${result.events} events\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

const REMINDERS_USAGE = `jejak reminders rebuild [--prefix jejak]

Recomputes every selection's reminder jobs in Redis (REDIS_URL) from the event store, e.g. after
Redis lost its data. Reminders already sent are not sent again. --prefix: the BullMQ key prefix
(default jejak, as the API and the worker use). Prints {"selections": n, "jobs": n} on stdout;
exit 1 when Redis does not answer.`;

/** `jejak reminders rebuild`: `rebuildRemindersOnce` on the configured store and Redis. */
export const remindersCommand: CliCommand = {
  name: 'reminders',
  summary: 'recompute every reminder job in Redis from the event store',
  usage: REMINDERS_USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const rest = subcommandOf('reminders', args);
    let prefix: string | undefined;
    try {
      ({
        values: { prefix },
      } = parseArgs({ args: rest, options: { prefix: { type: 'string' } }, strict: true }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const config = loadCliConfig(io.env);
    const store = await createEventStore(config.eventStore);
    try {
      const result = await rebuildRemindersOnce({
        eventStore: store,
        readModels: store.readModels,
        procedures,
        config: remindersConfigOf(config),
        ...(prefix === undefined ? {} : { prefix }),
      });
      io.stdout.write(`${JSON.stringify(result)}\n`);
      io.stderr.write(`${result.jobs} reminder jobs for ${result.selections} selections\n`);
      return 0;
    } catch (error) {
      io.stderr.write(`reminders rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
