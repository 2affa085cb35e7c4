import { createHash } from 'node:crypto';
import type { ReadModelStore } from '@jejak/event-store';
import type { ReminderJobData, ReminderKind } from '../core/reminder-job.js';
import type { NotifierChannel } from '../notify/notifier.port.js';

/** Read-model collection of reminder outcomes (rebuildable only in part: it is a delivery log). */
export const REMINDERS_COLLECTION = 'reminders';

/** `command`: the time-driven action; `none`: a job dropped before any channel was tried. */
export type RecordChannel = NotifierChannel | 'command' | 'none';
/** `retrying`: failed so far, another attempt is scheduled; `failed` is final. */
export type ReminderStatus = 'sent' | 'failed' | 'dropped' | 'retrying';

/** What `GET /selections/:id/reminders` lists: one row per job, channel and fire instant. */
export type ReminderRecord = {
  id: string;
  selectionId: string;
  jobId: string;
  deadlineId: string;
  offset: string;
  kind: ReminderKind;
  channel: RecordChannel;
  status: ReminderStatus;
  attempts: number;
  dueAt: string;
  fireAt: string;
  firstAttemptAt: string;
  lastAttemptAt: string;
  sentAt?: string;
  /** Why it was dropped (`deadline-no-longer-applies`, ...) or the command's outcome. */
  reason?: string;
  /** The last error, for `retrying` and `failed`. */
  error?: string;
  correlationId?: string;
};

/** One record per job, channel and fire instant: a moved deadline makes a new reminder. */
export function recordId(jobId: string, channel: RecordChannel, fireAt: string): string {
  const id = `${jobId}-${channel}-${Date.parse(fireAt)}`;
  return id.length <= 200 ? id : `reminder-${createHash('sha256').update(id).digest('hex')}`;
}

export type RecordOutcome = {
  channel: RecordChannel;
  status: ReminderStatus;
  at: string;
  reason?: string;
  error?: string;
};

/** Reads and writes reminder records; `outcome` keeps the first attempt time and counts attempts. */
export class ReminderRecords {
  constructor(private readonly readModels: ReadModelStore) {}

  get(jobId: string, channel: RecordChannel, fireAt: string): Promise<ReminderRecord | null> {
    return this.readModels.get<ReminderRecord>(
      REMINDERS_COLLECTION,
      recordId(jobId, channel, fireAt),
    );
  }

  /**
   * Writes the outcome of an attempt. `previous`: the record as the caller just read it with
   * `get` (null: none yet), so it is not read again; left out, it is read here.
   */
  async outcome(
    jobId: string,
    job: ReminderJobData,
    outcome: RecordOutcome,
    previous?: ReminderRecord | null,
  ): Promise<ReminderRecord> {
    const id = recordId(jobId, outcome.channel, job.fireAt);
    if (previous === undefined)
      previous = await this.readModels.get<ReminderRecord>(REMINDERS_COLLECTION, id);
    const record: ReminderRecord = {
      id,
      selectionId: job.selectionId,
      jobId,
      deadlineId: job.deadlineId,
      offset: job.offset,
      kind: job.kind,
      channel: outcome.channel,
      status: outcome.status,
      attempts: (previous?.attempts ?? 0) + 1,
      dueAt: job.dueAt,
      fireAt: job.fireAt,
      firstAttemptAt: previous?.firstAttemptAt ?? outcome.at,
      lastAttemptAt: outcome.at,
      ...(outcome.status === 'sent' ? { sentAt: outcome.at } : {}),
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
      ...(job.correlationId === undefined ? {} : { correlationId: job.correlationId }),
    };
    await this.readModels.put(REMINDERS_COLLECTION, id, record);
    return record;
  }
}

/**
 * Every sent, failed or dropped reminder of a selection, in the order they fired: what the API
 * serves at `GET /selections/:id/reminders`.
 */
export async function listReminderRecords(
  readModels: ReadModelStore,
  selectionId: string,
): Promise<ReminderRecord[]> {
  const { items } = await readModels.list<ReminderRecord>(REMINDERS_COLLECTION, {
    where: { selectionId },
  });
  return items.sort(
    (a, b) =>
      a.fireAt.localeCompare(b.fireAt) ||
      a.firstAttemptAt.localeCompare(b.firstAttemptAt) ||
      a.id.localeCompare(b.id),
  );
}
