import type { Deadline } from '@jejak/workflows';
import {
  ACTION_OFFSET,
  reminderJobId,
  type ReminderJob,
  type ReminderKind,
} from './reminder-job.js';
import type { Offset, ReminderOffsets } from './reminder-offsets.js';

type Planned = {
  offset: string;
  kind: ReminderKind;
  group: 'before' | 'overdue' | 'action';
  at: number;
};

function plannedFor(deadline: Deadline, offsets: ReminderOffsets): Planned[] {
  const due = Date.parse(deadline.dueAt);
  const fromOffset = (o: Offset): Planned =>
    o.kind === 'before'
      ? { offset: o.label, kind: 'reminder', group: 'before', at: due - o.ms }
      : { offset: o.label, kind: 'escalation', group: 'overdue', at: due + o.ms };
  const chosen = offsets[deadline.kind].filter(
    // A deadline with an action is met by SYSTEM itself at the due instant: nothing to escalate.
    (o) => deadline.action === undefined || o.kind === 'before',
  );
  const planned = chosen.map(fromOffset);
  if (deadline.action !== undefined) {
    planned.push({ offset: ACTION_OFFSET, kind: 'action', group: 'action', at: due });
  }
  return planned;
}

/**
 * Of the reminders whose time has passed, only the latest of each group is still worth sending
 * (a late "3 days before" says nothing the "1 day before" does not), and a "before" reminder
 * only while the deadline is still ahead. The action always stays: SYSTEM must still act.
 */
function stillWorthSending(planned: Planned[], due: number, now: number): Planned[] {
  const latestMissed = new Map<string, number>();
  for (const p of planned) {
    if (p.at <= now)
      latestMissed.set(p.group, Math.max(latestMissed.get(p.group) ?? -Infinity, p.at));
  }
  return planned.filter((p) => {
    if (p.at > now || p.group === 'action') return true;
    if (p.group === 'before' && due <= now) return false;
    return p.at === latestMissed.get(p.group);
  });
}

/**
 * The jobs a selection's deadlines call for at `now` (pure): one per deadline and offset, with a
 * deterministic id `reminder-<selectionId>-<deadlineId>-<offset>` and the delay until it fires.
 * A deadline due before `recordedSince` (the selection's first act was recorded after it, a
 * back-filled selection) gets no reminder and no escalation: it was met or missed before the
 * record existed, and shows as such; only its time-driven action stays (taking effect at the
 * deadline).
 */
export function remindersFromDeadlines(
  selectionId: string,
  deadlines: readonly Deadline[],
  offsets: ReminderOffsets,
  now: Date | string,
  recordedSince?: string,
): ReminderJob[] {
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const since = recordedSince === undefined ? Number.NaN : Date.parse(recordedSince);
  const jobs = deadlines.flatMap((deadline) => {
    const due = Date.parse(deadline.dueAt);
    if (Number.isNaN(due)) return [];
    const beforeTheRecord = due < since;
    const worth = stillWorthSending(plannedFor(deadline, offsets), due, nowMs).filter(
      (p) => !beforeTheRecord || p.group === 'action',
    );
    return worth.map((p): ReminderJob => ({
      jobId: reminderJobId(selectionId, deadline.deadlineId, p.offset),
      data: {
        selectionId,
        deadlineId: deadline.deadlineId,
        offset: p.offset,
        kind: p.kind,
        dueAt: new Date(due).toISOString(),
        fireAt: new Date(p.at).toISOString(),
      },
      delay: Math.max(0, p.at - nowMs),
    }));
  });
  return jobs.sort(
    (a, b) => a.data.fireAt.localeCompare(b.data.fireAt) || a.jobId.localeCompare(b.jobId),
  );
}

/** Where, for a deadline, the job with this offset label fires (null: no such offset any more). */
export function fireAtFor(
  deadline: Deadline,
  offset: string,
  offsets: ReminderOffsets,
): string | null {
  const found = plannedFor(deadline, offsets).find((p) => p.offset === offset);
  return found === undefined ? null : new Date(found.at).toISOString();
}
