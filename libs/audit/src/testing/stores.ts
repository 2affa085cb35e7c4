import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createEventStore, type OpenedEventStore } from '@jejak/event-store';
import { postgresTamper, sqliteTamper, type AuditTamper } from './sql-tamper.js';

export type OpenedForTamper = {
  store: OpenedEventStore;
  tamper: AuditTamper;
  /** How to open the same storage again (for a CLI run in another process or context). */
  storeOptions:
    { kind: 'embedded'; path: string } | { kind: 'postgres'; databaseUrl: string; schema: string };
  close(): Promise<void>;
};

/** A SQLite file in a fresh temporary directory. */
export async function openSqliteForTamper(): Promise<OpenedForTamper> {
  const directory = mkdtempSync(join(tmpdir(), 'jejak-audit-'));
  const path = join(directory, 'jejak.db');
  const store = await createEventStore({ kind: 'embedded', path });
  return {
    store,
    tamper: sqliteTamper(path),
    storeOptions: { kind: 'embedded', path },
    close: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

const baseUrl = () =>
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A unique schema on the test PostgreSQL server, dropped on close. */
export async function openPostgresForTamper(prefix: string): Promise<OpenedForTamper> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const databaseUrl = baseUrl();
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = await createEventStore({ kind: 'postgres', databaseUrl, schema, poolSize: 3 });
  return {
    store,
    tamper: postgresTamper(admin, schema),
    storeOptions: { kind: 'postgres', databaseUrl, schema },
    close: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
