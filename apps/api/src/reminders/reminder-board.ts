import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthError,
  AuthenticationRequiredError,
  ROLE_HEADER,
  RoleNotAllowedError,
  TOKEN_VERIFIER,
  actorFor,
  bearerToken,
  type TokenVerifier,
} from '@jejak/auth';
import { RemindersService, mountReminderBoard, type BoardGuard } from '@jejak/reminders';

const UNAUTHORIZED = new Set(['AUTHENTICATION_REQUIRED', 'INVALID_TOKEN']);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The ADMIN check in front of Bull Board (a Fastify hook, outside Nest's guards and filters):
 * the same bearer-token verification as `JwtAuthGuard`, then role ADMIN; answers problem+json
 * 401/403 (503 when the identity provider is away) itself.
 */
export function adminGuard(verify: TokenVerifier): BoardGuard {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const token = bearerToken(header(request, 'authorization'));
      if (token === undefined) throw new AuthenticationRequiredError();
      const actor = actorFor(await verify(token), header(request, ROLE_HEADER));
      if (actor.role !== 'ADMIN') throw new RoleNotAllowedError(actor.role, ['ADMIN'], 'see the queues');
    } catch (error) {
      const status =
        error instanceof AuthError ? (UNAUTHORIZED.has(error.code) ? 401 : 403) : 503;
      const detail = error instanceof Error ? error.message : String(error);
      await reply
        .code(status)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          title: status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Service Unavailable',
          status,
          detail,
          ...(error instanceof AuthError ? { code: error.code, ...error.details } : {}),
        });
    }
  };
}

/**
 * Mounts Bull Board at `/admin/queues` (ADMIN) when this app hosts the reminders (WORKERS=inline).
 * Called by `configureApp` after `app.init()` (Nest's error handler is in place) and before
 * Fastify is ready; registering earlier (in a module hook) would make the routes Nest already
 * added keep Fastify's default error handler.
 */
export async function mountReminderBoardIfHosted(app: INestApplication): Promise<void> {
  let reminders: RemindersService;
  try {
    reminders = app.get(RemindersService, { strict: false });
  } catch {
    return; // WORKERS=off: the worker hosts the reminders, no board here
  }
  const verify = app.get<TokenVerifier>(TOKEN_VERIFIER, { strict: false });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  await mountReminderBoard(fastify, reminders.runtime, adminGuard(verify));
}
