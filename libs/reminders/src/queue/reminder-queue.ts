import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReminderJob, ReminderJobData } from '../core/reminder-job.js';

export const REMINDERS_QUEUE = 'reminders';

export type ReminderJobOptions = {
  /** Delivery attempts per job (webhook/e-mail retries); default 5. */
  attempts: number;
  /** First retry pause; doubles per attempt (BullMQ exponential backoff). */
  backoffMs: number;
};

/** Five attempts, the first retry after 30 s, then 60 s, 120 s, 240 s. */
export const DEFAULT_JOB_OPTIONS: ReminderJobOptions = { attempts: 5, backoffMs: 30_000 };

export type ReconcileResult = {
  added: string[];
  moved: string[];
  removed: string[];
  kept: string[];
};

export type QueuedReminder = { jobId: string; state: string; data: ReminderJobData; delay: number };

/** Jobs not yet fired: these may be moved or removed; an active one re-checks itself. */
const PENDING = new Set(['delayed', 'waiting', 'prioritized', 'paused', 'wait']);
const FINISHED = new Set(['completed', 'failed']);

/**
 * The BullMQ producer side: adds, reschedules and removes a selection's delayed jobs so they
 * match what its deadlines call for. Keeps a set of each selection's job ids beside the queue
 * (same Redis, cleared by the same FLUSHALL) to find the jobs that vanished.
 */
export class ReminderQueue {
  readonly queue: Queue<ReminderJobData>;

  constructor(
    private readonly redis: Redis,
    readonly prefix: string,
    private readonly jobOptions: ReminderJobOptions,
  ) {
    this.queue = new Queue<ReminderJobData>(REMINDERS_QUEUE, { connection: redis, prefix });
  }

  private indexKey(selectionId: string): string {
    return `${this.prefix}:${REMINDERS_QUEUE}:selection-index:${selectionId}`;
  }

  private options(job: ReminderJob): JobsOptions {
    return {
      jobId: job.jobId,
      delay: job.delay,
      attempts: this.jobOptions.attempts,
      backoff: { type: 'exponential', delay: this.jobOptions.backoffMs },
      removeOnComplete: { age: 30 * 86_400 },
      removeOnFail: { age: 90 * 86_400 },
    };
  }

  private async add(job: ReminderJob): Promise<void> {
    await this.queue.add(job.data.kind, job.data, this.options(job));
    await this.redis.sadd(this.indexKey(job.data.selectionId), job.jobId);
  }

  /** Makes the selection's jobs equal to `expected` (idempotent: run it as often as you like). */
  async reconcile(selectionId: string, expected: readonly ReminderJob[]): Promise<ReconcileResult> {
    const result: ReconcileResult = { added: [], moved: [], removed: [], kept: [] };
    const wanted = new Map(expected.map((job) => [job.jobId, job]));
    for (const jobId of await this.redis.smembers(this.indexKey(selectionId))) {
      if (wanted.has(jobId)) continue;
      const job = await this.queue.getJob(jobId);
      const state = job === undefined ? 'missing' : await job.getState();
      if (job !== undefined && (PENDING.has(state) || FINISHED.has(state))) await job.remove();
      if (state !== 'active') await this.redis.srem(this.indexKey(selectionId), jobId);
      if (PENDING.has(state)) result.removed.push(jobId);
    }
    for (const job of expected) {
      const outcome = await this.reconcileOne(job);
      result[outcome].push(job.jobId);
    }
    return result;
  }

  private async reconcileOne(job: ReminderJob): Promise<keyof ReconcileResult> {
    const existing = await this.queue.getJob(job.jobId);
    if (existing === undefined) {
      await this.add(job);
      return 'added';
    }
    if (existing.data.fireAt === job.data.fireAt && existing.data.dueAt === job.data.dueAt) {
      await this.redis.sadd(this.indexKey(job.data.selectionId), job.jobId);
      return 'kept';
    }
    const state = await existing.getState();
    if (state === 'delayed') {
      await existing.updateData(job.data);
      await existing.changeDelay(job.delay);
      return 'moved';
    }
    if (state === 'active') return 'kept'; // it re-reads the deadline and re-delays itself
    await existing.remove();
    await this.add(job);
    return PENDING.has(state) ? 'moved' : 'added';
  }

  /** The selection's jobs as they stand in Redis. */
  async jobsOf(selectionId: string): Promise<QueuedReminder[]> {
    const ids = (await this.redis.smembers(this.indexKey(selectionId))).sort();
    const jobs = await Promise.all(ids.map((id) => this.queue.getJob(id)));
    const found = jobs.filter((job): job is Job<ReminderJobData> => job !== undefined);
    return Promise.all(
      found.map(async (job) => ({
        jobId: job.id!,
        state: await job.getState(),
        data: job.data,
        delay: job.delay,
      })),
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
