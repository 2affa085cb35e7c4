/**
 * What a job fires: a `reminder` before the deadline, an `escalation` once it is overdue, or the
 * time-driven `action` (a command SYSTEM issues at the due instant, e.g. `CloseRegistration`).
 */
export type ReminderKind = 'reminder' | 'escalation' | 'action';

/** The label of the action job: it fires at the due instant. */
export const ACTION_OFFSET = 'due';

/**
 * A job's payload: ids and instants only (the worker re-reads the selection when it fires, so a
 * job never carries a stale title, a name or a message).
 */
export type ReminderJobData = {
  selectionId: string;
  deadlineId: string;
  /** Offset label (`3d`, `1d`, `overdue`, `due`...). */
  offset: string;
  kind: ReminderKind;
  /** ISO instant (UTC) of the deadline this job was computed for. */
  dueAt: string;
  /** ISO instant (UTC) the job is meant to fire. */
  fireAt: string;
  /** `correlationId` of the event that last (re)scheduled the job (issue 9). */
  correlationId?: string;
};

export type ReminderJob = {
  jobId: string;
  data: ReminderJobData;
  /** Milliseconds from `now` until `fireAt`; 0 when it is due already. */
  delay: number;
};

/** BullMQ rejects `:` in custom ids and ids made only of digits: keep ids to a safe alphabet. */
const UNSAFE = /[^A-Za-z0-9._-]/g;

/** `reminder-<selectionId>-<deadlineId>-<offset>`: deterministic, so a redelivery adds nothing. */
export function reminderJobId(selectionId: string, deadlineId: string, offset: string): string {
  const safe = (part: string) => part.replace(UNSAFE, '_');
  return `reminder-${safe(selectionId)}-${safe(deadlineId)}-${safe(offset)}`;
}
