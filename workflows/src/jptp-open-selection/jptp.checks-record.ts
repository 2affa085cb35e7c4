import { isCalendarDate } from '../core/calendar.js';
import type { RecordedDocument } from '../core/types.js';
import {
  findApplication,
  findVacancy,
  isTerminal,
  stillInSelection,
  type JptpContext,
} from './jptp.context.js';
import { JPTP_STAGES, type JptpEvent, type JptpScore } from './jptp.events.js';
import { actionDate, describeDocument, isBlank, type JptpRuleInput } from './jptp.rule-support.js';

// A-RECORD: what every recorded decision needs to be defensible (docs/domain.md §1, §7): it names a
// vacancy or an applicant of this selection that is still in it, gives its reason, and cites
// documents that existed on the day it was recorded. Not a legal rule: jejak's own integrity.

const NIP = /^\d{18}$/;

function vacancyMessages(context: JptpContext, vacancyId: string): string[] {
  const vacancy = findVacancy(context, vacancyId);
  if (!vacancy) return [`vacancy ${vacancyId} is not part of this selection`];
  return isTerminal(vacancy) ? [`vacancy ${vacancyId} is already ${vacancy.subStatus}`] : [];
}

function applicantMessages(context: JptpContext, applicationId: string): string[] {
  const application = findApplication(context, applicationId);
  if (!application) return [`application ${applicationId} is not part of this selection`];
  return stillInSelection(context, application)
    ? []
    : [`application ${applicationId} is no longer in the selection`];
}

const scoreMessages = (present: boolean, score: JptpScore | undefined, what: string): string[] => {
  if (!present) return [];
  if (!score) return [`a ${what} of an applicant who was present needs a score`];
  return score.scale > 0 && score.value >= 0 && score.value <= score.scale
    ? []
    : [`${what} ${score.value} lies outside its scale 0..${score.scale}`];
};

function documentOf(event: JptpEvent): RecordedDocument | undefined {
  switch (event.type) {
    case 'MendagriApprovalRecorded':
    case 'SupervisoryRecommendationRecorded':
    case 'ReportedToMendagri':
      return event.data.document;
    case 'PanselFormed':
    case 'AppointmentDecreeIssued':
      return event.data.decree;
    case 'AnnouncementPublished':
    case 'AdministrativeResultPublished':
    case 'FinalResultPublished':
      return event.data.announcement;
    case 'SubmittedToPPK':
      return event.data.letter;
    default:
      return undefined;
  }
}

function referenceMessages(context: JptpContext, event: JptpEvent): string[] {
  switch (event.type) {
    case 'SelectionOpened':
      return isBlank(event.data.title) || isBlank(event.data.selectionId)
        ? ['a selection needs an id and a title']
        : [];
    case 'ApplicationSubmitted':
      return [
        ...vacancyMessages(context, event.data.vacancyId),
        ...(findApplication(context, event.data.applicationId)
          ? [`application ${event.data.applicationId} already exists`]
          : []),
        ...(NIP.test(event.data.applicant.nip) ? [] : ['a NIP has 18 digits']),
      ];
    case 'ApplicationWithdrawn':
    case 'ApplicationVerified':
      return applicantMessages(context, event.data.applicationId);
    case 'AssessmentResultRecorded':
      return [
        ...applicantMessages(context, event.data.applicationId),
        ...(event.data.present && event.data.jpm === undefined
          ? ['a present applicant needs a JPM']
          : []),
      ];
    case 'TechnicalResultRecorded':
    case 'InterviewRecorded':
      return [
        ...applicantMessages(context, event.data.applicationId),
        ...scoreMessages(event.data.present, event.data.score, 'score'),
      ];
    case 'TrackRecordRecorded':
      return [
        ...applicantMessages(context, event.data.applicationId),
        ...scoreMessages(true, event.data.score, 'track record score'),
      ];
    case 'RegistrationExtended':
      return event.data.vacancyIds.length === 0
        ? ['an extension names at least one vacancy']
        : event.data.vacancyIds.flatMap((id) => vacancyMessages(context, id));
    case 'CandidateChosen':
      return [
        ...vacancyMessages(context, event.data.vacancyId),
        ...applicantMessages(context, event.data.applicationId),
      ];
    case 'InsufficientApplicantsResolved':
    case 'ThreeNamesProposed':
    case 'AppointmentDecreeIssued':
    case 'InaugurationRecorded':
    case 'VacancyCancelled':
      return vacancyMessages(context, event.data.vacancyId);
    case 'PlannedScheduleSet':
      return Object.entries(event.data.dates).flatMap(([stage, date]) => [
        ...((JPTP_STAGES as readonly string[]).includes(stage) ? [] : [`${stage} is not a stage`]),
        ...(isCalendarDate(date) ? [] : [`${date} is not a date`]),
      ]);
    default:
      return [];
  }
}

function reasonMessages(event: JptpEvent): string[] {
  switch (event.type) {
    case 'ApplicationWithdrawn':
    case 'RegistrationExtended':
    case 'InsufficientApplicantsResolved':
    case 'VacancyCancelled':
    case 'SelectionCancelled':
    case 'SelectionSuspended':
    case 'SelectionResumed':
      return isBlank(event.data.reason) ? ['a reason must be given'] : [];
    default:
      return [];
  }
}

export const checkRecord = ({ context, event }: JptpRuleInput): string[] => {
  const document = documentOf(event);
  const date = actionDate(event);
  return [
    ...referenceMessages(context, event),
    ...reasonMessages(event),
    ...(document && !(document.date <= date)
      ? [`${describeDocument(document)} is dated after ${date}, the day it is recorded`]
      : []),
    ...(document && !isCalendarDate(document.date) ? [`${document.date} is not a date`] : []),
  ];
};
