import { addCalendarDays } from '../../core/calendar.js';
import type { JptpCommand } from '../jptp.commands.js';
import type { JptpVacancy } from '../jptp.events.js';
import {
  aDocument,
  aProfile,
  jptpCommand as c,
  nipOf,
  panselOf,
  score,
  wita,
} from './jptp-builders.js';
import { NTT_2024 } from './ntt-2024.facts.js';

// The 2024 NTT reference case (DOMAIN.md §8) as commands. Public: the PPK's status, the Mendagri
// approval (6 May), the KASN recommendation (8 May), the Pansel decree (13 May), registration
// 15-29 May for the 15 posts of the seed, the elected Governor's inauguration of all 15 on
// 19 May 2025 by Kepgub 816.2/1/48/BKD.3.2. INVENTED (not public): applicants and scores, the
// extension of one post, every intermediate date, the BKN letter on the results and the Mendagri
// approval for the 2025 appointments.

/** The post whose registration is extended once (invented): Pertanian dan Ketahanan Pangan. */
export const NTT_EXTENDED_POST = 'ntt-05';
export const NTT_APPLICANTS_PER_POST = 4;

export const nttVacancyId = (no: number) => `ntt-${String(no).padStart(2, '0')}`;

export const NTT_VACANCIES: JptpVacancy[] = NTT_2024.vacancies.map((v) => ({
  vacancyId: nttVacancyId(v.no),
  title: v.title,
  unit: v.title.replace(/^(Kepala|Direktur|Sekretaris|Staf Ahli Gubernur Bidang) /, ''),
  eselon: v.title.startsWith('Kepala Biro') ? 'II.b' : 'II.a',
  status: v.status,
  ...('tmt' in v ? { tmt: v.tmt } : {}),
}));

const { documents, registration } = NTT_2024;
const posts = NTT_VACANCIES.map((v) => v.vacancyId);
const appId = (post: string, j: number) => `${post}-p${j}`;
const applicants = posts.flatMap((post) => [1, 2, 3, 4].map((j) => appId(post, j)));
const onTime = applicants.filter((id) => id !== appId(NTT_EXTENDED_POST, 4));
const j = (id: string) => Number(id.slice(-1));

function apply(id: string, i: number, date: string): JptpCommand {
  const post = id.slice(0, 6);
  const data = {
    applicationId: id,
    vacancyId: post,
    applicant: { nip: nipOf(i + 1), name: `Pelamar ${id}` },
  };
  return c(
    'SubmitApplication',
    { ...data, profile: aProfile({ relatedExperienceYears: 8 + (i % 7) }) },
    wita(date),
  );
}

const opening: JptpCommand[] = [
  c('OpenSelection', { selectionId: 'ntt-jptp-2024', title: NTT_2024.title }, wita('2024-04-22')),
  c('RecordPpkStatus', { ...NTT_2024.ppkStatus }, wita('2024-04-22')),
  ...NTT_VACANCIES.map((v) => c('RegisterVacancy', v, wita('2024-04-23'))),
  c('RecordOpenSelectionBasis', { reason: NTT_2024.openSelectionBasis }, wita('2024-04-23')),
  c(
    'ConfigureSelection',
    { weights: { assessment: 40, technical: 20, trackRecord: 10, interview: 30 } },
    wita('2024-04-23'),
  ),
  c(
    'SetPlannedSchedule',
    { dates: { administrativeSelection: '2024-06-10', interview: '2024-07-15' } },
    wita('2024-04-23'),
  ),
  c('CompleteStage', { stage: 'planning' }, wita('2024-04-30'), 'SEKRETARIAT'),
  c(
    'RecordMendagriApproval',
    { document: documents.mendagriApproval, purpose: 'SELECTION' },
    wita('2024-05-07'),
  ),
  c(
    'RecordSupervisoryRecommendation',
    { document: documents.supervisoryRecommendation, purpose: 'PLAN' },
    wita('2024-05-08', '14:00:00'),
  ),
  c('FormPansel', { decree: documents.panselDecree, members: panselOf(7, 3) }, wita('2024-05-13')),
  c(
    'PublishAnnouncement',
    {
      announcement: aDocument(
        'PANSEL',
        'PENG.01/PANSEL-JPTP/2024',
        registration.opensOn,
        'Pengumuman seleksi terbuka JPTP',
      ),
      registrationOpensOn: registration.opensOn,
      registrationClosesOn: registration.closesOn,
    },
    wita(registration.opensOn, '08:00:00'),
  ),
];

// A function, not a constant: its dates come from the calendar, which then runs inside the test
// that asks for them (Stryker's per-test coverage, docs/mutation-testing.md), not at import.
const applications = (): JptpCommand[] => [
  ...onTime.map((id, i) => apply(id, i, addCalendarDays(registration.opensOn, 1 + (i % 14)))),
  c('CloseRegistration', {}, wita(registration.closesOn, '23:59:59'), 'SYSTEM'),
  c(
    'ExtendRegistration',
    { vacancyIds: [NTT_EXTENDED_POST], reason: 'pelamar kurang dari 4 orang' },
    wita('2024-05-30'),
  ),
  apply(appId(NTT_EXTENDED_POST, 4), 99, '2024-06-03'),
  c('CloseRegistration', {}, wita('2024-06-06', '23:59:59'), 'SYSTEM'),
  c('CompleteStage', { stage: 'registrationClosed' }, wita('2024-06-07'), 'PANSEL'),
];

const results = (make: (id: string) => JptpCommand) => applicants.map(make);

const assessments: JptpCommand[] = [
  ...results((id) =>
    c(
      'VerifyApplication',
      { applicationId: id, result: 'MS', requirements: [] },
      wita('2024-06-10'),
      'PANSEL',
    ),
  ),
  c(
    'PublishAdministrativeResult',
    { announcement: aDocument('PANSEL', 'PENG.02/PANSEL-JPTP/2024', '2024-06-14') },
    wita('2024-06-14'),
  ),
  ...results((id) =>
    c(
      'RecordAssessmentResult',
      { applicationId: id, present: true, jpm: 90 - 4 * j(id), category: 'MS' },
      wita('2024-06-24'),
      'ASESOR',
    ),
  ),
  ...results((id) =>
    c(
      'RecordTechnicalResult',
      { applicationId: id, present: true, score: score(88 - 3 * j(id)) },
      wita('2024-06-27'),
    ),
  ),
  c('CompleteStage', { stage: 'competencyAssessment' }, wita('2024-07-05'), 'PANSEL'),
  ...results((id) =>
    c('RecordTrackRecord', { applicationId: id, score: score(85 - 2 * j(id)) }, wita('2024-07-10')),
  ),
  c('CompleteStage', { stage: 'trackRecord' }, wita('2024-07-11'), 'PANSEL'),
  ...results((id) =>
    c(
      'RecordInterview',
      { applicationId: id, present: true, score: score(87 - 3 * j(id)) },
      wita('2024-07-17'),
    ),
  ),
  c('CompleteStage', { stage: 'interview' }, wita('2024-07-18'), 'PANSEL'),
];

const appointment: JptpCommand[] = [
  ...posts.map((post) =>
    c(
      'ProposeThreeNames',
      {
        vacancyId: post,
        names: [1, 2, 3].map((rank) => ({ applicationId: appId(post, rank), rank })),
      },
      wita('2024-07-24'),
    ),
  ),
  c(
    'PublishFinalResult',
    { announcement: aDocument('PANSEL', 'PENG.03/PANSEL-JPTP/2024', '2024-07-26') },
    wita('2024-07-26'),
  ),
  c(
    'SubmitToPPK',
    { letter: aDocument('SEKDA', '800.1/BKD/2024', '2024-07-29') },
    wita('2024-07-29'),
    'SEKDA',
  ),
  c(
    'RecordSupervisoryRecommendation',
    { document: aDocument('BKN', 'REK/JPT/2024', '2024-08-20'), purpose: 'RESULT' },
    wita('2024-08-21'),
  ),
  c(
    'RecordPpkStatus',
    { status: 'GUBERNUR', since: '2025-02-20', name: NTT_2024.inauguration.ppk.name },
    wita('2025-02-21'),
  ),
  ...posts.map((post, i) =>
    c(
      'ChooseCandidate',
      { vacancyId: post, applicationId: appId(post, 1 + (i % 3)) },
      wita('2025-05-12'),
    ),
  ),
  c(
    'RecordMendagriApproval',
    { document: aDocument('MENDAGRI', '100.2.2.6/2025/SJ', '2025-05-14'), purpose: 'APPOINTMENT' },
    wita('2025-05-15'),
  ),
  ...posts.map((post) =>
    c(
      'IssueAppointmentDecree',
      { vacancyId: post, decree: documents.appointmentDecree },
      wita(NTT_2024.inauguration.date),
    ),
  ),
  ...posts.map((post) =>
    c('RecordInauguration', { vacancyId: post }, wita(NTT_2024.inauguration.date, '15:00:00')),
  ),
  c(
    'ReportToMendagri',
    { document: aDocument('GUBERNUR', '800.1.3/LAP/2025', '2025-05-26') },
    wita('2025-05-26'),
  ),
];

/** Every command of the reference case, from `OpenSelection` to the report to Mendagri. */
export const ntt2024Commands = (): JptpCommand[] => [
  ...opening,
  ...applications(),
  ...assessments,
  ...appointment,
];
