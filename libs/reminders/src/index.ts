/**
 * @jejak/reminders: deadline reminders and time-driven steps on BullMQ (issue 5). The only entry
 * point: pure scheduling, the queue, the firing, the channels, the records and the Nest module.
 */
export * from './core/reminder-job.js';
export * from './core/reminder-offsets.js';
export * from './core/reminders-from-deadlines.js';
export * from './core/selection-port.js';
export type { ReminderMetrics, ReminderOutcome } from './core/reminder-metrics.port.js';
export { formatWita, type Lang } from './messages/format-wita.js';
export { composeReminderMessage, type ReminderMessage } from './messages/reminder-message.js';
export type { Notifier, NotifierChannel, ReminderNotification } from './notify/notifier.port.js';
export { SIGNATURE_HEADER, signBody, verifySignature } from './notify/signature.js';
export {
  WebhookNotifier,
  WebhookDeliveryError,
  type WebhookOptions,
} from './notify/webhook.notifier.js';
export { EmailNotifier, type EmailOptions } from './notify/email.notifier.js';
export { LogNotifier } from './notify/log.notifier.js';
export {
  REMINDERS_COLLECTION,
  ReminderRecords,
  listReminderRecords,
  recordId,
  type ReminderRecord,
  type ReminderStatus,
  type RecordChannel,
} from './records/reminder-records.js';
export {
  DEFAULT_JOB_OPTIONS,
  REMINDERS_QUEUE,
  ReminderQueue,
  type QueuedReminder,
  type ReconcileResult,
  type ReminderJobOptions,
} from './queue/reminder-queue.js';
export { checkRedisPolicy, probeRedis, redactRedisUrl, type RedisPolicy } from './queue/redis.js';
export {
  RedisBinaryMissingError,
  startEmbeddedRedis,
  type EmbeddedRedis,
} from './queue/embedded-redis.js';
export {
  SCHEDULER_SUBSCRIBER,
  rebuildReminders,
  reconcileSelection,
  startScheduler,
  type RebuildResult,
  type SchedulerDeps,
} from './scheduler/reminder-scheduler.js';
export { fireReminder, type FireResult, type FiringDeps } from './firing/fire-reminder.js';
export {
  DEFAULT_WORKER_CONCURRENCY,
  startReminderWorker,
  type RunInContext,
} from './firing/reminder-worker.js';
export {
  RemindersRuntime,
  RemindersPausedError,
  type RemindersState,
  type RemindersStatus,
} from './runtime/reminders-runtime.js';
export type { RemindersRuntimeOptions } from './runtime/reminders-runtime.options.js';
export { selectionReaderFromStore } from './adapters/selection-reader.js';
export {
  SYSTEM_ACTOR,
  commandPathIssuer,
  type CommandPath,
} from './adapters/command-path-issuer.js';
export {
  DEFAULT_QUEUE_PREFIX,
  DEFAULT_REDIS_URL,
  InvalidRemindersConfigError,
  REMINDER_CONFIG_KEYS,
  parseRecipients,
  parseRemindersConfig,
  type RemindersConfig,
} from './reminders.config.js';
export { BOARD_PATH, mountReminderBoard, type BoardGuard } from './bull-board.js';
export { REMINDERS_OPTIONS } from './reminders.tokens.js';
export type { RemindersModuleOptions } from './reminders-module.options.js';
export { RemindersService, notifiersFrom } from './reminders.service.js';
export { RemindersModule, type RemindersModuleAsyncOptions } from './reminders.module.js';
export { rebuildRemindersOnce } from './runtime/rebuild-once.js';
