import type { EventStore, ReadModelStore } from '@jejak/event-store';
import type { ProcedureRegistry } from '@jejak/selections';
import { selectionReaderFromStore } from '../adapters/selection-reader.js';
import { DEFAULT_JOB_OPTIONS } from '../queue/reminder-queue.js';
import type { RemindersConfig } from '../reminders.config.js';
import type { RebuildResult } from '../scheduler/reminder-scheduler.js';
import { RemindersPausedError, RemindersRuntime } from './reminders-runtime.js';

/**
 * `jejak reminders rebuild` (framework-free, for the CLI): connects to Redis, recomputes every
 * selection's jobs from the event store, and disconnects. No worker, no subscription here.
 */
export async function rebuildRemindersOnce(options: {
  eventStore: EventStore;
  readModels: ReadModelStore;
  procedures: ProcedureRegistry;
  config: RemindersConfig;
  prefix?: string;
}): Promise<RebuildResult> {
  const runtime = new RemindersRuntime({
    eventStore: options.eventStore,
    readModels: options.readModels,
    reader: selectionReaderFromStore(options.eventStore, options.procedures),
    redisUrl: options.config.redisUrl,
    prefix: options.prefix ?? options.config.queuePrefix,
    offsets: options.config.offsets,
    lang: options.config.lang,
    publicBaseUrl: options.config.publicBaseUrl,
    notifiers: [],
    jobs: DEFAULT_JOB_OPTIONS,
    runScheduler: false,
    runWorker: false,
  });
  try {
    await runtime.start();
    if (runtime.status().state !== 'active') {
      throw new RemindersPausedError(runtime.status().message ?? 'Redis is not reachable');
    }
    return await runtime.rebuild();
  } finally {
    await runtime.stop();
  }
}
