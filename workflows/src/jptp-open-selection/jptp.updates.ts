import { witaDateOf } from '../core/calendar.js';
import {
  JPTP_LIMITS,
  addApplication,
  applicantsOf,
  updateApplication,
  updateVacancy,
  type JptpContext,
  type JptpVacancyState,
} from './jptp.context.js';
import type { JptpEvent, JptpEventOf, JptpEventType, JptpStage } from './jptp.events.js';

// How each event changes the context: pure functions the machine runs inside `assign`. The rules
// were checked before; these only record.

type Update<T extends JptpEventType> = (
  context: JptpContext,
  event: JptpEventOf<T>,
) => Partial<JptpContext>;

export const newVacancy = (
  vacancy: JptpEventOf<'VacancyRegistered'>['data']['vacancy'],
): JptpVacancyState => ({
  ...vacancy,
  subStatus: 'open',
  extensions: 0,
  registrationClosesOn: null,
  names: [],
  namesReason: null,
  chosenApplicationId: null,
  decree: null,
  inauguratedOn: null,
  mendagriReportDueOn: null,
  reportedToMendagri: false,
  reason: null,
});

const inRegistration = (v: JptpVacancyState) =>
  v.subStatus === 'open' || v.subStatus === 'extended';

export const enterStage = (context: JptpContext, event: JptpEvent, stage: JptpStage) => ({
  stage,
  stages: {
    ...context.stages,
    [stage]: {
      ...context.stages[stage],
      actual: context.stages[stage]?.actual ?? event.data.occurredAt,
    },
  },
});

export const UPDATES: { readonly [T in JptpEventType]: Update<T> } = {
  SelectionOpened: (_, e) => ({ selectionId: e.data.selectionId, title: e.data.title }),
  VacancyRegistered: (c, e) => ({ vacancies: [...c.vacancies, newVacancy(e.data.vacancy)] }),
  OpenSelectionBasisRecorded: (_, e) => ({ basis: e.data.reason }),
  SelectionConfigured: (_, { data: { weights, maxPostsPerApplicant, maxAge, pilkada } }) => ({
    config: { weights, maxPostsPerApplicant, maxAge, pilkada },
  }),
  StageCompleted: () => ({}),
  MendagriApprovalRecorded: (c, { data: { document, purpose, covers } }) => ({
    mendagriApprovals: [
      ...c.mendagriApprovals,
      { document, purpose, ...(covers ? { covers } : {}) },
    ],
  }),
  SupervisoryRecommendationRecorded: (c, { data: { document, purpose } }) => ({
    supervisoryRecommendations: [...c.supervisoryRecommendations, { document, purpose }],
  }),
  PanselFormed: (_, { data: { decree, members } }) => ({ pansel: { decree, members } }),
  AnnouncementPublished: (c, e) => ({
    registration: { opensOn: e.data.registrationOpensOn, closesOn: e.data.registrationClosesOn },
    vacancies: c.vacancies.map((v) =>
      inRegistration(v) ? { ...v, registrationClosesOn: e.data.registrationClosesOn } : v,
    ),
  }),
  ApplicationSubmitted: (c, { data }) => ({
    applications: addApplication(c, {
      applicationId: data.applicationId,
      vacancyId: data.vacancyId,
      applicant: data.applicant,
      profile: data.profile,
      submittedAt: data.occurredAt,
      withdrawn: false,
      proposal: null,
      verification: null,
      assessment: null,
      technical: null,
      trackRecord: null,
      interview: null,
    }),
  }),
  ApplicationWithdrawn: (c, e) => ({
    applications: updateApplication(c, e.data.applicationId, () => ({ withdrawn: true })),
  }),
  RegistrationClosed: (c) => ({
    vacancies: c.vacancies.map((v) =>
      inRegistration(v) && applicantsOf(c, v.vacancyId).length >= JPTP_LIMITS.minimumApplicants
        ? { ...v, subStatus: 'active' }
        : v,
    ),
  }),
  RegistrationExtended: (c, { data: { vacancyIds, until } }) => ({
    vacancies: c.vacancies.map((v) =>
      vacancyIds.includes(v.vacancyId)
        ? { ...v, subStatus: 'extended', extensions: v.extensions + 1, registrationClosesOn: until }
        : v,
    ),
  }),
  InsufficientApplicantsResolved: (c, { data }) => ({
    vacancies: updateVacancy(c, data.vacancyId, () => ({
      subStatus:
        data.decision === 'CONTINUE_WITH_FEWER'
          ? 'active'
          : data.decision === 'CANCEL_VACANCY'
            ? 'cancelled'
            : 'failed',
      reason: data.linkedSelectionId
        ? `${data.reason} (${data.decision} ${data.linkedSelectionId})`
        : `${data.reason} (${data.decision})`,
    })),
  }),
  ApplicationVerified: (c, { data: { applicationId, result, requirements, decidedBy } }) => ({
    applications: updateApplication(c, applicationId, () =>
      decidedBy === 'PANSEL'
        ? { verification: { result, requirements } }
        : { proposal: { result, requirements } },
    ),
  }),
  AdministrativeResultPublished: () => ({ administrativeResultPublished: true }),
  AssessmentResultRecorded: (c, { data: { occurredAt: _, ...result } }) => ({
    applications: updateApplication(c, result.applicationId, () => ({ assessment: result })),
  }),
  TechnicalResultRecorded: (c, { data: { occurredAt: _, ...result } }) => ({
    applications: updateApplication(c, result.applicationId, () => ({ technical: result })),
  }),
  TrackRecordRecorded: (c, { data: { occurredAt: _, applicationId, ...result } }) => ({
    applications: updateApplication(c, applicationId, () => ({ trackRecord: result })),
  }),
  InterviewRecorded: (c, { data: { occurredAt: _, ...result } }) => ({
    applications: updateApplication(c, result.applicationId, () => ({ interview: result })),
  }),
  ThreeNamesProposed: (c, { data: { vacancyId, names, reason } }) => ({
    vacancies: updateVacancy(c, vacancyId, () => ({
      names,
      namesReason: reason ?? null,
      subStatus: names.length > 0 ? 'shortlisted' : 'failed',
      ...(names.length === 0 ? { reason: reason ?? null } : {}),
    })),
  }),
  FinalResultPublished: () => ({}),
  SubmittedToPPK: () => ({ submittedToPpk: true }),
  CandidateChosen: (c, { data: { vacancyId, applicationId, occurredAt } }) => ({
    vacancies: updateVacancy(c, vacancyId, () => ({
      subStatus: 'chosen',
      chosenApplicationId: applicationId,
      chosenOn: occurredAt,
    })),
  }),
  AppointmentDecreeIssued: (c, { data: { vacancyId, decree } }) => ({
    vacancies: updateVacancy(c, vacancyId, () => ({ decree })),
  }),
  InaugurationRecorded: (c, { data }) => ({
    vacancies: updateVacancy(c, data.vacancyId, () => ({
      subStatus: 'filled',
      inauguratedOn: witaDateOf(data.occurredAt),
      mendagriReportDueOn: data.mendagriApprovalRequired ? (data.reportDueOn ?? null) : null,
    })),
  }),
  ReportedToMendagri: (c, { data }) => ({
    mendagriReports: [...c.mendagriReports, data.document],
    vacancies: c.vacancies.map((v) =>
      v.mendagriReportDueOn && v.inauguratedOn && v.inauguratedOn <= witaDateOf(data.occurredAt)
        ? { ...v, reportedToMendagri: true }
        : v,
    ),
  }),
  VacancyCancelled: (c, { data: { vacancyId, reason } }) => ({
    vacancies: updateVacancy(c, vacancyId, () => ({ subStatus: 'cancelled', reason })),
  }),
  SelectionCancelled: (_, { data }) => ({
    cancellation: { reason: data.reason, at: data.occurredAt },
  }),
  SelectionSuspended: (_, { data }) => ({
    suspension: { reason: data.reason, at: data.occurredAt },
  }),
  SelectionResumed: () => ({ suspension: null }),
  PPKStatusRecorded: (c, { data: { occurredAt: _, ...status } }) => ({
    ppkStatuses: [...c.ppkStatuses, status],
  }),
  PlannedScheduleSet: (c, { data: { dates } }) => ({
    stages: Object.entries(dates).reduce(
      (stages, [stage, planned]) => ({
        ...stages,
        [stage]: { ...stages[stage as JptpStage], planned },
      }),
      c.stages,
    ),
  }),
};

/** Applies an event's update to the context (the machine's only action, inside `assign`). */
export const applyUpdate = <T extends JptpEventType>(context: JptpContext, event: JptpEventOf<T>) =>
  (UPDATES[event.type] as Update<T>)(context, event);
