import type { StateAsOf } from '@jejak/selections';
import { ValidationFailedError } from '../http/validation-exception.factory.js';
import type { StateAtQueryDto } from './dto/selection-queries.dto.js';

/** `?at=` or `?revision=`: exactly one (400 otherwise). */
export function stateAsOf(query: StateAtQueryDto): StateAsOf {
  if (query.at !== undefined && query.revision === undefined) return { at: query.at };
  if (query.revision !== undefined && query.at === undefined) return { revision: query.revision };
  throw new ValidationFailedError([
    { field: 'at', messages: ['give either at (an ISO instant) or revision, not both'] },
  ]);
}
