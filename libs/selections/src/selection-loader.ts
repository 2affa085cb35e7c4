import type { EventStore, RecordedEvent } from '@jejak/event-store';
import type { AnyMachineSnapshot } from 'xstate';
import type { AnyProcedure, ProcedureRegistry } from './procedure-registry.js';
import { kindOfStream, streamIdOf, toDomainEvent } from './selection-stream.js';
import { SelectionNotFoundError } from './selections.errors.js';
import { RevisionCache } from './revision-cache.js';

export const OPEN_SELECTION = 'OpenSelection';

/** Where an `Idempotency-Key` was used in a stream: who sent which request, at which revisions. */
export type KeyUse = {
  bodyHash: string | undefined;
  /** The actor's `sub` recorded with the events (null when none was recorded). */
  sub: string | null;
  first: number;
  last: number;
};

/**
 * Every `Idempotency-Key` of a stream, built from the same events as the fold. It may run ahead of
 * the fold's revision (a key is only ever added once its events are in the store), never behind:
 * a key missing from it was not in the stream at the fold's revision.
 */
export type KeyIndex = Map<string, KeyUse>;

/** A selection folded up to `revision` (null: no stream yet, being opened). */
export type LoadedSelection = {
  kind: string;
  procedure: AnyProcedure;
  snapshot: AnyMachineSnapshot;
  revision: number | null;
  keys: KeyIndex;
  /** The events read by this load (after the cached fold, or the whole stream). */
  tail: RecordedEvent[];
};

export type CachedFold = {
  kind: string;
  revision: number;
  snapshot: AnyMachineSnapshot;
  keys: KeyIndex;
};

/** The actor's `sub` as `eventMetadataOf` records it (JSON in `metadata.actor`). */
export function actorSubOf(event: RecordedEvent): string | null {
  try {
    const actor = JSON.parse(event.metadata['actor'] ?? 'null') as { sub?: unknown } | null;
    return typeof actor?.sub === 'string' ? actor.sub : null;
  } catch {
    return null;
  }
}

/** Adds the keys of `events` (read or just appended, in stream order) to the index. */
export function indexKeys(keys: KeyIndex, events: readonly RecordedEvent[]): KeyIndex {
  for (const event of events) {
    const key = event.metadata['idempotencyKey'];
    if (key === undefined) continue;
    const use = keys.get(key);
    if (use) use.last = Math.max(use.last, event.revision);
    else
      keys.set(key, {
        bodyHash: event.metadata['bodyHash'],
        sub: actorSubOf(event),
        first: event.revision,
        last: event.revision,
      });
  }
  return keys;
}

/**
 * Folds kept between commands, least recently used dropped first ("snapshots may cache long
 * streams", DESIGN.md): a command reads only the events after its selection's cached fold. The
 * store stays the truth: a command decided on a cached fold is appended with the fold's revision
 * as expected revision (or, refused, confirmed by reading the tail), so a stale entry only costs
 * a re-read.
 */
export class FoldCache extends RevisionCache<CachedFold> {
  constructor(size = 256) {
    super((fold) => fold.revision, size);
  }
}

/**
 * Reads a selection's stream after its cached fold (the whole stream when none) and folds it.
 * Null when the stream does not exist (yet); NOT_FOUND for a stream of a kind no procedure has.
 */
export function selectionLoader(deps: {
  eventStore: Pick<EventStore, 'readStream'>;
  procedures: ProcedureRegistry;
  cache: FoldCache;
}) {
  const { eventStore, procedures, cache } = deps;
  return async (selectionId: string): Promise<LoadedSelection | null> => {
    const cached = cache.get(selectionId);
    const from = cached === undefined ? {} : { fromRevision: cached.revision + 1 };
    const tail = await eventStore.readStream(streamIdOf(selectionId), from);
    if (cached === undefined && tail.length === 0) return null;
    const kind = cached?.kind ?? kindOfStream(tail);
    const procedure = kind === undefined ? undefined : procedures[kind];
    if (kind === undefined || procedure === undefined)
      throw new SelectionNotFoundError(selectionId);
    const snapshot = procedure.fold(tail.map(toDomainEvent), cached?.snapshot);
    const revision = tail.at(-1)?.revision ?? cached!.revision;
    const keys = indexKeys(cached?.keys ?? new Map<string, KeyUse>(), tail);
    cache.set(selectionId, { kind, revision, snapshot, keys });
    return { kind, procedure, snapshot, revision, keys, tail };
  };
}

/** The cached fold as a loaded selection (no read: the append's expected revision checks it). */
export function cachedSelection(
  procedures: ProcedureRegistry,
  cached: CachedFold | undefined,
): LoadedSelection | null {
  const procedure = cached === undefined ? undefined : procedures[cached.kind];
  if (cached === undefined || procedure === undefined) return null;
  return { ...cached, procedure, tail: [] };
}
