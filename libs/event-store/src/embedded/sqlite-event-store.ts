import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '../event-store.errors.js';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store.js';
import type { EventStoreHandle } from '../stores.js';
import { DEFAULT_SQLITE_PATH } from './default-path.js';
import { migrateSqlite } from './migrations/index.js';
import { SqliteDriver } from './sqlite-driver.js';
import { SqliteReadModelStore } from './sqlite-read-model-store.js';

export type SqliteEventStoreOptions = SqlEventStoreOptions & {
  /** Database file (its directory is created); `:memory:` for a throwaway store. */
  path?: string;
};

function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    configure(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function configure(db: Database.Database): void {
  // WAL + FULL: a committed append survives power loss; readers never block the writer.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // Another process on the same file (api + worker) waits for the write lock instead of failing.
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);
}

/** The embedded adapter: the shared SQL core over one better-sqlite3 connection. */
export class SqliteEventStore extends SqlEventStore {}

/** Opens (creating and migrating when needed) the embedded store and its read models. */
export function openSqliteStores(options: SqliteEventStoreOptions = {}): EventStoreHandle {
  const path = options.path ?? DEFAULT_SQLITE_PATH;
  let db: Database.Database;
  try {
    db = openDatabase(path);
  } catch (error) {
    throw new EventStoreUnavailableError(
      `Cannot open the SQLite store at ${path}: ${(error as Error).message}`,
    );
  }
  const driver = new SqliteDriver(db);
  const eventStore = new SqliteEventStore(driver, options);
  const readModels = new SqliteReadModelStore(db, (error) => driver.translateError(error));
  return { eventStore, readModels, close: () => eventStore.close() };
}
