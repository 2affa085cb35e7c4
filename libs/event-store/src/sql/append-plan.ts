import { StreamRevisionConflictError } from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { ANY, NO_STREAM } from '../event-store.port.js';
import { GENESIS_HASH, canonicalEnvelope, chainHash } from '../hash-chain.js';
import type { PreparedEvent } from '../prepare-events.js';
import type { EventRow, NewRow, StreamHead } from './sql-driver.js';

/** Throws our conflict error unless the stream head satisfies the expected revision. */
export function checkExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  head: StreamHead | null,
): void {
  const actual = head?.revision ?? null;
  if (expected === ANY) return;
  if (expected === NO_STREAM ? actual === null : actual === expected) return;
  throw new StreamRevisionConflictError(streamId, expected, actual);
}

/** The rows to insert after `head`, each chained to the one before it. */
export function planRows(
  streamId: string,
  events: readonly PreparedEvent[],
  head: StreamHead | null,
  recordedAt: string,
): NewRow[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let revision = head === null ? 0 : head.revision + 1;
  return events.map((event) => {
    const canonical = canonicalEnvelope({ streamId, revision, ...event });
    const hash = chainHash(prevHash, canonical);
    const row: NewRow = {
      eventId: event.id,
      streamId,
      revision,
      type: event.type,
      canonical,
      prevHash,
      hash,
      recordedAt,
      idempotencyKey: event.idempotencyKey,
    };
    prevHash = hash;
    revision += 1;
    return row;
  });
}

/** The inserted rows as a read returns them, given the positions the database assigned. */
export function storedRows(rows: readonly NewRow[], positions: readonly number[]): EventRow[] {
  return rows.map(({ idempotencyKey: _key, ...row }, i) => ({
    ...row,
    globalPosition: positions[i]!,
  }));
}
