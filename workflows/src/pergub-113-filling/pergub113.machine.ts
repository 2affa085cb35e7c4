import { setup } from 'xstate';
import { rulesHold as ruleGuard } from '../core/replay.js';
import {
  activeVacancies,
  enterStageUpdate,
  everyVacancyTerminal,
  initialContext,
  unreportedInaugurations,
} from './pergub113.context.js';
import { rulesForEvent } from './pergub113.decide.js';
import * as evolve from './pergub113.evolve.js';
import type { Pergub113Event } from './pergub113.events.js';
import type { Pergub113RuleInput } from './pergub113.rule-kit.js';
import type { Pergub113Stage, PergubContext } from './pergub113.types.js';

type EventType = Pergub113Event['type'];
type EventOf<T extends EventType> = Extract<Pergub113Event, { type: T }>;
type Update<T extends EventType> = (
  context: PergubContext,
  event: EventOf<T>,
) => Partial<PergubContext>;

/** The command's rules hold (passes while stored events are replayed, see core/replay.ts). */
const rulesHold = ruleGuard<Pergub113RuleInput>;

/** The round has nothing left to do: every vacancy filled or cancelled, every report made. */
const roundDone = ({ context }: { context: PergubContext }) =>
  everyVacancyTerminal(context) && unreportedInaugurations(context).length === 0;

/** The PPK has chosen for every vacancy still in the round. */
const everyVacancyChosen = ({ context }: { context: PergubContext }) =>
  activeVacancies(context).every((v) => v.subStatus === 'chosen');

const machineSetup = setup({
  types: { context: {} as PergubContext, events: {} as Pergub113Event },
  guards: { rulesHold, roundDone, everyVacancyChosen },
});

/** A transition that records the event when its command's rules hold (the same rules). */
function on<T extends EventType>(type: T, update: Update<T>, target?: string) {
  return {
    ...(target ? { target } : {}),
    guard: { type: 'rulesHold' as const, params: { rules: rulesForEvent(type) } },
    actions: machineSetup.assign(({ context, event }) => update(context, event as EventOf<T>)),
  };
}

const enter = (stage: Pergub113Stage) =>
  machineSetup.assign(({ context, event }) => enterStageUpdate(context, stage, event));

/** Accepted in every state before the end (docs/domain.md §4–§6). */
const anyStage = {
  FillingCancelled: on('FillingCancelled', evolve.cancelFilling, 'cancelled'),
  PPKStatusRecorded: on('PPKStatusRecorded', evolve.recordPpkStatus),
  PlannedScheduleSet: on('PlannedScheduleSet', evolve.setPlannedSchedule),
};

/** From the inventory's submission on: a cancelled vacancy, and the end when nothing is left. */
const afterInventory = {
  ...anyStage,
  VacancyCancelled: on('VacancyCancelled', evolve.cancelVacancy),
};
const ends = { guard: 'roundDone' as const, target: 'completed' };

export const pergub113Machine = machineSetup.createMachine({
  id: 'pergub-113-filling',
  initial: 'unopened',
  context: initialContext(),
  states: {
    unopened: {
      on: { SelectionOpened: on('SelectionOpened', evolve.openSelection, 'constitutingTpk') },
    },
    constitutingTpk: {
      entry: enter('constitutingTpk'),
      on: {
        ...anyStage,
        TPKFormed: on('TPKFormed', evolve.recordTpk),
        SekretariatTPKFormed: on('SekretariatTPKFormed', evolve.recordSekretariat),
        StageCompleted: on('StageCompleted', () => ({}), 'inventory'),
      },
    },
    inventory: {
      entry: enter('inventory'),
      on: {
        ...anyStage,
        VacancyRecorded: on('VacancyRecorded', evolve.recordVacancy),
        VacancyCancelled: on('VacancyCancelled', evolve.cancelVacancy),
        InventorySubmittedToTPK: on(
          'InventorySubmittedToTPK',
          () => ({}),
          'administrativeSelection',
        ),
      },
    },
    administrativeSelection: {
      entry: enter('administrativeSelection'),
      always: ends,
      on: {
        ...afterInventory,
        EligibleListPrepared: on('EligibleListPrepared', evolve.prepareEligibleList),
        CandidatesSet: on('CandidatesSet', evolve.setCandidates, 'mapping'),
      },
    },
    mapping: {
      entry: enter('mapping'),
      always: ends,
      on: {
        ...afterInventory,
        MappingResultRecorded: on('MappingResultRecorded', evolve.recordMapping),
        StageCompleted: on('StageCompleted', () => ({}), 'trackRecord'),
      },
    },
    trackRecord: {
      entry: enter('trackRecord'),
      always: ends,
      on: {
        ...afterInventory,
        TrackRecordRecorded: on('TrackRecordRecorded', evolve.recordTrackRecord),
        StageCompleted: on('StageCompleted', () => ({}), 'reportedToPpk'),
      },
    },
    reportedToPpk: {
      entry: enter('reportedToPpk'),
      always: ends,
      on: {
        ...afterInventory,
        ReportedToPPK: on('ReportedToPPK', evolve.reportToPpk, 'ppkChoice'),
      },
    },
    ppkChoice: {
      entry: enter('ppkChoice'),
      always: [ends, { guard: 'everyVacancyChosen', target: 'inauguration' }],
      on: {
        ...afterInventory,
        CandidateChosen: on('CandidateChosen', evolve.chooseCandidate),
      },
    },
    inauguration: {
      entry: enter('inauguration'),
      always: ends,
      on: {
        ...afterInventory,
        MendagriApprovalRecorded: on('MendagriApprovalRecorded', evolve.recordApproval),
        AppointmentDecreeIssued: on('AppointmentDecreeIssued', evolve.issueDecree),
        InaugurationRecorded: on('InaugurationRecorded', evolve.recordInauguration),
        ReportedToMendagri: on('ReportedToMendagri', evolve.reportToMendagri),
      },
    },
    completed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
