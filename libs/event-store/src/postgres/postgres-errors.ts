import {
  EventStoreFailureError,
  EventStoreUnavailableError,
  type EventStoreError,
} from '../event-store.errors.js';

/** SQLSTATE classes meaning "cannot talk to the database now" rather than "bad statement". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P|28|3D000)/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
// 55000 with this message: the database refuses connections (ALLOW_CONNECTIONS false, being
// dropped or restored), an outage rather than a bad statement.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded|not queryable|connection error|not currently accepting connections/i;

export const UNIQUE_VIOLATION = '23505';

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Reduces a pg error to ours: message only, never the driver's object. */
export function translatePgError(error: unknown): EventStoreError {
  const code = sqlState(error) ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (
    UNAVAILABLE_SQLSTATE.test(code) ||
    UNAVAILABLE_ERRNO.has(code) ||
    UNAVAILABLE_MESSAGE.test(message)
  ) {
    return new EventStoreUnavailableError(`PostgreSQL store unavailable: ${message || code}`);
  }
  return new EventStoreFailureError(`PostgreSQL store failed: ${code ? `${code} ` : ''}${message}`);
}
