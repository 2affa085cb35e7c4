import type { ContractSubject, TamperHooks } from '../contract-subject.js';
import { aStreamId, notes, ofStreams } from './fixtures.js';

function tamperOf(subject: ContractSubject): TamperHooks {
  if (!subject.tamper) throw new Error('The adapter declared tampering but has no tamper hooks');
  return subject.tamper;
}

/** Tamper detection through the adapter's real storage (SQL run against the database). */
export function tamperContract(subject: () => ContractSubject): void {
  const store = () => subject().eventStore;

  async function aStreamOfFive(): Promise<string> {
    const streamId = aStreamId();
    await store().appendToStream(streamId, notes(3));
    await store().appendToStream(streamId, notes(2, 3));
    expect(await store().verifyStream(streamId)).toMatchObject({ ok: true, eventsChecked: 5 });
    return streamId;
  }

  it('reports data changed in place at its revision', async () => {
    const streamId = await aStreamOfFive();
    const before = await store().readStream(streamId);
    await tamperOf(subject()).alterData(streamId, 2);
    expect((await store().readStream(streamId))[2]!.data).not.toEqual(before[2]!.data);
    expect(await store().verifyStream(streamId)).toMatchObject({
      ok: false,
      streamId,
      brokenAt: 2,
      reason: 'altered',
      eventsChecked: 2,
      headHash: before[1]!.hash,
    });
  });

  it('reports a deleted middle event as missing at its revision', async () => {
    const streamId = await aStreamOfFive();
    await tamperOf(subject()).deleteEvent(streamId, 2);
    expect(await store().verifyStream(streamId)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'missing',
    });
  });

  it('reports two swapped events as reordered at the first of them', async () => {
    const streamId = await aStreamOfFive();
    await tamperOf(subject()).swapEvents(streamId, 1, 3);
    expect(await store().verifyStream(streamId)).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: 'reordered',
    });
  });

  it('reads a stream and verifies it in one read: the events of an intact chain, none of a broken one', async () => {
    const [tampered, intact] = [await aStreamOfFive(), await aStreamOfFive()];
    const expected = await store().readStream(intact);
    await expect(store().readVerifiedStream(intact)).resolves.toEqual({
      verification: await store().verifyStream(intact),
      events: expected,
    });
    await tamperOf(subject()).alterData(tampered, 2);
    const read = await store().readVerifiedStream(tampered);
    expect(read.verification).toEqual(await store().verifyStream(tampered));
    expect(read.verification).toMatchObject({ ok: false, brokenAt: 2, reason: 'altered' });
    expect(read.events).toEqual([]);
  });

  it('leaves other streams verifiable', async () => {
    const [tampered, intact] = [await aStreamOfFive(), await aStreamOfFive()];
    await tamperOf(subject()).deleteEvent(tampered, 3);
    expect(await store().verifyStream(tampered)).toMatchObject({ ok: false, brokenAt: 3 });
    expect(await store().verifyStream(intact)).toMatchObject({ ok: true, eventsChecked: 5 });
  });
}

/** Close the store, open it again on the same storage: everything is still there. */
export function durabilityContract(
  subject: () => ContractSubject,
  replace: (next: ContractSubject) => void,
): void {
  it('keeps every event, checkpoint and document across close and reopen', async () => {
    const current = subject();
    if (!current.reopen) throw new Error('The adapter declared durability but cannot reopen');
    const streamId = aStreamId();
    await current.eventStore.appendToStream(streamId, notes(3));
    await current.readModels?.put('views', 'one', { streamId });
    const mine = ofStreams([streamId]);
    const before = (await current.eventStore.readAll()).filter(mine);
    const reopened = await current.reopen();
    replace(reopened);
    expect((await reopened.eventStore.readAll()).filter(mine)).toEqual(before);
    expect(await reopened.eventStore.verifyStream(streamId)).toMatchObject({
      ok: true,
      eventsChecked: 3,
    });
    if (reopened.readModels)
      expect(await reopened.readModels.get('views', 'one')).toEqual({ streamId });
    await expect(
      reopened.eventStore.appendToStream(streamId, notes(1), { expectedRevision: 2 }),
    ).resolves.toMatchObject({ nextExpectedRevision: 3 });
  });
}
