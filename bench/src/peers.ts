import { AsyncLocalStorage } from 'node:async_hooks';
import { endAllPools } from '@event-driven-io/dumbo';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import {
  getPostgreSQLEventStore,
  type PostgresEventStore,
} from '@event-driven-io/emmett-postgresql';
import type { EventStore, NewEvent } from '@jejak/event-store';
import { handleCommand } from '@jejak/selections';
import { JPTP_KIND, procedures, type JptpCommand } from '@jejak/workflows';
import pg from 'pg';
import type { BenchContext } from './harness/types.js';

/**
 * jejak's application layer as the API holds it: one `handleCommand` (one fold cache) shared by
 * every writer, with a clock that answers the time of the command being handled (rules are
 * evaluated as of the command's `now`; AsyncLocalStorage keeps concurrent commands apart).
 */
export function jejakWriter(eventStore: EventStore) {
  const time = new AsyncLocalStorage<Date>();
  const handle = handleCommand({
    eventStore,
    procedures,
    clock: () => time.getStore() ?? new Date(),
  });
  return (selectionId: string, command: JptpCommand, idempotencyKey?: string) => {
    const data =
      command.type === 'OpenSelection'
        ? { ...command.data, selectionId }
        : (command.data as Record<string, unknown>);
    return time.run(new Date(command.metadata.now), () =>
      handle(
        selectionId,
        { type: command.type, data, actor: command.metadata.actor },
        { kind: JPTP_KIND, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) },
      ),
    );
  };
}

/**
 * Emmett's PostgreSQL event store in its own database (its default pool: 10 connections).
 * Emmett (dumbo) keeps its pools in a process-wide cache, also for its consumers: they are all
 * ended at cleanup, before the bench drops the database.
 */
export function openEmmett(context: BenchContext, databaseUrl: string): PostgresEventStore {
  if (!emmettCleanup) {
    emmettCleanup = true;
    context.onCleanup(async () => {
      await endAllPools();
    });
  }
  return getPostgreSQLEventStore(databaseUrl, { schema: { autoMigration: 'CreateOrUpdate' } });
}
let emmettCleanup = false;

/** Emmett's bare append: one command's events per append, with the expected stream version. */
export function emmettAppender(store: PostgresEventStore) {
  const versions = new Map<string, bigint>();
  return async (streamName: string, events: readonly NewEvent[]) => {
    const version = versions.get(streamName);
    const result = await store.appendToStream(
      streamName,
      events.map((e) => ({
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: e.metadata ?? {},
      })),
      { expectedStreamVersion: version ?? STREAM_DOES_NOT_EXIST },
    );
    versions.set(streamName, result.nextExpectedStreamVersion);
  };
}

/**
 * Raw `pg` doing command-shaped work: read the stream's revision, insert the events at the next
 * revisions (the unique (stream_id, revision) is the race guard). Two round trips, no hashing,
 * no decision: the database's own limit for this shape.
 */
export async function rawCommandStore(databaseUrl: string, schema: string, poolSize = 10) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    options: `-c search_path=${schema}`,
  });
  pool.on('error', () => undefined);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await pool.query(`CREATE TABLE IF NOT EXISTS raw_events (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id text NOT NULL, revision integer NOT NULL, type text NOT NULL,
    data text NOT NULL, metadata text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream_id, revision))`);
  const command = async (streamId: string, events: readonly NewEvent[]) => {
    const head = await pool.query<{ revision: number }>(
      'SELECT revision FROM raw_events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1',
      [streamId],
    );
    const next = (head.rows[0]?.revision ?? -1) + 1;
    await pool.query(
      `INSERT INTO raw_events (stream_id, revision, type, data, metadata)
       SELECT $1, u.revision, u.type, u.data, u.metadata
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS u(revision, type, data, metadata)`,
      [
        streamId,
        events.map((_, i) => next + i),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata ?? {})),
      ],
    );
  };
  return { pool, command, close: () => pool.end() };
}
