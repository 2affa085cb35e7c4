import type { OpenedEventStore } from '@jejak/event-store';
import type pg from 'pg';
import { newStreamId, openPostgresStore, rawPool, seedStream, storedEventsOf } from './datasets.js';
import { now } from './harness/measure.js';
import type { BenchContext } from './harness/types.js';
import { referenceWithEvents } from './scenario.js';

/** A log of many reference selections in jejak's PostgreSQL store (B6, B10). */
export type EventLog = {
  store: OpenedEventStore;
  raw: pg.Pool;
  databaseUrl: string;
  schema: string;
  streams: string[];
  events: number;
  seedMs: number;
};

const SCHEMA = 'log';

/**
 * Copies a stream to a new stream id inside PostgreSQL: the same canonical events with the
 * stream id replaced, hashed again (SHA-256(prevHash ++ canonical), the store's chain), one
 * INSERT per stream. Only seeding takes this shortcut (it is about 5x faster than appending
 * through the store); every measured read and verification goes through the store as usual,
 * and B10 checks that every copied chain verifies.
 */
const COPY_FUNCTION = `CREATE OR REPLACE FUNCTION bench_copy_stream(p_from text, p_to text) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  prev text := repeat('0', 64);
  needle text := '"streamId":"' || p_from || '"';
  repl text := '"streamId":"' || p_to || '"';
  r record; c text; h text; n integer := 0;
  ids uuid[] := '{}'; revs integer[] := '{}'; types text[] := '{}'; cans text[] := '{}';
  prevs text[] := '{}'; hashes text[] := '{}'; ats timestamptz[] := '{}';
BEGIN
  FOR r IN SELECT revision, type, canonical, recorded_at FROM jejak_events
           WHERE stream_id = p_from ORDER BY revision LOOP
    c := replace(r.canonical, needle, repl);
    h := encode(sha256(convert_to(prev || c, 'UTF8')), 'hex');
    ids := ids || gen_random_uuid(); revs := revs || r.revision; types := types || r.type;
    cans := cans || c; prevs := prevs || prev; hashes := hashes || h; ats := ats || r.recorded_at;
    prev := h; n := n + 1;
  END LOOP;
  INSERT INTO jejak_events (event_id, stream_id, revision, type, canonical, prev_hash, hash, recorded_at)
    SELECT u.id, p_to, u.rev, u.type, u.can, u.prev, u.hash, u.at
    FROM unnest(ids, revs, types, cans, prevs, hashes, ats) AS u(id, rev, type, can, prev, hash, at);
  RETURN n;
END $fn$`;

/**
 * The shared log: full mode 271 reference selections (1,000,803 events), quick mode 5. The
 * first stream is appended through the store; the others are copies of it (COPY_FUNCTION).
 */
export function eventLog(context: BenchContext): Promise<EventLog> {
  return context.shared('event-log', async () => {
    const databaseUrl = await context.database('main');
    const store = await openPostgresStore(databaseUrl, SCHEMA);
    const raw = rawPool(databaseUrl, SCHEMA, 4);
    context.onCleanup(async () => {
      await store.close();
      await raw.end();
    });
    const reference = await context.shared('reference', () =>
      Promise.resolve(referenceWithEvents()),
    );
    const count = context.quick ? 5 : 271;
    const start = now();
    const first = newStreamId();
    await seedStream(store, first, storedEventsOf(reference.commands, reference.events));
    await raw.query(COPY_FUNCTION);
    const copies = Array.from({ length: count - 1 }, () => newStreamId());
    let next = 0;
    // Four copies at a time: PostgreSQL hashes and inserts on the other core meanwhile.
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        while (next < copies.length) {
          const id = copies[next++]!;
          await raw.query('SELECT bench_copy_stream($1, $2)', [first, id]);
          if (next % 50 === 0) context.log(`event log: ${next + 1}/${count} streams`);
        }
      }),
    );
    await raw.query('ANALYZE jejak_events');
    const streams = [first, ...copies];
    const seedMs = now() - start;
    const events = streams.length * reference.events.length;
    context.log(
      `event log: ${events} events in ${streams.length} streams, seeded in ${(seedMs / 1000).toFixed(1)} s`,
    );
    return { store, raw, databaseUrl, schema: SCHEMA, streams, events, seedMs };
  });
}
