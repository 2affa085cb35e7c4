import {
  InvalidArgumentError,
  InvalidEventError,
  InvalidStreamIdError,
} from './event-store.errors.js';
import type { ExpectedRevision, ReadAllOptions, ReadStreamOptions } from './event-store.port.js';
import { ANY, NO_STREAM } from './event-store.port.js';

/**
 * The store's limits, checked before anything is written (so a bad batch leaves nothing).
 *
 * Stream ids: `selection-<uuid>` (lowercase, the canonical form, so one selection never gets two
 * streams), or a system stream `audit-<slug>` / `system-<slug>` (slug: lowercase letters, digits,
 * single hyphens; e.g. `audit-checkpoints`, `system-checkpoint-projections`). No `$` prefix:
 * EventStoreDB reserves it for its own streams.
 */
export const MAX_EVENTS_PER_APPEND = 1_000;
export const MAX_EVENT_BYTES = 1_048_576;
export const MAX_STREAM_ID_LENGTH = 200;
export const RESERVED_METADATA_KEYS = ['prevHash', 'hash'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SELECTION_STREAM = /^selection-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SYSTEM_STREAM = /^(audit|system)-[a-z0-9]+(-[a-z0-9]+)*$/;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,127}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const MAX_DEPTH = 64;

export function assertStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidStreamIdError(String(streamId), `at most ${MAX_STREAM_ID_LENGTH} characters`);
  }
  if (!SELECTION_STREAM.test(streamId) && !SYSTEM_STREAM.test(streamId)) {
    throw new InvalidStreamIdError(
      streamId,
      'expected selection-<lowercase uuid>, audit-<slug> or system-<slug>',
    );
  }
}

export function assertEventType(index: number, type: unknown): asserts type is string {
  if (typeof type !== 'string' || !EVENT_TYPE.test(type)) {
    throw new InvalidEventError(
      index,
      `type ${JSON.stringify(type)} is not PascalCase (${EVENT_TYPE.source})`,
    );
  }
}

export function assertEventId(index: number, id: unknown): asserts id is string {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new InvalidEventError(index, `id ${JSON.stringify(id)} is not a lowercase UUID`);
  }
}

/** Subscriber, collection and document names: letters, digits, `.`, `_`, `-`; 1 to 100. */
export function assertName(kind: string, name: string): void {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new InvalidArgumentError(`Invalid ${kind} ${JSON.stringify(name)}: ${NAME.source}`);
  }
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function assertExpectedRevision(expected: ExpectedRevision): void {
  if (expected !== ANY && expected !== NO_STREAM && !isNonNegativeInteger(expected)) {
    throw new InvalidArgumentError(
      `expectedRevision must be a revision number >= 0, NO_STREAM or ANY, got ${String(expected)}`,
    );
  }
}

export function assertReadStreamOptions(options: ReadStreamOptions): void {
  const { fromRevision, maxCount, direction } = options;
  if (fromRevision !== undefined && !isNonNegativeInteger(fromRevision)) {
    throw new InvalidArgumentError(`fromRevision must be an integer >= 0`);
  }
  if (maxCount !== undefined && !isNonNegativeInteger(maxCount)) {
    throw new InvalidArgumentError(`maxCount must be an integer >= 0`);
  }
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidArgumentError(`direction must be forwards or backwards`);
  }
}

export function assertReadAllOptions(options: ReadAllOptions): void {
  if (options.fromPosition !== undefined && !isNonNegativeInteger(options.fromPosition)) {
    throw new InvalidArgumentError(`fromPosition must be an integer >= 0`);
  }
  if (options.maxCount !== undefined && !isNonNegativeInteger(options.maxCount)) {
    throw new InvalidArgumentError(`maxCount must be an integer >= 0`);
  }
}

/** Where `value` stops being plain JSON (a path), or null when it is plain JSON. */
export function findNonJson(value: unknown, path = 'data', depth = 0): string | null {
  if (depth > MAX_DEPTH) return `${path} (nested deeper than ${MAX_DEPTH})`;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} (${value})`;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      if (item === undefined) return `${path}[${i}] (undefined)`;
      const found = findNonJson(item, `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      return `${path} (${value.constructor?.name ?? 'object'}, not a plain object)`;
    }
    for (const [key, item] of Object.entries(value)) {
      // Undefined members are dropped, as JSON.stringify does: optional fields stay easy to pass.
      if (item === undefined) continue;
      const found = findNonJson(item, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  return `${path} (${typeof value})`;
}
