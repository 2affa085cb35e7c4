import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createEventStore, type OpenedEventStore } from '../create-event-store.js';
import { HeadLookups } from './head-lookups.js';

// Base server from TEST_DATABASE_URL; this run creates its own database and drops it after.
const baseUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `jejak_test_${randomBytes(6).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();

async function onServer(sql: string): Promise<void> {
  const server = new pg.Client({ connectionString: baseUrl });
  await server.connect();
  try {
    await server.query(sql);
  } finally {
    await server.end();
  }
}

describe('PostgreSQL head lookups, coalesced', () => {
  let store: OpenedEventStore;
  let pool: pg.Pool;
  const streams = Array.from({ length: 12 }, () => `selection-${randomUUID()}`);

  beforeAll(async () => {
    await onServer(`CREATE DATABASE ${database}`);
    store = await createEventStore({ kind: 'postgres', databaseUrl, schema: 'heads' });
    pool = new pg.Pool({ connectionString: databaseUrl, options: '-c search_path=heads' });
    for (const [i, streamId] of streams.entries()) {
      const events = Array.from({ length: i + 1 }, (_, n) => ({ type: 'Noted', data: { n } }));
      await store.appendToStream(streamId, events);
    }
  });

  afterAll(async () => {
    await pool?.end();
    await store?.close();
    await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('answers many concurrent lookups with fewer queries, each with its own stream head', async () => {
    let queries = 0;
    const counting = {
      query: ((...args: Parameters<pg.Pool['query']>) => {
        queries += 1;
        return pool.query(...args);
      }) as pg.Pool['query'],
    };
    const lookups = new HeadLookups(counting);
    const asked = [...streams, `selection-${randomUUID()}`, ...streams];
    const heads = await Promise.all(asked.map((streamId) => lookups.head(streamId)));
    const { rows } = await pool.query<{ stream_id: string; revision: number; hash: string }>(
      `SELECT DISTINCT ON (stream_id) stream_id, revision, hash FROM jejak_events
        ORDER BY stream_id, revision DESC`,
    );
    const expected = new Map(
      rows.map((r) => [r.stream_id, { revision: r.revision, hash: r.hash }]),
    );
    expect(heads).toEqual(asked.map((streamId) => expected.get(streamId) ?? null));
    expect(heads[0]).toMatchObject({ revision: 0 });
    expect(heads[11]).toMatchObject({ revision: 11 });
    expect(heads[12]).toBeNull();
    // The first lookup goes alone; everything asked while it was out goes as one more query.
    expect(queries).toBe(2);
  });

  it('never answers from a query sent before the lookup (read-your-writes)', async () => {
    // The first query runs at once, but its answer is held back until the test releases it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answered!: () => void;
    const ran = new Promise<void>((resolve) => (answered = resolve));
    let first = true;
    const gated = {
      query: ((...args: Parameters<pg.Pool['query']>) => {
        const result = pool.query(...args) as unknown as Promise<unknown>;
        if (!first) return result;
        first = false;
        return result.then(async (rows) => {
          answered();
          await held;
          return rows;
        });
      }) as pg.Pool['query'],
    };
    const lookups = new HeadLookups(gated);
    const streamId = streams[0]!;
    const revision = (await store.streamRevision(streamId))!;
    const before = lookups.head(streamId);
    await ran; // the first query has read the head
    await store.appendToStream(streamId, [{ type: 'Noted', data: { late: true } }]);
    const after = lookups.head(streamId); // asked while the first query is still out
    release();
    expect(await before).toMatchObject({ revision });
    expect(await after).toMatchObject({ revision: revision + 1 });
  });

  it('rejects every lookup of a failed query, then works again', async () => {
    let fail = true;
    const flaky = {
      query: ((...args: Parameters<pg.Pool['query']>) =>
        fail
          ? Promise.reject(new Error('connection lost'))
          : pool.query(...args)) as pg.Pool['query'],
    };
    const lookups = new HeadLookups(flaky);
    const failed = await Promise.allSettled(streams.slice(0, 3).map((s) => lookups.head(s)));
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    fail = false;
    await expect(lookups.head(streams[2]!)).resolves.toMatchObject({ revision: 2 });
  });
});
