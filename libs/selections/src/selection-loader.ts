import type { EventStore, RecordedEvent } from '@jejak/event-store';
import type { AnyMachineSnapshot } from 'xstate';
import type { AnyProcedure, ProcedureRegistry } from './procedure-registry.js';
import { kindOfStream, streamIdOf, toDomainEvent } from './selection-stream.js';
import { SelectionNotFoundError } from './selections.errors.js';

export const OPEN_SELECTION = 'OpenSelection';

/** A selection folded up to `revision` (null: no stream yet, being opened). */
export type LoadedSelection = {
  kind: string;
  procedure: AnyProcedure;
  snapshot: AnyMachineSnapshot;
  revision: number | null;
  /** The events read by this load (after the cached fold, or the whole stream). */
  tail: RecordedEvent[];
};

type CachedFold = { kind: string; revision: number; snapshot: AnyMachineSnapshot };

/**
 * Folds kept between commands, least recently used dropped first ("snapshots may cache long
 * streams", DESIGN.md): a command reads only the events after its selection's cached fold. The
 * store stays the truth (the tail is always read), so a stale entry only costs a longer tail.
 */
export class FoldCache {
  private readonly folds = new Map<string, CachedFold>();

  constructor(private readonly size = 256) {}

  get(selectionId: string): CachedFold | undefined {
    return this.folds.get(selectionId);
  }

  set(selectionId: string, fold: CachedFold): void {
    this.folds.delete(selectionId);
    this.folds.set(selectionId, fold);
    if (this.folds.size > this.size) this.folds.delete(this.folds.keys().next().value!);
  }
}

/** Loads a selection for a command: 404 unless it exists, or is being opened with a known kind. */
export function selectionLoader(deps: {
  eventStore: Pick<EventStore, 'readStream'>;
  procedures: ProcedureRegistry;
  cache: FoldCache;
}) {
  const { eventStore, procedures, cache } = deps;
  return async (
    selectionId: string,
    type: string,
    kindOption?: string,
  ): Promise<LoadedSelection> => {
    const cached = cache.get(selectionId);
    const from = cached === undefined ? {} : { fromRevision: cached.revision + 1 };
    const tail = await eventStore.readStream(streamIdOf(selectionId), from);
    const opening = cached === undefined && tail.length === 0 && type === OPEN_SELECTION;
    const kind = cached?.kind ?? (opening ? kindOption : kindOfStream(tail));
    const procedure = kind === undefined ? undefined : procedures[kind];
    if (
      kind === undefined ||
      procedure === undefined ||
      (!cached && !opening && tail.length === 0)
    ) {
      throw new SelectionNotFoundError(selectionId);
    }
    const snapshot = procedure.fold(tail.map(toDomainEvent), cached?.snapshot);
    const revision = tail.at(-1)?.revision ?? cached?.revision ?? null;
    if (revision !== null) cache.set(selectionId, { kind, revision, snapshot });
    return { kind, procedure, snapshot, revision, tail };
  };
}
