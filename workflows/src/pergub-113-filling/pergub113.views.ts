import type { SelectionSummary, StageDates } from '../core/view.js';
import { PERGUB113_STAGES, type PergubContext } from './pergub113.types.js';

/** Title, per-vacancy sub-status, and planned vs actual (entered) date of each stage. */
export function summarizePergub113(context: PergubContext): Omit<SelectionSummary, 'state'> {
  const stages: StageDates = {};
  for (const stage of PERGUB113_STAGES) {
    const planned = context.plannedSchedule[stage];
    const actual = context.stageEntered[stage];
    if (planned !== undefined || actual !== undefined) {
      stages[stage] = {
        ...(planned === undefined ? {} : { planned }),
        ...(actual === undefined ? {} : { actual }),
      };
    }
  }
  return {
    title: context.title,
    vacancies: context.vacancies.map((v) => ({
      vacancyId: v.vacancyId,
      title: v.title,
      status: v.subStatus,
    })),
    stages,
  };
}
