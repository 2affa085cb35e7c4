import type { RecordedEvent } from '../event-store.port.js';
import type { ChainRow } from '../hash-chain.js';
import { toRecordedEvent } from '../sql/event-row.js';
import type { NewRow } from '../sql/sql-driver.js';
import type { EsdbEvent, EsdbNewEvent } from './esdb-client.port.js';

/**
 * How jejak events sit in EventStoreDB: the event's data is the exact canonical envelope bytes
 * that were hashed (stored as a binary event, so the client never re-serialises them), and it
 * already carries the user metadata; the event's metadata holds only the chain, `prevHash` and
 * `hash`. (Events written before this carry the user metadata there too; it is not read back.)
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export function toEsdbEvent(row: NewRow): EsdbNewEvent {
  return {
    id: row.eventId,
    type: row.type,
    data: encoder.encode(row.canonical),
    metadata: { prevHash: row.prevHash, hash: row.hash },
  };
}

/**
 * What the server counts against `MaxAppendSize` for a whole append: data, metadata and twice
 * the type's length, per event (KurrentDB src/KurrentDB.Core/Data/Event.cs `SizeOnDisk`).
 */
export function appendSize(events: readonly EsdbNewEvent[]): number {
  return events.reduce(
    (size, e) =>
      size + e.data.length + encoder.encode(JSON.stringify(e.metadata)).length + e.type.length * 2,
    0,
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function toChainRow(event: EsdbEvent): ChainRow {
  return {
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    canonical: decoder.decode(event.data),
    prevHash: text(event.metadata['prevHash']),
    hash: text(event.metadata['hash']),
  };
}

export function toRecorded(event: EsdbEvent): RecordedEvent {
  const row = toChainRow(event);
  return toRecordedEvent({
    ...row,
    eventId: event.id,
    globalPosition: event.position ? Number(event.position.commit) : -1,
    recordedAt: event.created.toISOString(),
  });
}
