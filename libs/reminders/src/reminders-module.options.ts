import type { ProcedureRegistry } from '@jejak/selections';
import type { CommandPath } from './adapters/command-path-issuer.js';
import type { ReminderMetrics } from './core/reminder-metrics.port.js';
import type { SelectionReader } from './core/selection-port.js';
import type { RunInContext } from './firing/reminder-worker.js';
import type { Notifier } from './notify/notifier.port.js';
import type { ReminderJobOptions } from './queue/reminder-queue.js';
import type { RemindersConfig } from './reminders.config.js';

export type RemindersModuleOptions = {
  /** `parseRemindersConfig(env)` in the app's config. */
  config: RemindersConfig;
  /** Procedures by kind: how the reminders fold a selection (or pass `reader`). */
  procedures?: ProcedureRegistry;
  reader?: SelectionReader;
  /** The command path (`SelectionCommands`): time-driven steps go through it as SYSTEM. */
  commands?: CommandPath;
  /** BullMQ key prefix (default `config.queuePrefix`, REMINDER_QUEUE_PREFIX). */
  prefix?: string;
  /** Embedded mode: a private redis-server under `dir` when nothing answers at REDIS_URL. */
  embeddedRedis?: { binary?: string; dir: string } | null;
  runScheduler?: boolean;
  runWorker?: boolean;
  jobs?: Partial<ReminderJobOptions>;
  clock?: () => Date;
  metrics?: ReminderMetrics;
  runInContext?: RunInContext;
  /** Replaces the channels built from `config` (log, webhook, e-mail). */
  notifiers?: Notifier[];
  reconnectIntervalMs?: number;
};
