import {
  canonicalJson,
  MAX_EVENTS_PER_APPEND,
  type EventStore,
  type NewEvent,
} from '@jejak/event-store';
import {
  assertUnreachable,
  effectiveAtOf,
  toWita,
  type Command,
  type DomainEvent,
} from '@jejak/workflows';
import type { AnyMachineSnapshot } from 'xstate';
import { authorizeCommand, COMMITTEE_EVENTS, type MembershipCheck } from './authorize-command.js';
import type { HandleCommandOptions, IncomingCommand, CommandResult } from './command-types.js';
import { commandSpecOf, type AnyProcedure, type ProcedureRegistry } from './procedure-registry.js';
import {
  OPEN_SELECTION,
  type KeyIndex,
  type KeyUse,
  type LoadedSelection,
} from './selection-loader.js';
import { eventMetadataOf, streamIdOf } from './selection-stream.js';
import {
  CommandNotAllowedInStateError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
  RulesBrokenError,
  SelectionNotFoundError,
} from './selections.errors.js';

/** One caller's command waiting in its selection's lane. */
export type Entry = {
  command: IncomingCommand;
  options: HandleCommandOptions;
  bodyHash: string;
  /** Runs a function in the caller's async context (its clock, its request scope). */
  inContext: <R>(fn: () => R) => R;
  resolve: (result: CommandResult) => void;
  reject: (error: unknown) => void;
};

export type Outcome =
  | { kind: 'refused'; error: unknown }
  /** `count` events appended for it; `state`: the selection's stage after them. */
  | { kind: 'accepted'; count: number; state: string }
  /** Same key, same request as an earlier command of the batch: its result, replayed. */
  | { kind: 'follower'; leader: Entry }
  /** The key was used before in the stream by the same caller for the same request. */
  | { kind: 'replay'; key: string; use: KeyUse };

export type BatchPlan = {
  /** Outcome per planned command, in batch order. */
  outcomes: Map<Entry, Outcome>;
  /** The events of every accepted command, in order: one append. */
  toAppend: NewEvent[];
  /** Kind, fold and key index after the accepted commands (kind undefined: none accepted). */
  kind: string | undefined;
  snapshot: AnyMachineSnapshot | undefined;
  keyIndex: KeyIndex;
  /** The keys the accepted commands add (into `keyIndex` once appended). */
  keys: Map<string, KeyUse>;
  /** Commands not planned in this batch (they need the stream as appended), in order. */
  left: Entry[];
};

type Working = {
  kind: string;
  procedure: AnyProcedure;
  snapshot: AnyMachineSnapshot;
  revision: number | null;
};

function ruleCitations(procedure: AnyProcedure, type: string): string[] {
  const rules = commandSpecOf(procedure, type)?.rules ?? [];
  return [...new Set(rules.map((rule) => rule.citation))];
}

/** The act's two times: when it took effect (WITA) and when it is recorded (the clock, UTC). */
export type ActTimes = { effectiveAt: string; recordedAt: string };

export function actTimesOf(command: IncomingCommand, recordedAt: string): ActTimes {
  const effectiveAt = effectiveAtOf({
    requested: command.effectiveAt,
    data: command.data,
    recordedAt,
  });
  return { effectiveAt, recordedAt };
}

/** The decision's events, or its refusal thrown as the coded error. */
function decide(working: Working, command: IncomingCommand, times: ActTimes): DomainEvent[] {
  // An act recorded when it happens keeps the clock's own instant as its `occurredAt` (as before
  // effective times existed); an act dated by its paper or by the caller takes that date.
  const now = times.effectiveAt === toWita(times.recordedAt) ? times.recordedAt : times.effectiveAt;
  const domainCommand: Command = {
    type: command.type,
    data: command.data,
    metadata: { now, recordedAt: times.recordedAt, actor: command.actor },
  };
  const decision = working.procedure.decide(domainCommand, working.snapshot);
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
}

/** The event as it will be read back (canonical JSON: no undefined members, plain objects). */
const asStored = (event: DomainEvent): DomainEvent =>
  ({ type: event.type, data: JSON.parse(canonicalJson(event.data)) as unknown }) as DomainEvent;

/**
 * Decides a batch of one selection's commands one after another on `base` (null: no stream yet),
 * each accepted command's events folded before the next is decided. Pure but for the clock, the
 * ids and, with MEMBERSHIP_CHECK=strict for a committee role, one read of the stream (only when
 * nothing is pending: a later command waits for the next batch).
 */
export async function planBatch(args: {
  eventStore: Pick<EventStore, 'readStream'>;
  procedures: ProcedureRegistry;
  clock: () => Date;
  ids?: () => string;
  membershipCheck?: MembershipCheck;
  selectionId: string;
  base: LoadedSelection | null;
  batch: readonly Entry[];
}): Promise<BatchPlan> {
  const { selectionId, base, batch, procedures } = args;
  const outcomes = new Map<Entry, Outcome>();
  const toAppend: NewEvent[] = [];
  const keys = new Map<string, KeyUse>();
  const leaders = new Map<string, Entry>();
  let working: Working | null = base;
  for (const [index, entry] of batch.entries()) {
    const { command, options } = entry;
    const { idempotencyKey: key, expectedRevision } = options;
    let current = working;
    if (current === null) {
      const procedure = options.kind === undefined ? undefined : procedures[options.kind];
      if (command.type !== OPEN_SELECTION || procedure === undefined) {
        outcomes.set(entry, { kind: 'refused', error: new SelectionNotFoundError(selectionId) });
        continue;
      }
      current = { kind: procedure.kind, procedure, snapshot: procedure.fold([]), revision: null };
    }
    if (key !== undefined) {
      const sub = command.actor.sub;
      const pending = keys.get(key);
      const use = pending ?? base?.keys.get(key);
      if (use !== undefined) {
        const same = use.bodyHash === entry.bodyHash && use.sub === sub;
        outcomes.set(
          entry,
          !same
            ? { kind: 'refused', error: new IdempotencyKeyReusedError(key) }
            : pending
              ? { kind: 'follower', leader: leaders.get(key)! }
              : { kind: 'replay', key, use },
        );
        continue;
      }
    }
    const strict =
      args.membershipCheck === 'strict' && COMMITTEE_EVENTS[command.actor.role] !== undefined;
    if (strict && toAppend.length > 0) return plan(batch.slice(index));
    try {
      const events = strict ? await args.eventStore.readStream(streamIdOf(selectionId)) : [];
      authorizeCommand(
        current.procedure,
        command.type,
        command.actor,
        events,
        args.membershipCheck,
      );
      if (expectedRevision !== undefined && expectedRevision !== current.revision) {
        throw new PreconditionFailedError(expectedRevision, current.revision);
      }
      const decided = entry.inContext(() => {
        const times = actTimesOf(command, args.clock().toISOString());
        return { times, events: decide(current, command, times) };
      });
      if (toAppend.length + decided.events.length > MAX_EVENTS_PER_APPEND && toAppend.length > 0)
        return plan(batch.slice(index));
      const metadata = eventMetadataOf({
        kind: current.kind,
        command: command.type,
        actor: command.actor,
        legalBasis: ruleCitations(current.procedure, command.type),
        bodyHash: entry.bodyHash,
        recordedAt: decided.times.recordedAt,
        effectiveAt: decided.times.effectiveAt,
        correlationId: options.correlationId,
        causationId: options.causationId,
        idempotencyKey: key,
      });
      const first = (current.revision ?? -1) + 1;
      for (const event of decided.events) {
        toAppend.push({
          ...(args.ids ? { id: args.ids() } : {}),
          type: event.type,
          data: event.data,
          metadata,
        });
      }
      const snapshot = current.procedure.fold(decided.events.map(asStored), current.snapshot);
      working = { ...current, snapshot, revision: first + decided.events.length - 1 };
      const state = current.procedure.stateOf(snapshot);
      outcomes.set(entry, { kind: 'accepted', count: decided.events.length, state });
      if (key !== undefined && decided.events.length > 0) {
        keys.set(key, {
          bodyHash: entry.bodyHash,
          sub: command.actor.sub,
          first,
          last: first + decided.events.length - 1,
        });
        leaders.set(key, entry);
      }
    } catch (error) {
      outcomes.set(entry, { kind: 'refused', error });
    }
  }
  return plan([]);

  function plan(left: Entry[]): BatchPlan {
    return {
      outcomes,
      toAppend,
      kind: working?.kind,
      snapshot: working?.snapshot,
      keyIndex: base?.keys ?? new Map<string, KeyUse>(),
      keys,
      left,
    };
  }
}
