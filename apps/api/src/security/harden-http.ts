import rateLimit from '@fastify/rate-limit';
import { HttpException, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiConfig } from '../api.config.js';
import { inputLimitError, queryViolation } from './input-limits.js';
import { registerResponseHygiene, restrictDataFiles } from './response-hygiene.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import type { RateLimit } from './security.config.js';

/**
 * Fastify server options: how long a client may take (408 after `requestTimeout`), and the
 * router's own refusals (a malformed URL, a path segment over 100 characters) answered as
 * problem+json 400 like every other error, not Fastify's plain JSON (the fuzz run found the 414).
 */
export function serverOptions(config: ApiConfig) {
  const requestTimeout = config.security.requestTimeoutMs;
  return {
    // An idle socket (no bytes either way) is closed after this long.
    connectionTimeout: 2 * requestTimeout,
    requestTimeout,
    // Node checks the request timeout this often (its default, 30 s, would let a slow client
    // hold a connection up to 30 s past REQUEST_TIMEOUT).
    http: { connectionsCheckingInterval: Math.min(1_000, requestTimeout) },
    frameworkErrors: (
      error: Error & { code?: string },
      _request: FastifyRequest,
      reply: FastifyReply,
    ) => {
      const detail =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? 'A path segment is longer than 100 characters'
          : 'The URL is malformed';
      void reply
        .code(400)
        .type(PROBLEM_CONTENT_TYPE)
        .send({ type: 'about:blank', title: 'Bad Request', status: 400, detail });
    },
  };
}

/** Whole-chain verifications running at once, across all clients; more wait outside (503). */
export const AUDIT_VERIFY_CONCURRENCY = 2;

type Route = { method: string; url: string };

const isCommand = ({ method, url }: Route) =>
  method === 'POST' && (url === '/selections' || url === '/selections/:id/commands/:type');
const isDemoToken = ({ method, url }: Route) => method === 'POST' && url === '/auth/demo-token';
const isAuditVerify = ({ method, url }: Route) => method === 'GET' && url === '/audit/verify';

function tooManyRequests(_request: FastifyRequest, context: { after: string; max: number }) {
  return new HttpException(
    {
      message: `Too many requests from this client: at most ${context.max} in the window; retry after ${context.after}`,
      limit: context.max,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

type Limiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * What every request passes before routing to Nest: the query-string limit (400), per-client rate
 * limits on commands, the demo token and the whole-store verification (429 with Retry-After), and
 * a cap on verifications running at once (503 with Retry-After). Registered by `configureApp`.
 */
export async function hardenHttp(app: NestFastifyApplication, config: ApiConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  restrictDataFiles(config);
  registerResponseHygiene(fastify);
  await fastify.register(rateLimit, {
    global: false,
    errorResponseBuilder: tooManyRequests,
  });
  const limiter = (limit: RateLimit): Limiter | undefined =>
    limit === null
      ? undefined
      : (fastify.rateLimit({ max: limit.max, timeWindow: limit.windowMs }) as Limiter);
  const limits = config.security.rateLimits;
  const rules: { applies: (route: Route) => boolean; limit?: Limiter }[] = [
    { applies: isCommand, limit: limiter(limits.commands) },
    { applies: isDemoToken, limit: limiter(limits.demoToken) },
    { applies: isAuditVerify, limit: limiter(limits.auditVerify) },
  ];
  let verifying = 0;
  const counted = Symbol('jejak.auditVerifyCounted');
  type Counted = FastifyRequest & { [counted]?: boolean };

  fastify.addHook('onRequest', async (request: Counted, reply) => {
    const violation = queryViolation(request.query);
    if (violation) throw inputLimitError(violation);
    const route = { method: request.method, url: request.routeOptions.url ?? '' };
    for (const rule of rules) {
      if (rule.limit && rule.applies(route)) await rule.limit(request, reply);
    }
    if (isAuditVerify(route)) {
      if (verifying >= AUDIT_VERIFY_CONCURRENCY) {
        void reply.header('retry-after', '5');
        throw new ServiceUnavailableException(
          `${AUDIT_VERIFY_CONCURRENCY} whole-store verifications are running; retry in a few seconds`,
        );
      }
      verifying++;
      request[counted] = true;
    }
  });
  const release = (request: Counted) => {
    if (request[counted]) {
      request[counted] = false;
      verifying--;
    }
  };
  fastify.addHook('onResponse', (request, _reply, done) => {
    release(request);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    release(request);
    done();
  });
}
