import { ValidationPipe, type Type } from '@nestjs/common';
import {
  ValidationFailedError,
  validationExceptionFactory,
} from '../http/validation-exception.factory.js';

/** The global pipe's options (create-app.ts): whitelist, no unknown fields, transform. */
// `forbidUnknownValues: false` lets a payload-less command (`CloseRegistration`: an empty DTO)
// validate `{}`; whitelisting still refuses any field it sends.
const pipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: false,
  transform: true,
  exceptionFactory: validationExceptionFactory,
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Validates a command body against the DTO chosen at run time (the route's `:type` and the
 * selection's kind pick it, so the global pipe cannot): 400 with every field named, else the
 * body as plain JSON (event data never holds class instances).
 */
export async function validCommandBody(
  dto: Type<object>,
  body: unknown,
): Promise<Record<string, unknown>> {
  const value = body ?? {};
  if (!isPlainObject(value)) {
    throw new ValidationFailedError([
      { field: '(body)', messages: ['the body must be a JSON object'] },
    ]);
  }
  const instance: unknown = await pipe.transform(value, { type: 'body', metatype: dto });
  return JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
}
