import type Database from 'better-sqlite3';
import type { Migration } from '../../sql/migration.js';
import { initial } from './001-initial.js';

export const sqliteMigrations: readonly Migration[] = [initial];

/**
 * Applies the pending migrations, each in its own immediate transaction (so two processes
 * opening the same file cannot both apply one). Idempotent.
 */
export function migrateSqlite(db: Database.Database, migrations = sqliteMigrations): void {
  db.exec(`CREATE TABLE IF NOT EXISTS jejak_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = db.prepare('SELECT 1 FROM jejak_migrations WHERE version = ?');
  const record = db.prepare(
    'INSERT INTO jejak_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (applied.get(migration.version)) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
