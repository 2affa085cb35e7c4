import {
  addCalendarDays,
  endOfDayWita,
  holidaysKnownBetween,
  provisionalWarning,
} from '../core/calendar.js';
import { INAUGURATION_DEADLINE, MENDAGRI_REPORT_DEADLINE } from '../core/mendagri.js';
import type { Role } from '../core/types.js';
import type { Deadline } from '../core/view.js';
import { isTerminal } from './pergub113.context.js';
import { PERGUB113_STAGES, type Pergub113Stage, type PergubContext } from './pergub113.types.js';

const FINAL_STATES = ['completed', 'cancelled'];

/** Who acts in each stage, hence whom a planned date reminds (docs/domain.md §4, §6). */
export const PERGUB113_STAGE_RECIPIENTS: Record<Pergub113Stage, Role[]> = {
  constitutingTpk: ['PPK', 'SEKDA', 'SEKRETARIAT'],
  inventory: ['SEKRETARIAT'],
  administrativeSelection: ['SEKRETARIAT', 'TPK'],
  mapping: ['ASESOR', 'TPK'],
  trackRecord: ['TPK'],
  reportedToPpk: ['TPK'],
  ppkChoice: ['PPK'],
  inauguration: ['PPK', 'SEKRETARIAT'],
};

/** A post that will be vacant from its TMT, while it is still being filled. */
function vacancyTmt(context: PergubContext): Deadline[] {
  return context.vacancies
    .filter((v) => v.tmt !== undefined && !isTerminal(v))
    .map((v) => ({
      deadlineId: `vacancy-tmt-${v.vacancyId}`,
      kind: 'legal',
      label: `TMT lowong ${v.title}`,
      dueAt: endOfDayWita(v.tmt!),
      legalBasis: 'Pergub NTT 113/2023 Pasal 9 ayat (1)',
      vacancyId: v.vacancyId,
      recipients: ['SEKRETARIAT', 'TPK', 'PPK'],
    }));
}

/** The report to Mendagri, 7 working days after each inauguration that needed approval. */
function mendagriReports(context: PergubContext): Deadline[] {
  return context.vacancies.flatMap((v) =>
    v.inauguration?.reportDueOn && v.reportedToMendagri === null
      ? [
          {
            deadlineId: `mendagri-report-${v.vacancyId}`,
            kind: 'legal' as const,
            label: `Laporan pelantikan ${v.title} kepada Mendagri`,
            dueAt: endOfDayWita(v.inauguration.reportDueOn),
            legalBasis: `${MENDAGRI_REPORT_DEADLINE.citation} (${MENDAGRI_REPORT_DEADLINE.workingDays} hari kerja)`,
            stage: 'inauguration',
            vacancyId: v.vacancyId,
            recipients: ['SEKRETARIAT' as const],
            // Counted through a year without holiday data: provisional, with a warning.
            ...(holidaysKnownBetween(v.inauguration.date, v.inauguration.reportDueOn)
              ? {}
              : {
                  provisional: true as const,
                  warning: provisionalWarning(v.inauguration.date, v.inauguration.reportDueOn),
                }),
          },
        ]
      : [],
  );
}

/** Inauguration within 30 days of the appointment decree (docs/domain.md §6). */
function inaugurations(context: PergubContext): Deadline[] {
  return context.vacancies
    .filter((v) => v.decree !== null && v.inauguration === null && v.subStatus === 'decreed')
    .map((v) => ({
      deadlineId: `inauguration-${v.vacancyId}`,
      kind: 'legal' as const,
      label: `Pelantikan ${v.title} paling lama ${INAUGURATION_DEADLINE.calendarDays} hari sejak keputusan`,
      dueAt: endOfDayWita(
        addCalendarDays(v.decree?.date ?? '', INAUGURATION_DEADLINE.calendarDays),
      ),
      legalBasis: INAUGURATION_DEADLINE.citation,
      stage: 'inauguration',
      vacancyId: v.vacancyId,
      recipients: ['PPK' as const, 'SEKRETARIAT' as const],
    }));
}

/** Published dates of the stages not yet reached. */
function plannedStages(context: PergubContext): Deadline[] {
  return PERGUB113_STAGES.flatMap((stage) => {
    const planned = context.plannedSchedule[stage];
    if (planned === undefined || context.stageEntered[stage] !== undefined) return [];
    return [
      {
        deadlineId: `planned-${stage}`,
        kind: 'planned' as const,
        label: `Jadwal tahap ${stage}`,
        dueAt: endOfDayWita(planned),
        stage,
        recipients: PERGUB113_STAGE_RECIPIENTS[stage],
      },
    ];
  });
}

/**
 * The round's deadlines as data (docs/domain.md §6): a vacancy's TMT, the 7-working-day report to
 * Mendagri after an inauguration under §5, and the planned schedule while the round runs. The
 * machine never runs a timer; the reminders read these.
 */
export function pergub113Deadlines(context: PergubContext, state: string): Deadline[] {
  const running = !FINAL_STATES.includes(state) && state !== 'unopened';
  return [
    ...(running ? vacancyTmt(context) : []),
    ...(running ? inaugurations(context) : []),
    ...mendagriReports(context),
    ...(running ? plannedStages(context) : []),
  ].sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}
