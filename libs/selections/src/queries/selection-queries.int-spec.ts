import { randomUUID } from 'node:crypto';
import type { OpenedEventStore } from '@jejak/event-store';
import type { Actor } from '@jejak/workflows';
import { handleCommand } from '../handle-command.js';
import type { ProcedureRegistry } from '../procedure-registry.js';
import { streamIdOf } from '../selection-stream.js';
import { storeFixtures } from '../testing/test-stores.js';
import { TOY_KIND, toyProcedure } from '../testing/toy-procedure.js';
import { selectionSummaryProjector } from '../views/selection-summary.projector.js';
import { selectionQueries } from './selection-queries.js';

const procedures: ProcedureRegistry = { [TOY_KIND]: toyProcedure };
const sekretariat: Actor = { sub: 'sekr', name: 'Staf BKD', role: 'SEKRETARIAT' };

for (const makeFixture of storeFixtures('sel_query')) {
  const fixture = makeFixture();

  describe(`selection queries on ${fixture.name}`, () => {
    let store: OpenedEventStore;
    let now = new Date('2024-05-15T01:00:00.000Z');
    const clock = () => now;
    const handle = () => handleCommand({ eventStore: store, procedures, clock });
    const queries = () =>
      selectionQueries({ eventStore: store, readModels: store.readModels, procedures, clock });
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

    beforeAll(async () => {
      store = await fixture.open();
    });
    afterAll(async () => {
      await store.close();
      await fixture.dispose();
    });

    describe('detail', () => {
      it('is read-your-writes: folds the stream when the projection is behind', async () => {
        const id = await open('JPTP');
        const projector = selectionSummaryProjector({
          eventStore: store,
          readModels: store.readModels,
          procedures,
        });
        for (const event of await store.readStream(streamIdOf(id))) await projector.apply(event);
        await add(id, 'Kepala Dinas');
        expect(await queries().detail(id, 'SEKRETARIAT')).toMatchObject({
          revision: 1,
          vacancies: [{ vacancyId: 'Kepala Dinas' }],
        });
      });

      it("lists the commands the caller's role may issue now", async () => {
        const id = await open('JPTP');
        expect((await queries().detail(id, 'SEKRETARIAT')).availableCommands).toEqual(['AddItem']);
        expect((await queries().detail(id, 'PPK')).availableCommands).toEqual([
          'CloseDraft',
          'FormPansel',
        ]);
        expect((await queries().detail(id, 'ASESOR')).availableCommands).toEqual([]);
      });

      it('splits deadlines into upcoming and overdue as of the clock', async () => {
        const id = await open('JPTP');
        expect(await queries().detail(id, 'PPK')).toMatchObject({
          upcomingDeadlines: [{ deadlineId: 'draft-end', dueAt: '2024-05-16T01:00:00.000Z' }],
          overdueDeadlines: [],
        });
        now = new Date('2024-05-17T00:00:00.000Z');
        try {
          expect(await queries().detail(id, 'PPK')).toMatchObject({
            upcomingDeadlines: [],
            overdueDeadlines: [{ deadlineId: 'draft-end' }],
          });
        } finally {
          now = new Date('2024-05-15T01:00:00.000Z');
        }
      });

      it('NOT_FOUND for an unknown selection', async () => {
        await expect(queries().detail(randomUUID(), 'PPK')).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      });
    });

    it('lists from the read model, filtered and paged', async () => {
      const projector = selectionSummaryProjector({
        eventStore: store,
        readModels: store.readModels,
        procedures,
      });
      for (const event of await store.readAll()) await projector.apply(event);
      const all = await queries().list({ kind: TOY_KIND });
      expect(all.total).toBeGreaterThanOrEqual(3);
      const page2 = await queries().list({
        kind: TOY_KIND,
        state: 'drafting',
        page: 2,
        pageSize: 1,
      });
      expect(page2).toMatchObject({ page: 2, pageSize: 1, total: all.total });
      expect(page2.items).toEqual([all.items[1]]);
      expect(await queries().list({ state: 'closed' })).toMatchObject({ items: [], total: 0 });
    });

    it('pages the stored events with metadata, UTC and WITA times and hashes', async () => {
      const id = await open('JPTP');
      await add(id, 'A');
      await add(id, 'B');
      const first = await queries().events(id, { limit: 2 });
      expect(first.nextFromRevision).toBe(2);
      expect(first.events.map((e) => e.revision)).toEqual([0, 1]);
      const [opened] = first.events;
      expect(opened).toMatchObject({
        type: 'SelectionOpened',
        actor: sekretariat,
        role: 'SEKRETARIAT',
        legalBasis: [],
        metadata: { kind: TOY_KIND, command: 'OpenSelection' },
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        prevHash: '0'.repeat(64),
      });
      const utc = new Date(opened!.recordedAt);
      expect(new Date(opened!.recordedAtWita).getTime()).toBe(utc.getTime());
      expect(opened!.recordedAtWita).toMatch(/\+08:00$/);
      const rest = await queries().events(id, { fromRevision: 2, limit: 2 });
      expect(rest).toMatchObject({
        nextFromRevision: null,
        events: [{ revision: 2, data: { name: 'B' } }],
      });
      await expect(queries().events(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('gives the state as of a revision or an instant (when the events occurred)', async () => {
      now = new Date('2024-05-15T01:00:00.000Z');
      const id = await open('JPTP');
      now = new Date('2024-05-15T02:00:00.000Z');
      await add(id, 'A');
      now = new Date('2024-05-15T03:00:00.000Z');
      await add(id, 'B');
      expect(await queries().stateAt(id, { revision: 1 })).toMatchObject({
        revision: 1,
        state: 'drafting',
        vacancies: [{ vacancyId: 'A' }],
        context: { items: ['A'] },
      });
      expect(await queries().stateAt(id, { at: '2024-05-15T02:30:00Z' })).toMatchObject({
        revision: 1,
      });
      // Without an offset: local WITA (UTC+8), as the audit reads it.
      expect(await queries().stateAt(id, { at: '2024-05-15T10:30' })).toMatchObject({
        revision: 1,
        asOf: { at: '2024-05-15T10:30' },
      });
      expect(await queries().stateAt(id, { at: '2024-05-15T11:00:00+08:00' })).toMatchObject({
        revision: 2,
      });
      expect(await queries().stateAt(id, { at: '2000-01-01T00:00:00Z' })).toMatchObject({
        revision: null,
        state: 'unopened',
      });
    });
  });
}
