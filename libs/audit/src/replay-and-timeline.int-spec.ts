import { openSqliteForTamper, type OpenedForTamper } from './testing/stores.js';
import { aSampleSelection, SAMPLE_LETTER, SAMPLE_TIMES } from './testing/sample-selection.js';
import { sampleProcedure, sampleProcedures } from './testing/sample-procedure.js';
import { replayAt } from './replay-at.js';
import { timeline } from './timeline.js';

let opened: OpenedForTamper;
let id: string;
beforeAll(async () => {
  opened = await openSqliteForTamper();
  id = await aSampleSelection(opened.store);
});
afterAll(() => opened.close());

const foldUpTo = async (revision: number) => {
  const events = await opened.store.readStream(`selection-${id}`, { maxCount: revision + 1 });
  return sampleProcedure.fold(events.map(({ type, data }) => ({ type, data }) as never));
};

describe('replayAt', () => {
  it('at an instant between two events equals the fold up to the earlier one', async () => {
    // 2024-05-22T15:00 WITA lies between revision 2 (22 May 09:00 WITA) and 3 (23 May 09:00 WITA)
    const replayed = await replayAt(opened.store, sampleProcedures, id, { at: '2024-05-22T15:00' });
    const folded = await foldUpTo(2);
    expect(replayed).toMatchObject({
      revision: 2,
      eventsApplied: 3,
      headRevision: 4,
      at: '2024-05-22T07:00:00.000Z',
      atWita: '2024-05-22T15:00:00+08:00',
      state: sampleProcedure.stateOf(folded),
      summary: sampleProcedure.summarize(folded),
      context: folded.context,
    });
  });

  it('reads a local WITA time as +08:00: 09:00 WITA on 23 May includes the event of that instant', async () => {
    expect(SAMPLE_TIMES[3]).toBe('2024-05-23T01:00:00.000Z');
    const atNine = await replayAt(opened.store, sampleProcedures, id, { at: '2024-05-23T09:00' });
    const beforeNine = await replayAt(opened.store, sampleProcedures, id, {
      at: '2024-05-23T08:59:59',
    });
    const sameInUtc = await replayAt(opened.store, sampleProcedures, id, {
      at: '2024-05-23T01:00:00Z',
    });
    expect([atNine.revision, beforeNine.revision, sameInUtc.revision]).toEqual([3, 2, 3]);
  });

  it('before the first event gives the initial state; by revision gives that prefix', async () => {
    const before = await replayAt(opened.store, sampleProcedures, id, { at: '2024-01-01' });
    expect(before).toMatchObject({ revision: null, eventsApplied: 0, state: 'unopened' });
    const byRevision = await replayAt(opened.store, sampleProcedures, id, { revision: 4 });
    expect(byRevision).toMatchObject({ revision: 4, state: 'closed' });
  });

  it('rejects a revision beyond the head and an unknown selection', async () => {
    await expect(
      replayAt(opened.store, sampleProcedures, id, { revision: 5 }),
    ).rejects.toMatchObject({
      code: 'INVALID_AUDIT_QUERY',
    });
    await expect(
      replayAt(opened.store, sampleProcedures, '00000000-0000-4000-8000-000000000000', {
        revision: 0,
      }),
    ).rejects.toMatchObject({ code: 'SELECTION_NOT_FOUND' });
    await expect(
      replayAt(opened.store, sampleProcedures, '../etc', { revision: 0 }),
    ).rejects.toMatchObject({
      code: 'SELECTION_NOT_FOUND',
    });
  });
});

describe('timeline', () => {
  it('shows WITA time, the actor, the command, citations, documents and states for each event', async () => {
    const result = await timeline(opened.store, sampleProcedures, id);
    expect(result).toMatchObject({
      kind: 'sample-procedure',
      title: 'Seleksi Contoh',
      state: 'closed',
    });
    expect(result.entries).toHaveLength(5);
    expect(result.entries[0]).toMatchObject({
      revision: 0,
      command: 'OpenSelection',
      occurredAtWita: '2024-05-20T09:00:00+08:00',
      actor: { name: 'Maria Goreti', nip: '198001012005012001', role: 'SEKRETARIAT' },
      stateBefore: 'unopened',
      stateAfter: 'open',
    });
    expect(result.entries[3]).toMatchObject({
      type: 'LetterRecorded',
      legalBasis: ['Contoh Peraturan 1/2024 Pasal 3'],
      documents: [SAMPLE_LETTER],
    });
    expect(result.entries[4]).toMatchObject({
      actor: { name: 'Gubernur NTT', role: 'PPK' },
      stateBefore: 'open',
      stateAfter: 'closed',
      summary: 'SelectionClosed: outcome=terisi',
    });
  });
});
