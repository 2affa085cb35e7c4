import { StreamRevisionConflictError } from '../../event-store.errors.js';
import type { EventStore, ExpectedRevision } from '../../event-store.port.js';
import { NO_STREAM } from '../../event-store.port.js';
import type { ContractSubject } from '../contract-subject.js';
import { aStreamId, notes, ofStreams } from './fixtures.js';

/** Appends one event, taking the revision from each conflict until it wins; counts conflicts. */
async function appendWithRetry(
  store: EventStore,
  streamId: string,
  writer: number,
  n: number,
): Promise<number> {
  let expected: ExpectedRevision = (await store.streamRevision(streamId)) ?? NO_STREAM;
  for (let conflicts = 0; ; conflicts += 1) {
    try {
      await store.appendToStream(streamId, [{ type: 'NoteTaken', data: { writer, n } }], {
        expectedRevision: expected,
      });
      return conflicts;
    } catch (error) {
      if (!(error instanceof StreamRevisionConflictError)) throw error;
      expected = error.actual ?? NO_STREAM;
    }
  }
}

export function concurrencyContract(subject: () => ContractSubject): void {
  const store = () => subject().eventStore;

  describe('concurrency', () => {
    it('50 concurrent appends at the same expected revision: exactly 1 wins, 49 conflict', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(1));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          store().appendToStream(streamId, notes(1, i), { expectedRevision: 0 }),
        ),
      );
      const rejected = outcomes.filter((o) => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(rejected).toHaveLength(49);
      for (const outcome of rejected) {
        expect(outcome.reason).toBeInstanceOf(StreamRevisionConflictError);
        expect(outcome.reason).toMatchObject({ expected: 0, actual: 1 });
      }
      expect(await store().streamRevision(streamId)).toBe(1);
      expect((await store().verifyStream(streamId)).ok).toBe(true);
    });

    // Four writers race on each of five streams: every append can lose and must retry, while
    // positions interleave across streams. (All 20 on one stream would cost O(writers) failed
    // attempts per success: a test of patience, not of the store.)
    it('20 writers x 100 appends with retry: 2,000 events, gapless, one consistent order', async () => {
      const streams = Array.from({ length: 5 }, () => aStreamId());
      let conflicts = 0;
      await Promise.all(
        Array.from({ length: 20 }, async (_, writer) => {
          for (let n = 0; n < 100; n += 1) {
            conflicts += await appendWithRetry(store(), streams[writer % 5]!, writer, n);
          }
        }),
      );
      expect(conflicts).toBeGreaterThan(0);
      const all = (await store().readAll()).filter(ofStreams(streams));
      expect(all).toHaveLength(2000);
      const positions = all.map((e) => e.globalPosition);
      expect(new Set(positions).size).toBe(2000);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for (const streamId of streams) {
        const events = await store().readStream(streamId);
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 400 }, (_, i) => i));
        expect(all.filter((e) => e.streamId === streamId)).toEqual(events);
        expect(await store().verifyStream(streamId)).toMatchObject({
          ok: true,
          eventsChecked: 400,
        });
      }
      for (let writer = 0; writer < 20; writer += 1) {
        const mine = all.filter((e) => (e.data as { writer: number }).writer === writer);
        expect(mine.map((e) => (e.data as { n: number }).n)).toEqual(
          Array.from({ length: 100 }, (_, i) => i),
        );
      }
    }, 120_000);
  });
}
