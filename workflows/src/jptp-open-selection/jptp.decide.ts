import { addCalendarDays, addWorkingDays, witaDateOf } from '../core/calendar.js';
import type { CommandSpec, CommandSpecs } from '../core/decider.js';
import { MENDAGRI_REPORT_DEADLINE } from '../core/mendagri.js';
import type { JptpCommand, JptpCommandOf, JptpCommandType } from './jptp.commands.js';
import { JPTP_LIMITS, type JptpContext } from './jptp.context.js';
import type { JptpEvent, JptpEventOf, JptpEventType } from './jptp.events.js';
import { JPTP_ROLES } from './jptp.roles.js';
import { mendagriGateOn } from './jptp.rule-support.js';
import { EVENT_RULES } from './jptp.rules.js';

// Command -> candidate event for procedure A. The decision itself (state check, then rules, then
// accept) is core's machineProcedure; this file only says which event each command yields, with
// the role table and the rules of that event.

type EventData<T extends JptpEventType> = Omit<JptpEventOf<T>['data'], 'occurredAt'>;

function spec<K extends JptpCommandType, T extends JptpEventType>(
  type: K,
  event: T,
  toData: (command: JptpCommandOf<K>, context: JptpContext) => EventData<T>,
): CommandSpec<JptpContext, JptpCommandOf<K>, JptpEvent> {
  return {
    roles: JPTP_ROLES[type],
    event,
    rules: EVENT_RULES[event],
    toEvent: (command, context) =>
      ({
        type: event,
        data: { ...toData(command, context), occurredAt: command.metadata.now },
      }) as JptpEvent,
  };
}

const same = <D>(command: { data: D }): D => command.data;

/** RecordInauguration records whether §5 applied that day and, if so, when the report is due. */
function inauguration(
  command: JptpCommandOf<'RecordInauguration'>,
  context: JptpContext,
): EventData<'InaugurationRecorded'> {
  const date = witaDateOf(command.metadata.now);
  const required = mendagriGateOn(context, date).required;
  const { vacancyId } = command.data;
  return required
    ? {
        vacancyId,
        mendagriApprovalRequired: true,
        reportDueOn: addWorkingDays(date, MENDAGRI_REPORT_DEADLINE.workingDays),
      }
    : { vacancyId, mendagriApprovalRequired: false };
}

export const JPTP_COMMANDS: CommandSpecs<JptpContext, JptpCommand, JptpEvent> = {
  OpenSelection: spec('OpenSelection', 'SelectionOpened', same),
  RegisterVacancy: spec('RegisterVacancy', 'VacancyRegistered', (c) => ({ vacancy: c.data })),
  RecordOpenSelectionBasis: spec('RecordOpenSelectionBasis', 'OpenSelectionBasisRecorded', same),
  ConfigureSelection: spec('ConfigureSelection', 'SelectionConfigured', ({ data }, { config }) => ({
    weights: data.weights,
    maxPostsPerApplicant: data.maxPostsPerApplicant ?? config.maxPostsPerApplicant,
    maxAge: data.maxAge ?? config.maxAge,
    pilkada: data.pilkada ?? config.pilkada,
    ...(data.ageLimitApproval ? { ageLimitApproval: data.ageLimitApproval } : {}),
  })),
  CompleteStage: spec('CompleteStage', 'StageCompleted', (c) => ({
    stage: c.data.stage,
    completedBy: c.metadata.actor.role,
  })),
  RecordMendagriApproval: spec('RecordMendagriApproval', 'MendagriApprovalRecorded', same),
  RecordSupervisoryRecommendation: spec(
    'RecordSupervisoryRecommendation',
    'SupervisoryRecommendationRecorded',
    same,
  ),
  FormPansel: spec('FormPansel', 'PanselFormed', same),
  PublishAnnouncement: spec('PublishAnnouncement', 'AnnouncementPublished', same),
  SubmitApplication: spec('SubmitApplication', 'ApplicationSubmitted', same),
  WithdrawApplication: spec('WithdrawApplication', 'ApplicationWithdrawn', same),
  CloseRegistration: spec('CloseRegistration', 'RegistrationClosed', () => ({})),
  ExtendRegistration: spec('ExtendRegistration', 'RegistrationExtended', ({ data, metadata }) => ({
    vacancyIds: data.vacancyIds,
    until: data.until ?? addCalendarDays(witaDateOf(metadata.now), JPTP_LIMITS.extensionDays),
    reason: data.reason,
  })),
  ResolveInsufficientApplicants: spec(
    'ResolveInsufficientApplicants',
    'InsufficientApplicantsResolved',
    same,
  ),
  VerifyApplication: spec('VerifyApplication', 'ApplicationVerified', (c) => ({
    ...c.data,
    decidedBy: c.metadata.actor.role,
  })),
  PublishAdministrativeResult: spec(
    'PublishAdministrativeResult',
    'AdministrativeResultPublished',
    same,
  ),
  RecordAssessmentResult: spec('RecordAssessmentResult', 'AssessmentResultRecorded', same),
  RecordTechnicalResult: spec('RecordTechnicalResult', 'TechnicalResultRecorded', same),
  RecordTrackRecord: spec('RecordTrackRecord', 'TrackRecordRecorded', same),
  RecordInterview: spec('RecordInterview', 'InterviewRecorded', same),
  ProposeThreeNames: spec('ProposeThreeNames', 'ThreeNamesProposed', same),
  PublishFinalResult: spec('PublishFinalResult', 'FinalResultPublished', same),
  SubmitToPPK: spec('SubmitToPPK', 'SubmittedToPPK', same),
  ChooseCandidate: spec('ChooseCandidate', 'CandidateChosen', same),
  IssueAppointmentDecree: spec('IssueAppointmentDecree', 'AppointmentDecreeIssued', same),
  RecordInauguration: spec('RecordInauguration', 'InaugurationRecorded', inauguration),
  ReportToMendagri: spec('ReportToMendagri', 'ReportedToMendagri', same),
  CancelVacancy: spec('CancelVacancy', 'VacancyCancelled', same),
  CancelSelection: spec('CancelSelection', 'SelectionCancelled', same),
  SuspendSelection: spec('SuspendSelection', 'SelectionSuspended', same),
  ResumeSelection: spec('ResumeSelection', 'SelectionResumed', same),
  RecordPpkStatus: spec('RecordPpkStatus', 'PPKStatusRecorded', same),
  SetPlannedSchedule: spec('SetPlannedSchedule', 'PlannedScheduleSet', same),
};
