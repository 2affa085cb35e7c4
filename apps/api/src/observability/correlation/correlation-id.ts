import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header a caller (or a proxy) may send; we echo it, or the id we generated, in the response. */
export const CORRELATION_HEADER = 'x-request-id';

/**
 * Accepts a caller's id only when it is short and made of safe characters: it ends up in logs,
 * in response headers and in every event's metadata, so nothing else may pass through.
 */
const ACCEPTABLE_ID = /^[A-Za-z0-9._~:@/+=-]{1,128}$/;

/** The caller's `X-Request-Id` when acceptable, otherwise a fresh UUID. */
export function resolveCorrelationId(
  header: string | string[] | undefined,
  generate: () => string = randomUUID,
): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && ACCEPTABLE_ID.test(candidate) ? candidate : generate();
}

type CorrelationScope = { correlationId: string };

const storage = new AsyncLocalStorage<CorrelationScope>();

/** Runs `work` with `correlationId` visible to `currentCorrelationId()` and to every log line. */
export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

/** The correlation id of the request (or job) being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
