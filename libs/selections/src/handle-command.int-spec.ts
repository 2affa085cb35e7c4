import { randomUUID } from 'node:crypto';
import type { EventStore, OpenedEventStore } from '@jejak/event-store';
import type { Actor } from '@jejak/workflows';
import {
  handleCommand,
  type HandleCommandOptions,
  type IncomingCommand,
} from './handle-command.js';
import type { ProcedureRegistry } from './procedure-registry.js';
import { streamIdOf } from './selection-stream.js';
import { storeFixtures, type StoreFixture } from './testing/test-stores.js';
import { TOY_KIND, toyProcedure } from './testing/toy-procedure.js';

const procedures: ProcedureRegistry = { [TOY_KIND]: toyProcedure };
const NOW = new Date('2024-05-15T01:00:00.000Z');
const clock = () => NOW;

const sekretariat: Actor = {
  sub: 'sekr-1',
  name: 'Staf BKD',
  nip: '198001012005011001',
  role: 'SEKRETARIAT',
};
const ppk: Actor = { sub: 'gubernur', name: 'Pj Gubernur', role: 'PPK' };
const pansel: Actor = {
  sub: 'pansel-1',
  name: 'Anggota Pansel',
  nip: '197001012000031002',
  role: 'PANSEL',
};
const auditor: Actor = { sub: 'bpk', name: 'Auditor BPK', role: 'AUDITOR' };

const open = (title = 'Seleksi terbuka JPTP 2024'): IncomingCommand => ({
  type: 'OpenSelection',
  data: { title },
  actor: sekretariat,
});
const addItem = (name: string, actor: Actor = sekretariat): IncomingCommand => ({
  type: 'AddItem',
  data: { name },
  actor,
});
const closeDraft = (actor: Actor = ppk): IncomingCommand => ({
  type: 'CloseDraft',
  data: {},
  actor,
});

for (const makeFixture of storeFixtures('sel_hc')) {
  const fixture: StoreFixture = makeFixture();

  describe(`handleCommand on ${fixture.name}`, () => {
    let store: OpenedEventStore;
    const handlerFor = (
      eventStore: EventStore = store,
      membershipCheck: 'off' | 'strict' = 'off',
    ) => handleCommand({ eventStore, procedures, clock, membershipCheck });
    const opened = async (options: HandleCommandOptions = {}) => {
      const id = randomUUID();
      await handlerFor()(
        id,
        { ...open(), data: { selectionId: id, title: 'JPTP' } },
        { kind: TOY_KIND, ...options },
      );
      return id;
    };
    const revisionOf = (id: string) => store.streamRevision(streamIdOf(id));

    beforeAll(async () => {
      store = await fixture.open();
    });
    afterAll(async () => {
      await store.close();
      await fixture.dispose();
    });

    describe('when a command is accepted', () => {
      it('appends its events once, with actor, role, legal basis and request metadata', async () => {
        const id = await opened();
        const result = await handlerFor()(id, addItem('Kepala Dinas Kesehatan'), {
          correlationId: 'req-1',
          causationId: 'cause-1',
          idempotencyKey: 'key-1',
        });
        expect(result).toMatchObject({
          selectionId: id,
          kind: TOY_KIND,
          revision: 1,
          state: 'drafting',
          replayed: false,
        });
        const [event] = await store.readStream(streamIdOf(id), { fromRevision: 1 });
        expect(event).toMatchObject({
          type: 'ItemAdded',
          data: { name: 'Kepala Dinas Kesehatan', occurredAt: NOW.toISOString() },
        });
        expect(event!.metadata).toMatchObject({
          kind: TOY_KIND,
          command: 'AddItem',
          role: 'SEKRETARIAT',
          correlationId: 'req-1',
          causationId: 'cause-1',
          idempotencyKey: 'key-1',
          recordedAt: NOW.toISOString(),
        });
        expect(JSON.parse(event!.metadata['actor']!)).toEqual(sekretariat);
        expect(JSON.parse(event!.metadata['legalBasis']!)).toEqual([
          'Toy Regulation 1/2024 Pasal 1',
          'Toy Regulation 1/2024 Pasal 2',
          'Toy Regulation 1/2024 Pasal 3',
        ]);
        expect(event!.metadata['bodyHash']).toMatch(/^[0-9a-f]{64}$/);
        expect(result.events).toEqual([
          expect.objectContaining({
            revision: 1,
            type: 'ItemAdded',
            hash: event!.hash,
            actor: sekretariat,
          }),
        ]);
      });
    });

    describe('when a command is refused, nothing is written', () => {
      it('NOT_FOUND for a selection that does not exist', async () => {
        const id = randomUUID();
        await expect(handlerFor()(id, addItem('x'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await revisionOf(id)).toBeNull();
      });

      it('NOT_FOUND when opening a selection of an unknown kind', async () => {
        const id = randomUUID();
        await expect(handlerFor()(id, open(), { kind: 'no-such-kind' })).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        expect(await revisionOf(id)).toBeNull();
      });

      it('FORBIDDEN_ROLE listing the roles that may, never AUDITOR', async () => {
        const id = await opened();
        await expect(handlerFor()(id, closeDraft(pansel))).rejects.toMatchObject({
          code: 'FORBIDDEN_ROLE',
          details: { role: 'PANSEL', allowedRoles: ['PPK'] },
        });
        // The toy's role table lists AUDITOR for CloseDraft: the application layer still refuses.
        await expect(handlerFor()(id, closeDraft(auditor))).rejects.toMatchObject({
          code: 'FORBIDDEN_ROLE',
          details: { role: 'AUDITOR', allowedRoles: ['PPK'] },
        });
        expect(await revisionOf(id)).toBe(0);
      });

      it('COMMAND_NOT_ALLOWED_IN_STATE with the state and the commands it accepts', async () => {
        const id = await opened();
        await expect(handlerFor()(id, open())).rejects.toMatchObject({
          code: 'COMMAND_NOT_ALLOWED_IN_STATE',
          details: { state: 'drafting', acceptedCommands: ['FormPansel', 'AddItem', 'CloseDraft'] },
        });
        await handlerFor()(id, closeDraft());
        await expect(handlerFor()(id, addItem('late'))).rejects.toMatchObject({
          code: 'COMMAND_NOT_ALLOWED_IN_STATE',
          details: { state: 'closed', acceptedCommands: [] },
        });
        expect(await revisionOf(id)).toBe(1);
      });

      it('RULES_BROKEN with every broken rule, its id and citation', async () => {
        const id = await opened();
        await expect(handlerFor()(id, addItem(' '))).rejects.toMatchObject({
          code: 'RULES_BROKEN',
          details: {
            violations: [
              {
                rule: 'T-NAME',
                citation: 'Toy Regulation 1/2024 Pasal 1',
                message: 'an item needs a name',
              },
            ],
          },
        });
        for (const name of ['A', 'B', 'C']) await handlerFor()(id, addItem(name));
        await expect(handlerFor()(id, addItem('A'))).rejects.toMatchObject({
          code: 'RULES_BROKEN',
          details: {
            violations: [
              {
                rule: 'T-UNIQUE',
                citation: 'Toy Regulation 1/2024 Pasal 2',
                message: 'A is already listed',
              },
              {
                rule: 'T-LIMIT',
                citation: 'Toy Regulation 1/2024 Pasal 3',
                message: 'at most 3 items',
              },
            ],
          },
        });
        expect(await revisionOf(id)).toBe(3);
      });
    });

    describe('Idempotency-Key', () => {
      it('returns the first result and appends nothing, also after the store is reopened', async () => {
        const id = await opened();
        const first = await handlerFor()(id, addItem('A'), { idempotencyKey: 'retry-me' });
        const again = await handlerFor()(id, addItem('A'), { idempotencyKey: 'retry-me' });
        expect(again).toEqual({ ...first, replayed: true });
        await store.close();
        store = await fixture.open();
        const afterRestart = await handlerFor()(id, addItem('A'), { idempotencyKey: 'retry-me' });
        expect(afterRestart).toEqual({ ...first, replayed: true });
        expect(await revisionOf(id)).toBe(1);
      });

      it('replays the first result even when the selection moved on since', async () => {
        const id = await opened();
        const first = await handlerFor()(id, addItem('A'), { idempotencyKey: 'k-a' });
        await handlerFor()(id, closeDraft());
        expect(await handlerFor()(id, addItem('A'), { idempotencyKey: 'k-a' })).toEqual({
          ...first,
          replayed: true,
        });
        expect(await revisionOf(id)).toBe(2);
      });

      it('IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
        const id = await opened();
        await handlerFor()(id, addItem('A'), { idempotencyKey: 'once' });
        await expect(
          handlerFor()(id, addItem('B'), { idempotencyKey: 'once' }),
        ).rejects.toMatchObject({
          code: 'IDEMPOTENCY_KEY_REUSED',
          details: { idempotencyKey: 'once' },
        });
        await expect(
          handlerFor()(id, closeDraft(), { idempotencyKey: 'once' }),
        ).rejects.toMatchObject({
          code: 'IDEMPOTENCY_KEY_REUSED',
        });
        expect(await revisionOf(id)).toBe(1);
      });

      it('opens a selection once for a repeated key, and refuses the key for another kind', async () => {
        const id = randomUUID();
        const command = { ...open(), data: { selectionId: id, title: 'JPTP' } };
        const first = await handlerFor()(id, command, { kind: TOY_KIND, idempotencyKey: 'open-1' });
        expect(
          await handlerFor()(id, command, { kind: TOY_KIND, idempotencyKey: 'open-1' }),
        ).toEqual({
          ...first,
          replayed: true,
        });
        await expect(
          handlerFor()(id, command, { kind: 'other-kind', idempotencyKey: 'open-1' }),
        ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
        expect(await revisionOf(id)).toBe(0);
      });

      it('20 parallel retries with one key append once and all answer the first result', async () => {
        const id = await opened();
        // One handler (one fold cache) for half of them, a handler each for the others.
        const shared = handlerFor();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 === 0 ? shared : handlerFor())(id, addItem('same'), { idempotencyKey: 'burst' }),
          ),
        );
        expect(results.filter((r) => !r.replayed)).toHaveLength(1);
        const { replayed: _replayed, ...first } = results.find((r) => !r.replayed)!;
        for (const result of results) expect(result).toMatchObject(first);
        expect(await revisionOf(id)).toBe(1);
      });
    });

    describe('the fold cache', () => {
      it('reads only what was appended since, also by another writer', async () => {
        const id = await opened();
        const mine = handlerFor();
        await mine(id, addItem('A'));
        await handlerFor()(id, addItem('B'));
        await expect(mine(id, addItem('B'))).rejects.toMatchObject({ code: 'RULES_BROKEN' });
        await mine(id, closeDraft());
        await expect(mine(id, addItem('C'))).rejects.toMatchObject({
          code: 'COMMAND_NOT_ALLOWED_IN_STATE',
          details: { state: 'closed' },
        });
        expect(await revisionOf(id)).toBe(3);
      });

      it('answers a retry that another request of the same process recorded meanwhile', async () => {
        const id = await opened();
        const shared = handlerFor();
        const first = await shared(id, addItem('A'), { idempotencyKey: 'k' });
        await shared(id, addItem('B'));
        expect(await shared(id, addItem('A'), { idempotencyKey: 'k' })).toEqual({
          ...first,
          replayed: true,
        });
        expect(await revisionOf(id)).toBe(2);
      });
    });

    describe('If-Match', () => {
      it('accepts the current revision and refuses a stale one with PRECONDITION_FAILED', async () => {
        const id = await opened();
        await handlerFor()(id, addItem('A'), { expectedRevision: 0 });
        await expect(handlerFor()(id, addItem('B'), { expectedRevision: 0 })).rejects.toMatchObject(
          {
            code: 'PRECONDITION_FAILED',
            details: { expectedRevision: 0, currentRevision: 1 },
          },
        );
        expect(await revisionOf(id)).toBe(1);
      });
    });

    describe('a lost race', () => {
      /** The store, with `competitor` appending just before our append (on the first `times` appends). */
      const racing = (competitor: () => Promise<unknown>, times = 1): EventStore => {
        let left = times;
        return new Proxy(store, {
          get(target, property, receiver) {
            if (property !== 'appendToStream') {
              const value: unknown = Reflect.get(target, property, receiver);
              return typeof value === 'function'
                ? (value as (...a: unknown[]) => unknown).bind(target)
                : value;
            }
            return async (...args: Parameters<EventStore['appendToStream']>) => {
              if (left-- > 0) await competitor();
              return target.appendToStream(...args);
            };
          },
        });
      };

      it('is decided again on the fresh stream and accepted when still valid', async () => {
        const id = await opened();
        const store2 = racing(() => handlerFor()(id, addItem('theirs')));
        const result = await handlerFor(store2)(id, addItem('ours'));
        expect(result).toMatchObject({ revision: 2, state: 'drafting' });
        const events = await store.readStream(streamIdOf(id));
        expect(events.map((e) => e.data)).toMatchObject([{}, { name: 'theirs' }, { name: 'ours' }]);
      });

      it('is decided again and refused when the fresh state no longer accepts it', async () => {
        const id = await opened();
        const store2 = racing(() => handlerFor()(id, closeDraft()));
        await expect(handlerFor(store2)(id, addItem('ours'))).rejects.toMatchObject({
          code: 'COMMAND_NOT_ALLOWED_IN_STATE',
          details: { state: 'closed' },
        });
        expect(await revisionOf(id)).toBe(1);
      });

      it('ends in CONCURRENT_MODIFICATION when lost twice', async () => {
        const id = await opened();
        let n = 0;
        const store2 = racing(() => handlerFor()(id, addItem(`theirs-${n++}`)), 2);
        await expect(handlerFor(store2)(id, addItem('ours'))).rejects.toMatchObject({
          code: 'CONCURRENT_MODIFICATION',
          details: { currentRevision: 2 },
        });
        expect(await revisionOf(id)).toBe(2);
      });

      it('is PRECONDITION_FAILED, not decided again, when If-Match pinned the revision', async () => {
        const id = await opened();
        const store2 = racing(() => handlerFor()(id, addItem('theirs')));
        await expect(
          handlerFor(store2)(id, addItem('ours'), { expectedRevision: 0 }),
        ).rejects.toMatchObject({
          code: 'PRECONDITION_FAILED',
          details: { expectedRevision: 0, currentRevision: 1 },
        });
        expect(await revisionOf(id)).toBe(1);
      });
    });

    it('20 parallel identical commands with different keys: one accepted per valid transition', async () => {
      const id = await opened();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          handlerFor()(id, closeDraft(), { idempotencyKey: `close-${i}` }),
        ),
      );
      const accepted = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.flatMap((o) =>
        o.status === 'rejected' ? [o.reason as { code: string }] : [],
      );
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const error of refused) {
        expect(['COMMAND_NOT_ALLOWED_IN_STATE', 'CONCURRENT_MODIFICATION']).toContain(error.code);
      }
      const events = await store.readStream(streamIdOf(id));
      expect(events.map((e) => e.type)).toEqual(['SelectionOpened', 'DraftClosed']);
      expect(await store.verifyStream(streamIdOf(id))).toMatchObject({
        ok: true,
        eventsChecked: 2,
      });
    });

    describe('MEMBERSHIP_CHECK=strict', () => {
      it('lets a PANSEL actor act only once recorded as a committee member', async () => {
        const id = await opened();
        await expect(handlerFor(store, 'strict')(id, addItem('A', pansel))).rejects.toMatchObject({
          code: 'FORBIDDEN_ROLE',
          details: {
            role: 'PANSEL',
            reason: expect.stringContaining('not a recorded PANSEL member'),
          },
        });
        await handlerFor(store, 'strict')(id, {
          type: 'FormPansel',
          data: { members: [{ nip: pansel.nip, name: pansel.name }] },
          actor: ppk,
        });
        await expect(handlerFor(store, 'strict')(id, addItem('A', pansel))).resolves.toMatchObject({
          revision: 2,
        });
        // SEKRETARIAT has no committee: strict mode does not concern it.
        await expect(handlerFor(store, 'strict')(id, addItem('B'))).resolves.toMatchObject({
          revision: 3,
        });
      });
    });
  });
}
