import { createHarness, type Harness } from './support/reminders-harness.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The scheduler's clock stands still: delays are exact. */
const NOW = '2024-05-20T01:00:00.000Z';
const clock = () => new Date(NOW);
const END = '2024-05-29T15:59:59.000Z'; // 29 May 2024, 23:59:59 WITA
const delayTo = (iso: string) => Date.parse(iso) - Date.parse(NOW);

describe('the scheduler keeps BullMQ delayed jobs in step with the events (real Redis)', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ redisUrl: REDIS_URL, clock, runWorker: false });
    await h.runtime.start();
  });
  afterEach(() => h.dispose());

  const jobsOf = async (selectionId: string) =>
    (await h.runtime.jobsOf(selectionId)).map((j) => [
      j.jobId.replace(selectionId, '<id>'),
      j.state,
      j.delay,
    ]);

  it('schedules reminders 3 and 1 day before the registration end, and SYSTEM closing it', async () => {
    const id = await h.open({ registrationEndsAt: END });
    await h.caughtUp();
    expect(await jobsOf(id)).toEqual([
      ['reminder-<id>-registration-end-1d', 'delayed', delayTo('2024-05-28T15:59:59.000Z')],
      ['reminder-<id>-registration-end-3d', 'delayed', delayTo('2024-05-26T15:59:59.000Z')],
      ['reminder-<id>-registration-end-due', 'delayed', delayTo(END)],
    ]);
    const [job] = await h.runtime.jobsOf(id);
    expect(job!.data).toEqual({
      selectionId: id,
      deadlineId: 'registration-end',
      offset: '1d',
      kind: 'reminder',
      dueAt: END,
      fireAt: '2024-05-28T15:59:59.000Z',
      correlationId: `req-${id.slice(0, 8)}`,
    });
    expect(h.runtime.status()).toMatchObject({
      state: 'active',
      status: 'up',
      redis: { policyOk: true },
    });
  });

  it('moves the registration-end jobs when registration is extended', async () => {
    const id = await h.open({
      registrationEndsAt: END,
      plannedInterviewAt: '2024-06-20T02:00:00.000Z',
    });
    await h.caughtUp();
    await h.command(id, 'ExtendRegistration', { registrationEndsAt: '2024-06-05T15:59:59.000Z' });
    await h.caughtUp();
    expect(await jobsOf(id)).toEqual([
      ['reminder-<id>-planned-interview-1d', 'delayed', delayTo('2024-06-19T02:00:00.000Z')],
      ['reminder-<id>-planned-interview-3d', 'delayed', delayTo('2024-06-17T02:00:00.000Z')],
      ['reminder-<id>-planned-interview-overdue', 'delayed', delayTo('2024-06-20T02:00:00.000Z')],
      ['reminder-<id>-registration-end-1d', 'delayed', delayTo('2024-06-04T15:59:59.000Z')],
      ['reminder-<id>-registration-end-3d', 'delayed', delayTo('2024-06-02T15:59:59.000Z')],
      ['reminder-<id>-registration-end-due', 'delayed', delayTo('2024-06-05T15:59:59.000Z')],
    ]);
  });

  it('removes every job of a cancelled selection', async () => {
    const id = await h.open({
      registrationEndsAt: END,
      plannedInterviewAt: '2024-06-20T02:00:00.000Z',
    });
    const other = await h.open({ registrationEndsAt: END });
    await h.caughtUp();
    expect(await h.runtime.jobsOf(id)).toHaveLength(6);
    await h.command(id, 'CancelSelection');
    await h.caughtUp();
    expect(await h.runtime.jobsOf(id)).toEqual([]);
    expect(await h.runtime.jobsOf(other)).toHaveLength(3);
  });

  it('adds nothing when the same events are handled again (at-least-once delivery)', async () => {
    const id = await h.open({ registrationEndsAt: END });
    await h.caughtUp();
    const before = await jobsOf(id);
    expect(await h.runtime.reconcile(id)).toMatchObject({ added: [], moved: [], removed: [] });
    expect(await jobsOf(id)).toEqual(before);
  });
});
