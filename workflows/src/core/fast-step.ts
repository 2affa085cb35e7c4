import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { rulesHold } from './replay.js';

// Most stored events only record: the current state handles them with a targetless transition
// whose actions are `assign`s (ApplicationSubmitted, AssessmentResultRecorded, ...). Replaying one
// through XState costs an actor scope, a microstep, entry and exit sets and two snapshots, which
// is most of a fold. `fastStepper` applies such an event directly: the same assignments of the
// same machine, then the next snapshot with the new context. It answers `undefined` (and the
// caller steps through XState) whenever anything else could happen: a state change, a guard other
// than the rule guard (which passes in a replay), an action that is not an `assign`, an eventless
// (`always`) transition that would fire on the new context, or a state that is not at rest.

type Params = unknown;
type Args = { context: object; event: { type: string } };
type GuardImpl = ((args: Args, params: Params) => boolean) & { check?: unknown };
type AssignImpl = {
  type: string;
  assignment: ((args: Args, params: Params) => object) | Record<string, unknown>;
};
type Ref = string | { type: string; params?: Params } | ((...args: never[]) => unknown);
type TransitionDef = { target?: readonly unknown[]; guard?: Ref; actions: readonly Ref[] };
type Node = {
  type: string;
  parent?: Node;
  transitions: Map<string, TransitionDef[]>;
  always?: TransitionDef[];
};
type Implementations = {
  guards: Record<string, GuardImpl | undefined>;
  actions: Record<string, unknown>;
};

/** What a recorded event does in a state: its assignments, and the eventless guards to watch. */
type Plan = {
  assigns: readonly ((context: object, event: Args['event']) => object)[];
  always: readonly ((context: object, event: Args['event']) => boolean)[];
};

const ASSIGN = 'xstate.assign';

const refType = (ref: Ref) => (typeof ref === 'string' ? ref : 'type' in ref ? ref.type : '');
const refParams = (ref: Ref): Params =>
  typeof ref === 'object' && 'params' in ref ? ref.params : undefined;

function isAssign(value: unknown): value is AssignImpl {
  return (
    typeof value === 'function' &&
    (value as Partial<AssignImpl>).type === ASSIGN &&
    (value as Partial<AssignImpl>).assignment !== undefined
  );
}

/** The assignment an action runs, or null when the action is anything but an `assign`. */
function assignmentOf(ref: Ref, implementations: Implementations): Plan['assigns'][number] | null {
  const action = typeof ref === 'function' ? ref : implementations.actions[refType(ref)];
  const params = refParams(ref);
  if (!isAssign(action) || typeof params === 'function') return null;
  const { assignment } = action;
  // As XState's assign: a function returns the partial update, an object maps keys to values or
  // to functions of the same arguments.
  if (typeof assignment === 'function') {
    return (context, event) => assignment({ context, event }, params);
  }
  return (context, event) =>
    Object.fromEntries(
      Object.entries(assignment).map(([key, value]) => [
        key,
        typeof value === 'function'
          ? (value as (args: Args, params: Params) => unknown)({ context, event }, params)
          : value,
      ]),
    );
}

/** A guard as a plain check, or null when it is not a plain named (or inline) guard. */
function guardOf(ref: Ref, implementations: Implementations): Plan['always'][number] | null {
  const guard = typeof ref === 'function' ? ref : implementations.guards[refType(ref)];
  const params = refParams(ref);
  if (typeof guard !== 'function' || 'check' in guard || typeof params === 'function') return null;
  return (context, event) => (guard as GuardImpl)({ context, event }, params);
}

const hasWildcard = (node: Node) =>
  [...node.transitions.keys()].some((key) => key === '*' || key.endsWith('.*'));

function ancestry(leaf: Node): Node[] {
  const nodes: Node[] = [];
  for (let node: Node | undefined = leaf; node; node = node.parent) nodes.push(node);
  return nodes;
}

/** How `eventType` is handled in the state whose atomic node is `leaf`, if it only records. */
function planFor(leaf: Node, eventType: string, implementations: Implementations): Plan | null {
  const nodes = ancestry(leaf);
  if (nodes.some(hasWildcard)) return null;
  // XState takes the deepest node with a transition whose guard passes; in a replay the rule
  // guard passes, so that is the deepest node's first transition when it is guarded by rules.
  const candidates = nodes.map((node) => node.transitions.get(eventType)).find((t) => t?.length);
  const chosen = candidates?.[0];
  if (!chosen || chosen.target !== undefined) return null;
  if (chosen.guard !== undefined && implementations.guards[refType(chosen.guard)] !== rulesHold) {
    return null;
  }
  const assigns = chosen.actions.map((action) => assignmentOf(action, implementations));
  const always = nodes
    .flatMap((node) => node.always ?? [])
    .map((t) => (t.guard === undefined ? null : guardOf(t.guard, implementations)));
  if (assigns.includes(null) || always.includes(null)) return null;
  return {
    assigns: assigns as Plan['assigns'],
    always: always as Plan['always'],
  };
}

/**
 * A step for replays that applies recording events without XState's microstep machinery, or
 * answers `undefined` for XState to take the step (see above). Call it inside `replaying`.
 */
export function fastStepper(machine: AnyStateMachine) {
  const implementations = machine.implementations as unknown as Implementations;
  const plans = new WeakMap<Node, Map<string, Plan | null>>();
  const leaves = new WeakMap<readonly Node[], Node | null>();

  const leafOf = (nodes: readonly Node[]): Node | null => {
    let leaf = leaves.get(nodes);
    if (leaf === undefined) {
      const atomic = nodes.filter((node) => node.type === 'atomic');
      leaf = atomic.length === 1 ? atomic[0]! : null;
      leaves.set(nodes, leaf);
    }
    return leaf;
  };

  const planOf = (leaf: Node, eventType: string): Plan | null => {
    let byEvent = plans.get(leaf);
    if (!byEvent) plans.set(leaf, (byEvent = new Map<string, Plan | null>()));
    let plan = byEvent.get(eventType);
    if (plan === undefined)
      byEvent.set(eventType, (plan = planFor(leaf, eventType, implementations)));
    return plan;
  };

  return (snapshot: AnyMachineSnapshot, event: Args['event']): AnyMachineSnapshot | undefined => {
    if (snapshot.status !== 'active' || snapshot.machine !== machine) return undefined;
    if (Object.keys(snapshot.children as object).length > 0) return undefined;
    const leaf = leafOf(snapshot._nodes);
    const plan = leaf && planOf(leaf, event.type);
    if (!plan) return undefined;
    let context = snapshot.context as object;
    for (const assign of plan.assigns) context = { ...context, ...assign(context, event) };
    for (const fires of plan.always) if (fires(context, event)) return undefined;
    return { ...snapshot, context } as AnyMachineSnapshot;
  };
}
