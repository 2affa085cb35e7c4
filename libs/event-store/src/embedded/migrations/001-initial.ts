import type { Migration } from '../../sql/migration.js';

/** SQLite schema: events (hash-chained), subscription checkpoints, read-model documents. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE jejak_events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT    NOT NULL,
  stream_id       TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  canonical       TEXT    NOT NULL,
  prev_hash       TEXT    NOT NULL,
  hash            TEXT    NOT NULL,
  idempotency_key TEXT,
  recorded_at     TEXT    NOT NULL,
  CONSTRAINT jejak_events_stream_revision UNIQUE (stream_id, revision)
) STRICT;

CREATE INDEX jejak_events_idempotency
  ON jejak_events (stream_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE jejak_checkpoints (
  subscriber TEXT    PRIMARY KEY,
  position   INTEGER NOT NULL,
  updated_at TEXT    NOT NULL
) STRICT;

CREATE TABLE jejak_documents (
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  document   TEXT NOT NULL,
  PRIMARY KEY (collection, id)
) STRICT;
`,
};
