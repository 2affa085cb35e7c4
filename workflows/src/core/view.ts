import type { Role } from './types.js';

/**
 * A due date computed as data from a selection's state (docs/domain.md §6): the machine never runs
 * timers; the reminders read these and the scheduler sends `command` (if any) at `dueAt`.
 */
export type Deadline = {
  /** Stable within a selection, safe in a BullMQ job id (no `:`), e.g. `registration-end`. */
  deadlineId: string;
  /** `legal`: set by law (registration end, report to Mendagri, TMT); `planned`: published schedule. */
  kind: 'legal' | 'planned';
  /** What is due, in a few words (Bahasa Indonesia), e.g. `Batas akhir pendaftaran`. */
  label: string;
  /** ISO 8601 instant in UTC (`2024-05-29T15:59:59.000Z` = 23:59:59 WITA). */
  dueAt: string;
  /** Citation of the legal basis, when kind is `legal`. */
  legalBasis?: string;
  stage?: string;
  vacancyId?: string;
  /** Roles to remind. */
  recipients: Role[];
  /** A time-driven command the SYSTEM issues at `dueAt`, e.g. `CloseRegistration`. */
  action?: string;
  /**
   * Set when the due date counts working days through a year without holiday data: the date is
   * provisional (weekends only are known there) and `warning` says so to the user.
   */
  provisional?: true;
  warning?: string;
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
