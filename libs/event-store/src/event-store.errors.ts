import type { ExpectedRevision } from './event-store.port.js';

/**
 * Errors the event store throws across its port. Each carries a stable `code` (never an HTTP
 * status: the API maps codes to responses in one place). Driver errors never cross the port: the
 * adapters translate them into these.
 */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream is not at the expected revision (`actual` is null when the stream does not exist). */
export class StreamRevisionConflictError extends EventStoreError {
  readonly code = 'STREAM_REVISION_CONFLICT';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | null,
  ) {
    super(
      `Stream ${streamId} is at revision ${actual ?? 'none (no stream)'}, expected ${String(expected)}`,
    );
  }
}

export class InvalidStreamIdError extends EventStoreError {
  readonly code = 'INVALID_STREAM_ID';

  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super(`Invalid stream id ${JSON.stringify(streamId)}: ${reason}`);
  }
}

/** An event (or an argument describing events) breaks a limit: type format, not JSON, too large. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';

  constructor(
    readonly index: number | null,
    readonly reason: string,
  ) {
    super(index === null ? reason : `Event #${index}: ${reason}`);
  }
}

/** An append must carry between 1 and 1,000 events. */
export class AppendLimitError extends EventStoreError {
  readonly code = 'APPEND_LIMIT';

  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super(`An append carries 1 to ${limit} events, got ${count}`);
  }
}

/** The backing store cannot be reached or dropped the connection; safe to retry later. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
}

/** Any other driver failure, reduced to its message (a bug or a broken database, not a race). */
export class EventStoreFailureError extends EventStoreError {
  readonly code = 'EVENT_STORE_FAILURE';
}

/** An option or name passed to the store is malformed (read range, subscriber, collection...). */
export class InvalidArgumentError extends EventStoreError {
  readonly code = 'INVALID_ARGUMENT';
}

/** The store was used after `close()`. */
export class EventStoreClosedError extends EventStoreError {
  readonly code = 'EVENT_STORE_CLOSED';

  constructor() {
    super('The event store is closed');
  }
}
