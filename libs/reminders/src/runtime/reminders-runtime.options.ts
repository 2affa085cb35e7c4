import type { EventStore, ReadModelStore } from '@jejak/event-store';
import type { ReminderMetrics } from '../core/reminder-metrics.port.js';
import type { ReminderOffsets } from '../core/reminder-offsets.js';
import type { ActionIssuer, SelectionReader } from '../core/selection-port.js';
import type { RunInContext } from '../firing/reminder-worker.js';
import type { Lang } from '../messages/format-wita.js';
import type { Notifier } from '../notify/notifier.port.js';
import type { ReminderJobOptions } from '../queue/reminder-queue.js';

export type RemindersRuntimeOptions = {
  eventStore: EventStore;
  readModels: ReadModelStore;
  reader: SelectionReader;
  /** The command path for time-driven steps; without it actions are recorded as dropped. */
  issuer?: ActionIssuer;
  redisUrl: string;
  /** BullMQ key prefix (default `jejak`): one per deployment, or per test file. */
  prefix?: string;
  /** Jobs the worker fires at once (default `DEFAULT_WORKER_CONCURRENCY`). */
  concurrency?: number;
  /**
   * Embedded mode: when nothing answers at `redisUrl`, start a private redis-server (`binary`,
   * default `redis-server` on the PATH) with its data under `dir`.
   */
  embeddedRedis?: { binary?: string; dir: string } | null;
  offsets: ReminderOffsets;
  lang: Lang;
  publicBaseUrl: string;
  notifiers: readonly Notifier[];
  jobs: ReminderJobOptions;
  clock?: () => Date;
  /** Follow the event store and keep jobs in step (default true). */
  runScheduler?: boolean;
  /** Fire jobs in this process (default true). */
  runWorker?: boolean;
  subscriber?: string;
  metrics?: ReminderMetrics;
  runInContext?: RunInContext;
  /** While paused, how often to look for Redis again (default 5 s). */
  reconnectIntervalMs?: number;
};
