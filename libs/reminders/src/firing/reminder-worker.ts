import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReminderJobData } from '../core/reminder-job.js';
import { REMINDERS_QUEUE } from '../queue/reminder-queue.js';
import { fireReminder, type FireResult, type FiringDeps } from './fire-reminder.js';

/** Runs a job's work inside the job's correlation scope (the apps pass their logger's). */
export type RunInContext = <T>(
  correlationId: string | undefined,
  work: () => Promise<T>,
) => Promise<T>;

/**
 * Jobs fired at once by one worker (`REMINDER_CONCURRENCY`). Parallel firings never share a
 * record (one per job, channel and fire instant; BullMQ never runs one job twice at once), and a
 * selection's time-driven commands still go one at a time (`oneAtATimePer`).
 */
export const DEFAULT_WORKER_CONCURRENCY = 16;

export type ReminderWorkerOptions = {
  connection: Redis;
  prefix: string;
  runInContext?: RunInContext;
  /** Default `DEFAULT_WORKER_CONCURRENCY`. */
  concurrency?: number;
};

/**
 * Runs the works given for one key one after another (in the order given), works of different
 * keys side by side: the commands SYSTEM issues to one selection do not race each other into a
 * revision conflict, whatever the worker's concurrency.
 */
export function oneAtATimePer(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}

/**
 * The consumer: one job = one firing. A moved deadline sends the job back to wait (in real time,
 * whatever the injected clock says); a channel failure throws so BullMQ retries with exponential
 * backoff; the last attempt's failure is recorded and ends the job.
 */
export function startReminderWorker(
  deps: FiringDeps,
  options: ReminderWorkerOptions,
): Worker<ReminderJobData, FireResult> {
  const run: RunInContext = options.runInContext ?? ((_id, work) => work());
  const serial = oneAtATimePer();
  const processor = async (
    job: Job<ReminderJobData, FireResult>,
    token?: string,
  ): Promise<FireResult> => {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const fire = () => fireReminder(deps, job.data, { jobId: job.id!, final });
    const result = await run(job.data.correlationId, () =>
      job.data.kind === 'action' ? serial(job.data.selectionId, fire) : fire(),
    );
    if (result.kind === 'moved') {
      const wait = Date.parse(result.fireAt) - deps.clock().getTime();
      await job.updateData({ ...job.data, fireAt: result.fireAt });
      await job.moveToDelayed(Date.now() + Math.max(0, wait), token);
      throw new DelayedError();
    }
    if (result.kind === 'failed') {
      throw final ? new UnrecoverableError(result.error) : new Error(result.error);
    }
    return result;
  };
  return new Worker<ReminderJobData, FireResult>(REMINDERS_QUEUE, processor, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? DEFAULT_WORKER_CONCURRENCY,
  });
}
