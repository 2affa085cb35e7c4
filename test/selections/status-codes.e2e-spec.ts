import { procedures } from '@jejak/workflows';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp, storeVariants, testClock } from './support/selections-app.js';
import { expectStatus, JPTP, PERGUB, PROBLEM, selectionHttp } from './support/selection-http.js';

// Every status of issue 4 ("Validation and errors"), each time asserting that nothing was written.

for (const variant of storeVariants('sel_e2e_status')) {
  describe(`selections: every status code, nothing written on errors (${variant.name})`, () => {
    let t: TestApp;
    let h: ReturnType<typeof selectionHttp>;
    let id: string;
    const clock = testClock('2024-04-01T09:00:00+08:00');

    /** Runs a request and asserts the selection's stream is exactly as before it. */
    const unchanged = async <R>(request: () => Promise<R>): Promise<R> => {
      const before = await h.stream(id);
      const response = await request();
      expect(await h.stream(id)).toEqual(before);
      return response;
    };

    beforeAll(async () => {
      t = await startSelectionsApp({
        ...variant.options,
        env: { ...variant.options.env, BODY_LIMIT: '4096' },
        clock,
      });
      h = selectionHttp(t);
      id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi uji status' }), 201).body.id;
    });
    afterAll(async () => {
      await t.close();
      await variant.dispose();
    });

    it('201 opens a selection: id, kind, state, revision, Location and ETag', async () => {
      const response = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi baru' }), 201);
      expect(response.body).toEqual({
        id: expect.any(String),
        kind: JPTP,
        state: 'planning',
        revision: 0,
      });
      expect(response.headers.location).toBe(`/selections/${response.body.id}`);
      expect(response.headers.etag).toBe('W/"0"');
      expect(await h.stream(response.body.id)).toHaveLength(1);
    });

    it('200 records an accepted command: revision, state, events, ETag', async () => {
      const before = (await h.revision(id))!;
      const response = expectStatus(
        await h.command(id, 'RecordPpkStatus', {
          body: { status: 'PENJABAT', since: '2023-09-05' },
        }),
        200,
      );
      expect(response.body).toMatchObject({
        revision: before + 1,
        state: 'planning',
        events: [{ type: 'PPKStatusRecorded', revision: before + 1, data: { status: 'PENJABAT' } }],
      });
      expect(response.headers.etag).toBe(`W/"${before + 1}"`);
      expect(await h.revision(id)).toBe(before + 1);
    });

    it('answers metadata.actor and metadata.legalBasis as JSON objects, the store keeping their text', async () => {
      const response = expectStatus(
        await h.command(id, 'RecordPpkStatus', {
          body: { status: 'PENJABAT', since: '2023-09-05' },
        }),
        200,
      );
      const [event] = response.body.events as {
        revision: number;
        metadata: Record<string, unknown>;
      }[];
      expect(event!.metadata.actor).toEqual({
        sub: expect.any(String),
        name: expect.any(String),
        role: 'SEKRETARIAT',
      });
      expect(event!.metadata.legalBasis).toEqual(expect.arrayContaining([expect.any(String)]));
      expect(event!.metadata).toMatchObject({ role: 'SEKRETARIAT', command: 'RecordPpkStatus' });
      // The events route answers the same.
      const listed = expectStatus(
        await h.get(`/selections/${id}/events?fromRevision=${event!.revision}`),
        200,
      );
      expect(listed.body.events[0].metadata).toEqual(event!.metadata);
      // Stored as text, as ever (hashed bytes unchanged).
      const stored = (await h.stream(id)).find((e) => e.revision === event!.revision)!;
      expect(JSON.parse(stored.metadata['actor']!)).toEqual(event!.metadata.actor);
      expect(JSON.parse(stored.metadata['legalBasis']!)).toEqual(event!.metadata.legalBasis);
    });

    it('400 names every invalid field of the body', async () => {
      const response = await unchanged(() =>
        h.command(id, 'RecordPpkStatus', {
          body: { status: 'RAJA', since: '2023-02-30', extra: true },
        }),
      );
      expectStatus(response, 400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect((response.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'extra',
        'since',
        'status',
      ]);
    });

    it('400 for an unknown kind or a malformed If-Match or Idempotency-Key', async () => {
      const kind = expectStatus(await h.open({ kind: 'pilkada', title: 'x' }), 400);
      expect(kind.body.errors).toEqual([
        { field: 'kind', messages: [expect.stringContaining(JPTP)] },
      ]);
      const ifMatch = await unchanged(() =>
        h.command(id, 'RecordPpkStatus', {
          body: { status: 'PENJABAT', since: '2023-09-05' },
          headers: { 'If-Match': 'revision 3' },
        }),
      );
      expect(expectStatus(ifMatch, 400).body.errors[0].field).toBe('If-Match');
      const key = await unchanged(() =>
        h.command(id, 'RecordPpkStatus', {
          body: { status: 'PENJABAT', since: '2023-09-05' },
          headers: { 'Idempotency-Key': 'has spaces' },
        }),
      );
      expect(expectStatus(key, 400).body.errors[0].field).toBe('Idempotency-Key');
    });

    it('401 without a token', async () => {
      const response = await unchanged(() =>
        t
          .http()
          .post(`/selections/${id}/commands/RecordPpkStatus`)
          .send({ status: 'PENJABAT', since: '2023-09-05' }),
      );
      expectStatus(response, 401);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });

    it('403 for a role the command does not allow, naming the roles that may', async () => {
      const response = await unchanged(() =>
        h.command(id, 'RecordPpkStatus', {
          role: 'PANSEL',
          body: { status: 'PENJABAT', since: '2023-09-05' },
        }),
      );
      expect(expectStatus(response, 403).body).toMatchObject({
        role: 'PANSEL',
        allowedRoles: ['SEKRETARIAT'],
      });
    });

    it('403 for AUDITOR, who reads everything and changes nothing', async () => {
      const command = await unchanged(() =>
        h.command(id, 'CancelSelection', { role: 'AUDITOR', body: { reason: 'x' } }),
      );
      expect(expectStatus(command, 403).body).toMatchObject({
        role: 'AUDITOR',
        allowedRoles: ['PPK'],
      });
      expectStatus(await h.open({ kind: JPTP, title: 'x' }, { role: 'AUDITOR' }), 403);
      expectStatus(await h.get(`/selections/${id}/events`, { role: 'AUDITOR' }), 200);
    });

    it('404 for an unknown selection, an unknown command, and a command of the other procedure', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expectStatus(
        await h.command(missing, 'RecordPpkStatus', {
          body: { status: 'PENJABAT', since: '2023-09-05' },
        }),
        404,
      );
      expectStatus(await h.get(`/selections/${missing}`), 404);
      expectStatus(await h.get('/selections/not-a-uuid'), 404);
      expect(await h.revision(missing)).toBeNull();
      const unknown = await unchanged(() => h.command(id, 'DoWhatever', { body: {} }));
      expect(expectStatus(unknown, 404).body).toMatchObject({ commandType: 'DoWhatever' });
      const other = await unchanged(() =>
        h.command(id, 'CancelFilling', { role: 'PPK', body: { reason: 'x' } }),
      );
      expect(expectStatus(other, 404).body).toMatchObject({
        commandType: 'CancelFilling',
        // Named with the selection's kind once Pergub 113 is among the procedures.
        ...(PERGUB in procedures ? { kind: JPTP } : {}),
      });
    });

    it('409 when the state does not accept the command, with the state and what it accepts', async () => {
      const response = await unchanged(() =>
        h.command(id, 'OpenSelection', { body: { title: 'again' } }),
      );
      expect(expectStatus(response, 409).body).toMatchObject({
        state: 'planning',
        acceptedCommands: expect.arrayContaining(['RegisterVacancy', 'CompleteStage']),
      });
    });

    it('412 for a stale If-Match, with the current revision and ETag', async () => {
      const current = (await h.revision(id))!;
      const response = await unchanged(() =>
        h.command(id, 'RecordPpkStatus', {
          body: { status: 'PENJABAT', since: '2023-09-05' },
          headers: { 'If-Match': `W/"${current - 1}"` },
        }),
      );
      expect(expectStatus(response, 412).body).toMatchObject({
        expectedRevision: current - 1,
        currentRevision: current,
      });
      expect(response.headers.etag).toBe(`W/"${current}"`);
    });

    it('413 for a body over the limit', async () => {
      const response = await unchanged(() =>
        h.command(id, 'CancelSelection', { role: 'PPK', body: { reason: 'x'.repeat(5000) } }),
      );
      expectStatus(response, 413);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });

    it('415 for a body that is not JSON', async () => {
      const response = await unchanged(async () =>
        t
          .http()
          .post(`/selections/${id}/commands/CancelSelection`)
          .auth(await h.token('PPK'), { type: 'bearer' })
          .set('Content-Type', 'text/plain')
          .send('reason=weather'),
      );
      expectStatus(response, 415);
    });

    it('422 with every broken rule, its id and citation', async () => {
      const response = await unchanged(() =>
        h.command(id, 'CompleteStage', { body: { stage: 'planning' } }),
      );
      expectStatus(response, 422);
      expect(response.body.violations.length).toBeGreaterThan(0);
      for (const violation of response.body.violations) {
        expect(violation).toEqual({
          rule: expect.stringMatching(/^A-/),
          citation: expect.any(String),
          message: expect.any(String),
          messageKey: expect.stringMatching(/^A-/),
          params: expect.any(Object),
        });
      }
    });

    // Rule messages come from one catalogue, in the reader's language (docs/domain.md §7).
    const planningDone = (headers: Record<string, string> = {}) =>
      unchanged(() => h.command(id, 'CompleteStage', { body: { stage: 'planning' }, headers }));
    const messagesOf = (response: { body: { violations: { message: string }[] } }) =>
      response.body.violations.map((v) => v.message);
    const INDONESIAN = ['belum ada lowongan yang didaftarkan', 'dasar seleksi terbuka belum dicatat'];

    it('422 messages are Indonesian without Accept-Language', async () => {
      const response = expectStatus(await planningDone(), 422);
      expect(messagesOf(response)).toEqual(INDONESIAN);
      expect(response.headers.vary).toMatch(/Accept-Language/i);
    });

    it('422 messages are Indonesian for Accept-Language: id', async () => {
      const response = expectStatus(await planningDone({ 'Accept-Language': 'id-ID' }), 422);
      expect(messagesOf(response)).toEqual(INDONESIAN);
    });

    it('422 messages are English for Accept-Language: en, with the same rule ids and citations', async () => {
      const indonesian = expectStatus(await planningDone(), 422);
      const english = expectStatus(
        await planningDone({ 'Accept-Language': 'en-GB, id;q=0.5' }),
        422,
      );
      expect(messagesOf(english)).toEqual([
        'no vacancy is registered',
        'the basis for an open selection is not recorded',
      ]);
      const withoutMessage = (body: { violations: { message: string }[] }) =>
        body.violations.map(({ message: _message, ...rest }) => rest);
      expect(withoutMessage(english.body)).toEqual(withoutMessage(indonesian.body));
    });

    it('422 messages fall back to Indonesian for a language we do not write', async () => {
      const response = expectStatus(await planningDone({ 'Accept-Language': 'fr-FR, de' }), 422);
      expect(messagesOf(response)).toEqual(INDONESIAN);
    });

    it('422 for an Idempotency-Key reused with another body', async () => {
      const headers = { 'Idempotency-Key': 'status-422-key' };
      expectStatus(
        await h.command(id, 'RecordPpkStatus', {
          body: { status: 'PENJABAT', since: '2023-09-05' },
          headers,
        }),
        200,
      );
      const response = await unchanged(() =>
        h.command(id, 'RecordPpkStatus', {
          body: { status: 'GUBERNUR', since: '2025-02-20' },
          headers,
        }),
      );
      expect(expectStatus(response, 422).body).toMatchObject({ idempotencyKey: 'status-422-key' });
    });

    it('500 only for a real fault: a generic body with the correlation id, logged', async () => {
      clock.set('not a time');
      try {
        const response = await unchanged(() =>
          h.command(id, 'RecordPpkStatus', {
            body: { status: 'PENJABAT', since: '2023-09-05' },
            headers: { 'X-Request-Id': 'fault-500-probe' },
          }),
        );
        expect(expectStatus(response, 500).body).toEqual({
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          detail: expect.stringContaining('fault-500-probe'),
          correlationId: 'fault-500-probe',
        });
        expect(
          t.logs.some((line) => line.correlationId === 'fault-500-probe' && line.level === 'error'),
        ).toBe(true);
      } finally {
        clock.set('2024-04-01T09:00:00+08:00');
      }
    });
  });
}
