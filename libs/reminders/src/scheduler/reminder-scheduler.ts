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
 * Follows the event store from the scheduler's checkpoint: after each event of a selection,
 * reconciles that selection. A failure (Redis away) makes the subscription back off and resume
 * from its checkpoint, so the scheduler catches up once Redis is back.
 */
export function startScheduler(
  deps: SchedulerDeps,
  subscriber = SCHEDULER_SUBSCRIBER,
): Subscription {
  return deps.eventStore.subscribeToAll({
    subscriber,
    from: 'checkpoint',
    handler: async (event) => {
      const selectionId = selectionIdOf(event.streamId);
      if (selectionId === null) return;
      await reconcileSelection(deps, selectionId, event.metadata.correlationId);
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
