import { witaDateOf } from '../core/calendar.js';
import { mendagriApprovalRequired, type MendagriRequirement } from '../core/mendagri.js';
import type { Role } from '../core/types.js';
import type { Pergub113Event } from './pergub113.events.js';
import {
  PERGUB113_STAGES,
  type Pergub113Stage,
  type PergubContext,
  type PergubVacancy,
} from './pergub113.types.js';

/** The stages that end with `CompleteStage`, and the role that decides it (docs/domain.md §4). */
export const PERGUB113_STAGE_COMPLETERS: Partial<Record<Pergub113Stage, Role>> = {
  constitutingTpk: 'PPK',
  mapping: 'TPK',
  trackRecord: 'TPK',
};

export const initialContext = (): PergubContext => ({
  selectionId: '',
  title: '',
  pilkada: [],
  tpk: null,
  sekretariat: null,
  vacancies: [],
  profiles: {},
  mapping: {},
  trackRecords: {},
  tpkReport: null,
  mendagriApprovals: [],
  ppkStatus: [],
  plannedSchedule: {},
  stageEntered: {},
  cancellation: null,
});

/** The action's date in WITA: rules are evaluated as of this day. */
export const actionDate = (event: Pergub113Event): string => witaDateOf(event.data.occurredAt);

/** The stage the round is in: the last one entered (stages are entered in order). */
export function currentStage(context: PergubContext): Pergub113Stage | undefined {
  return [...PERGUB113_STAGES].reverse().find((stage) => context.stageEntered[stage] !== undefined);
}

export const findVacancy = (context: PergubContext, vacancyId: string) =>
  context.vacancies.find((v) => v.vacancyId === vacancyId);

/** Vacancies still being filled: neither filled nor cancelled. */
export const isTerminal = (vacancy: PergubVacancy) =>
  vacancy.subStatus === 'filled' || vacancy.subStatus === 'cancelled';

/** Vacancies taking part in the round (not cancelled). */
export const activeVacancies = (context: PergubContext) =>
  context.vacancies.filter((v) => v.subStatus !== 'cancelled');

/** The candidates of every vacancy still in the round, each NIP once. */
export const candidateNips = (context: PergubContext): string[] => [
  ...new Set(activeVacancies(context).flatMap((v) => v.candidates)),
];

/** Whether §5 (Mendagri approval) applies to an appointment act on `date`. */
export const approvalRequiredOn = (context: PergubContext, date: string): MendagriRequirement =>
  mendagriApprovalRequired({ ppkStatus: context.ppkStatus, date, pilkada: context.pilkada });

/** Every vacancy is filled or cancelled (and there is at least one). */
export const everyVacancyTerminal = (context: PergubContext) =>
  context.vacancies.length > 0 && context.vacancies.every(isTerminal);

/** Inaugurations under §5 not yet reported to Mendagri. */
export const unreportedInaugurations = (context: PergubContext) =>
  context.vacancies.filter(
    (v) => v.inauguration?.approvalRequired === true && v.reportedToMendagri === null,
  );

/** Records the WITA date a stage was first entered (the "actual" date beside the planned one). */
export const enterStageUpdate = (
  context: PergubContext,
  stage: Pergub113Stage,
  event: Pergub113Event,
): Partial<PergubContext> =>
  context.stageEntered[stage] === undefined
    ? { stageEntered: { ...context.stageEntered, [stage]: actionDate(event) } }
    : {};
