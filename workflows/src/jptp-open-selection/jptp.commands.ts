import type { PilkadaSchedule } from '../core/reference/pilkada.js';
import type { Command, Person, RecordedDocument } from '../core/types.js';
import type {
  JptpApplicantProfile,
  JptpApprovalCoverage,
  JptpAssessmentResult,
  JptpInsufficientApplicantsDecision,
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

// The command catalog of the JPTP open selection (docs/domain.md §3): PascalCase imperatives. Time and
// actor arrive in `metadata`; the payload holds only what the actor states.

export type JptpCommand =
  | Command<'OpenSelection', { selectionId: string; title: string }>
  | Command<'RegisterVacancy', JptpVacancy>
  | Command<'RecordOpenSelectionBasis', { reason: string }>
  | Command<
      'ConfigureSelection',
      {
        weights: JptpStageWeights;
        maxPostsPerApplicant?: number;
        maxAge?: number;
        pilkada?: PilkadaSchedule[];
        ageLimitApproval?: RecordedDocument;
      }
    >
  | Command<'CompleteStage', { stage: JptpStage }>
  | Command<
      'RecordMendagriApproval',
      {
        document: RecordedDocument;
        purpose: 'SELECTION' | 'APPOINTMENT';
        covers?: JptpApprovalCoverage;
      }
    >
  | Command<
      'RecordSupervisoryRecommendation',
      { document: RecordedDocument; purpose: 'PLAN' | 'RESULT' }
    >
  | Command<'FormPansel', { decree: RecordedDocument; members: JptpPanselMember[] }>
  | Command<
      'PublishAnnouncement',
      { announcement: RecordedDocument; registrationOpensOn: string; registrationClosesOn: string }
    >
  | Command<
      'SubmitApplication',
      { applicationId: string; vacancyId: string; applicant: Person; profile: JptpApplicantProfile }
    >
  | Command<'WithdrawApplication', { applicationId: string; reason: string }>
  | Command<'CloseRegistration', Record<never, never>>
  | Command<'ExtendRegistration', { vacancyIds: string[]; until?: string; reason: string }>
  | Command<
      'ResolveInsufficientApplicants',
      {
        vacancyId: string;
        decision: JptpInsufficientApplicantsDecision;
        reason: string;
        linkedSelectionId?: string;
      }
    >
  | Command<
      'VerifyApplication',
      { applicationId: string; result: 'MS' | 'TMS'; requirements: JptpRequirementCheck[] }
    >
  | Command<'PublishAdministrativeResult', { announcement: RecordedDocument }>
  | Command<'RecordAssessmentResult', JptpAssessmentResult>
  | Command<'RecordTechnicalResult', JptpResultPresence>
  | Command<'RecordTrackRecord', { applicationId: string; score: JptpScore; notes?: string }>
  | Command<'RecordInterview', JptpResultPresence>
  | Command<
      'ProposeThreeNames',
      { vacancyId: string; names: JptpRankedName[]; reason?: string; decision?: RecordedDocument }
    >
  | Command<'PublishFinalResult', { announcement: RecordedDocument }>
  | Command<'SubmitToPPK', { letter: RecordedDocument }>
  | Command<'ChooseCandidate', { vacancyId: string; applicationId: string; reason?: string }>
  | Command<
      'IssueAppointmentDecree',
      { vacancyId: string; decree: RecordedDocument; approvals?: RecordedDocument[] }
    >
  | Command<'RecordInauguration', { vacancyId: string }>
  | Command<'ReportToMendagri', { document: RecordedDocument }>
  | Command<'CancelVacancy', { vacancyId: string; reason: string }>
  | Command<'CancelSelection', { reason: string }>
  | Command<'SuspendSelection', { reason: string }>
  | Command<'ResumeSelection', { reason: string }>
  | Command<'RecordPpkStatus', JptpPpkStatus>
  | Command<'SetPlannedSchedule', { dates: Partial<Record<JptpStage, string>> }>;

export type JptpCommandType = JptpCommand['type'];
export type JptpCommandOf<T extends JptpCommandType> = Extract<JptpCommand, { type: T }>;

/** The command catalog in docs/domain.md order (the state table and the API list them this way). */
export const JPTP_COMMAND_TYPES = [
  'OpenSelection',
  'RegisterVacancy',
  'RecordOpenSelectionBasis',
  'ConfigureSelection',
  'CompleteStage',
  'RecordMendagriApproval',
  'RecordSupervisoryRecommendation',
  'FormPansel',
  'PublishAnnouncement',
  'SubmitApplication',
  'WithdrawApplication',
  'CloseRegistration',
  'ExtendRegistration',
  'ResolveInsufficientApplicants',
  'VerifyApplication',
  'PublishAdministrativeResult',
  'RecordAssessmentResult',
  'RecordTechnicalResult',
  'RecordTrackRecord',
  'RecordInterview',
  'ProposeThreeNames',
  'PublishFinalResult',
  'SubmitToPPK',
  'ChooseCandidate',
  'IssueAppointmentDecree',
  'RecordInauguration',
  'ReportToMendagri',
  'CancelVacancy',
  'CancelSelection',
  'SuspendSelection',
  'ResumeSelection',
  'RecordPpkStatus',
  'SetPlannedSchedule',
] as const satisfies readonly JptpCommandType[];
