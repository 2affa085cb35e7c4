import type { ValidationError } from 'class-validator';

/** One field of the request and everything wrong with it. */
export type FieldError = { field: string; messages: string[] };

/** The body (or a query or a parameter) fails its DTO: 400 listing every field. */
export class ValidationFailedError extends Error {
  readonly code = 'VALIDATION_FAILED';
  readonly details: { errors: FieldError[] };

  constructor(errors: FieldError[]) {
    super(`${errors.length} field(s) are not valid: ${errors.map((e) => e.field).join(', ')}`);
    this.name = 'ValidationFailedError';
    this.details = { errors };
  }
}

/** `vacancies` + `0` -> `vacancies[0]`; `vacancies[0]` + `tmt` -> `vacancies[0].tmt`. */
function join(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

function flatten(errors: readonly ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = join(parent, error.property ?? '');
    const messages = Object.values(error.constraints ?? {});
    const own = messages.length > 0 ? [{ field: field || '(body)', messages }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The `ValidationPipe`'s `exceptionFactory`: every failing field by its full path
 * (`vacancies[0].tmt`), with all its messages, in the order class-validator found them.
 */
export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  return new ValidationFailedError(flatten(errors, ''));
}
