import { addCalendarDays } from '../../core/calendar.js';
import type { JptpCommand } from '../jptp.commands.js';
import { isTerminal, remainingApplicantsOf, type JptpContext } from '../jptp.context.js';
import {
  ANNOUNCEMENT,
  KASN_2024,
  MENDAGRI_2024,
  PANSEL_DECREE,
  aProfile,
  aVacancy,
  jptpCommand as c,
  nipOf,
  panselOf,
  wita,
} from './jptp-builders.js';

// The per-stage part of the model's command menu (testing/jptp-model.ts): for each stage, the
// next step a real selection would take, one at a time.

const TARGET: Record<string, number> = { v1: 4, v2: 3 };
const weights = { assessment: 40, technical: 20, trackRecord: 20, interview: 20 };

export const first = <T>(items: readonly T[], make: (item: T) => JptpCommand): JptpCommand[] =>
  items.length > 0 ? [make(items[0] as T)] : [];

export const remaining = (ctx: JptpContext) =>
  ctx.vacancies
    .filter((v) => !isTerminal(v))
    .flatMap((v) => remainingApplicantsOf(ctx, v.vacancyId));

const latestEnd = (ctx: JptpContext) =>
  ctx.vacancies
    .map((v) => v.registrationClosesOn ?? '')
    .sort()
    .at(-1) ?? '2024-05-29';

export function planning(ctx: JptpContext): JptpCommand[] {
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

export function preparing(ctx: JptpContext): JptpCommand[] {
  if (ctx.mendagriApprovals.length === 0) {
    return [
      c(
        'RecordMendagriApproval',
        { document: MENDAGRI_2024, purpose: 'SELECTION', covers: { selectionId: 'model' } },
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

export function registration(ctx: JptpContext): JptpCommand[] {
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

export function registrationClosed(ctx: JptpContext): JptpCommand[] {
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
