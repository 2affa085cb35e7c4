import type { JptpCommand } from '../jptp.commands.js';
import {
  finalScore,
  isTerminal,
  remainingApplicantsOf,
  type JptpApplication,
  type JptpContext,
} from '../jptp.context.js';
import { aDocument, jptpCommand as c, score, wita } from './jptp-builders.js';
import { first, remaining } from './jptp-model-stages.js';

// The model's menu from the administrative selection to the inauguration.

/** The first applicant still missing a result, else the command that ends the stage. */
export function scoring(
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

export function ranking(ctx: JptpContext): JptpCommand[] {
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
  // KASN may review the results before they are published (NTT 2024), or after (awaitingPpk).
  const review = ctx.supervisoryRecommendations.some((r) => r.purpose === 'RESULT')
    ? []
    : [
        c(
          'RecordSupervisoryRecommendation',
          { document: aDocument('KASN', 'B-2/2024', '2024-07-03'), purpose: 'RESULT' },
          at,
        ),
      ];
  return [...(propose.length > 0 ? propose : [publish, ...review]), ...cancel];
}

export function awaitingPpk(ctx: JptpContext): JptpCommand[] {
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

export function inauguration(ctx: JptpContext): JptpCommand[] {
  const at = wita('2024-07-12');
  if (!ctx.mendagriApprovals.some((a) => a.purpose === 'APPOINTMENT')) {
    return [
      c(
        'RecordMendagriApproval',
        {
          document: aDocument('MENDAGRI', '100.2.2.6/9/SJ', '2024-07-10'),
          purpose: 'APPOINTMENT',
          covers: { selectionId: 'model' },
        },
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

export function administrativeSelection(ctx: JptpContext): JptpCommand[] {
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
}
