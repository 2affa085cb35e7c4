import type { AnyMachineSnapshot } from 'xstate';
import { addCalendarDays } from '../../core/calendar.js';
import type { JptpCommand } from '../jptp.commands.js';
import {
  finalScore,
  isTerminal,
  remainingApplicantsOf,
  type JptpApplication,
  type JptpContext,
} from '../jptp.context.js';
import type { JptpEvent } from '../jptp.events.js';
import { jptpOpenSelection as procedure } from '../jptp.procedure.js';
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

// A command menu for model-based and property tests: for any snapshot, the next steps a real
// selection would take (one at a time, so the explored space stays small) plus the detours
// (withdrawal, extension, suspension, cancellation). v1 draws 4 applicants and v2 only 3, so the
// extension and insufficient-applicants paths are part of the model.

const TARGET: Record<string, number> = { v1: 4, v2: 3 };
const weights = { assessment: 40, technical: 20, trackRecord: 20, interview: 20 };

const first = <T>(items: readonly T[], make: (item: T) => JptpCommand): JptpCommand[] =>
  items.length > 0 ? [make(items[0] as T)] : [];

const remaining = (ctx: JptpContext) =>
  ctx.vacancies
    .filter((v) => !isTerminal(v))
    .flatMap((v) => remainingApplicantsOf(ctx, v.vacancyId));

const latestEnd = (ctx: JptpContext) =>
  ctx.vacancies
    .map((v) => v.registrationClosesOn ?? '')
    .sort()
    .at(-1) ?? '2024-05-29';

function planning(ctx: JptpContext): JptpCommand[] {
  const at = wita('2024-04-02');
  const vacancy = (n: number) =>
    c(
      'RegisterVacancy',
      aVacancy(n, n === 2 ? { status: 'AKAN_LOWONG', tmt: '2024-08-01' } : {}),
      at,
    );
  if (ctx.ppkStatuses.length === 0)
    return [c('RecordPpkStatus', { status: 'PENJABAT', since: '2023-09-05' }, at)];
  if (ctx.vacancies.length < 2) return [vacancy(ctx.vacancies.length + 1)];
  if (ctx.basis === null)
    return [c('RecordOpenSelectionBasis', { reason: 'PP 11/2017 Pasal 130(2)' }, at)];
  if (ctx.config.weights.assessment !== 40) return [c('ConfigureSelection', { weights }, at)];
  if (!ctx.stages.ranking?.planned)
    return [c('SetPlannedSchedule', { dates: { ranking: '2024-07-03' } }, at)];
  return [c('CompleteStage', { stage: 'planning' }, wita('2024-04-03'), 'SEKRETARIAT')];
}

function preparing(ctx: JptpContext): JptpCommand[] {
  if (ctx.mendagriApprovals.length === 0) {
    return [
      c(
        'RecordMendagriApproval',
        { document: MENDAGRI_2024, purpose: 'SELECTION' },
        wita('2024-05-07'),
      ),
    ];
  }
  if (ctx.supervisoryRecommendations.length === 0) {
    return [
      c(
        'RecordSupervisoryRecommendation',
        { document: KASN_2024, purpose: 'PLAN' },
        wita('2024-05-09'),
      ),
    ];
  }
  if (!ctx.pansel)
    return [c('FormPansel', { decree: PANSEL_DECREE, members: panselOf() }, wita('2024-05-13'))];
  const dates = { registrationOpensOn: '2024-05-15', registrationClosesOn: '2024-05-29' };
  return [c('PublishAnnouncement', { announcement: ANNOUNCEMENT, ...dates }, wita('2024-05-15'))];
}

function registration(ctx: JptpContext): JptpCommand[] {
  const end = latestEnd(ctx);
  const at = wita(addCalendarDays(end, -1));
  const short = ctx.vacancies.filter(
    (v) =>
      (v.subStatus === 'open' || v.subStatus === 'extended') &&
      v.registrationClosesOn === end &&
      ctx.applications.filter((a) => a.vacancyId === v.vacancyId && !a.withdrawn).length <
        (TARGET[v.vacancyId] ?? 0),
  );
  const n = ctx.applications.length + 1;
  const apply = first(short, (v) =>
    c(
      'SubmitApplication',
      {
        applicationId: `m${n}`,
        vacancyId: v.vacancyId,
        applicant: { nip: nipOf(n), name: `Pelamar ${n}` },
        profile: aProfile(),
      },
      at,
    ),
  );
  const withdraw =
    ctx.applications.length === 2 && ctx.applications.every((a) => !a.withdrawn)
      ? [c('WithdrawApplication', { applicationId: 'm1', reason: 'mengundurkan diri' }, at)]
      : [];
  return [
    ...apply,
    ...withdraw,
    ...(apply.length === 0 ? [c('CloseRegistration', {}, wita(end, '23:59:59'), 'SYSTEM')] : []),
  ];
}

function registrationClosed(ctx: JptpContext): JptpCommand[] {
  const day = wita(addCalendarDays(latestEnd(ctx), 1));
  const pending = ctx.vacancies.filter((v) => !isTerminal(v) && v.subStatus !== 'active');
  const extendable = pending.filter((v) => v.extensions < 2);
  if (extendable.length > 0) {
    return [
      c(
        'ExtendRegistration',
        { vacancyIds: extendable.map((v) => v.vacancyId), reason: 'kurang dari 4 pelamar' },
        day,
      ),
    ];
  }
  return pending.length > 0
    ? first(pending, (v) =>
        c(
          'ResolveInsufficientApplicants',
          {
            vacancyId: v.vacancyId,
            decision: 'CONTINUE_WITH_FEWER',
            reason: 'tiga pelamar memenuhi',
          },
          day,
        ),
      )
    : [c('CompleteStage', { stage: 'registrationClosed' }, day, 'PANSEL')];
}

/** The first applicant still missing a result, else the command that ends the stage. */
function scoring(
  ctx: JptpContext,
  stage: 'competencyAssessment' | 'trackRecord' | 'interview',
): JptpCommand[] {
  const apps = remaining(ctx);
  const missing = (has: (a: JptpApplication) => boolean) => apps.filter((a) => !has(a));
  const at = wita('2024-06-24');
  const steps: [JptpApplication[], (a: JptpApplication) => JptpCommand][] =
    stage === 'competencyAssessment'
      ? [
          [
            missing((a) => a.assessment !== null),
            (a) =>
              c(
                'RecordAssessmentResult',
                {
                  applicationId: a.applicationId,
                  present: true,
                  jpm: 70 + a.profile.relatedExperienceYears,
                },
                at,
                'ASESOR',
              ),
          ],
          [
            missing((a) => a.technical !== null),
            (a) =>
              c(
                'RecordTechnicalResult',
                { applicationId: a.applicationId, present: true, score: score(75) },
                at,
              ),
          ],
        ]
      : stage === 'trackRecord'
        ? [
            [
              missing((a) => a.trackRecord !== null),
              (a) =>
                c('RecordTrackRecord', { applicationId: a.applicationId, score: score(80) }, at),
            ],
          ]
        : [
            [
              missing((a) => a.interview !== null),
              (a) =>
                c(
                  'RecordInterview',
                  { applicationId: a.applicationId, present: true, score: score(85) },
                  at,
                ),
            ],
          ];
  const next = steps.find(([list]) => list.length > 0);
  return next ? first(next[0], next[1]) : [c('CompleteStage', { stage }, at, 'PANSEL')];
}

function ranking(ctx: JptpContext): JptpCommand[] {
  const open = ctx.vacancies.filter((v) => !isTerminal(v) && v.subStatus !== 'shortlisted');
  const at = wita('2024-07-03');
  const propose = first(open, (v) => {
    const best = remainingApplicantsOf(ctx, v.vacancyId)
      .sort((a, b) => finalScore(ctx, b) - finalScore(ctx, a))
      .slice(0, 3);
    const names = best.map((a, i) => ({ applicationId: a.applicationId, rank: i + 1 }));
    return c(
      'ProposeThreeNames',
      {
        vacancyId: v.vacancyId,
        names,
        ...(names.length < 3 ? { reason: 'kurang dari tiga' } : {}),
      },
      at,
    );
  });
  const cancel = ctx.vacancies.every((v) => !isTerminal(v))
    ? [c('CancelVacancy', { vacancyId: 'v2', reason: 'perampingan organisasi' }, at, 'PPK')]
    : [];
  const publish = c(
    'PublishFinalResult',
    { announcement: aDocument('PANSEL', 'PENG/03', '2024-07-03') },
    at,
  );
  return [...(propose.length > 0 ? propose : [publish]), ...cancel];
}

function awaitingPpk(ctx: JptpContext): JptpCommand[] {
  const at = wita('2024-07-08');
  if (!ctx.submittedToPpk)
    return [c('SubmitToPPK', { letter: aDocument('SEKDA', '800/1', '2024-07-08') }, at)];
  if (!ctx.supervisoryRecommendations.some((r) => r.purpose === 'RESULT')) {
    return [
      c(
        'RecordSupervisoryRecommendation',
        { document: aDocument('KASN', 'B-2/2024', '2024-07-05'), purpose: 'RESULT' },
        at,
      ),
    ];
  }
  const open = ctx.vacancies.filter((v) => v.subStatus === 'shortlisted');
  return first(open, (v) =>
    c(
      'ChooseCandidate',
      { vacancyId: v.vacancyId, applicationId: v.names[0]?.applicationId ?? '' },
      at,
    ),
  );
}

function inauguration(ctx: JptpContext): JptpCommand[] {
  const at = wita('2024-07-12');
  if (!ctx.mendagriApprovals.some((a) => a.purpose === 'APPOINTMENT')) {
    return [
      c(
        'RecordMendagriApproval',
        { document: aDocument('MENDAGRI', '100.2.2.6/9/SJ', '2024-07-10'), purpose: 'APPOINTMENT' },
        at,
      ),
    ];
  }
  const chosen = ctx.vacancies.filter((v) => v.subStatus === 'chosen');
  const decree = first(
    chosen.filter((v) => !v.decree),
    (v) =>
      c(
        'IssueAppointmentDecree',
        {
          vacancyId: v.vacancyId,
          decree: aDocument('GUBERNUR', `821/${v.vacancyId}`, '2024-07-11'),
        },
        at,
      ),
  );
  if (decree.length > 0) return decree;
  const inaugurate = first(chosen, (v) => c('RecordInauguration', { vacancyId: v.vacancyId }, at));
  return inaugurate.length > 0
    ? inaugurate
    : [
        c(
          'ReportToMendagri',
          { document: aDocument('GUBERNUR', '800/LAP', '2024-07-16') },
          wita('2024-07-16'),
        ),
      ];
}

const STAGE_MENUS: Record<string, (ctx: JptpContext) => JptpCommand[]> = {
  planning,
  preparing,
  registration,
  registrationClosed,
  administrativeSelection: (ctx) => {
    const undecided = remaining(ctx).filter((a) => a.verification === null);
    const at = wita('2024-06-20');
    return undecided.length > 0
      ? first(undecided, (a) =>
          c(
            'VerifyApplication',
            { applicationId: a.applicationId, result: 'MS', requirements: [] },
            at,
            'PANSEL',
          ),
        )
      : [
          c(
            'PublishAdministrativeResult',
            { announcement: aDocument('PANSEL', 'PENG/02', '2024-06-20') },
            at,
          ),
        ];
  },
  competencyAssessment: (ctx) => scoring(ctx, 'competencyAssessment'),
  trackRecord: (ctx) => scoring(ctx, 'trackRecord'),
  interview: (ctx) => scoring(ctx, 'interview'),
  ranking,
  awaitingPpk,
  inauguration,
};

const STAGE_ENDINGS = new Set<string>([
  'CompleteStage',
  'PublishAnnouncement',
  'CloseRegistration',
  'ExtendRegistration',
  'PublishAdministrativeResult',
  'PublishFinalResult',
  'SubmitToPPK',
  'ReportToMendagri',
]);

/** The commands a selection in `snapshot` would plausibly receive next. */
export function jptpMenu(snapshot: AnyMachineSnapshot): JptpCommand[] {
  const state = procedure.stateOf(snapshot);
  const ctx = procedure.contextOf(snapshot);
  const at = wita('2024-07-20');
  if (state === 'unopened')
    return [
      c('OpenSelection', { selectionId: 'model', title: 'Seleksi model' }, wita('2024-04-01')),
    ];
  if (state === 'suspended') {
    return [
      c('ResumeSelection', { reason: 'dilanjutkan' }, at, 'PPK'),
      c('CancelSelection', { reason: 'dibatalkan' }, at, 'PPK'),
      ...(ctx.ppkStatuses.length < 2
        ? [c('RecordPpkStatus', { status: 'GUBERNUR', since: '2025-02-20' }, at)]
        : []),
      c('SetPlannedSchedule', { dates: { ranking: '2024-07-03' } }, at),
    ];
  }
  const menu = STAGE_MENUS[state];
  if (!menu) return [];
  const main = menu(ctx);
  // Detours once per stage (where it is about to end), so the explored space stays small.
  const detours = main.some((command) => STAGE_ENDINGS.has(command.type))
    ? [
        c('SuspendSelection', { reason: 'dijeda' }, at, 'PPK'),
        c('CancelSelection', { reason: 'dibatalkan' }, at, 'PPK'),
      ]
    : [];
  return [...main, ...detours];
}

/** The events of the menu's accepted commands (the model's transitions). */
export const jptpModelEvents = (snapshot: AnyMachineSnapshot): JptpEvent[] =>
  jptpMenu(snapshot).flatMap((command) => {
    const decision = procedure.decide(command, snapshot);
    return decision.kind === 'Accepted' ? decision.events : [];
  });

/** A key that tells apart snapshots the menu treats differently (stage, history and progress). */
export function jptpModelKey(snapshot: AnyMachineSnapshot): string {
  const ctx = procedure.contextOf(snapshot);
  return JSON.stringify([
    snapshot.value,
    // What the history state remembers matters only while suspended (it decides the resume).
    snapshot.value === 'suspended' ? ctx.stage : null,
    ctx.vacancies.map((v) => [v.subStatus, v.extensions, v.decree !== null, v.reportedToMendagri]),
    ctx.applications.map((a) =>
      [
        a.withdrawn,
        a.verification?.result,
        a.assessment,
        a.technical,
        a.trackRecord,
        a.interview,
      ].map((x) => (x ? 1 : 0)),
    ),
    [
      ctx.basis !== null,
      ctx.config.weights.assessment,
      ctx.ppkStatuses.length,
      Object.keys(ctx.stages).length,
    ],
    [
      ctx.mendagriApprovals.length,
      ctx.supervisoryRecommendations.length,
      ctx.pansel !== null,
      ctx.submittedToPpk,
    ],
  ]);
}
