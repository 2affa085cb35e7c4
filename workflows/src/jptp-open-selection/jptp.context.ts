import { PILKADA_2024_NTT, type PilkadaSchedule } from '../core/reference/pilkada.js';
import { keyedList } from '../core/keyed.js';
import type { Person, RecordedDocument } from '../core/types.js';
import type {
  JptpApplicantProfile,
  JptpApprovalCoverage,
  JptpAssessmentResult,
  JptpStage,
  JptpPanselMember,
  JptpPpkStatus,
  JptpRankedName,
  JptpRequirementCheck,
  JptpResultPresence,
  JptpScore,
  JptpStageWeights,
  JptpVacancy,
} from './jptp.events.js';

/** Per-vacancy sub-status (docs/domain.md §3). */
export type JptpVacancySubStatus =
  'open' | 'extended' | 'active' | 'shortlisted' | 'chosen' | 'filled' | 'cancelled' | 'failed';

export type JptpVacancyState = JptpVacancy & {
  subStatus: JptpVacancySubStatus;
  /** How many times registration was extended for this vacancy (A-MIN: at most 2). */
  extensions: number;
  /** The last day of this vacancy's registration window (23:59:59 WITA), once announced. */
  registrationClosesOn: string | null;
  names: JptpRankedName[];
  namesReason: string | null;
  chosenApplicationId: string | null;
  /** When the PPK's choice took effect (its `occurredAt`); absent in folds of older versions. */
  chosenOn?: string;
  decree: RecordedDocument | null;
  inauguratedOn: string | null;
  /** Set when §5 applied on the inauguration date: the report to Mendagri is owed by this day. */
  mendagriReportDueOn: string | null;
  reportedToMendagri: boolean;
  /** Why the vacancy was cancelled, failed, or continued with fewer applicants. */
  reason: string | null;
};

export type Verification = { result: 'MS' | 'TMS'; requirements: JptpRequirementCheck[] };

export type JptpApplication = {
  applicationId: string;
  vacancyId: string;
  applicant: Person;
  profile: JptpApplicantProfile;
  submittedAt: string;
  withdrawn: boolean;
  /** The Sekretariat's proposal and the Pansel's decision (only the latter counts). */
  proposal: Verification | null;
  verification: Verification | null;
  assessment: JptpAssessmentResult | null;
  technical: JptpResultPresence | null;
  trackRecord: { score: JptpScore; notes?: string } | null;
  interview: JptpResultPresence | null;
};

export type JptpConfig = {
  weights: JptpStageWeights;
  maxPostsPerApplicant: number;
  maxAge: number;
  /** The Pilkada cycles whose windows need Mendagri approval (docs/domain.md §5). */
  pilkada: PilkadaSchedule[];
};

export type JptpContext = {
  selectionId: string;
  title: string;
  /** The current (or, while suspended, the interrupted) stage. */
  stage: JptpStage | null;
  basis: string | null;
  config: JptpConfig;
  ppkStatuses: JptpPpkStatus[];
  mendagriApprovals: {
    document: RecordedDocument;
    purpose: 'SELECTION' | 'APPOINTMENT';
    covers?: JptpApprovalCoverage;
  }[];
  supervisoryRecommendations: { document: RecordedDocument; purpose: 'PLAN' | 'RESULT' }[];
  pansel: { decree: RecordedDocument; members: JptpPanselMember[] } | null;
  registration: { opensOn: string; closesOn: string } | null;
  administrativeResultPublished: boolean;
  submittedToPpk: boolean;
  vacancies: JptpVacancyState[];
  applications: JptpApplication[];
  mendagriReports: RecordedDocument[];
  /** Planned (published schedule) and actual (ISO instant the stage was entered) per stage. */
  stages: Partial<Record<JptpStage, { planned?: string; actual?: string }>>;
  cancellation: { reason: string; at: string } | null;
  suspension: { reason: string; at: string } | null;
};

/** Numbers the law fixes for procedure A, with their source (docs/domain.md §3). */
export const JPTP_LIMITS = {
  /** Registration stays open at least 15 calendar days [REG PermenPAN-RB 15/2019]. */
  registrationMinDays: 15,
  /** Fewer than 4 applicants for a post means the registration must be extended [REG]. */
  minimumApplicants: 4,
  /** Each extension runs at most 7 calendar days, at most 2 of them [REG/PRAC PermenPAN-RB 15/2019]. */
  extensionDays: 7,
  maxExtensions: 2,
  /** The age limit for JPT Pratama; higher only with the President's approval (A-AGE). */
  maxAgeWithoutApproval: 56,
  /** After two extensions the Pansel may continue with at least 3 [DEF: recorded decision]. */
  minimumToContinue: 3,
  /** An applicant's minimum years (PP 17/2020 Pasal 107 ayat (1) huruf c). */
  relatedExperienceYears: 5,
  managerialExperienceYears: 2,
  minimumEducation: 'S1',
} as const;

/**
 * Defaults of a selection's configuration: one post per applicant [PRAC]; maximum age 56 [PRAC,
 * some announcements use 58]; equal weights of the four scored stages [DEF: replace with the
 * weights the Pansel publishes, via ConfigureSelection].
 */
export const DEFAULT_JPTP_CONFIG: JptpConfig = {
  weights: { assessment: 25, technical: 25, trackRecord: 25, interview: 25 },
  maxPostsPerApplicant: 1,
  maxAge: 56,
  pilkada: [PILKADA_2024_NTT],
};

export const initialJptpContext = (): JptpContext => ({
  selectionId: '',
  title: '',
  stage: null,
  basis: null,
  config: DEFAULT_JPTP_CONFIG,
  ppkStatuses: [],
  mendagriApprovals: [],
  supervisoryRecommendations: [],
  pansel: null,
  registration: null,
  administrativeResultPublished: false,
  submittedToPpk: false,
  vacancies: [],
  applications: [],
  mendagriReports: [],
  stages: {},
  cancellation: null,
  suspension: null,
});

const TERMINAL: readonly JptpVacancySubStatus[] = ['filled', 'cancelled', 'failed'];

export const isTerminal = (vacancy: JptpVacancyState): boolean =>
  TERMINAL.includes(vacancy.subStatus);

export const findVacancy = (
  context: JptpContext,
  vacancyId: string,
): JptpVacancyState | undefined => context.vacancies.find((v) => v.vacancyId === vacancyId);

/** The applications by id, found and replaced in O(1) (core/keyed.ts). */
const APPLICATIONS = keyedList<JptpApplication>((a) => a.applicationId);

export const findApplication = (
  context: JptpContext,
  applicationId: string,
): JptpApplication | undefined => APPLICATIONS.find(context.applications, applicationId);

/** Applications of a vacancy that were not withdrawn (what A-MIN counts). */
export const applicantsOf = (context: JptpContext, vacancyId: string): JptpApplication[] =>
  context.applications.filter((a) => a.vacancyId === vacancyId && !a.withdrawn);

const absent = (result: { present: boolean } | null) => result !== null && !result.present;

/**
 * Still in the selection: not withdrawn, the post still open, admitted (MS) once the administrative
 * result is out, and not absent from an assessment (an absent applicant is *gugur*).
 */
export function stillInSelection(context: JptpContext, application: JptpApplication): boolean {
  const vacancy = findVacancy(context, application.vacancyId);
  if (application.withdrawn || !vacancy || isTerminal(vacancy)) return false;
  if (context.administrativeResultPublished && application.verification?.result !== 'MS') {
    return false;
  }
  return ![application.assessment, application.technical, application.interview].some(absent);
}

export const remainingApplicantsOf = (context: JptpContext, vacancyId: string) =>
  applicantsOf(context, vacancyId).filter((a) => stillInSelection(context, a));

const ratio = (score: JptpScore | undefined) =>
  score && score.scale > 0 ? score.value / score.scale : 0;

/** Final score in percent: the configured weights over the four scored stages. */
export function finalScore(context: JptpContext, application: JptpApplication): number {
  const { weights } = context.config;
  const jpm = application.assessment?.jpm ?? 0;
  const total =
    weights.assessment * (jpm / 100) +
    weights.technical * ratio(application.technical?.score) +
    weights.trackRecord * ratio(application.trackRecord?.score) +
    weights.interview * ratio(application.interview?.score);
  return Math.round(total * 100) / 100;
}

export const updateVacancy = (
  context: JptpContext,
  vacancyId: string,
  change: (vacancy: JptpVacancyState) => Partial<JptpVacancyState>,
): JptpVacancyState[] =>
  context.vacancies.map((v) => (v.vacancyId === vacancyId ? { ...v, ...change(v) } : v));

export const updateApplication = (
  context: JptpContext,
  applicationId: string,
  change: (application: JptpApplication) => Partial<JptpApplication>,
): JptpApplication[] => APPLICATIONS.update(context.applications, applicationId, change);

export const addApplication = (
  context: JptpContext,
  application: JptpApplication,
): JptpApplication[] => APPLICATIONS.append(context.applications, application);
