import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { currentCorrelationId } from './correlation-id.js';

/** What the HTTP hook adds to every Fastify request. */
export type CorrelatedRequest = { correlationId?: string };

/**
 * `@CorrelationId() correlationId: string` in a controller method: the request's correlation id
 * (the caller's `X-Request-Id`, or the one generated for it), to be stored in event metadata.
 */
export const CorrelationId = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<CorrelatedRequest>();
  return request.correlationId ?? currentCorrelationId();
});
