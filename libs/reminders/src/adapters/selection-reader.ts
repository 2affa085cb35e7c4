import type { EventStore } from '@jejak/event-store';
import type { ProcedureRegistry } from '@jejak/selections';
import type { DomainEvent } from '@jejak/workflows';
import { streamIdOf, type SelectionFacts, type SelectionReader } from '../core/selection-port.js';

/**
 * Folds a selection's stream with its procedure (the kind every event's metadata carries) and
 * reads its summary and deadlines: the same fold the command path uses, so both always agree.
 */
export function selectionReaderFromStore(
  eventStore: EventStore,
  procedures: ProcedureRegistry,
): SelectionReader {
  return {
    async read(selectionId: string): Promise<SelectionFacts | null> {
      const events = await eventStore.readStream(streamIdOf(selectionId));
      const kind = events[0]?.metadata['kind'];
      const procedure = kind === undefined ? undefined : procedures[kind];
      if (procedure === undefined) return null;
      const snapshot = procedure.fold(
        events.map((e) => ({ type: e.type, data: e.data }) as DomainEvent),
      );
      const summary = procedure.summarize(snapshot);
      return {
        selectionId,
        title: summary.title,
        state: summary.state,
        vacancies: summary.vacancies,
        deadlines: procedure.deadlines(snapshot),
      };
    },
  };
}
