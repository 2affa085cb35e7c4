import { createHash } from 'node:crypto';
import { canonicalJson, type EventMetadata, type RecordedEvent } from '@jejak/event-store';
import type { Actor, DomainEvent } from '@jejak/workflows';
import { CURRENT_SCHEMA_VERSION, upcastEvent } from '@jejak/workflows';

const STREAM_PREFIX = 'selection-';

export const streamIdOf = (selectionId: string): string => `${STREAM_PREFIX}${selectionId}`;

/** The selection id of a `selection-<uuid>` stream, or null for any other stream. */
export function selectionIdOf(streamId: string): string | null {
  return streamId.startsWith(STREAM_PREFIX) ? streamId.slice(STREAM_PREFIX.length) : null;
}

/**
 * The domain event as the machine folds it: type and data, nothing else, as today's code reads
 * them (an older stored event goes through its upcasters first, event-upcasters.ts).
 */
export const toDomainEvent = (event: RecordedEvent): DomainEvent => {
  const current = upcastEvent(event);
  return { type: current.type, data: current.data } as DomainEvent;
};

/** The procedure kind a selection's stream was opened with (every event carries it). */
export const kindOfStream = (events: readonly RecordedEvent[]): string | undefined =>
  events[0]?.metadata['kind'];

/** What a request was, for `Idempotency-Key` comparisons: SHA-256 of the canonical JSON. */
export function bodyHashOf(request: {
  kind: string | null;
  type: string;
  data: unknown;
  effectiveAt?: string;
}): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** Everything recorded with each event of one decision (flat strings, DESIGN.md step 6). */
export type DecisionMetadata = {
  kind: string;
  command: string;
  actor: Actor;
  legalBasis: readonly string[];
  bodyHash: string;
  /** The server's clock when the act was recorded (UTC). */
  recordedAt: string;
  /** When the act took effect (WITA, `+08:00`). */
  effectiveAt: string;
  correlationId?: string | undefined;
  causationId?: string | undefined;
  idempotencyKey?: string | undefined;
};

export function eventMetadataOf(decision: DecisionMetadata): EventMetadata {
  const { actor, legalBasis, correlationId, causationId, idempotencyKey, ...rest } = decision;
  const optional = { correlationId, causationId, idempotencyKey };
  return {
    ...rest,
    schemaVersion: String(CURRENT_SCHEMA_VERSION),
    actor: JSON.stringify({
      sub: actor.sub,
      name: actor.name,
      ...(actor.nip ? { nip: actor.nip } : {}),
      role: actor.role,
    }),
    role: actor.role,
    legalBasis: JSON.stringify(legalBasis),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}
