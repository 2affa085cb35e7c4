import { Logger } from '@nestjs/common';
import pg from 'pg';
import { InvalidArgumentError } from '../event-store.errors.js';
import type { NewEvent } from '../event-store.port.js';
import { ANY } from '../event-store.port.js';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store.js';
import type { EventStoreHandle } from '../stores.js';
import { migratePostgres } from './migrations/index.js';
import { PostgresDriver } from './postgres-driver.js';
import { translatePgError } from './postgres-errors.js';
import { PostgresReadModelStore } from './postgres-read-model-store.js';

export type PostgresEventStoreOptions = SqlEventStoreOptions & {
  /** e.g. `postgres://user@host:5432/db` */
  databaseUrl: string;
  /** Schema for jejak's tables (created if missing); default: the server's search_path. */
  schema?: string;
  poolSize?: number;
  applicationName?: string;
  connectionTimeoutMs?: number;
  /**
   * Appends sent to the database at once before the others wait and go together as one
   * statement and one commit (group commit). Default 2; at least 1.
   */
  appendSlots?: number;
};

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** The PostgreSQL adapter: the shared SQL core over a `pg` pool. */
export class PostgresEventStore extends SqlEventStore {
  constructor(
    private readonly postgres: PostgresDriver,
    private readonly pool: pg.Pool,
    options: SqlEventStoreOptions,
  ) {
    super(postgres, options);
  }

  /** Test seam: appends waiting in this process for an append slot (group commit). */
  queuedAppends(): number {
    return this.postgres.queuedAppends();
  }

  /**
   * Test seam for the sequence-gap contract: runs the real append statement inside a
   * transaction and keeps it open (lock held, position drawn) until `commit()`.
   */
  async holdAppend(streamId: string, events: NewEvent[]): Promise<{ commit(): Promise<void> }> {
    const append = this.prepareAppend(streamId, events, ANY);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await this.run(() => this.postgres.appendOn(client, streamId, append.plan));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
    return {
      commit: async () => {
        try {
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      },
    };
  }
}

function createPool(options: PostgresEventStoreOptions): pg.Pool {
  if (options.schema !== undefined && !SCHEMA.test(options.schema)) {
    throw new InvalidArgumentError(
      `Invalid PostgreSQL schema name ${JSON.stringify(options.schema)}`,
    );
  }
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'jejak',
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const logger = new Logger('PostgresEventStore');
  // An idle client whose connection drops emits here; without a listener the process crashes.
  pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
  return pool;
}

/** Connects, migrates (idempotently) and returns the store with its read models. */
export async function openPostgresStores(
  options: PostgresEventStoreOptions,
): Promise<EventStoreHandle & { eventStore: PostgresEventStore }> {
  const pool = createPool(options);
  try {
    await migratePostgres(pool, options.schema ?? null);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw translatePgError(error);
  }
  const driver = new PostgresDriver(pool, Math.max(1, options.appendSlots ?? 2));
  const eventStore = new PostgresEventStore(driver, pool, options);
  const readModels = new PostgresReadModelStore(pool);
  return { eventStore, readModels, close: () => eventStore.close() };
}
