import { randomUUID } from 'node:crypto';
import type { Deadline } from '@jejak/workflows';
import { Worker } from 'bullmq';
import type { ReminderJobData } from '../core/reminder-job.js';
import { parseReminderOffsets } from '../core/reminder-offsets.js';
import { remindersFromDeadlines } from '../core/reminders-from-deadlines.js';
import { producerConnection, workerConnection } from './redis.js';
import { REMINDERS_QUEUE, ReminderQueue } from './reminder-queue.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `jejak-test-queue-${process.pid}`;
const offsets = parseReminderOffsets('3d,1d,overdue');
const NOW = '2024-05-20T00:00:00.000Z';

const registrationEnd = (dueAt: string): Deadline => ({
  deadlineId: 'registration-end',
  kind: 'legal',
  label: 'Batas akhir pendaftaran',
  dueAt,
  recipients: ['SEKRETARIAT'],
  action: 'CloseRegistration',
});
const planned: Deadline = {
  deadlineId: 'planned-interview',
  kind: 'planned',
  label: 'Wawancara',
  dueAt: '2024-06-25T15:59:59.000Z',
  recipients: ['PANSEL'],
};

describe('ReminderQueue against a real Redis', () => {
  const redis = producerConnection(REDIS_URL);
  let queue: ReminderQueue;

  beforeAll(async () => {
    await redis.connect();
    queue = new ReminderQueue(redis, PREFIX, { attempts: 3, backoffMs: 100 });
  });
  afterAll(async () => {
    await queue.queue.obliterate({ force: true });
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await queue.close();
    redis.disconnect();
  });

  const state = async (selectionId: string) =>
    (await queue.jobsOf(selectionId)).map((j) => [j.jobId, j.state, j.data.fireAt, j.delay]);

  it('adds one delayed job per deadline and offset, with its id and delay', async () => {
    const id = randomUUID();
    const expected = remindersFromDeadlines(
      id,
      [registrationEnd('2024-05-29T15:59:59.000Z'), planned],
      offsets,
      NOW,
    );
    const result = await queue.reconcile(id, expected);
    expect(result.added).toHaveLength(6);
    expect(await state(id)).toEqual(
      expected
        .map((j) => [j.jobId, 'delayed', j.data.fireAt, j.delay])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('adds nothing when reconciled twice (deterministic ids)', async () => {
    const id = randomUUID();
    const expected = remindersFromDeadlines(id, [planned], offsets, NOW);
    await queue.reconcile(id, expected);
    const again = await queue.reconcile(id, expected);
    expect(again).toEqual({
      added: [],
      moved: [],
      removed: [],
      kept: expected.map((j) => j.jobId),
    });
    expect(await queue.queue.getDelayedCount()).toBeGreaterThanOrEqual(3);
  });

  it('moves the registration-end jobs when registration is extended', async () => {
    const id = randomUUID();
    await queue.reconcile(
      id,
      remindersFromDeadlines(id, [registrationEnd('2024-05-29T15:59:59.000Z')], offsets, NOW),
    );
    const extended = remindersFromDeadlines(
      id,
      [registrationEnd('2024-06-05T15:59:59.000Z')],
      offsets,
      NOW,
    );
    const result = await queue.reconcile(id, extended);
    expect(result.moved.sort()).toEqual(extended.map((j) => j.jobId).sort());
    const jobs = await queue.jobsOf(id);
    expect(jobs.map((j) => [j.data.offset, j.state, j.data.fireAt, j.delay]).sort()).toEqual(
      extended.map((j) => [j.data.offset, 'delayed', j.data.fireAt, j.delay]).sort(),
    );
  });

  it('removes every job of a cancelled selection, and only those', async () => {
    const id = randomUUID();
    const other = randomUUID();
    await queue.reconcile(
      id,
      remindersFromDeadlines(
        id,
        [registrationEnd('2024-05-29T15:59:59.000Z'), planned],
        offsets,
        NOW,
      ),
    );
    await queue.reconcile(other, remindersFromDeadlines(other, [planned], offsets, NOW));
    const result = await queue.reconcile(id, []);
    expect(result.removed).toHaveLength(6);
    expect(await queue.jobsOf(id)).toEqual([]);
    expect(await queue.queue.getJob(`reminder-${id}-planned-interview-1d`)).toBeUndefined();
    expect(await queue.jobsOf(other)).toHaveLength(3);
  });

  it('schedules again a reminder that already fired once its deadline moves', async () => {
    const id = randomUUID();
    const first = remindersFromDeadlines(id, [planned], offsets, NOW);
    await queue.reconcile(id, first);
    const job = (await queue.queue.getJob(first[0]!.jobId))!;
    await job.remove();
    await queue.queue.add(job.name, job.data, { jobId: job.id! }); // stands in for a fired job
    const moved = remindersFromDeadlines(
      id,
      [{ ...planned, dueAt: '2024-07-02T15:59:59.000Z' }],
      offsets,
      NOW,
    );
    await queue.reconcile(id, moved);
    expect((await queue.jobsOf(id)).map((j) => [j.state, j.data.fireAt]).sort()).toEqual(
      moved.map((j) => ['delayed', j.data.fireAt]).sort(),
    );
  });

  it('adds a large selection in one go and keeps all of it when reconciled again', async () => {
    const id = randomUUID();
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...planned,
      deadlineId: `planned-${i}`,
      dueAt: new Date(Date.parse(planned.dueAt) + i * 60_000).toISOString(),
    }));
    const expected = remindersFromDeadlines(id, many, offsets, NOW);
    expect((await queue.reconcile(id, expected)).added).toEqual(expected.map((j) => j.jobId));
    expect(await queue.reconcile(id, expected)).toEqual({
      added: [],
      moved: [],
      removed: [],
      kept: expected.map((j) => j.jobId),
    });
    expect((await queue.jobsOf(id)).map((j) => j.state)).toEqual(expected.map(() => 'delayed'));
  });

  it('keeps a job that already fired: a rebuild of the same deadlines adds no duplicate', async () => {
    const id = randomUUID();
    // Deadline a day ahead: the missed "3d" reminder drops, the "1d" one is due now.
    const soon = { ...planned, dueAt: new Date(Date.now() + 86_400_000 - 60_000).toISOString() };
    const expected = remindersFromDeadlines(id, [soon], offsets, new Date());
    const due = expected.filter((j) => j.delay === 0).map((j) => j.jobId);
    expect(due).toEqual([`reminder-${id}-planned-interview-1d`]);
    await queue.reconcile(id, expected);
    const fired: string[] = [];
    const connection = workerConnection(REDIS_URL);
    const worker = new Worker<ReminderJobData>(
      REMINDERS_QUEUE,
      (job) => {
        if (job.data.selectionId === id) fired.push(job.id!);
        return Promise.resolve();
      },
      { connection, prefix: PREFIX },
    );
    const deadline = Date.now() + 10_000;
    while (fired.length < due.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await worker.close();
    connection.disconnect();
    expect(fired).toEqual(due);

    const again = await queue.reconcile(
      id,
      remindersFromDeadlines(id, [soon], offsets, new Date()),
    );
    expect(again.added).toEqual([]);
    expect(again.kept.sort()).toEqual(expected.map((j) => j.jobId).sort());
    expect((await queue.jobsOf(id)).find((j) => j.jobId === due[0])?.state).toBe('completed');
  });

  it('forgets an indexed job that vanished, and removes a waiting one no longer called for', async () => {
    const id = randomUUID();
    const first = remindersFromDeadlines(id, [planned], offsets, NOW);
    await queue.reconcile(id, first);
    const index = `${PREFIX}:reminders:selection-index:${id}`;
    await redis.sadd(index, `reminder-${id}-gone-3d`);
    const waiting = (await queue.queue.getJob(first[0]!.jobId))!;
    await waiting.remove();
    await queue.queue.add(waiting.name, waiting.data, { jobId: waiting.id! }); // due: waiting
    const result = await queue.reconcile(id, []);
    expect(result.removed.sort()).toEqual(first.map((j) => j.jobId).sort());
    expect(await redis.smembers(index)).toEqual([]);
    expect(await queue.jobsOf(id)).toEqual([]);
  });

  it('reconciles the same from a queue that never saw the selection (a restart, the CLI)', async () => {
    const id = randomUUID();
    const first = remindersFromDeadlines(
      id,
      [registrationEnd('2024-05-29T15:59:59.000Z'), planned],
      offsets,
      NOW,
    );
    await queue.reconcile(id, first);
    const extended = remindersFromDeadlines(
      id,
      [registrationEnd('2024-06-05T15:59:59.000Z'), planned],
      offsets,
      NOW,
    );
    const other = new ReminderQueue(redis, PREFIX, { attempts: 3, backoffMs: 100 });
    try {
      const result = await other.reconcile(id, extended);
      const isPlanned = (jobId: string) => jobId.includes('planned-interview');
      expect(result).toEqual({
        added: [],
        moved: extended.map((j) => j.jobId).filter((jobId) => !isPlanned(jobId)),
        removed: [],
        kept: extended.map((j) => j.jobId).filter(isPlanned),
      });
      expect(
        (await other.jobsOf(id)).map((j) => [j.jobId, j.state, j.data.fireAt, j.delay]),
      ).toEqual(
        extended
          .map((j) => [j.jobId, 'delayed', j.data.fireAt, j.delay])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
    } finally {
      await other.close();
    }
  });
});
