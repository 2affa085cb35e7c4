import type { RecordedEvent } from '@jejak/event-store';
import type { Deadline, StageDates, VacancySummary } from '@jejak/workflows';
import type { AnyMachineSnapshot } from 'xstate';
import type { AnyProcedure } from '../procedure-registry.js';
import { toDomainEvent } from '../selection-stream.js';

/** Where the summaries live in the read-model store (beside the events). */
export const SELECTION_SUMMARIES = 'selection_summaries';

/** One selection as the list and the detail view show it (a read model, rebuildable). */
export type SelectionSummaryView = {
  id: string;
  kind: string;
  title: string;
  state: string;
  /** The last stream revision applied: redelivered events at or below it are skipped. */
  revision: number;
  vacancies: VacancySummary[];
  /** Planned vs actual dates per stage. */
  stages: StageDates;
  /** Commands the state accepts (filtered by the caller's role when shown). */
  acceptedCommands: string[];
  deadlines: Deadline[];
  openedAt: string;
  updatedAt: string;
};

/** What the projection carries between events of one selection: the fold and its view. */
export type SummaryState = { snapshot: AnyMachineSnapshot; view: SelectionSummaryView };

export function summaryViewOf(
  procedure: AnyProcedure,
  snapshot: AnyMachineSnapshot,
  at: { id: string; revision: number; openedAt: string; updatedAt: string },
): SelectionSummaryView {
  const summary = procedure.summarize(snapshot);
  return {
    id: at.id,
    kind: procedure.kind,
    title: summary.title,
    state: summary.state,
    revision: at.revision,
    vacancies: summary.vacancies,
    stages: summary.stages,
    acceptedCommands: [...procedure.acceptedCommands(snapshot)].sort(),
    deadlines: procedure.deadlines(snapshot),
    openedAt: at.openedAt,
    updatedAt: at.updatedAt,
  };
}

/**
 * Evolve-style projection (emmett's `evolve`): the summary after one more event of the same
 * selection. `current` is null only for the stream's first event. Pure: the machine's pure
 * `transition` is the fold.
 */
export function evolveSummary(
  procedure: AnyProcedure,
  id: string,
  current: SummaryState | null,
  event: RecordedEvent,
): SummaryState {
  const snapshot = procedure.evolve(
    current?.snapshot ?? procedure.initialState(),
    toDomainEvent(event),
  );
  const view = summaryViewOf(procedure, snapshot, {
    id,
    revision: event.revision,
    openedAt: current?.view.openedAt ?? event.recordedAt,
    updatedAt: event.recordedAt,
  });
  return { snapshot, view };
}

/**
 * A fold on its way to a view: the snapshot and what the view will say of its events. Folding
 * many events and computing the view once (summarize, acceptedCommands, deadlines) gives the
 * same view as `evolveSummary` event by event.
 */
export type SummaryFold = {
  procedure: AnyProcedure;
  id: string;
  snapshot: AnyMachineSnapshot;
  /** The last revision folded (-1: none yet). */
  revision: number;
  openedAt: string;
  updatedAt: string;
};

/** Nothing folded yet: the stream's first event comes next. */
export function emptyFold(procedure: AnyProcedure, id: string): SummaryFold {
  return {
    procedure,
    id,
    snapshot: procedure.initialState(),
    revision: -1,
    openedAt: '',
    updatedAt: '',
  };
}

/** Resumes from a summary (its fold and view). */
export function foldOfSummary(procedure: AnyProcedure, state: SummaryState): SummaryFold {
  const { id, revision, openedAt, updatedAt } = state.view;
  return { procedure, id, snapshot: state.snapshot, revision, openedAt, updatedAt };
}

/** The fold after more events of the same selection, in stream order right after `current`. */
export function foldSummary(current: SummaryFold, events: readonly RecordedEvent[]): SummaryFold {
  const last = events[events.length - 1];
  if (last === undefined) return current;
  return {
    ...current,
    snapshot: current.procedure.fold(events.map(toDomainEvent), current.snapshot),
    revision: last.revision,
    openedAt: current.revision < 0 ? events[0]!.recordedAt : current.openedAt,
    updatedAt: last.recordedAt,
  };
}

/** The summary (fold and view) a fold stands for. */
export function summaryOfFold(fold: SummaryFold): SummaryState {
  return { snapshot: fold.snapshot, view: summaryViewOf(fold.procedure, fold.snapshot, fold) };
}

/** The summary of a whole stream (or a prefix of it), folded from its events. */
export function summaryOfStream(
  procedure: AnyProcedure,
  id: string,
  events: readonly RecordedEvent[],
): SummaryState | null {
  if (events.length === 0) return null;
  return summaryOfFold(foldSummary(emptyFold(procedure, id), events));
}
