import { Logger } from '@nestjs/common';
import type { Subscription, SubscriptionStatus } from '@jejak/event-store';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReminderJobData } from '../core/reminder-job.js';
import { DEFAULT_QUEUE_PREFIX } from '../reminders.config.js';
import { startReminderWorker } from '../firing/reminder-worker.js';
import {
  RedisBinaryMissingError,
  startEmbeddedRedis,
  type EmbeddedRedis,
} from '../queue/embedded-redis.js';
import {
  ReminderQueue,
  type QueuedReminder,
  type ReconcileResult,
} from '../queue/reminder-queue.js';
import {
  checkRedisPolicy,
  probeRedis,
  producerConnection,
  redactRedisUrl,
  workerConnection,
  type RedisPolicy,
} from '../queue/redis.js';
import {
  ReminderRecords,
  listReminderRecords,
  type ReminderRecord,
} from '../records/reminder-records.js';
import {
  rebuildReminders,
  reconcileSelection,
  SCHEDULER_SUBSCRIBER,
  startScheduler,
  type RebuildResult,
  type SchedulerDeps,
} from '../scheduler/reminder-scheduler.js';
import type { RemindersRuntimeOptions } from './reminders-runtime.options.js';

export type RemindersState = 'starting' | 'active' | 'paused' | 'stopped';

export type RemindersStatus = {
  state: RemindersState;
  /** `up` when active, Redis answers and never evicts; `down` otherwise (paused included). */
  status: 'up' | 'down';
  redis: {
    url: string;
    embedded: boolean;
    reachable: boolean;
    maxmemoryPolicy: string | null;
    policyOk: boolean | null;
  };
  scheduler: SubscriptionStatus | null;
  worker: boolean;
  message?: string;
};

export class RemindersPausedError extends Error {
  readonly code = 'REMINDERS_PAUSED';
}

type Active = {
  redis: Redis;
  queue: ReminderQueue;
  worker?: Worker<ReminderJobData>;
  workerRedis?: Redis;
  subscription?: Subscription;
};

/**
 * Reminders in one process, framework-free: finds Redis (or starts a private one in embedded
 * mode), then runs the scheduler (subscription -> reconcile) and the worker (fire jobs). Without
 * Redis it stays paused, says so loudly, and activates when Redis answers: the scheduler's
 * checkpoint has not moved, so it catches up.
 */
export class RemindersRuntime {
  private readonly logger = new Logger('Reminders');
  private state: RemindersState = 'starting';
  private active: Active | null = null;
  private embedded: EmbeddedRedis | null = null;
  private url: string;
  private policy: RedisPolicy | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private message: string | undefined;
  private readonly clock: () => Date;
  private unwatchLag: (() => void) | undefined;
  private readonly activeListeners: ((queue: ReminderQueue) => void)[] = [];

  constructor(private readonly options: RemindersRuntimeOptions) {
    this.url = options.redisUrl;
    this.clock = options.clock ?? (() => new Date());
  }

  get prefix(): string {
    return this.options.prefix ?? DEFAULT_QUEUE_PREFIX;
  }

  /** Never throws for a missing Redis: pauses instead. */
  async start(): Promise<void> {
    if ((await probeRedis(this.url)) && (await this.tryActivate())) return;
    const embedded = this.options.embeddedRedis;
    let noBinary = false;
    if (embedded) {
      try {
        this.embedded = await startEmbeddedRedis({ ...embedded });
        this.url = this.embedded.url;
        this.logger.log(
          `Nothing answered at ${redactRedisUrl(this.options.redisUrl)}: started a private redis-server at ${this.url} (data in ${embedded.dir})`,
        );
        if (await this.tryActivate()) return;
      } catch (error) {
        noBinary = error instanceof RedisBinaryMissingError;
        this.logger.error(`Could not start a private redis-server: ${(error as Error).message}`);
      }
    }
    this.pause(noBinary);
  }

  private pause(noBinary: boolean): void {
    this.state = 'paused';
    this.message =
      `REMINDERS PAUSED: no Redis answers at ${redactRedisUrl(this.url)}` +
      (noBinary ? ' and no redis-server binary is on the PATH' : '') +
      '. Commands are still accepted; reminders catch up once Redis is reachable.';
    this.logger.error(this.message);
    this.retryTimer = setInterval(
      () => void this.retry(),
      this.options.reconnectIntervalMs ?? 5_000,
    );
    this.retryTimer.unref();
  }

  private async retry(): Promise<void> {
    if (this.state !== 'paused' || !(await probeRedis(this.url))) return;
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
    this.logger.log(`Redis answers at ${redactRedisUrl(this.url)}: reminders resume and catch up`);
    if (!(await this.tryActivate())) this.pause(false);
  }

  private async tryActivate(): Promise<boolean> {
    try {
      await this.activate();
      return true;
    } catch (error) {
      this.logger.error(
        `Reminders could not start on ${redactRedisUrl(this.url)}: ${(error as Error).message}`,
      );
      const active = this.active;
      this.active = null;
      await active?.subscription?.stop();
      await active?.worker?.close(true);
      active?.workerRedis?.disconnect();
      active?.redis.disconnect();
      return false;
    }
  }

  private schedulerDeps(queue: ReminderQueue): SchedulerDeps {
    const { eventStore, reader, offsets, metrics } = this.options;
    return {
      eventStore,
      reader,
      queue,
      offsets,
      clock: this.clock,
      ...(metrics ? { metrics } : {}),
    };
  }

  private async activate(): Promise<void> {
    const redis = producerConnection(this.url);
    redis.on('error', () => undefined); // reconnects on its own; status() reports it
    await redis.connect();
    const queue = new ReminderQueue(redis, this.prefix, this.options.jobs);
    const active: Active = { redis, queue };
    this.active = active;
    this.state = 'active';
    this.message = undefined;
    await this.refreshPolicy();
    redis.on('ready', () => void this.afterReconnect());
    await this.rebuildIfRedisLostData();
    for (const listener of this.activeListeners) listener(queue);
    if (this.options.runWorker ?? true) {
      active.workerRedis = workerConnection(this.url);
      active.workerRedis.on('error', () => undefined);
      active.worker = startReminderWorker(
        {
          ...this.options,
          records: new ReminderRecords(this.options.readModels),
          clock: this.clock,
        },
        {
          connection: active.workerRedis,
          prefix: this.prefix,
          ...(this.options.concurrency ? { concurrency: this.options.concurrency } : {}),
          ...(this.options.runInContext ? { runInContext: this.options.runInContext } : {}),
        },
      );
      active.worker.on('error', (error) => this.logger.warn(`Reminder worker: ${error.message}`));
    }
    if (this.options.runScheduler ?? true) {
      const subscriber = this.options.subscriber ?? SCHEDULER_SUBSCRIBER;
      active.subscription = startScheduler(this.schedulerDeps(queue), subscriber);
      this.unwatchLag = this.options.metrics?.watchSubscription?.(
        subscriber,
        () => active.subscription?.status().lag ?? 0,
      );
    }
  }

  private async refreshPolicy(): Promise<void> {
    if (!this.active) return;
    try {
      this.policy = await checkRedisPolicy(this.active.redis);
      if (!this.policy.ok) this.logger.error(this.policy.message);
    } catch {
      this.policy = null;
    }
  }

  private async afterReconnect(): Promise<void> {
    await this.refreshPolicy();
    await this.rebuildIfRedisLostData().catch((error: Error) =>
      this.logger.warn(
        `Rebuild after reconnect failed (the next reconnect retries): ${error.message}`,
      ),
    );
  }

  /**
   * A marker key lives beside the jobs: when it is gone, Redis lost its data (restarted without
   * persistence, or flushed) and every selection's jobs are recomputed from the event store.
   */
  private async rebuildIfRedisLostData(): Promise<void> {
    if (!this.active) return;
    const marker = `${this.prefix}:reminders:initialized`;
    if ((await this.active.redis.set(marker, this.clock().toISOString(), 'NX')) !== 'OK') return;
    this.logger.log(
      'Reminder jobs are not in Redis yet (first start, or Redis lost its data): rebuilding from the event store',
    );
    await rebuildReminders(this.schedulerDeps(this.active.queue));
  }

  private requireActive(): Active {
    if (this.state !== 'active' || !this.active)
      throw new RemindersPausedError(this.message ?? 'Reminders are not active');
    return this.active;
  }

  /** `jejak reminders rebuild`: every selection's jobs recomputed from the event store. */
  async rebuild(): Promise<RebuildResult> {
    return rebuildReminders(this.schedulerDeps(this.requireActive().queue));
  }

  /** Reconciles one selection now (the subscription does this after each of its events). */
  async reconcile(selectionId: string): Promise<ReconcileResult> {
    return reconcileSelection(this.schedulerDeps(this.requireActive().queue), selectionId);
  }

  /** Every sent, failed or dropped reminder of a selection (`GET /selections/:id/reminders`). */
  records(selectionId: string): Promise<ReminderRecord[]> {
    return listReminderRecords(this.options.readModels, selectionId);
  }

  async jobsOf(selectionId: string): Promise<QueuedReminder[]> {
    return this.requireActive().queue.jobsOf(selectionId);
  }

  /** Calls `listener` with the queue once active (at once when already active). */
  onActive(listener: (queue: ReminderQueue) => void): void {
    this.activeListeners.push(listener);
    if (this.active) listener(this.active.queue);
  }

  /**
   * The Redis reminders use: REDIS_URL, or the private redis-server started when nothing answered
   * there (`/health` pings this one).
   */
  get redisInUse(): { url: string; embedded: boolean } {
    return { url: this.url, embedded: this.embedded !== null };
  }

  /** The BullMQ queue (for Bull Board), once active. */
  get queue(): ReminderQueue | undefined {
    return this.active?.queue;
  }

  status(): RemindersStatus {
    const reachable = this.active?.redis.status === 'ready';
    const policyOk = this.policy?.ok ?? null;
    const up = this.state === 'active' && reachable && policyOk !== false;
    const message =
      this.message ??
      (this.policy?.ok === false ? this.policy.message : undefined) ??
      (this.state === 'active' && !reachable
        ? `Redis at ${redactRedisUrl(this.url)} is unreachable: reminders catch up when it returns`
        : undefined);
    return {
      state: this.state,
      status: up ? 'up' : 'down',
      redis: {
        url: redactRedisUrl(this.url),
        embedded: this.embedded !== null,
        reachable,
        maxmemoryPolicy: this.policy?.maxmemoryPolicy ?? null,
        policyOk,
      },
      scheduler: this.active?.subscription?.status() ?? null,
      worker: this.active?.worker !== undefined,
      ...(message === undefined ? {} : { message }),
    };
  }

  /** Live check for `/health`: pings Redis and re-reads its eviction policy. */
  async health(): Promise<RemindersStatus> {
    if (this.active?.redis.status === 'ready') await this.refreshPolicy();
    return this.status();
  }

  async stop(): Promise<void> {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
    this.unwatchLag?.();
    const active = this.active;
    this.active = null;
    this.state = 'stopped';
    if (active) {
      await active.subscription?.stop();
      await active.worker?.close();
      active.workerRedis?.disconnect();
      await active.queue.close();
      active.redis.disconnect();
    }
    await this.embedded?.stop();
    this.embedded = null;
  }
}
