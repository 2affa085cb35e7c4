import {
  replayAt,
  SelectionNotFoundError as AuditSelectionNotFoundError,
  type ReplayedState,
} from '@jejak/audit';
import type { EventStore, ReadModelStore, RecordedEvent } from '@jejak/event-store';
import type { Deadline, Role } from '@jejak/workflows';
import type { Clock } from '../handle-command.js';
import { commandSpecOf, type ProcedureRegistry } from '../procedure-registry.js';
import { presentEvent, type SelectionEventView } from '../selection-event.js';
import { kindOfStream, streamIdOf, toDomainEvent } from '../selection-stream.js';
import { SelectionNotFoundError } from '../selections.errors.js';
import {
  SELECTION_SUMMARIES,
  summaryOfStream,
  type SelectionSummaryView,
} from '../views/selection-summary.projection.js';

export type QueryDeps = {
  eventStore: Pick<EventStore, 'readStream' | 'streamRevision'>;
  readModels: ReadModelStore;
  procedures: ProcedureRegistry;
  clock: Clock;
};

export type SelectionDetailView = Omit<SelectionSummaryView, 'acceptedCommands' | 'deadlines'> & {
  /** What the caller's role may issue now (the state's commands whose role table has it). */
  availableCommands: string[];
  /** Due from now on, soonest first. */
  upcomingDeadlines: Deadline[];
  /** Already past while the selection is in this state. */
  overdueDeadlines: Deadline[];
};

export type SelectionListQuery = {
  kind?: string;
  state?: string;
  page?: number;
  pageSize?: number;
};
export type SelectionList = {
  items: SelectionSummaryView[];
  total: number;
  page: number;
  pageSize: number;
};

export type EventPage = {
  selectionId: string;
  events: SelectionEventView[];
  /** Where the next page starts, or null at the end of the stream. */
  nextFromRevision: number | null;
};

/** `at`: by the acts' effective times; `knownAt`: by when they were recorded; or a revision. */
export type StateAsOf =
  { at: string; knownAt?: string } | { knownAt: string; at?: string } | { revision: number };
export type HistoricState = {
  selectionId: string;
  kind: string;
  asOf: StateAsOf;
  /** The last event folded (null: the selection did not exist yet). */
  revision: number | null;
  state: string;
  title: string;
  vacancies: SelectionSummaryView['vacancies'];
  stages: SelectionSummaryView['stages'];
  context: unknown;
};

const byDueAt = (a: Deadline, b: Deadline) => a.dueAt.localeCompare(b.dueAt);

/** Framework-free reads of selections: the read model, or the stream when it is ahead. */
export function selectionQueries(deps: QueryDeps) {
  const { eventStore, readModels, procedures, clock } = deps;

  const readStream = async (id: string): Promise<RecordedEvent[]> => {
    const events = await eventStore.readStream(streamIdOf(id));
    if (events.length === 0) throw new SelectionNotFoundError(id);
    return events;
  };

  const procedureOf = (id: string, events: readonly RecordedEvent[]) => {
    const procedure = procedures[kindOfStream(events) ?? ''];
    if (!procedure) throw new SelectionNotFoundError(id);
    return procedure;
  };

  /** Read-your-writes: the projection when it has the stream's last revision, else the fold. */
  const summary = async (id: string): Promise<SelectionSummaryView> => {
    const [stored, revision] = await Promise.all([
      readModels.get<SelectionSummaryView>(SELECTION_SUMMARIES, id),
      eventStore.streamRevision(streamIdOf(id)),
    ]);
    if (revision === null) throw new SelectionNotFoundError(id);
    if (stored && stored.revision >= revision) return stored;
    const events = await readStream(id);
    return summaryOfStream(procedureOf(id, events), id, events)!.view;
  };

  /** The detail of a summary for a role: its commands, and its deadlines split at now. */
  const detailOf = (summaryView: SelectionSummaryView, role: Role): SelectionDetailView => {
    const { acceptedCommands, deadlines, ...view } = summaryView;
    const procedure = procedures[view.kind]!;
    const now = clock().toISOString();
    return {
      ...view,
      availableCommands: acceptedCommands.filter((type) =>
        (commandSpecOf(procedure, type)?.roles ?? []).includes(role),
      ),
      upcomingDeadlines: deadlines.filter((d) => d.dueAt >= now).sort(byDueAt),
      overdueDeadlines: deadlines.filter((d) => d.dueAt < now).sort(byDueAt),
    };
  };

  const detail = async (id: string, role: Role): Promise<SelectionDetailView> =>
    detailOf(await summary(id), role);

  const list = async (query: SelectionListQuery): Promise<SelectionList> => {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = Object.fromEntries(
      Object.entries({ kind: query.kind, state: query.state }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const found = await readModels.list<SelectionSummaryView>(SELECTION_SUMMARIES, {
      where,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { ...found, page, pageSize };
  };

  const events = async (
    id: string,
    options: { fromRevision?: number; limit?: number } = {},
  ): Promise<EventPage> => {
    const limit = options.limit ?? 100;
    const fromRevision = options.fromRevision ?? 0;
    const found = await eventStore.readStream(streamIdOf(id), {
      fromRevision,
      maxCount: limit + 1,
    });
    if (found.length === 0 && (await eventStore.streamRevision(streamIdOf(id))) === null) {
      throw new SelectionNotFoundError(id);
    }
    const page = found.slice(0, limit);
    return {
      selectionId: id,
      events: page.map(presentEvent),
      nextFromRevision: found.length > limit ? found[limit]!.revision : null,
    };
  };

  /** The state at an instant, as the audit replays it (the events that had occurred by then). */
  const replayedAt = async (
    id: string,
    point: Exclude<StateAsOf, { revision: number }>,
  ): Promise<ReplayedState> => {
    try {
      return await replayAt(eventStore as EventStore, procedures, id, point);
    } catch (error) {
      if (error instanceof AuditSelectionNotFoundError) throw new SelectionNotFoundError(id);
      throw error;
    }
  };

  /**
   * The state as it was at an instant (ISO with an offset, or local WITA: the events whose
   * `occurredAt` is at or before it, as the audit's replay) or after a revision.
   */
  const stateAt = async (id: string, asOf: StateAsOf): Promise<HistoricState> => {
    if (!('revision' in asOf)) {
      const replayed = await replayedAt(id, asOf);
      const { title, state, vacancies, stages } = replayed.summary;
      return {
        selectionId: id,
        kind: replayed.kind,
        asOf,
        revision: replayed.revision,
        state,
        title,
        vacancies,
        stages,
        context: replayed.context,
      };
    }
    const all = await readStream(id);
    const procedure = procedureOf(id, all);
    const events = all.filter((event) => event.revision <= asOf.revision);
    const snapshot = procedure.fold(events.map(toDomainEvent));
    const { title, state, vacancies, stages } = procedure.summarize(snapshot);
    const revision = events.at(-1)?.revision ?? null;
    const context: unknown = procedure.contextOf(snapshot);
    return {
      selectionId: id,
      kind: procedure.kind,
      asOf,
      revision,
      state,
      title,
      vacancies,
      stages,
      context,
    };
  };

  return { summary, detail, detailOf, list, events, stateAt };
}
