import {
  NO_STREAM,
  StreamRevisionConflictError,
  type EventStore,
  type RecordedEvent,
} from '@jejak/event-store';
import { assertUnreachable, type Actor, type Command } from '@jejak/workflows';
import { authorizeCommand, COMMITTEE_EVENTS, type MembershipCheck } from './authorize-command.js';
import { commandSpecOf, type AnyProcedure, type ProcedureRegistry } from './procedure-registry.js';
import { presentEvent, type SelectionEventView } from './selection-event.js';
import {
  FoldCache,
  OPEN_SELECTION,
  selectionLoader,
  type LoadedSelection,
} from './selection-loader.js';
import {
  bodyHashOf,
  eventMetadataOf,
  kindOfStream,
  streamIdOf,
  toDomainEvent,
} from './selection-stream.js';

import {
  CommandNotAllowedInStateError,
  ConcurrentModificationError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
  RulesBrokenError,
  SelectionNotFoundError,
} from './selections.errors.js';

export { OPEN_SELECTION };

export type Clock = () => Date;
export type IdGenerator = () => string;

export type HandleCommandDeps = {
  eventStore: EventStore;
  procedures: ProcedureRegistry;
  clock: Clock;
  /** Event ids (default: the store's random UUIDs). */
  ids?: IdGenerator;
  membershipCheck?: MembershipCheck;
  /** Folds kept between commands (default: a new cache of 256 selections). */
  cache?: FoldCache;
};

/** A command as the caller states it: the actor comes from the verified token, never the body. */
export type IncomingCommand = { type: string; data: Record<string, unknown>; actor: Actor };

export type HandleCommandOptions = {
  /** The procedure of the selection `OpenSelection` opens; ignored for every other command. */
  kind?: string;
  /** `If-Match`: the revision the caller saw; any other fails with PRECONDITION_FAILED. */
  expectedRevision?: number;
  idempotencyKey?: string;
  correlationId?: string;
  causationId?: string;
};

export type CommandResult = {
  selectionId: string;
  kind: string;
  revision: number;
  state: string;
  events: SelectionEventView[];
  /** True when the `Idempotency-Key` was seen before: the first result, nothing appended. */
  replayed: boolean;
};

function ruleCitations(procedure: AnyProcedure, type: string): string[] {
  const rules = commandSpecOf(procedure, type)?.rules ?? [];
  return [...new Set(rules.map((rule) => rule.citation))];
}

/** A key seen before: the first result again (the state refolded up to it), nothing appended. */
function replayed(
  selectionId: string,
  procedure: AnyProcedure,
  events: RecordedEvent[],
  matches: RecordedEvent[],
): CommandResult {
  const upTo = events.filter((event) => event.revision <= matches.at(-1)!.revision);
  const snapshot = procedure.fold(upTo.map(toDomainEvent));
  return {
    selectionId,
    kind: procedure.kind,
    revision: matches.at(-1)!.revision,
    state: procedure.stateOf(snapshot),
    events: matches.map(presentEvent),
    replayed: true,
  };
}

/**
 * Load -> fold -> decide -> append, with its collaborators as parameters (STYLE.md). Order:
 * load (404), idempotent replay, role (403), `If-Match` (412), decision (409/422), then one append
 * with the expected revision. A lost race without `If-Match` is decided again once on the fresh
 * stream, then CONCURRENT_MODIFICATION. Refusals are thrown as coded SelectionsErrors (the API
 * maps the codes); nothing is written on any of them.
 */
export function handleCommand(deps: HandleCommandDeps) {
  const { eventStore, procedures, clock } = deps;
  const load = selectionLoader({ eventStore, procedures, cache: deps.cache ?? new FoldCache() });

  /** The first result of a key used here before; IDEMPOTENCY_KEY_REUSED for another body. */
  const replay = async (
    selectionId: string,
    key: string,
    hash: string,
    matches: RecordedEvent[],
  ) => {
    if (matches[0]!.metadata['bodyHash'] !== hash) throw new IdempotencyKeyReusedError(key);
    const events = await eventStore.readStream(streamIdOf(selectionId), {
      maxCount: matches.at(-1)!.revision + 1,
    });
    const procedure = procedures[kindOfStream(events) ?? ''];
    if (!procedure) throw new SelectionNotFoundError(selectionId);
    return replayed(selectionId, procedure, events, matches);
  };

  /** With MEMBERSHIP_CHECK=strict, a committee role is checked against the whole stream. */
  const authorize = async (
    selectionId: string,
    loaded: LoadedSelection,
    actor: Actor,
    type: string,
  ) => {
    const strict = deps.membershipCheck === 'strict' && COMMITTEE_EVENTS[actor.role] !== undefined;
    const events = strict ? await eventStore.readStream(streamIdOf(selectionId)) : [];
    authorizeCommand(loaded.procedure, type, actor, events, deps.membershipCheck);
  };

  const decide = (loaded: LoadedSelection, command: IncomingCommand, now: string) => {
    const domainCommand: Command = {
      type: command.type,
      data: command.data,
      metadata: { now, actor: command.actor },
    };
    const decision = loaded.procedure.decide(domainCommand, loaded.snapshot);
    switch (decision.kind) {
      case 'NotAllowedInState':
        throw new CommandNotAllowedInStateError(
          command.type,
          decision.state,
          decision.acceptedCommands,
        );
      case 'RulesBroken':
        throw new RulesBrokenError(command.type, decision.violations);
      case 'Accepted':
        return decision.events;
      default:
        return assertUnreachable(decision);
    }
  };

  const attempt = async (
    selectionId: string,
    command: IncomingCommand,
    options: HandleCommandOptions,
    lastAttempt: boolean,
  ): Promise<CommandResult | 'retry'> => {
    const streamId = streamIdOf(selectionId);
    const { idempotencyKey: key, expectedRevision } = options;
    const requestKind = command.type === OPEN_SELECTION ? (options.kind ?? null) : null;
    const bodyHash = bodyHashOf({ kind: requestKind, type: command.type, data: command.data });
    // Read first, then look the key up: a retry that lands after the read makes our append
    // conflict (and the next attempt finds its key); one before the lookup is found by it.
    const loaded = await load(selectionId, command.type, options.kind);
    if (key !== undefined) {
      const keyed = await eventStore.findByIdempotencyKey(streamId, key);
      if (keyed.length > 0) return replay(selectionId, key, bodyHash, keyed);
    }
    await authorize(selectionId, loaded, command.actor, command.type);
    const current = loaded.revision;
    if (expectedRevision !== undefined && expectedRevision !== current) {
      throw new PreconditionFailedError(expectedRevision, current);
    }
    const now = clock().toISOString();
    const decided = decide(loaded, command, now);
    const metadata = eventMetadataOf({
      kind: loaded.kind,
      command: command.type,
      actor: command.actor,
      legalBasis: ruleCitations(loaded.procedure, command.type),
      bodyHash,
      recordedAt: now,
      correlationId: options.correlationId,
      causationId: options.causationId,
      idempotencyKey: key,
    });
    const toAppend = decided.map((event) => ({
      ...(deps.ids ? { id: deps.ids() } : {}),
      type: event.type,
      data: event.data,
      metadata,
    }));
    try {
      await eventStore.appendToStream(streamId, toAppend, {
        expectedRevision: current ?? NO_STREAM,
      });
    } catch (error) {
      if (!(error instanceof StreamRevisionConflictError)) throw error;
      if (expectedRevision !== undefined)
        throw new PreconditionFailedError(expectedRevision, error.actual);
      if (lastAttempt) throw new ConcurrentModificationError(error.actual);
      return 'retry';
    }
    const written = await eventStore.readStream(streamId, {
      fromRevision: (current ?? -1) + 1,
      maxCount: toAppend.length,
    });
    const after = loaded.procedure.fold(written.map(toDomainEvent), loaded.snapshot);
    return {
      selectionId,
      kind: loaded.kind,
      revision: written.at(-1)!.revision,
      state: loaded.procedure.stateOf(after),
      events: written.map(presentEvent),
      replayed: false,
    };
  };

  return async (
    selectionId: string,
    command: IncomingCommand,
    options: HandleCommandOptions = {},
  ): Promise<CommandResult> => {
    const first = await attempt(selectionId, command, options, false);
    if (first !== 'retry') return first;
    const second = await attempt(selectionId, command, options, true);
    if (second === 'retry') throw new ConcurrentModificationError(null);
    return second;
  };
}
