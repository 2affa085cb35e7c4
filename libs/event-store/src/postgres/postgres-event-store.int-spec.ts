import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ContractSubject, TamperHooks } from '../testing/contract-subject.js';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { createEventStore } from '../create-event-store.js';
import { StreamRevisionConflictError } from '../event-store.errors.js';
import { waitFor } from '../testing/wait-for.js';
import { postgresMigrations } from './migrations/index.js';
import { openPostgresStores } from './postgres-event-store.js';

// Base server from TEST_DATABASE_URL; this run creates its own database and drops it after.
const baseUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `jejak_test_${randomBytes(6).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();
let admin: pg.Client;
let schemas = 0;

beforeAll(async () => {
  const server = new pg.Client({ connectionString: baseUrl });
  await server.connect();
  await server.query(`CREATE DATABASE ${database}`);
  await server.end();
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  const server = new pg.Client({ connectionString: baseUrl });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await server.end();
});

/** An attacker with database access: plain SQL on another connection. */
function sqlTamper(schema: string): TamperHooks {
  const events = `${schema}.jejak_events`;
  return {
    alterData: async (streamId, revision) => {
      await admin.query(
        `UPDATE ${events} SET canonical = jsonb_set(canonical::jsonb, '{data,text}', '"forged"')::text
         WHERE stream_id = $1 AND revision = $2`,
        [streamId, revision],
      );
    },
    deleteEvent: async (streamId, revision) => {
      await admin.query(`DELETE FROM ${events} WHERE stream_id = $1 AND revision = $2`, [
        streamId,
        revision,
      ]);
    },
    swapEvents: async (streamId, a, b) => {
      const move = `UPDATE ${events} SET revision = $3 WHERE stream_id = $1 AND revision = $2`;
      await admin.query('BEGIN');
      await admin.query(move, [streamId, a, -1]);
      await admin.query(move, [streamId, b, a]);
      await admin.query(move, [streamId, -1, b]);
      await admin.query('COMMIT');
    },
  };
}

async function open(schema: string): Promise<ContractSubject> {
  const applicationName = `jejak-${schema}`;
  const handle = await openPostgresStores({
    databaseUrl,
    schema,
    applicationName,
    subscriptions: { pollIntervalMs: 5, retryInitialMs: 5, retryMaxMs: 50 },
  });
  return {
    eventStore: handle.eventStore,
    readModels: handle.readModels,
    tamper: sqlTamper(schema),
    reopen: async () => {
      await handle.close();
      return open(schema);
    },
    holdAppend: (streamId, events) => handle.eventStore.holdAppend(streamId, events),
    blockedAppends: async () => {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM pg_locks
         WHERE locktype = 'advisory' AND NOT granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      // Appends waiting in the database for the lock, and those waiting here for a slot.
      return rows[0]!.n + handle.eventStore.queuedAppends();
    },
    dropConnections: async () => {
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      );
    },
    close: () => handle.close(),
  };
}

describeEventStoreContract('postgres', () => open(`s${(schemas += 1)}`), {
  tampering: true,
  durability: true,
  readModels: true,
  inFlightTransactions: true,
});

describe('postgres stream head hint', () => {
  it('asks the database before refusing an append on a head it remembered (another process appended)', async () => {
    const schema = `s${(schemas += 1)}`;
    const [here, there] = [await open(schema), await open(schema)];
    try {
      const streamId = `selection-${randomUUID()}`;
      const note = (text: string) => [{ type: 'NoteAdded', data: { text } }];
      await here.eventStore.appendToStream(streamId, note('a'), { expectedRevision: 'no_stream' });
      await there.eventStore.appendToStream(streamId, note('b'), { expectedRevision: 0 });
      // `here` remembers revision 0; the caller knows the stream is at 1 (it read it elsewhere).
      await expect(
        here.eventStore.appendToStream(streamId, note('c'), { expectedRevision: 1 }),
      ).resolves.toMatchObject({ nextExpectedRevision: 2 });
      // And a truly stale expectation is still refused, with the actual revision.
      await expect(
        here.eventStore.appendToStream(streamId, note('d'), { expectedRevision: 1 }),
      ).rejects.toMatchObject({ actual: 2 });
      expect((await here.eventStore.verifyStream(streamId)).ok).toBe(true);
    } finally {
      await here.close();
      await there.close();
    }
  });
});

describe('postgres group commit', () => {
  it('commits the appends that waited for a slot together, each checked on its own', async () => {
    const subject = await open('grouped');
    const store = subject.eventStore;
    try {
      const existing = `selection-${randomUUID()}`;
      await store.appendToStream(existing, [{ type: 'NoteTaken', data: { n: 0 } }]);
      const held = await subject.holdAppend!(`selection-${randomUUID()}`, [
        { type: 'NoteTaken', data: { n: 0 } },
      ]);
      const streams = Array.from({ length: 8 }, () => `selection-${randomUUID()}`);
      const note = (n: number) => [{ type: 'NoteTaken', data: { n } }];
      // Two appends at revision 0 of the same stream: whichever the statement runs second
      // sees the first one's insert under the lock and conflicts; the others all commit.
      const appends = [
        ...streams.map((streamId) => store.appendToStream(streamId, note(1))),
        store.appendToStream(existing, note(1), { expectedRevision: 0 }),
        store.appendToStream(existing, note(2), { expectedRevision: 0 }),
      ].map((append) =>
        append.then(
          (result) => result,
          (error: unknown) => error,
        ),
      );
      await waitFor(
        async () => (await subject.blockedAppends!()) >= 10,
        'every append waiting behind the held one (in the database or for a slot)',
      );
      await held.commit();
      const outcomes = await Promise.all(appends);
      const failed = outcomes.filter((o) => o instanceof Error);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toBeInstanceOf(StreamRevisionConflictError);
      const existingEvents = await store.readStream(existing);
      expect(existingEvents).toHaveLength(2);
      expect(await store.verifyStream(existing)).toMatchObject({ ok: true, eventsChecked: 2 });
      const all = await store.readAll();
      expect(all.map((e) => e.globalPosition)).toEqual(
        all.map((_, i) => all[0]!.globalPosition + i),
      );
      const { rows } = await admin.query<{ transactions: number }>(
        `SELECT count(DISTINCT xmin::text)::integer AS transactions FROM grouped.jejak_events
         WHERE stream_id = ANY($1)`,
        [[...streams, existing]],
      );
      // 1 (the first append) + 2 that took the free slots + the rest in one statement.
      expect(rows[0]!.transactions).toBeLessThanOrEqual(4);
    } finally {
      await subject.close();
    }
  });
});

describe('createEventStore with kind postgres', () => {
  it('opens the PostgreSQL store with its read models and closes both', async () => {
    const store = await createEventStore({ kind: 'postgres', databaseUrl, schema: 'factory' });
    const streamId = 'selection-3f0c4a52-7a1c-4d55-9a43-5c7f1bd3a001';
    await store.appendToStream(streamId, [{ type: 'SelectionOpened', data: {} }]);
    await store.readModels.put('views', 'v', { ok: true });
    const { rows } = await admin.query('SELECT count(*)::integer AS n FROM factory.jejak_events');
    expect(rows[0]).toEqual({ n: 1 });
    expect(await store.readModels.get('views', 'v')).toEqual({ ok: true });
    await store.close();
    await expect(store.listStreams()).rejects.toMatchObject({ code: 'EVENT_STORE_CLOSED' });
  });
});

describe('postgres migrations', () => {
  it('run at start-up idempotently, also when instances start together', async () => {
    const opened = await Promise.all([open('m1'), open('m1'), open('m1')]);
    const { rows } = await admin.query('SELECT version, name FROM m1.jejak_migrations ORDER BY 1');
    expect(rows).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    await Promise.all(opened.map((subject) => subject.close()));
  });

  it('report an unreachable server as unavailable', async () => {
    await expect(
      openPostgresStores({
        databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
        connectionTimeoutMs: 500,
      }),
    ).rejects.toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
  });
});
