import { defineRule, type Rule } from '../core/rule.js';
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
import { checkRecord } from './jptp.checks-record.js';
import {
  checkChoice,
  checkEligibility,
  checkInauguration,
  checkThreeNames,
} from './jptp.checks-selection.js';
import type { JptpEventType } from './jptp.events.js';
import type { JptpRuleInput } from './jptp.rule-support.js';

// The rules of procedure A, one per DOMAIN.md §3 id, each with its citation. The checks live in
// jptp.checks-*.ts; EVENT_RULES says which rules guard which event, for the commands (decide) and
// the machine's `rulesHold` guard alike, so the two cannot disagree.

export type JptpRule = Rule<JptpRuleInput>;

const rule = (id: string, citation: string, check: (input: JptpRuleInput) => string[]) =>
  defineRule<JptpRuleInput>({ id, citation, check });

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
  'UU 5/2014 Pasal 110 ayat (3); KASN, Tugas dan Etika Panitia Seleksi dalam Pengisian JPT (2021)',
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
  'PermenPAN-RB 15/2019 (kurang dari 4 pelamar: diperpanjang 7 hari kalender, paling banyak 2 kali)',
  checkMinimum,
);
export const applicantEligibility = rule(
  'A-ELIG',
  'PP 11/2017 jo PP 17/2020 Pasal 107 huruf c',
  checkEligibility,
);
export const threeNames = rule(
  'A-THREE',
  'UU 5/2014 Pasal 115 ayat (2); PP 11/2017 jo PP 17/2020 Pasal 127 ayat (1)',
  checkThreeNames,
);
export const choiceOfThree = rule(
  'A-PICK',
  'UU 5/2014 Pasal 115 ayat (4); PP 11/2017 jo PP 17/2020 Pasal 127 ayat (2)',
  checkChoice,
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
  'jejak DOMAIN.md §1 dan §7 [DEF]: keputusan dicatat dengan alasan, rujukan, dan dokumen bertanggal',
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
  threeNames,
  choiceOfThree,
  inaugurationApproval,
  stageWorkDone,
  recordIntegrity,
];

/** The rules that guard each event (A-RECORD first: a wrong reference explains the rest). */
export const EVENT_RULES: Readonly<Record<JptpEventType, readonly JptpRule[]>> = {
  SelectionOpened: [recordIntegrity],
  VacancyRegistered: [vacancyRegistration],
  OpenSelectionBasisRecorded: [openSelectionBasis],
  SelectionConfigured: [selectionConfiguration],
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
  ApplicationVerified: [recordIntegrity, applicantEligibility],
  AdministrativeResultPublished: [recordIntegrity, stageWorkDone],
  AssessmentResultRecorded: [recordIntegrity],
  TechnicalResultRecorded: [recordIntegrity],
  TrackRecordRecorded: [recordIntegrity],
  InterviewRecorded: [recordIntegrity],
  ThreeNamesProposed: [recordIntegrity, threeNames],
  FinalResultPublished: [recordIntegrity, stageWorkDone],
  SubmittedToPPK: [recordIntegrity],
  CandidateChosen: [recordIntegrity, choiceOfThree],
  AppointmentDecreeIssued: [recordIntegrity, inaugurationApproval],
  InaugurationRecorded: [recordIntegrity, inaugurationApproval],
  ReportedToMendagri: [recordIntegrity, inaugurationApproval],
  VacancyCancelled: [recordIntegrity],
  SelectionCancelled: [recordIntegrity],
  SelectionSuspended: [recordIntegrity],
  SelectionResumed: [recordIntegrity],
  PPKStatusRecorded: [recordIntegrity],
  PlannedScheduleSet: [recordIntegrity],
};
