import type { EventMetadata, RecordedEvent } from '@jejak/event-store';
import type { Actor } from '@jejak/workflows';
import { schemaVersionOf, upcastEvent } from '@jejak/workflows';

const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant in WITA (Asia/Makassar, UTC+8, no DST), ISO 8601 with `+08:00`. */
export function toWitaIso(instant: string): string {
  const shifted = new Date(new Date(instant).getTime() + WITA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, -1)}+08:00`;
}

/** A stored event as the API shows it: metadata parsed where it holds JSON, times in UTC and WITA. */
export type SelectionEventView = {
  id: string;
  revision: number;
  globalPosition: number;
  type: string;
  data: unknown;
  actor: Actor | null;
  role: string | null;
  legalBasis: string[];
  /** The stored metadata, `actor` and `legalBasis` as objects (the store keeps them as JSON text). */
  metadata: PresentedMetadata;
  /** When the act took effect (WITA): the date of its paper, or when it was recorded. */
  effectiveAt: string;
  /** When the store committed it (UTC) and the same in WITA. */
  recordedAt: string;
  recordedAtWita: string;
  /** The type and schema version as stored, where today's code reads it as another. */
  stored?: { type: string; schemaVersion: number };
  prevHash: string;
  hash: string;
};

function parsed<T>(json: string | undefined, fallback: T): T {
  if (json === undefined) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/** Event metadata as the API answers it: flat strings, but `actor` and `legalBasis` parsed. */
export type PresentedMetadata = Record<string, unknown> & {
  actor?: Actor | null;
  legalBasis?: string[];
};

/**
 * The metadata with the JSON the store keeps in `actor` and `legalBasis` answered as what it
 * holds (a client never parses JSON inside JSON); any other field, and unparsable text, as stored.
 */
export function presentMetadata(metadata: EventMetadata): PresentedMetadata {
  const presented: PresentedMetadata = { ...metadata };
  for (const key of ['actor', 'legalBasis'] as const) {
    const text = metadata[key];
    if (text === undefined) continue;
    const value = parsed<unknown>(text, undefined);
    if (value !== undefined) presented[key] = value as never;
  }
  return presented;
}

export function presentEvent(stored: RecordedEvent): SelectionEventView {
  const event = upcastEvent(stored);
  const { metadata } = event;
  return {
    id: event.id,
    revision: event.revision,
    globalPosition: event.globalPosition,
    type: event.type,
    ...(event.type === stored.type
      ? {}
      : { stored: { type: stored.type, schemaVersion: schemaVersionOf(stored) } }),
    data: event.data,
    actor: parsed<Actor | null>(metadata['actor'], null),
    role: metadata['role'] ?? null,
    legalBasis: parsed<string[]>(metadata['legalBasis'], []),
    metadata: presentMetadata(metadata),
    effectiveAt: metadata['effectiveAt'] ?? toWitaIso(event.recordedAt),
    recordedAt: event.recordedAt,
    recordedAtWita: toWitaIso(event.recordedAt),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
