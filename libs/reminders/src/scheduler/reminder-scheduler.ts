import { Logger } from '@nestjs/common';
import type { EventStore, Subscription } from '@jejak/event-store';
import type { ReminderMetrics } from '../core/reminder-metrics.port.js';
import type { ReminderOffsets } from '../core/reminder-offsets.js';
import { remindersFromDeadlines } from '../core/reminders-from-deadlines.js';
import { selectionIdOf, type SelectionReader } from '../core/selection-port.js';
import type { ReconcileResult, ReminderQueue } from '../queue/reminder-queue.js';

export type SchedulerDeps = {
  eventStore: EventStore;
  reader: SelectionReader;
  queue: ReminderQueue;
  offsets: ReminderOffsets;
  clock: () => Date;
  metrics?: ReminderMetrics;
};

/** Durable checkpoint name of the scheduler's subscription. */
export const SCHEDULER_SUBSCRIBER = 'reminders';

/** Recomputes one selection's deadlines and makes its delayed jobs match them. */
export async function reconcileSelection(
  deps: SchedulerDeps,
  selectionId: string,
  correlationId?: string,
): Promise<ReconcileResult> {
  const facts = await deps.reader.read(selectionId);
  const jobs = remindersFromDeadlines(
    selectionId,
    facts?.deadlines ?? [],
    deps.offsets,
    deps.clock(),
    facts?.recordedSince,
  );
  const tagged = jobs.map((job) =>
    correlationId === undefined ? job : { ...job, data: { ...job.data, correlationId } },
  );
  const result = await deps.queue.reconcile(selectionId, tagged);
  const scheduled = result.added.length + result.moved.length;
  if (scheduled > 0) deps.metrics?.reminder('scheduled', scheduled);
  return result;
}

/**
 * Follows the event store from the scheduler's checkpoint and reconciles every selection its
 * events touched. Events are taken a batch (a page of the store) at a time: each selection is
 * reconciled once per batch, after its last event in the batch, in the order the batch first
 * touched them, with the correlation id of its first event there (a reconcile reads the
 * selection as it is now, so one per batch sees everything one per event would). The
 * checkpoint moves past a batch only once all of it is reconciled. A failure (Redis away) makes
 * the subscription back off and resume from its checkpoint, so the scheduler catches up once
 * Redis is back.
 */
export function startScheduler(
  deps: SchedulerDeps,
  subscriber = SCHEDULER_SUBSCRIBER,
): Subscription {
  /** Selections touched by the batch being delivered, with their first correlation id. */
  let touched = new Map<string, string | undefined>();
  return deps.eventStore.subscribeToAll({
    subscriber,
    from: 'checkpoint',
    handler: (event) => {
      const selectionId = selectionIdOf(event.streamId);
      if (selectionId !== null && !touched.has(selectionId))
        touched.set(selectionId, event.metadata.correlationId);
      return Promise.resolve();
    },
    flush: async () => {
      const batch = touched;
      touched = new Map();
      for (const [selectionId, correlationId] of batch)
        await reconcileSelection(deps, selectionId, correlationId);
    },
  });
}

export type RebuildResult = { selections: number; jobs: number };

/**
 * Recomputes every selection's jobs from the event store (`jejak reminders rebuild`): after a
 * FLUSHALL the same jobs come back; reminders already sent are not sent again (their records).
 */
export async function rebuildReminders(deps: SchedulerDeps): Promise<RebuildResult> {
  const logger = new Logger('Reminders');
  let selections = 0;
  let jobs = 0;
  for (const streamId of await deps.eventStore.listStreams()) {
    const selectionId = selectionIdOf(streamId);
    if (selectionId === null) continue;
    const result = await reconcileSelection(deps, selectionId);
    selections += 1;
    jobs += result.added.length + result.moved.length + result.kept.length;
  }
  logger.log(`Rebuilt reminders of ${selections} selection(s): ${jobs} job(s)`);
  return { selections, jobs };
}
