import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY, createEventStore, EVENT_STORE, type OpenedEventStore } from '@jejak/event-store';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp, storeVariants, testClock } from './support/selections-app.js';
import { expectStatus, JPTP, selectionHttp } from './support/selection-http.js';

const PPK_STATUS = { status: 'PENJABAT', since: '2023-09-05' };

for (const variant of storeVariants('sel_e2e_conc')) {
  describe(`selections: safe writes (${variant.name})`, () => {
    let t: TestApp;
    let h: ReturnType<typeof selectionHttp>;
    const clock = testClock('2024-04-01T09:00:00+08:00');
    const open = async () =>
      expectStatus(await h.open({ kind: JPTP, title: 'Seleksi uji' }), 201).body.id as string;

    beforeAll(async () => {
      t = await startSelectionsApp({ ...variant.options, clock });
      h = selectionHttp(t);
    });
    afterAll(async () => {
      await t.close();
      await variant.dispose();
    });

    it('20 parallel identical commands with different keys: one accepted, the rest 409, the stream consistent', async () => {
      const id = await open();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          h.command(id, 'CancelSelection', {
            role: 'PPK',
            body: { reason: 'Anggaran dialihkan' },
            headers: { 'Idempotency-Key': `cancel-${i}` },
          }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
      for (const refused of responses.filter((r) => r.status === 409)) {
        // Either decided again on the fresh stream (not accepted when cancelled) or lost twice.
        expect(
          refused.body.state === 'cancelled' || typeof refused.body.currentRevision === 'number',
        ).toBe(true);
      }
      const events = await h.stream(id);
      expect(events.map((e) => e.type)).toEqual(['SelectionOpened', 'SelectionCancelled']);
      expect(await t.store.verifyStream(`selection-${id}`)).toMatchObject({
        ok: true,
        eventsChecked: 2,
      });
    });

    it('If-Match with the ETag just read is accepted; the same ETag again is 412', async () => {
      const id = await open();
      const etag = expectStatus(await h.get(`/selections/${id}`), 200).headers.etag as string;
      expect(etag).toBe('W/"0"');
      const first = await h.command(id, 'RecordPpkStatus', {
        body: PPK_STATUS,
        headers: { 'If-Match': etag },
      });
      expect(expectStatus(first, 200).headers.etag).toBe('W/"1"');
      const stale = await h.command(id, 'RecordPpkStatus', {
        body: PPK_STATUS,
        headers: { 'If-Match': etag },
      });
      expect(expectStatus(stale, 412).body).toMatchObject({
        expectedRevision: 0,
        currentRevision: 1,
      });
      expect(await h.revision(id)).toBe(1);
    });

    it('Idempotency-Key: the first response again, nothing appended, also after an app restart', async () => {
      const headers = { 'Idempotency-Key': 'open-2024-ntt' };
      const opened = expectStatus(
        await h.open({ kind: JPTP, title: 'JPTP NTT 2024' }, { headers }),
        201,
      );
      const id = opened.body.id as string;
      const commandHeaders = { 'Idempotency-Key': 'ppk-status-1' };
      const first = expectStatus(
        await h.command(id, 'RecordPpkStatus', { body: PPK_STATUS, headers: commandHeaders }),
        200,
      );
      const again = expectStatus(
        await h.command(id, 'RecordPpkStatus', { body: PPK_STATUS, headers: commandHeaders }),
        200,
      );
      expect(again.body).toEqual(first.body);

      t = await t.restart();
      h = selectionHttp(t);
      const afterRestart = await h.command(id, 'RecordPpkStatus', {
        body: PPK_STATUS,
        headers: commandHeaders,
      });
      expect(expectStatus(afterRestart, 200).body).toEqual(first.body);
      expect(afterRestart.headers.etag).toBe(first.headers.etag);
      const reopened = expectStatus(
        await h.open({ kind: JPTP, title: 'JPTP NTT 2024' }, { headers }),
        201,
      );
      expect(reopened.body).toEqual(opened.body);
      expect(reopened.headers.location).toBe(opened.headers.location);
      expect((await h.stream(id)).map((e) => e.type)).toEqual([
        'SelectionOpened',
        'PPKStatusRecorded',
      ]);
      // Another user's same key is another request: a selection of its own.
      const other = await h.open(
        { kind: JPTP, title: 'JPTP NTT 2024' },
        { headers, identity: { sub: 'another-staff' } },
      );
      expect(expectStatus(other, 201).body.id).not.toBe(id);
    });
  });
}

describe('selections: a race lost twice (embedded store that lets a competitor in)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'jejak-race-'));
  let store: OpenedEventStore;
  let t: TestApp;
  let competitorAppends = 0;

  /** The store, with a competing writer appending just before each of our appends while armed. */
  const racing = (target: OpenedEventStore) => {
    const append = target.appendToStream.bind(target);
    const wrapper = Object.create(target) as OpenedEventStore;
    wrapper.appendToStream = async (...args) => {
      if (competitorAppends > 0) {
        competitorAppends -= 1;
        const data = { ...PPK_STATUS, occurredAt: '2024-04-01T01:00:00.000Z' };
        await append(args[0], [{ type: 'PPKStatusRecorded', data, metadata: { kind: JPTP } }], {
          expectedRevision: ANY,
        });
      }
      return append(...args);
    };
    return wrapper;
  };

  beforeAll(async () => {
    store = await createEventStore({ kind: 'embedded', path: join(directory, 'race.db') });
    t = await startSelectionsApp({
      overrides: [{ provide: EVENT_STORE, useValue: racing(store) }],
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('is decided again once, then 409 with the current revision; only the competitor wrote', async () => {
    const h = selectionHttp(t);
    const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi' }), 201).body.id as string;
    competitorAppends = 2;
    const response = await h.command(id, 'RecordPpkStatus', {
      body: { status: 'GUBERNUR', since: '2025-02-20' },
    });
    expect(expectStatus(response, 409).body).toMatchObject({ currentRevision: 2 });
    expect(response.body.state).toBeUndefined();
    const events = await h.stream(id);
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ title: 'Seleksi' }),
      expect.objectContaining({ status: 'PENJABAT' }),
      expect.objectContaining({ status: 'PENJABAT' }),
    ]);
  });

  it('wins on the second try when the race is lost once', async () => {
    const h = selectionHttp(t);
    const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi' }), 201).body.id as string;
    competitorAppends = 1;
    const response = await h.command(id, 'RecordPpkStatus', {
      body: { status: 'GUBERNUR', since: '2025-02-20' },
    });
    expect(expectStatus(response, 200).body).toMatchObject({ revision: 2 });
  });
});
