import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  CORRELATION_HEADER,
  resolveCorrelationId,
  runWithCorrelationId,
} from '../correlation/correlation-id.js';
import type { Metrics } from '../metrics/metrics.service.js';
import { scrubText } from '../logging/redact.js';
import { classifyCommandResponse } from './command-outcome.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's `X-Request-Id`, or the id generated for this request. */
    correlationId: string;
  }
}

const RESPONSE_BODY = Symbol('jejak.responseBody');
type Observed = FastifyRequest & { [RESPONSE_BODY]?: unknown };

/** Requests that would drown the log at info level: probes and scrapes. */
const QUIET_ROUTES = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function parseJson(payload: unknown): unknown {
  if (typeof payload !== 'string') return payload;
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Adds, to every request of the app: the correlation id (honoured from `X-Request-Id` or
 * generated, written back to the request headers, echoed in the response, visible to code and
 * logs through `request.correlationId` and the async context), one log line when the response is
 * sent, the duration histogram, and the command counters for the command routes.
 */
export function registerHttpObservability(
  fastify: FastifyInstance,
  deps: { logger: Logger; metrics: Metrics },
): void {
  fastify.decorateRequest('correlationId', '');

  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = resolveCorrelationId(request.headers[CORRELATION_HEADER]);
    request.correlationId = correlationId;
    request.headers[CORRELATION_HEADER] = correlationId;
    void reply.header(CORRELATION_HEADER, correlationId);
    done();
  });

  // After the body is parsed: the handler runs inside the request's async context from here on.
  fastify.addHook('preHandler', (request, _reply, done) => {
    runWithCorrelationId(request.correlationId, done);
  });

  fastify.addHook('onSend', (request: Observed, reply, payload, done) => {
    if (request.method === 'POST' && reply.statusCode >= 400) {
      request[RESPONSE_BODY] = parseJson(payload);
    }
    done(null, payload);
  });

  fastify.addHook('onResponse', (request: Observed, reply, done) => {
    observeResponse(request, reply, deps);
    done();
  });
}

function observeResponse(
  request: Observed,
  reply: FastifyReply,
  { logger, metrics }: { logger: Logger; metrics: Metrics },
): void {
  const route = request.routeOptions.url ?? 'unmatched';
  const statusCode = reply.statusCode;
  const latencyMs = Math.round(reply.elapsedTime * 1000) / 1000;
  metrics.httpObserved(request.method, route, statusCode, reply.elapsedTime / 1000);

  const command = classifyCommandResponse({
    method: request.method,
    path: pathOf(request.url),
    statusCode,
    body: request[RESPONSE_BODY],
  });
  if (command !== null) metrics.commandDecided(command.type, command.outcome, command.ruleIds);

  const level = statusCode >= 500 ? 'error' : QUIET_ROUTES.has(route) ? 'debug' : 'info';
  logger[level](
    {
      correlationId: request.correlationId,
      method: request.method,
      route,
      url: scrubText(request.url),
      statusCode,
      latencyMs,
      ...(command === null ? {} : { command: command.type, outcome: command.outcome }),
    },
    `${request.method} ${route} ${statusCode} ${latencyMs}ms`,
  );
}
