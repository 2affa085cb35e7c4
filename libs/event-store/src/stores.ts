import type { EventStore, ReadModelStore } from './event-store.port.js';
import type { EventStoreError } from './event-store.errors.js';
import { EventStoreError as BaseError } from './event-store.errors.js';

/** An opened store: the events, the read-model documents beside them, and one way to close both. */
export type EventStoreHandle = {
  eventStore: EventStore;
  readModels: ReadModelStore;
  close(): Promise<void>;
};

/** Runs a driver call and lets only our own errors out. */
export async function translated<T>(
  translate: (error: unknown) => EventStoreError,
  operation: () => T | Promise<T>,
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw error instanceof BaseError ? error : translate(error);
  }
}
