import { PROCEDURE_KINDS } from '@jejak/workflows';
import { ValidationFailedError } from '../http/validation-exception.factory.js';
import { validCommandBody } from './command-body.js';
import { commandDtoFor } from './dto/command-dtos.js';
import { splitEffectiveAt } from './dto/shared/effective-at.js';

/**
 * `POST /selections` `{ kind, ...OpenSelection }`: the kind picks the DTO (400 naming `kind` when
 * it is none of ours); `authorize` runs before the rest of the body is validated (403 first, as
 * a guard would).
 */
export async function openRequestOf(
  body: unknown,
  authorize: (kind: string) => void,
): Promise<{ kind: string; data: Record<string, unknown>; effectiveAt: string | undefined }> {
  const { kind, ...rest } = (body ?? {}) as Record<string, unknown>;
  const dto = typeof kind === 'string' ? commandDtoFor(kind, 'OpenSelection') : undefined;
  if (typeof kind !== 'string' || dto === undefined) {
    throw new ValidationFailedError([
      { field: 'kind', messages: [`kind must be one of: ${PROCEDURE_KINDS.join(', ')}`] },
    ]);
  }
  authorize(kind);
  return { kind, ...splitEffectiveAt(await validCommandBody(dto, rest)) };
}
