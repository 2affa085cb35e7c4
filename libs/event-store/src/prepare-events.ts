import { randomUUID } from 'node:crypto';
import { AppendLimitError, InvalidEventError } from './event-store.errors.js';
import type { EventMetadata, NewEvent } from './event-store.port.js';
import { canonicalJson } from './hash-chain.js';
import {
  MAX_EVENTS_PER_APPEND,
  MAX_EVENT_BYTES,
  RESERVED_METADATA_KEYS,
  assertEventId,
  assertEventType,
  findNonJson,
} from './validation.js';

/** A new event that passed every limit, with its data and metadata already canonical. */
export type PreparedEvent = {
  id: string;
  type: string;
  metadata: EventMetadata;
  dataJson: string;
  metadataJson: string;
  idempotencyKey: string | null;
};

function prepareMetadata(index: number, metadata: unknown): EventMetadata {
  if (metadata === undefined) return {};
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidEventError(index, 'metadata must be a flat object of strings');
  }
  const flat: EventMetadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      throw new InvalidEventError(
        index,
        `metadata.${key} must be a string (nest as a JSON string)`,
      );
    }
    if ((RESERVED_METADATA_KEYS as readonly string[]).includes(key)) {
      throw new InvalidEventError(index, `metadata.${key} is reserved for the hash chain`);
    }
    flat[key] = value;
  }
  return flat;
}

function prepareEvent(event: NewEvent, index: number): PreparedEvent {
  if (typeof event !== 'object' || event === null) {
    throw new InvalidEventError(index, 'not an event object');
  }
  assertEventType(index, event.type);
  const id = event.id ?? randomUUID();
  assertEventId(index, id);
  if (event.data === undefined) throw new InvalidEventError(index, 'data is required');
  const notJson = findNonJson(event.data);
  if (notJson) throw new InvalidEventError(index, `data is not JSON at ${notJson}`);
  const metadata = prepareMetadata(index, event.metadata);
  let dataJson: string;
  let metadataJson: string;
  try {
    dataJson = canonicalJson(event.data);
    metadataJson = canonicalJson(metadata);
  } catch (error) {
    throw new InvalidEventError(index, `not JSON: ${(error as Error).message}`);
  }
  const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
  if (bytes > MAX_EVENT_BYTES) {
    throw new InvalidEventError(index, `${bytes} bytes, the limit is ${MAX_EVENT_BYTES} per event`);
  }
  const idempotencyKey = metadata['idempotencyKey'] ?? null;
  return { id, type: event.type, metadata, dataJson, metadataJson, idempotencyKey };
}

/** Checks the whole batch before anything is written: all events pass, or the append throws. */
export function prepareEvents(events: readonly NewEvent[]): PreparedEvent[] {
  if (!Array.isArray(events)) throw new InvalidEventError(null, 'events must be an array');
  if (events.length === 0 || events.length > MAX_EVENTS_PER_APPEND) {
    throw new AppendLimitError(events.length, MAX_EVENTS_PER_APPEND);
  }
  return events.map(prepareEvent);
}
