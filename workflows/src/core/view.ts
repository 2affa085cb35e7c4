import type { Role } from './types.js';

/**
 * A due date computed as data from a selection's state (DOMAIN.md §6): the machine never runs
 * timers; the reminders read these and the scheduler sends `command` (if any) at `dueAt`.
 */
export type Deadline = {
  /** Stable within a selection, safe in a BullMQ job id (no `:`), e.g. `registration-end`. */
  id: string;
  label: string;
  /** ISO 8601 instant in UTC (`2024-05-29T15:59:59.000Z` = 23:59:59 WITA). */
  dueAt: string;
  /** true for a deadline set by law; false for a planned date from the published schedule. */
  legal: boolean;
  citation?: string;
  stage?: string;
  vacancyId?: string;
  /** Who is reminded. */
  roles: Role[];
  /** A time-driven command the SYSTEM issues at `dueAt`, e.g. `CloseRegistration`. */
  command?: string;
};

export type VacancySummary = { vacancyId: string; title: string; status: string };

/** Planned (published schedule) and actual (first event of the stage) dates per stage. */
export type StageDates = Record<string, { planned?: string; actual?: string }>;

/** What the read models and `GET /selections/:id` show of a selection, derived from its state. */
export type SelectionSummary = {
  title: string;
  state: string;
  vacancies: VacancySummary[];
  stages: StageDates;
};
