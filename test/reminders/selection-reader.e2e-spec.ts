import type { ReadStreamOptions } from '@jejak/event-store';
import { selectionReaderFromStore, type SelectionReader } from '@jejak/reminders';
import { createHarness, type Harness } from './support/reminders-harness.js';
import { REGISTRATION_KIND, registrationProcedure } from './support/registration-procedure.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOW = '2024-05-20T01:00:00.000Z';
const clock = () => new Date(NOW);
const END = '2024-05-29T15:59:59.000Z';
const procedures = { [REGISTRATION_KIND]: registrationProcedure };

describe('the reminders read a selection incrementally (real embedded store)', () => {
  let h: Harness;
  /** Every readStream the reader under test made: stream and fromRevision (null: whole stream). */
  let reads: [string, number | null][];
  const readerOf = (cacheSize?: number): SelectionReader =>
    selectionReaderFromStore(
      {
        readStream: (streamId: string, options?: ReadStreamOptions) => {
          reads.push([streamId, options?.fromRevision ?? null]);
          return h.store.readStream(streamId, options);
        },
      },
      procedures,
      cacheSize,
    );

  /** The scheduler's reader (set by a test before it starts the runtime). */
  let schedulerReader: SelectionReader | undefined;

  beforeEach(async () => {
    schedulerReader = undefined;
    h = await createHarness({
      redisUrl: REDIS_URL,
      clock,
      runWorker: false,
      extra: { reader: { read: (selectionId) => schedulerReader!.read(selectionId) } },
    });
    reads = [];
  });
  afterEach(() => h.dispose());

  it('folds only the events after its cached fold, and agrees with a full fold', async () => {
    const id = await h.open({ registrationEndsAt: END });
    const reader = readerOf();
    const first = await reader.read(id);
    expect(first?.deadlines.map((d) => d.dueAt)).toEqual([END]);

    await h.command(id, 'ExtendRegistration', { registrationEndsAt: '2024-06-05T15:59:59.000Z' });
    await h.command(id, 'ExtendRegistration', { registrationEndsAt: '2024-06-12T15:59:59.000Z' });
    const later = await reader.read(id);
    const unchanged = await reader.read(id);

    expect(reads).toEqual([
      [`selection-${id}`, null],
      [`selection-${id}`, 1],
      [`selection-${id}`, 3],
    ]);
    // A reader with nothing cached (a restart) reads the whole stream and folds the same.
    const fresh = await readerOf().read(id);
    expect(reads.at(-1)).toEqual([`selection-${id}`, null]);
    expect(later).toEqual(fresh);
    expect(unchanged).toEqual(fresh);
    expect(fresh?.deadlines.map((d) => d.dueAt)).toEqual(['2024-06-12T15:59:59.000Z']);
  });

  it('keeps at most cacheSize selections, the least recently read dropped first', async () => {
    const [a, b, c] = [
      await h.open({ registrationEndsAt: END }),
      await h.open({ registrationEndsAt: END }),
      await h.open({ registrationEndsAt: END }),
    ];
    const reader = readerOf(2);
    for (const id of [a, b, a, c, a, b]) await reader.read(id);
    // a and b cached; a read again (kept), c pushes out b, a kept, b read whole again.
    expect(reads).toEqual([
      [`selection-${a}`, null],
      [`selection-${b}`, null],
      [`selection-${a}`, 1],
      [`selection-${c}`, null],
      [`selection-${a}`, 1],
      [`selection-${b}`, null],
    ]);
  });

  it('answers null for a selection with no stream, and caches nothing for it', async () => {
    const reader = readerOf();
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await reader.read(missing)).toBeNull();
    expect(await reader.read(missing)).toBeNull();
    expect(reads).toEqual([
      [`selection-${missing}`, null],
      [`selection-${missing}`, null],
    ]);
  });

  it('the scheduler reconciles a selection once per batch of its events, not once per event', async () => {
    const id = await h.open({ registrationEndsAt: END });
    for (const day of ['05', '06', '07', '08'])
      await h.command(id, 'ExtendRegistration', {
        registrationEndsAt: `2024-06-${day}T15:59:59.000Z`,
      });
    const other = await h.open({ registrationEndsAt: END });
    // Nothing reconciled yet: the scheduler starts behind all 6 events (one batch).
    const counted = new Map<string, number>();
    const inner = readerOf();
    schedulerReader = {
      read: (selectionId) => {
        counted.set(selectionId, (counted.get(selectionId) ?? 0) + 1);
        return inner.read(selectionId);
      },
    };
    await h.runtime.start();
    await h.caughtUp();
    // One read each for the start-up rebuild (a new prefix), one for the batch.
    expect(Object.fromEntries(counted)).toEqual({ [id]: 2, [other]: 2 });
    const jobs = await h.runtime.jobsOf(id);
    expect(jobs.map((j) => j.data.dueAt)).toEqual(jobs.map(() => '2024-06-08T15:59:59.000Z'));
    expect(jobs).toHaveLength(3);
  });
});
