import type { Migration } from '../../sql/migration.js';

/**
 * PostgreSQL schema: events (hash-chained; the unique `(stream_id, revision)` is the race guard),
 * subscription checkpoints, read-model documents. Tables live in the connection's search_path
 * (the `schema` option).
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE jejak_events (
  global_position bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id        uuid        NOT NULL,
  stream_id       text        NOT NULL,
  revision        integer     NOT NULL,
  type            text        NOT NULL,
  canonical       text        NOT NULL,
  prev_hash       text        NOT NULL,
  hash            text        NOT NULL,
  idempotency_key text,
  recorded_at     timestamptz NOT NULL,
  CONSTRAINT jejak_events_stream_revision UNIQUE (stream_id, revision)
);

CREATE INDEX jejak_events_idempotency
  ON jejak_events (stream_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE jejak_checkpoints (
  subscriber text        PRIMARY KEY,
  position   bigint      NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jejak_documents (
  collection text  NOT NULL,
  id         text  NOT NULL,
  document   jsonb NOT NULL,
  PRIMARY KEY (collection, id)
);

CREATE INDEX jejak_documents_filter ON jejak_documents USING gin (document jsonb_path_ops);
`,
};
