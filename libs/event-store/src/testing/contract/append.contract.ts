import {
  AppendLimitError,
  InvalidArgumentError,
  InvalidEventError,
  InvalidStreamIdError,
  StreamRevisionConflictError,
} from '../../event-store.errors.js';
import { ANY, NO_STREAM } from '../../event-store.port.js';
import { GENESIS_HASH } from '../../hash-chain.js';
import type { ContractSubject } from '../contract-subject.js';
import { aStreamId, notes } from './fixtures.js';

export function appendContract(subject: () => ContractSubject): void {
  const store = () => subject().eventStore;

  describe('append and read', () => {
    it('reads back exactly what was appended, hash-chained from genesis', async () => {
      const streamId = aStreamId();
      const id = '0b5b9c1e-9f6a-4d2e-8a51-1c2d3e4f5a6b';
      const result = await store().appendToStream(
        streamId,
        [
          { id, type: 'SelectionOpened', data: { title: 'JPT', at: 1.5 }, metadata: { a: 'b' } },
          ...notes(2),
        ],
        { expectedRevision: NO_STREAM },
      );
      const events = await store().readStream(streamId);
      expect(result.nextExpectedRevision).toBe(2);
      expect(result.position).toBe(events[2]!.globalPosition);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(events[0]).toMatchObject({
        id,
        streamId,
        type: 'SelectionOpened',
        data: { title: 'JPT', at: 1.5 },
        metadata: { a: 'b' },
        prevHash: GENESIS_HASH,
      });
      expect(events[1]!.prevHash).toBe(events[0]!.hash);
      expect(events[2]!.data).toEqual(notes(2)[1]!.data);
      expect(new Date(events[0]!.recordedAt).toISOString()).toBe(events[0]!.recordedAt);
      expect(await store().streamRevision(streamId)).toBe(2);
    });

    it('returns the appended events as a read returns them', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(1));
      const result = await store().appendToStream(
        streamId,
        [{ type: 'NoteTaken', data: { z: 1, a: [2, { y: 'é', b: null }] } }, ...notes(2, 1)],
        { expectedRevision: 0 },
      );
      const read = await store().readStream(streamId, { fromRevision: 1 });
      expect(result.events).toEqual(read);
      expect(JSON.stringify(result.events![0]!.data)).toBe(JSON.stringify(read[0]!.data));
      expect(result.events!.at(-1)!.globalPosition).toBe(result.position);
    });

    it('reads a range forwards and backwards', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(5));
      const forwards = await store().readStream(streamId, { fromRevision: 1, maxCount: 2 });
      const backwards = await store().readStream(streamId, { direction: 'backwards', maxCount: 2 });
      const fromTwoBack = await store().readStream(streamId, {
        direction: 'backwards',
        fromRevision: 2,
      });
      expect(forwards.map((e) => e.revision)).toEqual([1, 2]);
      expect(backwards.map((e) => e.revision)).toEqual([4, 3]);
      expect(fromTwoBack.map((e) => e.revision)).toEqual([2, 1, 0]);
    });

    it('answers an unknown stream with no events and no revision', async () => {
      const streamId = aStreamId();
      expect(await store().readStream(streamId)).toEqual([]);
      expect(await store().streamRevision(streamId)).toBeNull();
    });
  });

  describe('expected revision', () => {
    it('NO_STREAM creates a stream once and conflicts afterwards', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(1), { expectedRevision: NO_STREAM });
      const error = await store()
        .appendToStream(streamId, notes(1), { expectedRevision: NO_STREAM })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamRevisionConflictError);
      expect(error).toMatchObject({
        code: 'STREAM_REVISION_CONFLICT',
        streamId,
        expected: NO_STREAM,
        actual: 0,
      });
    });

    it('a revision number must equal the current revision', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(2));
      await expect(
        store().appendToStream(streamId, notes(1), { expectedRevision: 1 }),
      ).resolves.toMatchObject({ nextExpectedRevision: 2 });
      for (const stale of [0, 1, 3]) {
        await expect(
          store().appendToStream(streamId, notes(1), { expectedRevision: stale }),
        ).rejects.toMatchObject({ expected: stale, actual: 2 });
      }
    });

    it('a revision number on a missing stream conflicts with actual null', async () => {
      await expect(
        store().appendToStream(aStreamId(), notes(1), { expectedRevision: 0 }),
      ).rejects.toMatchObject({ code: 'STREAM_REVISION_CONFLICT', expected: 0, actual: null });
    });

    it('ANY (and the default) appends whatever the revision', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(1), { expectedRevision: ANY });
      await store().appendToStream(streamId, notes(1));
      await expect(
        store().appendToStream(streamId, notes(1), { expectedRevision: ANY }),
      ).resolves.toMatchObject({
        nextExpectedRevision: 2,
      });
    });

    it('rejects a malformed expected revision', async () => {
      await expect(
        store().appendToStream(aStreamId(), notes(1), { expectedRevision: -1 }),
      ).rejects.toBeInstanceOf(InvalidArgumentError);
    });
  });

  describe('atomicity and limits', () => {
    it('a batch with one invalid event leaves nothing', async () => {
      const streamId = aStreamId();
      const batch = [...notes(3), { type: 'not-pascal', data: {} }, ...notes(2)];
      await expect(store().appendToStream(streamId, batch)).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      expect(await store().readStream(streamId)).toEqual([]);
    });

    it('a conflicting batch leaves nothing', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(1));
      await expect(
        store().appendToStream(streamId, notes(5), { expectedRevision: NO_STREAM }),
      ).rejects.toBeInstanceOf(StreamRevisionConflictError);
      expect(await store().streamRevision(streamId)).toBe(0);
    });

    it('rejects a bad stream id, a bad type, non-JSON data and oversized events', async () => {
      const streamId = aStreamId();
      await expect(store().appendToStream('orders-1', notes(1))).rejects.toBeInstanceOf(
        InvalidStreamIdError,
      );
      await expect(store().readStream('$all')).rejects.toBeInstanceOf(InvalidStreamIdError);
      await expect(
        store().appendToStream(streamId, [{ type: 'Bad.Type', data: {} }]),
      ).rejects.toThrow(/PascalCase/);
      await expect(
        store().appendToStream(streamId, [{ type: 'At', data: { at: new Date(0) } }]),
      ).rejects.toThrow(/not JSON/);
      const big = { type: 'Big', data: { s: 'x'.repeat(1_048_577) } };
      await expect(store().appendToStream(streamId, [big])).rejects.toMatchObject({
        code: 'INVALID_EVENT',
      });
      expect(await store().streamRevision(streamId)).toBeNull();
    });

    it('accepts 1,000 events in one append and refuses 1,001', async () => {
      const streamId = aStreamId();
      await expect(store().appendToStream(streamId, notes(1001))).rejects.toBeInstanceOf(
        AppendLimitError,
      );
      await expect(store().appendToStream(streamId, notes(1000))).resolves.toMatchObject({
        nextExpectedRevision: 999,
      });
      expect((await store().verifyStream(streamId)).ok).toBe(true);
    });
  });
}
