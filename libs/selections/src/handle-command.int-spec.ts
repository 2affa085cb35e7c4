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

    describe('one writer per selection (batched appends)', () => {
      const formPansel = (nip: string): IncomingCommand => ({
        type: 'FormPansel',
        data: { members: [{ nip, name: `Anggota ${nip}` }] },
        actor: ppk,
      });
      const nipOf = (data: unknown) => (data as { members: { nip: string }[] }).members[0]!.nip;
      const codeOf = (outcome: PromiseSettledResult<unknown>) =>
        outcome.status === 'rejected' ? (outcome.reason as { code?: string }).code : 'accepted';

      it('accepts N concurrent commands on one selection with gap-free revisions, each its own result', async () => {
        const id = await opened();
        const handle = handlerFor();
        const nips = Array.from(
          { length: 24 },
          (_, i) => `1980000000000000${String(i).padStart(2, '0')}`,
        );
        const results = await Promise.all(nips.map((nip) => handle(id, formPansel(nip))));
        expect(results.map((r) => r.revision).sort((a, b) => a - b)).toEqual(
          nips.map((_, i) => i + 1),
        );
        const events = await store.readStream(streamIdOf(id));
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 25 }, (_, i) => i));
        for (const [i, result] of results.entries()) {
          expect(result.replayed).toBe(false);
          expect(result.events).toHaveLength(1);
          const [view] = result.events;
          expect(nipOf(view!.data)).toBe(nips[i]);
          const stored = events[view!.revision]!;
          expect(stored).toMatchObject({ id: view!.id, hash: view!.hash, type: 'PanselFormed' });
          expect(nipOf(stored.data)).toBe(nips[i]);
        }
        expect(await store.verifyStream(streamIdOf(id))).toMatchObject({
          ok: true,
          eventsChecked: 25,
        });
      });

      it('refuses only the command that breaks a rule, deciding each on the ones before it', async () => {
        const id = await opened();
        const handle = handlerFor();
        const outcomes = await Promise.allSettled([
          handle(id, formPansel('198000000000000001')),
          handle(id, addItem('A')),
          handle(id, addItem(' ')),
          handle(id, addItem('A')),
          handle(id, addItem('B')),
          handle(id, closeDraft(pansel)),
          handle(id, addItem('C')),
        ]);
        expect(outcomes.map(codeOf)).toEqual([
          'accepted',
          'accepted',
          'RULES_BROKEN',
          'RULES_BROKEN',
          'accepted',
          'FORBIDDEN_ROLE',
          'accepted',
        ]);
        const events = await store.readStream(streamIdOf(id));
        expect(events.map((e) => e.type)).toEqual([
          'SelectionOpened',
          'PanselFormed',
          'ItemAdded',
          'ItemAdded',
          'ItemAdded',
        ]);
        expect(events.slice(2).map((e) => (e.data as { name: string }).name)).toEqual([
          'A',
          'B',
          'C',
        ]);
        const last = outcomes[6] as PromiseFulfilledResult<{ revision: number; state: string }>;
        expect(last.value).toMatchObject({ revision: 4, state: 'drafting' });
      });

      it('appends a key once inside a batch: the same request gets the first result, another body is refused', async () => {
        const id = await opened();
        const handle = handlerFor();
        const outcomes = await Promise.allSettled([
          // Keeps the lane busy, so the keyed commands below are decided as one batch.
          handle(id, formPansel('198000000000000001')),
          ...Array.from({ length: 5 }, () =>
            handle(id, addItem('A'), { idempotencyKey: 'deadline' }),
          ),
          handle(id, addItem('B'), { idempotencyKey: 'deadline' }),
          handle(id, addItem('A', pansel), { idempotencyKey: 'deadline' }),
        ]);
        expect(outcomes.map(codeOf)).toEqual([
          ...Array.from({ length: 6 }, () => 'accepted'),
          'IDEMPOTENCY_KEY_REUSED',
          'IDEMPOTENCY_KEY_REUSED',
        ]);
        const keyed = outcomes
          .slice(1, 6)
          .map((o) => (o as PromiseFulfilledResult<{ replayed: boolean; revision: number }>).value);
        expect(keyed.filter((r) => !r.replayed)).toHaveLength(1);
        const { replayed: _replayed, ...first } = keyed.find((r) => !r.replayed)!;
        for (const result of keyed) expect(result).toMatchObject(first);
        expect(await revisionOf(id)).toBe(2);
        const events = await store.findByIdempotencyKey(streamIdOf(id), 'deadline');
        expect(events).toHaveLength(1);
      });

      it('gives the store refusal of one command in a batch to its caller alone; the others are appended', async () => {
        const id = await opened();
        const handle = handlerFor();
        const outcomes = await Promise.allSettled([
          handle(id, formPansel('198000000000000001')),
          handle(id, addItem('A')),
          // Over the store's 1 MiB per event: the batch's append fails as a whole.
          handle(id, addItem('x'.repeat(1_100_000))),
          handle(id, addItem('B')),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual([
          'fulfilled',
          'fulfilled',
          'rejected',
          'fulfilled',
        ]);
        expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({
          message: expect.stringContaining('1048576'),
        });
        const events = await store.readStream(streamIdOf(id));
        expect(events.slice(2).map((e) => (e.data as { name: string }).name)).toEqual(['A', 'B']);
        const b = outcomes[3] as PromiseFulfilledResult<{ revision: number }>;
        expect(b.value.revision).toBe(3);
      });

      it('decides again on the stream when another process moved it since the cached fold', async () => {
        const id = await opened();
        const mine = handlerFor();
        await mine(id, addItem('A'));
        await handlerFor()(id, addItem('B'));
        // If-Match names the stream's revision, newer than this handler's cached fold.
        await expect(mine(id, addItem('C'), { expectedRevision: 2 })).resolves.toMatchObject({
          revision: 3,
        });
        await expect(mine(id, addItem('D'), { expectedRevision: 2 })).rejects.toMatchObject({
          code: 'PRECONDITION_FAILED',
          details: { expectedRevision: 2, currentRevision: 3 },
        });
        expect(await revisionOf(id)).toBe(3);
      });

      it('two processes (separate caches) writing one selection: each command accepted once or CONCURRENT_MODIFICATION, nothing lost or doubled', async () => {
        const id = await opened();
        const processes = [handlerFor(), handlerFor()];
        const nips = Array.from(
          { length: 30 },
          (_, i) => `1990000000000000${String(i).padStart(2, '0')}`,
        );
        const outcomes = await Promise.allSettled(
          nips.map((nip, i) => processes[i % 2]!(id, formPansel(nip))),
        );
        for (const outcome of outcomes) {
          expect(['accepted', 'CONCURRENT_MODIFICATION']).toContain(codeOf(outcome));
        }
        const events = await store.readStream(streamIdOf(id));
        const recorded = events.slice(1).map((e) => nipOf(e.data));
        const accepted = nips.filter((_, i) => outcomes[i]!.status === 'fulfilled');
        expect([...recorded].sort()).toEqual([...accepted].sort());
        expect(new Set(recorded).size).toBe(recorded.length);
        for (const [i, outcome] of outcomes.entries()) {
          if (outcome.status !== 'fulfilled') continue;
          const [view] = outcome.value.events;
          expect(nipOf(events[view!.revision]!.data)).toBe(nips[i]);
          expect(events[view!.revision]!.hash).toBe(view!.hash);
        }
        expect(await store.verifyStream(streamIdOf(id))).toMatchObject({ ok: true });
      });
    });

    describe('Idempotency-Key per caller', () => {
      it('IDEMPOTENCY_KEY_REUSED when another actor sends the same key and body, also after a restart', async () => {
        const id = await opened();
        const first = await handlerFor()(id, addItem('A'), { idempotencyKey: 'mine' });
        await expect(
          handlerFor()(id, addItem('A', pansel), { idempotencyKey: 'mine' }),
        ).rejects.toMatchObject({
          code: 'IDEMPOTENCY_KEY_REUSED',
          details: { idempotencyKey: 'mine' },
        });
        await store.close();
        store = await fixture.open();
        const shared = handlerFor();
        await expect(
          shared(id, addItem('A', pansel), { idempotencyKey: 'mine' }),
        ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
        // The first caller still gets its own result, from the same (now warm) handler.
        expect(await shared(id, addItem('A'), { idempotencyKey: 'mine' })).toEqual({
          ...first,
          replayed: true,
        });
        expect(await revisionOf(id)).toBe(1);
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
