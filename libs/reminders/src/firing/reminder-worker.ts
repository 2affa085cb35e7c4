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

export type ReminderWorkerOptions = {
  connection: Redis;
  prefix: string;
  runInContext?: RunInContext;
  concurrency?: number;
};

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
  const processor = async (
    job: Job<ReminderJobData, FireResult>,
    token?: string,
  ): Promise<FireResult> => {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await run(job.data.correlationId, () =>
      fireReminder(deps, job.data, { jobId: job.id!, final }),
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
    concurrency: options.concurrency ?? 1,
  });
}
