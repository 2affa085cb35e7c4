import { randomUUID } from 'node:crypto';
import { waitFor, type OpenedEventStore, type Subscription } from '@jejak/event-store';
import type { Actor } from '@jejak/workflows';
import { handleCommand } from '../handle-command.js';
import type { ProcedureRegistry } from '../procedure-registry.js';
import { streamIdOf } from '../selection-stream.js';
import { storeFixtures } from '../testing/test-stores.js';
import { TOY_KIND, toyProcedure } from '../testing/toy-procedure.js';
import { SELECTION_SUMMARIES, type SelectionSummaryView } from './selection-summary.projection.js';
import { rebuildProjections, selectionSummaryProjector } from './selection-summary.projector.js';

const procedures: ProcedureRegistry = { [TOY_KIND]: toyProcedure };
const clock = () => new Date('2024-05-15T01:00:00.000Z');
const sekretariat: Actor = { sub: 'sekr', name: 'Staf BKD', role: 'SEKRETARIAT' };
const ppk: Actor = { sub: 'gubernur', name: 'Gubernur', role: 'PPK' };

for (const makeFixture of storeFixtures('sel_proj')) {
  const fixture = makeFixture();

  describe(`selection summary projection on ${fixture.name}`, () => {
    let store: OpenedEventStore;
    const handle = () => handleCommand({ eventStore: store, procedures, clock });
    const open = async (title: string) => {
      const id = randomUUID();
      await handle()(
        id,
        { type: 'OpenSelection', data: { selectionId: id, title }, actor: sekretariat },
        { kind: TOY_KIND },
      );
      return id;
    };
    const add = (id: string, name: string) =>
      handle()(id, { type: 'AddItem', data: { name }, actor: sekretariat });
    const close = (id: string) => handle()(id, { type: 'CloseDraft', data: {}, actor: ppk });
    const allSummaries = async () =>
      (await store.readModels.list<SelectionSummaryView>(SELECTION_SUMMARIES)).items;
    const summaryOf = (id: string) =>
      store.readModels.get<SelectionSummaryView>(SELECTION_SUMMARIES, id);

    beforeAll(async () => {
      store = await fixture.open();
    });
    afterAll(async () => {
      await store.close();
      await fixture.dispose();
    });

    it('follows the store through its checkpointed subscription', async () => {
      const first = await open('JPTP 2024');
      await add(first, 'Kepala Dinas Kesehatan');
      await add(first, 'Kepala Biro Hukum');
      const second = await open('Pengisian Administrator');
      await close(second);
      const subscription: Subscription = selectionSummaryProjector({
        eventStore: store,
        readModels: store.readModels,
        procedures,
      }).subscribe();
      try {
        await waitFor(
          async () => (await summaryOf(second))?.revision === 1,
          'the summaries to catch up',
        );
        expect(await summaryOf(first)).toMatchObject({
          id: first,
          kind: TOY_KIND,
          title: 'JPTP 2024',
          state: 'drafting',
          revision: 2,
          vacancies: [
            { vacancyId: 'Kepala Dinas Kesehatan', status: 'open' },
            { vacancyId: 'Kepala Biro Hukum', status: 'open' },
          ],
          acceptedCommands: ['AddItem', 'CloseDraft', 'FormPansel'],
          deadlines: [expect.objectContaining({ deadlineId: 'draft-end' })],
        });
        expect(await summaryOf(second)).toMatchObject({
          state: 'closed',
          revision: 1,
          acceptedCommands: [],
          deadlines: [],
        });
        const drafting = await store.readModels.list<SelectionSummaryView>(SELECTION_SUMMARIES, {
          where: { kind: TOY_KIND, state: 'drafting' },
        });
        expect(drafting.items.map((s) => s.id)).toContain(first);
        expect(drafting.items.map((s) => s.id)).not.toContain(second);
        // Later events arrive live and resume from the cached fold.
        await close(first);
        await waitFor(async () => (await summaryOf(first))?.state === 'closed', 'the live event');
        expect(await summaryOf(first)).toMatchObject({ revision: 3, title: 'JPTP 2024' });
      } finally {
        await subscription.stop();
      }
    });

    it('is idempotent on redelivery: an event at or below the stored revision changes nothing', async () => {
      const id = await open('Redelivery');
      await add(id, 'A');
      await add(id, 'B');
      const projector = selectionSummaryProjector({
        eventStore: store,
        readModels: store.readModels,
        procedures,
      });
      const events = await store.readStream(streamIdOf(id));
      for (const event of events) await projector.apply(event);
      const once = await summaryOf(id);
      for (const event of [...events, ...events.reverse()]) await projector.apply(event);
      expect(await summaryOf(id)).toEqual(once);
      expect(once).toMatchObject({
        revision: 2,
        vacancies: [{ vacancyId: 'A' }, { vacancyId: 'B' }],
      });
    });

    it('folds the stream when it has no cached fold (after a restart, or a gap)', async () => {
      const id = await open('Restart');
      await add(id, 'A');
      await add(id, 'B');
      const events = await store.readStream(streamIdOf(id));
      const before = selectionSummaryProjector({
        eventStore: store,
        readModels: store.readModels,
        procedures,
      });
      await before.apply(events[0]!);
      const afterRestart = selectionSummaryProjector({
        eventStore: store,
        readModels: store.readModels,
        procedures,
      });
      await afterRestart.apply(events[2]!);
      expect(await summaryOf(id)).toMatchObject({
        revision: 2,
        vacancies: [{ vacancyId: 'A' }, { vacancyId: 'B' }],
      });
    });

    it('rebuilds from zero to the identical documents', async () => {
      const projector = selectionSummaryProjector({
        eventStore: store,
        readModels: store.readModels,
        procedures,
      });
      for (const event of await store.readAll()) await projector.apply(event);
      const incremental = await allSummaries();
      expect(incremental.length).toBeGreaterThanOrEqual(4);
      await store.readModels.put(SELECTION_SUMMARIES, incremental[0]!.id, {
        ...incremental[0]!,
        title: 'tampered',
      });
      const rebuilt = await rebuildProjections(store, procedures);
      expect(rebuilt.events).toBe((await store.readAll()).length);
      expect(await allSummaries()).toEqual(incremental);
    });
  });
}
