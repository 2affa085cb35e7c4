import {
  addCalendarDays,
  endOfDayWita,
  holidaysKnownBetween,
  provisionalWarning,
  startOfDayWita,
} from '../core/calendar.js';
import { INAUGURATION_DEADLINE, MENDAGRI_REPORT_DEADLINE } from '../core/mendagri.js';
import type { Role } from '../core/types.js';
import type { Deadline } from '../core/view.js';
import { isTerminal, type JptpContext, type JptpVacancyState } from './jptp.context.js';
import { JPTP_STAGES, type JptpStage } from './jptp.events.js';
import { registrationWindow } from './jptp.rules.js';

// The deadlines of a JPTP selection as data (docs/domain.md §6): the reminders schedule them and the
// scheduler sends `action` at `dueAt`. Legal: registration end (and each extension end), a
// vacancy's TMT, the report to Mendagri; planned: the published schedule of each stage.

/** Who acts in (and is reminded of) each stage. */
export const JPTP_STAGE_RECIPIENTS: { readonly [S in JptpStage]: readonly Role[] } = {
  planning: ['SEKRETARIAT'],
  preparing: ['SEKRETARIAT', 'PPK'],
  registration: ['SEKRETARIAT', 'PANSEL'],
  registrationClosed: ['PANSEL'],
  administrativeSelection: ['SEKRETARIAT', 'PANSEL'],
  competencyAssessment: ['ASESOR', 'PANSEL'],
  trackRecord: ['PANSEL'],
  interview: ['PANSEL'],
  ranking: ['PANSEL'],
  awaitingPpk: ['SEKDA', 'PPK'],
  inauguration: ['PPK', 'SEKRETARIAT'],
};

const registering = (v: JptpVacancyState) => v.subStatus === 'open' || v.subStatus === 'extended';

/** The end of the running registration round: the original end, or each extended vacancy's end. */
function registrationDeadlines(context: JptpContext): Deadline[] {
  const windows = context.vacancies.filter((v) => registering(v) && v.registrationClosesOn);
  const latest = windows
    .map((v) => v.registrationClosesOn ?? '')
    .sort()
    .at(-1);
  if (!latest) return [];
  const base = {
    kind: 'legal' as const,
    dueAt: endOfDayWita(latest),
    legalBasis: registrationWindow.citation,
    stage: 'registration',
    recipients: [...JPTP_STAGE_RECIPIENTS.registration],
  };
  const round = windows.filter((v) => v.registrationClosesOn === latest && v.extensions > 0);
  if (round.length === 0) {
    return [
      {
        ...base,
        deadlineId: 'registration-end',
        label: 'Batas akhir pendaftaran',
        action: 'CloseRegistration',
      },
    ];
  }
  return round.map((v, i) => ({
    ...base,
    deadlineId: `registration-extension-${v.extensions}-${v.vacancyId}`,
    label: `Batas akhir perpanjangan pendaftaran ke-${v.extensions}: ${v.title}`,
    vacancyId: v.vacancyId,
    ...(i === 0 ? { action: 'CloseRegistration' } : {}),
  }));
}

const tmtDeadlines = (context: JptpContext): Deadline[] =>
  context.vacancies
    .filter((v) => v.status === 'AKAN_LOWONG' && v.tmt && !isTerminal(v))
    .map((v) => ({
      deadlineId: `vacancy-tmt-${v.vacancyId}`,
      kind: 'legal',
      label: `Jabatan lowong TMT ${v.tmt}: ${v.title}`,
      dueAt: startOfDayWita(v.tmt ?? ''),
      legalBasis: 'PermenPAN-RB 15/2019 (jabatan yang akan lowong, TMT)',
      vacancyId: v.vacancyId,
      recipients: ['PPK', 'SEKRETARIAT'],
    }));

const reportDeadlines = (context: JptpContext): Deadline[] =>
  context.vacancies
    .filter((v) => v.mendagriReportDueOn && !v.reportedToMendagri)
    .map((v) => ({
      deadlineId: `mendagri-report-${v.vacancyId}`,
      kind: 'legal',
      label: `Laporan pelantikan kepada Mendagri: ${v.title}`,
      dueAt: endOfDayWita(v.mendagriReportDueOn ?? ''),
      legalBasis: MENDAGRI_REPORT_DEADLINE.citation,
      stage: 'inauguration',
      vacancyId: v.vacancyId,
      recipients: ['SEKRETARIAT'],
      ...provisionalIfUnknown(v.inauguratedOn ?? '', v.mendagriReportDueOn ?? ''),
    }));

/** A working-day count through a year without holiday data is provisional, with a warning. */
const provisionalIfUnknown = (from: string, to: string): Partial<Deadline> =>
  from !== '' && to !== '' && !holidaysKnownBetween(from, to)
    ? { provisional: true, warning: provisionalWarning(from, to) }
    : {};

/** Inauguration within 30 days of the appointment decree (docs/domain.md §6). */
const inaugurationDeadlines = (context: JptpContext): Deadline[] =>
  context.vacancies
    .filter((v) => v.decree && !v.inauguratedOn && !isTerminal(v))
    .map((v) => ({
      deadlineId: `inauguration-${v.vacancyId}`,
      kind: 'legal',
      label: `Pelantikan paling lama ${INAUGURATION_DEADLINE.calendarDays} hari sejak keputusan pengangkatan: ${v.title}`,
      dueAt: endOfDayWita(
        addCalendarDays(v.decree?.date ?? '', INAUGURATION_DEADLINE.calendarDays),
      ),
      legalBasis: INAUGURATION_DEADLINE.citation,
      stage: 'inauguration',
      vacancyId: v.vacancyId,
      recipients: ['PPK', 'SEKRETARIAT'],
    }));

const plannedDeadlines = (context: JptpContext): Deadline[] =>
  JPTP_STAGES.flatMap((stage) => {
    const dates = context.stages[stage];
    if (!dates?.planned || dates.actual) return [];
    return [
      {
        deadlineId: `planned-${stage}`,
        kind: 'planned' as const,
        label: `Jadwal tahap ${stage}`,
        dueAt: endOfDayWita(dates.planned),
        stage,
        recipients: [...JPTP_STAGE_RECIPIENTS[stage]],
      },
    ];
  });

/** Every deadline of the selection in `state` (a stage, `suspended`, or a final state). */
export function jptpDeadlines(context: JptpContext, state: string): Deadline[] {
  if (state === 'completed' || state === 'cancelled' || state === 'unopened') return [];
  return [
    ...(state === 'registration' ? registrationDeadlines(context) : []),
    ...tmtDeadlines(context),
    ...inaugurationDeadlines(context),
    ...reportDeadlines(context),
    ...(state === 'suspended' ? [] : plannedDeadlines(context)),
  ];
}
