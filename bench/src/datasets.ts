import { randomUUID } from 'node:crypto';
import {
  createEventStore,
  NO_STREAM,
  type EventStore,
  type NewEvent,
  type OpenedEventStore,
} from '@jejak/event-store';
import { JPTP_KIND, type JptpCommand, type JptpEvent } from '@jejak/workflows';
import pg from 'pg';

/** The per-append maximum of the event store. */
const CHUNK = 1_000;

/**
 * Events as the application layer stores them: the domain event plus the decision metadata
 * `handleCommand` records (kind, command, actor, role, legal basis, body hash, recordedAt), so
 * stored rows have their real size and projections find the kind.
 */
export function storedEventsOf(
  commands: readonly JptpCommand[],
  events: readonly JptpEvent[],
): NewEvent[] {
  if (commands.length !== events.length) throw new Error('bench: one event per command expected');
  return events.map((event, i) => {
    const command = commands[i]!;
    const actor = command.metadata.actor;
    return {
      type: event.type,
      data: event.data,
      metadata: {
        kind: JPTP_KIND,
        command: command.type,
        actor: JSON.stringify({ sub: actor.sub, name: actor.name, role: actor.role }),
        role: actor.role,
        legalBasis: '[]',
        bodyHash: 'b'.repeat(64),
        recordedAt: command.metadata.now,
      },
    };
  });
}

export const newStreamId = (): string => `selection-${randomUUID()}`;

/** Appends `events` to a new stream, 1,000 per append (the store's limit), in order. */
export async function seedStream(
  store: EventStore,
  streamId: string,
  events: readonly NewEvent[],
): Promise<void> {
  for (let from = 0; from < events.length; from += CHUNK) {
    await store.appendToStream(streamId, events.slice(from, from + CHUNK), {
      expectedRevision: from === 0 ? NO_STREAM : from - 1,
    });
  }
}

/** jejak's PostgreSQL store in its own schema of the bench database. */
export function openPostgresStore(
  databaseUrl: string,
  schema: string,
  poolSize = 10,
): Promise<OpenedEventStore> {
  return createEventStore({
    kind: 'postgres',
    databaseUrl,
    schema,
    poolSize,
    subscriptions: { pollIntervalMs: 10 },
  });
}

/** A raw `pg` pool on the same schema (the peer's view of the same rows). */
export function rawPool(databaseUrl: string, schema: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    options: `-c search_path=${schema}`,
  });
  // The databases are dropped WITH (FORCE) at the end: an idle client's error must not crash.
  pool.on('error', () => undefined);
  return pool;
}
