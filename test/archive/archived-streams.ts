import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChainRow, RecordedEvent } from '@jejak/event-store';

// The archived streams under test/fixtures/streams: rows exactly as the embedded store kept them
// (its `jejak_events` table, one JSON object a line), and what they folded to when archived.

export const STREAMS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'streams',
);

export type ArchivedRow = ChainRow & {
  globalPosition: number;
  eventId: string;
  idempotencyKey: string | null;
  recordedAt: string;
};

export type ArchivedExpectation = {
  kind: string;
  streamId: string;
  revision: number;
  headHash: string;
  state: string;
  persisted: { value: unknown; context: Record<string, unknown>; status: string };
  summary: Record<string, unknown>;
  deadlines: unknown[];
};

export type ArchivedStream = { name: string; rows: ArchivedRow[]; expected: ArchivedExpectation };

export function archivedStreams(): ArchivedStream[] {
  return readdirSync(STREAMS_DIR)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.jsonl'.length);
      const rows = readFileSync(join(STREAMS_DIR, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as ArchivedRow);
      const expected = JSON.parse(
        readFileSync(join(STREAMS_DIR, `${name}.expected.json`), 'utf8'),
      ) as ArchivedExpectation;
      return { name, rows, expected };
    });
}

/** A stored row as the SQL adapters read it: data and metadata from the hashed bytes. */
export function recordedEventOf(row: ArchivedRow): RecordedEvent {
  const envelope = JSON.parse(row.canonical) as { data: unknown; metadata: Record<string, string> };
  return {
    id: row.eventId,
    streamId: row.streamId,
    revision: row.revision,
    globalPosition: row.globalPosition,
    type: row.type,
    data: envelope.data,
    metadata: envelope.metadata,
    recordedAt: row.recordedAt,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
