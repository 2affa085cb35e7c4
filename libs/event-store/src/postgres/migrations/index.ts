import type { Pool } from 'pg';
import type { Migration } from '../../sql/migration.js';
import { MIGRATION_LOCK } from '../postgres-statements.js';
import { initial } from './001-initial.js';
import { appendFunction } from './002-append-function.js';

export const postgresMigrations: readonly Migration[] = [initial, appendFunction];

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Applies pending migrations at start-up in one transaction, under an advisory lock so that
 * instances starting together apply each migration exactly once. Idempotent.
 */
export async function migratePostgres(
  pool: Pool,
  schema: string | null,
  migrations = postgresMigrations,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(MIGRATION_LOCK, [schema ?? '']);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS jejak_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM jejak_migrations',
    );
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO jejak_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
