import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthError,
  AuthenticationRequiredError,
  ROLE_HEADER,
  RoleNotAllowedError,
  actorFor,
  bearerToken,
  type TokenVerifier,
} from '@jejak/auth';

/**
 * Bull Board from a browser: a browser sends no `Authorization` header on a navigation, so the
 * dashboard trades the ADMIN's bearer token for this cookie (`POST /admin/session`): HttpOnly (no
 * script reads it), SameSite=Strict (no other site's page sends it), Path=/admin (only the
 * board and this route see it), Secure over HTTPS, and gone when the token expires.
 */
export const ADMIN_SESSION_COOKIE = 'jejak_admin';
export const ADMIN_SESSION_PATH = '/admin/session';
const COOKIE_PATH = '/admin';

const UNAUTHORIZED = new Set(['AUTHENTICATION_REQUIRED', 'INVALID_TOKEN']);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The session cookie's token. Parsed here rather than by @fastify/cookie, whose parser works only
 * once the plugin is registered on the app (a decorator other parts of the app may add too).
 */
function cookieToken(request: FastifyRequest): string | undefined {
  for (const pair of (header(request, 'cookie') ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === ADMIN_SESSION_COOKIE) {
      const token = pair.slice(at + 1).trim();
      return token === '' ? undefined : token;
    }
  }
  return undefined;
}

/** `Set-Cookie` for the session (a JWT is made of cookie-safe characters: base64url and dots). */
function sessionCookie(value: string, maxAge: number | undefined, secure: boolean): string {
  return [
    `${ADMIN_SESSION_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(maxAge === undefined ? [] : [`Max-Age=${maxAge}`]),
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Seconds until the (verified) token's `exp`, if it has one. */
function secondsLeft(token: string, now = Date.now()): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number'
      ? Math.max(0, Math.floor(payload.exp - now / 1000))
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ADMIN behind a request to the board: the bearer token (acting role from X-Jejak-Role, as
 * everywhere), else the session cookie (which was issued to an ADMIN: acting as ADMIN). Throws
 * an `AuthError` for 401/403.
 */
export async function requireAdmin(
  request: FastifyRequest,
  verify: TokenVerifier,
): Promise<{ token: string }> {
  const bearer = bearerToken(header(request, 'authorization'));
  const token = bearer ?? cookieToken(request);
  if (token === undefined) throw new AuthenticationRequiredError();
  const actor = actorFor(
    await verify(token),
    bearer === undefined ? 'ADMIN' : header(request, ROLE_HEADER),
  );
  if (actor.role !== 'ADMIN')
    throw new RoleNotAllowedError(actor.role, ['ADMIN'], 'see the queues');
  return { token };
}

/** problem+json 401/403 for an `AuthError`, 503 for anything else (the identity provider away). */
export async function sendAuthProblem(reply: FastifyReply, error: unknown): Promise<void> {
  const status = error instanceof AuthError ? (UNAUTHORIZED.has(error.code) ? 401 : 403) : 503;
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

/**
 * `POST /admin/session` (bearer token of an ADMIN -> 204 and the cookie) and
 * `DELETE /admin/session` (204, the cookie cleared). Raw Fastify routes beside the board.
 */
export function registerAdminSession(fastify: FastifyInstance, verify: TokenVerifier): void {
  fastify.post(ADMIN_SESSION_PATH, async (request, reply) => {
    let token: string;
    try {
      if (bearerToken(header(request, 'authorization')) === undefined)
        throw new AuthenticationRequiredError();
      ({ token } = await requireAdmin(request, verify));
    } catch (error) {
      return sendAuthProblem(reply, error);
    }
    const cookie = sessionCookie(token, secondsLeft(token), request.protocol === 'https');
    return reply.code(204).header('set-cookie', cookie).header('cache-control', 'no-store').send();
  });
  fastify.delete(ADMIN_SESSION_PATH, async (request, reply) => {
    const cookie = sessionCookie('', 0, request.protocol === 'https');
    return reply.code(204).header('set-cookie', cookie).send();
  });
}
