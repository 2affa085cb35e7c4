import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createEventStore, type OpenedEventStore } from '@jejak/event-store';

/** A real store for int tests that can be closed and opened again on the same data. */
export type StoreFixture = {
  name: string;
  open(): Promise<OpenedEventStore>;
  dispose(): Promise<void>;
};

/** SQLite in a fresh temporary directory. */
export function sqliteFixture(): StoreFixture {
  const directory = mkdtempSync(join(tmpdir(), 'jejak-selections-'));
  const path = join(directory, 'jejak.db');
  return {
    name: 'embedded',
    open: () => createEventStore({ kind: 'embedded', path, subscriptions: { pollIntervalMs: 5 } }),
    dispose: () => Promise.resolve(rmSync(directory, { recursive: true, force: true })),
  };
}

const baseUrl = (): string =>
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** PostgreSQL (TEST_DATABASE_URL) in a schema of its own, dropped on dispose. */
export function postgresFixture(prefix: string): StoreFixture {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const databaseUrl = baseUrl();
  return {
    name: 'postgres',
    open: () =>
      createEventStore({
        kind: 'postgres',
        databaseUrl,
        schema,
        poolSize: 4,
        subscriptions: { pollIntervalMs: 5 },
      }),
    dispose: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Both stores every int test of the selections runs against. */
export function storeFixtures(prefix: string): (() => StoreFixture)[] {
  return [sqliteFixture, () => postgresFixture(prefix)];
}
