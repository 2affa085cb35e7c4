import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  EVENT_STORE,
  READ_MODEL_STORE,
  type EventStore,
  type ReadModelStore,
} from '@jejak/event-store';
import { commandPathIssuer } from './adapters/command-path-issuer.js';
import { selectionReaderFromStore } from './adapters/selection-reader.js';
import type { SelectionReader } from './core/selection-port.js';
import { EmailNotifier } from './notify/email.notifier.js';
import { LogNotifier } from './notify/log.notifier.js';
import type { Notifier } from './notify/notifier.port.js';
import { WebhookNotifier } from './notify/webhook.notifier.js';
import { DEFAULT_JOB_OPTIONS } from './queue/reminder-queue.js';
import { listReminderRecords, type ReminderRecord } from './records/reminder-records.js';
import type { RemindersModuleOptions } from './reminders-module.options.js';
import { REMINDERS_OPTIONS } from './reminders.tokens.js';
import { RemindersRuntime, type RemindersStatus } from './runtime/reminders-runtime.js';
import type { RebuildResult } from './scheduler/reminder-scheduler.js';

/** The channels the configuration turns on: the log always, webhook and e-mail when set. */
export function notifiersFrom(config: RemindersModuleOptions['config']): Notifier[] {
  return [
    ...(config.webhook ? [new WebhookNotifier(config.webhook)] : []),
    ...(config.email ? [new EmailNotifier(config.email)] : []),
    new LogNotifier(),
  ];
}

function readerOf(options: RemindersModuleOptions, eventStore: EventStore): SelectionReader {
  if (options.reader) return options.reader;
  if (!options.procedures) throw new Error('RemindersModule needs `procedures` or `reader`');
  return selectionReaderFromStore(eventStore, options.procedures);
}

/**
 * Reminders in a Nest app (the worker, or the API with WORKERS=inline): starts the runtime at
 * bootstrap (paused, never failing, without Redis) and stops it before the store closes.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly runtime: RemindersRuntime;
  private readonly notifiers: Notifier[];

  constructor(
    @Inject(REMINDERS_OPTIONS) options: RemindersModuleOptions,
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {
    const { config } = options;
    this.notifiers = options.notifiers ?? notifiersFrom(config);
    this.runtime = new RemindersRuntime({
      eventStore,
      readModels,
      reader: readerOf(options, eventStore),
      ...(options.commands ? { issuer: commandPathIssuer(options.commands) } : {}),
      redisUrl: config.redisUrl,
      prefix: options.prefix ?? config.queuePrefix,
      concurrency: config.concurrency,
      embeddedRedis: options.embeddedRedis ?? null,
      offsets: config.offsets,
      lang: config.lang,
      publicBaseUrl: config.publicBaseUrl,
      notifiers: this.notifiers,
      jobs: { ...DEFAULT_JOB_OPTIONS, ...options.jobs },
      ...(options.clock ? { clock: options.clock } : {}),
      runScheduler: options.runScheduler ?? true,
      runWorker: options.runWorker ?? true,
      ...(options.metrics ? { metrics: options.metrics } : {}),
      ...(options.runInContext ? { runInContext: options.runInContext } : {}),
      ...(options.reconnectIntervalMs ? { reconnectIntervalMs: options.reconnectIntervalMs } : {}),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
    for (const notifier of this.notifiers) if (notifier instanceof EmailNotifier) notifier.close();
  }

  /** For `/health`: live Redis check (reachable, `maxmemory-policy noeviction`), paused or not. */
  health(): Promise<RemindersStatus> {
    return this.runtime.health();
  }

  status(): RemindersStatus {
    return this.runtime.status();
  }

  /** The Redis in use: REDIS_URL, or the private redis-server of embedded mode. */
  redisInUse(): { url: string; embedded: boolean } {
    return this.runtime.redisInUse;
  }

  /** `jejak reminders rebuild`. */
  rebuild(): Promise<RebuildResult> {
    return this.runtime.rebuild();
  }

  /** `GET /selections/:id/reminders`. */
  records(selectionId: string): Promise<ReminderRecord[]> {
    return listReminderRecords(this.readModels, selectionId);
  }
}
