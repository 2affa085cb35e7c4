import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TOKEN_VERIFIER, type TokenVerifier } from '@jejak/auth';
import { RemindersService, mountReminderBoard, type BoardGuard } from '@jejak/reminders';
import { registerAdminSession, requireAdmin, sendAuthProblem } from './admin-session.js';

/**
 * The ADMIN check in front of Bull Board (a Fastify hook, outside Nest's guards and filters):
 * the same bearer-token verification as `JwtAuthGuard`, or the session cookie the dashboard
 * obtained for a browser (admin-session.ts), then role ADMIN; answers problem+json 401/403 (503
 * when the identity provider is away) itself.
 */
export function adminGuard(verify: TokenVerifier): BoardGuard {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await requireAdmin(request, verify);
    } catch (error) {
      await sendAuthProblem(reply, error);
    }
  };
}

/**
 * Mounts Bull Board at `/admin/queues` (ADMIN) when this app hosts the reminders (WORKERS=inline),
 * with `/admin/session` for browsers. Called by `configureApp` after `app.init()` (Nest's error
 * handler is in place) and before Fastify is ready; registering earlier (in a module hook) would
 * make the routes Nest already added keep Fastify's default error handler.
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
  registerAdminSession(fastify, verify);
  await mountReminderBoard(fastify, reminders.runtime, adminGuard(verify));
}
