import { InvalidAuditQueryError, parseAuditInstant } from '@jejak/audit';
import type { StateAsOf } from '@jejak/selections';
import { ValidationFailedError } from '../http/validation-exception.factory.js';
import type { StateAtQueryDto } from './dto/selection-queries.dto.js';

/**
 * `?at=` or `?revision=`: exactly one (400 otherwise). `at` is read as the audit's replay reads
 * it (`parseAuditInstant`: an instant with an offset or `Z`, or a local WITA date-time or date);
 * one it cannot read is a 400 naming `at`.
 */
export function stateAsOf(query: StateAtQueryDto): StateAsOf {
  if (query.at !== undefined && query.revision === undefined) {
    try {
      parseAuditInstant(query.at);
    } catch (error) {
      if (!(error instanceof InvalidAuditQueryError)) throw error;
      throw new ValidationFailedError([
        {
          field: 'at',
          messages: [
            `at must be a date-time with an offset (2024-05-20T10:00:00+08:00) or a local WITA date-time (2024-05-20T10:00): ${error.message}`,
          ],
        },
      ]);
    }
    return { at: query.at };
  }
  if (query.revision !== undefined && query.at === undefined) return { revision: query.revision };
  throw new ValidationFailedError([
    { field: 'at', messages: ['give either at (an ISO instant) or revision, not both'] },
  ]);
}
