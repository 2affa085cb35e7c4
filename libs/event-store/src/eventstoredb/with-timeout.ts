import { EventStoreUnavailableError } from '../event-store.errors.js';

/**
 * Our own deadline around a client call: the EventStoreDB client can hang forever on an
 * endpoint that accepts TCP but never answers. On timeout `onTimeout` runs (to cancel the
 * call when the client allows it) and the caller gets an unavailable error.
 */
export function withTimeout<T>(
  operation: string,
  timeoutMs: number,
  call: () => Promise<T>,
  onTimeout?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(
        new EventStoreUnavailableError(
          `EventStoreDB did not answer ${operation} within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    call().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
