import type { Role } from '../core/types.js';
import type { JptpCommandType } from './jptp.commands.js';

/**
 * Who may issue each command of procedure A (docs/domain.md §1, §3): the one role table that the API's
 * guard, the dashboard and the docs read (as `jptpOpenSelection.commands[type].roles`).
 */
export const JPTP_ROLES: { readonly [T in JptpCommandType]: readonly Role[] } = {
  OpenSelection: ['SEKRETARIAT'],
  RegisterVacancy: ['SEKRETARIAT'],
  RecordOpenSelectionBasis: ['SEKRETARIAT'],
  ConfigureSelection: ['SEKRETARIAT'],
  // SEKRETARIAT completes `planning`, PANSEL every later stage (A-DONE checks which).
  CompleteStage: ['SEKRETARIAT', 'PANSEL'],
  RecordMendagriApproval: ['SEKRETARIAT'],
  RecordSupervisoryRecommendation: ['SEKRETARIAT'],
  FormPansel: ['PPK'],
  PublishAnnouncement: ['PANSEL'],
  SubmitApplication: ['SEKRETARIAT'],
  WithdrawApplication: ['SEKRETARIAT'],
  CloseRegistration: ['SYSTEM', 'SEKRETARIAT'],
  ExtendRegistration: ['PANSEL'],
  ResolveInsufficientApplicants: ['PANSEL'],
  // The Sekretariat proposes MS/TMS, the Pansel decides; only the decision counts.
  VerifyApplication: ['SEKRETARIAT', 'PANSEL'],
  PublishAdministrativeResult: ['PANSEL'],
  RecordAssessmentResult: ['ASESOR'],
  RecordTechnicalResult: ['PANSEL'],
  RecordTrackRecord: ['PANSEL'],
  RecordInterview: ['PANSEL'],
  ProposeThreeNames: ['PANSEL'],
  PublishFinalResult: ['PANSEL'],
  SubmitToPPK: ['SEKDA'],
  ChooseCandidate: ['PPK'],
  IssueAppointmentDecree: ['PPK'],
  RecordInauguration: ['PPK'],
  ReportToMendagri: ['SEKRETARIAT'],
  CancelVacancy: ['PPK'],
  CancelSelection: ['PPK'],
  SuspendSelection: ['PPK'],
  ResumeSelection: ['PPK'],
  RecordPpkStatus: ['SEKRETARIAT'],
  SetPlannedSchedule: ['SEKRETARIAT'],
};
