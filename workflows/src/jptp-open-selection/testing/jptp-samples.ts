import type { JptpCommand, JptpCommandType } from '../jptp.commands.js';
import {
  aDocument,
  aProfile,
  aVacancy,
  jptpCommand as c,
  nipOf,
  panselOf,
  score,
} from './jptp-builders.js';

// One command of each type with a plausible payload, for the state table and the property test.
// Whether it passes the rules depends on the selection; what is checked with these is the state.

const doc = aDocument('GUBERNUR', '1/2024', '2024-05-01');

export function sampleCommands(now: string): Record<JptpCommandType, JptpCommand> {
  return {
    OpenSelection: c('OpenSelection', { selectionId: 's', title: 'Seleksi' }, now),
    RegisterVacancy: c('RegisterVacancy', aVacancy(7), now),
    RecordOpenSelectionBasis: c('RecordOpenSelectionBasis', { reason: 'Pasal 130(2)' }, now),
    ConfigureSelection: c(
      'ConfigureSelection',
      { weights: { assessment: 25, technical: 25, trackRecord: 25, interview: 25 } },
      now,
    ),
    CompleteStage: c('CompleteStage', { stage: 'planning' }, now),
    RecordMendagriApproval: c(
      'RecordMendagriApproval',
      {
        document: aDocument('MENDAGRI', '1/SJ', '2024-05-01'),
        purpose: 'SELECTION',
        covers: { selectionId: 's' },
      },
      now,
    ),
    RecordSupervisoryRecommendation: c(
      'RecordSupervisoryRecommendation',
      { document: aDocument('KASN', 'B-1', '2024-05-01'), purpose: 'PLAN' },
      now,
    ),
    FormPansel: c('FormPansel', { decree: doc, members: panselOf() }, now),
    PublishAnnouncement: c(
      'PublishAnnouncement',
      { announcement: doc, registrationOpensOn: '2024-05-15', registrationClosesOn: '2024-05-29' },
      now,
    ),
    SubmitApplication: c(
      'SubmitApplication',
      {
        applicationId: 's1',
        vacancyId: 'v1',
        applicant: { nip: nipOf(99), name: 'S' },
        profile: aProfile(),
      },
      now,
    ),
    WithdrawApplication: c('WithdrawApplication', { applicationId: 'a1-1', reason: 'mundur' }, now),
    CloseRegistration: c('CloseRegistration', {}, now, 'SYSTEM'),
    ExtendRegistration: c('ExtendRegistration', { vacancyIds: ['v1'], reason: 'kurang' }, now),
    ResolveInsufficientApplicants: c(
      'ResolveInsufficientApplicants',
      { vacancyId: 'v1', decision: 'CANCEL_VACANCY', reason: 'kurang' },
      now,
    ),
    VerifyApplication: c(
      'VerifyApplication',
      { applicationId: 'a1-1', result: 'MS', requirements: [] },
      now,
      'PANSEL',
    ),
    PublishAdministrativeResult: c('PublishAdministrativeResult', { announcement: doc }, now),
    RecordAssessmentResult: c(
      'RecordAssessmentResult',
      { applicationId: 'a1-1', present: true, jpm: 80 },
      now,
    ),
    RecordTechnicalResult: c(
      'RecordTechnicalResult',
      { applicationId: 'a1-1', present: true, score: score(80) },
      now,
    ),
    RecordTrackRecord: c('RecordTrackRecord', { applicationId: 'a1-1', score: score(80) }, now),
    RecordInterview: c(
      'RecordInterview',
      { applicationId: 'a1-1', present: true, score: score(80) },
      now,
    ),
    ProposeThreeNames: c('ProposeThreeNames', { vacancyId: 'v1', names: [] }, now),
    PublishFinalResult: c('PublishFinalResult', { announcement: doc }, now),
    SubmitToPPK: c('SubmitToPPK', { letter: doc }, now),
    ChooseCandidate: c('ChooseCandidate', { vacancyId: 'v1', applicationId: 'a1-1' }, now),
    IssueAppointmentDecree: c('IssueAppointmentDecree', { vacancyId: 'v1', decree: doc }, now),
    RecordInauguration: c('RecordInauguration', { vacancyId: 'v1' }, now),
    ReportToMendagri: c('ReportToMendagri', { document: doc }, now),
    CancelVacancy: c('CancelVacancy', { vacancyId: 'v1', reason: 'batal' }, now),
    CancelSelection: c('CancelSelection', { reason: 'batal' }, now),
    SuspendSelection: c('SuspendSelection', { reason: 'jeda' }, now),
    ResumeSelection: c('ResumeSelection', { reason: 'lanjut' }, now),
    RecordPpkStatus: c('RecordPpkStatus', { status: 'GUBERNUR', since: '2025-02-20' }, now),
    SetPlannedSchedule: c('SetPlannedSchedule', { dates: { interview: '2024-06-25' } }, now),
  };
}
