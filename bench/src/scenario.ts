import { jptpOpenSelection, type JptpCommand, type JptpEvent } from '@jejak/workflows';
import {
  ANNOUNCEMENT,
  KASN_2024,
  MENDAGRI_2024,
  PANSEL_DECREE,
  aDocument,
  aProfile,
  aVacancy,
  jptpCommand as c,
  panselOf,
  score,
  wita,
} from '../../workflows/src/jptp-open-selection/testing/jptp-builders.js';

/**
 * The NTT reference selection as commands (the shape of the workflows' JPTP scenario builder,
 * scaled): `posts` vacancies with `applicants` each, every applicant carried through every stage.
 * NIPs are unique per applicant (up to 99,999) and scores stay in range however many there are;
 * applicants 1..3 of each post are the top three.
 */
export type ReferenceSelection = {
  /** Every command, in order. */
  commands: JptpCommand[];
  /** Index in `commands` of the first `SubmitApplication` (the registration deadline rush). */
  firstSubmission: number;
};

const nip = (n: number) => `1975031020000${String(n).padStart(5, '0')}`;
export const applicationIdOf = (post: number, j: number) => `a${post}-${j}`;

export function referenceSelection(
  posts = 15,
  applicants = 40,
  /** `SetPlannedSchedule` commands during registration (a long history whose context stays small). */
  reschedules = 0,
): ReferenceSelection {
  const vs = Array.from({ length: posts }, (_, i) => i + 1);
  const js = Array.from({ length: applicants }, (_, i) => i + 1);
  const each = (make: (v: number, j: number) => JptpCommand) =>
    vs.flatMap((v) => js.map((j) => make(v, j)));
  const id = applicationIdOf;
  // Top three per post are j = 1, 2, 3; everyone else stays below them and within 0..100.
  const mark = (base: number, j: number) => score(base - Math.min(j, 40));
  const complete = (
    stage: 'planning' | 'registrationClosed' | 'competencyAssessment' | 'trackRecord' | 'interview',
    date: string,
  ) => c('CompleteStage', { stage }, wita(date), stage === 'planning' ? 'SEKRETARIAT' : 'PANSEL');

  const opening: JptpCommand[] = [
    c(
      'OpenSelection',
      { selectionId: 'sel-bench', title: 'Seleksi Terbuka JPTP NTT (bench)' },
      wita('2024-04-01'),
    ),
    c('RecordPpkStatus', { status: 'PENJABAT', since: '2023-09-05' }, wita('2024-04-01')),
    ...vs.map((v) => c('RegisterVacancy', aVacancy(v), wita('2024-04-02'))),
    c(
      'RecordOpenSelectionBasis',
      { reason: 'Penataan tidak memperoleh calon yang sesuai' },
      wita('2024-04-02'),
    ),
    complete('planning', '2024-04-03'),
    c(
      'RecordMendagriApproval',
      { document: MENDAGRI_2024, purpose: 'SELECTION' },
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
  ];
  const stages = [
    'administrativeSelection',
    'competencyAssessment',
    'trackRecord',
    'interview',
  ] as const;
  const rescheduling = Array.from({ length: reschedules }, (_, i) =>
    c(
      'SetPlannedSchedule',
      {
        dates: {
          [stages[i % stages.length]!]:
            `2024-0${6 + (i % 3)}-${String(10 + (i % 18)).padStart(2, '0')}`,
        },
      },
      wita('2024-05-16'),
    ),
  );
  const submissions = each((v, j) =>
    c(
      'SubmitApplication',
      {
        applicationId: id(v, j),
        vacancyId: `v${v}`,
        applicant: { nip: nip((v - 1) * applicants + j), name: `Pelamar ${v}-${j}` },
        profile: aProfile(),
      },
      wita('2024-05-20'),
    ),
  );
  const rest: JptpCommand[] = [
    c('CloseRegistration', {}, wita('2024-05-29', '23:59:59'), 'SYSTEM'),
    complete('registrationClosed', '2024-05-31'),
    ...each((v, j) =>
      c(
        'VerifyApplication',
        { applicationId: id(v, j), result: 'MS', requirements: [] },
        wita('2024-06-03'),
        'PANSEL',
      ),
    ),
    c(
      'PublishAdministrativeResult',
      { announcement: aDocument('PANSEL', 'PENG/02', '2024-06-05') },
      wita('2024-06-05'),
    ),
    ...each((v, j) =>
      c(
        'RecordAssessmentResult',
        { applicationId: id(v, j), present: true, jpm: 90 - Math.min(j, 40), category: 'MS' },
        wita('2024-06-12'),
      ),
    ),
    ...each((v, j) =>
      c(
        'RecordTechnicalResult',
        { applicationId: id(v, j), present: true, score: mark(90, j) },
        wita('2024-06-13'),
      ),
    ),
    complete('competencyAssessment', '2024-06-14'),
    ...each((v, j) =>
      c('RecordTrackRecord', { applicationId: id(v, j), score: mark(85, j) }, wita('2024-06-19')),
    ),
    complete('trackRecord', '2024-06-20'),
    ...each((v, j) =>
      c(
        'RecordInterview',
        { applicationId: id(v, j), present: true, score: mark(93, j) },
        wita('2024-06-25'),
      ),
    ),
    complete('interview', '2024-06-26'),
    ...vs.map((v) =>
      c(
        'ProposeThreeNames',
        {
          vacancyId: `v${v}`,
          names: [1, 2, 3].map((rank) => ({ applicationId: id(v, rank), rank })),
        },
        wita('2024-07-01'),
      ),
    ),
    c(
      'PublishFinalResult',
      { announcement: aDocument('PANSEL', 'PENG/03', '2024-07-02') },
      wita('2024-07-02'),
    ),
    c(
      'SubmitToPPK',
      { letter: aDocument('SEKDA', '800/01/BKD', '2024-07-03') },
      wita('2024-07-03'),
    ),
    ...vs.map((v) =>
      c('ChooseCandidate', { vacancyId: `v${v}`, applicationId: id(v, 2) }, wita('2024-07-08')),
    ),
    c(
      'RecordMendagriApproval',
      {
        document: aDocument('MENDAGRI', '100.2.2.6/3001/SJ', '2024-07-09'),
        purpose: 'APPOINTMENT',
      },
      wita('2024-07-10'),
    ),
    ...vs.map((v) =>
      c(
        'IssueAppointmentDecree',
        { vacancyId: `v${v}`, decree: aDocument('GUBERNUR', `821.2/${v}/BKD`, '2024-07-11') },
        wita('2024-07-11'),
      ),
    ),
    ...vs.map((v) => c('RecordInauguration', { vacancyId: `v${v}` }, wita('2024-07-12'))),
    c(
      'ReportToMendagri',
      { document: aDocument('GUBERNUR', '800/LAP/2024', '2024-07-16') },
      wita('2024-07-16'),
    ),
  ];
  return {
    commands: [...opening, ...rescheduling, ...submissions, ...rest],
    firstSubmission: opening.length + rescheduling.length,
  };
}

/**
 * The events the commands yield, decided one by one on an incrementally folded snapshot (the
 * cost of generating them is the cost of deciding, not of folding from scratch each time).
 */
export function eventsOf(commands: readonly JptpCommand[]): JptpEvent[] {
  const events: JptpEvent[] = [];
  let snapshot = jptpOpenSelection.initialState();
  for (const command of commands) {
    const decision = jptpOpenSelection.decide(command, snapshot);
    if (decision.kind !== 'Accepted') {
      throw new Error(`bench scenario: ${command.type} was refused: ${JSON.stringify(decision)}`);
    }
    for (const event of decision.events) snapshot = jptpOpenSelection.evolve(snapshot, event);
    events.push(...decision.events);
  }
  return events;
}

/** The NTT reference selection (15 posts x 40 applicants) with its events, built once per run. */
export type Reference = ReferenceSelection & { events: JptpEvent[] };

/** The long selection of B1 and B5 (reference + re-planned schedules), `size` events. */
export function longSelection(size: number): Reference {
  const selection = referenceSelection(15, 40, size - referenceSelection(15, 40).commands.length);
  return { ...selection, events: eventsOf(selection.commands) };
}

export function referenceWithEvents(): Reference {
  const selection = referenceSelection(15, 40);
  return { ...selection, events: eventsOf(selection.commands) };
}
