import type { Pool } from 'pg';
import type { StreamHead } from '../sql/sql-driver.js';

/**
 * The head (last revision and hash) of each stream asked for, one index probe per stream
 * (`LIMIT 1` under the `(stream_id, revision)` key, however long the stream is).
 */
export const HEADS = `SELECT s.stream_id AS "streamId", h.revision, h.hash
  FROM unnest($1::text[]) AS s(stream_id)
  CROSS JOIN LATERAL (
    SELECT revision, hash FROM jejak_events WHERE stream_id = s.stream_id
    ORDER BY revision DESC LIMIT 1
  ) h`;

type Waiter = { resolve: (head: StreamHead | null) => void; reject: (error: unknown) => void };

/**
 * Stream-head lookups coalesced: while one query is out, the lookups that arrive wait and go
 * together as the next query (one round trip for many reads, e.g. the API's revision check per
 * GET under load). A lookup only ever joins a query not sent yet, so its answer is as fresh as a
 * query of its own: whatever committed before the call is seen (read-your-writes).
 */
export class HeadLookups {
  private waiting = new Map<string, Waiter[]>();
  private sending = false;

  constructor(private readonly pool: Pick<Pool, 'query'>) {}

  head(streamId: string): Promise<StreamHead | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(streamId);
      if (waiters === undefined) this.waiting.set(streamId, [{ resolve, reject }]);
      else waiters.push({ resolve, reject });
      if (!this.sending) this.send();
    });
  }

  private send(): void {
    const batch = this.waiting;
    if (batch.size === 0) {
      this.sending = false;
      return;
    }
    this.waiting = new Map();
    this.sending = true;
    this.pool
      .query<StreamHead & { streamId: string }>(HEADS, [[...batch.keys()]])
      .then(
        ({ rows }) => {
          const heads = new Map(rows.map((row) => [row.streamId, row]));
          for (const [streamId, waiters] of batch) {
            const row = heads.get(streamId);
            const head = row === undefined ? null : { revision: row.revision, hash: row.hash };
            for (const waiter of waiters) waiter.resolve(head);
          }
        },
        (error: unknown) => {
          for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
        },
      )
      .finally(() => this.send());
  }
}
