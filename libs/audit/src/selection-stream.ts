import { assertStreamId, type EventStore, type RecordedEvent } from '@jejak/event-store';
import { SelectionNotFoundError } from './audit.errors.js';

export const selectionStreamId = (selectionId: string): string => `selection-${selectionId}`;

/** The whole stream of a selection (at least one event), or SelectionNotFoundError. */
export async function readSelection(
  store: EventStore,
  selectionId: string,
): Promise<{ streamId: string; events: RecordedEvent[] }> {
  const streamId = selectionStreamId(selectionId);
  try {
    assertStreamId(streamId);
  } catch {
    throw new SelectionNotFoundError(selectionId);
  }
  const events = await store.readStream(streamId);
  if (events.length === 0) throw new SelectionNotFoundError(selectionId);
  return { streamId, events };
}

/** When an event happened in the domain: the command's `now`, else when the store committed it. */
export function occurredAtOf(event: Pick<RecordedEvent, 'data' | 'recordedAt'>): string {
  const data = event.data as { occurredAt?: unknown } | null;
  const occurredAt = typeof data === 'object' && data !== null ? data.occurredAt : undefined;
  if (typeof occurredAt === 'string' && !Number.isNaN(Date.parse(occurredAt))) {
    return new Date(occurredAt).toISOString();
  }
  return event.recordedAt;
}
