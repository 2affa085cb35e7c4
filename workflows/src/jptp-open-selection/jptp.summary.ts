import { witaDateOf } from '../core/calendar.js';
import type { SelectionSummary, StageDates } from '../core/view.js';
import type { JptpContext } from './jptp.context.js';
import { JPTP_STAGES } from './jptp.events.js';

/** Title, each vacancy with its sub-status, and planned vs actual (WITA) dates per stage. */
export function summarizeJptp(context: JptpContext): Omit<SelectionSummary, 'state'> {
  const stages: StageDates = {};
  for (const stage of JPTP_STAGES) {
    const dates = context.stages[stage];
    if (!dates) continue;
    stages[stage] = {
      ...(dates.planned ? { planned: dates.planned } : {}),
      ...(dates.actual ? { actual: witaDateOf(dates.actual) } : {}),
    };
  }
  return {
    title: context.title,
    vacancies: context.vacancies.map((v) => ({
      vacancyId: v.vacancyId,
      title: v.title,
      // docs/domain.md §3 names the extended sub-status with its count: extended(1), extended(2).
      status: v.subStatus === 'extended' ? `extended(${v.extensions})` : v.subStatus,
    })),
    stages,
  };
}
