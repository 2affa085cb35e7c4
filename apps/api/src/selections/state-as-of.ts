import { InvalidAuditQueryError, parseAuditInstant } from '@jejak/audit';
import type { StateAsOf } from '@jejak/selections';
import { ValidationFailedError } from '../http/validation-exception.factory.js';
import type { StateAtQueryDto } from './dto/selection-queries.dto.js';

/**
 * `?at=` (effective time: what was legally true then) and/or `?knownAt=` (recorded time: what
 * the record said then), or `?revision=` (400 otherwise). `at` is read as the audit's replay reads
 * it (`parseAuditInstant`: an instant with an offset or `Z`, or a local WITA date-time or date);
 * one it cannot read is a 400 naming `at`.
 */
function checkedInstant(field: 'at' | 'knownAt', value: string): string {
  try {
    parseAuditInstant(value);
    return value;
  } catch (error) {
    if (!(error instanceof InvalidAuditQueryError)) throw error;
    throw new ValidationFailedError([
      {
        field,
        messages: [
          `${field} must be a date-time with an offset (2024-05-20T10:00:00+08:00) or a local WITA date-time (2024-05-20T10:00): ${error.message}`,
        ],
      },
    ]);
  }
}

export function stateAsOf(query: StateAtQueryDto): StateAsOf {
  const byTime = query.at !== undefined || query.knownAt !== undefined;
  if (byTime && query.revision === undefined) {
    const at = query.at === undefined ? undefined : checkedInstant('at', query.at);
    const knownAt =
      query.knownAt === undefined ? undefined : checkedInstant('knownAt', query.knownAt);
    if (at !== undefined) return knownAt === undefined ? { at } : { at, knownAt };
    return { knownAt: knownAt! };
  }
  if (query.revision !== undefined && !byTime) return { revision: query.revision };
  throw new ValidationFailedError([
    {
      field: 'at',
      messages: ['give at and/or knownAt (ISO instants), or revision, not both'],
    },
  ]);
}
