import { commandCatalog, type AnyProcedure, type ProcedureRegistry } from '@jejak/selections';
import {
  HOLIDAYS,
  JPTP_KIND,
  JPTP_STAGES,
  PERGUB113_KIND,
  PERGUB113_STAGES,
  type Role,
} from '@jejak/workflows';

/** What the dashboard draws of one procedure (GET /ui/config.json). */
export type ProcedureMeta = {
  kind: string;
  /** The stages in order: progress bar, stage timeline, the diagram's main path. */
  stages: string[];
  /** Every state (atomic or final), in the machine's definition order. */
  states: string[];
  finalStates: string[];
  /** Transitions between states; `anyStage`: every stage has it (the diagram says it once). */
  transitions: { from: string; to: string; event: string; anyStage?: boolean }[];
  /** Commands whose event some transition of the state accepts, with the roles allowed. */
  commandsByState: Record<string, { type: string; roles: Role[] }[]>;
};

export type UiConfig = {
  demoSignIn: boolean;
  demoRoles: Role[];
  holidays: { date: string; name: string; kind: string }[];
  procedures: Record<string, ProcedureMeta>;
};

/** The roles a demo token may carry: people, not the scheduler (SYSTEM) nor the operator. */
export const DEMO_ROLES: readonly Role[] = [
  'SEKRETARIAT',
  'PANSEL',
  'TPK',
  'ASESOR',
  'PPK',
  'SEKDA',
  'AUDITOR',
];

const STAGES: Record<string, readonly string[]> = {
  [JPTP_KIND]: JPTP_STAGES,
  [PERGUB113_KIND]: PERGUB113_STAGES,
};

/** The parts of an XState v5 state node read here (its public, documented shape). */
type StateNodeLike = {
  key: string;
  type: string;
  parent?: StateNodeLike;
  states: Record<string, StateNodeLike>;
  on: Record<string, { target?: readonly StateNodeLike[] }[]>;
  always?: { target?: readonly StateNodeLike[] }[];
  initial?: { target: readonly StateNodeLike[] };
};

function leaves(node: StateNodeLike): StateNodeLike[] {
  const children = Object.values(node.states);
  if (children.length === 0) return node.type === 'atomic' || node.type === 'final' ? [node] : [];
  return children.flatMap(leaves);
}

/** The leaf a transition lands on (a compound state's initial leaf); none for history. */
function landing(node: StateNodeLike): string | undefined {
  if (node.type === 'history') return undefined;
  const children = Object.values(node.states);
  if (children.length === 0) return node.key;
  const initial = node.initial?.target[0];
  return initial ? landing(initial) : undefined;
}

/** The shape of a procedure's machine for the dashboard's timeline, progress and diagram. */
export function procedureMeta(kind: string, procedure: AnyProcedure): ProcedureMeta {
  const root = procedure.machine.root as unknown as StateNodeLike;
  const all = leaves(root);
  const states = all.map((leaf) => leaf.key);
  const initial = root.initial?.target[0] ? landing(root.initial.target[0]) : undefined;
  const stages = [
    ...(STAGES[kind] ??
      all
        .filter((leaf) => leaf.type === 'atomic' && leaf.key !== initial && leaf.key !== 'suspended')
        .map((leaf) => leaf.key)),
  ];
  const transitions: ProcedureMeta['transitions'] = [];
  const seen = new Set<string>();
  for (const leaf of all) {
    for (let node: StateNodeLike | undefined = leaf; node; node = node.parent) {
      const inherited = node !== leaf;
      const definitions = [
        ...Object.entries(node.on).flatMap(([event, list]) => list.map((d) => ({ event, d }))),
        ...(node.always ?? []).map((d) => ({ event: '(always)', d })),
      ];
      for (const { event, d } of definitions) {
        for (const target of d.target ?? []) {
          const to = landing(target) ?? (target.type === 'history' ? 'history' : undefined);
          if (to === undefined || to === leaf.key) continue;
          const key = `${leaf.key}>${to}>${event}`;
          if (seen.has(key)) continue;
          seen.add(key);
          transitions.push({ from: leaf.key, to, event, ...(inherited ? { anyStage: true } : {}) });
        }
      }
    }
  }
  // A transition that every stage has (declared on a parent, or repeated in each stage: cancel,
  // suspend, complete when every post is settled) is marked, so the diagram says it once.
  const fromEveryStage = (to: string, event: string) =>
    stages.every((stage) => transitions.some((t) => t.from === stage && t.to === to && t.event === event));
  for (const [index, transition] of transitions.entries()) {
    if (stages.includes(transition.from) && fromEveryStage(transition.to, transition.event)) {
      transitions[index] = { ...transition, anyStage: true };
    }
  }
  const commandsByState: ProcedureMeta['commandsByState'] = {};
  for (const entry of commandCatalog({ [kind]: procedure })) {
    for (const state of entry.states) {
      (commandsByState[state] ??= []).push({ type: entry.type, roles: entry.roles });
    }
  }
  return {
    kind,
    stages,
    states,
    finalStates: all.filter((leaf) => leaf.type === 'final').map((leaf) => leaf.key),
    transitions,
    commandsByState,
  };
}

export function uiConfig(options: {
  demoSignIn: boolean;
  procedures: ProcedureRegistry;
}): UiConfig {
  return {
    demoSignIn: options.demoSignIn,
    demoRoles: options.demoSignIn ? [...DEMO_ROLES] : [],
    holidays: HOLIDAYS.map(({ date, name, kind }) => ({ date, name, kind })),
    procedures: Object.fromEntries(
      Object.entries(options.procedures).map(([kind, procedure]) => [
        kind,
        procedureMeta(kind, procedure),
      ]),
    ),
  };
}
