import { createHash } from 'node:crypto';
import { canonicalJson, type EventMetadata, type RecordedEvent } from '@jejak/event-store';
import type { Actor, DomainEvent } from '@jejak/workflows';

const STREAM_PREFIX = 'selection-';

export const streamIdOf = (selectionId: string): string => `${STREAM_PREFIX}${selectionId}`;

/** The selection id of a `selection-<uuid>` stream, or null for any other stream. */
export function selectionIdOf(streamId: string): string | null {
  return streamId.startsWith(STREAM_PREFIX) ? streamId.slice(STREAM_PREFIX.length) : null;
}

/** The domain event as the machine folds it: the stored type and data, nothing else. */
export const toDomainEvent = (event: RecordedEvent): DomainEvent =>
  ({ type: event.type, data: event.data }) as DomainEvent;

/** The procedure kind a selection's stream was opened with (every event carries it). */
export const kindOfStream = (events: readonly RecordedEvent[]): string | undefined =>
  events[0]?.metadata['kind'];

/** What a request was, for `Idempotency-Key` comparisons: SHA-256 of the canonical JSON. */
export function bodyHashOf(request: { kind: string | null; type: string; data: unknown }): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** Everything recorded with each event of one decision (flat strings, DESIGN.md step 6). */
export type DecisionMetadata = {
  kind: string;
  command: string;
  actor: Actor;
  legalBasis: readonly string[];
  bodyHash: string;
  recordedAt: string;
  correlationId?: string | undefined;
  causationId?: string | undefined;
  idempotencyKey?: string | undefined;
};

export function eventMetadataOf(decision: DecisionMetadata): EventMetadata {
  const { actor, legalBasis, correlationId, causationId, idempotencyKey, ...rest } = decision;
  const optional = { correlationId, causationId, idempotencyKey };
  return {
    ...rest,
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
