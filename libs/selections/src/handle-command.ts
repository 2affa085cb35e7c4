import { AsyncLocalStorage } from 'node:async_hooks';
import {
  NO_STREAM,
  StreamRevisionConflictError,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
} from '@jejak/event-store';
import type { MembershipCheck } from './authorize-command.js';
import { CommandLanes } from './command-lanes.js';
import { planBatch, type BatchPlan, type Entry } from './plan-batch.js';
import type { ProcedureRegistry } from './procedure-registry.js';
import { presentEvent } from './selection-event.js';
import {
  cachedSelection,
  FoldCache,
  OPEN_SELECTION,
  selectionLoader,
  type KeyUse,
  type LoadedSelection,
} from './selection-loader.js';
import { bodyHashOf, kindOfStream, streamIdOf, toDomainEvent } from './selection-stream.js';
import {
  ConcurrentModificationError,
  PreconditionFailedError,
  SelectionNotFoundError,
} from './selections.errors.js';
import type { CommandResult, HandleCommandOptions, IncomingCommand } from './command-types.js';

export { OPEN_SELECTION };
export type {
  Clock,
  CommandResult,
  HandleCommandOptions,
  IdGenerator,
  IncomingCommand,
} from './command-types.js';

export type HandleCommandDeps = {
  eventStore: EventStore;
  procedures: ProcedureRegistry;
  clock: () => Date;
  /** Event ids (default: the store's random UUIDs). */
  ids?: () => string;
  membershipCheck?: MembershipCheck;
  /** Folds kept between commands (default: a new cache of 256 selections). */
  cache?: FoldCache;
};

/**
 * How far a batch has got: `cached` decides on the cached fold without reading (the append's
 * expected revision, or one read of the tail when nothing is appended, proves it current);
 * `fresh` decides on the stream as just read; `last` is the single re-decide after a lost race.
 */
type Mode = 'cached' | 'fresh' | 'last';

/**
 * Load -> fold -> decide -> append, with its collaborators as parameters (STYLE.md). Order per
 * command: load (404), idempotent replay (or IDEMPOTENCY_KEY_REUSED), role (403), `If-Match`
 * (412), decision (409/422), then the append with the expected revision. Refusals are thrown as
 * coded SelectionsErrors (the API maps the codes); nothing is written on any of them.
 *
 * One writer per selection inside the process (CommandLanes): commands for one selection are
 * decided one after another on its folded snapshot, each accepted command's events folded before
 * the next is decided, and the commands that queued while an append was in flight are appended
 * together in one `appendToStream` (group commit). Each caller gets its own result or its own
 * error. The commands are decided on the cached fold without reading the stream first: the
 * expected revision of the append proves the fold current (a refusal with nothing appended is
 * confirmed by reading the tail; changed, the batch is decided again on it). Across processes the
 * expected revision stays the guard: a batch of several whose append fails is taken apart and
 * each command goes the per-command way alone; a single command that loses the race is decided
 * again once on the fresh stream, then CONCURRENT_MODIFICATION (PRECONDITION_FAILED at once with
 * `If-Match`).
 */
export function handleCommand(deps: HandleCommandDeps) {
  const { eventStore, procedures } = deps;
  const cache = deps.cache ?? new FoldCache();
  const load = selectionLoader({ eventStore, procedures, cache });

  /** The first result of a key used here before (the state refolded up to it). */
  const replay = async (selectionId: string, key: string, use: KeyUse): Promise<CommandResult> => {
    const events = await eventStore.readStream(streamIdOf(selectionId), {
      maxCount: use.last + 1,
    });
    const matches = events.filter(
      (event) => event.revision >= use.first && event.metadata['idempotencyKey'] === key,
    );
    const procedure = procedures[kindOfStream(events) ?? ''];
    if (!procedure || matches.length === 0) throw new SelectionNotFoundError(selectionId);
    const snapshot = procedure.fold(events.map(toDomainEvent));
    return {
      selectionId,
      kind: procedure.kind,
      revision: matches.at(-1)!.revision,
      state: procedure.stateOf(snapshot),
      events: matches.map(presentEvent),
      replayed: true,
    };
  };

  /** Settles every planned command: the appended ones from `appended`, in plan order. */
  const settle = (selectionId: string, plan: BatchPlan, appended: RecordedEvent[]) => {
    const results = new Map<Entry, CommandResult>();
    let offset = 0;
    for (const [entry, outcome] of plan.outcomes) {
      switch (outcome.kind) {
        case 'refused':
          entry.reject(outcome.error);
          break;
        case 'accepted': {
          const events = appended.slice(offset, offset + outcome.count);
          offset += outcome.count;
          const result: CommandResult = {
            selectionId,
            kind: plan.kind!,
            revision: events.at(-1)!.revision,
            state: outcome.state,
            events: events.map(presentEvent),
            replayed: false,
          };
          results.set(entry, result);
          entry.resolve(result);
          break;
        }
        case 'follower':
          entry.resolve({ ...results.get(outcome.leader)!, replayed: true });
          break;
        case 'replay':
          // Off the lane: a replay reads what is already stored, the next batch need not wait.
          replay(selectionId, outcome.key, outcome.use).then(entry.resolve, entry.reject);
          break;
      }
    }
  };

  const retryAlone = async (
    selectionId: string,
    planned: Entry[],
    mode: Mode,
    error: unknown,
  ): Promise<Entry[]> => {
    if (planned.length > 1) {
      for (const entry of planned) await execute(selectionId, [entry], 'fresh');
      return [];
    }
    const entry = planned[0]!;
    if (!(error instanceof StreamRevisionConflictError)) entry.reject(error);
    else if (entry.options.expectedRevision !== undefined)
      entry.reject(new PreconditionFailedError(entry.options.expectedRevision, error.actual));
    else if (mode === 'last') entry.reject(new ConcurrentModificationError(error.actual));
    else return execute(selectionId, planned, 'last');
    return [];
  };

  /** Decides and appends one batch; returns the commands left for the next one. */
  const execute = async (
    selectionId: string,
    batch: Entry[],
    mode: Mode,
    preloaded?: LoadedSelection | null,
  ): Promise<Entry[]> => {
    const base =
      preloaded !== undefined
        ? preloaded
        : mode === 'cached'
          ? cachedSelection(procedures, cache.get(selectionId))
          : await load(selectionId);
    if (mode === 'cached' && base === null) return execute(selectionId, batch, 'fresh');
    const plan = await planBatch({ ...deps, selectionId, base, batch });
    const planned = batch.slice(0, batch.length - plan.left.length);
    if (plan.toAppend.length === 0) {
      if (mode === 'cached') {
        // Refused on the cached fold: only final if nobody appended since.
        const fresh = await load(selectionId);
        if (fresh === null || fresh.tail.length > 0)
          return [...(await execute(selectionId, planned, 'fresh', fresh)), ...plan.left];
      }
      settle(selectionId, plan, []);
      return plan.left;
    }
    const streamId = streamIdOf(selectionId);
    const from = (base?.revision ?? -1) + 1;
    let result: AppendResult;
    try {
      result = await eventStore.appendToStream(streamId, plan.toAppend, {
        expectedRevision: base?.revision ?? NO_STREAM,
      });
    } catch (error) {
      return [...(await retryAlone(selectionId, planned, mode, error)), ...plan.left];
    }
    const last = from + plan.toAppend.length - 1;
    for (const [key, use] of plan.keys) {
      plan.keyIndex.set(key, use);
    }
    cache.set(selectionId, {
      kind: plan.kind!,
      revision: last,
      snapshot: plan.snapshot!,
      keys: plan.keyIndex,
    });
    try {
      // The SQL adapters return what they recorded; EventStoreDB's must be read back.
      const appended =
        result.events ??
        (await eventStore.readStream(streamId, {
          fromRevision: from,
          maxCount: plan.toAppend.length,
        }));
      settle(selectionId, plan, appended);
    } catch (error) {
      for (const entry of planned) entry.reject(error);
    }
    return plan.left;
  };

  const lanes = new CommandLanes<Entry>(async (selectionId, batch) => {
    try {
      return await execute(selectionId, batch, 'cached');
    } catch (error) {
      // Unexpected (the store unreachable, say): every command still waiting gets the error.
      for (const entry of batch) entry.reject(error);
      return [];
    }
  });

  const handle = (
    selectionId: string,
    command: IncomingCommand,
    options: HandleCommandOptions = {},
  ): Promise<CommandResult> =>
    new Promise<CommandResult>((resolve, reject) => {
      const requestKind = command.type === OPEN_SELECTION ? (options.kind ?? null) : null;
      const bodyHash = bodyHashOf({
        kind: requestKind,
        type: command.type,
        data: command.data,
        ...(command.effectiveAt === undefined ? {} : { effectiveAt: command.effectiveAt }),
      });
      lanes.push(selectionId, {
        command,
        options,
        bodyHash,
        // The caller's async context (its clock, its logger) for its own decision.
        inContext: AsyncLocalStorage.snapshot(),
        resolve,
        reject,
      });
    });
  /** The kind of a selection this handler has folded (a stream's kind never changes), if any. */
  const kindOf = (selectionId: string): string | undefined => cache.get(selectionId)?.kind;
  return Object.assign(handle, { kindOf });
}
