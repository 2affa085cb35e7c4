import { acceptedEvents } from '../../testing/decider-specification.js';
import type { JptpCommand } from '../jptp.commands.js';
import type { JptpApplicantProfile, JptpEvent } from '../jptp.events.js';
import { jptpOpenSelection } from '../jptp.procedure.js';
import {
  ANNOUNCEMENT,
  KASN_2024,
  MENDAGRI_2024,
  PANSEL_DECREE,
  aDocument,
  aProfile,
  aVacancy,
  jptpCommand as c,
  nipOf,
  panselOf,
  score,
  wita,
} from './jptp-builders.js';

// A plausible selection under 2024 law (Penjabat PPK, so Mendagri approvals are needed), built as
// commands phase by phase: `commandsTo('ranking')` is every command that takes a new selection
// to the ranking stage. Dates are invented around the public NTT 2024 ones.

export const SCENARIO_STATES = [
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
  'completed',
] as const;
export type ScenarioState = (typeof SCENARIO_STATES)[number];

export type ScenarioOptions = {
  vacancies?: number;
  /** Applicants per vacancy: one number for all, or one per vacancy (v1 first). */
  applicants?: number | number[];
  /** Changes to an applicant's profile (all eligible by default). */
  profile?: (vacancy: number, j: number) => Partial<JptpApplicantProfile>;
};

export const applicationId = (vacancy: number, j: number) => `a${vacancy}-${j}`;

export function jptpScenario({ vacancies = 2, applicants = 4, profile }: ScenarioOptions = {}) {
  const posts = Array.from({ length: vacancies }, (_, i) => i + 1);
  const countOf = (v: number) =>
    typeof applicants === 'number' ? applicants : (applicants[v - 1] ?? 0);
  const each = (make: (v: number, j: number) => JptpCommand) =>
    posts.flatMap((v) => Array.from({ length: countOf(v) }, (_, j) => make(v, j + 1)));
  const complete = (stage: Parameters<typeof c<'CompleteStage'>>[1]['stage'], date: string) =>
    c('CompleteStage', { stage }, wita(date), stage === 'planning' ? 'SEKRETARIAT' : 'PANSEL');

  const phases: Record<ScenarioState, JptpCommand[]> = {
    planning: [
      c(
        'OpenSelection',
        { selectionId: 'sel-1', title: 'Seleksi Terbuka JPTP Uji 2024' },
        wita('2024-04-01'),
      ),
    ],
    preparing: [
      c('RecordPpkStatus', { status: 'PENJABAT', since: '2023-09-05' }, wita('2024-04-01')),
      ...posts.map((v) => c('RegisterVacancy', aVacancy(v), wita('2024-04-02'))),
      c(
        'RecordOpenSelectionBasis',
        { reason: 'Penataan tidak memperoleh calon yang sesuai' },
        wita('2024-04-02'),
      ),
      complete('planning', '2024-04-03'),
    ],
    registration: [
      c(
        'RecordMendagriApproval',
        { document: MENDAGRI_2024, purpose: 'SELECTION', covers: { selectionId: 'sel-1' } },
        wita('2024-05-07'),
      ),
      c(
        'RecordSupervisoryRecommendation',
        { document: KASN_2024, purpose: 'PLAN' },
        wita('2024-05-09'),
      ),
      c('FormPansel', { decree: PANSEL_DECREE, members: panselOf() }, wita('2024-05-13')),
      c(
        'PublishAnnouncement',
        {
          announcement: ANNOUNCEMENT,
          registrationOpensOn: '2024-05-15',
          registrationClosesOn: '2024-05-29',
        },
        wita('2024-05-15', '08:00:00'),
      ),
    ],
    registrationClosed: [
      ...each((v, j) =>
        c(
          'SubmitApplication',
          {
            applicationId: applicationId(v, j),
            vacancyId: `v${v}`,
            applicant: { nip: nipOf(v * 10 + j), name: `Pelamar ${v}-${j}` },
            profile: aProfile(profile?.(v, j)),
          },
          wita('2024-05-20'),
        ),
      ),
      c('CloseRegistration', {}, wita('2024-05-29', '23:59:59'), 'SYSTEM'),
    ],
    administrativeSelection: [complete('registrationClosed', '2024-05-31')],
    competencyAssessment: [
      ...each((v, j) =>
        c(
          'VerifyApplication',
          { applicationId: applicationId(v, j), result: 'MS', requirements: [] },
          wita('2024-06-03'),
          'PANSEL',
        ),
      ),
      c(
        'PublishAdministrativeResult',
        { announcement: aDocument('PANSEL', 'PENG/02', '2024-06-05') },
        wita('2024-06-05'),
      ),
    ],
    trackRecord: [
      ...each((v, j) =>
        c(
          'RecordAssessmentResult',
          { applicationId: applicationId(v, j), present: true, jpm: 90 - 5 * j, category: 'MS' },
          wita('2024-06-12'),
        ),
      ),
      ...each((v, j) =>
        c(
          'RecordTechnicalResult',
          { applicationId: applicationId(v, j), present: true, score: score(85 - 5 * j) },
          wita('2024-06-13'),
        ),
      ),
      complete('competencyAssessment', '2024-06-14'),
    ],
    interview: [
      ...each((v, j) =>
        c(
          'RecordTrackRecord',
          { applicationId: applicationId(v, j), score: score(80 - 5 * j) },
          wita('2024-06-19'),
        ),
      ),
      complete('trackRecord', '2024-06-20'),
    ],
    ranking: [
      ...each((v, j) =>
        c(
          'RecordInterview',
          { applicationId: applicationId(v, j), present: true, score: score(88 - 5 * j) },
          wita('2024-06-25'),
        ),
      ),
      complete('interview', '2024-06-26'),
    ],
    awaitingPpk: [
      ...posts.map((v) =>
        c(
          'ProposeThreeNames',
          {
            vacancyId: `v${v}`,
            names: [1, 2, 3].map((rank) => ({ applicationId: applicationId(v, rank), rank })),
          },
          wita('2024-07-01'),
        ),
      ),
      c(
        'PublishFinalResult',
        { announcement: aDocument('PANSEL', 'PENG/03', '2024-07-02') },
        wita('2024-07-02'),
      ),
    ],
    inauguration: [
      c(
        'SubmitToPPK',
        { letter: aDocument('SEKDA', '800/01/BKD', '2024-07-03') },
        wita('2024-07-03'),
      ),
      c(
        'RecordSupervisoryRecommendation',
        { document: aDocument('KASN', 'R-1/JP.00.00/07/2024', '2024-07-04'), purpose: 'RESULT' },
        wita('2024-07-04'),
      ),
      ...posts.map((v) =>
        c(
          'ChooseCandidate',
          {
            vacancyId: `v${v}`,
            applicationId: applicationId(v, 2),
            reason: 'pengalaman lapangan yang lebih sesuai',
          },
          wita('2024-07-08'),
        ),
      ),
    ],
    completed: [
      c(
        'RecordMendagriApproval',
        {
          document: aDocument('MENDAGRI', '100.2.2.6/3001/SJ', '2024-07-09'),
          purpose: 'APPOINTMENT',
          covers: { selectionId: 'sel-1' },
        },
        wita('2024-07-10'),
      ),
      ...posts.map((v) =>
        c(
          'IssueAppointmentDecree',
          { vacancyId: `v${v}`, decree: aDocument('GUBERNUR', `821.2/${v}/BKD`, '2024-07-11') },
          wita('2024-07-11'),
        ),
      ),
      ...posts.map((v) => c('RecordInauguration', { vacancyId: `v${v}` }, wita('2024-07-12'))),
      c(
        'ReportToMendagri',
        { document: aDocument('GUBERNUR', '800/LAP/2024', '2024-07-16') },
        wita('2024-07-16'),
      ),
    ],
  };

  const commandsTo = (state: ScenarioState): JptpCommand[] =>
    SCENARIO_STATES.slice(0, SCENARIO_STATES.indexOf(state) + 1).flatMap((s) => phases[s]);
  return {
    phases,
    commandsTo,
    eventsTo: (state: ScenarioState): JptpEvent[] =>
      acceptedEvents(jptpOpenSelection, commandsTo(state)),
  };
}
