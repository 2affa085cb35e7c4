import { waitFor } from '@jejak/event-store';
import { SelectionProjections } from '@jejak/selections';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp, storeVariants, testClock } from './support/selections-app.js';
import { expectStatus, JPTP, selectionHttp } from './support/selection-http.js';

const vacancy = (n: number, extra: Record<string, string> = {}) => ({
  vacancyId: `v${n}`,
  title: `Kepala Dinas Uji ${n}`,
  unit: `Dinas Uji ${n}`,
  eselon: 'II.b',
  status: 'LOWONG',
  ...extra,
});

for (const variant of storeVariants('sel_e2e_views')) {
  describe(`selections: read models and time travel (${variant.name})`, () => {
    let t: TestApp;
    let h: ReturnType<typeof selectionHttp>;
    const clock = testClock('2024-04-01T09:00:00+08:00');
    const listed = async (query: string) =>
      expectStatus(await h.get(`/selections?${query}`, { role: 'AUDITOR' }), 200).body as {
        items: { id: string; revision: number; state: string; title: string }[];
        total: number;
      };

    beforeAll(async () => {
      t = await startSelectionsApp({ ...variant.options, clock });
      h = selectionHttp(t);
    });
    afterAll(async () => {
      await t.close();
      await variant.dispose();
    });

    it('lists from the projection, filtered by kind and state and paged; rebuilt identical', async () => {
      const ids: string[] = [];
      for (const title of ['Seleksi A', 'Seleksi B', 'Seleksi C']) {
        ids.push(expectStatus(await h.open({ kind: JPTP, title }), 201).body.id as string);
      }
      expectStatus(
        await h.command(ids[2]!, 'CancelSelection', { role: 'PPK', body: { reason: 'Batal' } }),
        200,
      );
      await waitFor(
        async () =>
          (await listed(`kind=${JPTP}`)).total === 3 &&
          (await listed('state=cancelled')).total === 1,
        'the projection to catch up',
      );
      const planning = await listed(`kind=${JPTP}&state=planning`);
      expect(planning.items.map((s) => s.id).sort()).toEqual([ids[0], ids[1]].sort());
      const page = await listed(`kind=${JPTP}&page=2&pageSize=2`);
      expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.items).toHaveLength(1);
      expect((await listed('state=cancelled')).items[0]).toMatchObject({
        id: ids[2],
        title: 'Seleksi C',
        revision: 1,
      });
      expectStatus(await h.get('/selections?pageSize=1000'), 400);

      const before = await listed('pageSize=100');
      await t.app.get(SelectionProjections).rebuild();
      expect(await listed('pageSize=100')).toEqual(before);
    });

    it('shows the detail consistent with the stream at once (read-your-writes), with ETag', async () => {
      const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi D' }), 201).body
        .id as string;
      expectStatus(await h.command(id, 'RegisterVacancy', { body: vacancy(1) }), 200);
      expectStatus(
        await h.command(id, 'RegisterVacancy', {
          body: vacancy(2, { status: 'AKAN_LOWONG', tmt: '2024-08-01' }),
        }),
        200,
      );
      const detail = expectStatus(await h.get(`/selections/${id}`), 200);
      expect(detail.headers.etag).toBe('W/"2"');
      expect(detail.body).toMatchObject({
        id,
        kind: JPTP,
        title: 'Seleksi D',
        state: 'planning',
        revision: 2,
        vacancies: [
          expect.objectContaining({ vacancyId: 'v1' }),
          expect.objectContaining({ vacancyId: 'v2' }),
        ],
        stages: { planning: { actual: '2024-04-01' } },
      });
      expect(detail.body.availableCommands).toEqual(
        expect.arrayContaining(['RegisterVacancy', 'CompleteStage']),
      );
      expect(detail.body.upcomingDeadlines).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'legal', vacancyId: 'v2' })]),
      );
      // Same revision (the summary comes from the cache), later clock: the deadline is overdue.
      clock.set('2030-01-01T09:00:00+08:00');
      const later = expectStatus(await h.get(`/selections/${id}`), 200).body as {
        upcomingDeadlines: unknown[];
        overdueDeadlines: unknown[];
      };
      expect(later.upcomingDeadlines).toEqual([]);
      expect(later.overdueDeadlines).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'legal', vacancyId: 'v2' })]),
      );
      clock.set('2024-04-01T09:00:00+08:00');
      expect(
        (expectStatus(await h.get(`/selections/${id}`), 200).body as typeof later)
          .upcomingDeadlines,
      ).toEqual(detail.body.upcomingDeadlines);
    });

    it('answers If-None-Match with 304 while the revision holds; a read after a command shows it', async () => {
      const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi F' }), 201).body
        .id as string;
      const first = expectStatus(await h.get(`/selections/${id}`), 200);
      expect(first.headers.etag).toBe('W/"0"');
      expect(first.headers['cache-control']).toBe('no-store');
      for (const tag of ['W/"0"', '"0"', 'W/"7", W/"0"', '*']) {
        const notModified = expectStatus(
          await h.get(`/selections/${id}`, { headers: { 'If-None-Match': tag } }),
          304,
        );
        expect(notModified.headers.etag).toBe('W/"0"');
        expect(notModified.text ?? '').toBe('');
      }
      // Read again and again (cached), then a command: the next read has it, at once.
      for (let round = 1; round <= 3; round++) {
        expectStatus(await h.get(`/selections/${id}`), 200);
        expectStatus(await h.command(id, 'RegisterVacancy', { body: vacancy(round) }), 200);
        const after = expectStatus(
          await h.get(`/selections/${id}`, { headers: { 'If-None-Match': `W/"${round - 1}"` } }),
          200,
        );
        expect(after.headers.etag).toBe(`W/"${round}"`);
        expect(after.body).toMatchObject({ revision: round });
        expect(after.body.vacancies).toHaveLength(round);
      }
      // The cached summary still answers per role.
      const ppk = expectStatus(await h.get(`/selections/${id}`, { role: 'PPK' }), 200).body as {
        availableCommands: string[];
      };
      expect(ppk.availableCommands).not.toContain('RegisterVacancy');
      expect(ppk.availableCommands).toContain('CancelSelection');
      // An unknown selection stays 404, with or without If-None-Match.
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectStatus(
        await h.get(`/selections/${unknown}`, { headers: { 'If-None-Match': '*' } }),
        404,
      );
    });

    it("lists only the commands the caller's role may issue now", async () => {
      const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi E' }), 201).body
        .id as string;
      const as = async (role: 'PPK' | 'AUDITOR' | 'ASESOR') =>
        (
          expectStatus(await h.get(`/selections/${id}`, { role }), 200).body as {
            availableCommands: string[];
          }
        ).availableCommands;
      expect(await as('PPK')).toEqual(
        expect.arrayContaining(['CancelSelection', 'SuspendSelection']),
      );
      expect(await as('PPK')).not.toContain('RegisterVacancy');
      expect(await as('AUDITOR')).toEqual([]);
      expect(await as('ASESOR')).toEqual([]);
    });

    it('serves the events with actor, role, legal basis, correlation id, UTC and WITA times and hashes, paged', async () => {
      const id = expectStatus(
        await h.open(
          { kind: JPTP, title: 'Seleksi F' },
          { identity: { sub: 'rina', name: 'Rina Bere', nip: '198203152006042011' } },
        ),
        201,
      ).body.id as string;
      expectStatus(await h.command(id, 'RegisterVacancy', { body: vacancy(1) }), 200);
      expectStatus(await h.command(id, 'RegisterVacancy', { body: vacancy(2) }), 200);
      const page = expectStatus(
        await h.get(`/selections/${id}/events?limit=2`, { role: 'AUDITOR' }),
        200,
      ).body;
      expect(page.nextFromRevision).toBe(2);
      const [opened, registered] = page.events;
      expect(opened).toMatchObject({
        revision: 0,
        type: 'SelectionOpened',
        actor: { sub: 'rina', name: 'Rina Bere', nip: '198203152006042011', role: 'SEKRETARIAT' },
        role: 'SEKRETARIAT',
        metadata: { kind: JPTP, command: 'OpenSelection', correlationId: expect.any(String) },
        prevHash: '0'.repeat(64),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(registered.prevHash).toBe(opened.hash);
      expect(registered.legalBasis).toEqual(
        expect.arrayContaining([expect.stringContaining('PermenPAN-RB 15/2019')]),
      );
      expect(Date.parse(opened.recordedAtWita)).toBe(Date.parse(opened.recordedAt));
      expect(opened.recordedAtWita).toMatch(/\+08:00$/);
      const traced = await h.command(id, 'RecordPpkStatus', {
        body: { status: 'PENJABAT', since: '2023-09-05' },
        headers: { 'X-Request-Id': 'trace-ppk-status-1' },
      });
      expect(expectStatus(traced, 200).body.events[0].metadata.correlationId).toBe(
        'trace-ppk-status-1',
      );
      const rest = expectStatus(
        await h.get(`/selections/${id}/events?fromRevision=2`, { role: 'AUDITOR' }),
        200,
      ).body;
      expect(rest).toMatchObject({
        nextFromRevision: null,
        events: [{ revision: 2 }, { revision: 3 }],
      });
    });

    it('travels in time: the state at an instant between two events is the fold up to the earlier one', async () => {
      // Each event's occurredAt is the command's now: 09:00, 10:00 and 11:00 WITA.
      clock.set('2024-04-02T09:00:00+08:00');
      const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi G' }), 201).body
        .id as string;
      clock.set('2024-04-02T10:00:00+08:00');
      expectStatus(await h.command(id, 'RegisterVacancy', { body: vacancy(1) }), 200);
      clock.set('2024-04-02T11:00:00+08:00');
      expectStatus(
        await h.command(id, 'CancelSelection', { role: 'PPK', body: { reason: 'Batal' } }),
        200,
      );
      const state = async (query: string) =>
        expectStatus(await h.get(`/selections/${id}/state?${query}`, { role: 'AUDITOR' }), 200)
          .body as { revision: number | null; state: string; asOf: unknown };
      const between = '2024-04-02T10:30:00+08:00';
      const atInstant = await state(`at=${encodeURIComponent(between)}`);
      const atRevision = await state('revision=1');
      expect(atInstant).toMatchObject({
        revision: 1,
        state: 'planning',
        asOf: { at: between },
        vacancies: [expect.objectContaining({ vacancyId: 'v1' })],
      });
      expect({ ...atInstant, asOf: null }).toEqual({ ...atRevision, asOf: null });
      expect(await state('revision=2')).toMatchObject({ revision: 2, state: 'cancelled' });
      // The same instants in UTC; an event occurred at exactly the instant counts.
      expect(await state('at=2024-04-02T02:30:00Z')).toMatchObject({ revision: 1 });
      expect(await state(`at=${encodeURIComponent('2024-04-02T11:00:00+08:00')}`)).toMatchObject({
        revision: 2,
        state: 'cancelled',
      });
      expect(await state('at=2000-01-01T00:00:00%2B08:00')).toMatchObject({
        revision: null,
        state: 'unopened',
      });
      expectStatus(await h.get(`/selections/${id}/state`, { role: 'AUDITOR' }), 400);
    });

    it('reads a time without an offset as local WITA (UTC+8), as the audit replay does', async () => {
      clock.set('2024-04-03T09:00:00+08:00');
      const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi H' }), 201).body
        .id as string;
      clock.set('2024-04-03T10:00:00+08:00');
      expectStatus(await h.command(id, 'RegisterVacancy', { body: vacancy(1) }), 200);
      const at = async (local: string) =>
        expectStatus(
          await h.get(`/selections/${id}/state?at=${encodeURIComponent(local)}`, {
            role: 'AUDITOR',
          }),
          200,
        ).body as { revision: number | null; asOf: unknown };
      // 09:59 WITA is 01:59 UTC: before the vacancy (which a reading as UTC would include).
      expect(await at('2024-04-03T09:59')).toMatchObject({
        revision: 0,
        asOf: { at: '2024-04-03T09:59' },
      });
      expect(await at('2024-04-03 10:00:00')).toMatchObject({ revision: 1 });
      // A bare date is the end of that WITA day.
      expect(await at('2024-04-03')).toMatchObject({ revision: 1 });
      expect(await at('2024-04-02')).toMatchObject({ revision: null });
    });

    it('answers 400 naming the field for a time it cannot read', async () => {
      const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi I' }), 201).body
        .id as string;
      for (const bad of ['yesterday', '2024-02-30T10:00', '2024-04-03T25:00+08:00', '']) {
        const response = expectStatus(
          await h.get(`/selections/${id}/state?at=${encodeURIComponent(bad)}`, {
            role: 'AUDITOR',
          }),
          400,
        );
        expect(response.body.errors).toEqual([
          { field: 'at', messages: [expect.stringContaining('at must be a date-time')] },
        ]);
      }
    });
  });
}
