import { randomUUID } from 'node:crypto';
import {
  DEFAULT_JOB_OPTIONS,
  DEFAULT_WORKER_CONCURRENCY,
  ReminderQueue,
  ReminderRecords,
  remindersFromDeadlines,
  parseReminderOffsets,
  startReminderWorker,
  type Notifier,
  type ReminderJob,
  type ReminderNotification,
  type SelectionFacts,
} from '@jejak/reminders';
import type { Deadline } from '@jejak/workflows';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { openPostgresStore } from '../datasets.js';
import { now, settle } from '../harness/measure.js';
import { benchKeyPrefix, dropPrefix } from '../harness/redis-keys.js';
import { fmt, summarize } from '../harness/stats.js';
import type { Check, Workload } from '../harness/types.js';

const SCHEDULE_RATIO = 0.8;
const LATENESS_P99_MS = 2_000;
const DAY = 86_400_000;
const DEADLINES_PER_SELECTION = 34;

const deadlinesAt = (dues: readonly number[]): Deadline[] =>
  dues.map((due, i) => ({
    deadlineId: `deadline-${i}`,
    kind: 'planned',
    label: `Tahapan uji ${i}`,
    dueAt: new Date(due).toISOString(),
    recipients: ['SEKRETARIAT'],
  }));

/** B7: reminders on BullMQ: scheduling vs bare addBulk, firing lateness, duplicates after a rebuild. */
export const b7: Workload = {
  id: 'B7',
  title: "schedule 100,000 deadlines' reminders; fire 10,000 due within one minute",
  target:
    'scheduling >= 0.8x bare BullMQ addBulk; firing lateness p99 <= 2 s; 0 duplicates after a rebuild',
  async run(context) {
    const { quick, repetitions, log, redisUrl } = context;
    const prefix = benchKeyPrefix();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const workerRedis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new ReminderQueue(redis, prefix, DEFAULT_JOB_OPTIONS);
    const bare = new Queue('bare', { connection: redis, prefix });
    const store = await openPostgresStore(await context.database('main'), 'b7');
    context.onCleanup(async () => {
      await queue.close();
      await bare.close();
      await dropPrefix(redis, prefix);
      redis.disconnect();
      workerRedis.disconnect();
      await store.close();
    });
    const offsets = parseReminderOffsets(undefined);

    // Scheduling: selections of 34 deadlines (3d, 1d, overdue: 102 jobs each) a month ahead,
    // reconciled one selection after another; BullMQ addBulk of the same jobs. The measured
    // repetitions schedule 100,000 jobs between them (quick: 5,000), each time-boxed.
    const totalJobs = quick ? 5_000 : 100_000;
    const perRepetition = Math.ceil(totalJobs / repetitions);
    const windowMs = quick ? 300 : 4_000;
    const start = Date.now();
    const jobsOfSelection = (selectionId: string) =>
      remindersFromDeadlines(
        selectionId,
        deadlinesAt(
          Array.from(
            { length: DEADLINES_PER_SELECTION },
            (_, i) => start + 30 * DAY + i * 3_600_000,
          ),
        ),
        offsets,
        new Date(start),
      );
    const bullOptions = (job: ReminderJob) => ({
      jobId: `bare-${job.jobId}`,
      delay: job.delay,
      attempts: DEFAULT_JOB_OPTIONS.attempts,
      backoff: { type: 'exponential', delay: DEFAULT_JOB_OPTIONS.backoffMs },
      removeOnComplete: { age: 30 * 86_400 },
      removeOnFail: { age: 90 * 86_400 },
    });
    const jejakWindow = async (size = perRepetition) => {
      const scheduled: ReminderJob[] = [];
      const t0 = now();
      while (scheduled.length < size && now() - t0 < windowMs) {
        const jobs = jobsOfSelection(randomUUID());
        await queue.reconcile(jobs[0]!.data.selectionId, jobs);
        scheduled.push(...jobs);
      }
      return { jobs: scheduled, rate: (scheduled.length * 1000) / (now() - t0) };
    };
    const bareRun = async (jobs: readonly ReminderJob[]) => {
      const t0 = now();
      for (let from = 0; from < jobs.length; from += 1_000) {
        await bare.addBulk(
          jobs
            .slice(from, from + 1_000)
            .map((job) => ({ name: job.data.kind, data: job.data, opts: bullOptions(job) })),
        );
      }
      return (jobs.length * 1000) / (now() - t0);
    };
    const warm = await jejakWindow(Math.ceil(perRepetition / 5));
    await bareRun(warm.jobs);
    const jejakRates: number[] = [];
    const bareRates: number[] = [];
    let scheduledTotal = 0;
    for (let i = 0; i < repetitions; i++) {
      const window = await jejakWindow();
      jejakRates.push(window.rate);
      scheduledTotal += window.jobs.length;
      bareRates.push(await bareRun(window.jobs));
      await settle();
    }
    const jejakRate = summarize(jejakRates);
    const bareRate = summarize(bareRates);
    log(
      `B7: scheduling jejak ${fmt(jejakRate.median)} jobs/s, bare addBulk ${fmt(bareRate.median)} jobs/s`,
    );

    // Firing: N reminders due over a span starting shortly, one '3d' job per deadline, through
    // the app's worker (its default concurrency, as RemindersRuntime starts it) with reminder records in
    // jejak's PostgreSQL read models and a counting channel.
    const fireCount = quick ? 300 : 10_000;
    const spanMs = quick ? 1_000 : 20_000;
    // How long after the last due time the bench waits for stragglers (lateness p99 target: 2 s).
    const graceMs = quick ? 3_000 : 10_000;
    const selections = quick ? 10 : 100;
    const fireOffsets = parseReminderOffsets('3d');
    // Far enough ahead that scheduling them (at the rate just measured) ends before the first.
    const firstFire =
      Date.now() + (quick ? 500 : 2_000) + Math.ceil((1.5 * fireCount * 1000) / jejakRate.median);
    const facts = new Map<string, SelectionFacts>();
    const expected: { selectionId: string; deadlines: Deadline[] }[] = [];
    for (let s = 0; s < selections; s++) {
      const selectionId = randomUUID();
      const per = fireCount / selections;
      const deadlines = deadlinesAt(
        Array.from(
          { length: per },
          (_, i) => firstFire + ((s * per + i) / fireCount) * spanMs + 3 * DAY,
        ),
      );
      facts.set(selectionId, {
        selectionId,
        title: `Seleksi ${s}`,
        state: 'registration',
        vacancies: [],
        deadlines,
      });
      expected.push({ selectionId, deadlines });
    }
    const fired: { jobId: string; deliveryId: string; lateMs: number }[] = [];
    const counting: Notifier = {
      channel: 'log',
      applies: () => true,
      send: (notification: ReminderNotification) => {
        fired.push({
          jobId: notification.jobId,
          deliveryId: notification.deliveryId,
          lateMs: Date.now() - (Date.parse(notification.dueAt) - 3 * DAY),
        });
        return Promise.resolve();
      },
    } as unknown as Notifier;
    const reconcileAll = async () => {
      for (const { selectionId, deadlines } of expected) {
        await queue.reconcile(
          selectionId,
          remindersFromDeadlines(selectionId, deadlines, fireOffsets, new Date()),
        );
      }
    };
    const scheduleStart = now();
    await reconcileAll();
    const scheduleFireMs = now() - scheduleStart;
    if (Date.now() > firstFire)
      log(`B7: scheduling the ${fireCount} firing jobs overran their first due time`);
    const worker = startReminderWorker(
      {
        reader: { read: (id: string) => Promise.resolve(facts.get(id) ?? null) },
        notifiers: [counting],
        records: new ReminderRecords(store.readModels),
        offsets: fireOffsets,
        clock: () => new Date(),
        lang: 'id',
        publicBaseUrl: 'http://127.0.0.1:3000',
      },
      { connection: workerRedis, prefix },
    );
    const until = firstFire + spanMs + graceMs;
    while (fired.length < fireCount && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    const firedInTime = fired.length;
    const lastFiredLate = fired.length > 0 ? fired[fired.length - 1]!.lateMs : 0;
    // A rebuild (every selection reconciled again, as after Redis lost its data or an operator
    // rebuild), then a pause for anything it would fire again.
    const rebuildStart = now();
    await reconcileAll();
    const rebuildMs = now() - rebuildStart;
    await new Promise((r) => setTimeout(r, quick ? 300 : 1_000));
    await worker.close();
    const lateness = summarize(fired.map((f) => f.lateMs));
    const distinct = new Set(fired.map((f) => f.jobId)).size;
    const duplicates = fired.length - distinct;
    log(
      `B7: fired ${firedInTime}/${fireCount}, lateness p50 ${fmt(lateness.p50)} ms p99 ${fmt(lateness.p99)} ms, ${duplicates} duplicates after the rebuild`,
    );

    const ratio = jejakRate.median / bareRate.median;
    const allFired = firedInTime === fireCount;
    const checks: Check[] = [
      {
        what: 'scheduling reminders vs bare BullMQ addBulk',
        target: `>= ${SCHEDULE_RATIO}x addBulk`,
        measured: `${fmt(jejakRate.median)} vs ${fmt(bareRate.median)} jobs/s; 100,000 jobs would take ${fmt(100_000 / jejakRate.median)} s vs ${fmt(100_000 / bareRate.median)} s`,
        ratio: { value: ratio, peer: 'of addBulk' },
        pass: ratio >= SCHEDULE_RATIO,
        miss:
          ratio >= SCHEDULE_RATIO
            ? undefined
            : `${fmt(SCHEDULE_RATIO / ratio)}x short. Already in place: ReminderQueue.reconcile works a selection in a few round trips (one pipeline for its index, one for the known jobs' data, one addBulk). What remains: two round trips per selection (${DEADLINES_PER_SELECTION * 3} jobs here) against bare addBulk's one per 1,000 jobs, and computing the jobs (remindersFromDeadlines, timed inside jejak's window); reconciling several selections together (one index pipeline, one addBulk) would close it.`,
      },
      {
        what: `firing ${fireCount.toLocaleString('en-US')} reminders due within ${fmt(spanMs / 1000)} s: lateness`,
        target: `p99 <= ${fmt(LATENESS_P99_MS / 1000)} s`,
        measured: `${firedInTime.toLocaleString('en-US')} fired; lateness p50 ${fmt(lateness.p50)} ms, p99 ${fmt(lateness.p99)} ms, max ${fmt(lateness.max)} ms`,
        pass: allFired && lateness.p99 <= LATENESS_P99_MS,
        miss:
          allFired && lateness.p99 <= LATENESS_P99_MS
            ? undefined
            : `${allFired ? '' : `only ${firedInTime} of ${fireCount} fired by ${fmt(graceMs / 1000)} s after the last due time; `}${lateness.p99 <= LATENESS_P99_MS ? 'p99 of those fired within the target' : `p99 ${fmt(lateness.p99 / LATENESS_P99_MS)}x the target`} (the last one ${fmt(lastFiredLate)} ms late). Not profiled here: the worker fires up to ${DEFAULT_WORKER_CONCURRENCY} jobs at once (its default, as the runtime starts it); each firing writes its reminder record (a read-model put in PostgreSQL) and BullMQ moves the job through its delayed, active and completed sets (several Redis round trips per job). At ${fmt(fireCount / (spanMs / 1000))} due per second under load on 2 shared cores the firing was found CPU-bound (a higher concurrency did not help); batched record writes (one putMany per batch of firings) would cut the per-job database work.`,
      },
      {
        what: 'duplicates after a rebuild',
        target: '0',
        measured: `${duplicates} of ${fired.length.toLocaleString('en-US')} notifications (rebuild of ${expected.length} selections took ${fmt(rebuildMs)} ms)`,
        pass: duplicates === 0,
        miss:
          duplicates === 0
            ? undefined
            : 'a job fired again after the rebuild re-added it: the reconcile must keep a completed job (same id, same fireAt) instead of adding it anew.',
      },
    ];
    return {
      status: 'measured',
      checks,
      notes: [
        `Scheduling: jejak's ReminderQueue.reconcile (libs/reminders) of selections with ${DEADLINES_PER_SELECTION} deadlines a month ahead (3 offsets: ${DEADLINES_PER_SELECTION * 3} jobs each), one selection after another, ${repetitions} repetitions of at least ${perRepetition.toLocaleString('en-US')} jobs (whole selections) after a smaller warm-up, each time-boxed at ${fmt(windowMs / 1000)} s: ${scheduledTotal.toLocaleString('en-US')} jobs scheduled in all${scheduledTotal < totalJobs ? `, fewer than ${totalJobs.toLocaleString('en-US')}: the time box cut repetitions short` : ''}${quick ? ' (quick mode: 5,000 rather than 100,000)' : ''}; the peer adds the same jobs (same ids, delays and options) with bare BullMQ addBulk, 1,000 per call, on the same Redis.`,
        `Firing: ${fireCount.toLocaleString('en-US')} '3d' reminders of ${selections} selections due evenly over ${fmt(spanMs / 1000)} s, scheduled by reconcile (${fmt(scheduleFireMs / 1000)} s), fired by startReminderWorker with its default concurrency (${DEFAULT_WORKER_CONCURRENCY}, as RemindersRuntime starts it without REMINDER_CONCURRENCY) with reminder records in jejak's PostgreSQL read models. The selection reader is an in-memory stub: in the app the reader folds the selection per firing (B1/B5 costs), which this does not include. Lateness: notification time minus fireAt; the bench waits at most ${fmt(graceMs / 1000)} s after the last due time.`,
        `Rebuild: every selection reconciled again after the firing, then a ${quick ? 0.3 : 1} s pause; a duplicate is a job id notified twice.`,
      ],
      data: {
        scheduleJejakRate: jejakRate,
        scheduleBareRate: bareRate,
        scheduledJobs: scheduledTotal,
        fireCount,
        fired: firedInTime,
        latenessMs: lateness,
        duplicates,
        rebuildMs,
      },
    };
  },
};
