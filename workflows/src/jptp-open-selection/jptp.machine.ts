import { assign, setup } from 'xstate';
import { rulesHold } from '../core/replay.js';
import { initialJptpContext, isTerminal, type JptpContext } from './jptp.context.js';
import type { JptpEvent, JptpEventType, JptpStage } from './jptp.events.js';
import type { JptpRuleInput } from './jptp.rule-support.js';
import { EVENT_RULES } from './jptp.rules.js';
import { applyUpdate, enterStage } from './jptp.updates.js';

// Procedure A as a statechart whose events are the stored events (STYLE.md): the stages live in
// `active`, so a suspension can return to the interrupted stage through its history state. No
// timers and no side effects: guards call the rules (not while replaying stored events, see
// core/replay.ts), actions only assign.

/** Done when every vacancy is filled, cancelled or failed and no report to Mendagri is owed. */
export const selectionDone = (context: JptpContext): boolean =>
  context.vacancies.length > 0 &&
  context.vacancies.every(isTerminal) &&
  context.vacancies.every((v) => !v.mendagriReportDueOn || v.reportedToMendagri);

/** The PPK has chosen for every vacancy still open, so the inauguration can begin. */
export const everyVacancyChosen = (context: JptpContext): boolean => {
  const open = context.vacancies.filter((v) => !isTerminal(v));
  return open.length > 0 && open.every((v) => v.subStatus === 'chosen');
};

/** A transition guarded by the event's rules (EVENT_RULES, the same ones `decide` checks). */
const ruled = <T extends JptpEventType>(type: T, target?: string) => ({
  guard: { type: 'rulesHold' as const, params: { rules: EVENT_RULES[type] } },
  actions: 'record' as const,
  ...(target === undefined ? {} : { target }),
});

const entering = (stage: JptpStage) => ({ type: 'enterStage' as const, params: { stage } });

export const jptpMachine = setup({
  types: { context: {} as JptpContext, events: {} as JptpEvent },
  guards: {
    rulesHold: rulesHold<JptpRuleInput>,
    selectionDone: ({ context }) => selectionDone(context),
    everyVacancyChosen: ({ context }) => everyVacancyChosen(context),
  },
  actions: {
    record: assign(({ context, event }) => applyUpdate(context, event)),
    enterStage: assign(({ context, event }, params: { stage: JptpStage }) =>
      enterStage(context, event, params.stage),
    ),
  },
}).createMachine({
  id: 'jptp',
  context: initialJptpContext(),
  initial: 'unopened',
  states: {
    unopened: { on: { SelectionOpened: ruled('SelectionOpened', 'active') } },
    active: {
      initial: 'planning',
      always: { guard: 'selectionDone', target: 'completed' },
      on: {
        VacancyCancelled: ruled('VacancyCancelled'),
        SelectionCancelled: ruled('SelectionCancelled', 'cancelled'),
        SelectionSuspended: ruled('SelectionSuspended', 'suspended'),
        PPKStatusRecorded: ruled('PPKStatusRecorded'),
        PlannedScheduleSet: ruled('PlannedScheduleSet'),
      },
      states: {
        planning: {
          entry: entering('planning'),
          on: {
            VacancyRegistered: ruled('VacancyRegistered'),
            OpenSelectionBasisRecorded: ruled('OpenSelectionBasisRecorded'),
            SelectionConfigured: ruled('SelectionConfigured'),
            StageCompleted: ruled('StageCompleted', 'preparing'),
          },
        },
        preparing: {
          entry: entering('preparing'),
          on: {
            MendagriApprovalRecorded: ruled('MendagriApprovalRecorded'),
            SupervisoryRecommendationRecorded: ruled('SupervisoryRecommendationRecorded'),
            PanselFormed: ruled('PanselFormed'),
            AnnouncementPublished: ruled('AnnouncementPublished', 'registration'),
          },
        },
        registration: {
          entry: entering('registration'),
          on: {
            ApplicationSubmitted: ruled('ApplicationSubmitted'),
            ApplicationWithdrawn: ruled('ApplicationWithdrawn'),
            RegistrationClosed: ruled('RegistrationClosed', 'registrationClosed'),
          },
        },
        registrationClosed: {
          entry: entering('registrationClosed'),
          on: {
            RegistrationExtended: ruled('RegistrationExtended', 'registration'),
            InsufficientApplicantsResolved: ruled('InsufficientApplicantsResolved'),
            StageCompleted: ruled('StageCompleted', 'administrativeSelection'),
          },
        },
        administrativeSelection: {
          entry: entering('administrativeSelection'),
          on: {
            ApplicationVerified: ruled('ApplicationVerified'),
            AdministrativeResultPublished: ruled(
              'AdministrativeResultPublished',
              'competencyAssessment',
            ),
          },
        },
        competencyAssessment: {
          entry: entering('competencyAssessment'),
          on: {
            AssessmentResultRecorded: ruled('AssessmentResultRecorded'),
            TechnicalResultRecorded: ruled('TechnicalResultRecorded'),
            StageCompleted: ruled('StageCompleted', 'trackRecord'),
          },
        },
        trackRecord: {
          entry: entering('trackRecord'),
          on: {
            TrackRecordRecorded: ruled('TrackRecordRecorded'),
            StageCompleted: ruled('StageCompleted', 'interview'),
          },
        },
        interview: {
          entry: entering('interview'),
          on: {
            InterviewRecorded: ruled('InterviewRecorded'),
            StageCompleted: ruled('StageCompleted', 'ranking'),
          },
        },
        ranking: {
          entry: entering('ranking'),
          on: {
            ThreeNamesProposed: ruled('ThreeNamesProposed'),
            // The supervisory review of the results may precede their publication (NTT 2024:
            // KASN 12 July, announcement 16 July).
            SupervisoryRecommendationRecorded: ruled('SupervisoryRecommendationRecorded'),
            FinalResultPublished: ruled('FinalResultPublished', 'awaitingPpk'),
          },
        },
        awaitingPpk: {
          entry: entering('awaitingPpk'),
          always: { guard: 'everyVacancyChosen', target: 'inauguration' },
          on: {
            SubmittedToPPK: ruled('SubmittedToPPK'),
            SupervisoryRecommendationRecorded: ruled('SupervisoryRecommendationRecorded'),
            CandidateChosen: ruled('CandidateChosen'),
          },
        },
        inauguration: {
          entry: entering('inauguration'),
          on: {
            MendagriApprovalRecorded: ruled('MendagriApprovalRecorded'),
            AppointmentDecreeIssued: ruled('AppointmentDecreeIssued'),
            InaugurationRecorded: ruled('InaugurationRecorded'),
            ReportedToMendagri: ruled('ReportedToMendagri'),
          },
        },
        // Where ResumeSelection returns: the stage that was active when the selection was suspended.
        resume: { type: 'history', target: 'planning' },
      },
    },
    suspended: {
      on: {
        SelectionResumed: ruled('SelectionResumed', 'active.resume'),
        SelectionCancelled: ruled('SelectionCancelled', 'cancelled'),
        PPKStatusRecorded: ruled('PPKStatusRecorded'),
        PlannedScheduleSet: ruled('PlannedScheduleSet'),
      },
    },
    completed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
