import type { Role } from '@jejak/workflows';
import type { AnyStateMachine } from 'xstate';
import { commandSpecOf, type AnyProcedure, type ProcedureRegistry } from './procedure-registry.js';

/** What the docs and the role matrix say of one command of one procedure. */
export type CommandEntry = {
  kind: string;
  type: string;
  event: string;
  /** Who may issue it (never AUDITOR or ADMIN). */
  roles: Role[];
  /** The states whose transitions accept its event (its rules still decide). */
  states: string[];
  rules: { id: string; citation: string }[];
};

type StateNodeLike = {
  key: string;
  type: string;
  on: Record<string, unknown>;
  states: Record<string, StateNodeLike>;
  parent?: StateNodeLike;
};

const NEVER_WRITE: readonly Role[] = ['AUDITOR', 'ADMIN'];

function leaves(node: StateNodeLike): StateNodeLike[] {
  const children = Object.values(node.states);
  if (children.length === 0) return node.type === 'atomic' ? [node] : [];
  return children.flatMap(leaves);
}

function handles(leaf: StateNodeLike, eventType: string): boolean {
  for (let node: StateNodeLike | undefined = leaf; node; node = node.parent) {
    if (Object.hasOwn(node.on, eventType)) return true;
  }
  return false;
}

/** The atomic states (by name) in which the machine has a transition on `eventType`. */
export function statesAccepting(machine: AnyStateMachine, eventType: string): string[] {
  const root = machine.root as unknown as StateNodeLike;
  return leaves(root)
    .filter((leaf) => handles(leaf, eventType))
    .map((leaf) => leaf.key);
}

export function commandEntry(procedure: AnyProcedure, type: string): CommandEntry | undefined {
  const spec = commandSpecOf(procedure, type);
  if (!spec) return undefined;
  return {
    kind: procedure.kind,
    type,
    event: spec.event,
    roles: spec.roles.filter((role) => !NEVER_WRITE.includes(role)),
    states: statesAccepting(procedure.machine, spec.event),
    rules: spec.rules.map(({ id, citation }) => ({ id, citation })),
  };
}

/** Every command of every procedure: kind, roles, accepting states and rules. */
export function commandCatalog(procedures: ProcedureRegistry): CommandEntry[] {
  return Object.values(procedures).flatMap((procedure) =>
    Object.keys(procedure.commands).flatMap((type) => commandEntry(procedure, type) ?? []),
  );
}
