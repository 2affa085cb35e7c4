import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { ChainableCommander, Redis } from 'ioredis';
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

/** Runs a pipeline; its first failed command fails it all. */
async function execPipeline(pipeline: ChainableCommander): Promise<unknown[]> {
  const replies = (await pipeline.exec()) ?? [];
  const failed = replies.find(([error]) => error !== null);
  if (failed) throw failed[0]!;
  return replies.map(([, reply]) => reply);
}

/** The job already stands for this deadline and fire instant (fired or not: it stays). */
const sameInstants = (stored: ReminderJobData, wanted: ReminderJobData): boolean =>
  stored.fireAt === wanted.fireAt && stored.dueAt === wanted.dueAt;

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
    await this.redis.sadd(this.indexKey(job.data.selectionId), job.jobId);
    await this.queue.add(job.data.kind, job.data, this.options(job));
  }

  /**
   * Makes the selection's jobs equal to `expected` (idempotent: run it as often as you like).
   * A few round trips per selection, whatever its size: one pipeline reads the index and adds
   * every expected id to it (the index may name a job that is not there, never the other way
   * round: ids go in before their jobs), then, if the index named anything, one pipeline reads
   * the expected jobs' data; one `addBulk` adds the missing jobs (an id already there is left
   * as it is). Only jobs that moved or vanished need more, looked at concurrently.
   */
  async reconcile(selectionId: string, expected: readonly ReminderJob[]): Promise<ReconcileResult> {
    const result: ReconcileResult = { added: [], moved: [], removed: [], kept: [] };
    const index = this.indexKey(selectionId);
    const ids = expected.map((job) => job.jobId);
    const indexed = await this.indexAndRead(index, ids);

    const wanted = new Set(ids);
    result.removed = await this.removeObsolete(
      index,
      indexed.filter((jobId) => !wanted.has(jobId)),
    );

    // Nothing indexed: nothing of this selection is in Redis (first time, or after a flush).
    const stored = indexed.length === 0 ? ids.map(() => null) : await this.storedData(ids);
    const missing: ReminderJob[] = [];
    const changed: ReminderJob[] = [];
    const outcomes = new Map<string, keyof ReconcileResult>();
    expected.forEach((job, i) => {
      const data = stored[i];
      if (data === null || data === undefined) missing.push(job);
      else if (sameInstants(JSON.parse(data) as ReminderJobData, job.data))
        outcomes.set(job.jobId, 'kept');
      else changed.push(job);
    });
    if (missing.length > 0) {
      await this.queue.addBulk(
        missing.map((job) => ({ name: job.data.kind, data: job.data, opts: this.options(job) })),
      );
      for (const job of missing) outcomes.set(job.jobId, 'added');
    }
    const moved = await Promise.all(changed.map((job) => this.reschedule(job)));
    changed.forEach((job, i) => outcomes.set(job.jobId, moved[i]!));
    for (const job of expected) result[outcomes.get(job.jobId)!].push(job.jobId);
    return result;
  }

  /** The index as it was, with `ids` added to it (one round trip). */
  private async indexAndRead(index: string, ids: readonly string[]): Promise<string[]> {
    const pipeline = this.redis.pipeline().smembers(index);
    if (ids.length > 0) pipeline.sadd(index, ...ids);
    return (await execPipeline(pipeline))[0] as string[];
  }

  /** Each job's stored data (JSON), null where there is no such job (one round trip). */
  private async storedData(ids: readonly string[]): Promise<(string | null)[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.queue.toKey(id), 'data');
    return (await execPipeline(pipeline)) as (string | null)[];
  }

  /**
   * Removes the jobs a selection no longer calls for (looked at concurrently on the connection,
   * so the round trips overlap) and forgets them in the index; an active job re-checks itself
   * and stays indexed until the next reconcile. Returns the ids of the pending ones removed.
   */
  private async removeObsolete(index: string, obsolete: readonly string[]): Promise<string[]> {
    if (obsolete.length === 0) return [];
    const states = await Promise.all(obsolete.map((jobId) => this.queue.getJobState(jobId)));
    const removed = await Promise.all(
      obsolete.map(async (jobId, i) => {
        const state = states[i]!;
        if (!PENDING.has(state) && !FINISHED.has(state)) return state !== 'active';
        // 0: it became active (locked) since its state was read: it stays indexed.
        return (await this.queue.remove(jobId)) === 1;
      }),
    );
    const forget = obsolete.filter((_, i) => removed[i]);
    if (forget.length > 0) await this.redis.srem(index, ...forget);
    return obsolete.filter((jobId, i) => removed[i] && PENDING.has(states[i]!));
  }

  /** A job whose deadline moved: delayed ones are moved in place, fired ones added anew. */
  private async reschedule(job: ReminderJob): Promise<keyof ReconcileResult> {
    const existing = await this.queue.getJob(job.jobId);
    if (existing === undefined) {
      await this.add(job);
      return 'added';
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
