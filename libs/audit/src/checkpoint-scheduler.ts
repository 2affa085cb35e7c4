import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Redis } from 'ioredis';
import type { CheckpointRun } from './checkpoint-all.js';

export const CHECKPOINT_QUEUE = 'audit-checkpoints';

export const checkpointQueueName = (storeKey?: string): string =>
  storeKey === undefined ? CHECKPOINT_QUEUE : `${CHECKPOINT_QUEUE}-${storeKey}`;
/** One scheduler id for every instance: BullMQ keeps one schedule however many upsert it. */
export const CHECKPOINT_SCHEDULER_ID = 'audit-checkpoint-periodic';

export type CheckpointScheduling = {
  /** Milliseconds between runs. */
  intervalMs: number;
  /**
   * When the first run is due (epoch ms): one interval after the last checkpoint, so restarts
   * more frequent than the interval never postpone checkpoints forever.
   */
  firstRunAt: number;
  /** Use a BullMQ job scheduler on this Redis when it answers; else a plain interval. */
  redisUrl?: string;
  /** BullMQ key prefix (default `jejak`, as the reminders). */
  prefix?: string;
  /**
   * Which store the schedule is for (e.g. a hash of its location): the queue is named after it,
   * so instances on one store share one schedule, and a worker never checkpoints another store
   * (test stores, or two deployments on one Redis).
   */
  storeKey?: string;
  /** Process the jobs here (false: only keep the schedule, another process works it). */
  runWorker?: boolean;
  run: () => Promise<CheckpointRun>;
};

export type RunningSchedule = {
  mode: 'bullmq' | 'interval';
  stop(): Promise<void>;
};

const logger = new Logger('AuditCheckpoints');

function logRun(run: CheckpointRun): void {
  if (run.checkpointed.length === 0 && run.refused.length === 0 && !run.lostRace) {
    logger.debug('no stream moved since the last checkpoints');
    return;
  }
  logger.log(
    `signed ${run.checkpointed.length} checkpoint(s)${run.lostRace ? ' (another instance wrote first)' : ''}`,
  );
  for (const refused of run.refused) {
    logger.error(
      `${refused.streamId} is broken at revision ${refused.brokenAt} (${refused.reason}): not checkpointed`,
    );
  }
}

async function runLogged(run: () => Promise<CheckpointRun>): Promise<CheckpointRun> {
  const result = await run();
  logRun(result);
  return result;
}

/** Does a Redis server answer PING at `url` within a second (one try, nothing left open)? */
function redisAnswers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      resolve(false);
      return;
    }
    const endpoint = { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 6379) };
    const socket =
      parsed.protocol === 'rediss:'
        ? tlsConnect({ ...endpoint, servername: endpoint.host })
        : netConnect(endpoint);
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once(parsed.protocol === 'rediss:' ? 'secureConnect' : 'connect', () =>
      socket.write('PING\r\n'),
    );
    // +PONG, or -NOAUTH when the URL's credentials are needed first: either way Redis is there.
    socket.once('data', (reply: Buffer) => done(/^[+-]/.test(reply.toString('latin1'))));
  });
}

function startInterval(options: CheckpointScheduling): RunningSchedule {
  const tick = () => {
    runLogged(options.run).catch((error: unknown) =>
      logger.error(`checkpoint run failed: ${String(error)}`),
    );
  };
  let timer: NodeJS.Timeout = setTimeout(
    () => {
      tick();
      timer = setInterval(tick, options.intervalMs).unref();
    },
    Math.max(0, options.firstRunAt - Date.now()),
  ).unref();
  return {
    mode: 'interval',
    stop: () => {
      clearTimeout(timer);
      clearInterval(timer);
      return Promise.resolve();
    },
  };
}

/** Creates the shared schedule once (or when the interval changed); later starts leave it be. */
async function ensureScheduler(queue: Queue, options: CheckpointScheduling): Promise<void> {
  const existing = await queue.getJobScheduler(CHECKPOINT_SCHEDULER_ID);
  if (existing?.every === options.intervalMs) return;
  await queue.upsertJobScheduler(
    CHECKPOINT_SCHEDULER_ID,
    { every: options.intervalMs, startDate: Math.max(options.firstRunAt, Date.now()) },
    { name: 'checkpoint', opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
}

async function startBullmq(options: CheckpointScheduling, url: string): Promise<RunningSchedule> {
  const prefix = options.prefix ?? 'jejak';
  const name = checkpointQueueName(options.storeKey);
  const queueRedis = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection: queueRedis, prefix });
  await ensureScheduler(queue, options);
  const workerRedis =
    options.runWorker === false ? null : new Redis(url, { maxRetriesPerRequest: null });
  const worker =
    workerRedis === null
      ? null
      : new Worker(name, () => runLogged(options.run), {
          connection: workerRedis,
          prefix,
          concurrency: 1,
        });
  worker?.on('error', (error) => logger.warn(`worker: ${error.message}`));
  return {
    mode: 'bullmq',
    stop: async () => {
      await worker?.close();
      await queue.close();
      workerRedis?.disconnect();
      queueRedis.disconnect();
    },
  };
}

/**
 * Periodic signed checkpoints: a BullMQ job scheduler when Redis answers (one schedule shared
 * by every instance, one worker runs each job), otherwise a plain timer in this process.
 * Concurrent runs are harmless: the checkpoint stream's expected revision lets one write.
 */
export async function startCheckpointSchedule(
  options: CheckpointScheduling,
): Promise<RunningSchedule> {
  if (options.redisUrl && (await redisAnswers(options.redisUrl)))
    return startBullmq(options, options.redisUrl);
  if (options.redisUrl)
    logger.warn('Redis does not answer: signed checkpoints run on a timer in this process');
  return startInterval(options);
}
