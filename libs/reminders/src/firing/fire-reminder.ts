import type { Deadline } from '@jejak/workflows';
import type { ReminderJobData } from '../core/reminder-job.js';
import type { ReminderMetrics } from '../core/reminder-metrics.port.js';
import type { ReminderOffsets } from '../core/reminder-offsets.js';
import { fireAtFor } from '../core/reminders-from-deadlines.js';
import type { ActionIssuer, SelectionFacts, SelectionReader } from '../core/selection-port.js';
import type { Lang } from '../messages/format-wita.js';
import type { Notifier } from '../notify/notifier.port.js';
import type { ReminderRecords } from '../records/reminder-records.js';
import { fireAction } from './fire-action.js';
import { notifyChannels } from './notify-channels.js';

export type FiringDeps = {
  reader: SelectionReader;
  issuer?: ActionIssuer;
  notifiers: readonly Notifier[];
  records: ReminderRecords;
  offsets: ReminderOffsets;
  clock: () => Date;
  lang: Lang;
  /** Links in messages: `<publicBaseUrl>/selections/<id>`. */
  publicBaseUrl: string;
  metrics?: ReminderMetrics;
};

/** One attempt at a job: whether another attempt follows if a channel fails. */
export type Attempt = { jobId: string; final: boolean };

export type FireResult =
  | { kind: 'dropped'; reason: string }
  /** The deadline moved later: the job waits again until `fireAt`. */
  | { kind: 'moved'; fireAt: string }
  | { kind: 'sent'; channels: string[] }
  | { kind: 'failed'; channels: string[]; error: string; final: boolean }
  | { kind: 'acted'; outcome: string };

/** Moved earlier than this much in the future still fires now. */
const EARLY_TOLERANCE_MS = 1_000;

type Current = { facts: SelectionFacts; deadline: Deadline; data: ReminderJobData };

/** Re-reads the selection: is this job's deadline still there, and still due at this time? */
async function current(
  deps: FiringDeps,
  data: ReminderJobData,
): Promise<Current | { kind: 'dropped'; reason: string } | { kind: 'moved'; fireAt: string }> {
  const facts = await deps.reader.read(data.selectionId);
  if (facts === null) return { kind: 'dropped', reason: 'selection-not-found' };
  const deadline = facts.deadlines.find((d) => d.deadlineId === data.deadlineId);
  if (deadline === undefined) return { kind: 'dropped', reason: 'deadline-no-longer-applies' };
  const fireAt = fireAtFor(deadline, data.offset, deps.offsets);
  if (fireAt === null) return { kind: 'dropped', reason: 'offset-no-longer-configured' };
  if (fireAt !== data.fireAt && Date.parse(fireAt) > deps.clock().getTime() + EARLY_TOLERANCE_MS) {
    return { kind: 'moved', fireAt };
  }
  return { facts, deadline, data: { ...data, dueAt: deadline.dueAt, fireAt } };
}

/**
 * What a job does when it fires: drop what no longer applies (recorded as dropped, never sent),
 * issue the time-driven command as SYSTEM, or send the reminder on every channel that applies
 * (each channel once, even across retries and rebuilds: the records say what was sent).
 */
export async function fireReminder(
  deps: FiringDeps,
  data: ReminderJobData,
  attempt: Attempt,
): Promise<FireResult> {
  const now = deps.clock().toISOString();
  const found = await current(deps, data);
  if ('kind' in found) {
    if (found.kind === 'dropped') {
      await deps.records.outcome(attempt.jobId, data, {
        channel: 'none',
        status: 'dropped',
        at: now,
        reason: found.reason,
      });
      deps.metrics?.reminder('dropped');
    }
    return found;
  }
  if (found.data.kind === 'action') return fireAction(deps, found, attempt, now);
  return notifyChannels(deps, found, attempt, now);
}

export type { Current };
