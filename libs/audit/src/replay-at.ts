import type { EventStore, RecordedEvent } from '@jejak/event-store';
import type { SelectionSummary } from '@jejak/workflows';
import { InvalidAuditQueryError } from './audit.errors.js';
import { procedureFor, toDomainEvent, type AuditProcedures } from './audit-procedure.js';
import { occurredAtOf, readSelection } from './selection-stream.js';
import { parseAuditInstant, toWitaIso } from './wita-time.js';

/**
 * A moment to replay: an effective instant (`at`: what was legally true then, by the acts' own
 * dates), a recorded instant (`knownAt`: what the record said then, by the times the acts were
 * recorded), both (what the record said then about that instant), or a stream revision.
 * Instants: ISO with an offset, or local WITA.
 */
export type ReplayPoint =
  { at: string; knownAt?: string } | { knownAt: string; at?: string } | { revision: number };

export type ReplayedState = {
  selectionId: string;
  streamId: string;
  kind: string;
  /** The last event folded, or null when the moment precedes the selection. */
  revision: number | null;
  /** The requested effective instant (UTC) and the same in WITA, when replaying at a time. */
  at?: string;
  atWita?: string;
  /** The requested recorded instant (UTC) and the same in WITA. */
  knownAt?: string;
  knownAtWita?: string;
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
  // Recorded times only grow along a stream: what was known then is a prefix. Effective times
  // need not (a back-filled act, independent acts entered in any order): every act in effect.
  const known =
    point.knownAt === undefined
      ? events
      : events.filter((event) => Date.parse(recordedAtOf(event)) <= Date.parse(point.knownAt!));
  if (point.at === undefined) return known;
  const limit = Date.parse(point.at);
  return known.filter((event) => Date.parse(occurredAtOf(event)) <= limit);
}

/** When the act was recorded: the command path's clock in the hashed metadata, else the store's. */
function recordedAtOf(event: RecordedEvent): string {
  return event.metadata['recordedAt'] ?? event.recordedAt;
}

/**
 * The state of a selection as it was at a moment: the fold of the events in effect by then (by
 * their `occurredAt`, the act's effective time), of those recorded by then (`knownAt`), or up to
 * a revision.
 */
export async function replayAt(
  store: EventStore,
  procedures: AuditProcedures,
  selectionId: string,
  point: ReplayPoint,
): Promise<ReplayedState> {
  const normalized: ReplayPoint =
    'revision' in point
      ? point
      : ({
          ...(point.at === undefined ? {} : { at: parseAuditInstant(point.at) }),
          ...(point.knownAt === undefined ? {} : { knownAt: parseAuditInstant(point.knownAt) }),
        } as ReplayPoint);
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
    ...('at' in normalized && normalized.at !== undefined
      ? { at: normalized.at, atWita: toWitaIso(normalized.at) }
      : {}),
    ...('knownAt' in normalized && normalized.knownAt !== undefined
      ? { knownAt: normalized.knownAt, knownAtWita: toWitaIso(normalized.knownAt) }
      : {}),
    eventsApplied: applied.length,
    headRevision: events.at(-1)!.revision,
    state: procedure.stateOf(snapshot),
    summary: procedure.summarize(snapshot),
    context: snapshot.context as unknown,
  };
}
