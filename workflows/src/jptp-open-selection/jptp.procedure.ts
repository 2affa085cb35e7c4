import type { AnyMachineSnapshot, StateValue } from 'xstate';
import {
  machineProcedure,
  topLevelState,
  type PersistedState,
  type Procedure,
} from '../core/decider.js';
import type { JptpCommand } from './jptp.commands.js';
import type { JptpContext } from './jptp.context.js';
import { jptpDeadlines } from './jptp.deadlines.js';
import { JPTP_COMMANDS } from './jptp.decide.js';
import type { JptpEvent } from './jptp.events.js';
import { jptpMachine } from './jptp.machine.js';
import { summarizeJptp } from './jptp.summary.js';

export const JPTP_KIND = 'jptp-open-selection';

/**
 * The stage a snapshot is in: the stages are children of `active` (so that a suspension can
 * return through a history state), but callers see `registration`, not `active`.
 */
export function jptpStateOf(snapshot: AnyMachineSnapshot): string {
  const value = snapshot.value as StateValue;
  if (typeof value === 'object' && typeof value.active === 'string') return value.active;
  return topLevelState(value);
}

/** A persisted snapshot plus the history state's memory (ids of the remembered stages). */
export type JptpPersistedState = PersistedState<JptpContext> & {
  historyValue?: Record<string, string[]>;
};

function persist(snapshot: AnyMachineSnapshot): JptpPersistedState {
  const history = (snapshot.historyValue ?? {}) as Record<string, { id: string }[]>;
  return {
    value: snapshot.value as StateValue,
    context: snapshot.context as JptpContext,
    status: snapshot.status,
    historyValue: Object.fromEntries(
      Object.entries(history).map(([key, nodes]) => [key, nodes.map((node) => node.id)]),
    ),
  };
}

function restore(persisted: JptpPersistedState): AnyMachineSnapshot {
  const historyValue = Object.fromEntries(
    Object.entries(persisted.historyValue ?? {}).map(([key, ids]) => [
      key,
      ids.map((id) => jptpMachine.getStateNodeById(id)),
    ]),
  );
  return jptpMachine.resolveState({
    value: persisted.value,
    context: persisted.context,
    historyValue,
  }) as AnyMachineSnapshot;
}

const base = machineProcedure<JptpContext, JptpCommand, JptpEvent>({
  kind: JPTP_KIND,
  machine: jptpMachine,
  commands: JPTP_COMMANDS,
  views: { summarize: summarizeJptp, deadlines: jptpDeadlines },
});

/** Procedure A of DOMAIN.md §3: the JPT Pratama open selection. */
export const jptpOpenSelection: Procedure<JptpContext, JptpCommand, JptpEvent> = {
  ...base,
  stateOf: jptpStateOf,
  decide: (command, snapshot) => {
    const decision = base.decide(command, snapshot);
    return decision.kind === 'NotAllowedInState'
      ? { ...decision, state: jptpStateOf(snapshot) }
      : decision;
  },
  summarize: (snapshot) => ({
    ...summarizeJptp(base.contextOf(snapshot)),
    state: jptpStateOf(snapshot),
  }),
  deadlines: (snapshot) => jptpDeadlines(base.contextOf(snapshot), jptpStateOf(snapshot)),
  persist,
  restore,
};
