import type { Migration } from '../../sql/migration.js';

/**
 * The append as one server-side function, so that it stays one round trip and still checks
 * the stream head AFTER taking the append lock: in READ COMMITTED each statement of a volatile
 * function takes a fresh snapshot, so the re-check sees every append committed before the lock
 * was granted (a single SQL statement would keep the snapshot from before its lock wait).
 *
 * Sequence gaps: the transaction-level advisory lock serialises appends until commit, and
 * identity values are drawn only under it; a transaction becomes visible before it releases
 * its locks, so global positions become visible strictly in order and a reader that has seen
 * position n can never later see a smaller one. Rolled-back appends leave gaps that are never
 * filled, which readers tolerate.
 *
 * Returns the inserted positions, or (nothing inserted) one row with the actual head, or no
 * row when the stream does not exist and the caller planned on an existing one.
 */
export const appendFunction: Migration = {
  version: 2,
  name: 'append-function',
  sql: `
CREATE FUNCTION jejak_append(
  p_stream_id text, p_head_revision integer, p_head_hash text, p_recorded_at timestamptz,
  p_event_ids uuid[], p_revisions integer[], p_types text[], p_canonicals text[],
  p_prev_hashes text[], p_hashes text[], p_idempotency_keys text[]
) RETURNS TABLE (global_position bigint, head_revision integer, head_hash text)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  head_row record;
  attempt integer;
BEGIN
  -- attempt 1 checks without the lock (a writer that already lost fails fast);
  -- attempt 2 checks again under the lock, with a fresh snapshot.
  FOR attempt IN 1..2 LOOP
    IF attempt = 2 THEN
      -- 1785031265 = 0x6a656a61 ("jeja"), the class id of every jejak advisory lock.
      PERFORM pg_advisory_xact_lock(1785031265, hashtext('append:' || current_schema()));
    END IF;
    SELECT e.revision, e.hash INTO head_row FROM jejak_events e
      WHERE e.stream_id = p_stream_id ORDER BY e.revision DESC LIMIT 1;
    IF (head_row.revision IS DISTINCT FROM p_head_revision)
       OR (head_row.hash IS DISTINCT FROM p_head_hash) THEN
      IF head_row.revision IS NOT NULL THEN
        RETURN QUERY SELECT NULL::bigint, head_row.revision, head_row.hash;
      END IF;
      RETURN;
    END IF;
  END LOOP;
  RETURN QUERY
    INSERT INTO jejak_events AS e (event_id, stream_id, revision, type, canonical, prev_hash, hash,
      idempotency_key, recorded_at)
    SELECT u.event_id, p_stream_id, u.revision, u.type, u.canonical, u.prev_hash, u.hash,
      u.idempotency_key, p_recorded_at
    FROM unnest(p_event_ids, p_revisions, p_types, p_canonicals, p_prev_hashes, p_hashes,
      p_idempotency_keys) WITH ORDINALITY
      AS u(event_id, revision, type, canonical, prev_hash, hash, idempotency_key, ord)
    ORDER BY u.ord
    RETURNING e.global_position, NULL::integer, NULL::text;
END
$fn$;
`,
};
