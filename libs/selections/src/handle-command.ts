import {
  NO_STREAM,
  StreamRevisionConflictError,
  type EventStore,
  type RecordedEvent,
} from '@jejak/event-store';
import { assertUnreachable, type Actor, type Command } from '@jejak/workflows';
import { authorizeCommand, type MembershipCheck } from './authorize-command.js';
import { commandSpecOf, type AnyProcedure, type ProcedureRegistry } from './procedure-registry.js';
import { presentEvent, type SelectionEventView } from './selection-event.js';
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

export const OPEN_SELECTION = 'OpenSelection';

export type Clock = () => Date;
export type IdGenerator = () => string;

export type HandleCommandDeps = {
  eventStore: EventStore;
  procedures: ProcedureRegistry;
  clock: Clock;
  /** Event ids (default: the store's random UUIDs). */
  ids?: IdGenerator;
  membershipCheck?: MembershipCheck;
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

type Loaded = { events: RecordedEvent[]; kind: string; procedure: AnyProcedure };

function ruleCitations(procedure: AnyProcedure, type: string): string[] {
  const rules = commandSpecOf(procedure, type)?.rules ?? [];
  return [...new Set(rules.map((rule) => rule.citation))];
}

/** The result of one decision: its events (as stored) and the state after them. */
function resultOf(
  selectionId: string,
  loaded: Loaded,
  written: RecordedEvent[],
  replayed: boolean,
) {
  const before = loaded.events.filter((event) => event.revision < written[0]!.revision);
  const snapshot = loaded.procedure.fold([...before, ...written].map(toDomainEvent));
  return {
    selectionId,
    kind: loaded.kind,
    revision: written.at(-1)!.revision,
    state: loaded.procedure.stateOf(snapshot),
    events: written.map(presentEvent),
    replayed,
  };
}

/**
 * Load -> fold -> decide -> append, with its collaborators as parameters (STYLE.md). Order:
 * idempotent replay, load (404), role (403), `If-Match` (412), decision (409/422), then one append
 * with the expected revision. A lost race without `If-Match` is decided again once on the fresh
 * stream, then CONCURRENT_MODIFICATION. Refusals are thrown as coded SelectionsErrors (the API
 * maps the codes); nothing is written on any of them.
 */
export function handleCommand(deps: HandleCommandDeps) {
  const { eventStore, procedures, clock } = deps;

  const load = async (selectionId: string, type: string, kindOption?: string): Promise<Loaded> => {
    const events = await eventStore.readStream(streamIdOf(selectionId));
    const opening = events.length === 0 && type === OPEN_SELECTION;
    const kind = opening ? kindOption : kindOfStream(events);
    const procedure = kind === undefined ? undefined : procedures[kind];
    if (kind === undefined || procedure === undefined || (events.length === 0 && !opening)) {
      throw new SelectionNotFoundError(selectionId);
    }
    return { events, kind, procedure };
  };

  /** The first result of a key already used here; IDEMPOTENCY_KEY_REUSED for another body. */
  const replay = (
    selectionId: string,
    key: string,
    hash: string,
    matches: RecordedEvent[],
    events: RecordedEvent[],
  ) => {
    if (matches[0]!.metadata['bodyHash'] !== hash) throw new IdempotencyKeyReusedError(key);
    const kind = kindOfStream(events) ?? '';
    const procedure = procedures[kind];
    if (!procedure) throw new SelectionNotFoundError(selectionId);
    return resultOf(selectionId, { events, kind, procedure }, matches, true);
  };

  const decide = (loaded: Loaded, command: IncomingCommand, now: string) => {
    const domainCommand: Command = {
      type: command.type,
      data: command.data,
      metadata: { now, actor: command.actor },
    };
    const decision = loaded.procedure.decide(
      domainCommand,
      loaded.procedure.fold(loaded.events.map(toDomainEvent)),
    );
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
    const keyed = key === undefined ? [] : await eventStore.findByIdempotencyKey(streamId, key);
    if (key !== undefined && keyed.length > 0) {
      const upTo = await eventStore.readStream(streamId, { maxCount: keyed.at(-1)!.revision + 1 });
      return replay(selectionId, key, bodyHash, keyed, upTo);
    }
    const loaded = await load(selectionId, command.type, options.kind);
    // The key may have landed between the lookup and the read: the loaded stream is the truth.
    const raced = loaded.events.filter(
      (event) => key !== undefined && event.metadata['idempotencyKey'] === key,
    );
    if (key !== undefined && raced.length > 0)
      return replay(selectionId, key, bodyHash, raced, loaded.events);
    authorizeCommand(
      loaded.procedure,
      command.type,
      command.actor,
      loaded.events,
      deps.membershipCheck,
    );
    const current = loaded.events.at(-1)?.revision ?? null;
    if (expectedRevision !== undefined && expectedRevision !== current) {
      throw new PreconditionFailedError(expectedRevision, current);
    }
    const now = clock().toISOString();
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
    const toAppend = decide(loaded, command, now).map((event) => ({
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
    return resultOf(selectionId, loaded, written, false);
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
