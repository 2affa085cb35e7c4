import type {
  Command,
  Deadline,
  Decision,
  DomainEvent,
  PersistedState,
  Role,
  SelectionSummary,
} from '@jejak/workflows';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';

/** What the application layer reads of a command's spec (not `toEvent`: the procedure calls it). */
export type CommandSpecView = {
  readonly roles: readonly Role[];
  readonly event: string;
  readonly rules: readonly { readonly id: string; readonly citation: string }[];
};

/**
 * Any procedure, whatever its context, commands and events (every `Procedure<Ctx, C, E>` of
 * @jejak/workflows fits): the application layer handles them all alike.
 */
export type AnyProcedure = {
  readonly kind: string;
  readonly machine: AnyStateMachine;
  readonly commands: Readonly<Record<string, CommandSpecView>>;
  initialState(): AnyMachineSnapshot;
  evolve(snapshot: AnyMachineSnapshot, event: DomainEvent): AnyMachineSnapshot;
  fold(events: readonly DomainEvent[], from?: AnyMachineSnapshot): AnyMachineSnapshot;
  decide(command: Command, snapshot: AnyMachineSnapshot): Decision<DomainEvent>;
  stateOf(snapshot: AnyMachineSnapshot): string;
  contextOf(snapshot: AnyMachineSnapshot): unknown;
  acceptedCommands(snapshot: AnyMachineSnapshot): string[];
  persist(snapshot: AnyMachineSnapshot): PersistedState<unknown>;
  summarize(snapshot: AnyMachineSnapshot): SelectionSummary;
  deadlines(snapshot: AnyMachineSnapshot): Deadline[];
};

/** Procedures by kind, e.g. `{ 'jptp-open-selection': jptpOpenSelection, ... }`. */
export type ProcedureRegistry = Readonly<Record<string, AnyProcedure>>;

/** The command's spec in this procedure, or undefined when the procedure has no such command. */
export function commandSpecOf(procedure: AnyProcedure, type: string): CommandSpecView | undefined {
  return Object.hasOwn(procedure.commands, type) ? procedure.commands[type] : undefined;
}

/** Every command type of every procedure, sorted (the HTTP catalog). */
export function commandTypesOf(procedures: ProcedureRegistry): string[] {
  const types = Object.values(procedures).flatMap((procedure) => Object.keys(procedure.commands));
  return [...new Set(types)].sort();
}
