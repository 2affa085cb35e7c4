import { toWita } from './calendar.js';

/** A stored event as an adapter reads it (the slice the upcasters need and keep). */
export type StoredEvent = {
  type: string;
  data: unknown;
  metadata: Record<string, string>;
  /** When the store committed it (UTC). */
  recordedAt: string;
};

// Stored events are forever: an event written with an older envelope or an older type name is
// read through upcasters, version n to n + 1, one after another, when it is read, after its hash
// chain was verified on the stored bytes (the adapters verify; these functions only see the
// parsed event). The stored bytes are never rewritten.

/**
 * The version of the event envelope new events are written with (`metadata.schemaVersion`).
 * 1 (absent): before issue 13, no `effectiveAt`; 2: `effectiveAt` and `recordedAt` in the
 * metadata; 3: event types named by the naming policy (docs/events.md). Older versions are
 * upcast on read (below), never rewritten.
 */
export const CURRENT_SCHEMA_VERSION = 3;

/** The schema version an event was stored with (`metadata.schemaVersion`; absent: 1). */
export function schemaVersionOf(event: Pick<StoredEvent, 'metadata'>): number {
  const raw = event.metadata['schemaVersion'];
  const version = raw === undefined ? 1 : Number(raw);
  return Number.isInteger(version) && version >= 1 ? version : 1;
}

type Upcaster = <T extends StoredEvent>(event: T) => T;

const occurredAtOf = (event: StoredEvent): string | undefined => {
  const data = event.data as { occurredAt?: unknown } | null;
  return typeof data?.occurredAt === 'string' ? data.occurredAt : undefined;
};

/**
 * 1 -> 2: before issue 13 an act was dated by the server's clock. Its `effectiveAt` is the
 * `occurredAt` it was decided with (in WITA), its `recordedAt` the clock the command path
 * recorded (else the store's commit time).
 */
const v1ToV2: Upcaster = (event) => {
  const occurredAt = occurredAtOf(event);
  const recordedAt = event.metadata['recordedAt'] ?? event.recordedAt;
  return {
    ...event,
    metadata: {
      ...event.metadata,
      schemaVersion: '2',
      recordedAt,
      effectiveAt: toWita(occurredAt ?? recordedAt),
    },
  };
};

/** The event types renamed by the naming policy (docs/events.md): old name -> new name. */
export const RENAMED_EVENT_TYPES: Readonly<Record<string, string>> = {
  SubmittedToPpk: 'SubmittedToPPK',
  PpkStatusRecorded: 'PPKStatusRecorded',
};

/** 2 -> 3: acronyms in capitals, as the law writes them (`SubmittedToPpk` -> `SubmittedToPPK`). */
const v2ToV3: Upcaster = (event) => ({
  ...event,
  type: RENAMED_EVENT_TYPES[event.type] ?? event.type,
  metadata: { ...event.metadata, schemaVersion: '3' },
});

/** Upcaster from version n (index n - 1) to n + 1. */
export const UPCASTERS: readonly Upcaster[] = [v1ToV2, v2ToV3];

/** The event as today's code reads it: every upcaster from its stored version on, in order. */
export function upcastEvent<T extends StoredEvent>(event: T): T {
  let current = event;
  for (let version = schemaVersionOf(event); version < CURRENT_SCHEMA_VERSION; version += 1) {
    const upcaster = UPCASTERS[version - 1];
    if (upcaster === undefined) break;
    current = upcaster(current);
  }
  return current;
}
