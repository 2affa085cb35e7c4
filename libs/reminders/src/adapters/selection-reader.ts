import type { EventStore } from '@jejak/event-store';
import { RevisionCache, toDomainEvent, type ProcedureRegistry } from '@jejak/selections';
import type { AnyMachineSnapshot } from 'xstate';
import { streamIdOf, type SelectionFacts, type SelectionReader } from '../core/selection-port.js';

/** How many selections' folds a reader keeps (least recently used dropped first). */
export const READER_CACHE_SIZE = 256;

type Fold = { kind: string; revision: number; snapshot: AnyMachineSnapshot; facts: SelectionFacts };

/**
 * Folds a selection's stream with its procedure (the kind every event's metadata carries) and
 * reads its summary and deadlines: the same fold the command path uses, so both always agree.
 * Keeps the fold of the last `cacheSize` selections it read and reads only the events after it
 * (`fromRevision`); with nothing kept (first read, after a restart) it reads the whole stream.
 */
export function selectionReaderFromStore(
  eventStore: Pick<EventStore, 'readStream'>,
  procedures: ProcedureRegistry,
  cacheSize = READER_CACHE_SIZE,
): SelectionReader {
  // Never steps back to an older fold (two reads of one selection at once).
  const folds = new RevisionCache<Fold>((fold) => fold.revision, cacheSize);
  return {
    async read(selectionId: string): Promise<SelectionFacts | null> {
      const cached = folds.get(selectionId);
      const events = await eventStore.readStream(
        streamIdOf(selectionId),
        cached === undefined ? {} : { fromRevision: cached.revision + 1 },
      );
      const kind = cached?.kind ?? events[0]?.metadata['kind'];
      const procedure = kind === undefined ? undefined : procedures[kind];
      if (kind === undefined || procedure === undefined) return null;
      if (events.length === 0 && cached !== undefined) return cached.facts;
      // As the command path reads them: older events through their upcasters.
      const snapshot = procedure.fold(events.map(toDomainEvent), cached?.snapshot);
      const revision = events.at(-1)?.revision ?? cached!.revision;
      const summary = procedure.summarize(snapshot);
      const facts: SelectionFacts = {
        selectionId,
        title: summary.title,
        state: summary.state,
        vacancies: summary.vacancies,
        deadlines: procedure.deadlines(snapshot),
        recordedSince:
          cached?.facts.recordedSince ?? events[0]?.metadata['recordedAt'] ?? events[0]?.recordedAt,
      };
      folds.set(selectionId, { kind, revision, snapshot, facts });
      return facts;
    },
  };
}
