import {
  canonicalEnvelope,
  canonicalJson,
  type EventStore,
  type RecordedEvent,
} from '@jejak/event-store';
import type { SelectionSummary } from '@jejak/workflows';
import {
  procedureFor,
  toDomainEvent,
  type AuditProcedure,
  type AuditProcedures,
} from './audit-procedure.js';
import { readSelection } from './selection-stream.js';
import { timelineOf, type Timeline } from './timeline.js';
import { verifySelection, type VerifyOptions } from './verify-all.js';
import type { StreamVerification } from './verify-stream.js';

/** Everything an export shows of one selection, read once. */
export type SelectionEvidence = {
  selectionId: string;
  streamId: string;
  procedure: AuditProcedure;
  events: RecordedEvent[];
  timeline: Timeline;
  summary: SelectionSummary;
  verification: StreamVerification;
};

export async function gatherEvidence(
  store: EventStore,
  procedures: AuditProcedures,
  selectionId: string,
  options: VerifyOptions,
): Promise<SelectionEvidence> {
  const verification = await verifySelection(store, selectionId, options);
  const { streamId, events } = await readSelection(store, selectionId);
  const procedure = procedureFor(procedures, events[0]!);
  const timeline = timelineOf(procedure, selectionId, streamId, events);
  return {
    selectionId,
    streamId,
    procedure,
    events,
    timeline,
    summary: foldSummary(procedure, events),
    verification,
  };
}

export function foldSummary(
  procedure: AuditProcedure,
  events: readonly Pick<RecordedEvent, 'type' | 'data' | 'metadata' | 'recordedAt'>[],
): SelectionSummary {
  const snapshot = events
    .map(toDomainEvent)
    .reduce((state, event) => procedure.evolve(state, event), procedure.initialState());
  return procedure.summarize(snapshot);
}

/**
 * The bytes the store hashed for an event. Every adapter serves `data` and `metadata` parsed
 * from those bytes, and RFC 8785 output parses and re-canonicalises to itself, so this is the
 * stored `canonical` byte for byte (checked against the hash when verifying).
 */
export function canonicalOf(event: RecordedEvent): string {
  return canonicalEnvelope({
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    dataJson: canonicalJson(event.data),
    metadataJson: canonicalJson(event.metadata),
  });
}
