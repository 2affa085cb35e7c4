import type { EventStore, ReadModelStore, RecordedEvent, Subscription } from '@jejak/event-store';
import { procedures as allProcedures } from '@jejak/workflows';
import type { ProcedureRegistry } from '../procedure-registry.js';
import { kindOfStream, selectionIdOf, streamIdOf } from '../selection-stream.js';
import {
  evolveSummary,
  SELECTION_SUMMARIES,
  summaryOfStream,
  type SelectionSummaryView,
  type SummaryState,
} from './selection-summary.projection.js';

/** The durable checkpoint name of the summaries' subscription. */
export const SUMMARY_SUBSCRIBER = 'selection-summaries';

export type ProjectorDeps = {
  eventStore: Pick<EventStore, 'readStream' | 'readAll' | 'subscribeToAll'>;
  readModels: ReadModelStore;
  procedures: ProcedureRegistry;
  /** Folds kept in memory between events (least recently used dropped first). */
  cacheSize?: number;
};

/**
 * Runs the summary projection over stored events: skips what the document already holds
 * (at-least-once delivery), evolves a cached fold when it is at the previous revision, and
 * otherwise folds the stream up to the event (after a restart, or when the cache lost it).
 */
export function selectionSummaryProjector(deps: ProjectorDeps) {
  const { eventStore, readModels, procedures } = deps;
  const cacheSize = deps.cacheSize ?? 256;
  const cache = new Map<string, SummaryState>();

  const remember = (id: string, state: SummaryState) => {
    cache.delete(id);
    cache.set(id, state);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  };

  const apply = async (event: RecordedEvent): Promise<void> => {
    const id = selectionIdOf(event.streamId);
    if (id === null) return;
    const stored = await readModels.get<SelectionSummaryView>(SELECTION_SUMMARIES, id);
    if (stored && stored.revision >= event.revision) return;
    const cached = cache.get(id);
    let next: SummaryState | null;
    if (cached && cached.view.revision === event.revision - 1) {
      next = evolveSummary(procedures[cached.view.kind]!, id, cached, event);
    } else {
      const events = await eventStore.readStream(streamIdOf(id), { maxCount: event.revision + 1 });
      const procedure = procedures[kindOfStream(events) ?? ''];
      if (!procedure) return;
      next = summaryOfStream(procedure, id, events);
    }
    if (next === null) return;
    remember(id, next);
    await readModels.put(SELECTION_SUMMARIES, id, next.view);
  };

  const subscribe = (): Subscription =>
    eventStore.subscribeToAll({
      subscriber: SUMMARY_SUBSCRIBER,
      from: 'checkpoint',
      handler: apply,
    });

  /** Clears the summaries and replays every stored event through `apply`: the same result. */
  const rebuild = async (batchSize = 500): Promise<{ events: number }> => {
    await readModels.clear(SELECTION_SUMMARIES);
    cache.clear();
    let count = 0;
    for (let from: number | undefined; ;) {
      const batch = await eventStore.readAll({
        ...(from === undefined ? {} : { fromPosition: from }),
        maxCount: batchSize,
      });
      for (const event of batch) await apply(event);
      count += batch.length;
      if (batch.length < batchSize) return { events: count };
      from = batch.at(-1)!.globalPosition;
    }
  };

  return { apply, subscribe, rebuild };
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
