import type { PpkStatus } from '../core/mendagri.js';
import type { PostKind } from '../core/reference/appointing-authority.js';
import type { PilkadaSchedule } from '../core/reference/pilkada.js';
import type { DomainEvent, Person, RecordedDocument, Role } from '../core/types.js';

// The stored contract of the JPTP open selection (docs/domain.md §3, §7): event names are permanent;
// change a payload only by versioning or upcasting.

/** The selection-level stages in order (docs/domain.md §3). */
export const JPTP_STAGES = [
  'planning',
  'preparing',
  'registration',
  'registrationClosed',
  'administrativeSelection',
  'competencyAssessment',
  'trackRecord',
  'interview',
  'ranking',
  'awaitingPpk',
  'inauguration',
] as const;
export type JptpStage = (typeof JPTP_STAGES)[number];

/** A vacancy as registered: `LOWONG`, or `AKAN_LOWONG` from its TMT. */
export type JptpVacancy = {
  vacancyId: string;
  title: string;
  unit: string;
  eselon: string;
  status: 'LOWONG' | 'AKAN_LOWONG';
  tmt?: string;
  /** Who appoints to it (docs/domain.md §10); absent: an ordinary JPT Pratama post of the PPK. */
  postKind?: PostKind;
  /** Requirements of this post beyond Pasal 107, each with its basis (A-POSTREQ). */
  requirements?: JptpPostRequirement[];
};

/** e.g. `{ requirement: 'PPNS', citation: 'PP 16/2018 ...' }` for the Kepala Satpol PP. */
export type JptpPostRequirement = { requirement: string; citation: string };

/** What a Mendagri approval names: this selection, these posts, these people (A-GATE, A-INAUG). */
export type JptpApprovalCoverage = { selectionId?: string; vacancyIds?: string[]; nips?: string[] };

/** What A-ELIG reads (PP 17/2020 Pasal 107 ayat (1) huruf c); attestations are the applicant's documents. */
export type JptpApplicantProfile = {
  education: string;
  relatedExperienceYears: number;
  /** Years as Administrator or JF Ahli Madya. */
  managerialExperienceYears: number;
  birthDate: string;
  integrityAttested: boolean;
  healthAttested: boolean;
};

/** A score is a number with its scale (docs/domain.md §7). */
export type JptpScore = { value: number; scale: number };

/** The weight in percent of each scored stage in the final score (A-CFG). */
export type JptpStageWeights = {
  assessment: number;
  technical: number;
  trackRecord: number;
  interview: number;
};

/** The PPK's status from a date on (docs/domain.md §5), with the office holder's name when known. */
export type JptpPpkStatus = PpkStatus & { name?: string };

export type JptpPanselMember = { nip?: string; name: string; internal: boolean; position?: string };

export type JptpRequirementCheck = { requirement: string; met: boolean; reason?: string };

export type JptpRankedName = { applicationId: string; rank: number };

export type JptpResultPresence = { applicationId: string; present: boolean; score?: JptpScore };

/** Assessment Center result: managerial and socio-cultural scores, JPM in percent, category. */
export type JptpAssessmentResult = {
  applicationId: string;
  present: boolean;
  managerial?: JptpScore;
  socioCultural?: JptpScore;
  jpm?: number;
  category?: 'MS' | 'MMS' | 'KMS';
};

export type JptpInsufficientApplicantsDecision =
  'CONTINUE_WITH_FEWER' | 'CANCEL_VACANCY' | 'REANNOUNCE';

type Ev<T extends string, D> = DomainEvent<T, D>;

export type JptpEvent =
  | Ev<'SelectionOpened', { selectionId: string; title: string }>
  | Ev<'VacancyRegistered', { vacancy: JptpVacancy }>
  | Ev<'OpenSelectionBasisRecorded', { reason: string }>
  | Ev<
      'SelectionConfigured',
      {
        weights: JptpStageWeights;
        maxPostsPerApplicant: number;
        maxAge: number;
        pilkada: PilkadaSchedule[];
        /** The President's approval of an age limit above 56 (A-AGE). */
        ageLimitApproval?: RecordedDocument;
      }
    >
  | Ev<'StageCompleted', { stage: JptpStage; completedBy: Role }>
  | Ev<
      'MendagriApprovalRecorded',
      {
        document: RecordedDocument;
        purpose: 'SELECTION' | 'APPOINTMENT';
        /** What the letter approves; absent on events stored before 2026-12 (covers nothing). */
        covers?: JptpApprovalCoverage;
      }
    >
  | Ev<
      'SupervisoryRecommendationRecorded',
      { document: RecordedDocument; purpose: 'PLAN' | 'RESULT' }
    >
  | Ev<'PanselFormed', { decree: RecordedDocument; members: JptpPanselMember[] }>
  | Ev<
      'AnnouncementPublished',
      { announcement: RecordedDocument; registrationOpensOn: string; registrationClosesOn: string }
    >
  | Ev<
      'ApplicationSubmitted',
      { applicationId: string; vacancyId: string; applicant: Person; profile: JptpApplicantProfile }
    >
  | Ev<'ApplicationWithdrawn', { applicationId: string; reason: string }>
  | Ev<'RegistrationClosed', Record<never, never>>
  | Ev<'RegistrationExtended', { vacancyIds: string[]; until: string; reason: string }>
  | Ev<
      'InsufficientApplicantsResolved',
      {
        vacancyId: string;
        decision: JptpInsufficientApplicantsDecision;
        reason: string;
        linkedSelectionId?: string;
      }
    >
  | Ev<
      'ApplicationVerified',
      {
        applicationId: string;
        result: 'MS' | 'TMS';
        requirements: JptpRequirementCheck[];
        decidedBy: Role;
      }
    >
  | Ev<'AdministrativeResultPublished', { announcement: RecordedDocument }>
  | Ev<'AssessmentResultRecorded', JptpAssessmentResult>
  | Ev<'TechnicalResultRecorded', JptpResultPresence>
  | Ev<'TrackRecordRecorded', { applicationId: string; score: JptpScore; notes?: string }>
  | Ev<'InterviewRecorded', JptpResultPresence>
  | Ev<
      'ThreeNamesProposed',
      {
        vacancyId: string;
        names: JptpRankedName[];
        reason?: string;
        /** The Pansel's decision that sets the names (e.g. 15/Pansel-JPT/VI/2024). */
        decision?: RecordedDocument;
      }
    >
  | Ev<'FinalResultPublished', { announcement: RecordedDocument }>
  | Ev<'SubmittedToPPK', { letter: RecordedDocument }>
  | Ev<
      'CandidateChosen',
      {
        vacancyId: string;
        applicationId: string;
        /** Why the PPK chose other than the best-ranked name (A-REASON). */
        reason?: string;
      }
    >
  | Ev<
      'AppointmentDecreeIssued',
      {
        vacancyId: string;
        decree: RecordedDocument;
        /** The proposals and approvals the post's authority needs before the decree (A-AUTH). */
        approvals?: RecordedDocument[];
      }
    >
  | Ev<
      'InaugurationRecorded',
      { vacancyId: string; mendagriApprovalRequired: boolean; reportDueOn?: string }
    >
  | Ev<'ReportedToMendagri', { document: RecordedDocument }>
  | Ev<'VacancyCancelled', { vacancyId: string; reason: string }>
  | Ev<'SelectionCancelled', { reason: string }>
  | Ev<'SelectionSuspended', { reason: string }>
  | Ev<'SelectionResumed', { reason: string }>
  | Ev<'PPKStatusRecorded', JptpPpkStatus>
  | Ev<'PlannedScheduleSet', { dates: Partial<Record<JptpStage, string>> }>;

export type JptpEventType = JptpEvent['type'];
export type JptpEventOf<T extends JptpEventType> = Extract<JptpEvent, { type: T }>;
