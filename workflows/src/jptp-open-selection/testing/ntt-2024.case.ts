import { addCalendarDays } from '../../core/calendar.js';
import type { PostKind } from '../../core/reference/appointing-authority.js';
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

// The 2024 NTT reference case (docs/domain.md §8) as commands. Public: the PPK's status, the Mendagri
// approval (6 May), the KASN recommendation (8 May), the Pansel decree (13 May), registration
// 15-29 May for the 15 posts of the seed, the elected Governor's inauguration of all 15 on
// 19 May 2025 by Kepgub 816.2/1/48/BKD.3.2; the Pansel decision 15/Pansel-JPT/VI/2024 of 24 June
// 2024 on the results, KASN's recommendation R-2225/JP.00.00/07/2024 of 12 July 2024 and the
// announcement of 16 July 2024 (BKD NTT); the Pj Gubernur from 6 September 2024 (Keppres
// 98/P/2024). INVENTED (not public): applicants and scores, the extension of one post, the other
// intermediate dates, the Mendagri approval for the 2025 appointments, the Mendagri decree for the
// Kepala Dinas Dukcapil with the Governor's proposal, and the DPRD leadership's approval for the
// Sekretaris DPRD (docs/domain.md §10: posts 6 and 9 follow their appointing authority).

/** The post whose registration is extended once (invented): Pertanian dan Ketahanan Pangan. */
export const NTT_EXTENDED_POST = 'ntt-05';
export const NTT_APPLICANTS_PER_POST = 4;

export const nttVacancyId = (no: number) => `ntt-${String(no).padStart(2, '0')}`;

/** Posts appointed otherwise than by the PPK alone: 6 Kepala Dinas Dukcapil, 9 Sekretaris DPRD. */
const POST_KINDS_BY_NO: Partial<Record<number, PostKind>> = { 6: 'KADIS_DUKCAPIL', 9: 'SEKWAN' };
export const NTT_DUKCAPIL_POST = nttVacancyId(6);
export const NTT_SEKWAN_POST = nttVacancyId(9);

export const NTT_VACANCIES: JptpVacancy[] = NTT_2024.vacancies.map((v) => ({
  vacancyId: nttVacancyId(v.no),
  title: v.title,
  unit: v.title.replace(/^(Kepala|Direktur|Sekretaris|Staf Ahli Gubernur Bidang) /, ''),
  eselon: v.title.startsWith('Kepala Biro') ? 'II.b' : 'II.a',
  status: v.status,
  ...('tmt' in v ? { tmt: v.tmt } : {}),
  ...(POST_KINDS_BY_NO[v.no] ? { postKind: POST_KINDS_BY_NO[v.no] } : {}),
}));

const { documents, registration } = NTT_2024;
const SELECTION_ID = 'ntt-jptp-2024';
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
  c('OpenSelection', { selectionId: SELECTION_ID, title: NTT_2024.title }, wita('2024-04-22')),
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
    { document: documents.mendagriApproval, purpose: 'SELECTION', covers: { vacancyIds: posts } },
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

/**
 * The decree of each post by its appointing authority (docs/domain.md §10): the Governor's for the
 * ordinary posts; Mendagri's on the Governor's proposal for Dukcapil; the Governor's after the
 * DPRD leadership's approval for the Sekretaris DPRD. The last two documents are INVENTED.
 */
function decreeOf(post: string) {
  const date = NTT_2024.inauguration.date;
  if (post === NTT_DUKCAPIL_POST) {
    return {
      vacancyId: post,
      decree: aDocument(
        'MENDAGRI',
        '800.1.2.2-0001 Tahun 2025',
        date,
        'Pengangkatan Kepala Dinas Dukcapil',
      ),
      approvals: [
        aDocument(
          'GUBERNUR',
          '800.1.3/USUL/2025',
          '2025-05-13',
          'Usul pengangkatan Kepala Dinas Dukcapil',
        ),
      ],
    };
  }
  if (post === NTT_SEKWAN_POST) {
    return {
      vacancyId: post,
      decree: documents.appointmentDecree,
      approvals: [
        aDocument(
          'PIMPINAN DPRD',
          '170/DPRD/2025',
          '2025-05-15',
          'Persetujuan calon Sekretaris DPRD',
        ),
      ],
    };
  }
  return { vacancyId: post, decree: documents.appointmentDecree };
}

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
    { announcement: aDocument('PANSEL', 'PENG.02/PANSEL-JPTP/2024', '2024-06-11') },
    wita('2024-06-11'),
  ),
  ...results((id) =>
    c(
      'RecordAssessmentResult',
      { applicationId: id, present: true, jpm: 90 - 4 * j(id), category: 'MS' },
      wita('2024-06-13'),
      'ASESOR',
    ),
  ),
  ...results((id) =>
    c(
      'RecordTechnicalResult',
      { applicationId: id, present: true, score: score(88 - 3 * j(id)) },
      wita('2024-06-14'),
    ),
  ),
  c('CompleteStage', { stage: 'competencyAssessment' }, wita('2024-06-17'), 'PANSEL'),
  ...results((id) =>
    c('RecordTrackRecord', { applicationId: id, score: score(85 - 2 * j(id)) }, wita('2024-06-18')),
  ),
  c('CompleteStage', { stage: 'trackRecord' }, wita('2024-06-19'), 'PANSEL'),
  ...results((id) =>
    c(
      'RecordInterview',
      { applicationId: id, present: true, score: score(87 - 3 * j(id)) },
      wita('2024-06-20'),
    ),
  ),
  c('CompleteStage', { stage: 'interview' }, wita('2024-06-21'), 'PANSEL'),
];

const appointment: JptpCommand[] = [
  ...posts.map((post) =>
    c(
      'ProposeThreeNames',
      {
        vacancyId: post,
        names: [1, 2, 3].map((rank) => ({ applicationId: appId(post, rank), rank })),
        decision: documents.panselResultDecision,
      },
      wita(documents.panselResultDecision.date),
    ),
  ),
  c(
    'RecordSupervisoryRecommendation',
    { document: documents.resultRecommendation, purpose: 'RESULT' },
    wita(documents.resultRecommendation.date, '14:00:00'),
  ),
  c(
    'PublishFinalResult',
    { announcement: documents.resultAnnouncement },
    wita(documents.resultAnnouncement.date),
  ),
  c(
    'SubmitToPPK',
    { letter: aDocument('SEKDA', '800.1/BKD/2024', '2024-07-18') },
    wita('2024-07-18'),
    'SEKDA',
  ),
  c('RecordPpkStatus', { ...NTT_2024.ppkStatusFrom20240906 }, wita('2024-09-06')),
  c(
    'RecordPpkStatus',
    { status: 'GUBERNUR', since: '2025-02-20', name: NTT_2024.inauguration.ppk.name },
    wita('2025-02-21'),
  ),
  ...posts.map((post, i) =>
    c(
      'ChooseCandidate',
      {
        vacancyId: post,
        applicationId: appId(post, 1 + (i % 3)),
        ...(i % 3 === 0 ? {} : { reason: 'Pertimbangan PPK atas kebutuhan organisasi (contoh)' }),
      },
      wita('2025-05-12'),
    ),
  ),
  c(
    'RecordMendagriApproval',
    {
      document: aDocument('MENDAGRI', '100.2.2.6/2025/SJ', '2025-05-14'),
      purpose: 'APPOINTMENT',
      covers: { vacancyIds: posts },
    },
    wita('2025-05-15'),
  ),
  ...posts.map((post) =>
    c('IssueAppointmentDecree', decreeOf(post), wita(NTT_2024.inauguration.date)),
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
