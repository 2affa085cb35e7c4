import type { AnyMachineSnapshot, StateValue } from 'xstate';
import { machineProcedure, topLevelState, type Procedure } from '../core/decider.js';
import { JPTP_ACT_ORDER } from './jptp.act-order.js';
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

/** Procedure A of docs/domain.md §3: the JPT Pratama open selection. */
export const jptpOpenSelection: Procedure<JptpContext, JptpCommand, JptpEvent> = machineProcedure<
  JptpContext,
  JptpCommand,
  JptpEvent
>({
  kind: JPTP_KIND,
  machine: jptpMachine,
  commands: JPTP_COMMANDS,
  views: { summarize: summarizeJptp, deadlines: jptpDeadlines },
  stateOf: jptpStateOf,
  actOrder: JPTP_ACT_ORDER,
});
