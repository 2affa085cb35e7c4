// Pure helpers for the list and the selection page: progress over the stages, filled posts, the
// next deadline and whether something is overdue.

import type { ProcedureMeta } from './context.js';
import type { Deadline, SelectionSummary } from './types.js';

export type Progress = { index: number; total: number; percent: number };

/** Where the selection stands on its procedure's stages (completed = all done). */
export function progressOf(state: string, meta: ProcedureMeta | undefined, stages: SelectionSummary['stages']): Progress {
  const order = meta?.stages ?? [];
  const total = order.length;
  if (total === 0) return { index: 0, total: 0, percent: 0 };
  if (state === 'completed') return { index: total, total, percent: 100 };
  let index = order.indexOf(state);
  if (index < 0) {
    // Suspended or cancelled: the last stage it reached.
    index = order.reduce((last, stage, i) => (stages[stage]?.actual ? i : last), -1);
  }
  const reached = index + 1;
  return { index: reached, total, percent: Math.round((Math.max(reached, 0) / total) * 100) };
}

export function filledOf(summary: Pick<SelectionSummary, 'vacancies'>): { filled: number; total: number } {
  return {
    filled: summary.vacancies.filter((v) => v.status === 'filled').length,
    total: summary.vacancies.length,
  };
}

const byDue = (a: Deadline, b: Deadline) => a.dueAt.localeCompare(b.dueAt);

/** The soonest deadline still ahead, and every one already past. */
export function deadlineStatus(deadlines: readonly Deadline[], nowIso: string): { next?: Deadline; overdue: Deadline[] } {
  const sorted = [...deadlines].sort(byDue);
  const next = sorted.find((d) => d.dueAt >= nowIso);
  return { ...(next ? { next } : {}), overdue: sorted.filter((d) => d.dueAt < nowIso) };
}

/** A stage is late when its planned date passed before it started (or it started after it). */
export function stageLate(planned: string | undefined, actual: string | undefined, today: string): boolean {
  if (!planned) return false;
  return actual ? actual > planned : today > planned;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

function personName(value: unknown): string | undefined {
  const person = asRecord(value);
  if (!person) return typeof value === 'string' ? value : undefined;
  const name = typeof person['name'] === 'string' ? person['name'] : undefined;
  const nip = typeof person['nip'] === 'string' ? person['nip'] : undefined;
  return name ?? nip;
}

/**
 * The applicants or candidates of a vacancy, as far as the procedure's context shows them:
 * applications (JPTP: `applications[]` with `vacancyId` and `applicant`), or the vacancy's own
 * `candidates` (Pergub 113: NIPs or people).
 */
export function candidatesOf(context: unknown, vacancyId: string): string[] {
  const record = asRecord(context);
  if (!record) return [];
  const applications = Array.isArray(record['applications']) ? record['applications'] : [];
  const fromApplications = applications.flatMap((entry) => {
    const application = asRecord(entry);
    if (!application || application['vacancyId'] !== vacancyId || application['withdrawn'] === true) return [];
    const name = personName(application['applicant']);
    return name ? [name] : [];
  });
  if (fromApplications.length > 0) return fromApplications;
  const vacancies = Array.isArray(record['vacancies']) ? record['vacancies'] : [];
  const vacancy = vacancies.map(asRecord).find((v) => v?.['vacancyId'] === vacancyId);
  const candidates = Array.isArray(vacancy?.['candidates']) ? (vacancy['candidates'] as unknown[]) : [];
  return candidates.flatMap((candidate) => {
    const name = personName(candidate);
    return name ? [name] : [];
  });
}
