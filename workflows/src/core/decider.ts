import {
  getNextTransitions,
  initialTransition,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type StateValue,
} from 'xstate';
import { accepted, notAllowedInState, rulesBroken, type Decision } from './decision.js';
import { actNotInFuture, checkActOrder, type ActOrderRule } from './effective-time.js';
import { fastStepper } from './fast-step.js';
import { replaying } from './replay.js';
import { checkRules, type Rule } from './rule.js';
import type { Command, DomainEvent, Role } from './types.js';
import type { Deadline, SelectionSummary } from './view.js';

/** What a rule sees: the folded context and the candidate event (with its `occurredAt`). */
export type RuleInput<Ctx, E> = { context: Ctx; event: E };

/** One command of a procedure: who may issue it, which event it yields, and its rules. */
export type CommandSpec<Ctx, C extends Command, E extends DomainEvent> = {
  readonly roles: readonly Role[];
  /** The event type this command yields: the states that accept it are the command's states. */
  readonly event: E['type'];
  readonly rules: readonly Rule<RuleInput<Ctx, E>>[];
  readonly toEvent: (command: C, context: Ctx) => E;
};

export type CommandSpecs<Ctx, C extends Command, E extends DomainEvent> = {
  readonly [K in C['type']]: CommandSpec<Ctx, Extract<C, { type: K }>, E>;
};

/**
 * A persisted snapshot: JSON only, restorable with `restore`. `historyValue` keeps what history
 * states remember (state node ids), so a suspended selection resumes where it was after a restore.
 */
export type PersistedState<Ctx> = {
  value: StateValue;
  context: Ctx;
  status: string;
  historyValue?: Record<string, string[]>;
};

export type Procedure<Ctx, C extends Command, E extends DomainEvent> = {
  readonly kind: string;
  readonly machine: AnyStateMachine;
  readonly commands: CommandSpecs<Ctx, C, E>;
  initialState(): AnyMachineSnapshot;
  evolve(snapshot: AnyMachineSnapshot, event: E): AnyMachineSnapshot;
  fold(events: readonly E[], from?: AnyMachineSnapshot): AnyMachineSnapshot;
  decide(command: C, snapshot: AnyMachineSnapshot): Decision<E>;
  /** The top-level state name, e.g. `registration`. */
  stateOf(snapshot: AnyMachineSnapshot): string;
  contextOf(snapshot: AnyMachineSnapshot): Ctx;
  /** Commands the current state accepts (rules not yet evaluated). */
  acceptedCommands(snapshot: AnyMachineSnapshot): C['type'][];
  persist(snapshot: AnyMachineSnapshot): PersistedState<Ctx>;
  restore(persisted: PersistedState<Ctx>): AnyMachineSnapshot;
  /** Title, state, per-vacancy sub-status, planned vs actual stage dates. */
  summarize(snapshot: AnyMachineSnapshot): SelectionSummary;
  /** Upcoming legal and planned deadlines, as data (docs/domain.md §6). */
  deadlines(snapshot: AnyMachineSnapshot): Deadline[];
};

/** The procedure-specific views, computed from the folded context and top-level state. */
export type ProcedureViews<Ctx> = {
  summarize: (context: Ctx, state: string) => Omit<SelectionSummary, 'state'>;
  deadlines: (context: Ctx, state: string) => Deadline[];
};

export function topLevelState(value: StateValue): string {
  return typeof value === 'string' ? value : (Object.keys(value)[0] ?? '');
}

/** History memory as JSON: state node ids instead of state node objects. */
export function persistHistory(snapshot: AnyMachineSnapshot): Record<string, string[]> {
  const history = snapshot.historyValue as Record<string, readonly { id: string }[]>;
  return Object.fromEntries(
    Object.entries(history).map(([key, nodes]) => [key, nodes.map((node) => node.id)]),
  );
}

/** Persists a snapshot as JSON: state value, context, status and history memory. */
export function persistSnapshot<Ctx>(snapshot: AnyMachineSnapshot): PersistedState<Ctx> {
  return {
    value: snapshot.value as StateValue,
    context: snapshot.context as Ctx,
    status: snapshot.status,
    historyValue: persistHistory(snapshot),
  };
}

/** Restores a persisted snapshot with `machine.resolveState`, reviving the history memory. */
export function restoreSnapshot<Ctx>(
  machine: AnyStateMachine,
  persisted: PersistedState<Ctx>,
): AnyMachineSnapshot {
  const historyValue = Object.fromEntries(
    Object.entries(persisted.historyValue ?? {}).map(([key, ids]) => [
      key,
      ids.map((id) => machine.getStateNodeById(id)),
    ]),
  );
  return machine.resolveState({
    value: persisted.value,
    context: persisted.context,
    historyValue,
  }) as AnyMachineSnapshot;
}

/**
 * Builds a procedure on an XState machine whose events are the domain events: the machine is the
 * fold, and the decision follows STYLE.md: candidate event -> state check (409) -> rules (422) ->
 * accepted. The machine's `rulesHold` guard calls the same rules, so both always agree; `fold` and
 * `evolve` replay stored events without them (core/replay.ts).
 */
export function machineProcedure<Ctx, C extends Command, E extends DomainEvent>(definition: {
  kind: string;
  machine: AnyStateMachine;
  commands: CommandSpecs<Ctx, C, E>;
  views: ProcedureViews<Ctx>;
  /** The stage name callers see; defaults to the top-level state (override for nested stages). */
  stateOf?: (snapshot: AnyMachineSnapshot) => string;
  /** Which acts may not be dated before which (core/effective-time.ts), checked with the rules. */
  actOrder?: readonly ActOrderRule<Ctx, E>[];
}): Procedure<Ctx, C, E> {
  const { kind, machine, commands, views } = definition;
  const specOf = (type: C['type']) =>
    commands[type] as unknown as CommandSpec<Ctx, C, E> | undefined;
  const commandTypes = Object.keys(commands) as C['type'][];

  const initialState = () => initialTransition(machine)[0];
  // Stored events are facts decided before: folding them replays, without their rules; an event
  // that only records is applied directly (core/fast-step.ts), anything else through XState.
  const fastStep = fastStepper(machine);
  const step = (snapshot: AnyMachineSnapshot, event: E) =>
    fastStep(snapshot, event) ?? (transition(machine, snapshot, event)[0] as AnyMachineSnapshot);
  const evolve = (snapshot: AnyMachineSnapshot, event: E) => replaying(() => step(snapshot, event));
  const fold = (events: readonly E[], from?: AnyMachineSnapshot) =>
    replaying(() => events.reduce(step, from ?? initialState()));
  const contextOf = (snapshot: AnyMachineSnapshot) => snapshot.context as Ctx;
  const stateOf =
    definition.stateOf ??
    ((snapshot: AnyMachineSnapshot) => topLevelState(snapshot.value as StateValue));

  const acceptedCommands = (snapshot: AnyMachineSnapshot): C['type'][] => {
    const eventTypes = new Set<string>(
      getNextTransitions(snapshot).map((t): string => t.eventType as string),
    );
    return commandTypes.filter((type) => eventTypes.has(specOf(type)!.event));
  };

  const decide = (command: C, snapshot: AnyMachineSnapshot): Decision<E> => {
    const spec = specOf(command.type);
    if (!spec || !acceptedCommands(snapshot).includes(command.type)) {
      return notAllowedInState(stateOf(snapshot), acceptedCommands(snapshot));
    }
    const context = contextOf(snapshot);
    const event = spec.toEvent(command, context);
    const { now, recordedAt } = command.metadata;
    const violations = [
      ...(recordedAt === undefined ? [] : actNotInFuture(now, recordedAt)),
      ...(definition.actOrder ?? []).flatMap((rule) => checkActOrder(rule, context, event)),
      ...checkRules(spec.rules, { context, event }),
    ];
    if (violations.length > 0) return rulesBroken(violations);
    // The machine's other guards (not its rule guard: the rules were just checked, so the check
    // runs as a replay) have the last word; one refusing what the rules allowed is answered as
    // "not in this state", never accepted.
    if (!replaying(() => snapshot.can(event))) {
      return notAllowedInState(stateOf(snapshot), acceptedCommands(snapshot));
    }
    return accepted([event]);
  };

  return {
    kind,
    machine,
    commands,
    initialState,
    evolve,
    fold,
    decide,
    stateOf,
    contextOf,
    acceptedCommands,
    persist: (snapshot) => persistSnapshot<Ctx>(snapshot),
    restore: (persisted) => restoreSnapshot(machine, persisted),
    summarize: (snapshot) => ({
      ...views.summarize(contextOf(snapshot), stateOf(snapshot)),
      state: stateOf(snapshot),
    }),
    deadlines: (snapshot) => views.deadlines(contextOf(snapshot), stateOf(snapshot)),
  };
}
