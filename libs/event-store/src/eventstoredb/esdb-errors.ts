import {
  EventStoreError,
  EventStoreFailureError,
  EventStoreUnavailableError,
} from '../event-store.errors.js';

/** Client error types that mean "cannot reach a usable node now". */
const UNAVAILABLE = new Set([
  'unavailable',
  'deadline-exceeded',
  'timeout',
  'cancelled',
  'not-leader',
]);

export function translateEsdbError(error: unknown): EventStoreError {
  if (error instanceof EventStoreError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof type === 'string' && UNAVAILABLE.has(type)) {
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${message}`);
  }
  return new EventStoreFailureError(`EventStoreDB failed: ${message}`);
}
