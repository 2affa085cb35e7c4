import { defineRule, type CheckMessage, type DatedCitation, type Rule } from '../core/rule.js';
import {
  checkBasis,
  checkConfiguration,
  checkGate,
  checkMinimum,
  checkOnePost,
  checkPansel,
  checkSupervisory,
  checkVacancy,
  checkWindow,
} from './jptp.checks-opening.js';
import { checkStageWork } from './jptp.checks-done.js';
import {
  checkAgeLimit,
  checkAppointingAuthority,
  checkChoiceReason,
  checkPostRequirements,
  checkResultReview,
} from './jptp.checks-law.js';
import { checkRecord } from './jptp.checks-record.js';
import {
  checkChoice,
  checkEligibility,
  checkInauguration,
  checkThreeNames,
} from './jptp.checks-selection.js';
import type { JptpEventType } from './jptp.events.js';
import { actionDate, type JptpRuleInput } from './jptp.rule-support.js';

// The rules of procedure A, one per docs/domain.md §3 id, each with its citation in force on the
// act's date. The checks live in jptp.checks-*.ts; EVENT_RULES says which rules guard which event,
// for the commands (decide) and the machine's `rulesHold` guard alike, so the two cannot disagree.

export type JptpRule = Rule<JptpRuleInput>;

const rule = (
  id: string,
  citation: string | readonly DatedCitation[],
  check: (input: JptpRuleInput) => CheckMessage[],
) => defineRule<JptpRuleInput>({ id, citation, check, dateOf: ({ event }) => actionDate(event) });

/** UU 5/2014 governs acts until 30 Oct 2023; UU 20/2023 repealed it from 31 Oct 2023. */
const UU_ASN_REPEALED_ON = '2023-10-31';
const UNTIL_UU_20_2023 = '2023-10-30';
const byAsnLaw = (before: string, after: string): readonly DatedCitation[] => [
  { until: UNTIL_UU_20_2023, text: before },
  { from: UU_ASN_REPEALED_ON, text: after },
];

export const vacancyRegistration = rule(
  'A-VAC',
  'PermenPAN-RB 15/2019 (pengisian JPT yang lowong dan akan lowong); BKD NTT 15 Mei 2024 [S000]',
  checkVacancy,
);
export const openSelectionBasis = rule(
  'A-BASIS',
  'PP 11/2017 jo PP 17/2020 Pasal 130 ayat (2)',
  checkBasis,
);
export const selectionConfiguration = rule(
  'A-CFG',
  'PermenPAN-RB 15/2019 (bobot penilaian tahap seleksi) [PRAC]',
  checkConfiguration,
);
export const panselComposition = rule(
  'A-PANSEL',
  'Lampiran PermenPAN-RB 15/2019 (Panitia Seleksi: ganjil, 5 sampai 9 orang, unsur internal paling banyak 45%) [UNVERIFIED]; KASN, Tugas dan Etika Panitia Seleksi dalam Pengisian JPT (2021)',
  checkPansel,
);
export const supervisoryRecommendation = rule(
  'A-SUPV',
  'UU 20/2023; Perpres 91/2024 dan 92/2024 (tugas dan fungsi KASN beralih ke BKN dan KemenPAN-RB)',
  checkSupervisory,
);
export const announcementGate = rule(
  'A-GATE',
  'PP 49/2008 Pasal 132A; UU 10/2016 Pasal 71 ayat (2); PermenPAN-RB 15/2019 (rekomendasi KASN, Pansel)',
  checkGate,
);
export const registrationWindow = rule(
  'A-WINDOW',
  'PermenPAN-RB 15/2019 (pengumuman lowongan paling singkat 15 hari kalender)',
  checkWindow,
);
export const onePostPerApplicant = rule(
  'A-ONEPOST',
  'Pengumuman seleksi terbuka: pelamar mendaftar pada paling banyak 1 (satu) jabatan [PRAC]',
  checkOnePost,
);
export const minimumApplicants = rule(
  'A-MIN',
  'PermenPAN-RB 15/2019 sebagaimana diterapkan panitia seleksi (kurang dari 4 pelamar: diperpanjang paling lama 7 hari kalender, paling banyak 2 kali) [UNVERIFIED: teks peraturan]',
  checkMinimum,
);
export const applicantEligibility = rule(
  'A-ELIG',
  'PP 11/2017 jo PP 17/2020 Pasal 107 ayat (1) huruf c',
  checkEligibility,
);
export const postRequirements = rule(
  'A-POSTREQ',
  'docs/domain.md §3: persyaratan jabatan yang dicatat pada lowongan, masing-masing dengan dasar hukumnya (mis. PP 16/2018 untuk Kepala Satuan Polisi Pamong Praja) [UNVERIFIED]',
  checkPostRequirements,
);
export const ageLimit = rule(
  'A-AGE',
  'PP 11/2017 jo PP 17/2020 Pasal 107 ayat (1) huruf c angka 6 dan ayat (2) (usia paling tinggi 56 tahun; lebih tinggi dengan persetujuan Presiden) [UNVERIFIED: teks ayat (2)]',
  checkAgeLimit,
);
export const threeNames = rule(
  'A-THREE',
  byAsnLaw(
    'UU 5/2014 Pasal 115 ayat (2); PP 11/2017 jo PP 17/2020 Pasal 127 ayat (1); Pasal 107 ayat (1) huruf c (standar kompetensi)',
    'UU 20/2023; PP 11/2017 jo PP 17/2020 Pasal 127 ayat (1); Pasal 107 ayat (1) huruf c (standar kompetensi)',
  ),
  checkThreeNames,
);
export const choiceOfThree = rule(
  'A-PICK',
  byAsnLaw(
    'UU 5/2014 Pasal 115 ayat (4); PP 11/2017 jo PP 17/2020 Pasal 127 ayat (2)',
    'UU 20/2023; PP 11/2017 jo PP 17/2020 Pasal 127 ayat (2)',
  ),
  checkChoice,
);
export const resultReview = rule(
  'A-REVIEW',
  [
    {
      until: '2024-07-31',
      text: 'PermenPAN-RB 15/2019 (rekomendasi KASN atas hasil seleksi sebelum PPK memilih); UU 20/2023',
    },
    {
      from: '2024-08-01',
      text: 'UU 20/2023; Perpres 91/2024 dan 92/2024 (pengawasan sistem merit oleh BKN, termasuk hasil seleksi JPT)',
    },
  ],
  checkResultReview,
);
export const choiceReason = rule(
  'A-REASON',
  'docs/domain.md §7 [DEF]: pilihan PPK selain peringkat pertama dicatat dengan alasannya; PP 11/2017 jo PP 17/2020 Pasal 127 ayat (2) (PPK memilih 1 dari 3 nama)',
  checkChoiceReason,
);
export const appointingAuthority = rule(
  'A-AUTH',
  'docs/domain.md §10: UU 24/2013 Pasal 83A (Kepala Dinas Dukcapil: Menteri Dalam Negeri atas usul Gubernur) [UNVERIFIED]; UU 23/2014 Pasal 215 (Sekretaris DPRD: Gubernur dengan persetujuan pimpinan DPRD) [UNVERIFIED]; PP 11/2017 jo PP 17/2020',
  checkAppointingAuthority,
);
export const inaugurationApproval = rule(
  'A-INAUG',
  'PP 49/2008 Pasal 132A; Permendagri 4/2023 Pasal 15; UU 10/2016 Pasal 71 ayat (2) dan Pasal 162 ayat (3); SE Mendagri 100.2.1.3/1575/SJ (2024)',
  checkInauguration,
);
export const stageWorkDone = rule(
  'A-DONE',
  'PermenPAN-RB 15/2019 (tahapan seleksi terbuka JPT)',
  checkStageWork,
);
/** Not a legal rule: jejak's record integrity (a reason, known references, dated documents). */
export const recordIntegrity = rule(
  'A-RECORD',
  'docs/domain.md §7 [DEF]: keputusan dicatat dengan alasan, rujukan, dan dokumen bertanggal',
  checkRecord,
);

export const JPTP_RULES: readonly JptpRule[] = [
  vacancyRegistration,
  openSelectionBasis,
  selectionConfiguration,
  panselComposition,
  supervisoryRecommendation,
  announcementGate,
  registrationWindow,
  onePostPerApplicant,
  minimumApplicants,
  applicantEligibility,
  postRequirements,
  ageLimit,
  threeNames,
  resultReview,
  choiceOfThree,
  choiceReason,
  appointingAuthority,
  inaugurationApproval,
  stageWorkDone,
  recordIntegrity,
];

/** The rules that guard each event (A-RECORD first: a wrong reference explains the rest). */
export const EVENT_RULES: Readonly<Record<JptpEventType, readonly JptpRule[]>> = {
  SelectionOpened: [recordIntegrity],
  VacancyRegistered: [vacancyRegistration],
  OpenSelectionBasisRecorded: [openSelectionBasis],
  SelectionConfigured: [selectionConfiguration, ageLimit],
  StageCompleted: [stageWorkDone],
  MendagriApprovalRecorded: [recordIntegrity],
  SupervisoryRecommendationRecorded: [recordIntegrity, supervisoryRecommendation],
  PanselFormed: [recordIntegrity, panselComposition],
  AnnouncementPublished: [recordIntegrity, announcementGate, registrationWindow],
  ApplicationSubmitted: [recordIntegrity, registrationWindow, onePostPerApplicant],
  ApplicationWithdrawn: [recordIntegrity],
  RegistrationClosed: [registrationWindow],
  RegistrationExtended: [recordIntegrity, minimumApplicants],
  InsufficientApplicantsResolved: [recordIntegrity, minimumApplicants],
  ApplicationVerified: [recordIntegrity, applicantEligibility, postRequirements],
  AdministrativeResultPublished: [recordIntegrity, stageWorkDone],
  AssessmentResultRecorded: [recordIntegrity],
  TechnicalResultRecorded: [recordIntegrity],
  TrackRecordRecorded: [recordIntegrity],
  InterviewRecorded: [recordIntegrity],
  ThreeNamesProposed: [recordIntegrity, threeNames],
  FinalResultPublished: [recordIntegrity, stageWorkDone],
  SubmittedToPPK: [recordIntegrity],
  CandidateChosen: [recordIntegrity, choiceOfThree, resultReview, choiceReason],
  AppointmentDecreeIssued: [recordIntegrity, appointingAuthority, inaugurationApproval],
  InaugurationRecorded: [recordIntegrity, inaugurationApproval],
  ReportedToMendagri: [recordIntegrity, inaugurationApproval],
  VacancyCancelled: [recordIntegrity],
  SelectionCancelled: [recordIntegrity],
  SelectionSuspended: [recordIntegrity],
  SelectionResumed: [recordIntegrity],
  PPKStatusRecorded: [recordIntegrity],
  PlannedScheduleSet: [recordIntegrity],
};
