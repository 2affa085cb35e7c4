import type {
  EventStore,
  ReadModelDocument,
  ReadModelStore,
  RecordedEvent,
  Subscription,
} from '@jejak/event-store';
import { procedures as allProcedures } from '@jejak/workflows';
import type { ProcedureRegistry } from '../procedure-registry.js';
import { kindOfStream, selectionIdOf, streamIdOf } from '../selection-stream.js';
import {
  emptyFold,
  foldOfSummary,
  foldSummary,
  SELECTION_SUMMARIES,
  summaryOfFold,
  type SelectionSummaryView,
  type SummaryFold,
  type SummaryState,
} from './selection-summary.projection.js';
import { RevisionCache } from '../revision-cache.js';

/** The durable checkpoint name of the summaries' subscription. */
export const SUMMARY_SUBSCRIBER = 'selection-summaries';

export type ProjectorDeps = {
  eventStore: Pick<EventStore, 'readStream' | 'readAll' | 'subscribeToAll'>;
  readModels: ReadModelStore;
  procedures: ProcedureRegistry;
  /** Folds kept in memory between batches (least recently used dropped first). */
  cacheSize?: number;
};

type SummaryDocument = ReadModelDocument<SelectionSummaryView>;

/**
 * Runs the summary projection over stored events, a batch at a time: groups the batch by
 * selection, folds each selection's new events onto its cached fold (or, after a restart or
 * when the cache lost it, onto a fold of its stream up to the event), computes each touched
 * summary once and writes them all in one transaction. Redelivered events (at least once) are
 * skipped by the cached revision, and the write never replaces a summary at a later revision,
 * so no read of the stored summaries is needed. The cache moves only after the write.
 */
export function selectionSummaryProjector(deps: ProjectorDeps) {
  const { eventStore, readModels, procedures } = deps;
  const cacheSize = deps.cacheSize ?? 256;
  const cache = new RevisionCache<SummaryState>((state) => state.view.revision, cacheSize);

  const cachedFold = (id: string): SummaryFold | null => {
    const cached = cache.get(id);
    const procedure = cached && procedures[cached.view.kind];
    return cached && procedure ? foldOfSummary(procedure, cached) : null;
  };

  /** The stream folded up to and including `event`, or null when its procedure is unknown. */
  const foldFromStream = async (id: string, event: RecordedEvent): Promise<SummaryFold | null> => {
    if (event.revision === 0) {
      const procedure = procedures[event.metadata['kind'] ?? ''];
      return procedure ? foldSummary(emptyFold(procedure, id), [event]) : null;
    }
    const events = await eventStore.readStream(streamIdOf(id), { maxCount: event.revision + 1 });
    const procedure = procedures[kindOfStream(events) ?? ''];
    return procedure ? foldSummary(emptyFold(procedure, id), events) : null;
  };

  /** One selection's events of a batch (stream order) onto its fold; null when nothing changed. */
  const advance = async (id: string, events: readonly RecordedEvent[]) => {
    let fold = cachedFold(id);
    let run: RecordedEvent[] = [];
    let changed = false;
    for (const event of events) {
      const at = fold === null ? null : fold.revision + run.length;
      if (at !== null && event.revision <= at) continue; // redelivered
      if (at !== null && event.revision === at + 1) {
        run.push(event);
        continue;
      }
      const folded = await foldFromStream(id, event); // no fold yet, or a gap
      if (folded === null) continue;
      [fold, run, changed] = [folded, [], true];
    }
    if (fold === null || (!changed && run.length === 0)) return null;
    return summaryOfFold(foldSummary(fold, run));
  };

  /** Applies a batch in global order and writes every touched summary in one transaction. */
  const applyBatch = async (
    events: readonly RecordedEvent[],
    durable: boolean,
  ): Promise<SummaryDocument[]> => {
    const bySelection = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = selectionIdOf(event.streamId);
      if (id === null) continue;
      const list = bySelection.get(id);
      if (list) list.push(event);
      else bySelection.set(id, [event]);
    }
    const next = new Map<string, SummaryState>();
    for (const [id, list] of bySelection) {
      const state = await advance(id, list);
      if (state) next.set(id, state);
    }
    const documents = [...next].map(([id, state]) => ({ id, document: state.view }));
    await readModels.putMany(SELECTION_SUMMARIES, documents, { newerBy: 'revision', durable });
    for (const [id, state] of next) cache.set(id, state);
    return documents;
  };

  /** One event on its own (tests, tools): the same as a batch of one. */
  const apply = async (event: RecordedEvent): Promise<void> => {
    await applyBatch([event], true);
  };

  /** The live projection: collects each page of $all and writes it before its checkpoint. */
  const subscribe = (): Subscription => {
    let pending: RecordedEvent[] = [];
    return eventStore.subscribeToAll({
      subscriber: SUMMARY_SUBSCRIBER,
      from: 'checkpoint',
      handler: (event) => {
        pending.push(event);
        return Promise.resolve();
      },
      flush: async () => {
        const batch = pending;
        pending = [];
        await applyBatch(batch, true);
      },
    });
  };

  /**
   * Clears the summaries and replays every stored event in pages of `batchSize` (the next page
   * is read while this one is applied): the same documents as the live projection. Pages are
   * written without waiting for the disk (a rebuild can be redone); the last write is repeated
   * durably at the end, which makes every earlier one durable too.
   */
  const rebuild = async (batchSize = 500): Promise<{ events: number }> => {
    await readModels.clear(SELECTION_SUMMARIES);
    cache.clear();
    const read = (from: number | undefined) => {
      const page = eventStore.readAll({
        ...(from === undefined ? {} : { fromPosition: from }),
        maxCount: batchSize,
      });
      page.catch(() => undefined); // awaited below; not unhandled if a write fails meanwhile
      return page;
    };
    let count = 0;
    let lastWritten: SummaryDocument[] = [];
    for (let page = read(undefined); ;) {
      const batch = await page;
      const more = batch.length === batchSize;
      if (more) page = read(batch.at(-1)!.globalPosition);
      const written = await applyBatch(batch, false);
      if (written.length > 0) lastWritten = written;
      count += batch.length;
      if (!more) break;
    }
    await readModels.putMany(SELECTION_SUMMARIES, lastWritten, { newerBy: 'revision' });
    return { events: count };
  };

  return { apply, applyBatch, subscribe, rebuild };
}

/** `jejak projections rebuild`: clears every selection read model and replays the store. */
export function rebuildProjections(
  store: Pick<EventStore, 'readStream' | 'readAll' | 'subscribeToAll'> & {
    readModels: ReadModelStore;
  },
  procedures: ProcedureRegistry = allProcedures,
): Promise<{ events: number }> {
  return selectionSummaryProjector({
    eventStore: store,
    readModels: store.readModels,
    procedures,
  }).rebuild();
}
