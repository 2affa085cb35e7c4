import type { EventStore, RecordedEvent } from '@jejak/event-store';
import type { AnyMachineSnapshot } from 'xstate';
import { upcastEvent, type RecordedDocument } from '@jejak/workflows';
import {
  procedureFor,
  toDomainEvent,
  type AuditProcedure,
  type AuditProcedures,
} from './audit-procedure.js';
import {
  actorOf,
  commandOf,
  documentsIn,
  legalBasisOf,
  type TimelineActor,
} from './event-metadata.js';
import { occurredAtOf, readSelection } from './selection-stream.js';
import { toWitaIso } from './wita-time.js';

export type TimelineEntry = {
  revision: number;
  eventId: string;
  type: string;
  /** The command that was decided (recorded, or the procedure's command yielding this event). */
  command: string | null;
  /** When the act took effect (its `effectiveAt`): UTC and WITA. */
  occurredAt: string;
  occurredAtWita: string;
  /** When the store recorded it: UTC and WITA. */
  recordedAt: string;
  recordedAtWita: string;
  /** True when the act was recorded on another WITA day than it took effect (back-filled). */
  recordedLater: boolean;
  actor: TimelineActor | null;
  /** The decision in one line: the recorded event and its main facts. */
  summary: string;
  /** Citations: recorded on the event, then those of the rules the command was checked against. */
  legalBasis: string[];
  documents: RecordedDocument[];
  stateBefore: string;
  stateAfter: string;
  hash: string;
};

export type Timeline = {
  selectionId: string;
  streamId: string;
  kind: string;
  title: string;
  state: string;
  entries: TimelineEntry[];
};

function commandSpecFor(procedure: AuditProcedure, event: RecordedEvent) {
  const recorded = commandOf(event.metadata);
  const byName = recorded === undefined ? undefined : procedure.commands[recorded];
  if (recorded !== undefined) return { command: recorded, rules: byName?.rules ?? [] };
  const yielding = Object.entries(procedure.commands).filter(
    ([, spec]) => spec.event === event.type,
  );
  if (yielding.length !== 1) return { command: null, rules: [] };
  const [name, spec] = yielding[0]!;
  return { command: name, rules: spec.rules };
}

const scalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** `VacancyRecorded: title=Kepala Dinas Perhubungan, vacancyId=v2` (at most five facts). */
export function summarizeEvent(type: string, data: unknown): string {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const facts = Object.entries(record)
    .filter(([key, value]) => key !== 'occurredAt' && scalar(value))
    .slice(0, 5)
    .map(([key, value]) => `${key}=${String(value)}`);
  return facts.length === 0 ? type : `${type}: ${facts.join(', ')}`;
}

function entryOf(
  procedure: AuditProcedure,
  stored: RecordedEvent,
  before: AnyMachineSnapshot,
  after: AnyMachineSnapshot,
): TimelineEntry {
  // As today's code reads it (a renamed type under its new name), after the chain was verified.
  const event = upcastEvent(stored);
  const { command, rules } = commandSpecFor(procedure, event);
  const occurredAt = occurredAtOf(event);
  const occurredAtWita = toWitaIso(occurredAt);
  const recordedAtWita = toWitaIso(event.recordedAt);
  const citations = [...legalBasisOf(event.metadata), ...rules.map((rule) => rule.citation)];
  return {
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    command,
    occurredAt,
    occurredAtWita,
    recordedAt: event.recordedAt,
    recordedAtWita,
    recordedLater: occurredAtWita.slice(0, 10) !== recordedAtWita.slice(0, 10),
    actor: actorOf(event.metadata),
    summary: summarizeEvent(event.type, event.data),
    legalBasis: [...new Set(citations)],
    documents: documentsIn(event.data),
    stateBefore: procedure.stateOf(before),
    stateAfter: procedure.stateOf(after),
    hash: event.hash,
  };
}

/** Builds the timeline of already-read events (also used by the exports). */
export function timelineOf(
  procedure: AuditProcedure,
  selectionId: string,
  streamId: string,
  events: readonly RecordedEvent[],
): Timeline {
  let snapshot = procedure.initialState();
  const entries = events.map((event) => {
    const before = snapshot;
    snapshot = procedure.evolve(snapshot, toDomainEvent(event));
    return entryOf(procedure, event, before, snapshot);
  });
  const summary = procedure.summarize(snapshot);
  return {
    selectionId,
    streamId,
    kind: procedure.kind,
    title: summary.title,
    state: summary.state,
    entries,
  };
}

/** Who decided what, when (WITA), on which legal basis, with which documents: state by state. */
export async function timeline(
  store: EventStore,
  procedures: AuditProcedures,
  selectionId: string,
): Promise<Timeline> {
  const { streamId, events } = await readSelection(store, selectionId);
  return timelineOf(procedureFor(procedures, events[0]!), selectionId, streamId, events);
}
