import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../../event-store.port.js';

export function aStreamId(): string {
  return `selection-${randomUUID()}`;
}

export function notes(count: number, from = 0, metadata: Record<string, string> = {}): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'NoteTaken',
    data: { n: from + i, text: `note ${from + i}`, nested: { ok: true, list: [1, 'two'] } },
    metadata: { actor: '{"sub":"tester"}', ...metadata },
  }));
}

/** A handler that records every delivery into `seen`. */
export function collectInto(seen: RecordedEvent[]): (event: RecordedEvent) => Promise<void> {
  return (event) => {
    seen.push(event);
    return Promise.resolve();
  };
}

/** Keeps the events of the given streams: the contract never assumes an empty store. */
export function ofStreams(streamIds: readonly string[]): (event: RecordedEvent) => boolean {
  return (event) => streamIds.includes(event.streamId);
}

/** A subscriber name unique to one test (checkpoints outlive a run on a shared server). */
export function aSubscriber(purpose: string): string {
  return `${purpose}-${randomUUID().slice(0, 8)}`;
}
