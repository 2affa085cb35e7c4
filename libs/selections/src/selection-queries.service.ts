import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  READ_MODEL_STORE,
  type EventStore,
  type ReadModelStore,
} from '@jejak/event-store';
import type { Role } from '@jejak/workflows';
import type { Clock } from './handle-command.js';
import type { ProcedureRegistry } from './procedure-registry.js';
import { selectionQueries, type SelectionDetailView } from './queries/selection-queries.js';
import { kindOfStream, streamIdOf } from './selection-stream.js';
import { SelectionNotFoundError } from './selections.errors.js';
import { CLOCK, PROCEDURES } from './selections.tokens.js';
import {
  evolveSummary,
  SELECTION_SUMMARIES,
  summaryOfStream,
  type SelectionSummaryView,
  type SummaryState,
} from './views/selection-summary.projection.js';
import { RevisionCache } from './revision-cache.js';

/**
 * The summary of one selection at one revision; with the fold when it was folded here, and the
 * detail per role computed from it (valid from `since` until `until`, both ISO instants).
 */
type CachedSummary = {
  view: SelectionSummaryView;
  state?: SummaryState;
  details?: Map<Role, { detail: SelectionDetailView; since: string; until: string }>;
};

/** Later than any deadline: a detail without upcoming deadlines never splits differently. */
const MAX_INSTANT = '\uffff';

/** Selections whose summary (and fold) this process keeps, least recently read dropped first. */
const CACHED_SELECTIONS = 256;

/**
 * The injectable face of `selectionQueries` (list, detail, events, state as of), and the detail
 * read's cache: a selection's summary at a revision never changes (the stream is append-only), so
 * it is kept per selection in memory, tagged with its revision. Read-your-writes holds because
 * every read asks the store for the stream's revision first (one round trip) and serves the cache
 * only at exactly that revision; a cache behind it is caught up by folding the new events only
 * (or from the projection's document when it has the revision). Concurrent reads of one selection
 * share one revision lookup, as long as it started after they arrived.
 */
@Injectable()
export class SelectionQueries {
  private readonly queries: ReturnType<typeof selectionQueries>;
  private readonly cache = new RevisionCache<CachedSummary>(
    (entry) => entry.view.revision,
    CACHED_SELECTIONS,
  );
  /** Revision lookups not sent yet (reads arriving now may join) and in flight (they may not). */
  private readonly pendingRevisions = new Map<string, Promise<number | null>>();
  /** Catch-ups of the cache in progress, by selection and target revision. */
  private readonly catchUps = new Map<string, Promise<CachedSummary>>();

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(PROCEDURES) private readonly procedures: ProcedureRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = selectionQueries({ eventStore, readModels, procedures, clock });
  }

  get summary() {
    return this.queries.summary;
  }
  get list() {
    return this.queries.list;
  }
  get events() {
    return this.queries.events;
  }
  get stateAt() {
    return this.queries.stateAt;
  }

  /**
   * The stream's current revision (the selection's ETag), looked up after the call: concurrent
   * callers for one selection share a lookup that has not been sent yet, never one in flight
   * (which might have been answered before their caller's own write).
   */
  revision(id: string): Promise<number> {
    let lookup = this.pendingRevisions.get(id);
    if (lookup === undefined) {
      lookup = Promise.resolve().then(() => {
        // Sent now: later callers start their own lookup.
        this.pendingRevisions.delete(id);
        return this.eventStore.streamRevision(streamIdOf(id));
      });
      this.pendingRevisions.set(id, lookup);
    }
    return lookup.then((revision) => {
      if (revision === null) throw new SelectionNotFoundError(id);
      return revision;
    });
  }

  /** The detail view at the stream's current revision (read-your-writes), for a role. */
  async detail(id: string, role: Role): Promise<SelectionDetailView> {
    return this.detailAt(id, await this.revision(id), role);
  }

  /**
   * The detail view at a revision just read from the store (`revision(id)`), for a role. The
   * detail of a summary for a role is kept with it until its next upcoming deadline falls due
   * (then the deadlines split differently): the same summary and role read again cost nothing.
   */
  async detailAt(id: string, revision: number, role: Role): Promise<SelectionDetailView> {
    const entry = await this.summaryAt(id, revision);
    const now = this.clock().toISOString();
    const kept = entry.details?.get(role);
    // Upcoming means `dueAt >= now` (detailOf): the split holds while now <= the first one.
    if (kept !== undefined && now >= kept.since && now <= kept.until) return kept.detail;
    const detail = this.queries.detailOf(entry.view, role);
    entry.details ??= new Map();
    entry.details.set(role, {
      detail,
      since: now,
      until: detail.upcomingDeadlines[0]?.dueAt ?? MAX_INSTANT,
    });
    return detail;
  }

  private async summaryAt(id: string, revision: number): Promise<CachedSummary> {
    const cached = this.cache.get(id);
    if (cached !== undefined && cached.view.revision >= revision) return cached;
    const key = `${id}@${revision}`;
    let catchUp = this.catchUps.get(key);
    if (catchUp === undefined) {
      catchUp = this.catchUp(id, revision, cached).finally(() => this.catchUps.delete(key));
      this.catchUps.set(key, catchUp);
    }
    return catchUp;
  }

  /** The summary at `revision` or later: the cached fold plus the new events, else the store. */
  private async catchUp(
    id: string,
    revision: number,
    cached: CachedSummary | undefined,
  ): Promise<CachedSummary> {
    let next: CachedSummary | undefined;
    if (cached?.state !== undefined) {
      const procedure = this.procedures[cached.view.kind];
      const events = await this.eventStore.readStream(streamIdOf(id), {
        fromRevision: cached.view.revision + 1,
      });
      if (procedure !== undefined && events[0]?.revision === cached.view.revision + 1) {
        const state = events.reduce<SummaryState>(
          (current, event) => evolveSummary(procedure, id, current, event),
          cached.state,
        );
        next = { view: state.view, state };
      }
    }
    if (next === undefined) {
      const stored = await this.readModels.get<SelectionSummaryView>(SELECTION_SUMMARIES, id);
      if (stored !== null && stored.revision >= revision) next = { view: stored };
    }
    if (next === undefined) next = await this.fold(id);
    this.cache.set(id, next);
    return next;
  }

  /** The whole stream folded (the projection is behind and nothing usable is cached). */
  private async fold(id: string): Promise<CachedSummary> {
    const events = await this.eventStore.readStream(streamIdOf(id));
    const procedure = this.procedures[kindOfStream(events) ?? ''];
    const state = procedure === undefined ? null : summaryOfStream(procedure, id, events);
    if (state === null) throw new SelectionNotFoundError(id);
    return { view: state.view, state };
  }
}
