import { machineProcedure, type Procedure } from '../core/decider.js';
import { PERGUB113_ACT_ORDER } from './pergub113.act-order.js';
import type { Pergub113Command } from './pergub113.commands.js';
import { PERGUB113_COMMANDS } from './pergub113.decide.js';
import { pergub113Deadlines } from './pergub113.deadlines.js';
import type { Pergub113Event } from './pergub113.events.js';
import { pergub113Machine } from './pergub113.machine.js';
import { PERGUB113_KIND, type PergubContext } from './pergub113.types.js';
import { summarizePergub113 } from './pergub113.views.js';

/** Procedure B: filling Administrator and Pengawas posts under Pergub NTT 113/2023. */
export const pergub113Filling: Procedure<PergubContext, Pergub113Command, Pergub113Event> =
  machineProcedure({
    kind: PERGUB113_KIND,
    machine: pergub113Machine,
    actOrder: PERGUB113_ACT_ORDER,
    commands: PERGUB113_COMMANDS,
    views: { summarize: summarizePergub113, deadlines: pergub113Deadlines },
  });
