import { EventStoreFailureError } from '../event-store.errors.js';
import type { EventMetadata, RecordedEvent } from '../event-store.port.js';
import type { EventRow } from './sql-driver.js';

type StoredEnvelope = { data: unknown; metadata: EventMetadata };

/** Data and metadata come from the hashed bytes themselves: what is served is what was hashed. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  let envelope: StoredEnvelope;
  try {
    envelope = JSON.parse(row.canonical) as StoredEnvelope;
  } catch {
    throw new EventStoreFailureError(
      `Stored event ${row.streamId}@${row.revision} is not readable JSON: run verifyStream`,
    );
  }
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
