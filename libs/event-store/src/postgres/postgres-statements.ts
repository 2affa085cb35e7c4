/**
 * PostgreSQL statements. Advisory-lock keys use the two-int form: a class id for jejak plus the
 * hash of the schema, so separate schemas (tenants, tests) never wait for each other.
 */
const LOCK_CLASS = 0x6a656a61; // 'jeja' = 1785031265, also in migration 002

/** $1: the schema name (current_schema() is null until the schema exists). */
export const MIGRATION_LOCK = `SELECT pg_advisory_xact_lock(${LOCK_CLASS}, hashtext('migrate:' || $1))`;

/** `lag` is reported exactly up to this many events, then as this number. */
export const LAG_CAP = 10_000;

/**
 * `recordedAt` comes as the ISO 8601 text JavaScript's toISOString gives (stored values have
 * millisecond precision: they come from it), so rows need no Date parsing and formatting.
 */
const COLUMNS = `global_position AS "globalPosition", event_id AS "eventId", stream_id AS "streamId",
  revision, type, canonical, prev_hash AS "prevHash", hash,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`;

/**
 * One round trip per append, or for several (group commit: `UNION ALL` runs the calls in
 * order, each seeing the inserts of those before it): the `jejak_append` function (migration
 * 002 explains how it closes the sequence-gap problem). Returns, per append (`append` is its
 * index), the inserted positions or the actual head it lost to. The unique
 * `(stream_id, revision)` remains the last guard (23505 if anything slips by).
 */
export function appendStatement(appends: number): string {
  return Array.from({ length: appends }, (_, i) => {
    const p = Array.from({ length: 11 }, (_, k) => `$${i * 11 + k + 1}`).join(', ');
    return `SELECT ${i} AS "append", global_position AS "globalPosition",
  head_revision AS "headRevision", head_hash AS "headHash" FROM jejak_append(${p})`;
  }).join('\nUNION ALL\n');
}

export const HEAD = `SELECT revision, hash FROM jejak_events WHERE stream_id = $1
  ORDER BY revision DESC LIMIT 1`;

export const READ_FORWARDS = `SELECT ${COLUMNS} FROM jejak_events
  WHERE stream_id = $1 AND revision >= $2 ORDER BY revision ASC LIMIT $3`;

/** What verifyStream needs: no ids, positions or timestamps to convert. */
export const READ_CHAIN = `SELECT revision, type, canonical, prev_hash AS "prevHash", hash
  FROM jejak_events WHERE stream_id = $1 ORDER BY revision ASC`;

export const READ_BACKWARDS = `SELECT ${COLUMNS} FROM jejak_events
  WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`;

export const READ_ALL = `SELECT ${COLUMNS} FROM jejak_events
  WHERE global_position > $1 ORDER BY global_position LIMIT $2`;

export const BY_IDEMPOTENCY_KEY = `SELECT ${COLUMNS} FROM jejak_events
  WHERE stream_id = $1 AND idempotency_key = $2 ORDER BY revision`;

export const LIST_STREAMS = `SELECT stream_id AS "streamId" FROM jejak_events
  GROUP BY stream_id ORDER BY min(global_position)`;

/** Capped so a projection catching up on millions of events does not count them all per batch. */
export const COUNT_AFTER = `SELECT count(*)::integer AS n FROM (
  SELECT 1 FROM jejak_events WHERE global_position > $1 LIMIT ${LAG_CAP}) AS pending`;

export const LOAD_CHECKPOINT = `SELECT position FROM jejak_checkpoints WHERE subscriber = $1`;

export const SAVE_CHECKPOINT = `INSERT INTO jejak_checkpoints (subscriber, position, updated_at)
  VALUES ($1, $2, now())
  ON CONFLICT (subscriber) DO UPDATE SET position = excluded.position, updated_at = now()`;
