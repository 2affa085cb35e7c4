import type { EventStore, RecordedEvent } from '@jejak/event-store';
import type { SelectionSummary } from '@jejak/workflows';
import { InvalidAuditQueryError } from './audit.errors.js';
import { procedureFor, toDomainEvent, type AuditProcedures } from './audit-procedure.js';
import { occurredAtOf, readSelection } from './selection-stream.js';
import { parseAuditInstant, toWitaIso } from './wita-time.js';

/** A moment to replay: an instant (ISO with offset, or local WITA), or a stream revision. */
export type ReplayPoint = { at: string } | { revision: number };

export type ReplayedState = {
  selectionId: string;
  streamId: string;
  kind: string;
  /** The last event folded, or null when the moment precedes the selection. */
  revision: number | null;
  /** The requested instant (UTC) and the same in WITA, when replaying at a time. */
  at?: string;
  atWita?: string;
  eventsApplied: number;
  /** Revision of the newest event in the stream (to tell how far the past lies behind). */
  headRevision: number;
  state: string;
  summary: SelectionSummary;
  /** The machine's context then: JSON, for auditors who want every detail. */
  context: unknown;
};

/** The events of the prefix that had happened by the point (the stream is in time order). */
function prefixAt(events: RecordedEvent[], point: ReplayPoint): RecordedEvent[] {
  if ('revision' in point) {
    const { revision } = point;
    if (!Number.isInteger(revision) || revision < 0) {
      throw new InvalidAuditQueryError(`Revision must be a whole number >= 0, got ${revision}`);
    }
    const head = events.at(-1)!.revision;
    if (revision > head) {
      throw new InvalidAuditQueryError(`Revision ${revision} does not exist yet (head is ${head})`);
    }
    return events.filter((event) => event.revision <= revision);
  }
  const limit = Date.parse(point.at);
  const firstLater = events.findIndex((event) => Date.parse(occurredAtOf(event)) > limit);
  return firstLater === -1 ? events : events.slice(0, firstLater);
}

/**
 * The state of a selection as it was at a moment: the fold of the events that had happened by
 * then (by their `occurredAt`, the time the decision was taken) or up to a revision.
 */
export async function replayAt(
  store: EventStore,
  procedures: AuditProcedures,
  selectionId: string,
  point: ReplayPoint,
): Promise<ReplayedState> {
  const normalized: ReplayPoint = 'at' in point ? { at: parseAuditInstant(point.at) } : point;
  const { streamId, events } = await readSelection(store, selectionId);
  const procedure = procedureFor(procedures, events[0]!);
  const applied = prefixAt(events, normalized);
  const snapshot = applied
    .map(toDomainEvent)
    .reduce((state, event) => procedure.evolve(state, event), procedure.initialState());
  return {
    selectionId,
    streamId,
    kind: procedure.kind,
    revision: applied.at(-1)?.revision ?? null,
    ...('at' in normalized ? { at: normalized.at, atWita: toWitaIso(normalized.at) } : {}),
    eventsApplied: applied.length,
    headRevision: events.at(-1)!.revision,
    state: procedure.stateOf(snapshot),
    summary: procedure.summarize(snapshot),
    context: snapshot.context as unknown,
  };
}
